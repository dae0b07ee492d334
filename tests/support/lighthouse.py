"""Lighthouse on the built site, for the Lighthouse test and benchmarks/bench_lighthouse.py."""

from __future__ import annotations

import json
import os
import subprocess

from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.paths import REPO

RUNNER = REPO / "tests" / "support" / "lighthouse_run.mjs"


class LighthouseError(RuntimeError):
    """Lighthouse's runner failed; the message holds the end of its standard error."""


# Page type -> address (and how to prepare it). Lighthouse refuses to audit a page that answers 404, so the
# 404 page is measured at its own address, where it is the same document.
PAGE_TYPES = {
    "home": {"path": "/"},
    "standard": {"path": "/kwaliteitsstandaarden/3/"},
    "a-z": {"path": "/hulpmiddelen/"},
    "a-z filtered": {"path": "/hulpmiddelen/?standaard=7"},
    "zelfscan with answers": {"path": "/zelfscan/", "answer": "zelfscan"},
    "print": {"path": "/afdrukken/"},
    "organisations": {"path": "/organisaties/"},
    "404": {"path": "/404.html"},
}


def run_lighthouse(
    base_url: str, categories: list[str] | None = None, pages: list[str] | None = None
) -> dict[str, dict]:
    """Lighthouse's figures per page type (see lighthouse_run.mjs for what each holds); `categories`: the
    ones to score, all four by default; `pages`: the names of the PAGE_TYPES to measure, all by default."""
    targets = [
        {"name": name, "url": base_url + spec["path"], **spec}
        for name, spec in PAGE_TYPES.items()
        if pages is None or name in pages
    ]
    extra = [json.dumps(categories)] if categories else []
    result = subprocess.run(
        ["node", str(RUNNER), json.dumps(targets), json.dumps(CHROMIUM_ARGS), *extra],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    if result.returncode != 0:
        raise LighthouseError(f"Lighthouse failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return {page["name"]: page for page in json.loads(result.stdout)}
