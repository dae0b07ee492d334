"""A resource's own page (issue 34.1) in Chromium, on both builds: everything its card has and more, the
selectie toggle and the print button working, no WCAG violation; cards lead to it, old card anchors still land."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from infobox.catalogue.loader import load_catalogue
from tests.support.generators import on_both_builds
from tests.support.paths import REPO

CATALOGUE = load_catalogue(REPO / "data" / "resources.yaml")
pytestmark = on_both_builds


def test_the_page_holds_the_resource_with_its_sub_items_and_related(page, site_url, axe, format_violations):
    resource = CATALOGUE.resource("toolkit-meldcode")
    page.goto(f"{site_url}/hulpmiddelen/{resource.id}/")
    expect(page.locator("h1")).to_have_text(resource.title)
    article = page.locator("article.ib-resource")
    expect(article.locator(".ib-card__description")).to_have_text(resource.description)
    expect(article.locator(".ib-resource__refs li")).to_have_count(len(resource.standards))
    expect(article.get_by_role("link", name=f"Onderdeel {resource.standards[0]}")).to_be_visible()
    related = article.locator(".ib-resource__related li")
    expect(related.first).to_contain_text("ook ")
    assert 0 < related.count() <= 5
    data = json.loads(page.locator("script[type='application/ld+json']").text_content())
    assert (data["@type"], data["name"]) == ("LearningResource", resource.title)
    assert page.locator("meta[property='og:locale']").get_attribute("content") == "nl_NL"
    violations = axe(page)
    assert not violations, format_violations(violations)


def test_the_page_adds_to_the_selectie_and_prints(page, site_url):
    page.goto(f"{site_url}/hulpmiddelen/kindcheck/")
    toggle = page.locator("article.ib-resource [data-select='kindcheck']")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    page.get_by_role("button", name="Druk dit hulpmiddel af").click()
    assert page.evaluate("window.printed") == 1


def test_a_card_leads_to_the_page_and_the_old_anchor_still_lands_on_the_card(page, site_url):
    page.goto(f"{site_url}/kwaliteitsstandaarden/3/")
    page.locator("[id='3a-kindcheck'] a").click()
    page.wait_for_url("**/hulpmiddelen/kindcheck/")
    page.goto(f"{site_url}/hulpmiddelen/#kindcheck")
    expect(page.locator("[id='kindcheck']")).to_be_in_viewport()
