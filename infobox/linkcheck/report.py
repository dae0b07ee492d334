"""The run's reports: links.json (machines), links.md (issue body / CI job summary)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from infobox.link_status import LABELS, STATUSES, LinkState, LinkStatus
from infobox.markdown_escape import GITHUB_TABLE, escape_markdown
from infobox.model import Catalogue, Resource

ARCHIVED = "gearchiveerde versie"  # the words for an archived copy in every report


@dataclass(frozen=True)
class Entry:
    """One link in the report, with the catalogue entries that carry it."""

    state: LinkState
    resources: tuple[Resource, ...]

    @property
    def standards(self) -> list[str]:
        return list(dict.fromkeys(ref for r in self.resources for ref in r.standards))


def entries(status: LinkStatus, catalogue: Catalogue) -> list[Entry]:
    owners = catalogue.urls()
    return [Entry(status.links[url], owners.get(url, ())) for url in owners if url in status.links]


def to_json(status: LinkStatus, catalogue: Catalogue) -> dict:
    links = []
    for entry in entries(status, catalogue):
        state = entry.state
        links.append(
            {
                "url": state.url,
                "status": state.status,
                "http_status": state.http_status,
                "detail": state.detail,
                "redirect_to": state.redirect_to,
                "resources": [r.id for r in entry.resources],
                "standards": entry.standards,
                "consecutive_failures": state.consecutive_failures,
                "first_failure": state.first_failure,
                "archive_url": state.archive_url,
                "archive_timestamp": state.archive_timestamp,
                "report": state.report,
            }
        )
    return {"checked_at": status.checked_at, "summary": status.summary(), "links": links}


def write_json(status: LinkStatus, catalogue: Catalogue, path) -> None:
    path.write_text(json.dumps(to_json(status, catalogue), ensure_ascii=False, indent=2) + "\n", "utf-8")


def md_text(text: str) -> str:
    """Catalogue text that cannot break a table or turn into a link."""
    return escape_markdown(text, GITHUB_TABLE)


def count_links(n: int) -> str:
    """Dutch count: '1 link', '10 links'."""
    return f"{n} link" if n == 1 else f"{n} links"


def date_of(iso: str | None) -> str:
    return iso[:10] if iso else ""


def what_to_do(state: LinkState) -> str:
    if state.status == "moved":
        return f"vervang door <{state.redirect_to}>"
    since = f" (sinds {date_of(state.first_failure)}" + (
        f", {state.consecutive_failures} controles op rij)" if state.consecutive_failures > 1 else ")"
    )
    archive = f"; {ARCHIVED}: <{state.archive_url}> ({archive_date(state)})" if state.archive_url else ""
    return md_text(state.detail) + since + archive


def archive_date(state: LinkState) -> str:
    return f"van {date_of(state.archive_timestamp)}"


def to_markdown(status: LinkStatus, catalogue: Catalogue) -> str:
    all_entries = entries(status, catalogue)
    reported = [e for e in all_entries if e.state.report]
    lines = [f"# Linkcontrole Infobox — {date_of(status.checked_at)}", ""]
    summary = status.summary()
    lines += ["| status | aantal |", "| --- | ---: |"]
    lines += [f"| {LABELS[s]} | {summary[s]} |" for s in STATUSES]
    lines += ["", f"**{count_links(len(reported))} om na te kijken.**" if reported else "Niets om na te kijken.", ""]
    for standard in catalogue.standards:
        here = [e for e in reported if standard.id in {r_id for r in e.resources for r_id in r.standard_ids}]
        if not here:
            continue
        lines += [f"## Kwaliteitsstandaard {standard.id}: {md_text(standard.title)}", ""]
        lines += ["| hulpmiddel | link | status | wat te doen |", "| --- | --- | --- | --- |"]
        for entry in here:
            for resource in entry.resources:
                if standard.id in resource.standard_ids:
                    lines.append(
                        f"| {md_text(resource.title)} (`{resource.id}`) | <{entry.state.url}> "
                        f"| {LABELS[entry.state.status]} | {what_to_do(entry.state)} |"
                    )
        lines.append("")
    blocked = [e for e in all_entries if e.state.status == "blocked"]
    if blocked:
        lines += ["## Handmatig controleren", "", "Deze sites weren de controle; ze worden niet als dood gemeld.", ""]
        for entry in blocked:
            titles = ", ".join(md_text(r.title) for r in entry.resources)
            lines.append(f"- <{entry.state.url}> — {titles}: {md_text(entry.state.detail)}")
        lines.append("")
    waiting = [e for e in all_entries if e.state.status == "transient" and not e.state.report]
    if waiting:
        lines += ["## Tijdelijk onbereikbaar (nog niet gemeld)", ""]
        for entry in waiting:
            lines.append(
                f"- <{entry.state.url}> — {md_text(entry.state.detail)} ({entry.state.consecutive_failures}× op rij)"
            )
        lines.append("")
    return "\n".join(lines)
