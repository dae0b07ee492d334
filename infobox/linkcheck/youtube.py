"""YouTube links: a removed or private video still answers 200, so ask YouTube's oEmbed endpoint instead.

oEmbed answers 404 for a removed video and 401/403 for a private one; everything else about the check
(timeouts, retries, classification) stays the same. The endpoint is a setting so tests use a local server.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlsplit

VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,}$")


def video_id(url: str) -> str | None:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    candidate = None
    if host == "youtu.be":
        candidate = parts.path.strip("/").split("/")[0]
    elif host in ("youtube.com", "youtube-nocookie.com"):
        if parts.path == "/watch":
            candidate = (parse_qs(parts.query).get("v") or [""])[0]
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            candidate = parts.path.split("/")[2]
    return candidate if candidate and VIDEO_ID.match(candidate) else None


def probe_url(url: str, oembed_endpoint: str) -> str:
    """The URL linkchecker should fetch to learn whether `url` still works."""
    vid = video_id(url)
    if vid is None:
        return url
    watch = f"https://www.youtube.com/watch?v={vid}"
    return f"{oembed_endpoint}?{urlencode({'url': watch, 'format': 'json'})}"
