"""Filters on /hulpmiddelen/ (issue 8): type groups, choices in the URL (reload, back/forward, shared
links), a count per option, an empty state that names the filter to loosen, and no overflow on phones."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from infobox.catalogue.loader import load_catalogue
from infobox.catalogue.vocabulary import TYPE_GROUPS
from tests.support.a_to_z import COUNT, found, visible_cards
from tests.support.generators import on_both_builds
from tests.support.paths import REPO

pytestmark = on_both_builds

CATALOGUE = load_catalogue(REPO / "data" / "resources.yaml")


def in_group(group: str, ref: str | None = None) -> list[str]:
    members = TYPE_GROUPS[group][1]
    return sorted(
        r.id for r in CATALOGUE.resources if r.type in members and (ref is None or ref in r.standards + r.standard_ids)
    )


def test_training_also_finds_online_courses(page, site_url):
    # The dead end: 3A + "training" gave 0 because both meldcode courses are typed "online cursus".
    page.goto(f"{site_url}/hulpmiddelen/")
    page.select_option("#ib-filter-standard", "3A")
    page.select_option("#ib-filter-type", "training")
    expected = in_group("training", "3A")
    assert "online-cursus-werken-met-meldcode" in expected
    expect(page.locator(COUNT)).to_have_text(found(len(expected)))
    assert visible_cards(page) == expected


def test_filter_state_is_in_the_url_and_survives_reload_and_back(page, site_url):
    page.goto(f"{site_url}/hulpmiddelen/")
    page.select_option("#ib-filter-standard", "3A")
    page.wait_for_url(re.compile(r"standaard=3A"))
    page.select_option("#ib-filter-type", "training")
    page.wait_for_url(re.compile(r"soort=training"))
    page.locator('input[name="audience"][value="professionals"]').check()
    page.wait_for_url(re.compile(r"voor=professionals"))
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"standaard": ["3A"], "soort": ["training"], "voor": ["professionals"]}
    filtered = visible_cards(page)
    assert 0 < len(filtered) < len(CATALOGUE.resources)

    page.reload()
    expect(page.locator("#ib-filter-standard")).to_have_value("3A")
    expect(page.locator("#ib-filter-type")).to_have_value("training")
    expect(page.locator('input[name="audience"][value="professionals"]')).to_be_checked()
    assert visible_cards(page) == filtered

    page.go_back()  # before "professionals" was ticked
    expect(page.locator('input[name="audience"][value="professionals"]')).not_to_be_checked()
    expect(page.locator("#ib-filter-type")).to_have_value("training")
    expect(page.locator(COUNT)).to_have_text(found(len(in_group("training", "3A"))))
    page.go_back()
    page.go_back()  # the unfiltered list
    expect(page.locator("#ib-filter-standard")).to_have_value("")
    expect(page.locator(COUNT)).to_have_text(found(len(CATALOGUE.resources)))
    page.go_forward()
    expect(page.locator("#ib-filter-standard")).to_have_value("3A")


def test_shared_link_opens_the_filtered_list(page, site_url):
    page.goto(f"{site_url}/hulpmiddelen/?standaard=7B&organisatie=Movisie")
    # Movisie under its one name: its website's resource (movisie.nl) is Movisie's too.
    expected = sorted(r.id for r in CATALOGUE.resources if "7B" in r.standards and "Movisie" in r.organisation_groups)
    assert expected
    expect(page.locator(COUNT)).to_have_text(found(len(expected)))
    assert visible_cards(page) == expected


def test_every_option_shows_its_count(page, site_url):
    page.goto(f"{site_url}/hulpmiddelen/?standaard=3A")
    option = page.locator('#ib-filter-type option[value="training"]')
    expect(option).to_have_text(re.compile(rf"\({len(in_group('training', '3A'))}\)$"))
    everything = page.locator('#ib-filter-standard option[value=""]')
    expect(everything).to_have_text(re.compile(rf"\({len(CATALOGUE.resources)}\)$"))


OPTION_TEXTS = "() => [...document.querySelectorAll('#ib-filters option')].map((o) => [o.value, o.textContent])"


def test_the_unfiltered_list_is_drawn_with_the_counts_the_script_writes(page, site_url):
    # The build writes each option's count for the unfiltered list (so loading it rewrites none); after a
    # filter is chosen and cleared, the script's own counts must say the same.
    served = page.request.get(f"{site_url}/hulpmiddelen/").text()
    drawn = re.findall(r'<option value="([^"]*)" data-text="[^"]*">([^<]*)</option>', served)
    page.goto(f"{site_url}/hulpmiddelen/")
    page.select_option("#ib-filter-standard", "3A")
    expect(page.locator(COUNT)).not_to_have_text(found(len(CATALOGUE.resources)))
    page.get_by_role("button", name="Wis alle filters").click()
    expect(page.locator(COUNT)).to_have_text(found(len(CATALOGUE.resources)))
    written = [tuple(pair) for pair in page.evaluate(OPTION_TEXTS)]
    assert len(drawn) == len(written) > 40
    assert [(value, html.unescape(text)) for value, text in drawn] == written


def test_empty_state_names_the_filter_to_loosen_and_clears_it(page, site_url):
    # An organisation that has no resource for standard 1: nothing matches both.
    organisation = next(
        name
        for name in sorted({o for r in CATALOGUE.resources for o in r.organisation_groups})
        if not any(name in r.organisation_groups and "1" in r.standard_ids for r in CATALOGUE.resources)
    )
    page.goto(f"{site_url}/hulpmiddelen/")
    page.select_option("#ib-filter-standard", "1")
    page.select_option("#ib-filter-organisation", organisation)
    expect(page.locator(COUNT)).to_have_text(found(0))
    empty = page.locator("#ib-filter-empty")
    expect(empty).to_be_visible()
    by_organisation = len([r for r in CATALOGUE.resources if organisation in r.organisation_groups])
    loosen = empty.get_by_role("button", name=re.compile(f"Wis Kwaliteitsstandaard.*dan {found(by_organisation)[:-9]}"))
    expect(loosen).to_be_visible()
    loosen.click()
    expect(page.locator(COUNT)).to_have_text(found(by_organisation))
    expect(page.locator("#ib-filter-standard")).to_have_value("")
    expect(empty).to_be_hidden()
    assert "standaard=" not in page.url


def test_search_result_link_opens_the_card(page, site_url):
    page.goto(f"{site_url}/hulpmiddelen/?hulpmiddel=kindcheck")
    page.wait_for_url(re.compile(r"/hulpmiddelen/#kindcheck$"))
    expect(page.locator("[id='kindcheck']")).to_be_in_viewport()


def test_a_shared_link_draws_the_list_filtered_before_the_script_runs_its_filter(page, site_url):
    # hulpmiddelen-filter-start.js turns the URL's filter into CSS while the page is read, so the list is
    # drawn filtered from the first paint; the filter module then hides the same cards. Each kind of filter,
    # with organisation names that hold spaces and a type group.
    spaced = next(o for r in CATALOGUE.resources for o in r.organisation_groups if " " in o)
    links = [
        "?standaard=7B&organisatie=Movisie",
        f"?organisatie={spaced}",
        "?soort=training&standaard=3A",
        "?voor=professionals&voor=gemeenten&thema=melden",
    ]
    for link in links:
        page.goto(f"{site_url}/hulpmiddelen/{link}")
        filtered = visible_cards(page)
        assert 0 < len(filtered) < len(CATALOGUE.resources), link
        drawn = page.evaluate(
            """() => {
              document.documentElement.setAttribute("data-ib-prefilter", "");
              const cards = [...document.querySelectorAll("#ib-resource-list .ib-card")];
              cards.forEach((card) => { card.hidden = false; });
              return cards.filter((c) => getComputedStyle(c).display !== "none")
                .map((c) => c.querySelector(".ib-card__title").id).sort();
            }"""
        )
        assert drawn == filtered, link


def test_themes_are_two_facets_any_within_and_all_between(page, site_url):
    # Issue 34.3: several forms of violence (any of them) and several kinds of help (any of them), both holding.
    page.goto(f"{site_url}/hulpmiddelen/?thema=kindermishandeling&thema=partnergeweld&thema=melden")
    forms, helps = {"kindermishandeling", "partnergeweld"}, {"melden"}
    expected = sorted(r.id for r in CATALOGUE.resources if forms & set(r.themes) and helps & set(r.themes))
    assert expected
    expect(page.locator(COUNT)).to_have_text(found(len(expected)))
    assert visible_cards(page) == expected
    for key in ("kindermishandeling", "partnergeweld", "melden"):
        expect(page.locator(f'input[value="{key}"]')).to_be_checked()
    # A box's count keeps the other facet's choice: "signaleren" with the two forms chosen.
    n = sum(1 for r in CATALOGUE.resources if forms & set(r.themes) and "signaleren" in r.themes)
    expect(page.locator('label:has(input[value="signaleren"]) .ib-filters__n')).to_have_text(f" ({n})")
    page.locator('input[value="signaleren"]').check()
    page.wait_for_url(re.compile(r"thema=signaleren"))
    helps.add("signaleren")
    wider = sorted(r.id for r in CATALOGUE.resources if forms & set(r.themes) and helps & set(r.themes))
    expect(page.locator(COUNT)).to_have_text(found(len(wider)))
    # In the form's order: the forms of violence, then the kinds of help as the work goes.
    assert parse_qs(urlsplit(page.url).query)["thema"] == [
        "kindermishandeling",
        "partnergeweld",
        "signaleren",
        "melden",
    ]


def test_a_theme_page_links_to_the_list_filtered_on_it(page, site_url):
    page.goto(f"{site_url}/themas/melden/")
    page.get_by_role("link", name="Bekijk ze in het overzicht met filters").click()
    page.wait_for_url(re.compile(r"/hulpmiddelen/\?thema=melden$"))
    expected = sorted(r.id for r in CATALOGUE.resources if "melden" in r.themes)
    expect(page.locator(COUNT)).to_have_text(found(len(expected)))


def test_on_a_phone_the_filters_fold_behind_one_button_and_the_list_starts_on_the_first_screen(new_page, site_url):
    # Issue 34.4: at 375×800 five filter fields pushed the first resource to 1,095 px.
    page = new_page(viewport={"width": 375, "height": 800})
    page.goto(f"{site_url}/hulpmiddelen/?standaard=3A&voor=professionals&voor=jeugd")
    toggle = page.get_by_role("button", name=re.compile(r"^Filters"))
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_have_text("Filters (3 actief)")
    expect(page.locator("#ib-filter-standard")).to_be_hidden()
    first = page.locator("#ib-resource-list > .ib-card:not([hidden])").first
    assert first.bounding_box()["y"] < 800
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#ib-filter-standard")).to_be_visible()
    page.locator('input[name="audience"][value="jeugd"]').uncheck()
    expect(toggle).to_have_text("Filters (2 actief)")
    # On a wide screen the fields show as they always did, without the button.
    wide = new_page(viewport={"width": 1280, "height": 800})
    wide.goto(f"{site_url}/hulpmiddelen/")
    expect(wide.get_by_role("button", name=re.compile(r"^Filters"))).to_be_hidden()
    expect(wide.locator("#ib-filter-standard")).to_be_visible()
