"""The typed catalogue: what every later stage (site, exports, link job) trusts.

Objects are built only by `infobox.catalogue.loader` after validation, so nothing here re-checks its input.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from infobox.errors import Problem


def standard_of(ref: str) -> str:
    """The standard a reference points into: "3A" -> "3", "9" -> "9"."""
    return ref.rstrip("ABCDEFGHIJ")


@dataclass(frozen=True)
class Link:
    url: str
    label: str
    line: int = 0  # line in the YAML file, so later stages can point maintainers at it
    infobox_url: str = ""  # the address the Infobox printed, when the link has moved since (apply-moves)


@dataclass(frozen=True)
class Item:
    """A sub-item of a standard, e.g. 3A."""

    ref: str  # "3A"
    letter: str  # "A"
    text: str
    statement: str = ""  # the zelfscan's self-assessment statement in plain Dutch (B1), written by the editors
    see_also: tuple[str, ...] = ()  # references such as "6C" or "1"
    note: str = ""  # e.g. "Voor deze kwaliteitsstandaard zijn geen tools/instrumenten opgenomen."

    @property
    def anchor(self) -> str:
        """Stable fragment of the sub-item's section on its standard page ("3a")."""
        return self.ref.lower()


@dataclass(frozen=True)
class Standard:
    id: str  # "1" … "10"
    title: str  # short Dutch title
    text: str  # full text as printed in the Kwaliteitskader
    statement: str = ""  # the zelfscan's self-assessment statement in plain Dutch (B1), written by the editors
    items: tuple[Item, ...] = ()
    see_also: tuple[str, ...] = ()
    note: str = ""
    line: int = 0  # line in the YAML file, for the site's edit link

    @property
    def refs(self) -> tuple[str, ...]:
        """Every reference that points into this standard: its id and its items' refs."""
        return (self.id, *(item.ref for item in self.items))


@dataclass(frozen=True)
class Resource:
    id: str  # stable slug, unique
    title: str
    description: str
    organisations: tuple[str, ...]  # as the Infobox names them; one or more
    type: str
    standards: tuple[str, ...]  # references: "3A", "9"
    links: tuple[Link, ...] = ()
    audience: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()  # editorial: forms of violence and kinds of help (vocabulary.THEMES keys)
    # The organisations under one name each (catalogue `organisations:`, editorial): "movisie.nl" -> "Movisie".
    # Same order as `organisations`, duplicates dropped; equal to it where no name is mapped.
    organisation_groups: tuple[str, ...] = ()
    reviewed: dt.date | None = None  # set only when a person checked the entry against its links
    added: dt.date | None = None  # when the editors added it to the catalogue; never set for Infobox entries
    provenance: str = ""  # "infobox": transcribed from the Infobox edition named in Source.edition
    editorial: tuple[str, ...] = ()  # fields ("type", "audience") whose values the editors chose
    # The Infobox's block heading per reference, where one block was split into several resources;
    # a heading belongs only to the standards where the Infobox prints it.
    groups: tuple[tuple[str, str], ...] = ()
    line: int = 0

    def group_for(self, ref: str) -> str:
        """The Infobox's block heading of this resource under `ref`, or ""."""
        return dict(self.groups).get(ref, "")

    @property
    def organisation_names(self) -> str:
        """The organisations as Dutch prose: "A", "A en B", "A, B en C"."""
        *rest, last = self.organisations
        return f"{', '.join(rest)} en {last}" if rest else last

    @property
    def grouped_editorially(self) -> bool:
        """True when the editors' organisation mapping gave this resource another organisation name."""
        return self.organisation_groups != self.organisations

    @property
    def from_infobox(self) -> bool:
        return self.provenance == "infobox"

    @property
    def standard_ids(self) -> tuple[str, ...]:
        """The standards this resource belongs to, without sub-item letters, in order, unique."""
        seen: dict[str, None] = {}
        for ref in self.standards:
            seen.setdefault(standard_of(ref), None)
        return tuple(seen)


@dataclass(frozen=True)
class Removed:
    """A resource taken out of the catalogue: its id is remembered so old links say why and where to go."""

    id: str
    date: dt.date
    reason: str
    replaced_by: str = ""  # id of the resource that took its place, if any
    title: str = ""  # its title, so old links, shared selections and the feed can name it


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    publisher: str = ""
    edition: str = ""  # the Infobox edition the entries were transcribed from
    updated: dt.date | None = None  # when the maintainers last changed the catalogue's content


@dataclass(frozen=True)
class Catalogue:
    source: Source
    standards: tuple[Standard, ...]
    resources: tuple[Resource, ...]
    path: str = ""
    warnings: tuple[Problem, ...] = field(default=(), compare=False)  # worth a look, valid all the same
    removed: tuple[Removed, ...] = ()
    # Editorial organisation mapping: (name, other names in the catalogue that belong to it).
    organisation_aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def content_date(self) -> dt.date | None:
        """The newest date a person gave the content: the last edit (`source.updated`) or the last check."""
        dates = [r.reviewed for r in self.resources if r.reviewed]
        if self.source.updated:
            dates.append(self.source.updated)
        return max(dates, default=None)

    def resources_with_theme(self, theme: str) -> tuple[Resource, ...]:
        return tuple(r for r in self.resources if theme in r.themes)

    def standard(self, standard_id: str) -> Standard:
        return self._standards_by_id[standard_id]

    def resource(self, resource_id: str) -> Resource:
        return self._resources_by_id[resource_id]

    def resources_for(self, ref: str) -> tuple[Resource, ...]:
        """Resources attached to exactly this reference ("3A" or "9"), in catalogue order."""
        return self._resources_by_ref.get(ref, ())

    def resources_in_standard(self, standard_id: str) -> tuple[Resource, ...]:
        """Resources attached to the standard itself or any of its sub-items, each once."""
        return tuple(r for r in self.resources if standard_id in r.standard_ids)

    def urls(self) -> dict[str, tuple[Resource, ...]]:
        """Every distinct link URL, in catalogue order, with the resources that carry it."""
        by_url: dict[str, list[Resource]] = {}
        for resource in self.resources:
            for link in resource.links:
                owners = by_url.setdefault(link.url, [])
                if resource not in owners:
                    owners.append(resource)
        return {url: tuple(owners) for url, owners in by_url.items()}

    def references(self) -> tuple[str, ...]:
        """All valid standard references, in reading order."""
        return tuple(ref for standard in self.standards for ref in standard.refs)

    @cached_property
    def _standards_by_id(self) -> dict[str, Standard]:
        return {s.id: s for s in self.standards}

    @cached_property
    def _resources_by_id(self) -> dict[str, Resource]:
        return {r.id: r for r in self.resources}

    @cached_property
    def _resources_by_ref(self) -> dict[str, tuple[Resource, ...]]:
        by_ref: dict[str, list[Resource]] = {}
        for resource in self.resources:
            for ref in resource.standards:
                by_ref.setdefault(ref, []).append(resource)
        return {ref: tuple(rs) for ref, rs in by_ref.items()}
