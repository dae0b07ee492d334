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

# Themes (`themes` of a resource): editorial metadata, so professionals can browse by what a case is about.
# The Infobox orders resources by standard only; these are the editors' choices (listed in `editorial`).
# Keys are what URLs show (/themas/kindermishandeling/, ?thema=melden); the labels are what readers see.
# Forms of violence: what happens to whom. "huiselijk-geweld" is for resources about domestic violence
# in general, without one form in particular.
VIOLENCE_FORMS: dict[str, str] = {
    "huiselijk-geweld": "Huiselijk geweld in het algemeen",
    "kindermishandeling": "Kindermishandeling",
    "partnergeweld": "Partnergeweld",
    "ouderenmishandeling": "Ouderenmishandeling",
    "seksueel-geweld": "Seksueel geweld en uitbuiting",
    "eergerelateerd-geweld": "Eergerelateerd geweld en huwelijksdwang",
}
# Kinds of help: the step of the work a resource supports, in the order the work goes.
HELP_KINDS: dict[str, str] = {
    "signaleren": "Signaleren",
    "bespreken": "Bespreekbaar maken",
    "melden": "Melden",
    "risico-inschatten": "Risico inschatten",
    "aanpak-en-herstel": "Aanpak en herstel",
    "beleid-en-samenwerking": "Beleid, regie en samenwerking",
}
THEMES: dict[str, str] = {**VIOLENCE_FORMS, **HELP_KINDS}
THEME_KINDS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("vorm", "Vorm van geweld", VIOLENCE_FORMS),
    ("hulp", "Soort hulp", HELP_KINDS),
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
