"""Lighthouse benchmark (issue 20): the performance score and the other categories per page type, mobile
preset with Lighthouse's simulated slow 4G, the site served gzipped as GitHub Pages serves it.

tests/browser/test_lighthouse.py asserts layout shift and accessibility/best practices/SEO; performance
depends on how busy the machine is, so it is printed here (target: >= 95 on every page type).

    .venv/bin/python -m benchmarks.bench_lighthouse [--site DIR] [--runs 1] [--quick]

--quick (what `make test` runs, so the benchmark keeps working): one session of the home page only.

With --site an existing build is measured (e.g. one from an older commit, for a before/after figure).
Beside the scores it prints the metrics the performance score is made of (ms, CLS unitless); with
LIGHTHOUSE_JSON_DIR=DIR set, each page's full Lighthouse report is written there (the last run's).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.support.lighthouse import PAGE_TYPES, run_lighthouse
from tests.support.paths import REPO
from tests.support.static_site import PagesHandler, serve_directory

TARGET = 95


def build(site: Path) -> Path:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(REPO / "mkdocs.yml"), "-d", str(site)]
    # Without the theme's end-of-life banner (as the Makefile sets it).
    subprocess.run(command, cwd=REPO, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site to measure (default: build the working tree)")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse sessions; the median is printed")
    parser.add_argument("--quick", action="store_true", help="one session of the home page: a smoke run")
    args = parser.parse_args()
    pages = ["home"] if args.quick else list(PAGE_TYPES)
    if args.quick:
        args.runs = 1
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build(Path(tmp) / "site")
        runs = []
        for _ in range(args.runs):
            with serve_directory(site, PagesHandler) as url:
                runs.append(run_lighthouse(url, pages=pages))
    print(f"Lighthouse 12, mobile, simulated slow 4G, gzipped; median of {args.runs} run(s)")
    print(f"target: performance >= {TARGET}")
    metrics = ["FCP", "LCP", "TBT", "SI"]
    print(
        f"{'page type':24} {'perf':>5} {'a11y':>5} {'b.p.':>5} {'seo':>5} {'CLS':>7}"
        + "".join(f"{m:>7}" for m in metrics)
    )
    for name in pages:
        measured = [run[name] for run in runs]

        def median(key: str, measured=measured) -> float:
            return statistics.median(page["scores"][key] for page in measured)

        cls = statistics.median(page["cls"] for page in measured)
        timings = "".join(f"{statistics.median(page['metrics'][m] for page in measured):7.0f}" for m in metrics)
        flag = "" if median("performance") >= TARGET else "  < target"
        print(
            f"{name:24} {median('performance'):5.0f} {median('accessibility'):5.0f} {median('best-practices'):5.0f}"
            f" {median('seo'):5.0f} {cls:7.3f}{timings}{flag}"
        )


if __name__ == "__main__":
    main()
