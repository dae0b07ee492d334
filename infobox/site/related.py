""" "Verwant" on a resource's own page: a few resources that share its sub-items or themes, ranked, with why.

A resource shares most with those listed under the same sub-items of the standards (the Infobox's own
arrangement), then with those on the same themes. Score: 3 per shared reference, 1 per shared theme; ties
go A–Z. Candidates come from the resource's references and themes; in a large catalogue each of those lists
is read from the resource's own place in it onwards, at most `SCAN` entries, so a build stays linear in the
catalogue (in the real catalogue every list is shorter than that: the ranking is exact there).
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from infobox.catalogue.model import Catalogue, Resource
from infobox.catalogue.vocabulary import THEMES

SHOWN = 5
SCAN = 60
REF_WEIGHT = 3


@dataclass(frozen=True)
class Related:
    resource: Resource
    refs: tuple[str, ...]  # the references both are listed under
    themes: tuple[str, ...]  # the themes both have (labels)

    @property
    def why(self) -> str:
        """Dutch: "ook bij 3A en 5B; ook over Kindermishandeling"."""
        parts = []
        if self.refs:
            parts.append("ook bij " + _and(self.refs))
        if self.themes:
            parts.append("ook over " + _and(self.themes))
        return "; ".join(parts)


def _and(items: tuple[str, ...]) -> str:
    *rest, last = items
    return f"{', '.join(rest)} en {last}" if rest else last


def related_resources(catalogue: Catalogue, resources: list[Resource]) -> dict[str, list[Related]]:
    """{resource id: its related resources, best first}; `resources` in A–Z order."""
    position = {r.id: i for i, r in enumerate(resources)}
    by_ref: dict[str, list[Resource]] = {}
    by_theme: dict[str, list[Resource]] = {}
    for r in resources:
        for ref in r.standards:
            by_ref.setdefault(ref, []).append(r)
        for theme in r.themes:
            by_theme.setdefault(theme, []).append(r)
    found: dict[str, list[Related]] = {}
    for r in resources:
        scores: Counter[str] = Counter()
        chosen: dict[str, Resource] = {}
        for buckets, weight in ((by_ref, REF_WEIGHT), (by_theme, 1)):
            for key in r.standards if weight == REF_WEIGHT else r.themes:
                for other in _around(buckets[key], r, position):
                    scores[other.id] += weight
                    chosen[other.id] = other
        ranked = sorted(scores, key=lambda rid: (-scores[rid], position[rid]))[:SHOWN]
        own_refs, own_themes = set(r.standards), set(r.themes)
        found[r.id] = [
            Related(
                resource=chosen[rid],
                refs=tuple(ref for ref in chosen[rid].standards if ref in own_refs),
                themes=tuple(THEMES[t] for t in chosen[rid].themes if t in own_themes),
            )
            for rid in ranked
        ]
    return found


def _around(bucket: list[Resource], r: Resource, position: dict[str, int]) -> list[Resource]:
    """The others in the bucket: all of them, or in a long bucket the SCAN after this resource (A–Z, wrapping)."""
    if len(bucket) <= SCAN + 1:
        return [other for other in bucket if other.id != r.id]
    start = bisect.bisect_left(bucket, position[r.id], key=lambda other: position[other.id])  # buckets are A–Z
    return [bucket[(start + step) % len(bucket)] for step in range(1, SCAN + 1)]
