"""Mistakes whose first message used to lead the wrong way (issue 23), each a file as the maintainer wrote it.

Every fixture in tests/fixtures/mistakes/ is named by what is wrong. The test runs `python -m infobox
validate` on it (in-process) and expects one Dutch message that names the resource by title and id, at the
line to change. Then it follows the tip as a person would — the edit the Dutch sentence describes, done
here by `follow` from the words of the tip, not by the code that wrote it — and validates again: exit 0.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path

import pytest

from infobox import cli
from infobox.catalogue.loader import load_catalogue
from infobox.cli import main
from tests.support.minimal_catalogue import BAETEN, K0, KINDCHECK
from tests.support.paths import TEST_FIXTURES

MISTAKES = TEST_FIXTURES / "mistakes"
# The day `validate` takes for today in these tests (fixed_today): a run that crosses midnight, or two workers
# collecting on either side of it, must not expect one date and be told the next.
DAY = dt.date(2026, 12, 1)
TODAY = DAY.isoformat()
FUTURE = f"2062-11-30 ligt in de toekomst (vandaag is het {TODAY})"
FUTURE_TIP = f"vul de datum in waarop het echt gebeurde, uiterlijk vandaag: {TODAY}"
PROVENANCE_TIP = "laat de regel 'provenance: infobox' weg: die hoort alleen bij hulpmiddelen uit de Infobox"

# (fixture, line, place, message, tip); the tip is "" when the message itself says what to write.
CASES = [
    (
        "swallowed-by-description",
        24,
        K0 + "organisation",
        "staat in de tekst van 'description', omdat de regel verder is ingesprongen dan 'description:' "
        "(6 spaties in plaats van 4)",
        "zet 'organisation:' 4 spaties in, even ver als 'description:' op regel 21",
    ),
    (
        "swallowed-in-the-middle",
        23,
        K0 + "organisation",
        "staat in de tekst van 'description', omdat de regel verder is ingesprongen dan 'description:' "
        "(6 spaties in plaats van 4)",
        "zet de regel 'organisation: Augeo' onder de tekst van 'description', 4 spaties ingesprongen",
    ),
    (
        "link-label-indented-too-little",
        29,
        KINDCHECK,
        "deze regel is minder ver ingesprongen dan de regel erboven: 'label:' staat op 6 spaties, "
        "'url:' op regel 28 op 8",
        "zet 'label:' 8 spaties in, even ver als 'url:' op regel 28",
    ),
    (
        "link-label-at-resource-level",
        29,
        K0 + "label",
        "'label:' staat bij het hulpmiddel, maar hoort bij de link erboven: 4 spaties in plaats van 8",
        "zet 'label:' 8 spaties in, even ver als 'url:' op regel 28",
    ),
    (
        "type-inside-link",
        29,
        K0 + "links[0].type",
        "'type:' staat bij de link, maar hoort bij het hulpmiddel: 8 spaties in plaats van 4",
        "zet 'type:' 4 spaties in, even ver als 'id:' op regel 19",
    ),
    (
        "quote-not-closed-in-list",
        25,
        KINDCHECK,
        "het aanhalingsteken vóór 3B wordt niet afgesloten, zodat ook de lijst niet wordt afgesloten",
        'schrijf: standards: ["3B"]',
    ),
    (
        "description-text-not-indented",
        34,
        BAETEN,
        "de tekst van 'description' is niet verder ingesprongen dan 'description:' zelf, en lijkt daardoor "
        "een nieuw veld",
        "zet de regels 34 tot en met 35 2 spaties verder in (6 spaties)",
    ),
    (
        "entry-dash-at-column-0",
        31,
        BAETEN,
        "deze regel is minder ver ingesprongen dan de lijst erboven: het streepje van '- id:' staat op 0 spaties, "
        "dat van '- id:' op regel 19 op 2",
        "zet '- id:' 2 spaties in, even ver als '- id:' op regel 19",
    ),
    # The misspelt reference is told at its own line, not first as a `group` heading naming no standard of the
    # entry, with the misspelling as the tip ("kies uit 3a, 3B").
    ("misspelt-standard-with-group", 26, K0 + "standards[0]", "'3a' moet met een hoofdletter", 'schrijf "3A"'),
    ("type-with-capital", 23, K0 + "type", "'Training' is geen toegestane waarde; bedoelt u 'training'?", ""),
    (
        "type-outside-the-list",
        23,
        K0 + "type",
        "'e-learning' is geen toegestane waarde; bedoelt u 'training' of 'online cursus'?",
        "",
    ),
    (
        "audience-misspelt",
        24,
        K0 + "audience[0]",
        "'profesionals' is geen toegestane waarde; bedoelt u 'professionals'?",
        "",
    ),
    ("reviewed-in-the-future", 26, K0 + "reviewed", FUTURE, FUTURE_TIP),
    ("updated-in-the-future", 5, "source.updated", FUTURE, FUTURE_TIP),
    (
        "copied-block-keeps-provenance",
        46,
        'hulpmiddel "Meldcode-app" (meldcode-app) › provenance',
        "zegt 'infobox', maar de Infobox heeft geen hulpmiddel met id 'meldcode-app'",
        PROVENANCE_TIP,
    ),
]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(cli, "load_catalogue", functools.partial(load_catalogue, today=DAY))


def test_every_fixture_is_a_case():
    assert {case[0] for case in CASES} == {path.stem for path in MISTAKES.glob("*.yaml")}


def validate(path: Path, capsys) -> tuple[int, str]:
    code = main(["validate", str(path)])
    captured = capsys.readouterr()
    return code, captured.err if code else captured.out


def follow(text: str, line: int, message: str, tip: str) -> str:
    """The file after doing what the tip (or the message's "bedoelt u") says to line `line`."""
    lines = text.splitlines()
    target = lines[line - 1]
    indent = len(target) - len(target.lstrip(" "))
    if m := re.fullmatch(r"zet '(?:- )?[\w-]+:' (\d+) spaties in, even ver als .*", tip):
        lines[line - 1] = " " * int(m[1]) + target.lstrip(" ")
    elif m := re.fullmatch(r"zet de regels (\d+) tot en met (\d+) (\d+) spaties verder in .*", tip):
        for number in range(int(m[1]), int(m[2]) + 1):
            lines[number - 1] = " " * int(m[3]) + lines[number - 1]
    elif m := re.fullmatch(r"zet de regel '(.+)' onder de tekst van '([\w-]+)', (\d+) spaties ingesprongen", tip):
        assert target.strip() == m[1]
        del lines[line - 1]
        key = next(n for n in range(line - 1, 0, -1) if lines[n - 1].lstrip().startswith(f"{m[2]}:"))
        end = key
        while end < len(lines) and len(lines[end]) - len(lines[end].lstrip(" ")) > int(m[3]):
            end += 1
        lines.insert(end, " " * int(m[3]) + m[1])
    elif m := re.fullmatch(r"schrijf: (.+)", tip):
        lines[line - 1] = " " * indent + m[1]
    elif m := re.fullmatch(r'schrijf "(.+)"', tip):
        wrong = re.search(r"^'([^']+)'", message)[1]
        lines[line - 1] = target.replace(f'"{wrong}"', f'"{m[1]}"', 1)
    elif m := re.fullmatch(r"vul de datum in .*: (\d{4}-\d\d-\d\d)", tip):
        lines[line - 1] = re.sub(r"\d{4}-\d\d-\d\d", m[1], target)
    elif m := re.fullmatch(r"laat de regel '(.+)' weg: .*", tip):
        assert target.strip() == m[1]
        del lines[line - 1]
    elif m := re.search(r"bedoelt u '([^']+)'", message):
        wrong = re.search(r"^'([^']+)'", message)[1]
        lines[line - 1] = target.replace(wrong, m[1], 1)
    else:
        raise AssertionError(f"no way to follow: {tip or message}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("fixture", "line", "place", "message", "tip"), CASES, ids=[c[0] for c in CASES])
def test_the_message_names_the_cause_and_its_tip_leads_to_a_valid_file(
    tmp_path, capsys, fixture, line, place, message, tip
):
    path = MISTAKES / f"{fixture}.yaml"
    code, err = validate(path, capsys)
    assert code == 1
    shown = f"\n    tip: {tip}" if tip else ""
    assert err == f"{path}:{line}: {place}: {message}{shown}\n1 probleem gevonden.\n"

    followed = tmp_path / "resources.yaml"
    followed.write_text(follow(path.read_text(encoding="utf-8"), line, message, tip), encoding="utf-8")
    code, out = validate(followed, capsys)
    assert code == 0, out
    assert out.startswith(f"{followed}: in orde")


def test_the_swallowed_field_keeps_the_text_whole_after_the_tip(tmp_path, capsys):
    """Following the tip puts the field back and leaves every word of the description in the description."""
    from infobox.catalogue.loader import load_catalogue

    fixture = MISTAKES / "swallowed-in-the-middle.yaml"
    path = tmp_path / "resources.yaml"
    tip = next(case[4] for case in CASES if case[0] == fixture.stem)
    path.write_text(follow(fixture.read_text(encoding="utf-8"), 23, "", tip), encoding="utf-8")
    kindcheck = load_catalogue(path).resource("kindcheck")
    assert kindcheck.description == "De Kindcheck is onderdeel van stap 1 van de meldcode."
    assert kindcheck.organisations == ("Augeo",)


def test_the_old_indentation_tip_is_not_given_when_it_would_not_validate(tmp_path, capsys):
    """Putting the label at the resource's own fields (4 spaces) parses, but makes two new errors: not a tip."""
    text = (MISTAKES / "link-label-indented-too-little.yaml").read_text(encoding="utf-8")
    path = tmp_path / "resources.yaml"
    path.write_text(text.replace("      label: Kindcheck", "    label: Kindcheck"), encoding="utf-8")
    code, err = validate(path, capsys)
    assert code == 1 and err.count("\n") > 2  # more than one problem: that was the old tip's result
    assert "zet 'label:' 4 spaties in" not in (MISTAKES / "link-label-indented-too-little.yaml").read_text()
    _, err = validate(MISTAKES / "link-label-indented-too-little.yaml", capsys)
    assert "4 spaties" not in err


def test_a_real_infobox_entry_keeps_its_provenance(tmp_path, capsys):
    """kindcheck is in the Infobox: marking it `provenance: infobox` is right and passes."""
    text = (MISTAKES.parent / "catalogues" / "valid-minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "resources.yaml"
    path.write_text(text.replace("    type: website\n", "    type: website\n    provenance: infobox\n"), "utf-8")
    code, out = validate(path, capsys)
    assert code == 0, out
    # The same entry with a link the Infobox never had is not from the Infobox.
    path.write_text(path.read_text("utf-8").replace("nl-nl/kindcheck", "nl-nl/kindcheck-nieuw"), "utf-8")
    code, err = validate(path, capsys)
    assert code == 1
    assert "zegt 'infobox', maar de link https://www.augeo.nl/nl-nl/kindcheck-nieuw staat niet in de Infobox" in err


REMOVED = """
removed:
  - id: {id}
    date: {date}
    reason: Het hulpmiddel wordt niet meer aangeboden.
    replaced_by: {successor}
"""


@pytest.mark.parametrize(
    ("ident", "date", "successor", "line", "place", "message"),
    [
        ("oude-kindcheck", "2026-01-05", "kindcheck", 0, "", ""),
        (
            "kindcheck",
            "2026-01-05",
            "baeten-model",
            41,
            "verwijderd hulpmiddel kindcheck › id",
            "'kindcheck' staat ook bij de hulpmiddelen; een verwijderd id komt niet terug",
        ),
        (
            "oude-kindcheck",
            "2026-01-05",
            "kindchek",
            44,
            "verwijderd hulpmiddel oude-kindcheck › replaced_by",
            "er is geen hulpmiddel met id 'kindchek'",
        ),
        (
            "oude-kindcheck",
            "2062-01-05",
            "kindcheck",
            42,
            "verwijderd hulpmiddel oude-kindcheck › date",
            f"2062-01-05 ligt in de toekomst (vandaag is het {TODAY})",
        ),
    ],
)
def test_removed_ids_are_checked(tmp_path, capsys, ident, date, successor, line, place, message):
    text = (MISTAKES.parent / "catalogues" / "valid-minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "resources.yaml"
    path.write_text(text + REMOVED.format(id=ident, date=date, successor=successor), encoding="utf-8")
    code, output = validate(path, capsys)
    if not message:
        assert code == 0, output
        return
    assert code == 1
    assert output.splitlines()[0] == f"{path}:{line}: {place}: {message}"


def test_a_misspelt_standard_of_an_entry_with_block_headings_is_told_first_with_a_real_one(catalogue_copy, capsys):
    """The real catalogue's Movisie entry has `group:` per standard; a typo in its standards is told at the
    standards line, with a reference that exists as the tip, not at `group` with the typo as the choice."""
    text = catalogue_copy.read_text(encoding="utf-8")
    entry = text.index("  - id: movisie-huiselijk-en-seksueel-geweld\n")
    old = '    standards: ["3B", "7B"]\n'
    line = text.index(old, entry)
    catalogue_copy.write_text(text[:line] + '    standards: ["3d", "6E"]\n' + text[line + len(old) :], "utf-8")
    code, err = validate(catalogue_copy, capsys)
    assert code == 1
    first = err.splitlines()[:2]
    assert first[0].startswith(f"{catalogue_copy}:{text[:line].count(chr(10)) + 1}: ")
    assert first[0].endswith("› standards[0]: '3d' moet met een hoofdletter") and first[1] == '    tip: schrijf "3D"'
    assert "kies uit 3d" not in err
