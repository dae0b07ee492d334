"""The Atom feed of what changed in the catalogue: resources the editors added, and resources they removed.

Feed readers poll `/nieuw.xml`; each entry has a stable id, so a reader shows an addition once. Only dates
people wrote into the catalogue are used (`added` of a resource, the date of a removal): Infobox entries
have no `added` date and never appear as "new", and nothing here is dated by the build.
"""

from __future__ import annotations

import datetime as dt

from infobox import CONTACT_EMAIL
from infobox.catalogue.model import Catalogue, Resource

FEED_PATH = "nieuw.xml"
NEW_ON_HOME = 5  # the home page lists this many of the newest additions
# Tag URIs (RFC 4151) name the entries independently of where the site is hosted, so moving the site
# does not make every reader show every entry again.
_TAG = "tag:geweldnergensthuis.nl,2021:infobox"


def newest_additions(catalogue: Catalogue, limit: int | None = None) -> list[Resource]:
    """Resources with an `added` date, newest first (ties in catalogue order)."""
    added = [r for r in catalogue.resources if r.added]
    added.sort(key=lambda r: r.added, reverse=True)
    return added[:limit] if limit else added


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def atom_feed(
    catalogue: Catalogue,
    *,
    site_url: str,
    resource_url: str,
    fallback_date: dt.date,
) -> bytes:
    """The feed as UTF-8 Atom XML.

    `resource_url` is the folder of the resources' own pages relative to the site root ("hulpmiddelen/");
    `site_url` makes the links absolute (feed readers need that), and without it (a local build) the links stay
    site-relative.
    `fallback_date` dates an empty feed: the catalogue's content date, else the build date.
    """
    # Imported here: the feed is made beside the pages (side_process), and a build need not load
    # feedgen and lxml before it renders them.
    from feedgen.feed import FeedGenerator

    base = site_url.rstrip("/") + "/" if site_url else "/"
    feed = FeedGenerator()
    feed.id(f"{_TAG}:feed")
    feed.title("Infobox Werken aan Veiligheid: nieuwe en verwijderde hulpmiddelen")
    feed.subtitle("Wat de redactie aan de infobox toevoegde of eruit haalde.")
    feed.language("nl")
    feed.author({"name": "Programma Geweld hoort nergens thuis", "email": CONTACT_EMAIL})
    feed.link(href=base + FEED_PATH, rel="self", type="application/atom+xml")
    feed.link(href=base, rel="alternate", type="text/html")

    entries: list[tuple[dt.date, str, str, str, str]] = []  # (date, id, title, link, summary)
    for r in newest_additions(catalogue):
        summary = f"{r.organisation_names}, {r.type}. {r.description}"
        entries.append((r.added, f"{_TAG}:toegevoegd:{r.id}", f"Nieuw: {r.title}", f"{resource_url}{r.id}/", summary))
    for removal in catalogue.removed:
        summary = f"Dit hulpmiddel staat niet meer in de infobox. Reden: {removal.reason}"
        if removal.replaced_by:
            summary += f" In de plaats kwam: {catalogue.resource(removal.replaced_by).title}."
        entries.append(
            (
                removal.date,
                f"{_TAG}:verwijderd:{removal.id}",
                f"Verwijderd: {removal.title or removal.id}",
                f"{resource_url}{removal.id}/",  # its old page says it was removed, why, and where to go
                summary,
            )
        )
    entries.sort(key=lambda e: e[0])  # feedgen prepends: the newest ends up first
    for day, entry_id, title, link, summary in entries:
        entry = feed.add_entry()
        entry.id(entry_id)
        entry.title(title)
        entry.link(href=base + link, rel="alternate", type="text/html")
        entry.summary(summary)
        entry.updated(_moment(day))
        entry.published(_moment(day))
    feed.updated(_moment(max((e[0] for e in entries), default=fallback_date)))
    return feed.atom_str(pretty=True, encoding="UTF-8")
