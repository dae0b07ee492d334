"""YAML file -> validated Catalogue. The only way into the model: validation happens once, here."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from infobox.catalogue.entry_rules import date_problems, semantic_problems
from infobox.catalogue.misplaced_fields import misplaced_fields, swallowed_fields
from infobox.catalogue.model import Catalogue, Item, Link, Removed, Resource, Source, Standard
from infobox.catalogue.places import block_span
from infobox.catalogue.schema_messages import schema_problems
from infobox.catalogue.tips import first_that_holds
from infobox.catalogue.warning_rules import catalogue_warnings
from infobox.catalogue.yaml_source import YamlDocument, parse_yaml, read_yaml
from infobox.errors import CatalogueError, Problem

DEFAULT_CATALOGUE = Path("data/resources.yaml")
CHECKED_TIPS = 3  # tips verified per run (each a validation of the edited file)


def _organisations(value: str | list[str]) -> tuple[str, ...]:
    """`organisation:` takes one name or a list of names (a resource the Infobox attributes to several)."""
    return tuple(name.strip() for name in ([value] if isinstance(value, str) else value))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _groups(value: str | dict[str, str] | None, refs: list[str]) -> tuple[tuple[str, str], ...]:
    """`group:` is one heading (for every reference of the resource) or a mapping reference -> heading."""
    if not value:
        return ()
    pairs = value.items() if isinstance(value, dict) else ((ref, value) for ref in refs)
    return tuple((ref, heading.strip()) for ref, heading in pairs)


def load_catalogue(path: str | Path = DEFAULT_CATALOGUE, *, today: dt.date | None = None) -> Catalogue:
    """Load and validate the catalogue; raise CatalogueError listing every problem found.

    Review-age warnings and the one-line summary of unchecked entries do not fail the load; they are on
    `Catalogue.warnings`.
    """
    return validated_catalogue(read_yaml(path), today=today)


def validated_catalogue(doc: YamlDocument, *, today: dt.date | None = None) -> Catalogue:
    """The Catalogue of a document as `read_yaml` (or `decode_yaml`) gives it; CatalogueError as `load_catalogue`.

    For the commands that edit the catalogue's text: they read and parse the file once, for both."""
    today = today or dt.date.today()
    problems = _problems(doc, today)
    if doc.fixes:  # a YAML error whose tip depends on which edit gives a valid file
        hint = first_that_holds(doc.fixes, lambda text: _checked(text, doc.file, today), block_span)
        problems = [dataclasses.replace(p, hint=hint) if p in doc.problems else p for p in problems]
    if problems:
        raise CatalogueError(list(dict.fromkeys(problems)))  # one line per problem, however it was found
    return _build(doc, warnings=tuple(catalogue_warnings(doc, today)))


def _problems(doc: YamlDocument, today: dt.date, *, tips: bool = True) -> list[Problem]:
    """Every problem of the document; with `tips`, a field written at the wrong level (swallowed by a text
    above it, or one level off) gets the first of its fixes that holds."""
    if not doc.complete:
        return doc.problems
    problems = doc.problems + schema_problems(doc) + semantic_problems(doc) + date_problems(doc, today)
    placed = [(problem, fixes, {problem.field}) for problem, fixes in swallowed_fields(doc)]
    placed += misplaced_fields(doc)
    # "organisation: ontbreekt" or "label: is geen bekend veld" is no news once we say where the field went
    explained = {field for _, _, fields in placed for field in fields}
    problems = [p for p in problems if p.field not in explained]
    for n, (problem, fixes, _) in enumerate(placed):
        # Each tip costs a validation of the whole file: tips for the first few, the rest say what is wrong.
        checked = tips and n < CHECKED_TIPS
        hint = first_that_holds(fixes, lambda text: _checked(text, doc.file, today), block_span) if checked else ""
        problems.append(dataclasses.replace(problem, hint=hint))
    return problems


def _checked(text: str, file: str, today: dt.date) -> list[Problem]:
    """The problems of a file with this text: what following a tip would leave."""
    return _problems(parse_yaml(text, file), today, tips=False)


def _build(doc: YamlDocument, warnings: tuple[Problem, ...]) -> Catalogue:
    data: dict[str, Any] = doc.data
    src = data["source"]
    source = Source(
        title=src["title"],
        url=src["url"],
        publisher=src.get("publisher", ""),
        edition=src.get("edition", ""),
        updated=_date(src.get("updated")),
    )
    standards = tuple(
        Standard(
            id=s["id"],
            title=s["title"].strip(),
            text=s["text"].strip(),
            statement=s["statement"].strip(),
            note=s.get("note", "").strip(),
            see_also=tuple(s.get("see_also", ())),
            items=tuple(
                Item(
                    ref=s["id"] + it["letter"],
                    letter=it["letter"],
                    text=it["text"].strip(),
                    statement=it["statement"].strip(),
                    see_also=tuple(it.get("see_also", ())),
                    note=it.get("note", "").strip(),
                )
                for it in s.get("items", ())
            ),
            line=doc.line(("standards", j)),
        )
        for j, s in enumerate(data["standards"])
    )
    aliases = tuple(
        (o["name"].strip(), tuple(alias.strip() for alias in o["also"])) for o in data.get("organisations", ())
    )
    group_of = {alias: name for name, also in aliases for alias in also}
    resources = tuple(
        Resource(
            id=r["id"],
            title=r["title"].strip(),
            groups=_groups(r.get("group"), r["standards"]),
            description=r["description"].strip(),
            organisations=_organisations(r["organisation"]),
            type=r["type"],
            standards=tuple(r["standards"]),
            audience=tuple(r.get("audience", ())),
            themes=tuple(r.get("themes", ())),
            organisation_groups=tuple(
                dict.fromkeys(group_of.get(name, name) for name in _organisations(r["organisation"]))
            ),
            reviewed=_date(r.get("reviewed")),
            added=_date(r.get("added")),
            provenance=r.get("provenance", ""),
            editorial=tuple(r.get("editorial", ())),
            links=tuple(
                Link(
                    url=link["url"],
                    label=link["label"].strip(),
                    line=doc.line(("resources", i, "links", k)),
                    infobox_url=link.get("infobox_url", ""),
                )
                for k, link in enumerate(r["links"])
            ),
            line=doc.line(("resources", i)),
        )
        for i, r in enumerate(data["resources"])
    )
    removed = tuple(
        Removed(
            id=r["id"],
            date=dt.date.fromisoformat(r["date"]),
            reason=r["reason"].strip(),
            replaced_by=r.get("replaced_by", ""),
            title=r.get("title", "").strip(),
        )
        for r in data.get("removed", ())
    )
    return Catalogue(
        source=source,
        standards=standards,
        resources=resources,
        path=doc.file,
        warnings=warnings,
        removed=removed,
        organisation_aliases=aliases,
    )
