"""The GitHub issue form for proposing a resource, generated from the vocabulary and the catalogue.

`python -m infobox issue-form` writes `.github/ISSUE_TEMPLATE/hulpmiddel-voorstellen.yml`; a test fails when
the committed form and `infobox/catalogue/vocabulary.py` or the catalogue's standards disagree.
`infobox.maintenance.proposal_form` reads the issue bodies GitHub writes from this form, through the same FIELDS and
reference options, so the form and its reader cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from infobox import CONTACT_EMAIL
from infobox.catalogue.model import Catalogue
from infobox.catalogue.vocabulary import AUDIENCES, TYPES

FORM_PATH = Path(".github/ISSUE_TEMPLATE/hulpmiddel-voorstellen.yml")
FORM_FILENAME = FORM_PATH.name  # GitHub opens the form at …/issues/new?template=<this name>
FORM_LABEL = "hulpmiddel-voorstel"  # put on every proposal by the form; starts nothing by itself
OPTION_TEXT_MAX = 90  # characters of a sub-item's text shown after its reference
LINK_EXAMPLE = "Handreiking voor teams https://www.voorbeeld.nl/handreiking.pdf"  # a proposal that validates cleanly


@dataclass(frozen=True)
class Field:
    id: str
    label: str  # GitHub writes it as the `### label` heading in the issue body


TITLE = Field("titel", "Titel van het hulpmiddel")
ORGANISATION = Field("organisatie", "Organisatie")
DESCRIPTION = Field("beschrijving", "Beschrijving")
TYPE = Field("soort", "Soort hulpmiddel")
AUDIENCE = Field("voor-wie", "Voor wie")
STANDARDS = Field("standaarden", "Kwaliteitsstandaarden en onderdelen")
LINKS = Field("links", "Links")
PROPOSER = Field("indiener", "Wie stelt dit voor?")
FIELDS = (TITLE, ORGANISATION, DESCRIPTION, TYPE, AUDIENCE, STANDARDS, LINKS, PROPOSER)


def _short(text: str, limit: int = OPTION_TEXT_MAX) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def reference_options(catalogue: Catalogue) -> dict[str, str]:
    """Checkbox label -> reference ("3A"), in reading order: each standard, then its sub-items."""
    options = {}
    for standard in catalogue.standards:
        options[f"{standard.id}: {standard.title}"] = standard.id
        for item in standard.items:
            options[f"{item.ref}: {_short(item.text)}"] = item.ref
    return options


def form_url(repo_url: str) -> str:
    """Where GitHub opens this form for the repository at `repo_url`; "" without a repository."""
    repo_url = repo_url.rstrip("/")
    return f"{repo_url}/issues/new?template={FORM_FILENAME}" if repo_url else ""


def form(catalogue: Catalogue) -> dict:
    """The issue form as data (GitHub's form schema)."""
    return {
        "name": "Hulpmiddel voorstellen",
        "description": "Stel een hulpmiddel voor de Infobox Werken aan Veiligheid voor.",
        "title": "Voorstel: ",
        "labels": [FORM_LABEL],
        "body": [
            {
                "type": "markdown",
                "attributes": {
                    "value": (
                        "Kent u een hulpmiddel dat bij een kwaliteitsstandaard hoort? Vul dit formulier in. "
                        "De redactie bekijkt elk voorstel voordat het op de website komt.\n\n"
                        f"Geen GitHub-account? Mail uw voorstel naar {CONTACT_EMAIL}."
                    )
                },
            },
            _input(TITLE, "Zoals het hulpmiddel zichzelf noemt.", required=True),
            _input(
                ORGANISATION,
                "De organisatie die het hulpmiddel maakt of aanbiedt. Meerdere? Scheid ze met een puntkomma (;).",
                required=True,
            ),
            _textarea(DESCRIPTION, "Wat vindt een professional hier, en waarbij helpt het? Twee of drie zinnen."),
            {
                "type": "dropdown",
                "id": TYPE.id,
                "attributes": {"label": TYPE.label, "options": list(TYPES)},
                "validations": {"required": True},
            },
            _checkboxes(AUDIENCE, "Voor of over wie is het hulpmiddel? Kies wat van toepassing is.", AUDIENCES),
            _checkboxes(
                STANDARDS,
                "Bij welke kwaliteitsstandaarden of onderdelen helpt het? De eerste bepaalt waar het komt te staan.",
                reference_options(catalogue),
            ),
            _textarea(
                LINKS,
                "Eén link per regel: eerst een korte omschrijving, dan het webadres. Het bestandstype (PDF, Word) "
                "zet de website er zelf achter. Bijvoorbeeld:\n"
                f"{LINK_EXAMPLE}",
            ),
            _input(PROPOSER, "Uw naam en organisatie, zodat de redactie u iets kan vragen.", required=True),
        ],
    }


def _input(field: Field, description: str, *, required: bool) -> dict:
    return {
        "type": "input",
        "id": field.id,
        "attributes": {"label": field.label, "description": description},
        "validations": {"required": required},
    }


def _textarea(field: Field, description: str) -> dict:
    return {
        "type": "textarea",
        "id": field.id,
        "attributes": {"label": field.label, "description": description},
        "validations": {"required": True},
    }


def _checkboxes(field: Field, description: str, options) -> dict:
    return {
        "type": "checkboxes",
        "id": field.id,
        "attributes": {"label": field.label, "description": description, "options": [{"label": o} for o in options]},
    }


class _FormDumper(yaml.SafeDumper):
    """Texts of several lines as literal blocks, as a person would write the form."""


_FormDumper.add_representer(
    str, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v, style="|" if "\n" in v else None)
)


def form_yaml(catalogue: Catalogue) -> str:
    """The form file's exact text, as committed."""
    header = (
        "# Generated by `python -m infobox issue-form` from infobox/catalogue/vocabulary.py and data/resources.yaml;\n"
        "# do not edit by hand (a test fails when this file is stale).\n"
    )
    return header + yaml.dump(form(catalogue), Dumper=_FormDumper, allow_unicode=True, sort_keys=False, width=120)
