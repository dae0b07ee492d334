"""Every page from 320 px up, and linking to a place (issue 8): no horizontal overflow on any page type at
320/375/768 px, an "Onderdelen" jump list on standard pages with sub-items, and a keyboard-reachable
"Kopieer link" on sub-item headings and resource cards that copies the address and says so."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from infobox.catalogue.loader import load_catalogue
from tests.support.generators import on_both_builds
from tests.support.sitebuild import PAGE_TYPES

WIDTHS = [320, 375, 768]
STANDARD_WITH_ITEMS = "/kwaliteitsstandaarden/6/"


@pytest.mark.parametrize("path", [*PAGE_TYPES, "/hulpmiddelen/?standaard=3A&soort=training"])
def test_no_page_is_wider_than_the_screen(new_page, site_url, path):
    # The page is loaded once and laid out at every width, narrowest first: the media queries and the
    # theme's resize handling see what a turned or resized phone shows.
    page = new_page(viewport={"width": WIDTHS[0], "height": 700})
    page.goto(f"{site_url}{path}")
    too_wide = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 700})
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide[f"{path} at {width} px"] = scroll_width
    assert not too_wide, f"wider than the screen: {too_wide}"


@on_both_builds
def test_page_takes_the_whole_width_in_both_builds(new_page, site_url):
    # Zensical's stylesheet keeps a scrollbar's room free on every page, Material's does not; infobox.css
    # gives it back, so both builds lay out alike. (Playwright's headless Chromium hides scrollbars, so a
    # layout without that room is exactly as wide as the viewport.)
    page = new_page(viewport={"width": 375, "height": 700})
    page.goto(f"{site_url}/")
    assert page.evaluate("document.documentElement.scrollHeight") > 700  # a page that scrolls
    assert page.evaluate("document.body.clientWidth") == 375


def test_filter_controls_fit_a_phone(new_page, site_url):
    page = new_page(viewport={"width": 375, "height": 700})
    page.goto(f"{site_url}/hulpmiddelen/")
    page.get_by_role("button", name="Filters").click()  # folded on a phone (issue 34.4)
    for control in ["#ib-filter-standard", "#ib-filter-type", 'input[value="professionals"]', 'input[value="melden"]']:
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


# Every control a reader taps; a form control's box includes its label(s), as a tap on the label works too.
MEASURE_TAP_TARGETS = """(selector) => {
  const boxes = [];
  for (const el of document.querySelectorAll(selector)) {
    // Only what a reader can see (not inside a closed overlay, a closed <details>, or an invisible parent).
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true})) continue;
    // A label of a visible control is measured with that control.
    if (el.tagName === "LABEL" && el.control && el.control.checkVisibility({opacityProperty: true})) continue;
    const own = el.getBoundingClientRect();
    if (own.right <= 0 || own.left >= innerWidth) continue; // off-canvas (the closed navigation drawer)
    const rects = [own, ...Array.from(el.labels || [], (label) => label.getBoundingClientRect())].filter(
      (r) => r.width > 1 && r.height > 1,
    );
    if (!rects.length) continue;
    const left = Math.min(...rects.map((r) => r.left)), right = Math.max(...rects.map((r) => r.right));
    const top = Math.min(...rects.map((r) => r.top)), bottom = Math.max(...rects.map((r) => r.bottom));
    const name = (el.getAttribute("aria-label") || el.textContent || el.name || el.id || "").trim().slice(0, 50);
    const control = `${el.tagName.toLowerCase()}.${el.className} "${name}"`;
    boxes.push({control, width: right - left, height: bottom - top});
  }
  return boxes;
}"""
CONTROLS = (
    "button, select, input:not([type=hidden]), textarea, summary, label[for], [role=button], .md-button,"
    " .ib-card__refs a"
)
# The site's own main controls get a thumb-sized box (44 px) wherever the layout allows it.
THUMB_SIZED = (
    ".ib-filters select, .ib-filters input, .ib-card__actions > summary, .ib-copy-link, .ib-share-link,"
    " .ib-print-button, .zelfscan-choice input, .zelfscan-pick input"
)
TAP_PAGE_TYPES = [
    "/",
    "/kwaliteitsstandaarden/",
    "/kwaliteitsstandaarden/3/",
    "/hulpmiddelen/",
    "/hulpmiddelen/?standaard=7",
    "/organisaties/",
    "/themas/bespreken/",
    "/selectie/",
    "/zelfscan/?standaard=3&standaard=7",  # a team's choice: its checkboxes and "Alle standaarden" too
    "/afdrukken/",
    "/open-data/",
    "/404.html",
]


def tap_targets(page, selector: str) -> list[dict]:
    return page.evaluate(MEASURE_TAP_TARGETS, selector)


@pytest.mark.parametrize("path", TAP_PAGE_TYPES)
def test_every_control_is_big_enough_to_tap_on_a_phone(new_page, site_url, path):
    page = new_page(viewport={"width": 375, "height": 700}, has_touch=True, is_mobile=True)
    page.goto(f"{site_url}{path}")
    page.wait_for_load_state("networkidle")
    controls = tap_targets(page, CONTROLS)
    assert controls, f"no controls measured on {path}"
    small = [c for c in controls if c["width"] < 24 or c["height"] < 24]
    assert not small, f"{len(small)} of {len(controls)} controls under 24×24 px on {path}: {small[:8]}"
    not_thumb = [c for c in tap_targets(page, THUMB_SIZED) if c["height"] < 44 or c["width"] < 44]
    assert not not_thumb, f"under 44×44 px on {path}: {not_thumb[:8]}"


def test_copy_link_icons_are_quiet_until_hovered_or_focused(new_page, site_url):
    page = new_page()
    page.goto(f"{site_url}{STANDARD_WITH_ITEMS}")
    button = page.get_by_role("button", name="Kopieer link naar 6C.", exact=False)
    opacity = "el => Number(getComputedStyle(el).opacity)"
    assert button.evaluate(opacity) < 0.6
    # Keyboard reachable: from its heading, the next Tab stop is the button.
    page.locator("[id='6c']").evaluate("el => { el.tabIndex = -1; el.focus(); }")
    page.keyboard.press("Tab")
    assert button.evaluate("el => el === document.activeElement")
    assert button.evaluate(opacity) == 1


def test_copy_link_icons_are_plain_on_touch_screens_and_share_to_the_share_sheet(new_page, site_url):
    page = new_page(viewport={"width": 375, "height": 700}, has_touch=True, is_mobile=True)
    page.add_init_script("navigator.share = async (data) => { window.shared = data; };")
    page.goto(f"{site_url}/hulpmiddelen/?standaard=3A")
    card = page.locator("article.ib-card", has=page.locator("[id='kindcheck']"))
    assert (
        card.get_by_role("button", name="Kopieer link naar Kindcheck").evaluate("el => getComputedStyle(el).opacity")
        == "1"
    )
    card.get_by_role("button", name="Deel Kindcheck").tap()
    page.wait_for_function("window.shared !== undefined")
    assert page.evaluate("window.shared") == {"title": "Kindcheck", "url": f"{site_url}/hulpmiddelen/#kindcheck"}


def test_no_share_button_where_the_browser_cannot_share(page, site_url):
    page.goto(f"{site_url}/hulpmiddelen/")
    assert page.evaluate("typeof navigator.share") == "undefined"
    expect(page.locator(".ib-copy-link").first).to_be_visible()
    expect(page.locator(".ib-share-link")).to_have_count(0)
