"""The mistakes a maintainer makes editing the catalogue by hand, each with the exact Dutch message.

Every case changes the small valid fixture in one place, as a person would in an editor, and runs
`python -m infobox validate` (in-process): exit 1, the mistake's own line, field, message and hint. The
last tests make several mistakes at once and expect every one of them in a single run.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from infobox.cli import main
from tests.support.minimal_catalogue import B3, BAETEN, K0, K1, KINDCHECK, S0
from tests.support.paths import REPO, TEST_FIXTURES

FIXTURE = TEST_FIXTURES / "catalogues" / "valid-minimal.yaml"
VALID = FIXTURE.read_text(encoding="utf-8")

UNCLOSED = "het aanhalingsteken aan het begin van deze tekst wordt niet afgesloten"
UNCLOSED_TIP = "zet aan het eind van de tekst hetzelfde aanhalingsteken als aan het begin"
AFTER_QUOTE = "na het sluitende aanhalingsteken staat nog tekst; een aanhalingsteken binnen de tekst sluit de tekst af"
INNER_QUOTE_TIP = (
    "schrijf een \" binnen \"…\" als \\\", of zet de tekst tussen '…'; een apostrof binnen '…' schrijft u dubbel: ''"
)
DATE_TIP = "schrijf jaar-maand-dag (JJJJ-MM-DD), bijvoorbeeld "

# (case, old text, new text, line, field, message, hint). Lines are those of valid-minimal.yaml after the edit.
MISTAKES = [
    (
        "indented-too-far",
        "    organisation: Augeo\n",
        "      organisation: Augeo\n",
        22,
        KINDCHECK,
        "deze regel is verder ingesprongen dan de regel erboven: 'organisation:' staat op 6 spaties, "
        "'description:' op regel 21 op 4",
        "zet 'organisation:' 4 spaties in, even ver als 'description:' op regel 21",
    ),
    (
        "indented-too-little",
        "    organisation: Augeo\n",
        "   organisation: Augeo\n",
        22,
        KINDCHECK,
        "deze regel is minder ver ingesprongen dan de regel erboven: 'organisation:' staat op 3 spaties, "
        "'description:' op regel 21 op 4",
        "zet 'organisation:' 4 spaties in, even ver als 'description:' op regel 21",
    ),
    (
        "label-indented-too-little",
        "        label: Kindcheck op augeo.nl\n",
        "      label: Kindcheck op augeo.nl\n",
        29,
        KINDCHECK,
        "deze regel is minder ver ingesprongen dan de regel erboven: 'label:' staat op 6 spaties, "
        "'url:' op regel 28 op 8",
        "zet 'label:' 8 spaties in, even ver als 'url:' op regel 28",
    ),
    (
        "missing-colon",
        "    organisation: Augeo\n",
        "    organisation Augeo\n",
        22,
        KINDCHECK,
        "na de veldnaam ontbreekt de dubbele punt (of de spatie erachter)",
        "schrijf: organisation: Augeo",
    ),
    (
        "missing-space-after-colon",
        "    organisation: Augeo\n",
        "    organisation:Augeo\n",
        22,
        KINDCHECK,
        "na de veldnaam ontbreekt de dubbele punt (of de spatie erachter)",
        "schrijf: organisation: Augeo",
    ),
    (
        "colon-in-text",
        "    title: Kindcheck\n",
        "    title: Kindcheck: de basis\n",
        20,
        'hulpmiddel "Kindcheck: de basis" (kindcheck)',
        "de tekst bevat een dubbele punt, die YAML voor een nieuw veld aanziet",
        'zet de tekst tussen aanhalingstekens: title: "Kindcheck: de basis"',
    ),
    (
        "unclosed-double-quote",
        "    description: Model samenwerkingsafspraken.\n",
        '    description: "Model samenwerkingsafspraken.\n',
        33,
        BAETEN,
        UNCLOSED,
        UNCLOSED_TIP,
    ),
    (
        "unclosed-single-quote",
        "    description: Model samenwerkingsafspraken.\n",
        "    description: 'Model samenwerkingsafspraken.\n",
        33,
        BAETEN,
        UNCLOSED,
        UNCLOSED_TIP,
    ),
    (
        "quote-inside-quoted-text",
        "    description: Model samenwerkingsafspraken.\n",
        '    description: "Model voor "samenwerking"."\n',
        33,
        BAETEN,
        AFTER_QUOTE,
        INNER_QUOTE_TIP,
    ),
    (
        "apostrophe-inside-single-quotes",
        "    description: Model samenwerkingsafspraken.\n",
        "    description: 'Model van 't wijkteam'\n",
        33,
        BAETEN,
        AFTER_QUOTE,
        INNER_QUOTE_TIP,
    ),
    (
        "tab-indentation",
        "    organisation: Augeo\n",
        "\torganisation: Augeo\n",
        22,
        KINDCHECK,
        "bevat een tab; YAML accepteert alleen spaties om in te springen",
        "vervang de tab door spaties",
    ),
    (
        "dash-without-space",
        "  - id: baeten-model\n",
        "  -id: baeten-model\n",
        31,
        BAETEN,
        "na het streepje ontbreekt een spatie",
        "schrijf '- id: …' met een spatie na het streepje",
    ),
    (
        "duplicate-key",
        "    title: Kindcheck\n",
        "    title: Kindcheck\n    title: De Kindcheck\n",
        21,
        K0 + "title",
        "staat dubbel in hetzelfde blok (eerder op regel 20)",
        "laat één van de twee weg; YAML zou stilzwijgend de laatste gebruiken",
    ),
    (
        "unclosed-list",
        '["3A", "3B"]',
        '["3A", "3B"',
        25,
        KINDCHECK,
        "de lijst die hier met [ begint, wordt niet afgesloten met ]",
        'schrijf: standards: ["3A", "3B"]',
    ),
    (
        "closing-quote-missing-in-a-list",
        '["3A", "3B"]',
        '["3A", "3B]',
        25,
        KINDCHECK,
        "het aanhalingsteken vóór 3B wordt niet afgesloten, zodat ook de lijst niet wordt afgesloten",
        'schrijf: standards: ["3A", "3B"]',
    ),
    (
        "text-starts-with-backtick",
        "    title: Kindcheck\n",
        "    title: `Kindcheck`\n",
        20,
        'hulpmiddel "`Kindcheck`" (kindcheck)',
        "een tekst mag in YAML niet beginnen met `",
        'zet de tekst tussen aanhalingstekens: title: "`Kindcheck`"',
    ),
    (
        "hash-starts-a-comment",
        "    title: Kindcheck\n",
        "    title: #1 Kindcheck\n",
        20,
        "hulpmiddel kindcheck › title",
        "heeft geen waarde",
        "vul de waarde in; tekst na een # is commentaar: zet zulke tekst tussen aanhalingstekens",
    ),
    (
        "date-does-not-exist",
        "reviewed: 2025-06-01",
        "reviewed: 2025-06-31",
        26,
        K0 + "reviewed",
        "'2025-06-31' is geen geldige datum",
        DATE_TIP + "2025-06-01",
    ),
    (
        "date-in-dutch-order",
        "reviewed: 2025-06-01",
        "reviewed: 01-06-2025",
        26,
        K0 + "reviewed",
        "'01-06-2025' is geen geldige datum",
        DATE_TIP + "2025-06-01",
    ),
    (
        "misspelt-field",
        "    organisation: Augeo\n",
        "    organization: Augeo\n",
        22,
        K0 + "organization",
        "is geen bekend veld; bedoelt u 'organisation'?",
        "",
    ),
    (
        "unknown-field",
        "    organisation: Augeo\n",
        "    organisation: Augeo\n    contact: info@augeo.nl\n",
        23,
        K0 + "contact",
        "is geen bekend veld",
        "bekende velden hier: id, title, group, description, organisation, type, audience, themes, standards, "
        "added, reviewed, provenance, editorial, links",
    ),
    (
        "missing-field",
        "    organisation: Paul Baeten\n",
        "",
        31,
        K1 + "organisation",
        "ontbreekt (verplicht veld)",
        "voeg een regel 'organisation: …' toe aan dit blok",
    ),
    (
        "unknown-standard",
        'standards: ["1"]',
        'standards: ["11"]',
        36,
        K1 + "standards[0]",
        "kwaliteitsstandaard 11 bestaat niet",
        "de catalogus heeft de kwaliteitsstandaarden 1, 3",
    ),
    (
        "unknown-sub-item",
        '["3A", "3B"]',
        '["3A", "3F"]',
        25,
        K0 + "standards[1]",
        "onderdeel 3F bestaat niet",
        "kwaliteitsstandaard 3 heeft de onderdelen 3A, 3B",
    ),
    (
        "lower-case-sub-item",
        '["3A", "3B"]',
        '["3A", "3b"]',
        25,
        K0 + "standards[1]",
        "'3b' moet met een hoofdletter",
        'schrijf "3B"',
    ),
    (
        "sub-item-of-standard-without-sub-items",
        'standards: ["1"]',
        'standards: ["1A"]',
        36,
        K1 + "standards[0]",
        "kwaliteitsstandaard 1 heeft geen onderdelen",
        'schrijf alleen het nummer: "1"',
    ),
    (
        "unknown-see-also",
        'see_also: ["1"]',
        'see_also: ["4"]',
        17,
        B3 + "see_also[0]",
        "kwaliteitsstandaard 4 bestaat niet",
        "de catalogus heeft de kwaliteitsstandaarden 1, 3",
    ),
    (
        "type-not-in-list",
        "type: website",
        "type: webinar",
        23,
        K0 + "type",
        "'webinar' is geen toegestane waarde; kies uit: website, publicatie, handreiking, rapport, toolkit, "
        "instrument, methodiek, training, online cursus, video, magazine, databank, boek, model",
        "",
    ),
    (
        "number-as-id",
        'id: "1"',
        "id: 1",
        6,
        S0 + "id",
        "moet tekst zijn, niet 1",
        'zet de waarde tussen aanhalingstekens: "1"',
    ),
    (
        "url-without-https",
        "url: https://www.augeo.nl/nl-nl/kindcheck",
        "url: www.augeo.nl/nl-nl/kindcheck",
        28,
        K0 + "links[0].url",
        "'www.augeo.nl/nl-nl/kindcheck' is geen volledig webadres dat begint met http:// of https://",
        "kopieer het adres uit de adresbalk van de browser",
    ),
    (
        "copied-resource-keeps-its-id",
        "id: baeten-model",
        "id: kindcheck",
        31,
        'hulpmiddel "Samen werken aan Veiligheid en Herstel" (kindcheck) › id',
        "id 'kindcheck' wordt al door een ander hulpmiddel gebruikt",
        "kies een andere, unieke id",
    ),
]


def validate(tmp_path: Path, text: str, capsys) -> tuple[int, Path, str]:
    path = tmp_path / "resources.yaml"
    path.write_text(text, encoding="utf-8")
    code = main(["validate", str(path)])
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing claims the catalogue is in order
    return code, path, captured.err


def test_the_table_has_the_mistakes_the_issue_asks_for():
    assert len(MISTAKES) >= 25
    assert len({case[0] for case in MISTAKES}) == len(MISTAKES)


@pytest.mark.parametrize(
    ("case", "old", "new", "line", "field", "message", "hint"), MISTAKES, ids=[m[0] for m in MISTAKES]
)
def test_one_mistake(tmp_path, capsys, case, old, new, line, field, message, hint):
    assert old in VALID, f"fixture changed; case {case} no longer applies"
    code, path, err = validate(tmp_path, VALID.replace(old, new, 1), capsys)
    assert code == 1
    tip = f"    tip: {hint}\n" if hint else ""
    assert err == f"{path}:{line}: {field}: {message}\n{tip}1 probleem gevonden.\n"


def edit(*changes: tuple[str, str]) -> str:
    text = VALID
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def problem_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if not line.startswith("    tip:")]


def test_a_typo_a_missing_standard_and_a_wrong_type_in_one_run(tmp_path, capsys):
    text = edit(
        ("    organisation: Augeo\n", "    organization: Augeo\n"),
        ('standards: ["1"]', 'standards: ["11"]'),
        ("type: model", "type: modellen"),
    )
    code, path, err = validate(tmp_path, text, capsys)
    assert code == 1
    assert problem_lines(err) == [
        f"{path}:22: {K0}organization: is geen bekend veld; bedoelt u 'organisation'?",
        f"{path}:35: {K1}type: 'modellen' is geen toegestane waarde; bedoelt u 'model'?",
        f"{path}:36: {K1}standards[0]: kwaliteitsstandaard 11 bestaat niet",
        "3 problemen gevonden.",
    ]


def test_a_sub_item_a_date_a_duplicate_link_and_a_see_also_in_one_run(tmp_path, capsys):
    text = edit(
        ('see_also: ["1"]', 'see_also: ["2"]'),
        ('["3A", "3B"]', '["3A", "3F"]'),
        ("reviewed: 2025-06-01", "reviewed: 2025-6-1"),
        (
            "        label: Kindcheck op augeo.nl\n",
            "        label: Kindcheck op augeo.nl\n      - url: https://www.augeo.nl/nl-nl/kindcheck\n"
            "        label: De Kindcheck\n",
        ),
    )
    code, path, err = validate(tmp_path, text, capsys)
    assert code == 1
    assert err.splitlines() == [
        f"{path}:17: {B3}see_also[0]: kwaliteitsstandaard 2 bestaat niet",
        "    tip: de catalogus heeft de kwaliteitsstandaarden 1, 3",
        f"{path}:25: {K0}standards[1]: onderdeel 3F bestaat niet",
        "    tip: kwaliteitsstandaard 3 heeft de onderdelen 3A, 3B",
        f"{path}:26: {K0}reviewed: '2025-6-1' is geen geldige datum",
        f"    tip: {DATE_TIP}2025-06-01",
        f"{path}:30: {K0}links[1].url: deze link staat al eerder bij dit hulpmiddel",
        "    tip: laat de tweede weg",
        "4 problemen gevonden.",
    ]


def test_a_duplicate_key_a_missing_field_and_a_lower_case_reference_in_one_run(tmp_path, capsys):
    text = edit(
        ("    title: Kindcheck\n", "    title: Kindcheck\n    title: Kindcheck (Augeo)\n"),
        ("    description: Model samenwerkingsafspraken.\n", ""),
        ('["3A", "3B"]', '["3a", "3B"]'),
    )
    code, path, err = validate(tmp_path, text, capsys)
    assert code == 1
    assert problem_lines(err) == [
        f"{path}:21: {K0}title: staat dubbel in hetzelfde blok (eerder op regel 20)",
        f"{path}:26: {K0}standards[0]: '3a' moet met een hoofdletter",
        f"{path}:32: {K1}description: ontbreekt (verplicht veld)",
        "3 problemen gevonden.",
    ]


def validate_for_github(path: Path, *options: str) -> subprocess.CompletedProcess:
    """The command as the CI workflow runs it, as a separate process."""
    command = [sys.executable, "-m", "infobox", "validate", *options, "--format", "github", str(path)]
    return subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=60)


def test_github_format_annotates_each_problem_on_its_line(tmp_path):
    path = tmp_path / "resources.yaml"
    path.write_text(edit(('["3A", "3B"]', '["3A", "3F"]'), ("type: model", "type: modellen")), encoding="utf-8")
    result = validate_for_github(path)
    assert result.returncode == 1
    # Workflow commands: properties escape ':' and ','; the message escapes newlines as %0A.
    file = str(path).replace(":", "%3A").replace(",", "%2C")
    assert result.stdout.splitlines() == [
        f"::error file={file},line=25,title={K0}standards[1]::{K0}standards[1]: "
        "onderdeel 3F bestaat niet%0Atip: kwaliteitsstandaard 3 heeft de onderdelen 3A, 3B",
        f"::error file={file},line=35,title={K1}type::{K1}type: 'modellen' is geen toegestane "
        "waarde; bedoelt u 'model'?",
    ]
    assert "2 problemen gevonden." in result.stderr


def test_ci_annotates_the_catalogue_before_testing():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    runs = [step.get("run", "") for step in workflow["jobs"]["test"]["steps"]]
    validate = next(i for i, run in enumerate(runs) if "-m infobox validate --format github" in run)
    assert validate < next(i for i, run in enumerate(runs) if "make test" in run)


def test_github_format_summarises_warnings_in_one_notice():
    result = validate_for_github(FIXTURE)
    assert result.returncode == 0, result.stderr
    # How many depends on today's date (review age); that they come as one line does not.
    (line,) = result.stderr.splitlines()
    assert re.fullmatch(
        rf"::notice title=Catalogus::\d+ waarschuwing(en)?; bekijk ze met: python -m infobox validate --details "
        rf"{re.escape(str(FIXTURE))}",
        line,
    ), line


def test_github_format_puts_each_warning_on_its_line(tmp_path):
    path = tmp_path / "resources.yaml"
    path.write_text(
        edit(
            ("https://www.augeo.nl/nl-nl/kindcheck", "https://www.augeo.nl/kindcheck.pdf"),
            ("label: Kindcheck op augeo.nl", "label: Kindcheck (PDF, Augeo)"),
        ),
        encoding="utf-8",
    )
    result = validate_for_github(path, "--details")
    assert result.returncode == 0, result.stderr
    file = str(path).replace(":", "%3A").replace(",", "%2C")
    warnings = result.stderr.splitlines()
    # Review-age warnings depend on today's date; the label's warning and that each has a line do not.
    assert (
        f"::warning file={file},line=29,title={K0}links[0].label::{K0}links[0].label: 'Kindcheck (PDF, Augeo)' "
        "noemt het bestandstype al; de site zet er zelf '(PDF)' achter%0Atip: haal 'PDF' uit het label"
    ) in warnings
    assert all(re.match(rf"::warning file={re.escape(file)},line=[1-9]\d*,title=", line) for line in warnings)
