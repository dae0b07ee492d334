"""The run's reports: links.json (machines) and links.md (issue body / CI job summary); the e-mail (mail.py)
renders the same sections with the same words.

One row per link, whatever number of resources and standards carry it, grouped by what the maintainer does:
broken (search the site, replace or remove; the archived copy when there is one), moved (replace by),
transient past its threshold (open it yourself), then the by-hand list (blocked) and the transient links
that are not reported yet (nothing to do). Every row names where the link is: resource title and id, the
link's label and its line in the catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from infobox.catalogue.model import Catalogue, Resource
from infobox.link_results.status import LABELS, LinkHistory, LinkState, LinkStatus
from infobox.linkcheck.archive import SAFE_URL
from infobox.markdown_escape import github_address, github_text

ARCHIVED = "gearchiveerde versie"  # the words for an archived copy in every report
GUIDE = "BEHEER.md, hoofdstuk Linkcontrole"  # where a maintainer reads what each status means
# The status names BEHEER.md's table uses, for counts (the console line, the report's summary).
COUNT_NAMES = {
    LinkStatus.OK: "werkt",
    LinkStatus.MOVED: "verhuisd",
    LinkStatus.BROKEN: "werkt niet",
    LinkStatus.TRANSIENT: "tijdelijk onbereikbaar",
    LinkStatus.BLOCKED: "geblokkeerd",
}


@dataclass(frozen=True)
class Place:
    """Where a link stands in the catalogue: which resource, under which label, on which line."""

    resource: Resource
    label: str
    line: int


@dataclass(frozen=True)
class Entry:
    """One link in the report, with every place in the catalogue that carries it."""

    state: LinkState
    places: tuple[Place, ...]

    @property
    def resources(self) -> tuple[Resource, ...]:
        return tuple(dict.fromkeys(place.resource for place in self.places))

    @property
    def standards(self) -> list[str]:
        return list(dict.fromkeys(ref for r in self.resources for ref in r.standards))


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    advice: str  # said once under the heading
    entries: tuple[Entry, ...]


def entries(status: LinkHistory, catalogue: Catalogue) -> list[Entry]:
    places: dict[str, list[Place]] = {}
    for resource in catalogue.resources:
        for link in resource.links:
            places.setdefault(link.url, []).append(Place(resource, link.label, link.line))
    return [Entry(status.links[url], tuple(where)) for url, where in places.items() if url in status.links]


def sections(all_entries: list[Entry], transient_runs: int) -> tuple[list[Section], list[Section]]:
    """(what to act on, what to know): the first list's rows are the links reported."""

    def having(status: LinkStatus, reported: bool) -> tuple[Entry, ...]:
        return tuple(e for e in all_entries if e.state.status == status and e.state.report == reported)

    act = [
        Section(
            LinkStatus.BROKEN,
            "Werkt niet meer",
            "Zoek de pagina op met de zoekfunctie van de site zelf en vervang de link door het nieuwe adres; "
            "bestaat de pagina niet meer, verwijder dan de link (of het hulpmiddel). "
            f"Heeft het webarchief een kopie, dan staat die erbij als {ARCHIVED}.",
            having(LinkStatus.BROKEN, True),
        ),
        Section(LinkStatus.MOVED, "Verhuisd", "Vervang de link door het nieuwe adres.", having(LinkStatus.MOVED, True)),
        Section(
            LinkStatus.TRANSIENT,
            "Al langer onbereikbaar",
            f"Deze links waren op {transient_runs} verschillende dagen op rij onbereikbaar. Open de link zelf; "
            "werkt hij ook bij u niet, handel dan zoals bij 'werkt niet meer'.",
            having(LinkStatus.TRANSIENT, True),
        ),
    ]
    know = [
        Section(
            LinkStatus.BLOCKED,
            "Handmatig controleren",
            "Deze sites weren de controle, of sturen haar door naar een adres dat ze niet bezoekt (zoals een "
            "intern netwerk); ze worden niet als dood gemeld. Open de link zelf in de browser.",
            having(LinkStatus.BLOCKED, False),
        ),
        Section(
            "waiting",
            "Tijdelijk onbereikbaar, nog niet gemeld",
            f"Nog niets doen: een link wordt pas gemeld als hij op {transient_runs} verschillende dagen op rij "
            "onbereikbaar was.",
            having(LinkStatus.TRANSIENT, False),
        ),
    ]
    return [s for s in act if s.entries], [s for s in know if s.entries]


@dataclass(frozen=True)
class Report:
    """One run's report, put together once: links.json, links.md and the e-mail each print it."""

    history: LinkHistory
    catalogue_path: str  # the line numbers in the rows are this file's
    entries: tuple[Entry, ...]  # every catalogue link the run checked, in catalogue order
    act: tuple[Section, ...]  # what to act on: its rows are the links reported
    know: tuple[Section, ...]  # what to know

    @property
    def reported(self) -> int:
        return sum(len(section.entries) for section in self.act)


def build_report(history: LinkHistory, catalogue: Catalogue, transient_runs: int = 3) -> Report:
    found = entries(history, catalogue)
    act, know = sections(found, transient_runs)
    return Report(history, catalogue.path, tuple(found), tuple(act), tuple(know))


@dataclass(frozen=True)
class Style:
    """How one output writes a web address, catalogue text and an id."""

    url: Callable[[str], str]
    text: Callable[[str], str]
    code: Callable[[str], str]

    def address(self, url: str) -> str:
        """A web address as a link when it is a plain http(s) address, otherwise as inert text."""
        return self.url(url) if SAFE_URL.fullmatch(url) else self.text(url)


def md_text(text: str) -> str:
    """Catalogue text that cannot break a table, mention anyone or turn into a link; an address in it (a
    detail naming a redirect's target) is shown as code."""
    return github_text(text)


class MarkdownStyle(Style):
    def address(self, url: str) -> str:
        """Any address, inert in a table cell or on a line (`github_address`)."""
        return github_address(url)


MARKDOWN = MarkdownStyle(url=github_address, text=md_text, code=lambda ident: f"`{ident}`")
PLAIN = Style(url=str, text=lambda text: " ".join(text.split()), code=str)


def count_links(n: int) -> str:
    """Dutch count: '1 link', '10 links'."""
    return f"{n} link" if n == 1 else f"{n} links"


def date_of(iso: str | None) -> str:
    return iso[:10] if iso else ""


def archive_date(state: LinkState) -> str:
    return f"van {date_of(state.archive_timestamp)}"


def days(n: int) -> str:
    return f"{n} dag" if n == 1 else f"{n} dagen"


def places(entry: Entry, style: Style) -> list[str]:
    """'Title (id), link "label" op regel 12' for every place that carries the link."""
    return [
        f'{style.text(p.resource.title)} ({style.code(p.resource.id)}), link "{style.text(p.label)}" op regel {p.line}'
        for p in entry.places
    ]


def problem(state: LinkState, style: Style) -> str:
    """What the job found, and since when."""
    if state.status == LinkStatus.BROKEN:
        runs = f", {state.consecutive_failures} controles op rij" if state.consecutive_failures > 1 else ""
        return f"{style.text(state.detail)} (sinds {date_of(state.first_failure)}{runs})"
    if state.status == LinkStatus.TRANSIENT:
        since = f"sinds {date_of(state.first_failure)}, onbereikbaar op {days(state.failure_days)}"
        return f"{style.text(state.detail)} ({since})"
    return style.text(state.detail)


def site_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def action(state: LinkState, style: Style) -> str:
    """What to do about this one link."""
    if state.status == LinkStatus.MOVED:
        return f"vervang door {style.address(state.redirect_to or '')}"
    search = f"zoek de pagina op {style.address(site_of(state.url))}; vervang de link of verwijder hem"
    if state.status == LinkStatus.BROKEN:
        if state.archive_url:
            return f"{search}; {ARCHIVED} ({archive_date(state)}): {style.address(state.archive_url)}"
        return search
    if state.status == LinkStatus.TRANSIENT and state.report:
        return f"open de link zelf; werkt hij niet, {search}"
    if state.status == LinkStatus.BLOCKED:
        return "open de link zelf in de browser"
    return "nog niets"


def summary_line(status: LinkHistory) -> str:
    """The counts in Dutch: 'werkt: 8, verhuisd: 1, …' (the console line)."""
    return ", ".join(f"{COUNT_NAMES[name]}: {count}" for name, count in status.summary().items())


def to_json(report: Report) -> dict:
    """The content of links.json (`infobox.link_results.report_file` writes and reads it)."""
    links = []
    for entry in report.entries:
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
                "places": [{"resource": p.resource.id, "label": p.label, "line": p.line} for p in entry.places],
                "consecutive_failures": state.consecutive_failures,
                "failure_days": state.failure_days,
                "first_failure": state.first_failure,
                "archive_url": state.archive_url,
                "archive_timestamp": state.archive_timestamp,
                "report": state.report,
            }
        )
    return {"checked_at": report.history.checked_at, "summary": report.history.summary(), "links": links}


def to_markdown(report: Report) -> str:
    total = report.reported
    lines = [f"# Linkcontrole Infobox — {date_of(report.history.checked_at)}", ""]
    summary = report.history.summary()
    lines += ["| status | aantal |", "| --- | ---: |"]
    lines += [f"| {LABELS[s]} | {summary[s]} |" for s in LinkStatus]
    lines.append("")
    if total:
        lines.append(
            f"**{count_links(total)} om na te kijken**, hieronder per soort met wat u doet. De regelnummers "
            f"verwijzen naar `{report.catalogue_path}`; uitleg per status staat in {GUIDE}."
        )
    else:
        lines.append("Niets om na te kijken.")
    lines.append("")
    for section in report.act:
        lines += [f"## {section.title} ({count_links(len(section.entries))})", "", section.advice, ""]
        lines += ["| link | waar | standaarden | wat er is | wat te doen |", "| --- | --- | --- | --- | --- |"]
        for entry in section.entries:
            lines.append(
                f"| {MARKDOWN.address(entry.state.url)} | {'; '.join(places(entry, MARKDOWN))} "
                f"| {', '.join(entry.standards)} | {problem(entry.state, MARKDOWN)} | {action(entry.state, MARKDOWN)} |"
            )
        lines.append("")
    for section in report.know:
        lines += [f"## {section.title} ({count_links(len(section.entries))})", "", section.advice, ""]
        for entry in section.entries:
            where = "; ".join(places(entry, MARKDOWN))
            lines.append(f"- {MARKDOWN.address(entry.state.url)} — {where}: {problem(entry.state, MARKDOWN)}")
        lines.append("")
    return "\n".join(lines)
