"""Every rule the catalogue must satisfy, reported all at once with the line of the offending node.

The structural rules come from the JSON Schema (infobox/schema.py); the rules a schema cannot express
(unique ids, references that exist, link hygiene, review age) are the small functions below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import jsonschema

from infobox.errors import Problem
from infobox.schema import SCHEMA
from infobox.vocabulary import LINK_SCHEMES
from infobox.yaml_source import YamlDocument, dotted

REVIEW_INTERVAL_YEARS = 2  # the Kwaliteitskader itself is reviewed every two years

_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def schema_problems(doc: YamlDocument) -> list[Problem]:
    problems = []
    for error in _VALIDATOR.iter_errors(doc.data):
        path = tuple(error.absolute_path)
        field, message = _explain(error, path)
        problems.append(Problem(doc.file, doc.line(path), field, message))
    return problems


def _explain(error: jsonschema.ValidationError, path: tuple) -> tuple[str, str]:
    """A Dutch sentence a non-programmer can act on, and the field it is about."""
    kind, value, expected = error.validator, error.instance, error.validator_value
    field = dotted(path)
    if kind == "required":
        missing = [name for name in expected if name not in value]
        return dotted((*path, missing[0])), "ontbreekt (verplicht veld)"
    if kind == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        return dotted((*path, extra[0])), "is geen bekend veld (tikfout?)"
    if kind == "enum":
        return field, f"{value!r} is geen toegestane waarde; kies uit: {', '.join(map(str, expected))}"
    if kind == "type":
        wanted = {"string": "tekst", "array": "lijst", "object": "blok met velden"}.get(expected, expected)
        hint = " (zet tekst die op een getal of datum lijkt tussen aanhalingstekens)" if wanted == "tekst" else ""
        return field, f"moet {wanted} zijn, niet {value!r}{hint}"
    if kind in ("minLength", "pattern") and path and path[-1] == "url":
        return field, f"{value!r} is geen volledig webadres dat begint met http:// of https://"
    if kind in ("minLength", "pattern") and isinstance(value, str) and not value.strip():
        return field, "is leeg"
    if kind == "pattern":
        return field, f"{value!r} heeft niet de juiste vorm ({error.schema.get('description', expected)})"
    if kind == "format":
        return field, f"{value!r} is geen geldige datum (JJJJ-MM-DD)"
    if kind == "maxLength":
        return field, f"is te lang: {len(value)} tekens, hoogstens {expected}"
    if kind == "minItems":
        return field, "mag niet leeg zijn"
    if kind == "uniqueItems":
        return field, "bevat een waarde twee keer"
    return field, error.message


def semantic_problems(doc: YamlDocument) -> list[Problem]:
    """Rules across entries. Runs on structurally valid data only."""
    data = doc.data
    return [
        Problem(doc.file, doc.line(path), dotted(path), message)
        for rule in (_unique_ids, _references_exist, _links_are_sound)
        for path, message in rule(data)
    ]


def _unique_ids(data: dict[str, Any]) -> Iterator[tuple[tuple, str]]:
    seen: dict[str, int] = {}
    for i, standard in enumerate(data["standards"]):
        if standard["id"] in seen:
            yield ("standards", i, "id"), f"kwaliteitsstandaard {standard['id']} staat er twee keer in"
        seen[standard["id"]] = i
        letters: set[str] = set()
        for j, item in enumerate(standard.get("items", [])):
            if item["letter"] in letters:
                yield (("standards", i, "items", j, "letter"), f"onderdeel {item['letter']} staat er twee keer in")
            letters.add(item["letter"])
    ids: set[str] = set()
    for i, resource in enumerate(data["resources"]):
        if resource["id"] in ids:
            yield ("resources", i, "id"), f"id {resource['id']!r} wordt al door een ander hulpmiddel gebruikt"
        ids.add(resource["id"])


def _valid_references(data: dict[str, Any]) -> set[str]:
    refs = set()
    for standard in data["standards"]:
        refs.add(standard["id"])
        refs.update(standard["id"] + item["letter"] for item in standard.get("items", []))
    return refs


def _references_exist(data: dict[str, Any]) -> Iterator[tuple[tuple, str]]:
    refs = _valid_references(data)
    with_items = {s["id"] for s in data["standards"] if s.get("items")}
    places = [(("standards", i), s) for i, s in enumerate(data["standards"])]
    places += [
        (("standards", i, "items", j), item)
        for i, s in enumerate(data["standards"])
        for j, item in enumerate(s.get("items", []))
    ]
    for path, entry in places:
        for k, ref in enumerate(entry.get("see_also", [])):
            if ref not in refs:
                yield (*path, "see_also", k), f"verwijst naar {ref!r}, maar die kwaliteitsstandaard bestaat niet"
    for i, resource in enumerate(data["resources"]):
        for k, ref in enumerate(resource["standards"]):
            if ref in refs and ref in with_items:
                yield (
                    ("resources", i, "standards", k),
                    f"kwaliteitsstandaard {ref} heeft onderdelen; noem het onderdeel, bijvoorbeeld {ref}A",
                )
            elif ref not in refs:
                yield ("resources", i, "standards", k), f"verwijst naar {ref!r}, maar die bestaat niet"


def _links_are_sound(data: dict[str, Any]) -> Iterator[tuple[tuple, str]]:
    for i, resource in enumerate(data["resources"]):
        seen: set[str] = set()
        for k, link in enumerate(resource["links"]):
            path = ("resources", i, "links", k, "url")
            url = link["url"]
            if url in seen:
                yield path, "deze link staat al eerder bij dit hulpmiddel"
            seen.add(url)
            problem = url_problem(url)
            if problem:
                yield path, problem


def url_problem(url: str) -> str | None:
    """Why a catalogue URL is unacceptable, or None. Non-ASCII paths are fine; browsers encode them."""
    if any(ch.isspace() for ch in url):
        return "bevat een spatie of regeleinde"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return f"{url!r} is geen geldig webadres"
    if parts.scheme not in LINK_SCHEMES:
        return f"{url!r}: alleen http:// en https:// zijn toegestaan"
    host = parts.hostname or ""
    if not host or "." not in host or host.startswith(".") or host.endswith("."):
        return f"{url!r} heeft geen geldige domeinnaam"
    return None


def review_warnings(doc: YamlDocument, today: dt.date) -> list[Problem]:
    """Entries whose content has not been checked for longer than the Kwaliteitskader's review cycle."""
    limit = _years_before(today, REVIEW_INTERVAL_YEARS)
    warnings = []
    for i, resource in enumerate(doc.data["resources"]):
        reviewed = resource.get("reviewed")
        if reviewed and dt.date.fromisoformat(reviewed) < limit:
            path = ("resources", i, "reviewed")
            warnings.append(
                Problem(
                    doc.file,
                    doc.line(path),
                    dotted(path),
                    f"{resource['id']}: laatst gecontroleerd op {reviewed}, meer dan "
                    f"{REVIEW_INTERVAL_YEARS} jaar geleden; controleer de inhoud en pas de datum aan",
                )
            )
    return warnings


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
