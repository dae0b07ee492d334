"""Run linkchecker over a list of URLs and return what it said about each one.

linkchecker is driven through its documented command line and configuration file (`-f`), with CSV on
stdout (`-o csv`): run as root it drops to user `nobody`, so files it writes itself can be lost. Its exit
status is ignored (every redirect is a warning, and any warning makes it exit 1); the CSV rows are the
truth, and a URL without a row is reported as "not checked", never silently as fine.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from infobox.linkcheck.settings import Settings

CSV_PARTS = ("urlname", "result", "warningstring", "infostring", "valid", "url")


@dataclass(frozen=True)
class Probe:
    """linkchecker's answer for one URL, as it printed it."""

    url: str  # the URL as we asked for it
    result: str  # "200 OK", "404 Not Found", "ConnectionError: …"
    warnings: tuple[str, ...] = ()
    info: tuple[str, ...] = ()
    valid: bool = False
    final_url: str = ""  # after redirects
    unchecked: bool = False  # no row: the pass ran out of time first


def linkcheckerrc(settings: Settings) -> str:
    """The configuration file for one pass. Every choice is deliberate:"""
    return "\n".join(
        [
            "[checking]",
            f"threads={settings.threads}",
            f"timeout={settings.timeout}",
            # Check the given URLs only, never crawl the pages behind them.
            "recursionlevel=0",
            # robots.txt must never hide a dead link: we fetch one page per link, as a reader would.
            "robotstxt=0",
            # A browser-like agent: agents containing "bot" or "link" trip common bot walls.
            f"useragent={settings.user_agent}",
            "[filtering]",
            "checkextern=1",
            # Every URL counts as "internal" so the soft-404 RegexCheck below runs on it (it skips external
            # URLs); recursionlevel=0 keeps that from turning into a crawl.
            "internlinks=.*",
            "[output]",
            "verbose=1",
            "status=0",
            "[csv]",
            f"parts={','.join(CSV_PARTS)}",
            "[RegexCheck]",
            f"warningregex={settings.soft_404}",
            "",
        ]
    )


def _child_env(per_host: int) -> dict[str, str]:
    env = dict(os.environ)
    package_root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
    env["LINKCHECK_PER_HOST"] = str(per_host)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def parse_csv(text: str) -> list[Probe]:
    rows = csv.reader(io.StringIO(text), delimiter=";", quotechar='"')
    probes = []
    for row in rows:
        if len(row) != len(CSV_PARTS) or row[0] == "urlname" or row[0].startswith("#"):
            continue
        record = dict(zip(CSV_PARTS, row, strict=True))
        probes.append(
            Probe(
                url=record["urlname"],
                result=record["result"],
                warnings=tuple(w for w in record["warningstring"].splitlines() if w),
                info=tuple(i for i in record["infostring"].splitlines() if i),
                valid=record["valid"] == "True",
                final_url=record["url"],
            )
        )
    return probes


def check_urls(
    urls: Iterable[str], settings: Settings, progress: Callable[[int], None] | None = None
) -> dict[str, Probe]:
    """One linkchecker pass over `urls`; returns a Probe per URL (unchecked ones included)."""
    urls = list(dict.fromkeys(urls))
    if not urls:
        return {}
    with tempfile.TemporaryDirectory(prefix="linkcheck-") as tmp:
        rc = Path(tmp) / "linkcheckerrc"
        rc.write_text(linkcheckerrc(settings), encoding="utf-8")
        os.chmod(tmp, 0o755)  # linkchecker drops to `nobody` when run as root
        rc.chmod(0o644)
        command = [sys.executable, "-m", "infobox.linkcheck.runner", "-f", str(rc), "-o", "csv/utf-8"]
        command += ["--no-status", "--", *urls]
        stdout = _run(command, _child_env(settings.per_host), settings.run_budget, progress)
    by_url: dict[str, Probe] = {}
    for probe in parse_csv(stdout):
        by_url.setdefault(probe.url, probe)
    return {
        url: by_url.get(url) or Probe(url=url, result="not checked: the run's time budget ran out", unchecked=True)
        for url in urls
    }


def _run(command: list[str], env: dict[str, str], budget: float, progress) -> str:
    """Run the child, stream its stdout (for progress), and kill it when it overruns its budget."""
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True, encoding="utf-8"
    )
    lines: list[str] = []

    def read() -> None:
        done = 0
        for line in process.stdout:
            lines.append(line)
            if progress and line.startswith(("http://", "https://")):
                done += 1
                progress(done)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        process.wait(timeout=budget)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    reader.join(timeout=5)
    return "".join(lines)
