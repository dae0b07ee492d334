"""Dutch search in the real UI: typed queries find the right resources, plurals find the singular, the
dialog works by keyboard, results lead to real places, the status line counts resources and pages apart,
results matching only some words come after a divider, a query that finds nothing gets help, and a long query
is cut (test_relevance.py: ranking, typos, compounds, synonyms, questions, word forms; the search as built, read
from the files: tests/site/test_built_search.py).

Expectations come from the catalogue itself, not from the search code: a plural query must find a
resource whose text holds only the singular form.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

import pytest

from infobox.catalogue.loader import load_catalogue
from tests.support.generators import on_both_builds
from tests.support.search_box import (
    DIVIDER,
    FULL_LINK,
    NOTHING_FOUND,
    PARTIAL_LINK,
    RESULT_LINK,
    SEARCH_DIALOG,
    SEARCH_INPUT,
    SEARCH_STATUS,
    SUGGESTION,
    ask,
    open_search,
    resource_of,
    wait_for_answer,
)

MAX_QUERY = 200  # characters searched (search-engine.js MAX_QUERY, the field's maxlength)


@cache
def catalogue():
    return load_catalogue()


def resources_mentioning(word: str, not_word: str | None = None) -> set[str]:
    """Ids of resources whose title or description has a word starting with `word` (and none `not_word`)."""
    found = set()
    for resource in catalogue().resources:
        text = f"{resource.title} {resource.description}"
        if re.search(rf"\b{word}", text, re.I) and not (not_word and re.search(rf"\b{not_word}", text, re.I)):
            found.add(resource.id)
    return found


def search(page, site_url: str, query: str) -> list[str]:
    """Type `query` into the header search; return the hrefs of all results, once the worker answered it."""
    open_search(page, site_url)
    return ask(page, query)


def card_ids(hrefs: list[str]) -> set[str]:
    """Resource ids whose card a result points at (see search_box.resource_of)."""
    known = {r.id for r in catalogue().resources}
    return {resource_of(href, known) for href in hrefs} - {None}


def counted(hrefs: list[str]) -> str:
    """How the status line counts these results: "12 hulpmiddelen en 3 pagina's". A resource's result is its
    own page (/hulpmiddelen/<id>/); every other result is a page (or a section of one)."""
    known = {r.id for r in catalogue().resources}
    resources = len([h for h in hrefs if urlsplit(h).path in {f"/hulpmiddelen/{id_}/" for id_ in known}])
    pages = len(hrefs) - resources
    numbers = ((resources, "hulpmiddel", "hulpmiddelen"), (pages, "pagina", "pagina's"))
    return " en ".join(f"{n} {one if n == 1 else many}" for n, one, many in numbers if n)


def links(page, selector: str) -> list[str]:
    return page.locator(selector).evaluate_all("links => links.map(a => a.href)")


@on_both_builds
@pytest.mark.parametrize("query", ["meldcode", "ouderenmishandeling", "traumasensitief"])
def test_query_finds_the_resources_about_it(page, site_url, query):
    expected = resources_mentioning(query)
    assert expected, f"the catalogue has no resource about {query!r}: the test needs one"
    found = card_ids(search(page, site_url, query))
    assert expected <= found, f"{query!r} missed {sorted(expected - found)}"


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("trainingen", "training"), ("gezinnen", "gezin"), ("veiligheidsplannen", "veiligheidsplan")],
)
@on_both_builds
def test_plural_finds_resources_with_only_the_singular(page, site_url, plural, singular):
    singular_only = resources_mentioning(singular, not_word=plural)
    assert singular_only, f"no resource mentions only {singular!r}: the test needs one"
    found = card_ids(search(page, site_url, plural))
    assert singular_only <= found, f"{plural!r} missed {sorted(singular_only - found)}"


@on_both_builds
def test_unknown_word_finds_nothing(page, site_url):
    # Guards the tests above: a search that found everything would pass them too.
    assert search(page, site_url, "xylofoonwedstrijd") == []


def focused(page) -> str:
    return page.evaluate("(el => el.href || el.id || el.className)(document.activeElement)")


@on_both_builds
def test_search_is_usable_by_keyboard(page, site_url):
    page.goto(f"{site_url}/")
    page.keyboard.press("/")
    expect_open(page, True)
    page.keyboard.type("meldcode", delay=20)
    wait_for_answer(page, "meldcode")
    hrefs = page.locator(RESULT_LINK).evaluate_all("links => links.map(a => a.href)")
    assert len(hrefs) > 2
    assert page.locator(SEARCH_STATUS).get_attribute("role") == "status"
    assert page.locator(SEARCH_STATUS).inner_text() == f'{counted(hrefs)} voor "meldcode".'
    assert "hulpmiddelen en" in page.locator(SEARCH_STATUS).inner_text()  # resources and pages, apart
    page.keyboard.press("ArrowDown")
    assert focused(page) == hrefs[0]
    page.keyboard.press("ArrowDown")
    assert focused(page) == hrefs[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert focused(page) == SEARCH_INPUT.removeprefix("#")
    page.keyboard.press("Escape")
    expect_open(page, False)
    # The focus goes back to the header's search field (waited for: a focus move is not a test of speed).
    page.wait_for_function("() => document.activeElement.classList.contains('ib-search__open')")
    page.keyboard.press("Control+k")
    expect_open(page, True)
    assert page.locator(SEARCH_INPUT).input_value() == "meldcode"
    page.keyboard.press("Enter")  # opens the first result
    page.wait_for_url(hrefs[0])


def expect_open(page, is_open: bool) -> None:
    page.wait_for_function("o => document.querySelector('dialog.ib-search__dialog').open === o", arg=is_open)


@on_both_builds
def test_slash_in_a_form_field_types_a_slash(page, site_url):
    page.goto(f"{site_url}/")
    field = page.locator("#ib-home-search")
    field.click()
    page.keyboard.type("a/b")
    assert field.input_value() == "a/b"
    assert not page.locator(SEARCH_DIALOG).evaluate("d => d.open")


@on_both_builds
def test_query_in_the_address_opens_the_search(page, site_url):
    # The home page's search form (and the 404 page's) sends ?q=<query>.
    page.goto(f"{site_url}/?q=kindcheck")
    wait_for_answer(page, "kindcheck")
    assert page.locator(SEARCH_INPUT).input_value() == "kindcheck"
    assert resource_of(page.locator(RESULT_LINK).first.get_attribute("href"), {"kindcheck"}) == "kindcheck"


@on_both_builds
def test_print_page_is_not_a_search_result(page, site_url):
    # /afdrukken/ repeats every card; a result there would lead away from the standard and A-Z pages.
    hrefs = search(page, site_url, "meldcode")
    assert hrefs
    assert not [href for href in hrefs if urlsplit(href).path == "/afdrukken/"]


@on_both_builds
def test_status_counts_resources_and_pages_apart(page, site_url):
    # Issue 32: "69 resultaten" for a catalogue of 67 resources counted pages as results too.
    hrefs = search(page, site_url, "kindermishandeling")
    known = {r.id for r in catalogue().resources}
    cards = [resource_of(href, known) for href in hrefs if resource_of(href, known)]
    assert len(cards) == len(set(cards)) <= len(known)  # each resource once, however many pages show it
    status = page.locator(SEARCH_STATUS)
    assert status.inner_text() == f'{counted(hrefs)} voor "kindermishandeling".'
    assert status.get_attribute("aria-live") == "polite"  # what is shown is what a screen reader hears


@on_both_builds
def test_results_matching_some_words_come_after_a_divider(page, site_url, axe, format_violations):
    # "praten met ouders": a few results speak of both; many more of talking or of parents alone.
    hrefs = search(page, site_url, "praten met ouders")
    full, partial = links(page, FULL_LINK), links(page, PARTIAL_LINK)
    assert full and partial and hrefs == full + partial
    divider = page.locator(DIVIDER)
    assert divider.is_visible()
    assert divider.inner_text() == "Ook gevonden bij een deel van uw woorden"
    assert page.get_by_role("list", name="Ook gevonden bij een deel van uw woorden").count() == 1
    assert page.locator(SEARCH_STATUS).inner_text() == (
        f'{counted(full)} voor "praten met ouders", en {counted(partial)} met een deel van uw woorden.'
    )
    # Parents, not older people: no elder-abuse resource answers this query at all.
    assert not [r for r in card_ids(hrefs) if "ouderenmishandeling" in r]
    assert not (violations := axe(page, include=[SEARCH_DIALOG])), format_violations(violations)
    # One word: every result matches it, and there is no divider.
    ask(page, "meldcode")
    assert links(page, PARTIAL_LINK) == [] and not divider.is_visible()


@on_both_builds
def test_a_query_that_finds_nothing_suggests_a_known_word_and_ways_to_browse(page, site_url, axe, format_violations):
    assert search(page, site_url, "ouderemishandling") == []  # two letters off
    help_ = page.locator(NOTHING_FOUND)
    assert help_.is_visible()
    assert page.locator(SEARCH_STATUS).inner_text() == 'Geen resultaten voor "ouderemishandling".'
    suggestion = page.locator(SUGGESTION)
    assert suggestion.inner_text() == "ouderenmishandeling"
    assert "Bedoelde u ouderenmishandeling?" in help_.inner_text()
    paths = {urlsplit(href).path for href in links(page, f"{NOTHING_FOUND} a")}
    assert paths == {"/hulpmiddelen/", "/themas/"}  # the A-Z list and the themes
    assert not (violations := axe(page, include=[SEARCH_DIALOG])), format_violations(violations)
    suggestion.click()
    wait_for_answer(page, "ouderenmishandeling")
    assert page.locator(SEARCH_INPUT).input_value() == "ouderenmishandeling"
    assert "aanpak-ouderenmishandeling" in card_ids(links(page, RESULT_LINK))
    assert not help_.is_visible()
    # A word with nothing near it: no suggestion, still the ways to browse.
    ask(page, "xylofoon")
    assert help_.is_visible() and not suggestion.is_visible()


@on_both_builds
def test_a_long_query_is_cut_and_answered(page, site_url):
    # Issue 31: a 201-character word of a repeated known part took 17 s to split; each repetition doubled it.
    long_word = "tips" * 51
    page.goto(f"{site_url}/?q={long_word}")
    wait_for_answer(page, long_word[:MAX_QUERY])
    assert page.locator(SEARCH_INPUT).input_value() == long_word[:MAX_QUERY]
    assert page.locator(SEARCH_INPUT).get_attribute("maxlength") == str(MAX_QUERY)
    assert page.locator(SEARCH_STATUS).inner_text().endswith(f"Alleen de eerste {MAX_QUERY} tekens zijn gezocht.")
