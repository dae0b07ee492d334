"""YAML file -> validated Catalogue. The only way into the model: validation happens once, here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from infobox.errors import CatalogueError
from infobox.model import Catalogue, Item, Link, Resource, Source, Standard
from infobox.validate import (
    label_warnings,
    organisation_warnings,
    review_warnings,
    schema_problems,
    semantic_problems,
    unchecked_summary,
)
from infobox.yaml_source import YamlDocument, read_yaml

DEFAULT_CATALOGUE = Path("data/resources.yaml")


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
    doc = read_yaml(path)
    problems = doc.problems + (schema_problems(doc) + semantic_problems(doc) if doc.complete else [])
    if problems:
        raise CatalogueError(problems)
    warnings = review_warnings(doc, today or dt.date.today()) + label_warnings(doc) + organisation_warnings(doc)
    summary = unchecked_summary(doc)
    if summary:
        warnings.append(summary)
    return _build(doc, warnings=tuple(str(w) for w in warnings))


def _build(doc: YamlDocument, warnings: tuple[str, ...]) -> Catalogue:
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
                Link(url=link["url"], label=link["label"].strip(), line=doc.line(("resources", i, "links", k)))
                for k, link in enumerate(r["links"])
            ),
            line=doc.line(("resources", i)),
        )
        for i, r in enumerate(data["resources"])
    )
    return Catalogue(
        source=source,
        standards=standards,
        resources=resources,
        path=doc.file,
        warnings=warnings,
        organisation_aliases=aliases,
    )
