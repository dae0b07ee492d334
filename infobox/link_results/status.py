"""The link-status file: what the link job knows, in the form the site build reads.

The link job writes it (it doubles as the history kept between runs); the site only reads it, so the
build never computes what the job knows. A missing file means "never checked", not an error.
"""

from __future__ import annotations

import json
import os
import stat
from collections import Counter
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import get_args, get_type_hints

FORMAT_VERSION = 1


class LinkStatus(StrEnum):
    """What the last check found for one link; the value is the word in the files (history, links.json)."""

    OK = "ok"
    MOVED = "moved"  # permanently redirected: the page has a new address
    BROKEN = "broken"
    TRANSIENT = "transient"  # unreachable for now; reported after failing on several days in a row
    BLOCKED = "blocked"  # the site keeps checks out: a person looks

    @property
    def working(self) -> bool:
        """The link brings a reader to the page (a moved one through its redirect)."""
        return self in (LinkStatus.OK, LinkStatus.MOVED)

    @property
    def failing(self) -> bool:
        """The link did not answer as a page that exists: what the history counts in a row."""
        return self in (LinkStatus.BROKEN, LinkStatus.TRANSIENT)


# The one Dutch wording of each status: the report, the e-mail and the public /linkstatus/ page all use it.
LABELS: dict[LinkStatus, str] = {
    LinkStatus.OK: "werkt",
    LinkStatus.MOVED: "werkt, op een nieuw adres",
    LinkStatus.BROKEN: "werkt mogelijk niet meer",
    LinkStatus.TRANSIENT: "tijdelijk niet bereikbaar",
    LinkStatus.BLOCKED: "niet te controleren (de website weert controles)",
}
DEFAULT_PATH = Path("data/link-history.json")


@dataclass(frozen=True)
class LinkState:
    url: str
    status: LinkStatus
    report: bool = False  # the maintainers must act on it
    http_status: int | None = None
    detail: str = ""
    redirect_to: str | None = None
    checked_at: str = ""  # ISO 8601, UTC
    first_failure: str | None = None
    consecutive_failures: int = 0  # failing runs in a row
    failure_days: int = 0  # different (UTC) days among those runs: what the transient threshold counts
    last_ok: str | None = None
    # Closest Wayback Machine snapshot of a broken link (looked up by the link job), for readers and the report.
    archive_url: str | None = None
    archive_timestamp: str | None = None  # the snapshot's time, ISO 8601


@dataclass(frozen=True)
class LinkHistory:
    """The file's content: every catalogue link's state after the last run."""

    checked_at: str = ""  # ISO 8601 time of the last run
    links: dict[str, LinkState] = field(default_factory=dict)

    def get(self, url: str) -> LinkState | None:
        return self.links.get(url)

    def summary(self) -> dict[LinkStatus, int]:
        counts = Counter(state.status for state in self.links.values())
        return {status: counts.get(status, 0) for status in LinkStatus}

    def reported(self) -> list[LinkState]:
        return [state for state in self.links.values() if state.report]


MAX_BYTES = 50_000_000  # far above any real history (about 1 KB per link)


class LinkStatusError(ValueError):
    """The link-status file cannot be used: one Dutch line that names the file."""


def _shape_problem(raw) -> str | None:
    """What is wrong with the file's shape, in Dutch, or None when it has the shape `write_status` writes."""
    if not isinstance(raw, dict):
        return "verwacht een object met version, checked_at en links"
    version = raw.get("version")
    if type(version) is not int or version != FORMAT_VERSION:  # noqa: E721 - True must not pass for 1
        return f"onbekende versie {str(version)[:20]!r}; deze linkcontrole leest versie {FORMAT_VERSION}"
    if not isinstance(raw.get("checked_at", ""), str):
        return "checked_at moet tekst zijn"
    links = raw.get("links", {})
    if not isinstance(links, dict):
        return "links moet een object zijn (per URL de toestand van de link)"
    types = {**get_type_hints(LinkState), "status": str}  # text here; which texts, below
    for url, state in links.items():
        if not isinstance(state, dict):
            return f"link {url[:80]!r}: verwacht een object"
        for key, value in state.items():
            if key == "url" or key not in types:
                return f"link {url[:80]!r}: onbekend veld {key[:40]!r}"
            if not _fits(value, types[key]):
                return f"link {url[:80]!r}: {key} heeft een verkeerd type ({type(value).__name__})"
        if state.get("status") not in tuple(LinkStatus):
            return f"link {url[:80]!r}: onbekende status {str(state.get('status'))[:40]!r}"
    return None


def _fits(value, expected) -> bool:
    options = get_args(expected) or (expected,)  # `str | None` -> (str, NoneType)
    return isinstance(value, options) and (bool in options or not isinstance(value, bool))


def read_status(path: str | os.PathLike[str] = DEFAULT_PATH) -> LinkHistory | None:
    """The last run's status, or None when no run has written one yet; LinkStatusError when unusable."""
    path = Path(path)
    if not path.exists():
        return None
    try:
        if path.stat().st_size > MAX_BYTES:
            raise LinkStatusError(f"{path}: groter dan {MAX_BYTES // 1_000_000} MB; dit is geen linkgeschiedenis")
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise LinkStatusError(f"{path}:{error.lineno}: geen geldige JSON") from None
    except UnicodeDecodeError:
        raise LinkStatusError(f"{path}: geen UTF-8-tekst") from None
    except RecursionError:
        raise LinkStatusError(f"{path}: te diep geneste JSON") from None
    except OSError as error:
        raise LinkStatusError(f"{path}: kan niet worden gelezen ({error.strerror or error})") from None
    problem = _shape_problem(raw)
    if problem:
        raise LinkStatusError(f"{path}: geen geldige linkgeschiedenis: {problem}")
    links = {}
    for url, state in raw.get("links", {}).items():
        # Files written before failure_days existed came from weekly runs: one day per failing run.
        state.setdefault("failure_days", state.get("consecutive_failures", 0))
        links[url] = LinkState(url=url, **{**state, "status": LinkStatus(state["status"])})
    return LinkHistory(checked_at=raw.get("checked_at", ""), links=links)


def write_status(status: LinkHistory, path: str | os.PathLike[str] = DEFAULT_PATH) -> None:
    """Write atomically, sorted by URL, so the committed file diffs cleanly between runs.

    The file keeps its mode (a new one gets the umask's); on any failure the temporary file is removed and
    the old file is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    links = {}
    for url in sorted(status.links):
        state = asdict(status.links[url])
        del state["url"]
        links[url] = state
    text = json.dumps(
        {"version": FORMAT_VERSION, "checked_at": status.checked_at, "links": links},
        ensure_ascii=False,
        indent=2,
    )
    # One fixed name: the link job writes under its lock (linkcheck/lock.py), so a file of that name can only
    # be left over from a run that was killed mid-write; it is replaced, never piles up.
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.unlink(missing_ok=True)
    # os.open with 0o666 lets the umask decide a new file's mode, as for any file the user creates.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text + "\n")
        if path.exists():
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
