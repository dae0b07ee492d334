"""Each class of invalid input yields its message on the right line, all at once, with no traceback."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import subprocess
import sys
from pathlib import Path

import pytest

from infobox.catalogue.loader import load_catalogue
from infobox.errors import CatalogueError, Problem
from tests.support.minimal_catalogue import B3, BAETEN, K0, K1, KINDCHECK, S0
from tests.support.paths import REPO, TEST_FIXTURES

FIXTURES = TEST_FIXTURES / "catalogues"
VALID = (FIXTURES / "valid-minimal.yaml").read_text(encoding="utf-8")

# A YAML error names the resource from its lines as written, title and all.
PYTHON_TAG = 'hulpmiddel "!!python/name:os.system" (kindcheck)'
ALIAS = 'hulpmiddel "*nergens" (kindcheck)'

# (case, old text, new text, expected line, expected field, part of the message)
# Line numbers refer to valid-minimal.yaml after the replacement; read them off that file.
CASES = [
    ("missing-field", "    organisation: Augeo\n", "", 19, K0 + "organisation", "ontbreekt"),
    (
        "unknown-field",
        "    organisation: Augeo\n",
        "    organization: Augeo\n",
        22,
        K0 + "organization",
        "geen bekend veld",
    ),
    ("type-not-in-vocabulary", "type: website", "type: blog", 23, K0 + "type", "geen toegestane waarde"),
    (
        "audience-not-in-vocabulary",
        "[professionals, jeugd]",
        "[professionals, kinderen]",
        24,
        K0 + "audience[1]",
        "geen toegestane waarde",
    ),
    (
        "duplicate-resource-id",
        "id: baeten-model",
        "id: kindcheck",
        31,
        'hulpmiddel "Samen werken aan Veiligheid en Herstel" (kindcheck) › id',
        "al door een ander",
    ),
    ("unknown-item-reference", '["3A", "3B"]', '["3A", "3C"]', 25, K0 + "standards[1]", "bestaat niet"),
    (
        "unknown-standard-reference",
        'standards: ["1"]',
        'standards: ["7"]',
        36,
        K1 + "standards[0]",
        "bestaat niet",
    ),
    (
        "malformed-reference",
        '["3A", "3B"]',
        '["3A", "drie"]',
        25,
        K0 + "standards[1]",
        "geen kwaliteitsstandaard of onderdeel",
    ),
    ("reference-with-space", '["3A", "3B"]', '["3A", "3 B"]', 25, K0 + "standards[1]", "bevat spaties"),
    ("unknown-see-also", 'see_also: ["1"]', 'see_also: ["4"]', 17, B3 + "see_also[0]", "bestaat niet"),
    (
        "javascript-url",
        "https://www.augeo.nl/nl-nl/kindcheck",
        "javascript:alert(1)",
        28,
        K0 + "links[0].url",
        "http:// of https://",
    ),
    (
        "relative-url",
        "https://www.augeo.nl/nl-nl/kindcheck",
        "/nl-nl/kindcheck",
        28,
        K0 + "links[0].url",
        "http:// of https://",
    ),
    (
        "ftp-url",
        "https://www.augeo.nl/nl-nl/kindcheck",
        "ftp://www.augeo.nl/kindcheck",
        28,
        K0 + "links[0].url",
        "http:// of https://",
    ),
    (
        "url-with-space",
        "https://www.augeo.nl/nl-nl/kindcheck",
        "https://www.augeo.nl/nl-nl/kind check",
        28,
        K0 + "links[0].url",
        "spatie",
    ),
    (
        "url-bad-port",
        "https://www.augeo.nl/nl-nl/kindcheck",
        "https://www.augeo.nl:abc/kindcheck",
        28,
        K0 + "links[0].url",
        "geen geldig webadres",
    ),
    (
        "url-without-domain",
        "https://www.augeo.nl/nl-nl/kindcheck",
        "https://augeo/kindcheck",
        28,
        K0 + "links[0].url",
        "geen geldige domeinnaam",
    ),
    (
        "duplicate-link",
        "        label: Kindcheck op augeo.nl\n",
        "        label: Kindcheck op augeo.nl\n"
        "      - url: https://www.augeo.nl/nl-nl/kindcheck\n"
        "        label: Nog eens\n",
        30,
        K0 + "links[1].url",
        "al eerder",
    ),
    (
        "duplicate-yaml-key",
        "    title: Kindcheck\n",
        "    title: Kindcheck\n    title: Kindcheck 2\n",
        21,
        K0 + "title",
        "dubbel",
    ),
    ("number-instead-of-text", 'id: "1"', "id: 1", 6, S0 + "id", "moet tekst zijn"),
    ("invalid-date", "reviewed: 2025-06-01", "reviewed: 2025-13-01", 26, K0 + "reviewed", "geen geldige datum"),
    (
        "empty-description",
        "    description: De Kindcheck is onderdeel van stap 1 van de meldcode.\n",
        '    description: " "\n',
        21,
        K0 + "description",
        "is leeg",
    ),
    ("yaml-syntax", '["3A", "3B"]', '["3A", "3B"', 25, KINDCHECK, "niet afgesloten met ]"),
    ("duplicate-standard", 'id: "3"', 'id: "1"', 9, "kwaliteitsstandaard 1 › id", "twee keer"),
    ("two-documents", "    links: []\n", "    links: []\n---\nsource: {}\n", 39, BAETEN, "één document"),
    ("python-tag", "    title: Kindcheck\n", "    title: !!python/name:os.system\n", 20, PYTHON_TAG, "onbekend type"),
    ("alias", "    title: Kindcheck\n", "    title: *nergens\n", 20, ALIAS, "verwijzingen (*)"),
    ("mapping-as-key", "    title: Kindcheck\n", "    ? {a: 1}\n    : x\n", 20, "hulpmiddel kindcheck", "gewone tekst"),
]


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "resources.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    return caught.value.problems


def test_valid_fixture_loads():
    catalogue = load_catalogue(FIXTURES / "valid-minimal.yaml", today=dt.date(2026, 1, 1))
    assert [r.id for r in catalogue.resources] == ["kindcheck", "baeten-model"]
    assert catalogue.resources_for("3A")[0].links[0].url == "https://www.augeo.nl/nl-nl/kindcheck"
    assert catalogue.standard("3").items[1].see_also == ("1",)
    assert catalogue.resource("kindcheck").reviewed == dt.date(2025, 6, 1)


@pytest.mark.parametrize(("case", "old", "new", "line", "field", "message"), CASES, ids=[c[0] for c in CASES])
def test_invalid_input_is_reported_on_its_line(tmp_path, case, old, new, line, field, message):
    assert old in VALID, f"fixture changed; case {case} no longer applies"
    path = write(tmp_path, VALID.replace(old, new, 1))
    problems = problems_of(path)
    assert any(p.line == line and p.field == field and message in p.message for p in problems), [
        str(p) for p in problems
    ]
    assert all(str(p).startswith(f"{path}:") for p in problems)


def test_non_utf8_is_rejected_with_its_line(tmp_path):
    raw = VALID.replace("Kindcheck is onderdeel", "Kindcheck is \u00e9\u00e9n onderdeel").encode("latin-1")
    (problem,) = problems_of(write(tmp_path, raw))
    assert (problem.line, problem.field) == (21, "bestand")
    assert "UTF-8" in problem.message


def test_all_problems_are_reported_in_one_run(tmp_path):
    text = VALID.replace("type: website", "type: blog").replace("https://www.augeo.nl/nl-nl/kindcheck", "javascript:x")
    text = text.replace("    organisation: Paul Baeten\n", "")
    problems = problems_of(write(tmp_path, text))
    assert [(p.line, p.field) for p in problems] == [
        (23, K0 + "type"),
        (28, K0 + "links[0].url"),
        (31, K1 + "organisation"),
    ]


def test_anchors_and_aliases_are_refused_on_the_line_of_the_first(tmp_path):
    text = VALID.replace("    title: Kindcheck\n", "    title: &titel Kindcheck\n")
    text = text.replace("    title: Samen werken aan Veiligheid en Herstel\n", "    title: *titel\n")
    (problem,) = problems_of(write(tmp_path, text))
    assert (problem.line, problem.field) == (20, 'hulpmiddel "&titel Kindcheck" (kindcheck)')
    assert problem.message == "&titel: ankers (&) en verwijzingen (*) zijn in dit bestand niet toegestaan"
    assert "schrijf de waarde zelf uit" in problem.hint


def test_empty_file(tmp_path):
    (problem,) = problems_of(write(tmp_path, "# niets\n"))
    assert problem.message == "is leeg"


def test_stale_entries_are_warnings_not_errors():
    catalogue = load_catalogue(FIXTURES / "valid-minimal.yaml", today=dt.date(2027, 6, 2))
    assert len(catalogue.warnings) == 2
    assert all("meer dan 2 jaar geleden" in w.message for w in catalogue.warnings)
    # 2025-12-01: only the entry checked on 2019-01-01 is more than two years old
    fresh = load_catalogue(FIXTURES / "valid-minimal.yaml", today=dt.date(2025, 12, 1))
    assert len(fresh.warnings) == 1 and "2019-01-01" in fresh.warnings[0].message


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "infobox", *args], capture_output=True, text=True, cwd=REPO, timeout=60
    )


def test_validate_command_reports_and_exits_1(tmp_path):
    path = write(tmp_path, VALID.replace("type: website", "type: blog").replace('id: "1"', "id: 1"))
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == f"{path}:6: {S0}id: moet tekst zijn, niet 1"
    assert lines[1] == '    tip: zet de waarde tussen aanhalingstekens: "1"'
    assert lines[2].startswith(f"{path}:23: {K0}type: 'blog' is geen toegestane waarde")
    assert lines[-1] == "2 problemen gevonden."


def test_validate_command_passes_with_warnings(tmp_path):
    path = FIXTURES / "valid-minimal.yaml"
    result = run_cli("validate", str(path))
    assert result.returncode == 0, result.stderr
    # How many depends on today's date (review age); that they come as one line does not.
    assert re.fullmatch(
        rf"\d+ waarschuwing(en)?; bekijk ze met: python -m infobox validate --details {re.escape(str(path))}\n",
        result.stderr,
    ), result.stderr
    assert "2 hulpmiddelen, 1 links" in result.stdout
    details = run_cli("validate", "--details", str(path))
    assert details.returncode == 0
    assert f"waarschuwing: {path}:37: {K1}reviewed: laatst" in details.stderr


def test_missing_file_is_a_clear_error(tmp_path):
    result = run_cli("validate", str(tmp_path / "bestaat-niet.yaml"))
    assert result.returncode == 1
    assert "kan niet worden gelezen" in result.stderr and "Traceback" not in result.stderr


def test_label_that_names_the_file_type_is_flagged(tmp_path):
    text = VALID.replace("https://www.augeo.nl/nl-nl/kindcheck", "https://www.augeo.nl/kindcheck.pdf")
    text = text.replace("label: Kindcheck op augeo.nl", "label: Kindcheck (PDF, Augeo)")
    text = text.replace("reviewed: 2019-01-01", "reviewed: 2025-01-01")
    catalogue = load_catalogue(write(tmp_path, text), today=dt.date(2025, 6, 2))  # no review is due yet
    assert catalogue.warnings == (
        Problem(
            str(tmp_path / "resources.yaml"),
            29,
            f"{K0}links[0].label",
            "'Kindcheck (PDF, Augeo)' noemt het bestandstype al; de site zet er zelf '(PDF)' achter",
            "haal 'PDF' uit het label",
        ),
    )


def test_validate_on_the_real_catalogue_prints_at_most_one_warning_line():
    result = run_cli("validate")
    assert result.returncode == 0, result.stderr
    assert len(result.stderr.splitlines()) <= 1
    assert result.stdout.startswith("data/resources.yaml: in orde")


def test_nothing_written_is_said_only_where_something_would_be_written(tmp_path):
    path = write(tmp_path, VALID.replace("type: website", "type: blog"))
    out = tmp_path / "export.csv"
    export = run_cli("export", "--format", "csv", "--catalogue", str(path), "--out", str(out))
    assert export.returncode == 1 and not out.exists()
    assert export.stderr.splitlines()[-1] == "1 probleem gevonden; er is niets geschreven."
    validate = run_cli("validate", str(path))
    assert validate.stderr.splitlines()[-1] == "1 probleem gevonden."


SHAPES = ["[]", "{}", "", "1", "[[1]]", "{a: 1}", "[1, 2]", "[{x: 1}]", "[3, '3']"]


def test_a_wrong_shape_anywhere_is_reported_not_a_crash(tmp_path):
    """Reference and link checks run alongside the schema, so they must survive any structure."""
    lines = VALID.splitlines()
    fields = [(i, m[1]) for i, line in enumerate(lines) if (m := re.match(r"^(\s*(?:- )?[\w-]+:)", line))]
    for (i, key), shape in itertools.product(fields, SHAPES):
        edited = [*lines[:i], f"{key} {shape}", *lines[i + 1 :]]
        path = write(tmp_path, "\n".join(edited) + "\n")
        try:
            load_catalogue(path, today=dt.date(2020, 1, 1))
        except CatalogueError as error:
            assert all(p.line >= 1 and "None" not in p.message for p in error.problems), (key, shape)
