"""Run linkchecker over a list of URLs and return what it said about each one.

The child (runner.py) takes linkchecker's documented command line and configuration file (`-f`), and
writes linkchecker's XML report on stdout (`-o xml`): unlike CSV it keeps each warning's
language-independent tag. The child runs with a fixed message language (English), and the verdicts rest on
codes and tags rather than wording anyway (see classify.py).

Nothing is left behind on any exit path: the configuration reaches the child through a pipe (linkchecker
reads a FIFO as a configuration file), so there is no temporary folder; the child's stdin is a lifeline
that ends it when this process ends (kill -9 included), and it is killed here on every way out of a pass
(an exception, Ctrl-C). Its own deadline is the run budget; this process kills it `GRACE` seconds later.

A URL that got no answer while the pass was not cut short by its time budget, or any exit status but
`CheckerExit.DONE`, means the child broke: LinkcheckerFailed, with its last stderr lines, instead of a report
full of "not checked" links.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from infobox.exit_codes import CheckerExit
from infobox.linkcheck.settings import Settings

XML_PARTS = ("url", "realurl", "info", "warning", "result")
STDERR_LINES = 15  # the child's last stderr lines shown when it fails
# Environment names the child keeps: paths, proxies, certificates, Python's own, coverage's, and the tests'
# admission of loopback addresses (infobox.catalogue.addresses).
CHILD_ENV = re.compile(
    r"(?i)^(PATH|HOME|USER|LOGNAME|SYSTEMROOT|TMPDIR|TEMP|TMP|LD_LIBRARY_PATH|(HTTPS?|NO|ALL)_PROXY"
    r"|SSL_CERT_(FILE|DIR)|REQUESTS_CA_BUNDLE|CURL_CA_BUNDLE|PYTHON\w*|COV(ERAGE)?_\w*|INFOBOX_ALLOW_LOCAL_URLS)$"
)
GRACE = 10  # seconds the child gets beyond its own budget (its start-up) before it is killed here


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
            # linkchecker's timeout bounds each socket operation; the child's total deadline per request
            # (settings.timeout) must always end a request first, so this is only a backstop.
            f"timeout={settings.timeout * 2}",
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


def _child_env(settings: Settings) -> dict[str, str]:
    # Only what the child needs: no SMTP secrets in the process that talks to the web, and requests scans
    # the whole environment for proxies three times per request, so a short one keeps each check cheap.
    env = {name: value for name, value in os.environ.items() if CHILD_ENV.match(name)}
    package_root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
    env["LINKCHECK_PER_HOST"] = str(settings.per_host)
    env["LINKCHECK_HOST_TIMEOUTS"] = str(settings.host_timeouts)
    env["LINKCHECK_TIMEOUT"] = str(settings.timeout)
    env["LINKCHECK_RUN_BUDGET"] = str(settings.run_budget)
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
    child = _Child(urls, linkcheckerrc(settings), _child_env(settings), progress)
    try:
        result = child.finish(time.monotonic() + settings.run_budget + GRACE)
    finally:
        child.stop()  # also on Ctrl-C or any exception here
    by_url: dict[str, Probe] = {}
    for probe in parse_xml(result.stdout):
        by_url.setdefault(probe.url, probe)
    if not result.out_of_time:
        missing = [url for url in urls if url not in by_url]
        if result.returncode != CheckerExit.DONE or missing:
            raise LinkcheckerFailed(_failure(result, len(missing), len(urls)))
    return {
        url: by_url.get(url) or Probe(url=url, result="not checked: the run's time budget ran out", unchecked=True)
        for url in urls
    }


@dataclass(frozen=True)
class ChildResult:
    stdout: str
    stderr: str
    returncode: int
    out_of_time: bool  # it stopped at its time budget, or was killed here for overrunning it


def _failure(child: ChildResult, missing: int, total: int) -> str:
    what = f"stopte met afsluitcode {child.returncode}" if child.returncode != CheckerExit.DONE else "stopte"
    lines = [f"linkchecker {what} en gaf voor {missing} van de {total} links geen antwoord."]
    tail = child.stderr.strip().splitlines()[-STDERR_LINES:]
    lines += ["Laatste foutmeldingen van linkchecker:", *(f"  {line}" for line in tail)] if tail else []
    return "\n".join(lines)


class _Child:
    """The runner.py child; its stdout and stderr are read as they come."""

    COMMAND = (sys.executable, "-m", "infobox.linkcheck.runner", "-o", "xml/utf-8", "--no-status")

    def __init__(self, urls: list[str], rc: str, env: dict[str, str], progress: Callable[[int], None] | None):
        config_in, config_out = os.pipe()  # the configuration, read by linkchecker as /dev/fd/N
        try:
            self.process = subprocess.Popen(
                [*self.COMMAND, "-f", f"/dev/fd/{config_in}", "--", *urls],
                stdin=subprocess.PIPE,  # the lifeline: never written to, closed when this process ends
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                text=True,
                encoding="utf-8",
                pass_fds=(config_in,),
            )
        except BaseException:
            os.close(config_out)
            raise
        finally:
            os.close(config_in)
        with os.fdopen(config_out, "w", encoding="utf-8") as config:
            config.write(rc)  # far below a pipe's buffer: never blocks
        self.lines: list[str] = []
        self.errors: list[str] = []
        self.readers = [
            threading.Thread(target=self._read, args=(progress,), daemon=True),
            threading.Thread(target=lambda: self.errors.extend(self.process.stderr), daemon=True),
        ]
        for reader in self.readers:
            reader.start()

    def _read(self, progress: Callable[[int], None] | None) -> None:
        done = 0
        for line in self.process.stdout:
            self.lines.append(line)
            if progress and "</urldata>" in line:
                done += 1
                progress(done)

    def finish(self, deadline: float) -> ChildResult:
        """Wait for the child until `deadline` (then kill it) and collect what it wrote."""
        killed = False
        try:
            self.process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            killed = True
        self.stop()
        for reader in self.readers:
            reader.join(timeout=5)
        out_of_time = killed or self.process.returncode == CheckerExit.OUT_OF_TIME
        return ChildResult("".join(self.lines), "".join(self.errors), self.process.returncode, out_of_time)

    def stop(self) -> None:
        """Kill the child if it still runs; called on every way out of a pass."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.process.stdin.close()
