"""Property-based tests of the catalogue loader (issue 22): whatever file a maintainer or an attacker saves,
`load_catalogue` returns a Catalogue or raises CatalogueError with FILE:LINE problems — never another
exception — and what it reports stays proportional to what it read.

Bounded, not timed: a few hundred small examples per property, no deadline (machines are shared).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from infobox.catalogue.loader import load_catalogue
from infobox.catalogue.model import Catalogue
from infobox.errors import CatalogueError
from tests.support.paths import TEST_FIXTURES

VALID = (TEST_FIXTURES / "catalogues" / "valid-minimal.yaml").read_text(encoding="utf-8")
LINES = VALID.splitlines()
FIELD_LINES = [i for i, line in enumerate(LINES) if ":" in line and not line.lstrip().startswith("#")]

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Characters that mean something to YAML, so generated text reaches deep into the parser and the checks.
YAML_SIGNS = list("ab09 -:[]{},#&*!|>'\"\n\t%@`?~.\\é€😀")
YAML_TYPES = [f"!!{name} " for name in ("str", "int", "float", "bool", "null", "binary", "timestamp", "set", "omap")]
YAML_TEXT = st.lists(st.sampled_from(YAML_SIGNS + YAML_TYPES) | st.characters(), max_size=150).map("".join)
# Any value YAML can hold: what a field may be set to by mistake.
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)


def check(content: str | bytes) -> None:
    """Load `content` as a catalogue file: a Catalogue or well-formed problems, in proportion to the input."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "resources.yaml"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", errors="surrogatepass")
        try:
            catalogue = load_catalogue(path)
        except CatalogueError as error:
            assert error.problems
            size = path.stat().st_size
            for problem in error.problems:
                assert str(problem).startswith(f"{path}:{problem.line}: ")
                assert problem.message.strip()
                # Quoted values are cut: a problem is a readable line or two, however long the input.
                assert len(str(problem)) < len(str(path)) + 600, str(problem)[:300]
            assert len(error.problems) <= 2 * size + 10
        else:
            assert isinstance(catalogue, Catalogue)


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes(content):
    check(content)


@SETTINGS
@given(YAML_TEXT)
def test_any_text(text):
    check(text)


@SETTINGS
@given(st.sampled_from(range(len(LINES))), YAML_TEXT)
@example(index=2, text="-")  # `source:` as a list crashed the check of its `updated:` date
def test_the_valid_catalogue_with_one_line_replaced(index, text):
    check("\n".join([*LINES[:index], text, *LINES[index + 1 :]]) + "\n")


def dumped(value) -> str:
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6).strip()
    return text.removesuffix("\n...").removesuffix("...").strip()


# What a field may be set to: any value YAML can hold, a long text, or a value with an explicit type.
FIELD_VALUES = st.one_of(
    VALUES.map(dumped),
    st.text(min_size=700, max_size=1500).map(dumped),
    st.tuples(st.sampled_from(YAML_TYPES), st.text(alphabet=st.characters(exclude_characters="\n\r"), max_size=30)).map(
        "".join
    ),
)


@SETTINGS
@given(st.sampled_from(FIELD_LINES), FIELD_VALUES)
# `organisation:` (text or a list of texts) as a list holding a number and a long text: the schema's English
# message quoted the whole value.
@example(index=LINES.index("    organisation: Paul Baeten"), value=f'[1, "{"x" * 700}"]')
def test_the_valid_catalogue_with_one_field_set_to_any_value(index, value):
    line = LINES[index]
    key = line[: line.index(":") + 1]
    check("\n".join([*LINES[:index], f"{key} {value}", *LINES[index + 1 :]]) + "\n")


PARTS = list(yaml.safe_load(VALID)) + ["removed", "organisations"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PARTS), VALUES)
def test_the_valid_catalogue_with_a_whole_part_of_any_value(part, value):
    """`source: []`, `removed: 3`: a whole part of the wrong kind, which no one-line edit above makes."""
    data = yaml.safe_load(VALID)
    data[part] = value
    check(yaml.safe_dump(data, allow_unicode=True))
