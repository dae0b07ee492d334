"""How much a mistake's tip costs: `validate` on a valid catalogue against one with a mistake whose tip is
checked by validating the file as the tip would leave it (infobox.catalogue.tips).

For 1,000 and 10,000 synthetic resources (bench_site's generator) it times, in this process:
- valid: the catalogue as generated;
- indent: the last link's `label:` indented too little (a YAML error: the tip is tried at each level);
- swallowed: the last resource's description as `>-` with its `organisation:` indented into the text;
and prints CPU seconds and the ratio to "valid".

    .venv/bin/python -m benchmarks.bench_validate [--quick]

--quick (what `make test` runs, so the benchmark keeps working): 100 resources only; its figures mean nothing.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks.bench_site import synthetic_catalogue
from infobox.catalogue.loader import load_catalogue
from infobox.errors import CatalogueError


def timed(path: Path) -> tuple[float, str]:
    start = time.process_time()  # CPU time: the machine is shared, wall time is noise
    try:
        load_catalogue(path)
        outcome = "in orde"
    except CatalogueError as error:
        outcome = f"{len(error.problems)} probleem, tip: {error.problems[0].hint or '-'}"
    return time.process_time() - start, outcome


def mistakes(text: str) -> dict[str, str]:
    lines = text.splitlines()
    label = max(i for i, line in enumerate(lines) if line.lstrip().startswith("label:"))
    indent = lines[label].replace(lines[label].lstrip(), "")
    indented = [*lines[:label], indent[:-2] + lines[label].lstrip(), *lines[label + 1 :]]
    last = max(i for i, line in enumerate(lines) if line.lstrip().startswith("description:"))
    organisation = next(i for i in range(last, len(lines)) if lines[i].lstrip().startswith("organisation:"))
    key = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    swallowed = [
        *lines[:last],
        f"{key}description: >-",
        f"{key}  Een tekst over het hulpmiddel.",
        f"{key}  {lines[organisation].strip()}",
        *lines[organisation + 1 :],
    ]
    return {"indent": "\n".join(indented) + "\n", "swallowed": "\n".join(swallowed) + "\n"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 resources only: a smoke run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for size in (100,) if args.quick else (1000, 10000):
            valid = Path(folder) / f"valid-{size}.yaml"
            synthetic_catalogue(size, valid)
            base, outcome = timed(valid)
            print(f"{size:>6} valid      {base:6.2f} s  ({outcome})")
            for name, text in mistakes(valid.read_text(encoding="utf-8")).items():
                path = Path(folder) / f"{name}-{size}.yaml"
                path.write_text(text, encoding="utf-8")
                seconds, outcome = timed(path)
                print(f"{size:>6} {name:<10} {seconds:6.2f} s  ×{seconds / base:4.1f}  ({outcome})")


if __name__ == "__main__":
    main()
