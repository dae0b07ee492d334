"""Zelfscan statements: every standard and sub-item carries one, validated, exported next to its text.

Expected values are read from the YAML with PyYAML's BaseLoader, independent of the loader under test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from infobox.catalogue.loader import load_catalogue
from infobox.catalogue.schema import STATEMENT_MAX_LENGTH
from infobox.errors import CatalogueError
from infobox.exports.open_data import catalogue_to_json
from tests.support.paths import REPO

CATALOGUE = REPO / "data" / "resources.yaml"
MINIMAL = REPO / "tests" / "fixtures" / "catalogues" / "valid-minimal.yaml"


def raw_entries(path: Path) -> dict[str, dict]:
    """Every standard and sub-item of the YAML file by reference ("1", "3A"), as plain text."""
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    entries = {}
    for standard in raw["standards"]:
        entries[standard["id"]] = standard
        for item in standard.get("items", []):
            entries[standard["id"] + item["letter"]] = item
    return entries


def test_every_standard_and_sub_item_of_the_catalogue_has_a_short_statement_of_its_own():
    entries = raw_entries(CATALOGUE)
    assert len(entries) == 40  # 10 standards and 30 sub-items
    for ref, entry in entries.items():
        statement = entry.get("statement", "").strip()
        assert statement, f"{ref} has no statement"
        assert len(statement) <= STATEMENT_MAX_LENGTH, ref
        assert statement != entry["text"].strip(), f"{ref}: the statement repeats the standard's text"
        assert statement.endswith("."), f"{ref}: a statement is a full sentence"


def test_the_statement_follows_the_text_it_is_derived_from():
    """In the YAML file, `statement:` comes right after the `text:` it is written from."""
    for ref, entry in raw_entries(CATALOGUE).items():
        keys = list(entry)
        assert keys.index("statement") == keys.index("text") + 1, ref


def test_statements_reach_the_model_and_the_json_export():
    entries = raw_entries(CATALOGUE)
    catalogue = load_catalogue(CATALOGUE)
    exported = json.loads(json.dumps(catalogue_to_json(catalogue)))
    seen = 0
    for standard, model in zip(exported["standards"], catalogue.standards, strict=True):
        assert standard["statement"] == model.statement == entries[standard["id"]]["statement"].strip()
        seen += 1
        for item, model_item in zip(standard["items"], model.items, strict=True):
            assert item["statement"] == model_item.statement == entries[item["id"]]["statement"].strip()
            seen += 1
    assert seen == len(entries)


def problems_after(tmp_path: Path, old: str, new: str) -> list[str]:
    text = MINIMAL.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "resources.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    return [str(problem) for problem in caught.value.problems]


def test_a_missing_statement_is_reported_on_its_line(tmp_path):
    line = "\n    statement: Alle professionals in onze lokale teams kunnen wat hieronder staat."
    problems = problems_after(tmp_path, line, "")
    assert problems == [
        f"{tmp_path / 'resources.yaml'}:9: kwaliteitsstandaard 3 › statement: ontbreekt (verplicht veld)\n"
        "    tip: voeg een regel 'statement: …' toe aan dit blok"
    ]


def test_a_missing_sub_item_statement_is_reported(tmp_path):
    problems = problems_after(tmp_path, ", statement: Alle professionals werken met de meldcode.", "")
    assert len(problems) == 1
    assert ":14: onderdeel 3A › statement: ontbreekt (verplicht veld)" in problems[0]


def test_a_too_long_statement_is_reported_with_its_length(tmp_path):
    long = "Alle professionals in onze lokale teams herkennen geweld" + " en echt" * 40 + "."
    problems = problems_after(tmp_path, "Alle professionals in onze lokale teams herkennen geweld.", long)
    assert len(problems) == 1
    assert ":16: onderdeel 3B › statement: is te lang" in problems[0]
    assert f"{len(long)} tekens, hoogstens {STATEMENT_MAX_LENGTH}" in problems[0]
