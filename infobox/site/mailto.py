"""Pre-filled mailto: links for readers who report a dead link or suggest an addition.

Every part is percent-encoded with urllib.parse.quote (safe=""), so titles with '&', '?' or line breaks
cannot break the query string; mail clients decode %0A as a line break.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from infobox import CONTACT_EMAIL
from infobox.catalogue.model import Link, Resource, Standard


def mailto(subject: str, body: str, to: str = CONTACT_EMAIL) -> str:
    body_lines = "%0A".join(_quoted(line) for line in body.split("\n"))
    return f"mailto:{to}?subject={_quoted(subject)}&body={body_lines}"


@lru_cache(maxsize=65536)
def _quoted(text: str) -> str:
    """Percent-encoded, line by line: a card's report is on about five pages and only its "Pagina:" line
    differs between them, so most lines are encoded once. Encoding works per character, so the joined lines
    equal the encoded whole."""
    return quote(text, safe="")


def report_dead_link(resource: Resource, page_url: str, link: Link) -> str:
    """The report of one link that does not work, naming the page (with the card's anchor) it is on.
    Readers without a mail program copy its text: javascripts/meld.js reads it back from this link."""
    lines = [
        "Deze link werkt niet (meer):",
        "",
        f"Link: {link.label}",
        f"Adres: {link.url}",
        f"Hulpmiddel: {resource.title} (id: {resource.id})",
        f"Pagina: {page_url}",
        "",
        "Wat ziet u als u de link opent?",
        "",
    ]
    return mailto(f"Niet-werkende link: {resource.title} ({resource.id})", "\n".join(lines))


def suggest_addition(standard: Standard, page_url: str) -> str:
    lines = [
        f"Mijn aanvulling voor kwaliteitsstandaard {standard.id}: {standard.title}",
        f"Pagina: {page_url}",
        "",
        "Titel van het hulpmiddel:",
        "Organisatie:",
        "Link:",
        "Bij welk onderdeel (bijvoorbeeld 3A) hoort het:",
        "",
    ]
    return mailto(f"Aanvulling Infobox, kwaliteitsstandaard {standard.id}", "\n".join(lines))
