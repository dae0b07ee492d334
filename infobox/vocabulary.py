"""Closed vocabularies of the catalogue. Adding a value here is a deliberate, reviewed change.

The JSON Schema for editors (data/resources.schema.json) is generated from these lists.
"""

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
