"""Maintainer commands: `python -m infobox validate|export|schema`. Messages are Dutch: staff read them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from infobox.errors import CatalogueError
from infobox.exports import catalogue_to_csv, catalogue_to_json_text
from infobox.loader import DEFAULT_CATALOGUE, load_catalogue
from infobox.model import Catalogue
from infobox.schema import SCHEMA_FILENAME, schema_json


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m infobox", description="Beheer van de Infobox-catalogus.")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("validate", help="controleer de catalogus")
    check.add_argument("path", nargs="?", default=str(DEFAULT_CATALOGUE), help="standaard: %(default)s")

    export = commands.add_parser("export", help="exporteer de catalogus als open data")
    export.add_argument("--format", choices=("json", "csv"), required=True)
    export.add_argument("--out", help="bestand om naar te schrijven (standaard: het scherm)")
    export.add_argument("--catalogue", default=str(DEFAULT_CATALOGUE), help="standaard: %(default)s")

    schema = commands.add_parser("schema", help="schrijf het JSON Schema voor editors")
    schema.add_argument("--out", default=str(DEFAULT_CATALOGUE.parent / SCHEMA_FILENAME))

    args = parser.parse_args(argv)
    if args.command == "schema":
        Path(args.out).write_text(schema_json(), encoding="utf-8")
        print(f"{args.out} geschreven")
        return 0

    catalogue = _load_or_report(args.path if args.command == "validate" else args.catalogue)
    if catalogue is None:
        return 1
    if args.command == "validate":
        for warning in catalogue.warnings:
            print(f"waarschuwing: {warning}", file=sys.stderr)
        links = sum(len(r.links) for r in catalogue.resources)
        print(
            f"{catalogue.path}: in orde — {len(catalogue.standards)} kwaliteitsstandaarden, "
            f"{len(catalogue.resources)} hulpmiddelen, {links} links"
            + (f", {len(catalogue.warnings)} waarschuwingen" if catalogue.warnings else "")
        )
        return 0
    text = catalogue_to_json_text(catalogue) if args.format == "json" else catalogue_to_csv(catalogue)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _load_or_report(path: str) -> Catalogue | None:
    try:
        return load_catalogue(path)
    except CatalogueError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} {'probleem' if count == 1 else 'problemen'} gevonden; er is niets geschreven.", file=sys.stderr)
        return None
