"""Dutch search in the real UI: typed queries find the right resources, plurals find the singular, and
results lead to the resource's card (test_relevance.py: ranking, typos, compounds, synonyms).

Expectations come from the catalogue itself, not from the search code: a plural query must find a
resource whose text holds only the singular form.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

import pytest
from search_box import RESULT_LINK, ask, open_search, resource_of, wait_for_search_worker

from infobox.loader import load_catalogue
from infobox.site.search import MARKER


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
def test_plural_finds_resources_with_only_the_singular(page, site_url, plural, singular):
    singular_only = resources_mentioning(singular, not_word=plural)
    assert singular_only, f"no resource mentions only {singular!r}: the test needs one"
    found = card_ids(search(page, site_url, plural))
    assert singular_only <= found, f"{plural!r} missed {sorted(singular_only - found)}"


def test_unknown_word_finds_nothing(page, site_url):
    # Guards the tests above: a search that found everything would pass them too.
    assert search(page, site_url, "xylofoonwedstrijd") == []


def test_search_is_usable_by_keyboard(page, site_url):
    page.goto(f"{site_url}/")
    page.keyboard.press("/")  # Material's documented shortcut to open search
    wait_for_search_worker(page)
    page.keyboard.type("meldcode", delay=20)
    page.locator(RESULT_LINK).first.wait_for()
    # Every keystroke is a query; an answer to "meldcod" may still be drawn after the first results appear,
    # and drawing the list drops the focus (ArrowDown then goes back to the box). Allow that twice.
    for _ in range(3):
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("document.activeElement.className")
        if "md-search-result__link" in focused:
            break
    assert "md-search-result__link" in focused


def test_search_worker_is_extended_once(built_site):
    workers = list(built_site.glob("assets/javascripts/workers/search*.min.js"))
    assert len(workers) == 1
    assert workers[0].read_text(encoding="utf-8").count(MARKER) == 1


def test_print_page_is_not_a_search_result(page, site_url):
    # /afdrukken/ repeats every card; a result there would lead away from the standard and A-Z pages.
    hrefs = search(page, site_url, "meldcode")
    assert hrefs
    assert not [href for href in hrefs if urlsplit(href).path == "/afdrukken/"]
