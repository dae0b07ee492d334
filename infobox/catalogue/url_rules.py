"""What makes a web address acceptable in the catalogue, beyond the schema's pattern.

Used by validation and by the commands that write addresses into the catalogue (`apply-moves`).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from infobox.catalogue.vocabulary import LINK_SCHEMES
from infobox.errors import quote


def url_problem(url: str) -> str | None:
    """Why a catalogue URL is unacceptable, or None. Non-ASCII paths are fine; browsers encode them."""
    if any(ch.isspace() for ch in url):
        return "bevat een spatie of regeleinde"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return f"{quote(url)} is geen geldig webadres"
    if parts.scheme not in LINK_SCHEMES:
        return f"{quote(url)}: alleen http:// en https:// zijn toegestaan"
    host = parts.hostname or ""
    if not host or "." not in host or host.startswith(".") or host.endswith("."):
        return f"{quote(url)} heeft geen geldige domeinnaam"
    return None
