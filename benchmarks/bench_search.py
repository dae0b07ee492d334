"""Search benchmark (issue 8): relevance, index size and per-keystroke latency of the site search.

- Relevance: the query set of tests/relevance/queries.yaml typed into the real search box in Chromium,
  for Material's search alone (mkdocs.yml without hooks/search_nl.py) and for this site's search;
  prints success@5, mean reciprocal rank and the queries whose accepted resource is not in the first 5.
- Size: the search index of the real catalogue, raw and gzipped, in both builds (target: <= +30% gzipped).
- Latency: at 10,000 synthetic resources (benchmarks/bench_site.py's generator, once with texts of 32
  common words and once with the real texts resampled), every keystroke of every query of the set is sent
  to the search worker in Chromium, as the search box sends it; prints the time from posting a query to
  receiving its results (target: within 50 ms), and the worker's set-up. lunr's work per query grows with
  the number of (word, resource) matches, so the 32-word corpus is the worst case.

    .venv/bin/python benchmarks/bench_search.py [--size 10000]

Build-time cost is in benchmarks/bench_site.py (hooks vs plain MkDocs, which includes this search work).
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "browser"))

from bench_site import synthetic_catalogue  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 - the browser and flags the tests use
from search_box import ask, figures, first_rank, open_search, relevance_queries  # noqa: E402
from static_site import serve_directory  # noqa: E402

from infobox.loader import load_catalogue  # noqa: E402

# The synthetic catalogues of the latency figure (bench_site.synthetic_catalogue's `texts`).
CORPORA = {
    "words": "texts of 32 common words (each word in ~3 of 4 resources: the worst case)",
    "real": "the real titles and descriptions resampled (words as common as in the real catalogue)",
}

# Runs in the page: start the site's search worker as Material does, then time every query.
TIME_QUERIES = """async ([worker, queries]) => {
  const url = new URL(worker, location.href)
  const index = await (await fetch("/search/search_index.json")).json()
  const w = new Worker(url)
  const answer = () => new Promise(resolve => { w.onmessage = ev => resolve(ev.data) })
  let t = performance.now()
  w.postMessage({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}})
  await answer()
  const setup = performance.now() - t
  const times = []
  let results = 0
  for (const q of queries) {
    t = performance.now()
    w.postMessage({type: 2, data: q})
    const message = await answer()
    times.push(performance.now() - t)
    results += message.data.items.length
  }
  w.terminate()
  return {setup, times, results}
}"""


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def material_only_config(root: Path) -> Path:
    """mkdocs.yml without the search hook and with Material's default search pipeline (the stemmer needs
    the hook), every path made absolute so it builds from `root`."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^  - hooks/search_nl\.py.*\n", "", config)
    config = re.sub(r"(?m)^      pipeline: .*\n", "", config)
    config = re.sub(r"(?m)^(  - )(hooks/\S+)", lambda m: f"{m[1]}{REPO / m[2]}", config)
    config = config.replace("docs_dir: docs", f"docs_dir: {REPO / 'docs'}")
    config = config.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    config = re.sub(r"(?m)^watch:\n(?:  - .*\n)+", "", config)
    path = root / "mkdocs.yml"
    path.write_text(config, encoding="utf-8")
    return path


def build(config: Path, site: Path, catalogue: Path | None = None) -> Path:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", INFOBOX_CATALOGUE=str(catalogue or REPO / "data/resources.yaml"))
    env["INFOBOX_LINK_STATUS"] = str(REPO / "data" / "link-history.json")
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    subprocess.run(command, cwd=REPO, env=env, check=True, capture_output=True)
    return site


def index_kb(site: Path) -> tuple[float, float]:
    data = (site / "search" / "search_index.json").read_bytes()
    return len(data) / 1024, len(gzip.compress(data, mtime=0)) / 1024


def relevance(browser, site: Path) -> tuple[float, float, list[str]]:
    known = {r.id for r in load_catalogue().resources}
    ranks, misses = [], []
    with serve_directory(site) as url:
        page = browser.new_page()
        open_search(page, url)
        for q in relevance_queries():
            rank = first_rank(ask(page, q.query), q.accept, known)
            ranks.append(rank)
            if rank is None or rank > 5:
                misses.append(f"{q.query!r} ({q.kind}): rank {rank}")
        page.close()
    success, mrr = figures(ranks)
    return success, mrr, misses


def keystroke_latency(browser, site: Path) -> dict:
    keystrokes = [q.query[:n] for q in relevance_queries() for n in range(1, len(q.query) + 1)]
    worker = next(site.glob("assets/javascripts/workers/search*.min.js")).relative_to(site)
    with serve_directory(site) as url:
        page = browser.new_page()
        page.goto(f"{url}/")
        result = page.evaluate(TIME_QUERIES, [f"/{worker.as_posix()}", keystrokes])
        page.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="synthetic resources for the latency figure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp, chromium() as browser:
        tmp = Path(tmp)
        ours = build(REPO / "mkdocs.yml", tmp / "site")
        material = build(material_only_config(tmp), tmp / "site-material")
        print(f"{'real catalogue':<26} | {'success@5':>9} | {'MRR':>5} | {'index KB':>8} | {'gzip KB':>7}")
        sizes = {}
        for name, site in (("Material search alone", material), ("this site's search", ours)):
            success, mrr, misses = relevance(browser, site)
            raw, gz = sizes[name] = index_kb(site)
            print(f"{name:<26} | {success:>9.3f} | {mrr:>5.3f} | {raw:>8.1f} | {gz:>7.1f}")
            for miss in misses:
                print(f"    not in the first 5: {miss}")
        growth = sizes["this site's search"][1] / sizes["Material search alone"][1] - 1
        print(f"gzipped index vs Material alone: {growth:+.1%} (target <= +30%)")

        for texts, corpus in CORPORA.items():
            catalogue = tmp / f"synthetic-{texts}.yaml"
            synthetic_catalogue(args.size, catalogue, texts)
            print(f"\n{args.size} resources, {corpus}; every keystroke of the query set sent to the search worker:")
            for name, config in (("Material search alone", material_only_config(tmp)), ("this site's search", None)):
                big = build(config or REPO / "mkdocs.yml", tmp / f"site-{args.size}-{texts}-{bool(config)}", catalogue)
                raw, gz = index_kb(big)
                timing = keystroke_latency(browser, big)
                times = sorted(timing["times"])
                p95 = times[int(0.95 * (len(times) - 1))]
                within = sum(1 for t in times if t <= 50) / len(times)
                print(
                    f"{name:<26} | index {raw:.0f} KB ({gz:.0f} KB gzip) | set-up {timing['setup']:.0f} ms | "
                    f"{len(times)} keystrokes: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
                    f"max {times[-1]:.1f} ms, {within:.1%} within 50 ms"
                )


if __name__ == "__main__":
    main()
