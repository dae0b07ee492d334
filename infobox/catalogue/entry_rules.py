"""The rules a schema cannot express, as problems on the line of the offending node.

Across entries: unique ids, references to standards and sub-items that exist, sound links, block headings for
the resource's own standards, no invisible characters in any text, removed ids that stay removed,
`provenance: infobox` only on the Infobox's entries, themes marked as editorial, organisation names mapped
once. Against today: no date a person gave
lies in the future. Each rule is robust to structural errors, so they are reported in the same run as the
schema's.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from typing import Any

from infobox.catalogue.addresses import url_problem
from infobox.catalogue.blocks import blocks, text_of, texts
from infobox.catalogue.infobox_entries import INFOBOX_ENTRIES
from infobox.catalogue.invisible_characters import invisible_problems
from infobox.catalogue.places import describe
from infobox.catalogue.schema import URL
from infobox.catalogue.yaml_source import YamlDocument
from infobox.errors import Problem, quote, shorten

_URL_PATTERN = re.compile(URL["pattern"])


def semantic_problems(doc: YamlDocument) -> list[Problem]:
    """Rules across entries. Robust to structural errors, so they are reported in the same run."""
    data = doc.data if isinstance(doc.data, dict) else {}
    return [
        Problem(doc.file, doc.line(path), describe(data, path), message, hint)
        for rule in _rules()
        for path, message, hint in rule(data)
    ]


def _rules() -> tuple:
    return (
        _unique_ids,
        _references_exist,
        _links_are_sound,
        _groups_name_own_standards,
        _no_invisible_characters,
        _from_the_infobox,
        _removed_stay_removed,
        _editorial_is_marked,
        _organisation_names_map_once,
    )


def _unique_ids(data: dict[str, Any]) -> Iterator[tuple[tuple, str, str]]:
    seen: set[str | None] = set()
    for i, standard in blocks(data, "standards"):
        if text_of(standard, "id") in seen - {None}:
            yield ("standards", i, "id"), f"kwaliteitsstandaard {standard['id']} staat er twee keer in", ""
        seen.add(text_of(standard, "id"))
        letters: set[str | None] = set()
        for j, item in blocks(standard, "items"):
            if text_of(item, "letter") in letters - {None}:
                yield (("standards", i, "items", j, "letter"), f"onderdeel {item['letter']} staat er twee keer in", "")
            letters.add(text_of(item, "letter"))
    ids: set[str | None] = set()
    for i, resource in blocks(data, "resources"):
        if text_of(resource, "id") in ids - {None}:
            yield (
                ("resources", i, "id"),
                f"id {quote(resource['id'])} wordt al door een ander hulpmiddel gebruikt",
                "kies een andere, unieke id",
            )
        ids.add(text_of(resource, "id"))


def _existing(data: dict[str, Any]) -> dict[str, list[str]]:
    """Standard id -> the references to its sub-items ("3" -> ["3A", "3B"]), in catalogue order.

    An id written as a number (3 instead of "3") still counts: the schema reports it once."""
    return {
        str(standard["id"]): [
            f"{standard['id']}{item['letter']}"
            for _, item in blocks(standard, "items")
            if isinstance(item.get("letter"), str)
        ]
        for _, standard in blocks(data, "standards")
        if isinstance(standard.get("id"), (str, int))
    }


def reference_problem(ref: str, existing: dict[str, list[str]]) -> tuple[str, str] | None:
    """Why `ref` does not name a standard or sub-item of this catalogue, or None.

    A standard's number alone ("10") is fine even when it has sub-items: a resource that applies to the whole
    standard is shown once, at the standard."""
    standards = ", ".join(map(shorten, existing))
    match = re.fullmatch(r"\s*(\d+)\s*([A-Za-z]?)\s*", ref)
    if not match:
        return (
            f"{quote(ref)} is geen kwaliteitsstandaard of onderdeel",
            'schrijf een nummer ("9") of nummer plus letter ("3A")',
        )
    number, letter = match.groups()
    number = shorten(number)  # only a long number is cut; no standard has one
    canonical = number + letter.upper()
    if number not in existing:
        return f"kwaliteitsstandaard {number} bestaat niet", f"de catalogus heeft de kwaliteitsstandaarden {standards}"
    items = existing[number]
    if letter and canonical not in items:
        if not items:
            return f"kwaliteitsstandaard {number} heeft geen onderdelen", f'schrijf alleen het nummer: "{number}"'
        return (
            f"onderdeel {canonical} bestaat niet",
            f"kwaliteitsstandaard {number} heeft de onderdelen {', '.join(map(shorten, items))}",
        )
    if ref != canonical:
        wrong = "moet met een hoofdletter" if letter.islower() else "bevat spaties"
        return f"{quote(ref)} {wrong}", f'schrijf "{canonical}"'
    return None


def _references_exist(data: dict[str, Any]) -> Iterator[tuple[tuple, str, str]]:
    existing = _existing(data)
    places = [(("standards", i), s) for i, s in blocks(data, "standards")]
    places += [
        (("standards", i, "items", j), item) for i, s in blocks(data, "standards") for j, item in blocks(s, "items")
    ]
    for path, entry in places:
        for k, ref in texts(entry, "see_also"):
            problem = reference_problem(ref, existing)
            if problem:
                yield (*path, "see_also", k), *problem
    for i, resource in blocks(data, "resources"):
        for k, ref in texts(resource, "standards"):
            problem = reference_problem(ref, existing)
            if problem:
                yield ("resources", i, "standards", k), *problem


def _links_are_sound(data: dict[str, Any]) -> Iterator[tuple[tuple, str, str]]:
    for i, resource in blocks(data, "resources"):
        seen: set[str] = set()
        for k, link in blocks(resource, "links"):
            path = ("resources", i, "links", k, "url")
            url = link.get("url")
            if not isinstance(url, str) or not _URL_PATTERN.match(url):
                continue  # the schema reports it
            if url in seen:
                yield path, "deze link staat al eerder bij dit hulpmiddel", "laat de tweede weg"
            seen.add(url)
            problem = url_problem(url)
            if problem:
                yield path, problem, ""


def _no_invisible_characters(data: dict[str, Any]) -> Iterator[tuple[tuple, str, str]]:
    """Every key and text without characters nobody sees; a link's address is left to the address policy
    (`_links_are_sound`), which applies the same rule, so it is told once."""
    for path, message, hint in invisible_problems(data):
        value = _at(data, path)
        is_address = len(path) == 5 and path[0] == "resources" and path[2:3] == ("links",) and path[4] == "url"
        if not (is_address and isinstance(value, str) and _URL_PATTERN.match(value)):
            yield path, message, hint


def _at(data: Any, path: tuple) -> Any:
    """The value at `path`, or None where the file has another kind of value on the way."""
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        else:  # an index into a list (a name into one, e.g. `source:` written as a list, finds nothing)
            data = data[part] if isinstance(data, list) and isinstance(part, int) and part < len(data) else None
    return data


def _groups_name_own_standards(data: dict[str, Any]) -> Iterator[tuple[tuple, str, str]]:
    """A block heading given per reference (`group: {"3B": …}`) must name one of the resource's own standards.

    Only once those are written right: a misspelt reference is told on its own line first (`_references_exist`),
    and a tip here would copy the misspelling."""
    existing = _existing(data)
    for i, resource in blocks(data, "resources"):
        group = resource.get("group")
        own = [ref for _, ref in texts(resource, "standards")]
        if isinstance(group, dict) and not any(reference_problem(ref, existing) for ref in own):
            for ref in group:
                if ref not in own:
                    yield (
                        ("resources", i, "group", ref),
                        f"{quote(ref)} staat niet in `standards` van dit hulpmiddel",
                        f"kies uit {', '.join(own)}" if own else "",
                    )


def _removed_stay_removed(data: dict[str, Any]) -> Iterator[tuple[tuple, str, str]]:
    """A removed id is not in use again (its old links would show the notice), and its way on exists."""
    current = {text_of(resource, "id") for _, resource in blocks(data, "resources")} - {None}
    seen: set[str] = set()
    for i, removed in blocks(data, "removed"):
        ident, successor = text_of(removed, "id"), text_of(removed, "replaced_by")
        if ident in current:
            yield (
                ("removed", i, "id"),
                f"{quote(ident)} staat ook bij de hulpmiddelen; een verwijderd id komt niet terug",
                "haal het uit `removed`, of geef het hulpmiddel een nieuwe id",
            )
        elif ident in seen:
            yield ("removed", i, "id"), f"{quote(ident)} staat twee keer in `removed`", "laat één van de twee weg"
        if successor is not None and successor not in current:
            close = difflib.get_close_matches(successor, sorted(current), n=1, cutoff=0.6)
            hint = f"bedoelt u {close[0]!r}?" if close else "noem de id van een hulpmiddel dat in de catalogus staat"
            yield ("removed", i, "replaced_by"), f"er is geen hulpmiddel met id {quote(successor)}", hint
        seen.add(ident or "")


def _from_the_infobox(data: dict[str, Any]) -> Iterator[tuple[tuple, str, str]]:
    """`provenance: infobox` only on entries of the Infobox (a copied block keeps it by accident)."""
    known_urls = {url for urls in INFOBOX_ENTRIES.values() for url in urls}
    drop = "laat de regel 'provenance: infobox' weg: die hoort alleen bij hulpmiddelen uit de Infobox"
    for i, resource in blocks(data, "resources"):
        if resource.get("provenance") != "infobox" or not isinstance(resource.get("id"), str):
            continue
        path = ("resources", i, "provenance")
        if resource["id"] not in INFOBOX_ENTRIES:
            yield path, f"zegt 'infobox', maar de Infobox heeft geen hulpmiddel met id {quote(resource['id'])}", drop
            continue
        for _, link in blocks(resource, "links"):
            printed = link.get("infobox_url", link.get("url"))  # a moved link keeps the Infobox's address
            if isinstance(printed, str) and printed not in known_urls:
                yield path, f"zegt 'infobox', maar de link {printed} staat niet in de Infobox", drop
                break


def _editorial_is_marked(data: dict[str, Any]) -> Iterator[tuple[tuple, str, str]]:
    """Themes are the editors' words, never the Infobox's: `editorial` must say so. An `added` date is the
    day the editors added a resource, so an entry transcribed from the Infobox cannot have one."""
    for i, resource in blocks(data, "resources"):
        editorial = resource.get("editorial")
        marked = editorial if isinstance(editorial, list) else []
        if resource.get("themes") and "themes" not in marked:
            yield (
                ("resources", i, "themes"),
                "thema's kiest de redactie; de Infobox noemt ze niet",
                "zet themes in `editorial`, bijvoorbeeld: editorial: [" + ", ".join([*marked, "themes"]) + "]",
            )
        if resource.get("added") and resource.get("provenance") == "infobox":
            yield (
                ("resources", i, "added"),
                "een hulpmiddel uit de Infobox heeft geen datum van toevoegen",
                "laat `added` weg, of laat `provenance: infobox` weg als het hulpmiddel nieuw is",
            )


def _organisation_names_map_once(data: dict[str, Any]) -> Iterator[tuple[tuple, str, str]]:
    """Each name in `organisations:` belongs to one organisation, and a main name is nobody's other name."""
    names = {text_of(o, "name") for _, o in blocks(data, "organisations")} - {None}
    seen: dict[str, str] = {}
    for i, group in blocks(data, "organisations"):
        for k, alias in texts(group, "also"):
            path = ("organisations", i, "also", k)
            if alias in names:
                yield path, f"{quote(alias)} is zelf al de naam van een organisatie in deze lijst", "voeg de twee samen"
            elif alias in seen:
                yield path, f"{quote(alias)} hoort al bij {quote(seen[alias])}", "laat één van de twee weg"
            else:
                seen[alias] = str(group.get("name"))


def date_problems(doc: YamlDocument, today: dt.date) -> list[Problem]:
    """Dates a person gave cannot be after today: the site shows them as when the content was checked."""
    data = doc.data if isinstance(doc.data, dict) else {}
    places: list[tuple] = [("source", "updated")]
    places += [("resources", i, key) for i, _ in blocks(data, "resources") for key in ("reviewed", "added")]
    places += [("removed", i, "date") for i, _ in blocks(data, "removed")]
    problems = []
    for path in places:
        value = _at(data, path)
        try:
            day = dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            continue  # the schema reports it
        if day and day > today:
            problems.append(
                Problem(
                    doc.file,
                    doc.line(path),
                    describe(data, path),
                    f"{value} ligt in de toekomst (vandaag is het {today.isoformat()})",
                    f"vul de datum in waarop het echt gebeurde, uiterlijk vandaag: {today.isoformat()}",
                )
            )
    return problems
