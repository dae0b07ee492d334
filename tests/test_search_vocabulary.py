"""Search and filter vocabulary (issue 8): type groups, the synonym list and its validation, the hidden
keywords of the search index, and how the build rewrites Material's index."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from infobox.errors import CatalogueError
from infobox.site.search import RESOURCE_RESULT, extend_search_index
from infobox.site.search_keywords import KeywordMaker, compound_parts, letter_digit_parts
from infobox.synonyms import load_synonyms
from infobox.vocabulary import TYPE_GROUPS, TYPES, grouped_types, type_group


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
    ("text", "problem"),
    [
        ("- [training]\n", ":1: synoniemen[1]: moet een lijst van minstens twee woorden zijn"),
        ("- [training, cursus]\n- [Cursus, les]\n", ":2: synoniemen[2]: 'Cursus' is geen zoekwoord"),
        ("- [training, cursus]\n- [les, cursus]\n", ":2: synoniemen[2]: 'cursus' staat ook in groep 1"),
        ("training: cursus\n", ":1: synoniemen: moet een lijst van groepen zijn"),
    ],
)
def test_an_invalid_synonym_list_is_reported_with_its_line(tmp_path, text, problem):
    path = tmp_path / "synonyms.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError) as error:
        load_synonyms(path)
    assert problem in str(error.value)


VOCAB = frozenset({"verslaving", "problemen", "ouders", "ouderen", "mishandeling", "kind", "veiligheid", "domein"})


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("ouderenmishandeling", ["ouderen", "mishandeling"]),
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


def test_index_gets_one_entry_per_resource_and_hidden_keywords(tmp_path):
    (tmp_path / "search").mkdir()
    index = {
        "config": {"lang": ["nl"], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
        "docs": [
            {"location": "hulpmiddelen/", "title": "Alle hulpmiddelen", "text": "lijst"},
            {"location": "hulpmiddelen/#kindcheck", "title": "Kindcheck", "text": "<p>card text, buttons</p>"},
            {"location": "kwaliteitsstandaarden/3/#3a", "title": "3A", "text": "meldcode training"},
        ],
    }
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    resource = {
        "id": "kindcheck",
        "title": "Kindcheck <b>",
        "organisations": ["augeo.nl", "NJi"],
        "organisation_groups": ["Augeo", "NJi"],
        "type": "online cursus",
        "themes": ["melden"],
        "description": "Stap 1 van de meldcode & meer.",
    }
    catalogue = {"themes": {"melden": "Melden"}, "resources": [resource]}
    (tmp_path / "catalogue.json").write_text(json.dumps(catalogue), encoding="utf-8")

    path = extend_search_index(tmp_path, (("training", "cursus"),))
    first = path.read_text(encoding="utf-8")
    result = json.loads(first)
    card = result["docs"][1]
    assert card["location"] == RESOURCE_RESULT + "kindcheck" == "hulpmiddelen/?hulpmiddel=kindcheck"
    assert card["title"] == "Kindcheck &lt;b&gt;"
    assert card["text"] == "<p>augeo.nl en NJi · online cursus</p> <p>Stap 1 van de meldcode &amp; meer.</p>"
    # Hidden, never shown: the synonym, the organisation's one name (editorial) and the theme's label.
    assert card["keywords"] == "training augeo melden"
    assert result["docs"][2]["keywords"] == "cursus"
    assert "keywords" in result["config"]["fields"]
    assert result["config"]["infobox_resource_result"] == RESOURCE_RESULT
    extend_search_index(tmp_path, (("training", "cursus"),))  # mkdocs serve runs it again
    assert path.read_text(encoding="utf-8") == first


def test_an_invalid_synonym_list_stops_the_build_before_anything_is_written(tmp_path):
    hook_path = Path(__file__).resolve().parents[1] / "hooks" / "search_nl.py"
    spec = importlib.util.spec_from_file_location("search_nl_hook", hook_path)
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "synonyms.yaml").write_text("- [training, cursus]\n- [cursus, les]\n", encoding="utf-8")

    class Config:
        config_file_path = str(tmp_path / "mkdocs.yml")

    with pytest.raises(PluginError, match=r"synonyms.yaml:2: synoniemen\[2\]: 'cursus' staat ook in groep 1"):
        hook.on_config(Config())
