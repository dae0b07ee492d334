"""Search benchmark (issues 8, 18, 31, 32): relevance, search data size and per-keystroke latency of the site search.

- Relevance: the query set of tests/relevance/queries.yaml typed into the real search dialog in Chromium;
  prints success@5, mean reciprocal rank, the queries whose accepted resource is not in the first 5, and how
  many of the queries marked `first` (parents and older people, and the other words the stemmer confused)
  have the right first result.
- Size: the search data of the real catalogue, raw and gzipped (target: <= +30% gzipped against the search
  before issue 18: Material's lunr index extended by the build).
- Latency: at 10,000 synthetic resources (benchmarks/bench_site.py's generator, once with texts of 32
  common words and once with the real texts resampled), every keystroke of every query of the set is sent
  to the search worker in Chromium, as the dialog sends it; prints the time from posting a query to
  receiving its results (target: p95 within 50 ms), and the worker's set-up. The work per query grows with
  the number of (word, resource) matches, so the 32-word corpus is the worst case.
- Long queries: a 200-character word of a repeated known part on the real catalogue (issue 31: 17 s in
  Chromium before compound splitting was memoised), answered by the worker.
- `--before REV`: the same figures for the search of an earlier commit (e.g. the last one with Material's
  patched lunr worker), built from `git archive REV` with this checkout's virtualenv, in the same run.

    .venv/bin/python -m benchmarks.bench_search [--quick] [--size 10000] [--before REV] [--texts words|real]

`--quick` (what `make test` runs): 200 synthetic resources of the worst-case corpus only, in seconds; the
relevance figures are the full ones.

Build-time cost is in benchmarks/bench_site.py (hooks vs plain MkDocs, which includes this search work).
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from benchmarks.bench_site import synthetic_catalogue
from infobox.catalogue.loader import load_catalogue
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.paths import REPO
from tests.support.search_box import ask, figures, first_rank, first_results_right, open_search, relevance_queries
from tests.support.static_site import serve_directory

# The synthetic catalogues of the latency figure (bench_site.synthetic_catalogue's `texts`).
CORPORA = {
    "words": "texts of 32 common words (each word in ~3 of 4 resources: the worst case)",
    "real": "the real titles and descriptions resampled (words as common as in the real catalogue)",
}

# Runs in the page: start the site's search worker, then time every query. The site's own worker (a module
# worker answering {type: "query"}) or, for an earlier commit, Material's lunr worker (its SETUP/QUERY messages).
TIME_OURS = """async ([worker, data, queries]) => {
  const w = new Worker(new URL(worker, location.href), {type: "module"})
  const answer = () => new Promise(resolve => { w.onmessage = ev => resolve(ev.data) })
  let t = performance.now()
  w.postMessage({type: "load", url: new URL(data, location.href).href})
  await answer()
  const setup = performance.now() - t
  const times = []
  let results = 0
  for (const q of queries) {
    t = performance.now()
    w.postMessage({type: "query", query: q})
    const message = await answer()
    times.push(performance.now() - t)
    results += message.results.length
  }
  w.terminate()
  return {setup, times, results}
}"""
TIME_MATERIAL = """async ([worker, data, queries]) => {
  const index = await (await fetch(data)).json()
  const w = new Worker(new URL(worker, location.href))
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
OURS = ("search/index.json", "javascripts/search-worker.js")
MATERIAL = "search/search_index.json"
QUICK_SIZE = 200
MAX_QUERY = 200  # characters the search reads of a query (search-engine.js MAX_QUERY)
# Words of a repeated known part: each way of cutting them was tried before issue 31 (twice the work per part).
LONG_QUERIES = {part: (part * MAX_QUERY)[: MAX_QUERY - 1] + "q" for part in ("tips", "een", "meldcode", "ouderen")}


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def earlier_checkout(rev: str, root: Path) -> Path:
    """The tree of commit `rev` in `root` (git archive: no worktree, no checkout of this one)."""
    root.mkdir()
    archive = subprocess.run(["git", "archive", rev], cwd=REPO, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(root)], input=archive, check=True)
    return root / "mkdocs.yml"


def build(config: Path, site: Path, catalogue: Path | None = None) -> Path:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", INFOBOX_CATALOGUE=str(catalogue or REPO / "data/resources.yaml"))
    env["INFOBOX_LINK_STATUS"] = str(REPO / "data" / "link-history.json")
    env["PYTHONPATH"] = str(config.parent)  # an earlier checkout's hooks import its own package
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    subprocess.run(command, cwd=config.parent, env=env, check=True, capture_output=True)
    return site


def search_data(site: Path) -> Path:
    return site / OURS[0] if (site / OURS[0]).exists() else site / MATERIAL


def index_kb(site: Path) -> tuple[float, float]:
    data = search_data(site).read_bytes()
    return len(data) / 1024, len(gzip.compress(data, mtime=0)) / 1024


def relevance(browser, site: Path) -> tuple[float, float, list[str], tuple[int, int, list[str]]]:
    """success@5, MRR, the queries not in the first 5, and (right, checked, wrong) of the first results."""
    known = {r.id for r in load_catalogue().resources}
    ranks, misses = [], []
    queries = relevance_queries()
    with serve_directory(site) as url:
        page = browser.new_page()
        open_search(page, url)
        for q in queries:
            rank = first_rank(ask(page, q.query), q.accept, known)
            ranks.append(rank)
            if rank is None or rank > 5:
                misses.append(f"{q.query!r} ({q.kind}): rank {rank}")
        page.close()
    success, mrr = figures(ranks)
    return success, mrr, misses, first_results_right(queries, ranks)


def keystroke_latency(browser, site: Path, queries: list[str] | None = None) -> dict:
    """The worker's set-up and its time per query: every keystroke of the query set, or `queries`."""
    keystrokes = queries or [q.query[:n] for q in relevance_queries() for n in range(1, len(q.query) + 1)]
    if (site / OURS[0]).exists():
        script, data, worker = TIME_OURS, OURS[0], OURS[1]
    else:
        script, data = TIME_MATERIAL, MATERIAL
        worker = next(site.glob("assets/javascripts/workers/search*.min.js")).relative_to(site).as_posix()
    with serve_directory(site) as url:
        page = browser.new_page()
        page.goto(f"{url}/")
        result = page.evaluate(script, [f"/{worker}", f"/{data}", keystrokes])
        page.close()
    return result


def latency_line(name: str, site: Path, timing: dict) -> str:
    raw, gz = index_kb(site)
    times = sorted(timing["times"])
    p95 = times[int(0.95 * (len(times) - 1))]
    within = sum(1 for t in times if t <= 50) / len(times)
    return (
        f"{name:<22} | data {raw:.0f} KB ({gz:.0f} KB gzip) | set-up {timing['setup']:.0f} ms | "
        f"{len(times)} keystrokes: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
        f"max {times[-1]:.1f} ms, {within:.1%} within 50 ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="synthetic resources for the latency figure")
    parser.add_argument("--before", metavar="REV", help="also measure the search of this earlier commit")
    parser.add_argument("--texts", choices=sorted(CORPORA), action="append", help="only these corpora (default: both)")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_SIZE} resources, worst-case corpus only")
    args = parser.parse_args()
    if args.quick:
        args.size = min(args.size, QUICK_SIZE)
        args.texts = args.texts or ["words"]
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp, chromium() as browser:
        tmp = Path(tmp)
        configs = {"this site's search": REPO / "mkdocs.yml"}
        if args.before:
            configs[f"search of {args.before}"] = earlier_checkout(args.before, tmp / "before")
        sites = {name: build(config, tmp / f"site-{n}") for n, (name, config) in enumerate(configs.items())}
        ours = sites["this site's search"]
        success, mrr, misses, (right, checked, wrong) = relevance(browser, ours)
        print(f"relevance ({len(relevance_queries())} queries, real dialog): success@5 {success:.3f}, MRR {mrr:.3f}")
        print(f"first result right on {right} of {checked} queries marked `first` (issue 32)")
        for miss in misses:
            print(f"    not in the first 5: {miss}")
        for query in wrong:
            print(f"    first result wrong: {query}")
        print(f"\n{'real catalogue':<22} | {'data KB':>8} | {'gzip KB':>7}")
        for name, site in sites.items():
            raw, gz = index_kb(site)
            print(f"{name:<22} | {raw:>8.1f} | {gz:>7.1f}")
        if args.before:
            growth = index_kb(ours)[1] / index_kb(sites[f"search of {args.before}"])[1] - 1
            print(f"gzipped search data vs {args.before}: {growth:+.1%} (target <= +30%)")
        long = keystroke_latency(browser, ours, list(LONG_QUERIES.values()))
        answered = ", ".join(f"{part!r}: {ms:.1f} ms" for part, ms in zip(LONG_QUERIES, long["times"], strict=True))
        print(f"{MAX_QUERY}-character words of a repeated part, real catalogue: {answered}")

        for texts, corpus in CORPORA.items():
            if args.texts and texts not in args.texts:
                continue
            catalogue = tmp / f"synthetic-{texts}.yaml"
            synthetic_catalogue(args.size, catalogue, texts)
            print(f"\n{args.size} resources, {corpus}; every keystroke of the query set sent to the search worker:")
            for n, (name, config) in enumerate(configs.items()):
                big = build(config, tmp / f"site-{args.size}-{texts}-{n}", catalogue)
                print(latency_line(name, big, keystroke_latency(browser, big)))
                shutil.rmtree(big)


if __name__ == "__main__":
    main()
