"""Lighthouse on the built site, for the Lighthouse test and benchmarks/bench_lighthouse.py.

The test's session runs beside the other tests (`Background`, started by tests/conftest.py as soon as the
run's tests are known): Lighthouse spends most of its minute or two waiting for pages to settle, so a worker
that ran it would sit idle that long. The test then reads the results file.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
from pathlib import Path

from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.once import wait_for_file
from tests.support.paths import REPO
from tests.support.static_site import PagesHandler, serve_directory

RUNNER = REPO / "tests" / "support" / "lighthouse_run.mjs"
TIMEOUT = 900  # seconds one session may take on a busy machine (some 2 minutes on an idle one): a bound, not a goal
# In the run's folder (tests/support/once.run_root): the session was started beside the tests; its results.
STARTED, RESULTS = "lighthouse.started", "lighthouse.json"


class LighthouseError(RuntimeError):
    """Lighthouse's runner failed; the message holds the end of its standard error."""


# Page type -> address (and how to prepare it). Lighthouse refuses to audit a page that answers 404, so the
# 404 page is measured at its own address, where it is the same document.
PAGE_TYPES = {
    "home": {"path": "/"},
    "standard": {"path": "/kwaliteitsstandaarden/3/"},
    "a-z": {"path": "/hulpmiddelen/"},
    "a-z filtered": {"path": "/hulpmiddelen/?standaard=7"},
    "resource": {"path": "/hulpmiddelen/toolkit-meldcode/"},
    "zelfscan with answers": {"path": "/zelfscan/", "answer": "zelfscan"},
    "print": {"path": "/afdrukken/"},
    "organisations": {"path": "/organisaties/"},
    "404": {"path": "/404.html"},
}
# What tests/browser/test_lighthouse.py asserts; the performance score (the benchmark's) would cost most of
# Lighthouse's time.
ASSERTED_CATEGORIES = ["accessibility", "best-practices", "seo"]


class PhoneNetworkHandler(PagesHandler):
    """The test's server: every script held back half a second, as on a phone network (see PagesHandler)."""

    script_delay = 0.5


def start_lighthouse(
    base_url: str, categories: list[str] | None = None, pages: list[str] | None = None
) -> subprocess.Popen:
    """The Lighthouse runner on the site at `base_url`, started; `categories`: the ones to score, all four by
    default; `pages`: the names of the PAGE_TYPES to measure, all by default. Read it with `results`."""
    targets = [
        {"name": name, "url": base_url + spec["path"], **spec}
        for name, spec in PAGE_TYPES.items()
        if pages is None or name in pages
    ]
    extra = [json.dumps(categories)] if categories else []
    return subprocess.Popen(
        ["node", str(RUNNER), json.dumps(targets), json.dumps(CHROMIUM_ARGS), *extra],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )


def results(runner: subprocess.Popen) -> dict[str, dict]:
    """Lighthouse's figures per page type (see lighthouse_run.mjs for what each holds), once it is done."""
    try:
        out, err = runner.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        runner.kill()
        runner.communicate()
        raise LighthouseError(f"Lighthouse gave no answer within {TIMEOUT} s") from None
    if runner.returncode != 0:
        raise LighthouseError(f"Lighthouse failed ({runner.returncode}):\n{err[-3000:]}")
    return {page["name"]: page for page in json.loads(out)}


def run_lighthouse(
    base_url: str, categories: list[str] | None = None, pages: list[str] | None = None
) -> dict[str, dict]:
    """`start_lighthouse`, then its `results`."""
    return results(start_lighthouse(base_url, categories, pages))


class Background:
    """The test's Lighthouse session in a thread of the process that runs pytest (the xdist controller):
    once `ready` exists it serves `site` as a phone network would and writes the results to `out` (JSON: the
    figures per page type, or {"error": why})."""

    def __init__(self, site: Path, ready: Path, out: Path):
        self.site, self.ready, self.out = site, ready, out
        self.stopped = threading.Event()
        self.runner: subprocess.Popen | None = None
        self.thread = threading.Thread(target=self._run, name="lighthouse", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            # The site is built by the first test that needs it; no bound here: stop() ends the wait.
            if not wait_for_file(self.ready, timeout=float("inf"), stop=self.stopped.is_set):
                return
            with serve_directory(self.site, PhoneNetworkHandler) as url:
                self.runner = start_lighthouse(url, ASSERTED_CATEGORIES)
                if self.stopped.is_set():
                    self.runner.kill()
                outcome: dict = results(self.runner)
        except Exception as error:  # written for the test to report, whatever it was
            outcome = {"error": f"{type(error).__name__}: {error}"}
        written = self.out.with_suffix(".partial")
        written.write_text(json.dumps(outcome), encoding="utf-8")
        written.replace(self.out)  # the test sees the whole file or none

    def stop(self) -> None:
        self.stopped.set()
        if self.runner is not None and self.runner.poll() is None:
            self.runner.kill()
        self.thread.join(timeout=30)
