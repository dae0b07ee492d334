"""Issue bodies as GitHub writes them for the committed proposal form, built from the form file itself."""

from __future__ import annotations

import yaml

from tests.support.paths import REPO

FORM = REPO / ".github" / "ISSUE_TEMPLATE" / "hulpmiddel-voorstellen.yml"
HOSTILE_TITLE = "Gids $(touch /tmp/infobox-pwned) `id` ${{ secrets.GITHUB_TOKEN }} \"x\" 'y' #z\n- id: evil"


def form_fields() -> list[dict]:
    return [e for e in yaml.safe_load(FORM.read_text(encoding="utf-8"))["body"] if e["type"] != "markdown"]


def options(field_id: str) -> list[str]:
    field = next(f for f in form_fields() if f["id"] == field_id)
    return [o["label"] if isinstance(o, dict) else o for o in field["attributes"]["options"]]


def option_for(ref: str) -> str:
    return next(o for o in options("standaarden") if o.startswith(f"{ref}: "))


def link_example() -> str:
    """The example line the form itself gives under "Links" (what a proposer copies)."""
    field = next(f for f in form_fields() if f["id"] == "links")
    return field["attributes"]["description"].splitlines()[-1]


def issue_body(values: dict) -> str:
    """The Markdown GitHub writes for a submitted form: `### label`, a blank line, the answer; `_No response_`
    for an empty field; every checkbox as `- [X]` or `- [ ]`."""
    parts = []
    for field in form_fields():
        value = values.get(field["id"])
        if field["type"] == "checkboxes":
            ticked = value or []
            text = "\n".join(f"- [{'X' if o in ticked else ' '}] {o}" for o in options(field["id"]))
        else:
            if field["type"] == "dropdown" and value is not None:
                assert value in options(field["id"]), "a dropdown answer is one of the form's options"
            text = value if value else "_No response_"
        parts.append(f"### {field['attributes']['label']}\n\n{text}")
    return "\n\n".join(parts)


def valid_values(**changes) -> dict:
    values = {
        "titel": "Handreiking veilig thuis na de overdracht",
        "organisatie": "Voorbeeldorganisatie",
        "beschrijving": "Een handreiking voor lokale teams.\nMet voorbeelden uit de praktijk.",
        "soort": options("soort")[2],
        "voor-wie": options("voor-wie")[3:5],
        "standaarden": [option_for("3A"), option_for("6E")],
        "links": f"{link_example()}\nWebsite https://www.voorbeeld.nl/",
        "indiener": "Jan Jansen, gemeente Voorbeeld",
    }
    return {**values, **changes}
