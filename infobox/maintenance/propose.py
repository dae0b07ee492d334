"""`python -m infobox propose ISSUE_BODY_FILE`: turn a proposal from the issue form into a catalogue entry.

The body is read into an entry (`proposal_form`), inserted as text (`entry_insertion`), and the edited file
is read back: it must hold exactly the old entries plus this one. Then the whole file is validated before
it replaces the catalogue (`catalogue_edit.write_validated`); a problem of the new entry is told to the
proposer by the form's field, not the file's line.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from infobox.catalogue.yaml_source import YamlDocument
from infobox.errors import CatalogueError, Problem
from infobox.maintenance.catalogue_edit import EditError, edited_document, read_catalogue, write_validated
from infobox.maintenance.entry_insertion import insert
from infobox.maintenance.issue_form import (
    AUDIENCE,
    DESCRIPTION,
    LINKS,
    ORGANISATION,
    STANDARDS,
    TITLE,
    TYPE,
)
from infobox.maintenance.proposal_form import MAX_BODY_CHARS, Proposal, ProposalError, parse_proposal


def propose(body_path: Path, catalogue_path: Path, issue: int | None = None, today: dt.date | None = None) -> Proposal:
    """Add the proposal in the body file to the catalogue file. ProposalError (the proposer's to fix),
    EditError or CatalogueError (the maintainers' to fix) leave the catalogue untouched."""
    try:
        if body_path.stat().st_size > 4 * MAX_BODY_CHARS:
            raise ProposalError([f"Het voorstel is te lang (hoogstens {MAX_BODY_CHARS} tekens)."])
        body = body_path.read_bytes().decode("utf-8")
    except OSError as error:
        raise EditError(
            [Problem(str(body_path), 0, "voorstel", f"kan niet worden gelezen ({error.strerror})")]
        ) from None
    except UnicodeDecodeError:
        raise ProposalError(["Het voorstel is geen UTF-8-tekst."]) from None
    doc, catalogue = read_catalogue(catalogue_path)
    proposal = parse_proposal(body, catalogue, today or dt.date.today())
    edited = edited_document(catalogue_path, insert(doc, proposal, catalogue, issue))
    old, new = doc.data, edited.data
    others = [r for r in (new or {}).get("resources", []) if r.get("id") != proposal.id]
    added = [r for r in (new or {}).get("resources", []) if r.get("id") == proposal.id]
    rest_same = {k: v for k, v in new.items() if k != "resources"} == {k: v for k, v in old.items() if k != "resources"}
    if others != old["resources"] or added != [proposal.resource] or not rest_same:
        raise EditError([Problem(str(catalogue_path), 0, "bestand", "het voorstel kon niet precies worden ingevoegd")])
    try:
        write_validated(catalogue_path, edited)
    except CatalogueError as error:
        start = _line_of(edited, proposal.id)
        mine = [p for p in error.problems if p.line >= start]
        if len(mine) == len(error.problems):
            raise ProposalError([_for_proposer(p) for p in mine]) from None
        raise
    return proposal


def _line_of(doc: YamlDocument, resource_id: str) -> int:
    index = next(i for i, r in enumerate(doc.data["resources"]) if r["id"] == resource_id)
    return doc.line(("resources", index))


YAML_FIELDS = {
    "title": TITLE.label,
    "description": DESCRIPTION.label,
    "organisation": ORGANISATION.label,
    "type": TYPE.label,
    "audience": AUDIENCE.label,
    "standards": STANDARDS.label,
    "links": LINKS.label,
}


def _for_proposer(problem: Problem) -> str:
    """A validation problem of the new entry, named by the form's field instead of the file's line."""
    # The field as validate names it: 'hulpmiddel "Titel" (id) › links[0].url' (or 'resources[3].links…').
    key = re.search(r"(?:› |^resources\[\d+\]\.)(\w+)", problem.field)
    label = YAML_FIELDS.get(key[1], key[1]) if key else problem.field
    return f"{label}: {problem.message}" + (f" ({problem.hint})" if problem.hint else "")
