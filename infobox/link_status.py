"""The link-status file: what the link job knows, in the form the site build reads.

The link job writes it (it doubles as the history kept between runs); the site only reads it, so the
build never computes what the job knows. A missing file means "never checked", not an error.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

FORMAT_VERSION = 1
STATUSES: tuple[str, ...] = ("ok", "moved", "broken", "transient", "blocked")
# The one Dutch wording of each status: the report, the e-mail and the public /linkstatus/ page all use it.
LABELS: dict[str, str] = {
    "ok": "werkt",
    "moved": "werkt, op een nieuw adres",
    "broken": "werkt mogelijk niet meer",
    "transient": "tijdelijk niet bereikbaar",
    "blocked": "niet te controleren (de website weert controles)",
}
DEFAULT_PATH = Path("data/link-history.json")


@dataclass(frozen=True)
class LinkState:
    url: str
    status: str  # one of STATUSES
    report: bool = False  # the maintainers must act on it
    http_status: int | None = None
    detail: str = ""
    redirect_to: str | None = None
    checked_at: str = ""  # ISO 8601, UTC
    first_failure: str | None = None
    consecutive_failures: int = 0
    last_ok: str | None = None
    # Closest Wayback Machine snapshot of a broken link (looked up by the link job), for readers and the report.
    archive_url: str | None = None
    archive_timestamp: str | None = None  # the snapshot's time, ISO 8601


@dataclass(frozen=True)
class LinkStatus:
    checked_at: str = ""  # ISO 8601 time of the last run
    links: dict[str, LinkState] = field(default_factory=dict)

    def get(self, url: str) -> LinkState | None:
        return self.links.get(url)

    def summary(self) -> dict[str, int]:
        counts = Counter(state.status for state in self.links.values())
        return {status: counts.get(status, 0) for status in STATUSES}

    def reported(self) -> list[LinkState]:
        return [state for state in self.links.values() if state.report]


def read_status(path: str | os.PathLike[str] = DEFAULT_PATH) -> LinkStatus | None:
    """The last run's status, or None when no run has written one yet."""
    path = Path(path)
    if not path.exists():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    if raw.get("version") != FORMAT_VERSION:
        raise ValueError(f"{path}: unsupported link-status version {raw.get('version')!r}")
    links = {url: LinkState(url=url, **fields) for url, fields in raw.get("links", {}).items()}
    return LinkStatus(checked_at=raw.get("checked_at", ""), links=links)


def write_status(status: LinkStatus, path: str | os.PathLike[str] = DEFAULT_PATH) -> None:
    """Write atomically, sorted by URL, so the committed file diffs cleanly between runs."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    links = {}
    for url in sorted(status.links):
        fields = asdict(status.links[url])
        del fields["url"]
        links[url] = fields
    text = json.dumps(
        {"version": FORMAT_VERSION, "checked_at": status.checked_at, "links": links},
        ensure_ascii=False,
        indent=2,
    )
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as tmp:
        tmp.write(text + "\n")
    os.replace(tmp.name, path)
