"""What is worth a maintainer's look but leaves the catalogue valid: `Catalogue.warnings`, as problems with
their place, so `validate --details` and `--format github` show each on its line.

Content not checked for longer than the review cycle, one line for all entries nobody checked yet, link
labels that repeat the file type the site adds, and organisation names no resource uses.
"""

from __future__ import annotations

import datetime as dt

from infobox.catalogue.blocks import blocks, texts
from infobox.catalogue.file_types import file_hint, label_names
from infobox.catalogue.places import describe
from infobox.catalogue.review_cycle import REVIEW_INTERVAL_YEARS, review_limit
from infobox.catalogue.yaml_source import YamlDocument
from infobox.errors import Problem, quote


def catalogue_warnings(doc: YamlDocument, today: dt.date) -> list[Problem]:
    """Every warning of a valid document, in the order `validate --details` lists them."""
    summary = unchecked_summary(doc)
    return (
        review_warnings(doc, today) + label_warnings(doc) + organisation_warnings(doc) + ([summary] if summary else [])
    )


def review_warnings(doc: YamlDocument, today: dt.date) -> list[Problem]:
    """Entries whose content has not been checked for longer than the Kwaliteitskader's review cycle."""
    limit = review_limit(today)
    warnings = []
    for i, resource in enumerate(doc.data["resources"]):
        reviewed = resource.get("reviewed")
        if reviewed and dt.date.fromisoformat(reviewed) < limit:
            path = ("resources", i, "reviewed")
            warnings.append(
                Problem(
                    doc.file,
                    doc.line(path),
                    describe(doc.data, path),
                    f"laatst gecontroleerd op {reviewed}, meer dan "
                    f"{REVIEW_INTERVAL_YEARS} jaar geleden; controleer de inhoud en pas de datum aan",
                )
            )
    return warnings


def unchecked_summary(doc: YamlDocument) -> Problem | None:
    """One line for all entries no person has checked yet (no `reviewed`), instead of one line each."""
    unchecked = [r for r in doc.data["resources"] if not r.get("reviewed")]
    if not unchecked:
        return None
    imported = sum(1 for r in unchecked if r.get("provenance") == "infobox")
    return Problem(
        doc.file,
        doc.line(("resources",)),
        "resources",
        f"{len(unchecked)} hulpmiddelen zijn nog door niemand gecontroleerd ({imported} overgenomen uit de "
        "Infobox); zet na controle de datum in `reviewed` (lijst: pagina /beheer/ van de website)",
    )


def label_warnings(doc: YamlDocument) -> list[Problem]:
    """Labels that name the file type the site already adds after them ("(PDF)")."""
    warnings = []
    for i, resource in blocks(doc.data, "resources"):
        for k, link in blocks(resource, "links"):
            hint = file_hint(link["url"])
            if label_names(link["label"], hint):
                path = ("resources", i, "links", k, "label")
                warnings.append(
                    Problem(
                        doc.file,
                        doc.line(path),
                        describe(doc.data, path),
                        f"{quote(link['label'])} noemt het bestandstype al; de site zet er zelf '({hint})' achter",
                        f"haal '{hint}' uit het label",
                    )
                )
    return warnings


def organisation_warnings(doc: YamlDocument) -> list[Problem]:
    """Names in `organisations:` that no resource uses (any more): harmless, but worth tidying."""
    used = {
        name.strip()
        for _, r in blocks(doc.data, "resources")
        for name in ([r["organisation"]] if isinstance(r["organisation"], str) else r["organisation"])
    }
    warnings = []
    for i, group in blocks(doc.data, "organisations"):
        for k, alias in texts(group, "also"):
            if alias.strip() not in used:
                path = ("organisations", i, "also", k)
                warnings.append(
                    Problem(
                        doc.file,
                        doc.line(path),
                        describe(doc.data, path),
                        f"geen hulpmiddel heeft {quote(alias)} als organisatie",
                        "haal de naam uit de lijst",
                    )
                )
    return warnings
