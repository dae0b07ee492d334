"""Closed vocabularies of the catalogue. Adding a value here is a deliberate, reviewed change.

The JSON Schema for editors (data/resources.schema.json) is generated from these lists.
"""

from collections.abc import Iterable

# Resource types: what kind of thing a professional will find behind the links.
TYPES: tuple[str, ...] = (
    "website",
    "publicatie",
    "handreiking",
    "rapport",
    "toolkit",
    "instrument",
    "methodiek",
    "training",
    "online cursus",
    "video",
    "magazine",
    "databank",
    "boek",
    "model",
)

# Who a resource is about or for, where the Infobox says so.
AUDIENCES: tuple[str, ...] = (
    "jeugd",
    "volwassenen",
    "ouderen",
    "professionals",
    "gemeenten",
)

# Schemes a catalogue link may use; anything else (javascript:, data:, file:, relative) is rejected.
LINK_SCHEMES: tuple[str, ...] = ("http", "https")

# Groups of resource types for the filter on /hulpmiddelen/: choosing "training" also finds online and
# accredited courses. Every TYPES value belongs to exactly one group (a test checks it); the filter also
# offers each type on its own under its group. Group keys are what the URL shows (?soort=training); a group
# key that is also a type ("training") stands for the whole group. Members not (yet) in TYPES are harmless.
TYPE_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "training": (
        "Training of cursus",
        ("training", "cursus", "online cursus", "e-learning", "geaccrediteerde cursus"),
    ),
    "informatie": (
        "Informatie en achtergrond",
        ("website", "publicatie", "rapport", "magazine", "boek", "databank", "video"),
    ),
    "werkwijze": ("Werkwijze en instrument", ("handreiking", "toolkit", "instrument", "methodiek", "model")),
}


def type_group(type_: str) -> str:
    """Key of the group a resource type belongs to; a type missing from TYPE_GROUPS is a group of its own."""
    for key, (_label, members) in TYPE_GROUPS.items():
        if type_ in members:
            return key
    return type_


def grouped_types(present: Iterable[str]) -> list[tuple[str, str, tuple[str, ...]]]:
    """(key, label, types) of each group with a type in `present`, in TYPE_GROUPS order, types in TYPES order."""
    present = set(present)
    order = {type_: i for i, type_ in enumerate(TYPES)}
    groups: dict[str, list[str]] = {}
    for type_ in sorted(present, key=lambda t: (order.get(t, len(order)), t)):
        groups.setdefault(type_group(type_), []).append(type_)
    keys = [key for key in TYPE_GROUPS if key in groups] + [key for key in groups if key not in TYPE_GROUPS]
    return [(key, TYPE_GROUPS[key][0] if key in TYPE_GROUPS else key, tuple(groups[key])) for key in keys]
