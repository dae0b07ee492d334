"""Maintainer commands: `python -m infobox validate|export|schema|changed-links|apply-moves|propose|issue-form|
pages|build-zensical`.

Messages are Dutch: staff read them. The commands that edit the catalogue live in `infobox.maintenance.edit_commands`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from infobox.catalogue.loader import DEFAULT_CATALOGUE, load_catalogue
from infobox.catalogue.model import Catalogue
from infobox.catalogue.schema import SCHEMA_FILENAME, schema_json
from infobox.command_failures import guarded, write_output
from infobox.errors import CatalogueError, Problem
from infobox.exit_codes import CommandExit
from infobox.exports.open_data import catalogue_to_csv, catalogue_to_json_text
from infobox.exports.xlsx import catalogue_to_xlsx
from infobox.maintenance.annotations import github_annotation, github_message
from infobox.maintenance.changed_links import changed_catalogue
from infobox.maintenance.edit_commands import EDIT_COMMANDS, add_edit_commands


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m infobox", description="Beheer van de Infobox-catalogus.")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("validate", help="controleer de catalogus")
    check.add_argument("path", nargs="?", default=str(DEFAULT_CATALOGUE), help="standaard: %(default)s")
    check.add_argument("--details", action="store_true", help="toon elke waarschuwing, niet alleen het aantal")
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: als GitHub Actions-meldingen, zodat een pull request de fout op de regel toont",
    )

    export = commands.add_parser("export", help="exporteer de catalogus als open data")
    export.add_argument("--format", choices=("json", "csv", "xlsx"), required=True)
    export.add_argument("--out", help="bestand om naar te schrijven (standaard: het scherm; bij xlsx verplicht)")
    export.add_argument("--catalogue", default=str(DEFAULT_CATALOGUE), help="standaard: %(default)s")

    schema = commands.add_parser("schema", help="schrijf het JSON Schema voor editors")
    schema.add_argument("--out", default=str(DEFAULT_CATALOGUE.parent / SCHEMA_FILENAME))

    changed = commands.add_parser(
        "changed-links", help="schrijf een catalogus met alleen de hulpmiddelen met nieuwe of gewijzigde links"
    )
    changed.add_argument("base", help="de catalogus zoals hij was (bijvoorbeeld op main)")
    changed.add_argument("--catalogue", default=str(DEFAULT_CATALOGUE), help="standaard: %(default)s")
    changed.add_argument("--out", required=True, help="het bestand om te schrijven")

    add_edit_commands(commands)

    pages = commands.add_parser("pages", help="schrijf alle gegenereerde pagina's en bestanden van de site in een map")
    pages.add_argument("out", help="map om in te schrijven (wordt gemaakt; andere bestanden blijven staan)")
    pages.add_argument("--config", default="mkdocs.yml", help="instellingen van de site (standaard: %(default)s)")

    zensical = commands.add_parser("build-zensical", help="bouw de site met Zensical in plaats van MkDocs")
    zensical.add_argument("--config", default="mkdocs.yml", help="instellingen van de site (standaard: %(default)s)")
    zensical.add_argument("--site-dir", default="site", help="map voor de gebouwde site (standaard: %(default)s)")

    args = parser.parse_args(argv)
    return guarded(lambda: _run(args))


def _run(args: argparse.Namespace) -> int:
    if args.command in ("pages", "build-zensical"):
        return _site_command(args)
    if args.command in EDIT_COMMANDS:
        return EDIT_COMMANDS[args.command](args)
    if args.command == "changed-links":
        return _changed_links(Path(args.catalogue), Path(args.base), Path(args.out))
    if args.command == "schema":
        write_output(args.out, schema_json())
        print(f"{args.out} geschreven")
        return CommandExit.DONE

    if args.command == "validate":
        return _validate(args.path, details=args.details, github=args.format == "github")
    if args.format == "xlsx" and not args.out:
        print("een xlsx-bestand kan niet naar het scherm: geef --out BESTAND.xlsx", file=sys.stderr)
        return CommandExit.CANNOT_RUN
    catalogue = _load_or_report(args.catalogue, nothing_written=bool(args.out))
    if catalogue is None:
        return CommandExit.REFUSED
    if args.format == "xlsx":
        write_output(args.out, catalogue_to_xlsx(catalogue))
        return CommandExit.DONE
    text = catalogue_to_json_text(catalogue) if args.format == "json" else catalogue_to_csv(catalogue)
    if args.out:
        write_output(args.out, text)
    else:
        sys.stdout.write(text)
    return CommandExit.DONE


def _validate(path: str, *, details: bool, github: bool) -> int:
    try:
        catalogue = load_catalogue(path)
    except CatalogueError as error:
        if github:
            for problem in error.problems:
                print(github_annotation("error", problem))
        _report(error.problems)
        return CommandExit.REFUSED
    count = len(catalogue.warnings)
    if details:
        for warning in catalogue.warnings:
            print(github_annotation("warning", warning) if github else f"waarschuwing: {warning}", file=sys.stderr)
    elif count:
        summary = (
            f"{count} {'waarschuwing' if count == 1 else 'waarschuwingen'}; "
            f"bekijk ze met: python -m infobox validate --details {path}"
        )
        print(github_message("notice", summary) if github else summary, file=sys.stderr)
    links = sum(len(r.links) for r in catalogue.resources)
    print(
        f"{catalogue.path}: in orde — {len(catalogue.standards)} kwaliteitsstandaarden, "
        f"{len(catalogue.resources)} hulpmiddelen, {links} links"
    )
    return CommandExit.DONE


def _changed_links(head: Path, base: Path, out: Path) -> int:
    try:
        text, count = changed_catalogue(head, base)
    except CatalogueError as error:
        _report(error.problems, suffix="; er is niets geschreven.")
        return CommandExit.REFUSED
    write_output(out, text)
    print(f"{count} {'hulpmiddel' if count == 1 else 'hulpmiddelen'} met nieuwe of gewijzigde links in {out}")
    return CommandExit.DONE


def _load_or_report(path: str, *, nothing_written: bool) -> Catalogue | None:
    try:
        return load_catalogue(path)
    except CatalogueError as error:
        _report(error.problems, suffix="; er is niets geschreven." if nothing_written else ".")
        return None


def _report(problems: list[Problem], suffix: str = ".") -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    count = len(problems)
    print(f"{count} {'probleem' if count == 1 else 'problemen'} gevonden{suffix}", file=sys.stderr)


def _site_command(args: argparse.Namespace) -> int:
    """`pages` and `build-zensical`: the site's generated files, from the settings in mkdocs.yml."""
    from infobox.site.config_file import ConfigError, read_config
    from infobox.site.generate import (
        SiteInputError,
        generated_files,
        hand_written_pages,
        settings,
        site_context,
        write_files,
    )
    from infobox.site.zensical_adapter import ZensicalBuildError, build

    config_file = Path(args.config)
    if not config_file.is_file():
        print(f"{config_file}: bestand bestaat niet", file=sys.stderr)
        return CommandExit.CANNOT_RUN
    try:
        if args.command == "build-zensical":
            seconds = build(config_file, Path(args.site_dir))
            print(f"{args.site_dir}: site gebouwd met Zensical in {seconds:.2f} s")
            return CommandExit.DONE
        config = read_config(config_file)
        root = config_file.resolve().parent
        ctx = site_context(settings(config.get("extra"), root), config.get("site_url") or "")
        files = generated_files(ctx, hand_written_pages(root / (config.get("docs_dir") or "docs")))
        write_files(files, Path(args.out))
        print(f"{args.out}: {len(files)} bestanden geschreven")
        return CommandExit.DONE
    except CatalogueError as error:
        _report(error.problems, suffix="; er is niets geschreven.")
    except (SiteInputError, ZensicalBuildError) as error:
        print(error, file=sys.stderr)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return CommandExit.CANNOT_RUN
    return CommandExit.REFUSED
