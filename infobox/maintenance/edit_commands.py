"""The CLI commands that edit files for maintainers: `apply-moves`, `propose` and `issue-form`.

Exit status (`infobox.exit_codes.CommandExit`) of `apply-moves` and `propose`: 0 done (the summary says what
changed, possibly nothing); 1 refused, catalogue untouched (`apply-moves`: the catalogue is invalid, before or
after the edit, or a line could not be edited safely; `propose`: the proposal is invalid, its problems are listed
for the person who sent it); 2 cannot run, catalogue untouched (a file missing, unreadable, too large or too
deeply nested, the catalogue's folder not writable, the catalogue itself invalid for `propose`). `propose
--result` writes the outcome for the workflow in every case it can write it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from infobox.catalogue.loader import DEFAULT_CATALOGUE, load_catalogue
from infobox.command_failures import CannotWrite, write_output
from infobox.errors import CatalogueError
from infobox.exit_codes import CommandExit
from infobox.maintenance.apply_moves import LinksFileError, apply_moves, summary
from infobox.maintenance.catalogue_edit import CatalogueNotWritable, EditError
from infobox.maintenance.issue_form import FORM_PATH, form_yaml
from infobox.maintenance.propose import ProposalError, propose


def add_edit_commands(commands) -> None:
    moves = commands.add_parser("apply-moves", help="zet de nieuwe adressen van verhuisde links in de catalogus")
    moves.add_argument("--links", required=True, help="links.json van de linkcontrole")
    moves.add_argument("--catalogue", default=str(DEFAULT_CATALOGUE), help="standaard: %(default)s")

    prop = commands.add_parser("propose", help="voeg een voorstel uit het GitHub-formulier toe aan de catalogus")
    prop.add_argument("body", help="bestand met de tekst van het issue")
    prop.add_argument("--catalogue", default=str(DEFAULT_CATALOGUE), help="standaard: %(default)s")
    prop.add_argument("--issue", type=int, help="nummer van het issue (komt als commentaar bij het hulpmiddel)")
    prop.add_argument("--result", help="schrijf de uitkomst ook als JSON naar dit bestand (voor de workflow)")

    form = commands.add_parser("issue-form", help="schrijf het GitHub-formulier voor voorstellen opnieuw")
    form.add_argument("--catalogue", default=str(DEFAULT_CATALOGUE), help="standaard: %(default)s")
    form.add_argument("--out", default=str(FORM_PATH), help="standaard: %(default)s")


def _print_problems(error: Exception, what: str) -> None:
    for problem in getattr(error, "problems", []):
        print(problem, file=sys.stderr)
    print(what, file=sys.stderr)


def run_apply_moves(args) -> int:
    catalogue = Path(args.catalogue)
    try:
        outcome = apply_moves(Path(args.links), catalogue)
    except (LinksFileError, CatalogueNotWritable) as error:
        _print_problems(error, "De verhuisde links zijn niet bijgewerkt; de catalogus is niet gewijzigd.")
        return CommandExit.CANNOT_RUN
    except (EditError, CatalogueError) as error:
        _print_problems(error, "De verhuisde links zijn niet bijgewerkt; de catalogus is niet gewijzigd.")
        return CommandExit.REFUSED
    print(summary(outcome, str(catalogue)))
    return CommandExit.DONE


def run_propose(args) -> int:
    result: dict = {"issue": args.issue}
    try:
        proposal = propose(Path(args.body), Path(args.catalogue), args.issue)
    except ProposalError as error:
        for message in error.messages:
            print(message, file=sys.stderr)
        print("Het voorstel is niet toegevoegd; de catalogus is niet gewijzigd.", file=sys.stderr)
        result.update(status="invalid", problems=error.messages)
        code = CommandExit.REFUSED
    except (EditError, CatalogueError) as error:
        _print_problems(error, "Het voorstel kon niet worden verwerkt; de catalogus is niet gewijzigd.")
        result.update(status="cannot-run")
        code = CommandExit.CANNOT_RUN
    else:
        resource = proposal.resource
        print(f"Toegevoegd aan {args.catalogue}: {resource['title']!r} (id: {resource['id']}).")
        result.update(status="added", id=resource["id"], title=resource["title"], proposer=proposal.proposer)
        if proposal.already_listed:
            result["already_listed"] = proposal.already_listed
        code = CommandExit.DONE
    if args.result:
        try:
            write_output(args.result, json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        except CannotWrite as error:
            print(f"{error}; de uitkomst voor de workflow ontbreekt.", file=sys.stderr)
            return CommandExit.CANNOT_RUN
    return code


def run_issue_form(args) -> int:
    try:
        catalogue = load_catalogue(args.catalogue)
    except CatalogueError as error:
        _print_problems(error, "Het formulier is niet geschreven.")
        return CommandExit.REFUSED
    out = Path(args.out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CannotWrite(f"{out.parent}: map kan niet worden gemaakt ({error.strerror or error})") from None
    write_output(out, form_yaml(catalogue))
    print(f"{out} geschreven")
    return CommandExit.DONE


EDIT_COMMANDS = {"apply-moves": run_apply_moves, "propose": run_propose, "issue-form": run_issue_form}
