"""Archived copies of broken links: the closest snapshot the Wayback Machine's availability API knows.

What lychee offers as `--suggest`. Asked once per broken link (a snapshot found in an earlier run is kept),
at most one request per `archive_interval` seconds, each within `archive_timeout` seconds. The archive is a
help, not a check: an answer that is slow, an error or unreadable only means "no archived copy", and after
the first such failure the archive is not asked again in this run.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, replace
from urllib.parse import urlencode, urlsplit

from infobox.link_results.status import LinkHistory, LinkStatus
from infobox.linkcheck.settings import Settings

SAFE_URL = re.compile(r"https?://[^\s<>\"'`]+")  # shown in Markdown, e-mail and on the site


@dataclass(frozen=True)
class Snapshot:
    url: str
    timestamp: str  # ISO 8601, UTC


class ArchiveUnavailable(Exception):
    pass


def parse_answer(answer: dict) -> Snapshot | None:
    """The closest available snapshot in an availability API answer, if it is a usable web address."""
    closest = (answer.get("archived_snapshots") or {}).get("closest") or {}
    url, stamp = closest.get("url"), str(closest.get("timestamp") or "")
    if not closest.get("available") or not isinstance(url, str) or not SAFE_URL.fullmatch(url):
        return None
    try:
        when = dt.datetime.strptime(stamp, "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)
    except ValueError:
        return None
    if urlsplit(url).hostname == "web.archive.org":
        url = "https://" + url.split("://", 1)[1]  # the API answers http://; the archive serves https
    return Snapshot(url, when.isoformat().replace("+00:00", "Z"))


def lookup(url: str, settings: Settings) -> Snapshot | None:
    """Ask the availability API about one URL; ArchiveUnavailable when the archive itself fails."""
    request = urllib.request.Request(
        f"{settings.archive_api}?{urlencode({'url': url})}", headers={"User-Agent": settings.user_agent}
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.archive_timeout) as response:
            answer = json.loads(response.read().decode("utf-8"))
    except (OSError, ValueError) as error:  # URLError, HTTPError, timeouts, bad JSON
        raise ArchiveUnavailable(str(error)) from error
    return parse_answer(answer) if isinstance(answer, dict) else None


def add_snapshots(
    status: LinkHistory,
    previous: LinkHistory | None,
    settings: Settings,
    sleep: Callable[[float], None] = time.sleep,
) -> LinkHistory:
    """The status with an archived copy on every broken link that has one."""
    if not settings.archive_api:
        return status
    links = dict(status.links)
    asked = 0
    for url, state in status.links.items():
        if state.status != LinkStatus.BROKEN:
            continue
        earlier = previous.get(url) if previous else None
        if earlier and earlier.archive_url:
            links[url] = replace(state, archive_url=earlier.archive_url, archive_timestamp=earlier.archive_timestamp)
            continue
        if asked:
            sleep(settings.archive_interval)
        asked += 1
        try:
            snapshot = lookup(url, settings)
        except ArchiveUnavailable as error:
            print(f"Webarchief niet bereikbaar ({error}); deze keer geen gearchiveerde versies.", file=sys.stderr)
            break
        if snapshot:
            links[url] = replace(state, archive_url=snapshot.url, archive_timestamp=snapshot.timestamp)
    return replace(status, links=links)
