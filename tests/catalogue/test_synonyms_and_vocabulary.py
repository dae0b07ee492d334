"""Search and filter vocabulary (issue 8): type groups, the synonym list and the word forms (issue 32) and their
validation, the hidden keywords of the search index, the search data the build writes
(infobox.site.search_index), and the list of stemmer candidates (scripts/stem_collisions.py)."""

from __future__ import annotations

import json

import pytest

from infobox.catalogue.loader import load_catalogue
from infobox.catalogue.synonyms import load_synonyms
from infobox.catalogue.vocabulary import THEMES, TYPE_GROUPS, TYPES, grouped_types, type_group
from infobox.catalogue.word_forms import load_word_forms
from infobox.errors import CatalogueError
from infobox.site.generate import SiteInputError, load_site_synonyms, load_site_word_forms
from infobox.site.search_index import search_index_json
from infobox.site.search_keywords import KeywordMaker, compound_parts, letter_digit_parts
from scripts.stem_collisions import candidates, load_decisions
from tests.support.paths import TEST_FIXTURES


def test_every_type_belongs_to_exactly_one_group():
    for type_ in TYPES:
        groups = [key for key, (_label, members) in TYPE_GROUPS.items() if type_ in members]
        assert len(groups) == 1, f"type {type_!r} is in groups {groups}; add it to one group in TYPE_GROUPS"


def test_training_group_holds_the_courses():
    assert {"training", "online cursus"} <= set(TYPE_GROUPS["training"][1])
    assert type_group("online cursus") == "training"


def test_grouped_types_keeps_an_unknown_type_as_its_own_group():
    choices = grouped_types(["online cursus", "training", "website", "podcast"])
    assert choices == [
        ("training", "Training of cursus", ("training", "online cursus")),
        ("informatie", "Informatie en achtergrond", ("website",)),
        ("podcast", "podcast", ("podcast",)),
    ]


def test_the_maintained_synonym_list_is_valid():
    groups = load_synonyms()
    assert ("lvb", "licht verstandelijke beperking") in groups
    assert any({"training", "cursus", "scholing", "e-learning"} <= set(group) for group in groups)


@pytest.mark.parametrize(
    ("load", "text", "problem"),
    [
        (load_synonyms, "- [training]\n", ":1: synoniemen[1]: moet een lijst van minstens twee woorden zijn"),
        (load_synonyms, "- [training, cursus]\n- [Cursus, les]\n", ":2: synoniemen[2]: 'Cursus' is geen zoekwoord"),
        (load_synonyms, "- [training, cursus]\n- [les, cursus]\n", ":2: synoniemen[2]: 'cursus' staat ook in groep 1"),
        (load_synonyms, "training: cursus\n", ":1: synoniemen: moet een lijst van groepen zijn"),
        (load_word_forms, "- [Ouders]\n", ":1: woordvormen[1]: 'Ouders' is geen woordvorm"),
        (load_word_forms, "- [praten met]\n", ":1: woordvormen[1]: 'praten met' is geen woordvorm"),
        (load_word_forms, "- [ouder, ouders]\n- [ouders]\n", ":2: woordvormen[2]: 'ouders' staat ook in groep 1"),
        (load_word_forms, "- []\n", ":1: woordvormen[1]: moet een lijst van minstens één woord zijn"),
        (load_word_forms, "ouder: ouders\n", ":1: woordvormen: moet een lijst van groepen zijn"),
    ],
)
def test_an_invalid_synonym_or_word_form_list_is_reported_with_its_line(tmp_path, load, text, problem):
    path = tmp_path / "words.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError) as error:
        load(path)
    assert problem in str(error.value)


VOCAB = frozenset(
    {"verslaving", "problemen", "ouder", "ouders", "ouderen", "mishandeling", "kind", "veiligheid", "domein"}
    | {"kennis", "centrum"}
)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("ouderenmishandeling", ["ouderen", "mishandeling"]),  # not "ouder" (parent) with a linking -en-
        ("kenniscentrum", ["kennis", "centrum"]),  # not "kenni" with a linking -s-
        ("kindermishandeling", ["kind", "mishandeling"]),  # linking -er-
        ("veiligheidsdomein", ["veiligheid", "domein"]),  # linking -s-
        ("verslavingsproblemen", ["verslaving", "problemen"]),
        ("signaleren", []),
    ],
)
def test_compound_parts(word, parts):
    assert compound_parts(word, VOCAB) == parts


def test_letter_digit_parts():
    assert letter_digit_parts("1gezin1plan1regisseur") == ["gezin", "plan", "regisseur"]
    assert letter_digit_parts("meldcode") == []


def test_keywords_add_parts_and_synonyms_but_not_the_words_already_there():
    maker = KeywordMaker(["problemen van ouders", "verslaving"], (("training", "cursus", "e-learning"),))
    assert maker.keywords("<p>Een online cursus over verslavingsproblemen</p>").split() == [
        "verslaving",
        "problemen",
        "training",
        "e-learning",
    ]
    assert maker.keywords("Trainingen en een e-learning") == "cursus"


FIXTURE = TEST_FIXTURES / "catalogues" / "valid-minimal.yaml"
PAGES = {
    "over.md": "---\ntitle: Over\n---\n\n# Over deze site\n\nIntro.\n\n## Wie maakt hem? {#makers}\n\nHet programma.\n",
    "afdrukken.md": "---\nsearch:\n  exclude: true\n---\n\n# Alles\n\nDe hele infobox.\n",
    "hulpmiddelen/index.md": (
        "# Alle hulpmiddelen\n\nLijst.\n\n"
        '<article class="ib-card"><h3 id="kindcheck">Kindcheck</h3><p>kaarttekst</p></article>\n\n'
        '<form id="ib-filters" data-search-exclude><label>Filter soort</label></form>\n\n'
        "## Nog een kop\n\nMet <b>tekst</b> &amp; meer.\n"
    ),
    "catalogue.json": "{}",
}


def test_search_data_has_one_entry_per_resource_and_the_sections_of_pages():
    catalogue = load_catalogue(FIXTURE)
    data = json.loads(search_index_json(catalogue, PAGES, (("model", "voorbeeld"),)))
    docs = {doc["url"]: doc for doc in data["docs"]}
    card = docs["hulpmiddelen/kindcheck/"]
    assert card["title"] == "Kindcheck"
    assert card["meta"] == "Augeo · website"
    assert card["text"] == "De Kindcheck is onderdeel van stap 1 van de meldcode."
    assert card["resource"] == 1
    assert docs["hulpmiddelen/baeten-model/"]["keywords"] == "voorbeeld"  # synonym of "model"
    assert docs["over/"]["title"] == "Over deze site"
    assert docs["over/#makers"] == {
        "url": "over/#makers",
        "title": "Wie maakt hem?",
        "meta": "Over",
        "text": "Het programma.",
    }
    # Cards are indexed once, from the catalogue; excluded parts and pages and non-pages stay out.
    assert docs["hulpmiddelen/"]["text"] == "Lijst."
    assert docs["hulpmiddelen/#nog-een-kop"]["text"] == "Met tekst & meer."
    assert not [url for url in docs if url.startswith(("afdrukken", "catalogue"))]
    assert "kaarttekst" not in json.dumps(data) and "Filter soort" not in json.dumps(data)
    assert [url for url in docs if "kindcheck" in url] == ["hulpmiddelen/kindcheck/"]


@pytest.mark.parametrize(
    ("load", "name", "text", "problem"),
    [
        (load_site_synonyms, "synonyms.yaml", "- [training, cursus]\n- [cursus, les]\n", "synoniemenlijst is ongeldig"),
        (load_site_word_forms, "word-forms.yaml", "- [ouder, ouders]\n- [Ouderen]\n", "woordvormen is ongeldig"),
    ],
)
def test_an_invalid_word_list_stops_the_build_and_a_missing_one_means_none(tmp_path, load, name, text, problem):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SiteInputError, match=rf"{problem}:\n.*{name}:2: "):
        load(path)
    assert load(tmp_path / "missing.yaml") == ()


def test_a_resource_is_found_by_its_themes_and_its_organisations_one_name():
    catalogue = load_catalogue()
    resource = next(r for r in catalogue.resources if r.grouped_editorially and r.themes)
    docs = json.loads(search_index_json(catalogue, {}))["docs"]
    entry = next(doc for doc in docs if doc["url"] == f"hulpmiddelen/{resource.id}/")
    keywords = entry["keywords"].split()
    for name in set(resource.organisation_groups) - set(resource.organisations):
        assert set(name.lower().split()) <= set(keywords), (name, keywords)
    for theme in resource.themes:
        assert set(THEMES[theme].lower().split()) <= set(keywords), (theme, keywords)
    # Shown: the Infobox's own names, never the editors' grouping.
    assert entry["meta"] == f"{resource.organisation_names} · {resource.type}"


def test_the_maintained_word_forms_keep_parents_and_older_people_apart():
    groups = load_word_forms()
    assert ("ouder", "ouders") in groups
    assert ("oudere", "ouderen") in groups
    assert ("kind", "kinderen") in groups


def test_the_search_data_carries_the_word_forms():
    catalogue = load_catalogue(FIXTURE)
    data = json.loads(search_index_json(catalogue, {}, (), (("ouder", "ouders"), ("oudere", "ouderen"))))
    assert data["version"] == 2
    assert data["forms"] == [["ouder", "ouders"], ["oudere", "ouderen"]]


TEXTS = ["Praten met ouders en ouderen", "Aanpak ouderenmishandeling", "Overleg met de overheid", "Een kind"]


def test_stem_collisions_lists_words_of_one_stem_what_a_stem_reaches_and_forms_not_joined():
    found = candidates(TEXTS, ["gesprek met kinderen"], ())
    assert found["same-stem"]["ouder"] == ["ouderen", "ouders"]
    assert found["reached"]["overheid"] == ["overleg"]  # Snowball's stem of "overheid" is "over"
    assert found["reached"]["ouders"] == ["ouderenmishandeling"]
    assert found["not-joined"]["kind kinderen"] == ["kind", "kinderen"]


def test_word_forms_decide_the_stem_collisions():
    forms = (("ouder", "ouders"), ("oudere", "ouderen"), ("overheid",), ("kind", "kinderen"))
    found = candidates(TEXTS, ["gesprek met kinderen"], forms)
    assert found == {"same-stem": {}, "reached": {}, "not-joined": {}}


def test_the_recorded_stem_decisions_name_a_reason_for_each_key():
    decisions = load_decisions()
    assert decisions["same-stem"]["handreik"].startswith("forms of one word")
    assert all(why and key for kind in decisions.values() for key, why in kind.items())
