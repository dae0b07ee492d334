"""The JSON Schema of data/resources.yaml: one definition for editors and for validation.

Editors (VS Code with the YAML extension) read the generated `data/resources.schema.json` for completion
and red squiggles; the loader validates against the same dict, so the two can never disagree.
Rules a schema cannot express (unique ids, references that exist, link hygiene) live in `entry_rules.py`.
"""

from __future__ import annotations

import json
from typing import Any

from infobox.catalogue.vocabulary import AUDIENCES, LINK_SCHEMES, THEMES, TYPES

SCHEMA_FILENAME = "resources.schema.json"

TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}
STATEMENT_MAX_LENGTH = 220  # about 30 words: one or two short B1 sentences
STATEMENT = {
    "type": "string",
    "minLength": 1,
    "maxLength": STATEMENT_MAX_LENGTH,
    "pattern": r"\S",
    "description": (
        "Stelling voor de zelfscan in eenvoudige taal (B1), geschreven vanuit de tekst van de standaard, "
        "bijvoorbeeld: 'In onze gemeente werken alle professionals in de lokale teams met de meldcode.' "
        f"Hoogstens {STATEMENT_MAX_LENGTH} tekens."
    ),
}
REF = {
    "type": "string",
    "pattern": r"^(10|[1-9])[A-J]?$",
    "description": 'Verwijzing naar een kwaliteitsstandaard ("9") of een onderdeel ervan ("3A").',
}
URL = {
    "type": "string",
    "pattern": "^(" + "|".join(LINK_SCHEMES) + r")://[^\s/?#]+",
    "description": "Volledig webadres dat begint met http:// of https://.",
}
RESOURCE_ID = {
    "type": "string",
    "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
    "description": "Vaste korte naam: kleine letters, cijfers en streepjes.",
}
DATE = {"type": "string", "format": "date"}
# Fields that standards and their sub-items share.
NOTE = {"type": "string"}
SEE_ALSO = {"type": "array", "items": REF}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Infobox Werken aan Veiligheid — catalogus",
    "description": "De kwaliteitsstandaarden en alle hulpmiddelen van de Infobox.",
    "type": "object",
    "additionalProperties": False,
    "required": ["source", "standards", "resources"],
    "properties": {
        "source": {
            "type": "object",
            "additionalProperties": False,
            "required": ["title", "url"],
            "properties": {
                "title": TEXT,
                "url": URL,
                "publisher": {"type": "string"},
                "edition": {"type": "string"},
                "updated": {
                    "type": "string",
                    "format": "date",
                    "description": "Datum waarop de beheerders de inhoud van de catalogus het laatst wijzigden.",
                },
            },
        },
        "standards": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "title", "text", "statement"],
                "properties": {
                    "id": {"type": "string", "pattern": r"^(10|[1-9])$", "description": 'Nummer, als tekst: "3".'},
                    "title": TEXT,
                    "text": TEXT,
                    "statement": STATEMENT,
                    "note": NOTE,
                    "see_also": SEE_ALSO,
                    "items": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["letter", "text", "statement"],
                            "properties": {
                                "letter": {"type": "string", "pattern": "^[A-J]$"},
                                "text": TEXT,
                                "statement": STATEMENT,
                                "note": NOTE,
                                "see_also": SEE_ALSO,
                            },
                        },
                    },
                },
            },
        },
        "organisations": {
            "type": "array",
            "description": "Redactioneel: namen uit `organisation` die bij één organisatie horen (movisie.nl -> "
            "Movisie). Filters, de organisatiepagina en de zoekfunctie tonen ze samen; de naam bij het "
            "hulpmiddel blijft zoals de bron hem noemt.",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "also"],
                "properties": {
                    "name": TEXT,
                    "also": {"type": "array", "minItems": 1, "uniqueItems": True, "items": TEXT},
                },
            },
        },
        "resources": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "title", "description", "organisation", "type", "standards", "links"],
                "properties": {
                    "id": RESOURCE_ID,
                    "title": TEXT,
                    "group": {
                        "anyOf": [
                            {"type": "string"},
                            {
                                "type": "object",
                                "propertyNames": REF,
                                "additionalProperties": TEXT,
                                "minProperties": 1,
                            },
                        ],
                        "description": "Kop van het blok in de Infobox; bij meerdere standaarden per verwijzing: "
                        '{"3B": "kop"}.',
                    },
                    "description": TEXT,
                    "organisation": {
                        "anyOf": [TEXT, {"type": "array", "minItems": 1, "uniqueItems": True, "items": TEXT}],
                        "description": "Organisatie zoals de Infobox die noemt; bij meerdere: een lijst.",
                    },
                    "type": {"enum": list(TYPES)},
                    "audience": {"type": "array", "items": {"enum": list(AUDIENCES)}, "uniqueItems": True},
                    "themes": {
                        "type": "array",
                        "minItems": 1,
                        "items": {"enum": list(THEMES)},
                        "uniqueItems": True,
                        "description": "Thema's (vorm van geweld, soort hulp), gekozen door de redactie: zet ook "
                        "'themes' in editorial.",
                    },
                    "standards": {"type": "array", "minItems": 1, "items": REF, "uniqueItems": True},
                    "added": {
                        **DATE,
                        "description": "Datum waarop het hulpmiddel aan de catalogus is toegevoegd (JJJJ-MM-DD); "
                        "alleen bij nieuwe hulpmiddelen, niet bij die uit de Infobox.",
                    },
                    "reviewed": {
                        "type": "string",
                        "format": "date",
                        "description": "Datum waarop een beheerder de inhoud en links heeft gecontroleerd "
                        "(JJJJ-MM-DD); alleen invullen na een echte controle.",
                    },
                    "provenance": {
                        "enum": ["infobox", "voorstel"],
                        "description": "Herkomst: 'infobox' = overgenomen uit de Infobox (zie source.edition); "
                        "'voorstel' = voorgesteld via het formulier op GitHub en door een beheerder verwerkt.",
                    },
                    "editorial": {
                        "type": "array",
                        "items": {"enum": ["type", "audience", "themes"]},
                        "uniqueItems": True,
                        "description": "Velden waarvan de waarde door de redactie is gekozen, niet uit de Infobox.",
                    },
                    "links": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["url", "label"],
                            "properties": {
                                "url": URL,
                                "label": TEXT,
                                "infobox_url": {
                                    **URL,
                                    "description": "Bij een hulpmiddel uit de Infobox waarvan de link is verhuisd: het "
                                    "adres zoals de Infobox het drukte (python -m infobox apply-moves zet het).",
                                },
                            },
                        },
                    },
                },
            },
        },
        "removed": {
            "type": "array",
            "description": "Verwijderde hulpmiddelen: oude links (/hulpmiddelen/id/, /hulpmiddelen/#id) "
            "tonen dan waarom, en waarheen.",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "date", "reason"],
                "properties": {
                    "id": RESOURCE_ID,
                    "date": {"type": "string", "format": "date", "description": "Datum van verwijderen (JJJJ-MM-DD)."},
                    "title": {
                        **TEXT,
                        "description": "De titel die het hulpmiddel had: oude links en de feed noemen die.",
                    },
                    "reason": {**TEXT, "description": "Waarom het hulpmiddel weg is, in één zin voor de lezer."},
                    "replaced_by": {
                        **RESOURCE_ID,
                        "description": "Id van het hulpmiddel dat ervoor in de plaats kwam.",
                    },
                },
            },
        },
    },
}


def schema_json() -> str:
    """The schema file's exact text, as committed next to the catalogue."""
    return json.dumps(SCHEMA, ensure_ascii=False, indent=2) + "\n"
