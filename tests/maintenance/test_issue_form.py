"""The committed issue form is what `python -m infobox issue-form` writes from the vocabulary and catalogue."""

from __future__ import annotations

import yaml

from infobox.catalogue import vocabulary
from infobox.catalogue.loader import load_catalogue
from infobox.cli import main
from infobox.maintenance import issue_form
from infobox.maintenance.issue_form import FIELDS, FORM_PATH, form_url, form_yaml, reference_options
from tests.support.paths import REPO

CATALOGUE = load_catalogue(REPO / "data" / "resources.yaml")


def test_the_committed_form_is_up_to_date():
    committed = (REPO / FORM_PATH).read_text(encoding="utf-8")
    assert committed == form_yaml(CATALOGUE), "run: .venv/bin/python -m infobox issue-form"


def test_the_staleness_check_can_fail_when_the_vocabulary_changes(monkeypatch):
    committed = (REPO / FORM_PATH).read_text(encoding="utf-8")
    monkeypatch.setattr(issue_form, "TYPES", (*vocabulary.TYPES, "podcast"))
    assert form_yaml(CATALOGUE) != committed
    monkeypatch.setattr(issue_form, "TYPES", vocabulary.TYPES)
    monkeypatch.setattr(issue_form, "AUDIENCES", vocabulary.AUDIENCES[:-1])
    assert form_yaml(CATALOGUE) != committed


def test_the_form_offers_the_catalogues_choices_with_unique_ids_and_labels():
    form = yaml.safe_load((REPO / FORM_PATH).read_text(encoding="utf-8"))
    fields = {e["id"]: e for e in form["body"] if e["type"] != "markdown"}
    assert [(f.id, f.label) for f in FIELDS] == [(i, e["attributes"]["label"]) for i, e in fields.items()]
    assert fields["soort"]["type"] == "dropdown" and fields["soort"]["attributes"]["options"] == list(vocabulary.TYPES)
    assert [o["label"] for o in fields["voor-wie"]["attributes"]["options"]] == list(vocabulary.AUDIENCES)
    references = [o["label"] for o in fields["standaarden"]["attributes"]["options"]]
    assert list(reference_options(CATALOGUE).values()) == list(CATALOGUE.references())
    assert references == list(reference_options(CATALOGUE)) and len(set(references)) == len(references)
    # The label that starts the workflow is a maintainer's to set, never the form's.
    assert form["labels"] == ["hulpmiddel-voorstel"] and "voorstel-verwerken" not in form["labels"]


def test_issue_form_command_writes_the_file(tmp_path, capsys):
    out = tmp_path / "form.yml"
    assert main(["issue-form", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == form_yaml(CATALOGUE)


def test_form_url_only_with_a_repository():
    assert (
        form_url("https://github.com/o/r/") == "https://github.com/o/r/issues/new?template=hulpmiddel-voorstellen.yml"
    )
    assert form_url("") == ""
