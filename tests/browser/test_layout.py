"""Every page from 320 px up, and linking to a place (issue 8): no horizontal overflow on any page type at
320/375/768 px, an "Onderdelen" jump list on standard pages with sub-items, and a keyboard-reachable
"Kopieer link" on sub-item headings and resource cards that copies the address and says so."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from test_quality import PAGE_TYPES

from infobox.loader import load_catalogue

WIDTHS = [320, 375, 768]
STANDARD_WITH_ITEMS = "/kwaliteitsstandaarden/6/"


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_is_wider_than_the_screen(new_page, site_url, width):
    page = new_page(viewport={"width": width, "height": 700})
    too_wide = {}
    for path in [*PAGE_TYPES, "/hulpmiddelen/?standaard=3A&soort=training"]:
        page.goto(f"{site_url}{path}")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide[path] = scroll_width
    assert not too_wide, f"wider than {width} px: {too_wide}"


def test_filter_controls_fit_a_phone(new_page, site_url):
    page = new_page(viewport={"width": 375, "height": 700})
    page.goto(f"{site_url}/hulpmiddelen/")
    for control in ["#ib-filter-standard", "#ib-filter-type", 'input[value="professionals"]']:
        box = page.locator(control).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375, f"{control} off-screen: {box}"


def test_standard_page_opens_with_a_jump_list_of_its_sub_items(page, site_url):
    standard = next(s for s in load_catalogue().standards if s.id == "6")
    page.goto(f"{site_url}{STANDARD_WITH_ITEMS}")
    jump = page.get_by_role("navigation", name="Onderdelen")
    links = jump.get_by_role("link")
    expect(links).to_have_count(len(standard.items))
    last = standard.items[-1]
    links.last.click()
    page.wait_for_url(f"**#{last.anchor}")
    expect(page.locator(f"[id='{last.anchor}']")).to_be_in_viewport()


def test_copy_link_of_a_sub_item_by_keyboard(new_page, site_url):
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}{STANDARD_WITH_ITEMS}")
    button = page.get_by_role("button", name="Kopieer link naar 6C.", exact=False)
    expect(button).to_have_count(1)
    button.focus()
    page.keyboard.press("Enter")
    status = page.locator("#ib-copy-status")
    expect(status).to_have_text("Link naar " + page.locator("[id='6c']").inner_text().strip() + " gekopieerd.")
    assert status.get_attribute("role") == "status"
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}{STANDARD_WITH_ITEMS}#6c"


def test_copy_link_of_a_resource_card(new_page, site_url):
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}/hulpmiddelen/?standaard=3A")
    card = page.locator("article.ib-card", has=page.locator("[id='kindcheck']"))
    card.get_by_role("button", name="Kopieer link naar Kindcheck").press("Enter")
    expect(page.locator("#ib-copy-status")).to_have_text("Link naar Kindcheck gekopieerd.")
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}/hulpmiddelen/#kindcheck"


def test_new_controls_have_no_wcag_violations(page, site_url, axe, format_violations):
    page.goto(f"{site_url}/hulpmiddelen/?standaard=1&organisatie=LVAK")
    expect(page.locator("#ib-filter-empty")).to_be_visible()  # empty state with its buttons
    page.locator(".ib-copy-link").first.focus()
    violations = axe(page)
    assert not violations, format_violations(violations)
