"""Runs the JavaScript unit tests (node's built-in test runner) as part of the single pytest command."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from infobox.catalogue.loader import load_catalogue
from infobox.catalogue.vocabulary import TYPES
from infobox.exports.open_data import catalogue_to_json_text
from infobox.site.page_addresses import page_urls

HERE = Path(__file__).parent
TEST_FILES = (
    "zelfscan.test.mjs",
    "whole-standard.test.mjs",
    "zelfscan.property.test.mjs",
    "zelfscan-file.test.mjs",
    "zelfscan-workbook.test.mjs",
    "hulpmiddelen-filter.test.mjs",
)


def test_zelfscan_core_units(tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is required for the JavaScript unit tests (apt-get install nodejs)")
    # The JS tests read catalogue.json exactly as the site build writes it: the exporter, with page URLs.
    catalogue = load_catalogue(HERE / "catalogue.fixture.yaml")
    fixture = tmp_path / "catalogue.json"
    fixture.write_text(catalogue_to_json_text(catalogue, page_urls(catalogue)), encoding="utf-8")
    result = subprocess.run(
        [node, "--test", *(str(HERE / name) for name in TEST_FILES)],
        capture_output=True,
        text=True,
        timeout=120,
        # The resource types, so the verbeterplan's order of types is checked against the vocabulary.
        env={**os.environ, "INFOBOX_CATALOGUE_JSON": str(fixture), "INFOBOX_TYPES": json.dumps(TYPES)},
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout


REPO = HERE.parents[1]


def test_search_engine_units():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is required for the JavaScript unit tests (apt-get install nodejs)")
    result = subprocess.run(
        [node, "--test", str(HERE / "search.test.mjs")], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout


def test_vendored_stemmer_is_the_pinned_npm_package():
    # docs/javascripts/vendor/ holds npm files as published, never edited: `npm ci` brings the pinned version.
    package = REPO / "node_modules" / "@orama" / "stemmers"
    vendored = REPO / "docs" / "javascripts" / "vendor"
    assert (vendored / "snowball-nl.js").read_bytes() == (package / "dist" / "nl.js").read_bytes()
    assert (vendored / "snowball-nl.LICENSE.txt").read_bytes() == (package / "LICENSE.md").read_bytes()


def test_vendored_workbook_library_is_the_pinned_npm_package():
    # The zelfscan's Excel workbook library, as published (the bundle without polyfills) with its licence.
    package = REPO / "node_modules" / "exceljs"
    vendored = REPO / "docs" / "javascripts" / "vendor"
    assert (vendored / "exceljs.bare.min.js").read_bytes() == (package / "dist" / "exceljs.bare.min.js").read_bytes()
    assert (vendored / "exceljs.LICENSE.txt").read_bytes() == (package / "LICENSE").read_bytes()
    pinned = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["devDependencies"]["exceljs"]
    assert json.loads((package / "package.json").read_text(encoding="utf-8"))["version"] == pinned
