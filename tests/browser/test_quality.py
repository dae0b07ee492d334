"""Quality bars of the built site: WCAG 2.1 A/AA (axe-core in Chromium, light and dark where offered),
no request to any third party, and valid HTML (Nu Html Checker, vnu.jar from npm)."""

from __future__ import annotations

import json
import subprocess
from html.parser import HTMLParser

import pytest

from tests.support.generators import on_both_builds
from tests.support.paths import REPO
from tests.support.search_box import ask, open_search

VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# One short run: the quick JIT tier only (measured: 6 s instead of 14 s of CPU for a whole build); the checker
# needs a larger thread stack than that tier's default.
JAVA_FLAGS = ["-XX:TieredStopAtLevel=1", "-Xss4m"]

# One page of every kind the site generates or ships.
PAGE_TYPES = [
    "/",  # home
    "/kwaliteitsstandaarden/",  # overview of the ten standards
    "/kwaliteitsstandaarden/3/",  # a standard with sub-items
    "/kwaliteitsstandaarden/9/",  # a standard without sub-items
    "/hulpmiddelen/",  # A-Z overview with filters
    "/hulpmiddelen/toolkit-meldcode/",  # one resource's own page
    "/organisaties/",  # resources per organisation
    "/themas/",  # the themes overview
    "/themas/kindermishandeling/",  # one theme's resources per standard
    "/selectie/",  # Mijn selectie (empty in a fresh browser)
    "/achtergrond/gefaseerde-ketenzorg/",
    "/achtergrond/mda-bouwstenen/",
    "/achtergrond/samenwerkingsafspraken/",  # analysis with its chart
    "/linkstatus/",
    "/afdrukken/",  # the whole Infobox on one printable page
    "/open-data/",
    "/over/",
    "/privacy/",
    "/toegankelijkheid/",
    "/zelfscan/",
    "/404.html",
]


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


@on_both_builds
def test_every_page_type_is_built(built_site):
    # Guards the lists below: a page type that is not built would make its checks meaningless.
    missing = [
        path
        for path in PAGE_TYPES
        if not (built_site / path.lstrip("/")).is_file()
        and not (built_site / path.lstrip("/") / "index.html").is_file()
    ]
    assert not missing


@on_both_builds
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_page_has_no_wcag_violations(page, site_url, path, axe, format_violations):
    page.goto(f"{site_url}{path}")
    assert not (problems := axe_in_every_scheme(page, axe, format_violations)), problems


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
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_page_makes_no_third_party_request(page, site_url, path, foreign_requests, requests_of):
    page.goto(f"{site_url}{path}", wait_until="networkidle")
    assert requests_of(page), "the request log is empty: the check would prove nothing"
    assert foreign_requests(page) == []


@on_both_builds
def test_search_makes_no_third_party_request(page, site_url, foreign_requests, requests_of):
    open_search(page, site_url)
    assert ask(page, "trainingen")
    page.wait_for_load_state("networkidle")
    assert any("/search/index.json" in url for url in requests_of(page))
    assert any("/javascripts/vendor/snowball-nl.js" in url for url in requests_of(page))
    assert foreign_requests(page) == []


class RejectedThemeMarkup(HTMLParser):
    """The markup both themes' base.html writes and overrides/skeleton/ leaves out: `autocomplete` on a
    checkbox, `aria-hidden` on a label (the Nu Html Checker rejects both)."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.toggles = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "input" and values.get("type") == "checkbox":
            self.toggles += values.get("id") == "__drawer"
            if "autocomplete" in values:
                self.found.append(f"<input id={values.get('id')!r} autocomplete=…>")
        if tag == "label" and "aria-hidden" in values:
            self.found.append(f"<label for={values.get('for')!r} aria-hidden=…>")


@on_both_builds
def test_theme_skeleton_writes_no_rejected_markup(built_site):
    # The skeleton in overrides/ renders valid markup; nothing corrects built pages afterwards.
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= len(PAGE_TYPES)
    for path in pages:
        markup = RejectedThemeMarkup()
        markup.feed(path.read_text(encoding="utf-8"))
        assert markup.toggles == 1, f"{path.relative_to(built_site)}: not the theme's page skeleton"
        assert not markup.found, f"{path.relative_to(built_site)}: {markup.found}"


@on_both_builds
def test_built_html_is_valid(built_site):
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR} is missing: run `npm ci` in {REPO}")
    pages = sorted(str(path) for path in built_site.rglob("*.html"))
    assert len(pages) >= len(PAGE_TYPES)
    result = subprocess.run(
        ["java", *JAVA_FLAGS, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m.get('url', '').rsplit(str(built_site), 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    assert not errors, "\n".join(errors[:40])
    assert result.returncode == 0
