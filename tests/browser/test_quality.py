"""Quality bars of the built site in Chromium: WCAG 2.1 A/AA (axe-core, light and dark where offered) and no
request to any third party, on every page type (valid HTML, read from the files: tests/site/test_built_html.py)."""

from __future__ import annotations

import pytest

from tests.support.generators import on_both_builds
from tests.support.search_box import ask, open_search
from tests.support.sitebuild import PAGE_TYPES


def color_schemes(page) -> list[str]:
    """The schemes the page lets a reader pick (Material's palette toggle); the default one if none."""
    offered = page.locator("[data-md-color-scheme]").evaluate_all(
        "els => els.map(el => el.getAttribute('data-md-color-scheme'))"
    )
    return list(dict.fromkeys(offered)) or ["default"]


def show_scheme(page, scheme: str) -> None:
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    # Wait until the body is styled for that scheme: the attribute is set and the theme's colours resolve.
    page.wait_for_function(
        """s => document.body.getAttribute('data-md-color-scheme') === s
            && getComputedStyle(document.body).getPropertyValue('--md-default-bg-color').trim() !== ''""",
        arg=scheme,
    )


def axe_in_every_scheme(page, axe, format_violations) -> str:
    problems = []
    for scheme in color_schemes(page):
        show_scheme(page, scheme)
        violations = axe(page)
        if violations:
            problems.append(f"[{scheme}]\n{format_violations(violations)}")
    return "\n".join(problems)


# One visit per page type for both checks: loading and laying out a page is most of their cost.
@on_both_builds
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_page_has_no_wcag_violations_and_makes_no_third_party_request(
    page, site_url, path, axe, format_violations, foreign_requests, requests_of
):
    page.goto(f"{site_url}{path}", wait_until="networkidle")
    assert requests_of(page), "the request log is empty: the check would prove nothing"
    problems = axe_in_every_scheme(page, axe, format_violations)
    foreign = foreign_requests(page)  # after every scheme was shown, too
    assert not problems and not foreign, f"{problems}\nrequests to other hosts: {foreign}"


@on_both_builds
def test_open_search_results_have_no_wcag_violations(page, site_url, axe, format_violations):
    open_search(page, site_url)
    assert ask(page, "samenwerkingsafspraken")  # resource results and sections of pages
    assert not (problems := axe_in_every_scheme(page, axe, format_violations)), problems


@on_both_builds
def test_filtered_overview_has_no_wcag_violations(page, site_url, axe, format_violations):
    page.goto(f"{site_url}/hulpmiddelen/")
    page.locator("#ib-filter-standard").select_option("3")
    assert not (problems := axe_in_every_scheme(page, axe, format_violations)), problems


@on_both_builds
def test_search_makes_no_third_party_request(page, site_url, foreign_requests, requests_of):
    open_search(page, site_url)
    assert ask(page, "trainingen")
    page.wait_for_load_state("networkidle")
    assert any("/search/index.json" in url for url in requests_of(page))
    assert any("/javascripts/vendor/snowball-nl.js" in url for url in requests_of(page))
    assert foreign_requests(page) == []
