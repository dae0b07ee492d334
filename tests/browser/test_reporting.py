"""Reporting that always works: the Dutch 404 page, a report per link with the absolute page URL, and
a copy-the-text fallback for readers without a mail program. Real Chromium, axe on every state."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from infobox.catalogue.loader import load_catalogue
from tests.support.generators import on_both_builds
from tests.support.paths import REPO
from tests.support.search_box import RESULT_LINK, SEARCH_INPUT
from tests.support.static_site import PagesHandler, serve_directory

CATALOGUE = load_catalogue(REPO / "data" / "resources.yaml")
MULTI = next(r for r in sorted(CATALOGUE.resources, key=lambda r: r.id) if len(r.links) >= 2)
CONTACT = "info@geweldnergensthuis.nl"


@pytest.fixture(scope="module")
def host_url(built_site):
    # A missing page gets the site's own 404 page, as GitHub Pages serves it.
    with serve_directory(built_site, PagesHandler) as url:
        yield url


@on_both_builds
def test_missing_page_is_dutch_with_the_way_back(page, host_url, axe, format_violations):
    response = page.goto(f"{host_url}/kwaliteitsstandaarden/99/oud/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Pagina niet gevonden")
    assert "Not found" not in page.content()
    violations = axe(page)
    assert not violations, format_violations(violations)

    page.get_by_role("link", name="Alle hulpmiddelen van A tot Z").click()
    expect(page).to_have_url(f"{host_url}/hulpmiddelen/")


def test_missing_page_search_opens_the_site_search(page, host_url):
    # Its search opens the site's own search with the query, at any depth of the missing URL.
    page.goto(f"{host_url}/kwaliteitsstandaarden/99/oud/")
    page.get_by_label("Zoek in de infobox").fill("meldcode")
    page.locator(".ib-notfound-search").get_by_role("button", name="Zoeken").click()  # not the header's
    expect(page.locator(SEARCH_INPUT)).to_have_value("meldcode")
    expect(page.locator(RESULT_LINK).first).to_be_visible()


def card_of(resource) -> str:
    """The card of `resource` on the A-Z page: the part a report opens (the whole page is checked by
    test_quality.py)."""
    return f"article[data-resource='{resource.id}']"


def open_report(page, resource):
    summary = page.locator(f"[id='{resource.id}']").locator("xpath=..").locator("summary")
    expect(summary).to_have_text(f"Link werkt niet? Meld het bij {resource.title}")
    summary.click()
    return summary.locator("xpath=..")


@on_both_builds
def test_one_quiet_action_per_card_and_a_report_per_link(page, site_url, axe, format_violations):
    page.goto(f"{site_url}/hulpmiddelen/")
    with_links = [r for r in CATALOGUE.resources if r.links]
    expect(page.get_by_text("Link werkt niet?")).to_have_count(len(with_links))
    expect(page.get_by_text("Meld een niet-werkende link")).to_have_count(0)
    expect(page.get_by_role("link", name=f"Meld: {MULTI.links[0].label} ({MULTI.title})")).to_be_hidden()

    report = open_report(page, MULTI)
    mails = report.locator("a.ib-mailto")
    expect(mails).to_have_count(len(MULTI.links))
    for mail, link in zip(mails.all(), MULTI.links, strict=True):
        expect(mail).to_be_visible()
        parts = urlsplit(mail.get_attribute("href"))
        assert (parts.scheme, parts.path) == ("mailto", CONTACT)
        body = parse_qs(parts.query)["body"][0]
        assert f"Link: {link.label}\nAdres: {link.url}\n" in body
        assert f"\nPagina: {site_url}/hulpmiddelen/#{MULTI.id}\n" in body  # absolute, with the card's anchor
    violations = axe(page, include=[card_of(MULTI)])
    assert not violations, format_violations(violations)


def expected_text(site_url: str, resource, link) -> str:
    return (
        f"Aan: {CONTACT}\nOnderwerp: Niet-werkende link: {resource.title} ({resource.id})\n\n"
        f"Deze link werkt niet (meer):\n\nLink: {link.label}\nAdres: {link.url}\n"
        f"Hulpmiddel: {resource.title} (id: {resource.id})\nPagina: {site_url}/hulpmiddelen/#{resource.id}\n\n"
        "Wat ziet u als u de link opent?\n"
    )


@on_both_builds
def test_without_a_mail_program_the_report_text_is_copied(new_page, site_url, axe, format_violations):
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}/hulpmiddelen/")
    report = open_report(page, MULTI)
    expect(report.get_by_text(f"naar {CONTACT}")).to_be_visible()  # the address, readable without a mail program

    link = MULTI.links[1]
    report.get_by_role("button", name=f"Kopieer de meldtekst voor {link.label} ({MULTI.title})").click()
    expect(report.get_by_role("status")).to_have_text(
        "De meldtekst is gekopieerd. Plak hem in een e-mail aan het adres hierboven."
    )
    assert page.evaluate("navigator.clipboard.readText()") == expected_text(site_url, MULTI, link)
    violations = axe(page, include=[card_of(MULTI)])
    assert not violations, format_violations(violations)


@on_both_builds
def test_without_clipboard_access_the_text_is_shown_selected(page, site_url, axe, format_violations):
    page.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new Error('geweigerd'))")
    page.goto(f"{site_url}/hulpmiddelen/")
    report = open_report(page, MULTI)
    link = MULTI.links[0]
    report.get_by_role("button", name=f"Kopieer de meldtekst voor {link.label} ({MULTI.title})").click()
    expect(report.get_by_role("status")).to_have_text(
        "Kopiëren lukte niet: de meldtekst staat geselecteerd in het tekstvak."
    )
    text = report.get_by_label("Meldtekst")
    expect(text).to_have_value(expected_text(site_url, MULTI, link))
    assert page.evaluate("document.activeElement.selectionEnd - document.activeElement.selectionStart") == len(
        expected_text(site_url, MULTI, link)
    )
    violations = axe(page, include=[card_of(MULTI)])
    assert not violations, format_violations(violations)
