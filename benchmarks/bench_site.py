"""Site build benchmark: our MkDocs build against plain MkDocs + Material on the same pages, and Zensical.

For the real catalogue and for 100, 1,000 and 10,000 synthetic resources it builds
- "ours": `mkdocs build` of the repository's mkdocs.yml with its hooks, reading the catalogue
  (INFOBOX_CATALOGUE), its page templates compiled by an earlier build (Jinja's bytecode cache, see
  infobox/site/render.py; one untimed build first),
- "ours cold": the same with the template cache off, as the first build after a template change,
- "plain": the same pages made files first (`python -m infobox pages docs/`, not timed), built by
  `mkdocs build` with the same mkdocs.yml minus its `hooks:`, and
- "zensical": `python -m infobox build-zensical`, the whole command (catalogue, generated files,
  Zensical 0.0.73, the internal link check); beside it the time of the `zensical build` child alone,
and prints the median wall time and peak memory of each over the rounds (the variants take turns in each
round, so load on a shared machine falls on all three alike) and the ratios to plain (target: ours <=
1.20x plain, and cost growing linearly with the catalogue). It also prints the search index size per
catalogue, and for the real catalogue the home page's total transfer (every response Chromium receives)
and the time to make every generated file, with the share of catalogue.xlsx in it.

    .venv/bin/python -m benchmarks.bench_site [--sizes 100 1000 10000] [--rounds 3] [--quick]

--quick (what `make test` runs, so the benchmark keeps working): one round on a 20-resource catalogue
only, every step as above; its figures mean nothing.

Wall-clock figures vary between runs on a shared machine; the ratio is what to read.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import gzip
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from infobox.catalogue.loader import load_catalogue
from infobox.catalogue.vocabulary import AUDIENCES, TYPES
from infobox.site.context import SiteContext
from infobox.site.generate import generated_files
from infobox.site.search_index import SEARCH_INDEX
from tests.support.paths import REPO
from tests.support.sitebuild import plain_project

WORDS = [
    "veiligheid",
    "gezin",
    "huiselijk",
    "geweld",
    "kindermishandeling",
    "meldcode",
    "training",
    "handreiking",
    "professionals",
    "samenwerking",
    "signalen",
    "risico",
    "aanpak",
    "wijkteam",
    "ouders",
    "kinderen",
    "jeugd",
    "gemeente",
    "instrument",
    "methode",
    "gesprek",
    "hulpverlening",
    "herstel",
    "trauma",
    "regie",
    "plan",
    "netwerk",
    "steun",
    "zorg",
    "kennis",
    "praktijk",
]

# Runs one command and reports its wall time and the peak resident memory of its process tree.
MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": elapsed, "peak_mb": peak_kb / 1024, "rc": done.returncode,
                  "stdout": done.stdout[-2000:], "stderr": done.stderr[-2000:]}))
"""


def synthetic_catalogue(size: int, path: Path, texts: str = "words") -> None:
    """The real standards with `size` generated resources, as a valid catalogue file.

    texts="words": titles and descriptions drawn from the 32 WORDS, so every word is in about 3 of 4
    resources (the worst case for an inverted index). texts="real": the titles and descriptions of the real
    catalogue's resources, resampled, so words are as common as they are in the real texts.
    """
    real = yaml.safe_load((REPO / "data" / "resources.yaml").read_text(encoding="utf-8"))
    refs = [
        ref
        for standard in real["standards"]
        for ref in ([f"{standard['id']}{item['letter']}" for item in standard.get("items", [])] or [standard["id"]])
    ]
    rng = random.Random(size)
    organisations = [f"Organisatie {n}" for n in range(max(5, size // 20))]
    resources = []
    for n in range(size):
        if texts == "real":
            title, description = rng.choice(real["resources"])["title"], rng.choice(real["resources"])["description"]
        else:
            title, description = " ".join(rng.choices(WORDS, k=4)).capitalize(), " ".join(rng.choices(WORDS, k=40))
        resources.append(
            {
                "id": f"hulpmiddel-{n:05d}",
                "title": f"{title} {n}",
                "description": description.capitalize().rstrip(".") + ".",
                "organisation": rng.choice(organisations),
                "type": TYPES[n % len(TYPES)],
                "audience": sorted(set(rng.choices(AUDIENCES, k=2))),
                "standards": sorted(set(rng.choices(refs, k=2))),
                "links": [
                    {"url": f"https://voorbeeld.nl/hulpmiddel/{n}", "label": "Website"},
                    {"url": f"https://voorbeeld.nl/hulpmiddel/{n}.pdf", "label": "Handreiking"},
                ],
                "reviewed": dt.date(2021, 1, 25),
            }
        )
    data = {"source": real["source"], "standards": real["standards"], "resources": resources}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")


ZENSICAL_SECONDS = re.compile(r"site gebouwd met Zensical in ([0-9.]+) s")


def measure(variant: str, config: Path, site: Path, env: dict[str, str]) -> dict:
    if variant == "zensical":
        command = [sys.executable, "-m", "infobox", "build-zensical", "--config", str(config), "--site-dir", str(site)]
    else:
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, env=env, cwd=REPO, check=True
    )
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"build failed: {' '.join(command)}\n{result['stderr']}")
    if variant == "zensical":
        result["zensical_seconds"] = float(ZENSICAL_SECONDS.search(result["stdout"]).group(1))
    return result


def medians(runs: list[dict]) -> dict[str, float]:
    """The median of every figure (seconds, peak_mb, zensical_seconds) over the rounds."""
    return {
        key: statistics.median(run[key] for run in runs) for key, value in runs[0].items() if isinstance(value, float)
    }


def search_index_kb(site: Path) -> tuple[float, float]:
    data = (site / SEARCH_INDEX).read_bytes()
    return len(data) / 1024, len(gzip.compress(data)) / 1024


def home_transfer_kb(site: Path) -> tuple[float, float, int]:
    """Size of every response Chromium receives loading the home page: uncompressed, gzipped (as a web
    server with compression sends it), and their count."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sizes: list[bytes] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
            )
            page = browser.new_page()
            page.on("response", lambda response: sizes.append(response.body()))
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/", wait_until="networkidle")
            browser.close()
    finally:
        server.shutdown()
    return sum(map(len, sizes)) / 1024, sum(len(gzip.compress(b)) for b in sizes) / 1024, len(sizes)


def generation_seconds(runs: int = 5) -> tuple[float, float]:
    """For the real catalogue: the fastest of `runs` times to make every generated file, and to make
    catalogue.xlsx alone (the one binary export, written by XlsxWriter)."""
    import time

    from infobox.exports.xlsx import catalogue_to_xlsx

    ctx = SiteContext(catalogue=load_catalogue(REPO / "data" / "resources.yaml"))

    def fastest(work) -> float:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
        return min(times)

    return fastest(lambda: generated_files(ctx)), fastest(lambda: catalogue_to_xlsx(ctx.catalogue))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--rounds", type=int, default=3, help="builds per variant (taking turns); the median counts")
    parser.add_argument("--quick", action="store_true", help="one round of a 20-resource catalogue: a smoke run")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.rounds = [20], 1

    # Our package is the one editable install: with PYTHONDONTWRITEBYTECODE set (as on these machines) Python
    # would compile it from source in every build, while MkDocs, Material and every installed package load
    # bytecode pip compiled at install time. Compiled here too, so both sides start alike.
    compileall.compile_dir(REPO / "infobox", quiet=1)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        tmp = Path(tmp)
        catalogues = {} if args.quick else {"real": {}}  # the repository's catalogue and link status
        for size in args.sizes:
            synthetic_catalogue(size, tmp / f"resources-{size}.yaml")
            catalogues[str(size)] = {
                "INFOBOX_CATALOGUE": str(tmp / f"resources-{size}.yaml"),
                "INFOBOX_LINK_STATUS": str(tmp / "no-status.json"),  # links never checked
            }
        for name, settings in catalogues.items():
            work = tmp / name
            work.mkdir()
            env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **settings)
            configs = {
                "ours": REPO / "mkdocs.yml",
                "ours cold": REPO / "mkdocs.yml",
                "plain": plain_project(env, work / "plain"),
                "zensical": REPO / "mkdocs.yml",
            }
            runs: dict[str, list[dict]] = {variant: [] for variant in configs}
            measure("ours", configs["ours"], work / "site-ours", env)  # fills the template cache
            for _ in range(args.rounds):
                for variant, config in configs.items():
                    variant_env = dict(env, INFOBOX_TEMPLATE_CACHE="") if variant == "ours cold" else env
                    runs[variant].append(measure(variant, config, work / f"site-{variant}", variant_env))
            index_kb, index_gz_kb = search_index_kb(work / "site-ours")
            rows.append((name, {variant: medians(r) for variant, r in runs.items()}, index_kb, index_gz_kb))
            print(f"built the {name} catalogue {args.rounds} times per variant", file=sys.stderr, flush=True)

        print(f"median of {args.rounds} rounds; ratios to plain MkDocs on the same pages (target: ours <= 1.20)")
        print(
            f"{'resources':>9} | {'ours s':>7} | {'plain s':>7} | {'ours/plain':>10} | {'cold/plain':>10} | "
            f"{'ours MB':>7} | "
            f"{'plain MB':>8} | {'mem ratio':>9} | {'zensical s':>10} | {'z/plain':>7} | {'zensical alone s':>16} | "
            f"{'zensical MB':>11} | {'search index KB (gzip)':>22}"
        )
        for name, m, index_kb, index_gz_kb in rows:
            ours, cold, plain, zensical = m["ours"], m["ours cold"], m["plain"], m["zensical"]
            print(
                f"{name:>9} | {ours['seconds']:>7.2f} | {plain['seconds']:>7.2f} | "
                f"{ours['seconds'] / plain['seconds']:>10.2f} | {cold['seconds'] / plain['seconds']:>10.2f} | "
                f"{ours['peak_mb']:>7.0f} | "
                f"{plain['peak_mb']:>8.0f} | {ours['peak_mb'] / plain['peak_mb']:>9.2f} | "
                f"{zensical['seconds']:>10.2f} | {zensical['seconds'] / plain['seconds']:>7.2f} | "
                f"{zensical['zensical_seconds']:>16.2f} | {zensical['peak_mb']:>11.0f} | "
                f"{index_kb:>12.0f} ({index_gz_kb:.0f})"
            )

        measured = next(iter(catalogues))
        transfer_kb, transfer_gz_kb, responses = home_transfer_kb(tmp / measured / "site-ours")
        print(
            f"\n{measured} catalogue: home page transfer {transfer_kb:.0f} KB uncompressed, "
            f"{transfer_gz_kb:.0f} KB gzipped, in {responses} responses (target < 400 KB)"
        )
        all_files, xlsx = generation_seconds(runs=1 if args.quick else 5)
        print(
            f"real catalogue: generated files in {all_files:.3f} s, of which catalogue.xlsx {xlsx:.3f} s "
            f"({xlsx / all_files:.0%})"
        )


if __name__ == "__main__":
    main()
