"""Pre-filled mailto: links for readers who report a dead link or suggest an addition.

Every part is percent-encoded with urllib.parse.quote (safe=""), so titles with '&', '?' or line breaks
cannot break the query string; mail clients decode %0A as a line break.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from infobox import CONTACT_EMAIL
from infobox.model import Resource, Standard



def mailto(subject: str, body: str, to: str = CONTACT_EMAIL) -> str:
    return f"mailto:{to}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def report_dead_link(resource: Resource, page_url: str, urls: Iterable[str] | None = None) -> str:
    urls = list(urls) if urls is not None else [link.url for link in resource.links]
    lines = [
        "Deze link werkt niet (meer):",
        "",
        f"Hulpmiddel: {resource.title}",
        f"Id: {resource.id}",
        *(f"Link: {url}" for url in urls),
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
