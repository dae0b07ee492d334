"""Exports round-trip: what the JSON/CSV say equals what the YAML says, read independently."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from infobox.catalogue.loader import load_catalogue
from infobox.catalogue.schema import schema_json
from infobox.exports.formulas import neutralise_formula
from infobox.exports.open_data import CSV_COLUMNS, catalogue_to_csv, catalogue_to_json
from tests.support.paths import REPO

CATALOGUES = [
    REPO / "tests" / "fixtures" / "catalogues" / "valid-minimal.yaml",
    REPO / "data" / "resources.yaml",
]
# The cases every CSV writer of the project is tested on, in Python here and in JavaScript (tests/js/).
FORMULA_CASES = json.loads((REPO / "tests" / "fixtures" / "csv_formula_cases.json").read_text("utf-8"))["cases"]


def run_export(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "infobox", "export", *args], capture_output=True, text=True, cwd=REPO, timeout=60
    )


def raw_yaml(path: Path) -> dict:
    # BaseLoader keeps every scalar as text, independent of the loader under test.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_json_export_has_the_yaml_resources(path):
    raw = raw_yaml(path)
    exported = json.loads(json.dumps(catalogue_to_json(load_catalogue(path))))
    assert len(exported["resources"]) == len(raw["resources"])
    for mine, theirs in zip(exported["resources"], raw["resources"], strict=True):
        assert mine["id"] == theirs["id"]
        assert mine["title"] == theirs["title"].strip()
        assert mine["description"] == theirs["description"].strip()
        names = theirs["organisation"]
        assert mine["organisations"] == ([names] if isinstance(names, str) else names)
        assert mine["type"] == theirs["type"]
        assert mine["standards"] == theirs["standards"]
        assert mine["audience"] == theirs.get("audience", [])
        assert mine["reviewed"] == theirs.get("reviewed")
        assert mine["links"] == [{"url": lk["url"], "label": lk["label"]} for lk in theirs["links"]]
    assert [s["id"] for s in exported["standards"]] == [s["id"] for s in raw["standards"]]
    for mine, theirs in zip(exported["standards"], raw["standards"], strict=True):
        assert [i["id"] for i in mine["items"]] == [theirs["id"] + i["letter"] for i in theirs.get("items", [])]
    assert exported["source"]["url"] == raw["source"]["url"]
    assert len(exported["version"]) == 12


def test_version_changes_with_content(tmp_path):
    path = CATALOGUES[0]
    before = catalogue_to_json(load_catalogue(path))["version"]
    changed = tmp_path / "c.yaml"
    changed.write_text(path.read_text(encoding="utf-8").replace("Kindcheck op augeo.nl", "Kindcheck"), "utf-8")
    assert catalogue_to_json(load_catalogue(changed))["version"] != before


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_csv_has_one_row_per_resource_link(path):
    raw = raw_yaml(path)
    rows = list(csv.DictReader(io.StringIO(catalogue_to_csv(load_catalogue(path)))))
    expected = [(r["id"], link["url"]) for r in raw["resources"] for link in (r["links"] or [{"url": ""}])]
    assert [(row["resource_id"], row["link_url"]) for row in rows] == expected
    assert tuple(rows[0]) == CSV_COLUMNS


@pytest.mark.parametrize(("cell", "written"), FORMULA_CASES, ids=repr)
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(cell, written):
    assert neutralise_formula(cell) == written


def test_csv_export_neutralises_formulas_and_json_keeps_the_text(tmp_path):
    hostile = {
        "title: Kindcheck\n": 'title: \'=HYPERLINK("https://example.org","klik")\'\n',
        "organisation: Augeo\n": "organisation: '@SUM(1+1)'\n",
        "description: De Kindcheck is onderdeel van stap 1 van de meldcode.": "description: \"+cmd|' /C calc'!A0\"",
        "label: Kindcheck op augeo.nl": "label: '-2+3'",
    }
    text = CATALOGUES[0].read_text(encoding="utf-8")
    for old, new in hostile.items():
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "resources.yaml"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "catalogue.csv"
    result = run_export("--format", "csv", "--out", str(out), "--catalogue", str(path))
    assert result.returncode == 0, result.stderr
    row = next(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    written = {key: row[key] for key in ("title", "organisation", "description", "link_label")}
    assert written == {
        "title": '\'=HYPERLINK("https://example.org","klik")',
        "organisation": "'@SUM(1+1)",
        "description": "'+cmd|' /C calc'!A0",
        "link_label": "'-2+3",
    }
    resource = catalogue_to_json(load_catalogue(path))["resources"][0]
    assert resource["title"] == '=HYPERLINK("https://example.org","klik")'
    assert resource["organisations"] == ["@SUM(1+1)"]
    assert resource["description"] == "+cmd|' /C calc'!A0"
    assert resource["links"][0]["label"] == "-2+3"


def test_export_command_writes_file(tmp_path):
    out = tmp_path / "catalogue.csv"
    result = run_export("--format", "csv", "--out", str(out), "--catalogue", str(CATALOGUES[0]))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").splitlines()[1].startswith("kindcheck,Kindcheck,Augeo,website")


def test_export_refuses_invalid_catalogue(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(CATALOGUES[0].read_text(encoding="utf-8").replace("type: model", "type: ding"), "utf-8")
    out = tmp_path / "out.json"
    result = run_export("--format", "json", "--out", str(out), "--catalogue", str(bad))
    assert result.returncode == 1
    assert "(baeten-model) › type" in result.stderr and not out.exists()


def test_committed_schema_is_current():
    committed = (REPO / "data" / "resources.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(), "run: python -m infobox schema"


def test_catalogue_points_editors_at_the_schema():
    first = (REPO / "data" / "resources.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=resources.schema.json"
