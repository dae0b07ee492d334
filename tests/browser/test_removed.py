"""An old link to a removed resource says it was removed, why, and where to go on: on the A–Z list
(/hulpmiddelen/#id), at its card's anchor on a standard page, at its own address (/hulpmiddelen/<id>/) and in
a shared selection (issue 34.5).

The site is built from the site tests' catalogue with a `removed:` list (the real catalogue has removed
nothing), served on loopback and opened in Chromium.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.paths import REPO
from tests.support.sitebuild import build_site
from tests.support.static_site import serve_directory

REMOVED = """
removed:
  - id: kindcheck-oud
    date: 2026-03-01
    reason: De oude pagina bestaat niet meer; de Rijksoverheid bundelt alles in één toolkit.
    replaced_by: toolkit-meldcode
  - id: wijkteam-folder
    title: Folder voor het wijkteam
    date: 2026-04-15
    reason: De folder wordt niet meer uitgegeven.
"""


@pytest.fixture(scope="module")
def removed_site(tmp_path_factory, once_per_run):
    folder = tmp_path_factory.mktemp("removed")
    catalogue = folder / "resources.yaml"
    base = (REPO / "tests" / "site" / "fixtures" / "resources.yaml").read_text(encoding="utf-8")
    catalogue.write_text(base + REMOVED, encoding="utf-8")
    site = once_per_run("removed-site", lambda site: build_site(site, catalogue, None))
    with serve_directory(site) as url:
        yield url


def test_an_old_link_shows_the_notice_with_the_reason_and_the_replacement(page, removed_site, axe):
    page.goto(f"{removed_site}/hulpmiddelen/#kindcheck-oud")
    notice = page.locator("#kindcheck-oud")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Dit hulpmiddel is verwijderd (op 1 maart 2026)")
    expect(notice).to_contain_text("De oude pagina bestaat niet meer")
    expect(page.locator("#wijkteam-folder")).to_be_hidden()
    assert axe(page) == []
    notice.get_by_role("link", name="Toolkit Meldcode huiselijk geweld en kindermishandeling").click()
    expect(page).to_have_url(f"{removed_site}/hulpmiddelen/#toolkit-meldcode")
    expect(notice).to_be_hidden()
    expect(page.locator("#toolkit-meldcode")).to_be_in_viewport()


def test_without_a_replacement_the_notice_points_to_the_list(page, removed_site):
    page.goto(f"{removed_site}/hulpmiddelen/#wijkteam-folder")
    notice = page.locator("#wijkteam-folder")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("De folder wordt niet meer uitgegeven.")
    notice.get_by_role("link", name="de hele lijst hieronder").click()
    expect(page).to_have_url(f"{removed_site}/hulpmiddelen/#ib-resource-list")


def test_the_list_itself_says_nothing_about_removed_resources(page, removed_site):
    page.goto(f"{removed_site}/hulpmiddelen/")
    expect(page.locator(".ib-removed")).to_have_count(2)
    for notice in page.locator(".ib-removed").all():
        expect(notice).to_be_hidden()


def test_a_standard_page_anchor_of_a_removed_resource_says_why_and_where_to_go(page, removed_site, axe):
    page.goto(f"{removed_site}/kwaliteitsstandaarden/3/#3a-kindcheck-oud")
    notice = page.locator("[id='3a-kindcheck-oud']")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("De oude pagina bestaat niet meer")
    expect(page.locator("[id='3b-kindcheck-oud']")).to_be_hidden()
    assert axe(page) == []
    notice.get_by_role("link", name="Toolkit Meldcode huiselijk geweld en kindermishandeling").click()
    expect(page).to_have_url(f"{removed_site}/hulpmiddelen/toolkit-meldcode/")


def test_its_own_old_address_says_when_why_and_what_came_instead(page, removed_site, axe):
    page.goto(f"{removed_site}/hulpmiddelen/wijkteam-folder/")
    expect(page.locator("h1")).to_have_text("Dit hulpmiddel is verwijderd")
    notice = page.locator(".ib-removed--page")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Folder voor het wijkteam staat sinds 15 april 2026 niet meer in de infobox")
    expect(notice).to_contain_text("De folder wordt niet meer uitgegeven.")
    assert axe(page) == []
    page.goto(f"{removed_site}/hulpmiddelen/kindcheck-oud/")
    page.locator(".ib-removed--page").get_by_role("link", name="Toolkit Meldcode").click()
    expect(page).to_have_url(f"{removed_site}/hulpmiddelen/toolkit-meldcode/")


def test_a_shared_selection_names_a_removed_resource_and_its_replacement(page, removed_site):
    page.goto(f"{removed_site}/selectie/?ids=kindcheck,kindcheck-oud,wijkteam-folder")
    expect(page.locator(".ib-selectie__title")).to_have_text(["Kindcheck"])
    removed = page.locator(".ib-selectie__removed li")
    expect(removed).to_have_count(2)
    expect(removed.nth(0)).to_contain_text("kindcheck-oud staat niet meer in de infobox: De oude pagina")
    expect(removed.nth(0).get_by_role("link")).to_have_text("Toolkit Meldcode huiselijk geweld en kindermishandeling")
    expect(removed.nth(1)).to_contain_text("Folder voor het wijkteam staat niet meer in de infobox")


def test_what_is_new_lists_removals_with_their_dates_beside_the_feed(page, removed_site, axe):
    # Issue 34.6: an HTML page of additions and removals, linked from the home page, the feed beside it.
    page.goto(f"{removed_site}/")
    page.get_by_role("link", name="Wat is er nieuw?").click()
    expect(page).to_have_url(f"{removed_site}/nieuw/")
    expect(page.locator("main")).to_contain_text("De lijst begint bij de overname uit de Infobox")
    items = page.locator(".md-content li")
    expect(items.first).to_contain_text("15 april 2026: verwijderd: Folder voor het wijkteam")
    expect(items.nth(1)).to_contain_text("1 maart 2026: verwijderd: kindcheck-oud")
    expect(page.get_by_role("link", name="nieuwsfeed")).to_have_attribute("href", "../nieuw.xml")
    assert axe(page) == []
