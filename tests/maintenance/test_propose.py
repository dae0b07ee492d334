"""`python -m infobox propose`: issue bodies built from the committed issue form itself, as GitHub writes
them (valid, invalid, hostile), against a copy of the real catalogue."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infobox.catalogue import yaml_source
from infobox.catalogue.loader import load_catalogue
from infobox.catalogue.yaml_source import read_yaml
from infobox.cli import main
from infobox.maintenance.proposal_form import ID_MAX, MAX_BODY_CHARS, fresh_id, slug
from tests.support.issue_bodies import HOSTILE_TITLE, issue_body, link_example, option_for, options, valid_values
from tests.support.paths import REPO
from tests.support.unicode_samples import INVISIBLE, code_point

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
    # As BEHEER.md teaches: a short id, plain texts, the description as a folded block, references quoted.
    quoted = ", ".join(f'"{ref}"' for ref in refs)
    assert (
        block.lstrip("\n")
        == f"""\
  # Voorgesteld via issue #42.
  - id: handreiking-veilig-thuis
    title: Handreiking veilig thuis na de overdracht
    description: >-
      Een handreiking voor lokale teams.

      Met voorbeelden uit de praktijk.
    organisation: Voorbeeldorganisatie
    type: {options("soort")[2]}
    audience: [{", ".join(options("voor-wie")[3:5])}]
    standards: [{quoted}]
    added: {dt.date.today().isoformat()}
    provenance: voorstel
    links:
      - url: https://www.voorbeeld.nl/handreiking.pdf
        label: Handreiking voor teams
      - url: https://www.voorbeeld.nl/
        label: Website

"""
    )
    new = raw_resources(catalogue)
    added = [r for r in new if r not in old]
    assert [r for r in new if r in old] == old and len(added) == 1
    entry = added[0]
    assert entry.pop("added") in {day.isoformat(), dt.date.today().isoformat()}
    assert entry == {
        "id": "handreiking-veilig-thuis",
        "title": "Handreiking veilig thuis na de overdracht",
        "description": "Een handreiking voor lokale teams.\nMet voorbeelden uit de praktijk.",
        "organisation": "Voorbeeldorganisatie",
        "type": options("soort")[2],
        "audience": options("voor-wie")[3:5],
        "standards": list(refs),
        "provenance": "voorstel",
        "links": [
            {"url": "https://www.voorbeeld.nl/handreiking.pdf", "label": "Handreiking voor teams"},
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


# Issue 31: proposals land right whatever the file holds, and read as a maintainer writes them.

REMOVED = """
removed:
  - id: toolkit-huiselijk-geweld-oud
    date: 2024-11-30
    reason: De Rijksoverheid biedt de toolkit niet meer aan.
"""


def organisations_last(text: str) -> str:
    """The catalogue with its `organisations:` block moved after the resources (a valid order)."""
    start, end = text.index("\norganisations:\n") + 1, text.index("\nresources:\n") + 1
    return text[:start] + text[end:] + "\n" + text[start:end]


TAILS = {
    "removed-as-in-beheer": lambda text: text + REMOVED,
    "organisations-after-resources": organisations_last,
    "closing-comment": lambda text: text + "\n# Einde van de catalogus.\n",
    "comment-and-removed": lambda text: text + "\n# --- Verwijderd ---\n" + REMOVED.lstrip("\n"),
}


@pytest.mark.parametrize("tail", TAILS)
@pytest.mark.parametrize("ref", ["10", "3A"])
def test_a_proposal_lands_in_its_section_whatever_follows_the_list(tmp_path, capsys, catalogue, tail, ref):
    catalogue.write_text(TAILS[tail](catalogue.read_text(encoding="utf-8")), encoding="utf-8")
    before = catalogue.read_text(encoding="utf-8")
    old = read_yaml(catalogue).data
    code, _, err, result = propose(tmp_path, capsys, catalogue, issue_body(valid_values(standaarden=[option_for(ref)])))
    assert code == 0, err
    start, block = inserted(before, catalogue.read_text(encoding="utf-8"))
    new = read_yaml(catalogue).data
    assert {k: v for k, v in new.items() if k != "resources"} == {k: v for k, v in old.items() if k != "resources"}
    assert [r["id"] for r in new["resources"] if r not in old["resources"]] == [result["id"]]
    section = [r for r in new["resources"] if r["standards"][0].rstrip("ABCDEFGHIJ") == ref.rstrip("A")]
    assert section[-1]["id"] == result["id"]  # after the section's last entry
    assert block.count("  - id: ") == 1 and block.strip("\n").startswith("  - id: ")


def test_a_title_whose_id_was_removed_quietly_gets_a_fresh_one(tmp_path, capsys, catalogue):
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(
        text + REMOVED.replace("toolkit-huiselijk-geweld-oud", "handreiking-veilig-thuis"), encoding="utf-8"
    )
    code, _, err, result = propose(tmp_path, capsys, catalogue, issue_body(valid_values()))
    assert code == 0, err
    assert result["id"] == "handreiking-veilig-thuis-2"


@pytest.mark.parametrize("char", INVISIBLE, ids=code_point)
@pytest.mark.parametrize("field", ["titel", "beschrijving"])
def test_an_invisible_character_is_refused_by_the_rule_validate_applies(tmp_path, capsys, catalogue, char, field):
    before = catalogue.read_bytes()
    text = valid_values()[field]
    code, _, _, result = propose(tmp_path, capsys, catalogue, issue_body(valid_values(**{field: f"Een{char} {text}"})))
    assert code == 1 and catalogue.read_bytes() == before
    (problem,) = result["problems"]
    assert f"bevat een onzichtbaar teken ({code_point(char)}" in problem and "typ de tekst opnieuw" in problem


def test_text_after_a_heading_that_is_no_form_label_is_kept(tmp_path, capsys, catalogue):
    description = "Een handreiking voor lokale teams.\n### Meer weten\nHoofdstuk 2 gaat over de overdracht."
    code, _, err, result = propose(tmp_path, capsys, catalogue, issue_body(valid_values(beschrijving=description)))
    assert code == 0, err
    (entry,) = [r for r in raw_resources(catalogue) if r["id"] == result["id"]]
    assert entry["description"] == description


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.integers(0, 12))
def test_an_id_is_at_most_40_characters_cut_after_a_word_and_never_taken(title, clashes):
    taken = {fresh_id(title, set())}  # the title's own id and the next numbered ones are in use (or removed)
    for _ in range(clashes):
        taken.add(fresh_id(title, taken))
    ident = fresh_id(title, taken)
    assert len(ident) <= ID_MAX and ident not in taken
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ident)
    stem = ident if ident == slug(title) else ident.rsplit("-", 1)[0]  # without its number
    words = slug(title, 10_000)
    one_long_word = len(words.split("-")[0]) > ID_MAX and words.startswith(stem)
    assert stem == "voorstel" or words == stem or words.startswith(stem + "-") or one_long_word


def test_the_forms_own_example_becomes_an_entry_without_warnings(tmp_path, capsys, catalogue):
    """The link line the form gives as its example, and the rest of a plain proposal, draw no warning from
    `validate --details` (a label "Handreiking (PDF)" would: the site adds the file type itself)."""
    body = issue_body(valid_values(links=link_example()))
    code, _, err, result = propose(tmp_path, capsys, catalogue, body)
    assert code == 0, err
    warnings = [w for w in load_catalogue(catalogue).warnings if f"({result['id']})" in w.field]
    assert warnings == []
