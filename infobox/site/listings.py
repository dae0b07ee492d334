"""The catalogue arranged as the overview pages list it: A–Z, per theme and standard, per organisation, the
A–Z filters' counts, and the entries due for a check (/beheer/)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from infobox.catalogue.model import Catalogue, Resource, Standard
from infobox.catalogue.review_cycle import review_limit
from infobox.catalogue.vocabulary import grouped_types


def sorted_resources(catalogue: Catalogue) -> list[Resource]:
    """A–Z by title, case- and accent-insensitive enough for Dutch titles ('’s-Hertogenbosch' aside)."""
    return sorted(catalogue.resources, key=lambda r: (r.title.casefold(), r.id))


def by_standard(catalogue: Catalogue, theme: str) -> list[tuple[Standard, list[Resource]]]:
    """A theme's resources under each standard they belong to, standards in catalogue order, A–Z within."""
    themed = [r for r in sorted_resources(catalogue) if theme in r.themes]
    groups = [(s, [r for r in themed if s.id in r.standard_ids]) for s in catalogue.standards]
    return [(s, resources) for s, resources in groups if resources]


def organisations(catalogue: Catalogue) -> dict[str, list[Resource]]:
    """Each organisation under its one name (the editors' mapping) with its resources, A–Z."""
    by_org: dict[str, list[Resource]] = {}
    for resource in sorted_resources(catalogue):
        for name in resource.organisation_groups:
            by_org.setdefault(name, []).append(resource)
    return dict(sorted(by_org.items(), key=lambda kv: kv[0].casefold()))


def filter_counts(catalogue: Catalogue) -> dict[str, dict[str, int]]:
    """Per filter of the A–Z list, how many resources each of its values gives with no other filter chosen,
    by the values hulpmiddelen-filter-core.js reads from the cards (a type group counts its types); "" is all.
    The page is drawn with these counts, so the script rewrites none of them for the unfiltered list."""
    counts: dict[str, dict[str, int]] = {"standard": {}, "organisation": {}, "theme": {}, "type": {}, "audience": {}}

    def add(name: str, values: set[str]) -> None:
        for value in values | {""}:
            counts[name][value] = counts[name].get(value, 0) + 1

    groups = {key: members for key, _label, members in grouped_types(r.type for r in catalogue.resources)}
    for r in catalogue.resources:
        add("standard", set(r.standards) | set(r.standard_ids))
        add("organisation", set(r.organisation_groups))
        add("theme", set(r.themes))
        add("type", {r.type} | {key for key, members in groups.items() if r.type in members})
        add("audience", set(r.audience))
    return counts


@dataclass(frozen=True)
class Maintenance:
    unchecked: tuple[Resource, ...]  # no person has checked these yet
    overdue: tuple[Resource, ...]  # checked longer ago than the review interval


def maintenance(catalogue: Catalogue, today: dt.date) -> Maintenance:
    """The entries maintainers should check: listed on /beheer/, never on the pages readers use."""
    limit = review_limit(today)
    resources = catalogue.resources
    return Maintenance(
        unchecked=tuple(r for r in resources if r.reviewed is None),
        overdue=tuple(r for r in resources if r.reviewed is not None and r.reviewed < limit),
    )
