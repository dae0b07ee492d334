"""Printing what is on screen (issue 20): Chromium's own PDF of a filtered A–Z list holds the cards shown,
under a line that names the filter; pages people print have a print button (that no page gives keyboard
advice instead is read from the files: tests/site/test_built_html.py)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

CARD_MARK = "Soort:"  # once per card (its type label), nowhere else on the page


def printed_text(page) -> str:
    """The text of the PDF Chromium prints of the page (print media, A4)."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return "\n".join(p.extract_text() for p in reader.pages)


def cards_on_screen(page) -> int:
    return page.locator("#ib-resource-list .ib-card:visible").count()


@pytest.mark.parametrize("query", ["?standaard=7", "?standaard=3A&voor=professionals", ""])
def test_a_to_z_prints_the_cards_on_screen(page, site_url, query):
    page.goto(f"{site_url}/hulpmiddelen/{query}")
    page.wait_for_selector("#ib-filters[data-ready]", state="attached")
    shown = cards_on_screen(page)
    total = page.locator("#ib-resource-list .ib-card").count()
    text = printed_text(page)
    assert text.count(CARD_MARK) == shown
    if query:
        assert 0 < shown < total
        heading = f"{shown} hulpmiddel{'' if shown == 1 else 'en'} van de {total}, gekozen op Kwaliteitsstandaard: "
        assert heading in " ".join(text.split())
        assert "Alle hulpmiddelen van A tot Z" not in text
    else:
        assert shown == total
        assert "Alle hulpmiddelen van A tot Z" in text
        assert "gekozen op" not in text


@pytest.mark.parametrize(
    "path, label",
    [
        ("/kwaliteitsstandaarden/3/", "Druk deze kwaliteitsstandaard af"),
        ("/hulpmiddelen/?standaard=7", "Druk deze lijst af"),
        ("/afdrukken/", "Druk de hele infobox af"),
    ],
)
def test_print_button_opens_the_print_dialog_and_is_not_printed(page, site_url, path, label):
    page.goto(f"{site_url}{path}")
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    page.get_by_role("button", name=label).click()
    assert page.evaluate("window.printed") == 1
    assert label not in printed_text(page)
