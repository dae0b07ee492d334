"""Hostile-input benchmark (issue 22): work must stay linear in the input, and nothing may explode.

- Keywords: the search keywords (infobox.site.search_keywords) of a text of SIZE bytes that is one single
  word, or only "<" characters, against SIZE bytes of ordinary words (target: at most 2x).
- Build: the whole site built from the test fixture catalogue whose Kindcheck description is SIZE bytes of
  one word, against SIZE bytes of ordinary words (target: at most 2x).
- YAML: `python -m infobox validate` of the real catalogue plus ~700 bytes of nested anchors and aliases
  (tests/fixtures/billion-laughs.yaml), against the real catalogue alone: wall time and peak memory
  (target: refused in under a second and under 100 MB).
- Zelfscan address: reading the choice of standards (parseChoice of zelfscan-core.js, after URLSearchParams as the
  page does) from an address of SIZE and 10 x SIZE bytes (one long value, many values, garbage), against a
  real two-standard link (target: ignored, and 10 x SIZE costs at most ~10x SIZE: linear).

    .venv/bin/python -m benchmarks.bench_hostile [--size 1000000] [--skip-build] [--quick]

--quick (what `make test` runs, so the benchmark keeps working): SIZE 10,000; its figures mean nothing.

Wall-clock figures vary on a shared machine; read the ratios, measured in one run.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from infobox.catalogue.synonyms import load_synonyms
from infobox.site.search_keywords import KeywordMaker
from tests.support.paths import REPO
from tests.support.sitebuild import FIXTURE, build_site

TIMEOUT = 60  # seconds a validate run may take before it is stopped
ORDINARY = "Verslavingsproblemen bij kindermishandeling vragen samenwerkingsafspraken met Veilig Thuis. "


def texts(size: int) -> dict[str, str]:
    return {
        "ordinary words": (ORDINARY * (size // len(ORDINARY) + 1))[:size],
        "one single word": "kinder" * (size // 6),
        'only "<"': "<" * size,
    }


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def bench_keywords(size: int) -> None:
    synonyms = load_synonyms()
    print(f"\nSearch keywords of {size:,} bytes")
    base = None
    for name, text in texts(size).items():
        seconds = timed(lambda text=text: KeywordMaker([text], synonyms).keywords(text))
        base = base or seconds
        print(f"  {name:16} {seconds:8.3f} s   {seconds / base:6.2f}x ordinary")


def bench_build(size: int) -> None:
    print(f"\nSite build, one description of {size:,} bytes")
    fixture = FIXTURE.read_text(encoding="utf-8")
    old = "description: De Kindcheck is onderdeel van stap 1 van de meldcode."
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in list(texts(size).items())[:2]:
            catalogue = Path(tmp) / "resources.yaml"
            catalogue.write_text(fixture.replace(old, f"description: {text}"), encoding="utf-8")
            seconds = timed(lambda catalogue=catalogue: build_site(Path(tmp) / "site", catalogue, None))
            base = base or seconds
            print(f"  {name:16} {seconds:8.3f} s   {seconds / base:6.2f}x ordinary")


def validate(path: Path) -> tuple[float, float, str]:
    """Wall seconds, peak memory (MB) and first output line of `python -m infobox validate PATH`."""
    # Timed from after the imports (Python, PyYAML, jsonschema start in about half a second on their own).
    script = (
        "import resource, sys, time\n"
        "from infobox.cli import main\n"
        "t = time.perf_counter()\n"
        "main(sys.argv[1:])\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    limit = 3 * 1024**3  # a failing run stops at 3 GB instead of exhausting a shared machine
    try:
        result = subprocess.run(
            [sys.executable, "-c", script, "validate", str(path)],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=TIMEOUT,
            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)),
        )
    except subprocess.TimeoutExpired:
        return float("nan"), float("nan"), f"(stopped: no answer within {TIMEOUT} s)"
    lines = result.stderr.strip().splitlines()
    try:
        seconds, kilobytes = map(float, lines[-1].split())
    except (IndexError, ValueError):
        return float("nan"), float("nan"), (lines or ["(no output)"])[-1]
    said = (lines[:-1] or result.stdout.strip().splitlines() or [""])[0]
    return seconds, kilobytes / 1024, said[:150]


def bench_yaml() -> None:
    print("\nValidate: the real catalogue, and the same plus ~700 bytes of nested anchors and aliases")
    real = REPO / "data" / "resources.yaml"
    laughs = (REPO / "tests" / "fixtures" / "billion-laughs.yaml").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        hostile = Path(tmp) / "resources.yaml"
        hostile.write_text(real.read_text(encoding="utf-8") + laughs, encoding="utf-8")
        base_s, base_mb, _ = validate(real)
        print(f"  real catalogue     {base_s:6.2f} s  {base_mb:7.1f} MB  ({real.stat().st_size:,} bytes)")
        seconds, mb, said = validate(hostile)
        print(
            f"  + billion laughs   {seconds:6.2f} s  {mb:7.1f} MB  ({hostile.stat().st_size:,} bytes)"
            f"   {seconds / base_s:5.2f}x time, {mb / base_mb:5.2f}x memory\n    says: {said}"
        )


# Times, in node, the page's reading of the choice from each address; prints one line per address.
CHOICE_BENCH_JS = r"""
import(process.argv[1] + "/docs/javascripts/zelfscan-core.js").then((core) => {
const size = Number(process.argv[2]);
const catalogue = { standards: Array.from({ length: 10 }, (_, i) => ({ id: String(i + 1) })) };
const addresses = {
  "real link": "standaard=3&standaard=7",
  "one long value": "standaard=" + "3,".repeat(size / 2),
  "many values": "standaard=3&".repeat(size / 12),
  garbage: "standaard=" + "%00<x>".repeat(size / 6),
};
for (const [name, query] of Object.entries(addresses)) {
  const start = process.hrtime.bigint();
  let choice;
  for (let i = 0; i < 5; i++) choice = core.parseChoice(new URLSearchParams(query).getAll("standaard"), catalogue);
  const ms = Number(process.hrtime.bigint() - start) / 5e6;
  console.log(`${name}\t${query.length}\t${ms}\t${JSON.stringify(choice)}`);
}
});
"""


def bench_zelfscan_choice(size: int) -> None:
    print(f"\nZelfscan: the choice of standards read from an address of {size:,} and {10 * size:,} bytes")
    for n in (size, 10 * size):
        result = subprocess.run(
            ["node", "-e", CHOICE_BENCH_JS, str(REPO), str(n)], capture_output=True, text=True, timeout=TIMEOUT
        )
        for line in result.stdout.splitlines():
            name, length, ms, choice = line.split("\t")
            print(f"  {name:15} {int(length):>11,} bytes {float(ms):9.2f} ms  choice {choice}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--quick", action="store_true", help="SIZE 10,000: a smoke run")
    args = parser.parse_args()
    if args.quick:
        args.size = 10_000
    bench_yaml()
    bench_keywords(args.size)
    bench_zelfscan_choice(args.size)
    if not args.skip_build:
        bench_build(args.size)


if __name__ == "__main__":
    main()
