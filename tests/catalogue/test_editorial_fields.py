"""Editorial browsing data in the catalogue (issue 21): validated, and marked editorial in every export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from infobox.catalogue.loader import load_catalogue
from infobox.errors import CatalogueError
from infobox.exports.open_data import catalogue_to_csv, catalogue_to_json
from tests.support.paths import REPO

REAL = REPO / "data" / "resources.yaml"


def variant(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    text = REAL.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "resources.yaml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def problems(path: Path) -> str:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    return str(caught.value)


def test_movisie_is_one_organisation_and_the_seed_name_stays():
    catalogue = load_catalogue(REAL)
    website = catalogue.resource("movisie-ouderenmishandeling")
    assert website.organisations == ("movisie.nl",)
    assert website.organisation_groups == ("Movisie",)
    for name, aliases in (("Augeo", {"Augeo Academy", "augeo.nl", "augeomagazine.nl"}), ("NJi", {"nji.nl"})):
        expected = {r.id for r in catalogue.resources if set(r.organisations) & (aliases | {name})}
        assert {r.id for r in catalogue.resources if name in r.organisation_groups} == expected


def test_themes_must_be_marked_editorial(tmp_path):
    path = variant(tmp_path, "    editorial: [type, themes]\n", "    editorial: [type]\n")
    message = problems(path)
    assert "themes: thema's kiest de redactie; de Infobox noemt ze niet" in message
    assert "editorial: [type, themes]" in message  # the tip says exactly what to write


def test_an_unknown_theme_is_refused(tmp_path):
    path = variant(tmp_path, "themes: [huiselijk-geweld, aanpak-en-herstel]", "themes: [huiselijkgeweld]")
    assert "huiselijkgeweld" in problems(path)


def test_an_infobox_entry_cannot_claim_a_date_of_adding(tmp_path):
    path = variant(tmp_path, "    provenance: infobox\n", "    provenance: infobox\n    added: 2026-11-01\n")
    assert "een hulpmiddel uit de Infobox heeft geen datum van toevoegen" in problems(path)


def test_an_organisation_name_belongs_to_one_organisation(tmp_path):
    path = variant(tmp_path, "    also: [nji.nl]\n", "    also: [nji.nl, movisie.nl]\n")
    assert "'movisie.nl' hoort al bij 'Movisie'" in problems(path)
    path = variant(tmp_path, "    also: [nji.nl]\n", "    also: [nji.nl, Movisie]\n")
    assert "'Movisie' is zelf al de naam van een organisatie" in problems(path)


def test_an_unused_organisation_name_is_only_a_warning(tmp_path):
    path = variant(tmp_path, "    also: [nji.nl]\n", "    also: [nji.nl, nji.org]\n")
    warnings = load_catalogue(path).warnings
    assert any("geen hulpmiddel heeft 'nji.org' als organisatie" in w.message for w in warnings)


def test_exports_carry_themes_and_groups_marked_editorial():
    catalogue = load_catalogue(REAL)
    data = catalogue_to_json(catalogue)
    by_id = {r["id"]: r for r in data["resources"]}
    website = by_id["movisie-ouderenmishandeling"]
    assert website["organisations"] == ["movisie.nl"] and website["organisation_groups"] == ["Movisie"]
    assert "organisation_groups" in website["editorial"] and "themes" in website["editorial"]
    assert "organisation_groups" not in by_id["multifocus"]["editorial"]  # "Movisie" needed no mapping
    assert data["themes"]["ouderenmishandeling"] == "Ouderenmishandeling"
    assert all(r["added"] is None for r in data["resources"])  # the Infobox's own entries
    json.dumps(data)
    rows = list(csv.DictReader(io.StringIO(catalogue_to_csv(catalogue))))
    row = next(r for r in rows if r["resource_id"] == "movisie-ouderenmishandeling")
    assert row["organisation"] == "movisie.nl" and row["organisation_group"] == "Movisie"
    assert row["themes"] == "ouderenmishandeling;signaleren;aanpak-en-herstel"
    assert "organisation_groups" in row["editorial"].split(";")
