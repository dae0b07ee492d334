"""Generated pages in real Chromium: A–Z filters with the keyboard only, deep links, mailto actions."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from infobox.catalogue.loader import load_catalogue
from tests.support.generators import on_both_builds
from tests.support.paths import REPO

pytestmark = on_both_builds

CATALOGUE = load_catalogue(REPO / "data" / "resources.yaml")


def tab_to(page, selector: str, key: str = "Tab", limit: int = 80) -> None:
    """Press Tab (or Shift+Tab) until the element matching selector has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with Tab")


def visible_cards(page) -> list[str]:
    return page.eval_on_selector_all(
        "#ib-resource-list .ib-card:not([hidden]) .ib-card__title", "els => els.map(e => e.id)"
    )


def test_filters_narrow_the_list_with_the_keyboard_only(page, site_url):
    page.goto(f"{site_url}/hulpmiddelen/")
    count = page.locator("#ib-filter-count")
    expect(count).to_have_text(f"{len(CATALOGUE.resources)} hulpmiddelen gevonden")
    assert count.get_attribute("aria-live") == "polite"

    tab_to(page, "#ib-filter-standard")
    page.keyboard.press("ArrowDown")  # first option after "Alle": standard 1
    expected = sorted(r.id for r in CATALOGUE.resources_in_standard("1"))
    assert 0 < len(expected) < len(CATALOGUE.resources)
    expect(count).to_have_text(f"{len(expected)} hulpmiddel{'en' if len(expected) != 1 else ''} gevonden")
    assert sorted(visible_cards(page)) == expected

    tab_to(page, "#ib-filter-organisation")
    page.keyboard.press("ArrowDown")
    first_org = page.eval_on_selector("#ib-filter-organisation", "s => s.value")
    both = sorted(r.id for r in CATALOGUE.resources_in_standard("1") if first_org in r.organisations)
    assert sorted(visible_cards(page)) == both

    tab_to(page, "#ib-filters button[type=reset]")
    page.keyboard.press("Enter")
    expect(count).to_have_text(f"{len(CATALOGUE.resources)} hulpmiddelen gevonden")

    tab_to(page, 'input[name="audience"][value="ouderen"]', key="Shift+Tab")
    page.keyboard.press("Space")
    for_elderly = sorted(r.id for r in CATALOGUE.resources if "ouderen" in r.audience)
    assert for_elderly and sorted(visible_cards(page)) == for_elderly


def test_type_filter_shows_only_that_type(page, site_url):
    page.goto(f"{site_url}/hulpmiddelen/")
    page.select_option("#ib-filter-type", "methodiek")
    methods = sorted(r.id for r in CATALOGUE.resources if r.type == "methodiek")
    assert methods and sorted(visible_cards(page)) == methods


def test_deep_link_scrolls_to_the_sub_item(page, site_url):
    page.goto(f"{site_url}/kwaliteitsstandaarden/3/#3c")
    expect(page.locator("[id='3c']")).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 0
    expect(page.locator("h1")).not_to_be_in_viewport()


def test_deep_link_to_a_resource_card_in_the_overview(page, site_url):
    last = sorted(CATALOGUE.resources, key=lambda r: (r.title.casefold(), r.id))[-1]
    page.goto(f"{site_url}/hulpmiddelen/#{last.id}")
    expect(page.locator(f"[id='{last.id}']")).to_be_in_viewport()


def test_mailto_actions_are_prefilled(page, site_url):
    page.goto(f"{site_url}/kwaliteitsstandaarden/3/")
    suggestion = page.get_by_role("link", name="Stel een aanvulling voor bij kwaliteitsstandaard 3")
    query = parse_qs(urlsplit(suggestion.get_attribute("href")).query)
    assert "kwaliteitsstandaard 3" in query["subject"][0]

    resource = CATALOGUE.resources_for("3A")[0]
    page.get_by_text(f"Link werkt niet? Meld het bij {resource.title}").first.click()
    link = resource.links[0]
    report = page.get_by_role("link", name=f"Meld: {link.label} ({resource.title})").first
    href = report.get_attribute("href")
    assert href.startswith("mailto:info@geweldnergensthuis.nl?")
    body = parse_qs(urlsplit(href).query)["body"][0]
    assert resource.id in body and link.url in body and f"{site_url}/kwaliteitsstandaarden/3/#3a-" in body
    report.focus()
    expect(report).to_be_focused()
