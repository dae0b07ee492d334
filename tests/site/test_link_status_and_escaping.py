"""The fixture catalogue with hostile text and a link-status file; and the same without a status file."""

from __future__ import annotations

import csv
import io
import json

import openpyxl

from tests.support.sitebuild import REPORTED_URL, elements, page_of

NOTICE = "Deze link werkt mogelijk niet meer (gecontroleerd op 20 november 2026)."


def test_markup_in_catalogue_text_renders_as_text(fixture_site):
    for path in ("/hulpmiddelen/", "/kwaliteitsstandaarden/3/", "/afdrukken/", "/organisaties/"):
        html = page_of(fixture_site, path).read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html and "<b>vet</b>" not in html
    cards = page_of(fixture_site, "/hulpmiddelen/").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [klik](javascript:alert(2)) **vet**" in cards
    assert "Kindcheck &lt;b&gt;vet&lt;/b&gt; &amp; co" in cards


def test_markdown_in_catalogue_text_makes_no_link(fixture_site):
    for page in fixture_site.rglob("*.html"):
        hrefs = [a.get("href", "") for tag, a in elements(page).tags if tag == "a"]
        assert not [h for h in hrefs if h.startswith("javascript")], page


def test_reported_link_shows_a_notice_next_to_that_link_only(fixture_site):
    for path in ("/hulpmiddelen/", "/kwaliteitsstandaarden/3/"):
        html = page_of(fixture_site, path).read_text(encoding="utf-8")
        assert html.count(NOTICE) == html.count(f'href="{REPORTED_URL}"') >= 1
        item = html.split(f'href="{REPORTED_URL}"', 1)[1].split("</li>", 1)[0]
        assert NOTICE in item


def test_linkstatus_page_and_home_summarise_the_last_check(fixture_site):
    status = page_of(fixture_site, "/linkstatus/").read_text(encoding="utf-8")
    assert "20 november 2026" in status and REPORTED_URL in status
    home = page_of(fixture_site, "/").read_text(encoding="utf-8")
    # 3 of the 5 URLs in the fixture were checked: the ok and the moved link work, one is broken.
    assert "werkten 2 van de\n3 links" in home
    assert "20 november 2026" in home


def test_resource_in_two_sections_of_one_page_gets_two_distinct_anchors(unchecked_site):
    html = page_of(unchecked_site, "/kwaliteitsstandaarden/3/").read_text(encoding="utf-8")
    assert 'id="3a-kindcheck"' in html and 'id="3b-kindcheck"' in html


def test_standard_note_and_empty_section(unchecked_site):
    html = page_of(unchecked_site, "/kwaliteitsstandaarden/8/").read_text(encoding="utf-8")
    assert "Voor deze kwaliteitsstandaard zijn geen tools/instrumenten opgenomen." in html
    assert "(nog) geen hulpmiddelen" not in html.split('id="8h"', 1)[1]


def test_pdf_links_carry_a_file_type_hint(unchecked_site):
    html = page_of(unchecked_site, "/hulpmiddelen/").read_text(encoding="utf-8")
    link = html.split('href="https://gemeenten.movisie.nl/', 1)[1].split("</a>", 1)[0]
    assert "(PDF)" in link
    other = html.split('href="https://www.inkoopsociaaldomein.nl"', 1)[1].split("</a>", 1)[0]
    assert "(PDF)" not in other


def test_catalogue_csv_holds_no_formula_and_json_stays_verbatim(fixture_site):
    formula = '=HYPERLINK("https://example.org","klik")'
    rows = list(csv.DictReader(io.StringIO((fixture_site / "catalogue.csv").read_text(encoding="utf-8"))))
    assert [row["description"] for row in rows if "HYPERLINK" in row["description"]] == [f"'{formula}"]
    exported = json.loads((fixture_site / "catalogue.json").read_text(encoding="utf-8"))
    assert formula in [r["description"] for r in exported["resources"]]
    # The workbook for people: the text as it is, typed as text with Excel's quote prefix, never a formula.
    sheet = openpyxl.load_workbook(fixture_site / "catalogue.xlsx").active
    column = [cell.value for cell in sheet[1]].index("Beschrijving")
    cells = [row[column] for row in sheet.iter_rows(min_row=2) if "HYPERLINK" in (row[column].value or "")]
    assert [(c.value, c.data_type, c.quotePrefix) for c in cells] == [(formula, "s", True)]
