"""Characters nobody sees are refused in every text of the catalogue, by the one rule `propose` applies too."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infobox.catalogue.invisible_characters import invisible_character
from infobox.cli import main
from tests.support.minimal_catalogue import VALID
from tests.support.unicode_samples import INVISIBLE, code_point


def yaml_escape(char: str) -> str:
    return f"\\U{ord(char):08X}"


@pytest.mark.parametrize("char", INVISIBLE, ids=code_point)
def test_validate_refuses_an_invisible_character_in_a_text_at_its_line(tmp_path, capsys, char):
    path = tmp_path / "resources.yaml"
    path.write_text(VALID.replace("title: Kindcheck\n", f'title: "Kind{yaml_escape(char)}check"\n'), "utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    line = VALID.splitlines().index("    title: Kindcheck") + 1
    assert f"{path}:{line}: " in err and f"title: bevat een onzichtbaar teken: {code_point(char)}" in err
    assert "na 'Kind'" in err and "1 probleem gevonden" in err


def test_an_invisible_character_in_a_key_is_named_too(tmp_path, capsys):
    """Else the schema would call 'title\u200b' unknown, looking exactly like 'title'."""
    path = tmp_path / "resources.yaml"
    path.write_text(VALID.replace("    type: model\n", "    type\u200b: model\n    type: model\n"), "utf-8")
    assert main(["validate", str(path)]) == 1
    assert "de veldnaam bevat een onzichtbaar teken: U+200B ZERO WIDTH SPACE na 'type'" in capsys.readouterr().err


def test_ordinary_text_passes_the_rule():
    assert invisible_character("Kindcheck – één ‘zin’ met\u00a0harde spatie en een emoji ❤\ufe0f") is None
    assert invisible_character("regel\nregel\tkolom") is None


REFUSED = ("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp")


@settings(max_examples=300, deadline=None)
@given(st.characters(codec=None, categories=REFUSED, exclude_characters="\t\n"))
def test_every_character_of_a_refused_category_is_found(char):
    assert invisible_character(f"tekst {char} tekst") is not None


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=REFUSED), max_size=40))
def test_no_character_of_another_category_is(text):
    assert invisible_character(text) is None, [unicodedata.category(c) for c in text]
