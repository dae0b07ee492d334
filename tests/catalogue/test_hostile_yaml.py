"""A catalogue or synonym file cannot make the loader explode (issue 22): every input is bounded in size,
depth and work, and every problem is a Dutch FILE:LINE message whose quoted values stay readable."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from infobox.catalogue import yaml_source
from infobox.catalogue.loader import load_catalogue
from infobox.catalogue.synonyms import load_synonyms
from infobox.errors import CatalogueError
from tests.support.paths import REPO

VALID = (REPO / "tests" / "fixtures" / "catalogues" / "valid-minimal.yaml").read_text(encoding="utf-8")
LAUGHS = (REPO / "tests" / "fixtures" / "billion-laughs.yaml").read_text(encoding="utf-8")
MEMORY_LIMIT = 1024**3  # address space of the validate run: a parse that expands aliases dies on it


def problems_of(path: Path) -> list:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    return caught.value.problems


def write(tmp_path: Path, text: str, name: str = "resources.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_billion_laughs_after_the_real_catalogue_is_refused_unexpanded(tmp_path):
    real = (REPO / "data" / "resources.yaml").read_text(encoding="utf-8")
    path = write(tmp_path, real + LAUGHS)
    first_anchor = len(real.splitlines()) + next(i for i, line in enumerate(LAUGHS.splitlines(), 1) if "&l0" in line)
    result = subprocess.run(
        [sys.executable, "-m", "infobox", "validate", str(path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT)),
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        # Named from the lines as written: the resource's title is the alias itself.
        f'{path}:{first_anchor}: hulpmiddel "*l8" (lachen): '
        "&l0: ankers (&) en verwijzingen (*) zijn in dit bestand niet toegestaan",
        "    tip: schrijf de waarde zelf uit; een & of * aan het begin van een tekst zet u tussen aanhalingstekens",
        "1 probleem gevonden.",
    ]
    # Refused while parsing: the checks that walk the data never saw it.
    assert not yaml_source.read_yaml(path).complete


def test_the_synonym_list_refuses_aliases_too(tmp_path):
    path = write(tmp_path, "- &t [training, cursus]\n- *t\n", "synonyms.yaml")
    with pytest.raises(CatalogueError) as caught:
        load_synonyms(path)
    assert [(p.line, p.field) for p in caught.value.problems] == [(1, "yaml")]


def test_a_file_over_the_size_limit_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(yaml_source, "MAX_FILE_BYTES", 2 * 1024 * 1024)
    path = write(tmp_path, VALID + "# " + "x" * (2 * 1024 * 1024) + "\n")
    (problem,) = problems_of(path)
    assert str(problem) == f"{path}:1: bestand: is groter dan 2 MB, de grens voor dit bestand"


def test_nesting_deeper_than_the_limit_is_refused_before_any_check(tmp_path):
    # 100,000 levels: deep enough to overflow every recursive check of the data if it got that far.
    doc = yaml_source.read_yaml(write(tmp_path, "source: " + "[" * 100_000 + "]" * 100_000 + "\n"))
    assert not doc.complete
    (problem,) = doc.problems
    assert (problem.line, problem.field) == (1, "yaml")
    assert problem.message == f"is meer dan {yaml_source.MAX_DEPTH} niveaus diep ingesprongen of genest"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("9" * 5000, "99' is geen geheel getal dat Python kan lezen (hoogstens 4.300 cijfers)"),  # cut: '999…999'
        ("!!bool misschien", "'misschien' is geen ja/nee-waarde (true of false)"),
        ("!!int abc", "'abc' is geen geheel getal"),
        ("!!timestamp morgen", "onbekend type tag:yaml.org,2002:timestamp"),
        ("!!binary AAAA", "onbekend type tag:yaml.org,2002:binary"),
        ("!!set x", "onbekend type tag:yaml.org,2002:set"),
    ],
)
def test_a_value_python_cannot_build_is_a_problem_not_a_crash(tmp_path, value, message):
    (problem,) = problems_of(write(tmp_path, VALID.replace("    title: Kindcheck\n", f"    title: {value}\n")))
    assert problem.line == 20 and problem.field.endswith("(kindcheck)")  # the resource, named as written
    assert message in problem.message and len(problem.message) < 200


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("type: website", "type: {long}"),  # quoted as a wrong choice
        ("https://www.augeo.nl/nl-nl/kindcheck", "https://{long}"),  # quoted as a wrong address
        ("    organisation: Augeo\n", "    organisation: Augeo\n    ? {long}\n    : x\n"),  # a long unknown field name
        ('standards: ["3A", "3B"]', 'standards: ["{long}"]'),  # a wrong reference
    ],
)
def test_a_quoted_value_is_cut_to_a_readable_length(tmp_path, old, new):
    assert old in VALID
    long = "x" * 100_000
    problems = problems_of(write(tmp_path, VALID.replace(old, new.format(long=long))))
    assert problems
    for problem in problems:
        assert len(str(problem)) < len(str(tmp_path)) + 400, str(problem)[:1000]
