"""The zelfscan in real headless Chromium: answering, persistence, scores, advice, sharing, comparison.

Expected scores are computed by hand from the rule shown on the page: niet=0, deels=1, grotendeels=2,
volledig=3, "weet niet" left out, score = mean / 3 as a whole percentage. Statement and resource lists
are read from the built site's /catalogue.json (the input), never from the page under test.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from xml.etree import ElementTree

import openpyxl
import openpyxl.utils
import pytest
from playwright.sync_api import expect

from tests.support.generators import on_both_builds

pytestmark = pytest.mark.xdist_group("browser")
# The tests marked @on_both_builds also run on the Zensical build: what the generator can change (the page,
# its data, links to the cards, the theme around it). The scan's own logic runs once, on the MkDocs build.

ZELFSCAN = "/zelfscan/"


@pytest.fixture(scope="module")
def catalogue(built_site) -> dict:
    return json.loads((built_site / "catalogue.json").read_text(encoding="utf-8"))


def statement_refs(catalogue: dict) -> list[str]:
    refs = []
    for standard in catalogue["standards"]:
        refs.extend([item["id"] for item in standard["items"]] or [standard["id"]])
    return refs


def see_also_of(catalogue: dict, ref: str) -> list[str]:
    for standard in catalogue["standards"]:
        for entry in [standard, *standard["items"]]:
            if entry["id"] == ref:
                return entry["see_also"]
    raise KeyError(ref)


def statements_of(catalogue: dict) -> dict[str, tuple[str, str]]:
    """Per statement ref: the B1 statement and the standard's own text as the Kwaliteitskader reads."""
    out = {}
    for standard in catalogue["standards"]:
        for item in standard["items"]:
            out[item["id"]] = (item["statement"], f"{standard['text']} {item['text']}")
        if not standard["items"]:
            out[standard["id"]] = (standard["statement"], standard["text"])
    return out


def resources_for(catalogue: dict, ref: str) -> list[str]:
    return [r["id"] for r in catalogue["resources"] if ref in r["standards"]]


def standard_of(catalogue: dict, ref: str) -> str:
    return next(s["id"] for s in catalogue["standards"] if ref == s["id"] or ref in [i["id"] for i in s["items"]])


def plan_order(catalogue: dict, ref: str, type_order: list[str]) -> list[tuple[str, str]]:
    """(via, resource id) of one gap, by the verbeterplan's rule: the statement's own resources, its whole
    standard's (for a sub-item), then each "zie ook" reference's; each list by type in `type_order`
    (catalogue order within a type); a resource once, where it first appears."""
    rank = {type_: i for i, type_ in enumerate(type_order)}
    standard = standard_of(catalogue, ref)

    def name(r: str) -> str:
        return f"{'standaard' if r.isdigit() else 'onderdeel'} {r}"

    groups = [(name(ref), ref)] + ([(name(standard), standard)] if standard != ref else [])
    groups += [(f"zie ook {name(see)}", see) for see in see_also_of(catalogue, ref)]
    seen: set[str] = set()
    out = []
    for via, group in groups:
        fresh = [r for r in catalogue["resources"] if group in r["standards"] and r["id"] not in seen]
        for r in sorted(fresh, key=lambda r: rank.get(r["type"], len(rank))):
            out.append((via, r["id"]))
            seen.add(r["id"])
    return out


def type_order(page) -> list[str]:
    # The order of types is the page's (a node test checks it against the catalogue's vocabulary).
    return page.evaluate("import(new URL('../javascripts/zelfscan-core.js', location.href)).then((m) => m.TYPE_ORDER)")


def open_scan(page, site_url):
    page.goto(f"{site_url}{ZELFSCAN}")
    page.wait_for_selector("html[data-zelfscan=ready]")


def answer(page, ref: str, value: str):
    page.check(f"#zs-{ref}-{value.replace(' ', '-')}")


def result_rows(page) -> list[list[str]]:
    return page.eval_on_selector_all(
        "#zs-result-table tbody tr",
        "rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))",
    )


def scan_file(catalogue: dict, organisation: str, answers: dict[str, str], version: int = 2) -> dict:
    """An exported scan written by hand, as another municipality would send it."""
    return {
        "name": f"{organisation.lower().replace(' ', '-')}.json",
        "mimeType": "application/json",
        "buffer": json.dumps(
            {
                "format": "infobox-zelfscan",
                "version": version,
                "catalogue": catalogue["version"],
                "organisation": organisation,
                "date": "2024-05-01",
                "answers": {ref: {"answer": value, "note": ""} for ref, value in answers.items()},
            }
        ).encode(),
    }


@on_both_builds
def test_scan_has_one_statement_per_sub_item_and_no_third_party_requests(page, site_url, catalogue, foreign_requests):
    open_scan(page, site_url)
    refs = statement_refs(catalogue)
    assert len(refs) == 35  # 10 standards: 5 without sub-items, the others 5+5+3+10+7 sub-items
    fieldsets = page.eval_on_selector_all(".zelfscan-statement", "els => els.map(e => e.id)")
    assert fieldsets == [f"zs-{ref}-vraag" for ref in refs]
    # Every statement is a labelled radio group of five choices plus a labelled note.
    assert page.locator(".zelfscan-statement legend").count() == 35
    assert page.locator(".zelfscan-statement input[type=radio]").count() == 35 * 5
    assert page.get_by_label("Toelichting bij 8J (optioneel)").count() == 1
    assert page.get_by_text("niet de officiële (digitale) zelfscan", exact=False).count() == 1
    assert page.inner_text("#zs-progress-text") == "0 van 35 stellingen beantwoord"
    assert not foreign_requests(page)


def test_every_statement_is_the_b1_one_with_the_standard_text_one_click_away(page, site_url, catalogue):
    open_scan(page, site_url)
    expected = statements_of(catalogue)
    shown = page.eval_on_selector_all(
        ".zelfscan-statement",
        """els => els.map(e => [
            e.id,
            e.querySelector('legend').innerText.trim(),
            e.querySelector('details summary').innerText.trim(),
            e.querySelector('details').open,
        ])""",
    )
    assert len(shown) == len(expected) == 35
    for (fieldset_id, legend, summary, is_open), (ref, (statement, _)) in zip(shown, expected.items(), strict=True):
        assert fieldset_id == f"zs-{ref}-vraag"
        assert " ".join(legend.split()) == f"{ref} {statement}"
        assert summary == "Toon de tekst van de standaard" and not is_open
    # The standard's own text is hidden until asked for, then shown in full (lead-in and sub-item).
    source = page.locator("#zs-3B-vraag details")
    assert not source.locator("p").is_visible()
    source.locator("summary").click()
    assert source.locator("p").is_visible()
    assert " ".join(source.locator("p").inner_text().split()) == f"Kwaliteitskader: {expected['3B'][1]}"
    # The statements are marked as the editors' text, not the Kwaliteitskader's, nor the official scan's.
    notice = page.locator(".admonition.note").inner_text()
    assert "geschreven door de redactie van deze site" in notice
    assert "niet" in notice and "officiële (digitale) zelfscan" in notice


@on_both_builds
def test_answers_survive_reload_and_scores_match_the_rule(page, site_url, catalogue):
    open_scan(page, site_url)
    page.fill("#zs-organisation", "Gemeente Voorbeeld")
    page.fill("#zs-date", "2024-05-01")
    answer(page, "1", "grotendeels")  # 2/3 -> 67%
    answer(page, "2", "deels")  # 1/3 -> 33%
    answer(page, "3A", "volledig")
    answer(page, "3B", "niet")
    answer(page, "3C", "weet niet")  # 3: (3 + 0) / 2 = 1.5 -> 50%, one "weet niet"
    page.fill("#zs-3B-toelichting", "Training gepland in het najaar.")

    page.reload()
    page.wait_for_selector("html[data-zelfscan=ready]")
    assert page.is_checked("#zs-1-grotendeels")
    assert page.is_checked("#zs-3C-weet-niet")
    assert page.input_value("#zs-3B-toelichting") == "Training gepland in het najaar."
    assert page.input_value("#zs-organisation") == "Gemeente Voorbeeld"
    assert page.inner_text("#zs-progress-text") == "5 van 35 stellingen beantwoord"

    rows = result_rows(page)
    # Weakest first: 2 (33%), 3 (50%), 1 (67%); then the unscored standards in catalogue order.
    assert [row[1] for row in rows[:3]] == ["33%", "50%", "67%"]
    assert rows[0][0].startswith("2.") and rows[1][0].startswith("3.") and rows[2][0].startswith("1.")
    # What each score means, in the scale's words; then answered, weet niet, open.
    meanings = ["gemiddeld ‘deels’", "tussen ‘deels’ en ‘grotendeels’", "gemiddeld ‘grotendeels’"]
    assert [row[2] for row in rows[:3]] == meanings
    assert rows[1][3:] == ["2 van 5", "1", "2"]
    assert [row[0].split(".")[0] for row in rows[3:]] == ["4", "5", "6", "7", "8", "9", "10"]
    assert all(row[1] == "geen score" for row in rows[3:])
    # The chart draws the same numbers as the table.
    bars = page.eval_on_selector_all("#zs-result-chart [data-value]", "rs => rs.map(r => r.dataset.value)")
    assert bars == ["33", "50", "67"]
    assert "Gemeente Voorbeeld" in page.inner_text("#zs-report-head")


@on_both_builds
def test_weak_sub_items_link_to_their_resource_cards(page, site_url, catalogue, built_site):
    open_scan(page, site_url)
    answer(page, "3B", "niet")
    answer(page, "3A", "volledig")
    answer(page, "2", "deels")
    answer(page, "7A", "grotendeels")

    advice = page.locator(".zelfscan-advice")
    assert advice.evaluate_all("els => els.map(e => e.dataset.standard)") == ["2", "3"]  # 33% before 50%
    gap_3b = page.locator('.zelfscan-advice[data-standard="3"] li[data-ref]')
    assert gap_3b.evaluate_all("els => els.map(e => e.dataset.ref)") == ["3B"]  # 3A (volledig) is no gap
    expected = [rid for _via, rid in plan_order(catalogue, "3B", type_order(page))]
    assert len(expected) > 3, "the catalogue attaches resources of several types to 3B"
    # The type in front of each resource, in the plan's order.
    types = {r["id"]: r["type"] for r in catalogue["resources"]}
    shown_types = gap_3b.locator(".zelfscan-type").all_inner_texts()
    assert shown_types == [f"{types[rid][0].upper()}{types[rid][1:]}: " for rid in expected]
    hrefs = gap_3b.locator(".zelfscan-resources a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert hrefs == [f"../hulpmiddelen/#{rid}" for rid in expected]
    assert gap_3b.locator("a").first.get_attribute("href") == "../kwaliteitsstandaarden/3/#3b"
    # Every linked card exists on the A-Z page of the built site.
    cards = (built_site / "hulpmiddelen" / "index.html").read_text(encoding="utf-8")
    for rid in expected:
        assert f'id="{rid}"' in cards
    # 6B has no resources of its own; the Kwaliteitskader points to standard 1 ("zie ook"), so those show.
    assert resources_for(catalogue, "6B") == [] and resources_for(catalogue, "1")
    answer(page, "6B", "niet")
    gap_6b = page.locator('.zelfscan-advice[data-standard="6"] li[data-ref="6B"]')
    assert "Zie ook de hulpmiddelen bij standaard 1" in gap_6b.inner_text()
    hrefs = gap_6b.locator(".zelfscan-resources a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert hrefs == [f"../hulpmiddelen/#{rid}" for _via, rid in plan_order(catalogue, "6B", type_order(page))]
    assert {via for via, _rid in plan_order(catalogue, "6B", type_order(page))} == {"zie ook standaard 1"}
    page.locator('.zelfscan-advice[data-standard="3"] .zelfscan-resources a').first.click()
    page.wait_for_url(re.compile(rf"/hulpmiddelen/#{re.escape(expected[0])}$"))


def test_begin_opnieuw_clears_only_after_confirmation(page, site_url):
    open_scan(page, site_url)
    answer(page, "4", "volledig")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("#zs-reset")
    assert page.is_checked("#zs-4-volledig")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#zs-reset")
    assert not page.is_checked("#zs-4-volledig")
    assert page.inner_text("#zs-progress-text") == "0 van 35 stellingen beantwoord"
    page.reload()
    page.wait_for_selector("html[data-zelfscan=ready]")
    assert not page.is_checked("#zs-4-volledig")
    assert page.evaluate("localStorage.getItem('infobox-zelfscan:v1')") is None


def visible_statements(page) -> list[str]:
    return page.eval_on_selector_all(
        ".zelfscan-statement", "els => els.filter(e => e.checkVisibility()).map(e => e.id.slice(3, -6))"
    )


def read_excel_csv(path) -> list[dict[str, str]]:
    """The Excel file as Dutch Excel reads it: a UTF-8 byte order mark, ";" between columns; rows as dicts."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header, *rows = csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline=""), delimiter=";")
    assert all(len(row) == len(header) for row in rows)
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_a_link_with_two_standards_then_save_excel_and_open(page, site_url, catalogue, tmp_path):
    """A coordinator's link for standards 3 and 10 (the address also holds garbage, which is ignored): only
    their statements, result and plan; the Excel file for those two; answers elsewhere kept in the file."""
    page.goto(f"{site_url}{ZELFSCAN}?standaard=10&standaard=3&standaard=__proto__&standaard=99")
    page.wait_for_selector("html[data-zelfscan=ready]")
    chosen = [ref for ref in statement_refs(catalogue) if standard_of(catalogue, ref) in ("3", "10")]
    assert len(chosen) == 12 and visible_statements(page) == chosen
    assert page.is_checked("#zs-kies-3") and page.is_checked("#zs-kies-10") and not page.is_checked("#zs-kies-1")
    assert page.inner_text("#zs-choice-status") == "2 van de 10 standaarden gekozen: 3 en 10 (12 stellingen)."
    assert page.inner_text("#zs-progress-text") == "0 van 12 stellingen beantwoord"
    page.fill("#zs-organisation", "Gemeente Oost")
    page.fill("#zs-date", "2024-06-30")
    answer(page, "3A", "volledig")
    answer(page, "3B", "niet")
    answer(page, "3C", "weet niet")  # 3: (3 + 0) / 2 = 50%
    answer(page, "10A", "volledig")
    answer(page, "10G", "deels")  # 10: (3 + 1) / 2 = 67%
    note = '=Aanbod "specialistisch"; nog niet dekkend'
    page.fill("#zs-3B-toelichting", note)

    # While answering, standard 9 is added: its statement shows and the address says so; back undoes it.
    page.check("#zs-kies-9")
    assert page.url.endswith(f"{ZELFSCAN}?standaard=3&standaard=9&standaard=10")
    answer(page, "9", "niet")
    page.go_back()
    expect(page.locator("#zs-9-vraag")).to_be_hidden()
    assert visible_statements(page) == chosen and not page.is_checked("#zs-kies-9")
    assert page.inner_text("#zs-progress-text") == "5 van 12 stellingen beantwoord"

    # The result shows the chosen standards only: no "geen score" rows for the others.
    rows = result_rows(page)
    assert [(row[0].split(".")[0], row[1], row[2]) for row in rows] == [
        ("3", "50%", "tussen ‘deels’ en ‘grotendeels’"),
        ("10", "67%", "gemiddeld ‘grotendeels’"),
    ]
    assert page.eval_on_selector_all("#zs-result-chart [data-value]", "rs => rs.map(r => r.dataset.value)") == [
        "50",
        "67",
    ]
    plan = page.locator("#zs-plan")
    assert plan.locator("li[data-ref]").evaluate_all("els => els.map(e => e.dataset.ref)") == ["3B", "10G"]
    assert "gekozen standaarden 3 en 10" in page.inner_text("#zs-report-head")

    with page.expect_download() as info:
        page.click("#zs-export-json")
    assert info.value.suggested_filename == "zelfscan-gemeente-oost-2024-06-30.json"
    exported_path = tmp_path / "scan.json"
    info.value.save_as(exported_path)
    exported = json.loads(exported_path.read_text(encoding="utf-8"))
    assert (exported["format"], exported["version"], exported["catalogue"]) == (
        "infobox-zelfscan",
        3,
        catalogue["version"],
    )
    # The file records what the scan is about: the chosen standards and the edition of the standards.
    assert (exported["standards"], exported["edition"]) == (["3", "10"], catalogue["source"]["edition"])
    assert (exported["organisation"], exported["date"]) == ("Gemeente Oost", "2024-06-30")
    # Every answer, also those of standards left out of the choice.
    assert {ref: entry["answer"] for ref, entry in exported["answers"].items()} == {
        "3A": "volledig",
        "3B": "niet",
        "3C": "weet niet",
        "9": "niet",
        "10A": "volledig",
        "10G": "deels",
    }
    assert exported["answers"]["3B"]["note"] == note

    with page.expect_download() as info:
        page.click("#zs-export-csv")
    assert info.value.suggested_filename == "zelfscan-gemeente-oost-2024-06-30.csv"
    csv_path = tmp_path / "scan.csv"
    info.value.save_as(csv_path)
    records = read_excel_csv(csv_path)
    kinds = [r["soort regel"] for r in records]
    assert kinds == sorted(kinds, key=["score", "stelling", "verbeterplan"].index)
    assert {r["standaard"] for r in records} == {"3", "10"}
    assert all((r["gemeente of regio"], r["datum"]) == ("Gemeente Oost", "2024-06-30") for r in records)
    score_rows = [
        (r["standaard"], r["score (%)"], r["betekenis score"]) for r in records if r["soort regel"] == "score"
    ]
    assert score_rows == [("3", "50", "tussen ‘deels’ en ‘grotendeels’"), ("10", "67", "gemiddeld ‘grotendeels’")]
    statements = statements_of(catalogue)
    by_ref = {r["onderdeel of standaard"]: r for r in records if r["soort regel"] == "stelling"}
    assert list(by_ref) == chosen
    b = by_ref["3B"]
    assert [b["stelling"], b["antwoord"], b["punten"], b["toelichting"], b["verbeterpunt"]] == [
        statements["3B"][0],
        "niet",
        "0",
        f"'{note}",  # a note that starts like a formula stays text
        "ja",
    ]
    assert (b["score (%)"], b["tekst van de standaard"]) == ("50", statements["3B"][1])
    assert [by_ref["3C"][c] for c in ("antwoord", "punten", "verbeterpunt")] == ["weet niet", "", ""]
    assert [by_ref["3D"][c] for c in ("antwoord", "punten", "toelichting")] == ["", "", ""]
    # The verbeterplan: one row per resource, gaps in the plan's order, resources in the documented order.
    resources = {r["id"]: r for r in catalogue["resources"]}
    plan_rows = [r for r in records if r["soort regel"] == "verbeterplan"]
    expected = [(ref, *step) for ref in ("3B", "10G") for step in plan_order(catalogue, ref, type_order(page))]
    assert ("10G", "standaard 10", "model-samen-werken-aan-veiligheid-en-herstel") in expected
    assert [
        (r["onderdeel of standaard"], r["hulpmiddel bij"], r["in de Infobox"].split("#")[1]) for r in plan_rows
    ] == expected
    for row in plan_rows:
        resource = resources[row["in de Infobox"].split("#")[1]]
        assert row["in de Infobox"] == f"{site_url}/hulpmiddelen/#{resource['id']}"
        assert row["hulpmiddel"] == resource["title"] and row["soort hulpmiddel"] == resource["type"]
        assert row["organisatie hulpmiddel"] == ", ".join(resource["organisations"])
        assert row["adres hulpmiddel"] == " ".join(link["url"] for link in resource["links"])
        assert row["toelichting"] == (f"'{note}" if row["onderdeel of standaard"] == "3B" else "")
    # The buttons say what they are for; the formats are named in small print.
    assert page.inner_text("#zs-export-json") == "Bewaar mijn antwoorden (bestand)"
    assert page.inner_text("#zs-export-xlsx") == "Download als Excel-bestand (verbeterplan)"
    assert page.inner_text("#zs-export-csv") == "Download als CSV (voor programma’s)"
    assert page.locator("label[for=zs-import]").inner_text() == "Open eerder bewaarde antwoorden"
    small_print = page.locator("#zelfscan-share .zelfscan-small").first.inner_text()
    assert "JSON" in small_print and ".xlsx" in small_print and "CSV" in small_print

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#zs-reset")
    assert page.inner_text("#zs-progress-text") == "0 van 12 stellingen beantwoord"
    page.set_input_files("#zs-import", exported_path)
    page.wait_for_selector("#zs-import-message .zelfscan-message--ok")
    assert "Geopend" in page.inner_text("#zs-import-message") and "5 van 12" in page.inner_text("#zs-import-message")
    assert page.is_checked("#zs-3B-niet") and page.is_checked("#zs-10G-deels") and page.is_checked("#zs-9-niet")
    assert page.input_value("#zs-organisation") == "Gemeente Oost"
    assert page.input_value("#zs-3B-toelichting") == note
    # The choice is the address's: a reload keeps it; "Alle standaarden" shows every statement again.
    page.reload()
    page.wait_for_selector("html[data-zelfscan=ready]")
    assert page.is_checked("#zs-3B-niet") and visible_statements(page) == chosen
    page.click("#zs-choice-all")
    assert page.url.endswith(ZELFSCAN) and len(visible_statements(page)) == 35
    assert page.locator("#zs-choice input:checked").count() == 0
    assert len(result_rows(page)) == 10


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"dit is geen json", "geen geldig JSON-bestand"),
        (b'{"format": "iets-anders", "version": 1, "answers": {}}', "geen zelfscan van de Infobox"),
        (b'{"format": "infobox-zelfscan", "version": 4, "answers": {}}', "versie 1 tot en met 3"),
    ],
)
def test_invalid_import_is_refused_with_a_clear_message(page, site_url, content, message):
    open_scan(page, site_url)
    answer(page, "5", "niet")
    page.set_input_files("#zs-import", {"name": "fout.json", "mimeType": "application/json", "buffer": content})
    error = page.locator("#zs-import-message .zelfscan-message--error")
    error.wait_for()
    assert "Openen mislukt" in error.inner_text()
    assert message in error.inner_text()
    assert "fout.json" in error.inner_text()
    assert page.is_checked("#zs-5-niet")  # the current answers are untouched


def test_regional_comparison_of_three_municipalities(page, site_url, catalogue):
    open_scan(page, site_url)
    files = [
        scan_file(catalogue, "Gemeente Noord", {"1": "niet", "3A": "deels", "3B": "volledig", "9": "volledig"}),
        scan_file(catalogue, "Gemeente Zuid", {"1": "deels", "3A": "niet", "3B": "grotendeels", "9": "niet"}),
        scan_file(catalogue, "Gemeente West", {"1": "volledig", "3A": "volledig", "3B": "weet niet", "9": "volledig"}),
    ]
    page.set_input_files("#zs-compare-files", files)
    page.wait_for_selector("#zs-compare-table")

    headers = page.eval_on_selector_all("#zs-compare-table thead th", "ths => ths.map(t => t.textContent)")
    assert headers == ["Standaard", "Gemeente Noord", "Gemeente Zuid", "Gemeente West"]
    rows = {
        row[0].split(".")[0]: row[1:]
        for row in page.eval_on_selector_all(
            "#zs-compare-table tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
        )
    }
    assert rows["1"] == ["0%", "33%", "100%"]
    assert rows["3"] == ["67%", "33%", "100%"]  # Noord (1+3)/2=2, Zuid (0+2)/2=1, West 3 ("weet niet" out)
    assert rows["9"] == ["100%", "0%", "100%"]
    assert rows["2"] == ["geen score"] * 3
    # Common gaps: weak (niet/deels) in more than half: 1 (Noord, Zuid) and 3A (Noord, Zuid); 9 only in Zuid.
    gaps = page.locator("#zs-common-gap-list > li")
    assert gaps.evaluate_all("els => els.map(e => e.dataset.ref)") == ["1", "3A"]
    assert "Zwak in 2 van 3 scans: Gemeente Noord, Gemeente Zuid." in gaps.nth(1).inner_text()
    hrefs = gaps.nth(1).locator(".zelfscan-resources a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert hrefs == [f"../hulpmiddelen/#{rid}" for _via, rid in plan_order(catalogue, "3A", type_order(page))]
    bars = page.eval_on_selector_all("#zs-compare-chart [data-value]", "rs => rs.length")
    assert bars == 3 * 3  # standards 1, 3 and 9 have a score in all three scans, the others in none

    # An invalid file next to valid ones is named, the others still load.
    page.set_input_files("#zs-compare-files", [{"name": "kapot.json", "mimeType": "application/json", "buffer": b"{"}])
    # Files are read asynchronously: wait for the message instead of reading it at once.
    expect(page.locator("#zs-compare-message")).to_contain_text("kapot.json")
    assert page.locator("#zs-compare-table thead th").count() == 4


@on_both_builds
def test_keyboard_only_completion(page, site_url):
    open_scan(page, site_url)
    page.locator("body").focus()
    # Tab from the top of the page to the first field of the scan.
    for _ in range(200):
        if page.evaluate("document.activeElement.id") == "zs-organisation":
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never reached the organisation field")
    page.keyboard.type("Regio Midden")
    answered = 0
    for _ in range(400):
        page.keyboard.press("Tab")
        active = page.evaluate("({type: document.activeElement.type, id: document.activeElement.id})")
        if active["id"] == "zs-reset":
            break
        if active["type"] == "radio":
            # Space checks the focused (first) choice, niet; two arrow presses move the choice to grotendeels.
            page.keyboard.press("Space")
            page.keyboard.press("ArrowRight")
            page.keyboard.press("ArrowRight")
            answered += 1
    assert answered == 35
    assert page.inner_text("#zs-progress-text") == "35 van 35 stellingen beantwoord"
    assert page.is_checked("#zs-8J-grotendeels")
    assert page.input_value("#zs-organisation") == "Regio Midden"
    # All grotendeels: every standard 2/3 = 67%.
    assert [row[1] for row in result_rows(page)] == ["67%"] * 10
    # The focused control shows a visible outline.
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"


def test_print_shows_the_report_not_the_form(page, site_url):
    open_scan(page, site_url)
    answer(page, "6A", "niet")
    page.emulate_media(media="print")
    assert page.is_hidden("#zelfscan-scan")
    assert page.is_hidden("#zs-export-json")
    assert page.is_hidden(".md-sidebar--primary")
    assert page.is_visible("#zs-result-table")
    assert page.is_visible('.zelfscan-advice[data-standard="6"]')
    assert page.is_hidden("#zelfscan-compare")  # nothing loaded: the comparison stays out of the report


# The site's header, navigation and footer are the same on every page and checked by the site's own tests;
# here axe looks at the zelfscan's content (intro, scan, result, sharing, comparison).
SITE_CHROME = [".md-header", ".md-sidebar", ".md-footer", ".md-skip"]


@on_both_builds
def test_scan_result_and_comparison_have_no_axe_violations(page, site_url, catalogue, axe, format_violations):
    open_scan(page, site_url)
    violations = axe(page, exclude=SITE_CHROME)
    assert not violations, "empty scan:\n" + format_violations(violations)
    for standard in ("1", "3", "8"):
        page.check(f"#zs-kies-{standard}")
    expect(page.locator("#zs-choice-all")).to_be_visible()
    for ref, value in {"1": "niet", "3A": "deels", "3B": "weet niet", "8J": "volledig"}.items():
        answer(page, ref, value)
    page.fill("#zs-3A-toelichting", "Nog geen scholing.")
    files = [
        scan_file(catalogue, "Gemeente Noord", {"1": "niet", "6B": "deels"}),
        scan_file(catalogue, "Gemeente Zuid", {"1": "deels", "6B": "niet"}),
        scan_file(catalogue, "Gemeente West", {"1": "volledig", "6B": "grotendeels"}),
    ]
    page.set_input_files("#zs-compare-files", files)
    page.wait_for_selector("#zs-common-gap-list")
    page.set_input_files("#zs-import", {"name": "fout.json", "mimeType": "application/json", "buffer": b"{}"})
    page.wait_for_selector("#zs-import-message .zelfscan-message--error")
    with page.expect_download():
        page.click("#zs-export-xlsx")
    expect(page.locator("#zs-export-message")).to_contain_text("Excel-bestand gemaakt")
    violations = axe(page, exclude=SITE_CHROME)
    assert not violations, "answered scan, result, messages and comparison:\n" + format_violations(violations)


def test_a_file_saved_in_the_old_format_still_opens(page, site_url, catalogue):
    """Format version 1 (before the B1 statements) is migrated on opening: the answers come back."""
    open_scan(page, site_url)
    old = scan_file(catalogue, "Gemeente Oud", {"3B": "niet", "9": "volledig"}, version=1)
    page.set_input_files("#zs-import", old)
    message = page.locator("#zs-import-message")
    expect(message).to_contain_text("Geopend: gemeente-oud.json (2 van 35 stellingen beantwoord)")
    assert message.locator(".zelfscan-message--error").count() == 0
    assert page.is_checked("#zs-3B-niet") and page.is_checked("#zs-9-volledig")
    assert page.input_value("#zs-organisation") == "Gemeente Oud"
    # Old files count in the regional comparison as well.
    page.set_input_files("#zs-compare-files", [old, scan_file(catalogue, "Gemeente Nieuw", {"3B": "niet"})])
    page.wait_for_selector("#zs-compare-table")
    assert page.eval_on_selector_all("#zs-compare-table thead th", "ths => ths.map(t => t.textContent)") == [
        "Standaard",
        "Gemeente Oud",
        "Gemeente Nieuw",
    ]


@on_both_builds
@pytest.mark.parametrize("width", [1280, 375])
def test_home_page_leads_to_the_zelfscan_and_shows_the_navigation(new_page, site_url, width):
    page = new_page(viewport={"width": width, "height": 800})
    page.goto(f"{site_url}/")
    block = page.locator("#ib-home-zelfscan")
    assert block.is_visible()
    block.click()
    page.wait_for_selector("html[data-zelfscan=ready]")
    assert page.url == f"{site_url}/zelfscan/"
    # The site navigation, with the zelfscan in it, is reachable from the home page at this width too.
    page.goto(f"{site_url}/")
    # MkDocs writes href="zelfscan/", Zensical "./zelfscan/": the same link.
    nav_link = page.locator(".md-nav--primary a.md-nav__link[href$='zelfscan/']")
    if width < 1220:  # Material folds the navigation into the drawer behind the menu button
        expect(nav_link).not_to_be_in_viewport()
        page.locator("label.md-header__button[for=__drawer]").click()
    expect(nav_link).to_be_in_viewport()
    expect(nav_link).to_be_visible()
    expect(nav_link).to_have_text("Zelfscan")


def fill_full_result_and_comparison(page, catalogue):
    values = ["niet", "deels", "grotendeels", "volledig", "weet niet"]
    for index, ref in enumerate(statement_refs(catalogue)):
        answer(page, ref, values[index % len(values)])
    page.fill("#zs-organisation", "Gemeente Waddinxveen-Boskoop-Zuidplas")
    names = ["Gemeente Noordoostpolder", "Gemeente Súdwest-Fryslân", "Gemeente Alphen aan den Rijn"]
    files = [
        scan_file(catalogue, name, {ref: values[(i + k) % 4] for i, ref in enumerate(statement_refs(catalogue))})
        for k, name in enumerate(names)
    ]
    page.set_input_files("#zs-compare-files", files)
    page.wait_for_selector("#zs-common-gap-list")


@on_both_builds
@pytest.mark.parametrize("width", [320, 375])
def test_full_result_and_comparison_fit_a_phone(new_page, site_url, catalogue, width):
    page = new_page(viewport={"width": width, "height": 800})
    open_scan(page, site_url)
    fill_full_result_and_comparison(page, catalogue)
    # No page-level horizontal scrolling: tables scroll inside their own container.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for table in ("#zs-result-table", "#zs-compare-table"):
        wrap = page.locator(f".zelfscan-table-wrap:has({table})")
        box = wrap.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, table
        assert wrap.evaluate("e => getComputedStyle(e).overflowX") == "auto"
        # The table's title stays fully on screen while the table scrolls.
        title = page.locator(f"{table}-title").bounding_box()
        assert title["x"] >= 0 and title["x"] + title["width"] <= width, table
    # Every piece of chart text is at least 12 px and inside the screen.
    texts = page.eval_on_selector_all(
        "#zs-result-chart, #zs-compare-chart",
        """charts => charts.flatMap(chart => [...chart.querySelectorAll('*')]
            .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
            .map(e => ({
                text: e.textContent.trim(),
                size: parseFloat(getComputedStyle(e).fontSize),
                right: e.getBoundingClientRect().right,
            })))""",
    )
    assert len(texts) > 60  # titles, legend, ten labels and their values in both charts
    small = [t for t in texts if t["size"] < 12]
    assert not small, small[:5]
    outside = [t for t in texts if t["right"] > width]
    assert not outside, outside[:5]


def test_verbeterplan_prints_every_gap_with_its_resources(page, site_url, catalogue):
    open_scan(page, site_url)
    page.fill("#zs-organisation", "Gemeente Voorbeeld")
    answers = {"2": "deels", "3A": "volledig", "3B": "niet", "6B": "niet", "8G": "deels", "9": "grotendeels"}
    for ref, value in answers.items():
        answer(page, ref, value)
    page.fill("#zs-3B-toelichting", "Scholing voor het hele team gepland.")
    page.locator("#zs-3B-toelichting").blur()

    plan = page.locator("#zs-plan")
    # Weakest standard first: 2 (33%), 6 (0%: 6B niet) before 3 (50%) and 8 (33%) in score order.
    scores = {"2": 1 / 3, "3": 1.5 / 3, "6": 0, "8": 1 / 3}
    expected_order = sorted(scores, key=lambda sid: scores[sid])  # stable: 2 before 8 at the same score
    assert plan.locator(".zelfscan-advice").evaluate_all("els => els.map(e => e.dataset.standard)") == expected_order
    statements = statements_of(catalogue)
    gaps = plan.locator("li[data-ref]")
    assert gaps.evaluate_all("els => els.map(e => e.dataset.ref)") == ["6B", "2", "8G", "3B"]
    gap_3b = plan.locator("li[data-ref='3B']")
    assert statements["3B"][0] in " ".join(gap_3b.locator(".zelfscan-gap-statement").inner_text().split())
    note = gap_3b.locator(".zelfscan-answer-note").inner_text()
    assert note == "Uw toelichting: Scholing voor het hele team gepland."
    # A gap without a note says nothing about it (no "(niet ingevuld)" on every line).
    assert plan.locator("li[data-ref='2'] .zelfscan-answer-note").count() == 0
    assert "niet ingevuld" not in plan.inner_text()

    # Printing the plan: the page marks what to print, then calls the browser's print.
    page.evaluate("window.print = () => { window.printed = document.documentElement.dataset.print; }")
    page.click("#zs-print-plan")
    assert page.evaluate("window.printed") == "verbeterplan"
    page.emulate_media(media="print")
    assert page.is_visible("#zs-plan") and page.is_visible("#zs-report-head")
    for hidden in ("#zelfscan-scan", "#zs-result-chart", "#zs-result-table", "#zs-print-plan", "h1", ".md-sidebar"):
        assert page.is_hidden(hidden), hidden
    for ref in ["6B", "2", "8G", "3B"]:
        gap = plan.locator(f"li[data-ref='{ref}']")
        assert gap.is_visible(), ref
        # Every resource of the gap, in the plan's order, is printed with its address.
        expected = [rid for _via, rid in plan_order(catalogue, ref, type_order(page))]
        links = gap.locator(".zelfscan-resources a")
        assert links.evaluate_all("as => as.map(a => a.getAttribute('href'))") == [
            f"../hulpmiddelen/#{rid}" for rid in expected
        ]
        for k in range(links.count()):
            assert links.nth(k).is_visible()
            after = links.nth(k).evaluate("a => getComputedStyle(a, '::after').content")
            assert "/hulpmiddelen/#" in after
        if not expected:
            assert "geen hulpmiddelen opgenomen" in gap.inner_text()
    # After printing, the whole report prints again.
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.is_visible("#zs-result-table")


def hostile_scan(path, answers: dict, size: int):
    """A scan file of `answers` padded with unknown parts to `size` bytes, as a hostile sender makes it."""
    body = {"format": "infobox-zelfscan", "version": 2, "organisation": "Gemeente Groot", "answers": dict(answers)}
    entry = len(json.dumps({"onbekend-1000000": {}}))  # the bytes one more unknown part adds: , "…": {}
    for n in range(1_000_000, 1_000_000 + (size - len(json.dumps(body))) // entry):
        body["answers"][f"onbekend-{n}"] = {}
    path.write_text(json.dumps(body), encoding="utf-8")  # a path: Chromium reads it, nothing is copied over
    return path


def test_a_20_mb_scan_is_refused_unread_and_many_unknown_parts_are_summarised(page, site_url, tmp_path):
    open_scan(page, site_url)
    answer(page, "5", "niet")
    huge = hostile_scan(tmp_path / "groot.json", {"9": {"answer": "deels", "note": ""}}, 20 * 1024 * 1024)
    assert 20 * 1024 * 1024 - 100 < huge.stat().st_size <= 20 * 1024 * 1024
    page.set_input_files("#zs-import", huge)
    error = page.locator("#zs-import-message .zelfscan-message--error")
    error.wait_for()
    assert error.inner_text() == (
        'Openen mislukt. "groot.json" is 20 MB groot; een bewaarde zelfscan is nooit groter dan 5 MB, '
        "dus dit is geen zelfscan. Het bestand is niet gelezen."
    )
    assert page.is_checked("#zs-5-niet") and not page.is_checked("#zs-9-deels")  # the answers are untouched

    # Under the limit, 100,000 unknown parts: opened, with the unknown ones summarised in one line.
    many = hostile_scan(tmp_path / "veel.json", {"9": {"answer": "deels", "note": ""}}, 2 * 1024 * 1024)
    unknown = len(json.loads(many.read_text(encoding="utf-8"))["answers"]) - 1
    page.once("dialog", lambda dialog: dialog.accept())
    page.set_input_files("#zs-import", many)
    warning = page.locator("#zs-import-message .zelfscan-message--warning")
    warning.first.wait_for()
    lines = warning.all_inner_texts()
    assert lines[0] == "Geopend: veel.json (1 van 35 stellingen beantwoord)."
    assert len(lines) <= 8
    more = f"{unknown - 5:,}".replace(",", ".")
    assert f"En nog {more} onbekende onderdelen; ook die zijn overgeslagen." in lines
    assert page.is_checked("#zs-9-deels") and not page.is_checked("#zs-5-niet")
    assert page.input_value("#zs-organisation") == "Gemeente Groot"


def test_a_link_to_the_result_lands_on_the_result(page, site_url):
    # The scan above the result is drawn after the page loads; the address's #resultaat still wins.
    page.goto(f"{site_url}{ZELFSCAN}#resultaat")
    page.wait_for_selector("html[data-zelfscan=ready]")
    expect(page.locator("#resultaat")).to_be_in_viewport()


@pytest.mark.parametrize(
    "address",
    ["#%", "#%E0%A4%A", "?onbekend=1&standaard=%ZZ&standaard=&x#resultaat%", "?standaard=3&standaard=3#zs-%C3"],
)
def test_a_malformed_address_still_draws_every_statement(page, site_url, catalogue, address):
    # A fragment that is no valid percent-encoding, parameters the page does not know, and a choice that
    # names no standard: the page reads what it can and draws the scan, without a script error.
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}{ZELFSCAN}{address}")
    page.wait_for_selector("html[data-zelfscan=ready]")
    fieldsets = page.eval_on_selector_all(".zelfscan-statement", "els => els.map(e => e.id)")
    assert fieldsets == [f"zs-{ref}-vraag" for ref in statement_refs(catalogue)]
    chosen = "?standaard=3&" in address
    assert page.locator(".zelfscan-standard:visible").count() == (1 if chosen else len(catalogue["standards"]))
    assert not errors


def test_a_saved_scan_keeps_its_choice_in_a_fresh_browser(new_page, site_url, catalogue, tmp_path):
    """Issue 33.1: saved for standards 3 and 8 and opened in a fresh browser (no storage, no address), the
    scan is about 3 and 8 again: the same boxes, the same address, counts and result of those two only."""
    page = new_page()
    page.goto(f"{site_url}{ZELFSCAN}?standaard=3&standaard=8")
    page.wait_for_selector("html[data-zelfscan=ready]")
    chosen = [ref for ref in statement_refs(catalogue) if standard_of(catalogue, ref) in ("3", "8")]
    page.fill("#zs-organisation", "Gemeente Oost")
    answer(page, "3A", "deels")
    answer(page, "8A", "volledig")
    answer(page, "8B", "niet")
    with page.expect_download() as info:
        page.click("#zs-export-json")
    saved = tmp_path / "scan.json"
    info.value.save_as(saved)

    fresh = new_page()
    open_scan(fresh, site_url)
    assert fresh.inner_text("#zs-progress-text") == "0 van 35 stellingen beantwoord"
    fresh.set_input_files("#zs-import", saved)
    message = fresh.locator("#zs-import-message .zelfscan-message--ok")
    expect(message).to_contain_text(f"3 van {len(chosen)} stellingen beantwoord; standaarden 3 en 8")
    assert fresh.url.endswith(f"{ZELFSCAN}?standaard=3&standaard=8")
    assert [box for box in ("1", "3", "8", "10") if fresh.is_checked(f"#zs-kies-{box}")] == ["3", "8"]
    assert visible_statements(fresh) == chosen
    assert fresh.inner_text("#zs-progress-text") == f"3 van {len(chosen)} stellingen beantwoord"
    assert [row[0].split(".")[0] for row in result_rows(fresh)] == ["3", "8"]  # no "geen score" rows
    # The address is the choice: a reload keeps it.
    fresh.reload()
    fresh.wait_for_selector("html[data-zelfscan=ready]")
    assert visible_statements(fresh) == chosen

    # Compared with a scan of every standard, the comparison says which scan is about which standards.
    other = scan_file(catalogue, "Gemeente Zuid", {"3A": "niet", "1": "niet"})
    mine = {"name": "oost.json", "mimeType": "application/json", "buffer": saved.read_bytes()}
    fresh.set_input_files("#zs-compare-files", [mine, other])
    scope = fresh.locator("#zs-compare-scope")
    expect(scope).to_contain_text("De scans gaan over verschillende standaarden")
    assert "Gemeente Oost over standaarden 3 en 8; Gemeente Zuid over alle 10 standaarden" in scope.inner_text()
    rows = {
        row[0].split(".")[0]: row[1:]
        for row in fresh.eval_on_selector_all(
            "#zs-compare-table tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
        )
    }
    assert rows["1"] == ["niet gekozen", "0%"]
    assert rows["3"] == ["33%", "0%"]


def xlsx_parts_are_well_formed(path) -> list[str]:
    """Every XML part of the .xlsx zip parsed; a part Excel cannot parse makes it offer to repair the file."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        for name in names:
            if name.endswith((".xml", ".rels")):
                ElementTree.fromstring(archive.read(name))
    return names


def test_the_workbook_is_a_plan_a_colleague_can_work_in(
    page, site_url, catalogue, tmp_path, requests_of, foreign_requests
):
    """Issue 33.2: the .xlsx made in the browser, its library loaded only when the button is pressed, read
    back with openpyxl: three sheets, the page's scores, one plan row per gap with links and empty
    columns to fill in, a drop-down list for Status, set up to print."""
    page.goto(f"{site_url}{ZELFSCAN}?standaard=3&standaard=8")
    page.wait_for_selector("html[data-zelfscan=ready]")
    page.fill("#zs-organisation", "Gemeente Oost")
    page.fill("#zs-date", "2026-12-01")
    answer(page, "3A", "deels")
    answer(page, "3B", "volledig")
    answer(page, "8A", "volledig")
    answer(page, "8B", "niet")
    page.fill("#zs-8B-toelichting", "Nog geen afspraken.")
    library = "/javascripts/vendor/exceljs.bare.min.js"
    assert not any(library in url for url in requests_of(page))
    with page.expect_download() as info:
        page.click("#zs-export-xlsx")
    assert info.value.suggested_filename == "zelfscan-gemeente-oost-2026-12-01.xlsx"
    assert any(library in url for url in requests_of(page))
    assert not foreign_requests(page)
    expect(page.locator("#zs-export-message")).to_contain_text("Excel-bestand gemaakt")
    path = tmp_path / "scan.xlsx"
    info.value.save_as(path)
    assert "xl/workbook.xml" in xlsx_parts_are_well_formed(path)

    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Samenvatting", "Antwoorden", "Verbeterplan"]
    summary = workbook["Samenvatting"]
    intro = {row[0]: row[1] for row in summary.iter_rows(min_row=1, max_row=6, max_col=2, values_only=True)}
    assert intro["Gemeente of regio"] == "Gemeente Oost"
    assert intro["Datum van de scan"] == "1-12-2026"
    assert intro["Gekozen standaarden"] == "3 en 8"
    assert intro["Editie kwaliteitsstandaarden"] == catalogue["source"]["edition"]
    table = list(summary.iter_rows(min_row=9, values_only=True))
    page_scores = [(row[0].split(".")[0], row[1], row[2]) for row in result_rows(page)]
    assert [(row[0], f"{row[2]}%", row[3]) for row in table] == page_scores
    assert summary["A8"].value == "Standaard"  # the table's header row, after the intro and a blank row

    answers = workbook["Antwoorden"]
    rows = {row[1]: row for row in answers.iter_rows(min_row=2, values_only=True)}
    chosen = [ref for ref in statement_refs(catalogue) if standard_of(catalogue, ref) in ("3", "8")]
    assert list(rows) == chosen
    assert rows["8B"][2:] == (statements_of(catalogue)["8B"][0], "niet", 0, "Nog geen afspraken.")

    plan = workbook["Verbeterplan"]
    header = [cell.value for cell in plan[1]]
    assert header[-4:] == ["Actie", "Wie", "Wanneer", "Status"]
    gaps = list(plan.iter_rows(min_row=2, values_only=True))
    assert [row[1] for row in gaps] == ["8B", "3A"]  # weakest first: 8 at (3+0)/2 = 50%, 3 at (1+3)/2 = 67%
    for row in gaps:
        assert row[-4:] == (None, None, None, None)
    # The first resources of each gap, in the plan's order, link to their cards in the Infobox.
    for number, ref in enumerate(["8B", "3A"], start=2):
        expected = [rid for _via, rid in plan_order(catalogue, ref, type_order(page))][:3]
        links = [plan.cell(row=number, column=header.index(f"Hulpmiddel {n}") + 1).hyperlink for n in (1, 2, 3)]
        assert [link.target for link in links if link] == [f"{site_url}/hulpmiddelen/#{rid}" for rid in expected]
    assert expected, "3A has resources in the catalogue"
    status = header.index("Status") + 1
    lists = [dv for dv in plan.data_validations.dataValidation if dv.type == "list"]
    assert [dv.formula1 for dv in lists] == ['"Nog niet begonnen,Bezig,Klaar"']
    letter = openpyxl.utils.get_column_letter(status)
    assert str(lists[0].sqref) == f"{letter}2:{letter}{len(gaps) + 1 + 20}"  # the plan and 20 rows to add
    # Print-ready: landscape, the header row on every page, wrapped text, the widths set.
    for sheet in workbook.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.print_title_rows == ("$8:$8" if sheet.title == "Samenvatting" else "$1:$1")
        assert all(sheet.column_dimensions[col].width > 5 for col in ("A", "B", "C"))
    assert plan.cell(row=2, column=3).alignment.wrap_text
    assert plan.column_dimensions[letter].width >= 15
