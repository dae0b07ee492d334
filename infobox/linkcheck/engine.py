"""Run linkchecker over a list of URLs and return what it said about each one.

linkchecker is driven through its documented command line and configuration file (`-f`), with its XML
report on stdout (`-o xml`): unlike CSV it keeps each warning's language-independent tag. Run as root it
drops to user `nobody`, so files it writes itself can be lost. The child runs with a fixed message language
(English), and the verdicts rest on codes and tags rather than wording anyway (see classify.py).

Exit status 1 only means "some warning" (every redirect is one); anything else, or a URL that got no
answer while the pass was not cut short by its time budget, means the child broke: LinkcheckerFailed,
with its last stderr lines, instead of a report full of "not checked" links.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from infobox.linkcheck.settings import Settings

XML_PARTS = ("url", "realurl", "info", "warning", "result")
# linkchecker's exit status: 0 all valid, 1 invalid links or warnings, 2 a program error.
CHILD_OK = (0, 1)
STDERR_LINES = 15  # the child's last stderr lines shown when it fails


class LinkcheckerFailed(RuntimeError):
    """The linkchecker child did not do its work; the message says why, with its last stderr lines."""


class LinkWarning(NamedTuple):
    tag: str | None  # linkchecker's language-independent tag ("http-redirected"); None for RegexCheck
    text: str


@dataclass(frozen=True)
class Probe:
    """linkchecker's answer for one URL, as it printed it."""

    url: str  # the URL as we asked for it
    result: str  # "200 OK", "404 Not Found", "ConnectionError: …"
    warnings: tuple[LinkWarning, ...] = ()
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
            "[xml]",
            f"parts={','.join(XML_PARTS)}",
            "[RegexCheck]",
            f"warningregex={settings.soft_404}",
            # The documented way to learn a 429/503's Retry-After: the header is copied into the info column.
            "[HttpHeaderInfo]",
            "prefixes=retry-after",
            "",
        ]
    )


def _child_env(per_host: int) -> dict[str, str]:
    env = dict(os.environ)
    package_root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
    env["LINKCHECK_PER_HOST"] = str(per_host)
    env["PYTHONIOENCODING"] = "utf-8"
    # One message language on every machine: a Dutch or German desktop must not change what is parsed.
    env.update(LC_ALL="C.UTF-8", LANGUAGE="en")
    return env


def probe_of(element: ET.Element) -> Probe:
    """One <urldata> element of linkchecker's XML report."""
    valid = element.find("valid")
    return Probe(
        url=element.findtext("url", ""),
        result=valid.get("result", "") if valid is not None else "",
        warnings=tuple(LinkWarning(w.get("tag"), w.text or "") for w in element.iterfind("warnings/warning")),
        info=tuple(i.text or "" for i in element.iterfind("infos/info")),
        valid=valid is not None and valid.text == "1",
        final_url=element.findtext("realurl", ""),
    )


def parse_xml(text: str) -> list[Probe]:
    """Every complete <urldata> of a (possibly cut-off) XML report."""
    parser = ET.XMLPullParser(events=("end",))
    probes = []
    try:
        parser.feed(text)
        for _event, element in parser.read_events():
            if element.tag == "urldata":
                probes.append(probe_of(element))
    except ET.ParseError:
        pass  # a pass killed mid-way: keep what was complete
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
        command = [sys.executable, "-m", "infobox.linkcheck.runner", "-f", str(rc), "-o", "xml/utf-8"]
        command += ["--no-status", "--", *urls]
        child = _run(command, _child_env(settings.per_host), settings.run_budget, progress)
    by_url: dict[str, Probe] = {}
    for probe in parse_xml(child.stdout):
        by_url.setdefault(probe.url, probe)
    if not child.killed:
        missing = [url for url in urls if url not in by_url]
        if child.returncode not in CHILD_OK or missing:
            raise LinkcheckerFailed(_failure(child, len(missing), len(urls)))
    return {
        url: by_url.get(url) or Probe(url=url, result="not checked: the run's time budget ran out", unchecked=True)
        for url in urls
    }


@dataclass(frozen=True)
class ChildResult:
    stdout: str
    stderr: str
    returncode: int
    killed: bool  # by us, for overrunning the time budget


def _failure(child: ChildResult, missing: int, total: int) -> str:
    what = f"stopte met afsluitcode {child.returncode}" if child.returncode not in CHILD_OK else "stopte"
    lines = [f"linkchecker {what} en gaf voor {missing} van de {total} links geen antwoord."]
    tail = child.stderr.strip().splitlines()[-STDERR_LINES:]
    lines += ["Laatste foutmeldingen van linkchecker:", *(f"  {line}" for line in tail)] if tail else []
    return "\n".join(lines)


def _run(command: list[str], env: dict[str, str], budget: float, progress) -> ChildResult:
    """Run the child, stream its stdout (for progress), and kill it when it overruns its budget."""
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True, encoding="utf-8"
    )
    lines: list[str] = []
    errors: list[str] = []

    def read() -> None:
        done = 0
        for line in process.stdout:
            lines.append(line)
            if progress and "</urldata>" in line:
                done += 1
                progress(done)

    def read_errors() -> None:
        errors.extend(process.stderr)

    readers = [threading.Thread(target=read, daemon=True), threading.Thread(target=read_errors, daemon=True)]
    for reader in readers:
        reader.start()
    killed = False
    try:
        process.wait(timeout=budget)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        killed = True
    for reader in readers:
        reader.join(timeout=5)
    return ChildResult("".join(lines), "".join(errors), process.returncode, killed)
