"""`python -m infobox propose`: issue bodies built from the committed issue form itself, as GitHub writes
them (valid, invalid, hostile), against a copy of the real catalogue."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from infobox.catalogue import yaml_source
from infobox.catalogue.loader import load_catalogue
from infobox.catalogue.yaml_source import read_yaml
from infobox.cli import main
from infobox.maintenance.proposal_form import MAX_BODY_CHARS, slug
from tests.support.issue_bodies import HOSTILE_TITLE, issue_body, option_for, options, valid_values
from tests.support.paths import REPO

REAL = REPO / "data" / "resources.yaml"


@pytest.fixture
def catalogue(catalogue_copy) -> Path:
    return catalogue_copy


def propose(tmp_path, capsys, catalogue: Path, body: str, *extra: str) -> tuple[int, str, str, dict]:
    body_file = tmp_path / "body.md"
    body_file.write_text(body, encoding="utf-8")
    result = tmp_path / "result.json"
    code = main(["propose", str(body_file), "--catalogue", str(catalogue), "--result", str(result), *extra])
    out = capsys.readouterr()
    return code, out.out, out.err, json.loads(result.read_text(encoding="utf-8"))


def inserted(before: str, after: str) -> tuple[int, str]:
    """(line where the one inserted run of lines starts, its text); everything else must be identical."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    start = next((n for n, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), len(old))
    added = len(new) - len(old)
    assert added > 0 and new[:start] == old[:start] and new[start + added :] == old[start:]
    return start + 1, "".join(new[start : start + added])


def raw_resources(path: Path) -> list[dict]:
    return read_yaml(path).data["resources"]


@pytest.mark.parametrize(("refs", "section"), [(("3A", "6E"), "3"), (("5",), "5")])
def test_a_valid_proposal_becomes_one_block_in_the_section_of_its_first_standard(
    tmp_path, capsys, catalogue, refs, section
):
    before = catalogue.read_text(encoding="utf-8")
    old = raw_resources(catalogue)
    body = issue_body(valid_values(standaarden=[option_for(r) for r in refs]))
    day = dt.date.today()  # the day it is added: this one, or the next when the run crosses midnight
    code, out, err, result = propose(tmp_path, capsys, catalogue, body, "--issue", "42")
    assert code == 0, err
    start, block = inserted(before, catalogue.read_text(encoding="utf-8"))
    assert block.lstrip("\n").startswith(
        "  # Voorgesteld via issue #42.\n  - id: handreiking-veilig-thuis-na-de-overdracht\n"
    )
    new = raw_resources(catalogue)
    added = [r for r in new if r not in old]
    assert [r for r in new if r in old] == old and len(added) == 1
    entry = added[0]
    assert entry.pop("added") in {day.isoformat(), dt.date.today().isoformat()}
    assert entry == {
        "id": "handreiking-veilig-thuis-na-de-overdracht",
        "title": "Handreiking veilig thuis na de overdracht",
        "description": "Een handreiking voor lokale teams.\nMet voorbeelden uit de praktijk.",
        "organisation": "Voorbeeldorganisatie",
        "type": options("soort")[2],
        "audience": options("voor-wie")[3:5],
        "standards": list(refs),
        "provenance": "voorstel",
        "links": [
            {"url": "https://www.voorbeeld.nl/handreiking.pdf", "label": "Handreiking (PDF)"},
            {"url": "https://www.voorbeeld.nl/", "label": "Website"},
        ],
    }
    # In its section: after every entry whose first standard comes before it, before every later one.
    index = new.index(entry)
    order = [s.id for s in load_catalogue(REAL).standards]
    first = [order.index(r["standards"][0].rstrip("ABCDEFGHIJ")) for r in new]
    assert all(f <= order.index(section) for f in first[:index])
    assert all(f > order.index(section) for f in first[index + 1 :])
    following = [line for line in before.splitlines()[start - 1 :] if line.strip()]
    assert following[0] == f"  # --- Kwaliteitsstandaard {int(section) + 1} ---"  # the section's end
    assert result == {
        "issue": 42,
        "status": "added",
        "id": entry["id"],
        "title": entry["title"],
        "proposer": "Jan Jansen, gemeente Voorbeeld",
    }
    assert "Toegevoegd" in out


def test_the_catalogue_is_parsed_once_and_the_edited_text_once(tmp_path, capsys, catalogue, monkeypatch):
    """Reading, inserting, checking and validating share one parse of the file and one of the result."""
    parsed = []
    parse = yaml_source._build
    monkeypatch.setattr(yaml_source, "_build", lambda loader, doc: parsed.append(doc.text) or parse(loader, doc))
    before = catalogue.read_text(encoding="utf-8")
    code, _, err, _ = propose(tmp_path, capsys, catalogue, issue_body(valid_values()))
    assert code == 0, err
    assert parsed == [before, catalogue.read_text(encoding="utf-8")]


def test_a_title_already_taken_gets_a_fresh_id_and_a_known_link_is_pointed_out(tmp_path, capsys, catalogue):
    taken = next(r for r in load_catalogue(REAL).resources if slug(r.title) == r.id and r.links)
    body = issue_body(valid_values(titel=taken.title, links=f"Zelfde {taken.links[0].url}"))
    code, _, err, result = propose(tmp_path, capsys, catalogue, body)
    assert code == 0, err
    assert result["id"] == f"{taken.id}-2"
    assert result["already_listed"] == {taken.links[0].url: [taken.id]}


def test_an_invalid_proposal_gets_dutch_problems_and_changes_nothing(tmp_path, capsys, catalogue):
    before = catalogue.read_bytes()
    body = issue_body(valid_values(titel="", standaarden=[], links="Alleen tekst zonder adres"))
    body = body.replace(f"\n\n{options('soort')[2]}\n", "\n\nspelletje\n")  # an edited body: not an option
    code, _, err, result = propose(tmp_path, capsys, catalogue, body)
    assert code == 1
    assert catalogue.read_bytes() == before
    assert result["status"] == "invalid"
    problems = "\n".join(result["problems"])
    assert "Titel van het hulpmiddel: ontbreekt" in problems
    assert "Soort hulpmiddel: 'spelletje' is geen keuze van het formulier" in problems
    assert "Kwaliteitsstandaarden en onderdelen: kies minstens één" in problems
    assert "Links, regel 1: geen webadres gevonden" in problems
    assert "Het voorstel is niet toegevoegd; de catalogus is niet gewijzigd." in err and "Traceback" not in err


def test_problems_the_catalogue_rules_find_are_named_by_the_form_field(tmp_path, capsys, catalogue):
    before = catalogue.read_bytes()
    body = issue_body(valid_values(links="Website https://localhost/pagina"))
    code, _, _, result = propose(tmp_path, capsys, catalogue, body)
    assert code == 1 and catalogue.read_bytes() == before
    assert result["problems"] == [
        "Links: 'https://localhost/pagina' verwijst naar een naam voor deze computer of een lokaal netwerk (localhost)"
    ]


@pytest.mark.parametrize(
    "body",
    [
        "### Titel van het hulpmiddel\n\nA\n\n### Titel van het hulpmiddel\n\nB\n",
        "x" * (MAX_BODY_CHARS + 1),
        issue_body(valid_values(titel="T" * 201)),
        issue_body(valid_values(beschrijving="onzichtbaar\u202eteken")),
        # Shapes that make a backtracking pattern quadratic: refused after linear work.
        "### " + " " * 60_000 + "x",
        issue_body(valid_values(links="[" + "](" * 30_000)),
    ],
    ids=["heading-twice", "too-long", "title-too-long", "control-character", "long-heading", "long-link-line"],
)
def test_ambiguous_or_oversized_bodies_are_refused(tmp_path, capsys, catalogue, body):
    before = catalogue.read_bytes()
    code, _, _, result = propose(tmp_path, capsys, catalogue, body)
    assert code == 1 and catalogue.read_bytes() == before and result["problems"]


def test_a_hostile_body_arrives_verbatim_as_data_and_adds_nothing_else(tmp_path, capsys, catalogue):
    before = catalogue.read_text(encoding="utf-8")
    old = raw_resources(catalogue)
    values = valid_values(
        titel=HOSTILE_TITLE,
        organisatie="<script>alert(1)</script>; Org: {a: b}",
        beschrijving="Tekst\n### Organisatie\nnee\n```\n$(rm -rf ~)\n```\n<img src=x onerror=alert(1)>\n  - id: evil2",
        links="Klik hier ${{ github.event.issue.title }} https://www.voorbeeld.nl/a?b=$(id)&c=`id`",
    )
    # GitHub writes an input on one line; an edited body can hold anything.
    code, _, err, result = propose(tmp_path, capsys, catalogue, issue_body(values))
    # The description's "### Organisatie" line is a second heading for that field: refused, not guessed.
    assert code == 1 and "Organisatie: staat twee keer in het voorstel" in result["problems"]
    values["beschrijving"] = values["beschrijving"].replace("### Organisatie", "Organisatie")
    code, _, err, result = propose(tmp_path, capsys, catalogue, issue_body(values))
    assert code == 0, err
    _, block = inserted(before, catalogue.read_text(encoding="utf-8"))
    new = raw_resources(catalogue)
    added = [r for r in new if r not in old]
    assert [r for r in new if r in old] == old and len(added) == 1
    entry = added[0]
    assert entry["title"] == HOSTILE_TITLE
    assert entry["description"] == values["beschrijving"]
    assert entry["organisation"] == ["<script>alert(1)</script>", "Org: {a: b}"]
    assert entry["links"] == [
        {"url": "https://www.voorbeeld.nl/a?b=$(id)&c=`id`", "label": "Klik hier ${{ github.event.issue.title }}"}
    ]
    assert set(entry) == {"id", "title", "description", "organisation", "type", "audience", "standards",
                          "added", "provenance", "links"}  # fmt: skip
    assert "evil" not in {r["id"] for r in new} and "\n  - id: evil" not in block
    assert not Path("/tmp/infobox-pwned").exists()
    load_catalogue(catalogue)  # and the whole file still validates
