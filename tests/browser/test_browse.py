"""Browsing as professionals think (issue 21), in Chromium: one organisation in the filter, a theme filter,
and "Mijn selectie" — chosen on the cards, kept in this browser only, printed and shared as a link."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from infobox.catalogue.loader import load_catalogue
from tests.support.a_to_z import COUNT, found, visible_cards
from tests.support.paths import REPO

CATALOGUE = load_catalogue(REPO / "data" / "resources.yaml")
# The names under which the Infobox mentions Movisie: its own name, and its website where it names none.
MOVISIE_NAMES = {"Movisie", "movisie.nl"}


def test_choosing_movisie_finds_all_of_movisies_resources(page, site_url):
    expected = sorted(r.id for r in CATALOGUE.resources if set(r.organisations) & MOVISIE_NAMES)
    assert "movisie-ouderenmishandeling" in expected  # the one the Infobox lists under movisie.nl
    page.goto(f"{site_url}/hulpmiddelen/")
    page.select_option("#ib-filter-organisation", "Movisie")
    expect(page.locator(COUNT)).to_have_text(found(len(expected)))
    assert visible_cards(page) == expected
    options = page.eval_on_selector_all("#ib-filter-organisation option", "os => os.map(o => o.value)")
    assert "movisie.nl" not in options


def test_the_theme_filter_keeps_its_state_in_the_url_and_combines(page, site_url):
    page.goto(f"{site_url}/hulpmiddelen/?thema=ouderenmishandeling")
    expected = sorted(r.id for r in CATALOGUE.resources if "ouderenmishandeling" in r.themes)
    expect(page.locator(COUNT)).to_have_text(found(len(expected)))
    assert visible_cards(page) == expected
    # Combined with a standard: never a dead end, the option counts say what each choice gives.
    page.select_option("#ib-filter-standard", "3B")
    page.wait_for_url(re.compile(r"standaard=3B"))
    both = sorted(r.id for r in CATALOGUE.resources if "ouderenmishandeling" in r.themes and "3B" in r.standards)
    assert both and visible_cards(page) == both
    label = page.locator('label:has(input[value="melden"]) .ib-filters__n').text_content()
    n = sum(1 for r in CATALOGUE.resources if "melden" in r.themes and "3B" in r.standards)
    assert label.endswith(f"({n})")


def select_on_card(page, resource_id: str):
    button = page.locator(f'#ib-resource-list [data-select="{resource_id}"]')
    expect(button).to_have_accessible_name(re.compile("selectie"))
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")


def test_a_selection_is_kept_printed_and_shared_as_a_link_a_colleague_opens(new_page, site_url, foreign_requests):
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}/hulpmiddelen/")
    chosen = ["toolkit-meldcode", "multifocus", "signs-of-safety"]
    for resource_id in chosen:
        select_on_card(page, resource_id)
    expect(page.locator("#ib-select-status")).to_contain_text("Uw selectie heeft nu 3 hulpmiddelen")
    # The header's "Selectie" link shows the count on every page (issue 34.7).
    expect(page.get_by_role("link", name="Selectie (3 hulpmiddelen)")).to_be_visible()
    # Toggling again takes it out, and says so.
    page.locator('#ib-resource-list [data-select="multifocus"]').click()
    expect(page.locator("#ib-select-status")).to_contain_text("uit uw selectie gehaald")
    chosen.remove("multifocus")

    page.goto(f"{site_url}/selectie/")
    titles = [CATALOGUE.resource(i).title for i in chosen]
    expect(page.locator(".ib-selectie__title")).to_have_text(titles)
    expect(page.locator("#ib-selectie-status")).to_have_text("Uw selectie heeft 2 hulpmiddelen.")
    assert page.context.cookies() == []  # it lives in this browser's storage, no cookies

    # Printed: only the chosen resources, with their addresses written out; no buttons on paper.
    page.emulate_media(media="print")
    expect(page.locator(".ib-selectie__actions")).to_be_hidden()
    expect(page.locator(".ib-selectie__url").first).to_be_visible()
    page.emulate_media(media="screen")

    expect(page.get_by_role("link", name="Selectie (2 hulpmiddelen)")).to_be_visible()
    page.get_by_role("button", name="Kopieer deellink").click()
    expect(page.locator(".ib-selectie__feedback")).to_be_visible()
    expect(page.locator(".ib-selectie__feedback")).to_contain_text("Link gekopieerd")
    link = page.evaluate("navigator.clipboard.readText()")
    assert re.search(r"/selectie/\?ids=toolkit-meldcode,signs-of-safety$", link), link  # commas as commas

    # A colleague in a fresh browser (no storage of ours) opens the same list from the link.
    colleague = new_page()
    colleague.goto(link)
    expect(colleague.locator(".ib-selectie__title")).to_have_text(titles)
    expect(colleague.locator("#ib-selectie-status")).to_have_text("Deze gedeelde selectie heeft 2 hulpmiddelen.")
    # Headed as what it is, without the sender's "Kies bij een hulpmiddel ..." (issue 34.7).
    expect(colleague.locator("h1")).to_have_text("Gedeelde selectie")
    expect(colleague.locator(".ib-selectie__intro")).to_contain_text("met u gedeeld")
    assert colleague.title().startswith("Gedeelde selectie")
    colleague.get_by_role("button", name="Neem over in mijn selectie").click()
    colleague.goto(f"{site_url}/selectie/")
    expect(colleague.locator(".ib-selectie__title")).to_have_text(titles)
    assert not foreign_requests(page) and not foreign_requests(colleague)


def test_a_shared_link_with_unknown_or_hostile_ids_shows_what_exists(page, site_url):
    page.goto(f"{site_url}/selectie/?ids=kindcheck,bestaat-niet,<img%20src=x>," + ",".join(["x"] * 5000))
    expect(page.locator(".ib-selectie__title")).to_have_text(["Kindcheck"])
    # "bestaat-niet" and "x" (once, however often the link repeats it) are unknown; the markup is no id at all.
    expect(page.locator("#ib-selectie-status")).to_contain_text("2 hulpmiddelen uit de selectie staan niet meer")
    assert page.locator(".ib-selectie img").count() == 0


def test_selection_by_keyboard_and_on_a_320px_screen(new_page, site_url, axe, format_violations):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(f"{site_url}/kwaliteitsstandaarden/3/")
    button = page.locator('[data-select="kindcheck"]').first
    button.focus()
    page.keyboard.press("Space")
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#ib-select-status")).to_contain_text("Kindcheck staat in uw selectie")
    page.goto(f"{site_url}/selectie/")
    expect(page.locator(".ib-selectie__title")).to_have_text(["Kindcheck"])
    page.get_by_role("button", name="Haal uit selectie Kindcheck").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#ib-selectie-status")).to_have_text("Uw selectie is nog leeg.")
    for path in ("/selectie/", "/themas/", "/themas/kindermishandeling/", "/organisaties/", "/hulpmiddelen/"):
        page.goto(f"{site_url}{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
        violations = axe(page)
        assert not violations, f"{path}:\n" + format_violations(violations)


def test_a_filled_selection_page_is_accessible(page, site_url, axe, format_violations):
    page.goto(f"{site_url}/selectie/?ids=kindcheck,toolkit-meldcode")
    expect(page.locator(".ib-selectie__title")).to_have_count(2)
    violations = axe(page)
    assert not violations, format_violations(violations)
