"""Settings of the link job, read from a commented TOML file (linkcheck.toml) whose every line says why."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

DEFAULT_CONFIG = Path("linkcheck.toml")


@dataclass(frozen=True)
class Settings:
    timeout: int = 20  # seconds per request (linkchecker takes whole seconds)
    per_host: int = 2  # requests in flight per host name
    threads: int = 16  # linkchecker checker threads in total
    run_budget: int = 300  # last-resort cap on one linkchecker pass (seconds); the child is then killed
    retries: int = 2  # extra passes for failures that may pass on a second try
    backoff: float = 2.0  # seconds before the first re-check, doubled each time
    max_retry_after: float = 30.0  # longest Retry-After we wait for; longer means "transient this run"
    transient_runs: int = 3  # consecutive transient runs before a link is reported
    user_agent: str = (
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"
    )
    # Soft 404: only the page's <title> or <h1> is searched, so a "niet gevonden" in a footer or a
    # script never turns a working page into a dead one.
    soft_404: str = (
        r"(?is)<(title|h1)\b[^>]*>[^<]*(niet gevonden|not found|bestaat niet|niet meer beschikbaar|"
        r"\b404\b)[^<]*</(title|h1)>"
    )
    youtube_oembed: str = "https://www.youtube.com/oembed"
    ignore: tuple[str, ...] = ()  # regular expressions of URLs never checked


def load_settings(path: str | Path | None = None, **overrides) -> Settings:
    """Defaults, then the TOML file's [linkcheck] table (if the file exists), then explicit overrides."""
    values: dict = {}
    path = Path(path) if path else DEFAULT_CONFIG
    if path.exists():
        with path.open("rb") as handle:
            values.update(tomllib.load(handle).get("linkcheck", {}))
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ValueError(f"{path}: unknown setting(s): {', '.join(unknown)}")
    if "ignore" in values:
        values["ignore"] = tuple(values["ignore"])
    values.update({k: v for k, v in overrides.items() if v is not None})
    return replace(Settings(), **values)
