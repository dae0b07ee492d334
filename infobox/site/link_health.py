"""What the site tells readers about the catalogue's links, from the link job's status file.

Per link (`ReaderLink`): a moved link takes readers to its new address, a link known not to work says so
with the date and an archived copy; nothing for maintainers to act on. For the home page and /linkstatus/:
the counts of the last run and the links known not to work. Before the job's first run, nothing is said.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from infobox.catalogue.addresses import address_problem
from infobox.catalogue.model import Catalogue, Resource
from infobox.link_results.status import LinkHistory, LinkState, LinkStatus
from infobox.site.dutch import long_date


@dataclass(frozen=True)
class ReaderLink:
    """What a reader needs to know about one catalogue link; no status codes, nothing to act on."""

    href: str  # where the link takes the reader: the new address when the page moved
    broken: bool = False  # known not to work: the card says "werkt mogelijk niet meer"
    checked_on: str = ""  # Dutch date of the check that found it broken
    archive_url: str | None = None  # the closest archived copy, when the link job found one
    archive_on: str = ""  # Dutch date of that copy


def known_broken(state: LinkState) -> bool:
    """Broken, or failing for so many runs in a row that the job reports it: worth a word to readers."""
    return state.status == LinkStatus.BROKEN or (state.status == LinkStatus.TRANSIENT and state.report)


def reader_link(url: str, state: LinkState | None) -> ReaderLink:
    """What a reader is shown for `url`, given the job's last state of it (None: not checked yet)."""
    if state is None or state.status in (LinkStatus.OK, LinkStatus.BLOCKED):
        return ReaderLink(href=url)
    if state.status == LinkStatus.MOVED:
        # Silently take readers to the new address; the report asks maintainers to update the catalogue. Only a
        # public http(s) address, whatever the status file says (the link job never records another).
        new = state.redirect_to
        return ReaderLink(href=new if new and address_problem(new) is None else url)
    if not known_broken(state):
        return ReaderLink(href=url)  # one failed run of a flaky site: not worth a reader's attention
    archive = state.archive_url if state.archive_url and urlsplit(state.archive_url).scheme == "https" else None
    return ReaderLink(
        href=url,
        broken=True,
        checked_on=long_date(state.checked_at),
        archive_url=archive,
        archive_on=long_date(state.archive_timestamp) if archive else "",
    )


@dataclass(frozen=True)
class LinkSummary:
    """The last run's counts over the catalogue's links, for the home page and /linkstatus/."""

    checked: bool  # False until the link job's first run: then the site says nothing about link health
    checked_on: str = ""  # Dutch long date of the last run
    total: int = 0  # catalogue URLs the last run checked: the sum of `counts`
    working: int = 0
    counts: dict[LinkStatus, int] = field(default_factory=dict)
    added_since: int = 0  # catalogue URLs added after the last run (checked next time)


def link_summary(catalogue: Catalogue, status: LinkHistory | None) -> LinkSummary:
    if status is None:
        return LinkSummary(checked=False)
    urls = catalogue.urls()
    known = [state for url in urls if (state := status.get(url)) is not None]
    counts = {kind: sum(1 for s in known if s.status == kind) for kind in LinkStatus}
    return LinkSummary(
        checked=True,
        checked_on=long_date(status.checked_at),
        total=len(known),
        working=sum(count for kind, count in counts.items() if kind.working),
        counts=counts,
        added_since=len(urls) - len(known),
    )


def broken_links(
    catalogue: Catalogue, status: LinkHistory | None
) -> list[tuple[str, ReaderLink, tuple[Resource, ...]]]:
    """Catalogue links known not to work, in catalogue order, with the resources that carry them."""
    found = []
    for url, owners in catalogue.urls().items():
        link = reader_link(url, status.get(url) if status else None)
        if link.broken:
            found.append((url, link, owners))
    return found
