"""`python -m infobox apply-moves`: write the new address of every moved link into the catalogue.

Reads the link job's `links.json`; each link with status `moved` is replaced on exactly the lines where the
catalogue holds it (the loader knows each URL's line), in the quoting the maintainers used; a link of an
Infobox entry moving for the first time gets an `infobox_url:` line after it, the address the Infobox
printed, which `validate` and the fidelity tests read for `provenance: infobox`. A redirect that
looks like a dead end (front page, login or search page: `infobox.link_results.dead_ends.dead_end`) is listed, not
applied. The result is validated before it replaces the file (`catalogue_edit.write_validated`).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from infobox.catalogue.addresses import url_problem
from infobox.errors import Problem
from infobox.link_results.dead_ends import dead_end
from infobox.link_results.report_file import UnusableLinksFile, read_links_file
from infobox.link_results.status import LinkStatus
from infobox.maintenance.catalogue_edit import EditError, edited_document, read_catalogue, write_validated


class LinksFileError(EditError):
    """links.json is missing or not the link job's: the command cannot run."""


@dataclass(frozen=True)
class Place:
    """One catalogue link holding a moved URL: the resource, and the line of its `url` value."""

    resource_id: str
    title: str
    path: tuple  # ("resources", i, "links", k, "url")
    line: int
    # An Infobox entry's link moving for the first time: an `infobox_url` line keeps the address the Infobox
    # printed, so the entry still shows it came from the Infobox (validate checks `provenance: infobox`).
    keep_printed: bool = False


@dataclass(frozen=True)
class Move:
    old: str
    new: str
    places: tuple[Place, ...]
    skipped: str = ""  # why it is not applied; "" when it is


@dataclass(frozen=True)
class Outcome:
    applied: tuple[Move, ...]
    skipped: tuple[Move, ...]

    @property
    def changed_lines(self) -> int:
        return sum(len(move.places) for move in self.applied)


def read_moves(path: Path) -> dict[str, str]:
    """old URL -> new URL of every `moved` link in the job's links.json; LinksFileError in Dutch when unusable."""
    try:
        links = read_links_file(path)
    except UnusableLinksFile as error:
        raise LinksFileError([Problem(str(path), 0, "linkrapport", str(error))]) from None
    return {
        link.url: link.redirect_to
        for link in links
        if link.status == LinkStatus.MOVED and link.redirect_to and link.redirect_to != link.url
    }


def plan(moves: dict[str, str], doc) -> list[Move]:
    """Each moved URL the catalogue still holds, with its places and, when it cannot be applied, why."""
    places: dict[str, list[Place]] = {}
    for i, resource in enumerate(doc.data["resources"]):
        for k, link in enumerate(resource["links"]):
            if link["url"] in moves:
                path = ("resources", i, "links", k, "url")
                first_move = resource.get("provenance") == "infobox" and "infobox_url" not in link
                places.setdefault(link["url"], []).append(
                    Place(resource["id"], resource["title"], path, doc.line(path), first_move)
                )
    result = []
    for old, new in moves.items():
        if old not in places:
            continue  # already changed by hand since the run
        here = tuple(places[old])
        reason = ""
        problem = url_problem(new)
        if problem:
            reason = f"het nieuwe adres is niet bruikbaar: {problem}"
        elif dead_end(old, new):
            reason = f"het adres verwijst door naar {dead_end(old, new)}; controleer met de hand"
        elif any(new in (link["url"] for link in doc.data["resources"][p.path[1]]["links"]) for p in here):
            reason = "het nieuwe adres staat al bij dit hulpmiddel; haal de oude link met de hand weg"
        result.append(Move(old, new, here, reason))
    return result


def _quoted_forms(url: str) -> list[tuple[str, str]]:
    """(how `url` may be written in the file, how to write a replacement in the same style)."""
    return [
        ('"' + url + '"', "double"),
        ("'" + url.replace("'", "''") + "'", "single"),
        (url, "plain"),
    ]


def _write_as(url: str, style: str) -> str:
    if style == "double":
        return '"' + url.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if style == "single":
        return "'" + url.replace("'", "''") + "'"
    # A plain scalar must read back as itself; otherwise fall back to double quotes.
    if yaml.safe_load(f"url: {url}") == {"url": url}:
        return url
    return _write_as(url, "double")


URL_KEY = re.compile(r"(\s*(?:-\s+)?)url:\s")


def _edit_line(line: str, old: str, new: str, keep_printed: bool) -> str | None:
    """The url line with `new` for `old` (plus an `infobox_url` line after it), or None when not safe."""
    for written, style in _quoted_forms(old):
        if line.count(written) == 1:
            edited = line.replace(written, _write_as(new, style))
            if not keep_printed:
                return edited
            key = URL_KEY.match(line)
            if not key:
                return None  # a flow mapping or a key on another line: left to a person
            ending = line[len(line.rstrip("\r\n")) :]
            return edited + " " * len(key[1]) + "infobox_url: " + _write_as(old, style) + ending
    return None


def edit(text: str, moves: list[Move], file: str) -> str:
    """`text` with each applied move's URL replaced on its lines, every other byte unchanged."""
    lines = text.splitlines(keepends=True)
    problems = []
    for move in moves:
        for place in move.places:
            edited = _edit_line(lines[place.line - 1], move.old, move.new, place.keep_printed)
            if edited is None:
                problems.append(
                    Problem(
                        file,
                        place.line,
                        "url",
                        f"{move.old} kan op deze regel niet automatisch worden vervangen",
                        f"vervang het met de hand door {move.new}",
                    )
                )
            else:
                lines[place.line - 1] = edited
    if problems:
        raise EditError(problems)
    return "".join(lines)


def _expected(data, moves: list[Move]):
    """The catalogue's data as it must read after the edit: only the moved URLs differ."""
    expected = copy.deepcopy(data)
    for move in moves:
        for place in move.places:
            _, i, _, k, _ = place.path
            expected["resources"][i]["links"][k]["url"] = move.new
            if place.keep_printed:
                expected["resources"][i]["links"][k]["infobox_url"] = move.old
    return expected


def apply_moves(links_path: Path, catalogue_path: Path) -> Outcome:
    """Apply every applicable move to the catalogue file; EditError or CatalogueError leave it untouched."""
    moves = read_moves(links_path)
    doc, _ = read_catalogue(catalogue_path)  # an invalid catalogue is the maintainers' to fix first (CatalogueError)
    planned = plan(moves, doc)
    applied = [m for m in planned if not m.skipped]
    skipped = tuple(m for m in planned if m.skipped)
    if applied:
        edited = edited_document(catalogue_path, edit(doc.text, applied, str(catalogue_path)))
        # The text edit must change those URLs and nothing else, whatever the file's quoting looked like.
        if edited.data != _expected(doc.data, applied):
            raise EditError(
                [Problem(str(catalogue_path), 0, "bestand", "de automatische vervanging gaf een ander resultaat")]
            )
        write_validated(catalogue_path, edited)
    return Outcome(tuple(applied), skipped)


def summary(outcome: Outcome, catalogue: str) -> str:
    """The Dutch lines a maintainer reads after `apply-moves`."""
    lines = []
    for move in outcome.applied:
        for place in move.places:
            lines.append(
                f"bijgewerkt: {place.title} ({place.resource_id}), regel {place.line}: {move.old} → {move.new}"
            )
    for move in outcome.skipped:
        titles = ", ".join(f"{p.title} ({p.resource_id})" for p in move.places)
        lines.append(f"niet toegepast: {titles}: {move.old} → {move.new}: {move.skipped}")
    count = len(outcome.applied)
    if count:
        lines.append(f"{count} verhuisde {'link' if count == 1 else 'links'} bijgewerkt in {catalogue}.")
    else:
        lines.append(f"Geen verhuisde links om bij te werken; {catalogue} is niet gewijzigd.")
    return "\n".join(lines)
