"""Open-data exports of the catalogue: the same model, as JSON and as CSV."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from infobox.catalogue.model import Catalogue, Link, Resource
from infobox.catalogue.vocabulary import THEMES
from infobox.exports.formulas import neutralise_formula

CSV_COLUMNS = (
    "resource_id",
    "title",
    "organisation",
    "type",
    "audience",
    "standards",
    "reviewed",
    "provenance",
    "editorial",
    "link_url",
    "link_label",
    "description",
    # Added later: appended, so programs that read the columns by position keep working.
    "organisation_group",
    "themes",
    "added",
)


@dataclass(frozen=True)
class PageUrls:
    """Where the site shows each reference ("3", "3A") and resource (by id), relative to the site root."""

    refs: Mapping[str, str]
    resources: Mapping[str, str]


def catalogue_to_json(catalogue: Catalogue, pages: PageUrls | None = None) -> dict[str, Any]:
    """The catalogue as open data; with `pages` (the site build), each entry also gets its page `url`."""
    data: dict[str, Any] = {
        "source": {
            "title": catalogue.source.title,
            "url": catalogue.source.url,
            "publisher": catalogue.source.publisher,
            "edition": catalogue.source.edition,
            "updated": catalogue.source.updated.isoformat() if catalogue.source.updated else None,
        },
        "standards": [
            {
                "id": s.id,
                "title": s.title,
                "text": s.text,
                "statement": s.statement,
                "note": s.note,
                "see_also": list(s.see_also),
                "items": [
                    {
                        "id": it.ref,
                        "letter": it.letter,
                        "text": it.text,
                        "statement": it.statement,
                        "note": it.note,
                        "see_also": list(it.see_also),
                    }
                    for it in s.items
                ],
            }
            for s in catalogue.standards
        ],
        # Labels of the theme keys in `themes` (editorial vocabulary, see infobox/catalogue/vocabulary.py).
        "themes": dict(THEMES),
        "resources": [
            {
                "id": r.id,
                "title": r.title,
                "groups": dict(r.groups),
                "description": r.description,
                "organisations": list(r.organisations),
                "organisation_groups": list(r.organisation_groups),
                "type": r.type,
                "themes": list(r.themes),
                "audience": list(r.audience),
                "standards": list(r.standards),
                # A date only when a person checked the entry; otherwise where it came from.
                "reviewed": r.reviewed.isoformat() if r.reviewed else None,
                "added": r.added.isoformat() if r.added else None,
                "provenance": r.provenance or None,
                "editorial": editorial_fields(r),
                "links": [{"url": link.url, "label": link.label} for link in r.links],
            }
            for r in catalogue.resources
        ],
    }
    if catalogue.removed:
        # Resources taken out, so an old link or a shared selection can name them and their replacement.
        data["removed"] = [
            {
                "id": r.id,
                "title": r.title or None,
                "date": r.date.isoformat(),
                "reason": r.reason,
                "replaced_by": r.replaced_by or None,
            }
            for r in catalogue.removed
        ]
    # A fingerprint of the content, so saved zelfscan answers and other consumers can tell versions apart.
    # The page URLs are left out of it: they say where the content is shown, not what it is.
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
    if pages:
        for standard in data["standards"]:
            standard["url"] = pages.refs[standard["id"]]
            for item in standard["items"]:
                item["url"] = pages.refs[item["id"]]
        for resource in data["resources"]:
            resource["url"] = pages.resources[resource["id"]]
    return {"version": hashlib.sha256(canonical).hexdigest()[:12], **data}


def editorial_fields(resource: Resource) -> list[str]:
    """The fields whose values the editors chose rather than the Infobox: those the catalogue lists, plus
    `organisation_groups` where the editors' organisation mapping renamed one of the resource's organisations."""
    fields = list(resource.editorial)
    if resource.grouped_editorially:
        fields.append("organisation_groups")
    return fields


def catalogue_to_json_text(catalogue: Catalogue, pages: PageUrls | None = None) -> str:
    return json.dumps(catalogue_to_json(catalogue, pages), ensure_ascii=False, indent=2) + "\n"


def catalogue_to_csv(catalogue: Catalogue) -> str:
    """One row per resource–link; a resource without links gets one row with empty link columns.

    No cell can start a formula in a spreadsheet (`neutralise_formula`); the JSON export stays verbatim.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in catalogue.resources:
        common = {
            "resource_id": r.id,
            "title": r.title,
            "organisation": ";".join(r.organisations),
            "organisation_group": ";".join(r.organisation_groups),
            "type": r.type,
            "themes": ";".join(r.themes),
            "audience": ";".join(r.audience),
            "standards": ";".join(r.standards),
            "reviewed": r.reviewed.isoformat() if r.reviewed else "",
            "added": r.added.isoformat() if r.added else "",
            "provenance": r.provenance,
            "editorial": ";".join(editorial_fields(r)),
            "description": r.description,
        }
        for link in links_or_none(r):
            row = {**common, "link_url": link.url if link else "", "link_label": link.label if link else ""}
            writer.writerow([neutralise_formula(row[col]) for col in CSV_COLUMNS])
    return out.getvalue()


def links_or_none(resource: Resource) -> tuple[Link | None, ...]:
    """A resource's links, or one None for a resource without links: the rows of the spreadsheet exports."""
    return resource.links or (None,)
