"""Shared fixtures for browser tests: a local server and Debian Chromium.

Every test module under ``tests/browser/`` gets these (and is marked ``browser`` automatically, so
``pytest -m "not browser"`` skips the slow part; checks that need no browser belong in tests/site/):

``built_site`` / ``mkdocs_site`` / ``zensical_site`` (session, from tests/conftest.py)
    ``pathlib.Path`` of the site built from the repository's ``mkdocs.yml`` and catalogue by MkDocs (no
    link-status file: the same build as the site tests' ``real_site``). A test marked ``@on_both_builds``
    (from ``generators.py``; or a module with ``pytestmark = on_both_builds``) runs once on that build and
    once on the Zensical build of the same ``mkdocs.yml`` (``python -m infobox build-zensical``).
``site_url`` (session)
    ``"http://127.0.0.1:<port>"`` (no trailing slash) of a threaded ``http.server`` serving ``built_site``.
``browser``
    Playwright ``Browser``: Debian Chromium at ``/usr/bin/chromium``, headless; one per worker (``chromium``,
    session), started again should it be gone.
``new_page`` (function)
    Factory ``new_page(**context_options) -> Page`` for extra pages, e.g.
    ``new_page(color_scheme="dark")`` or ``new_page(viewport={"width": 375, "height": 700})``. Each page
    records the URL of every request it makes in ``requests_of(page)``; requests to any host but the
    site's own are recorded and then aborted, so a test never reaches the real web.
``page`` (function)
    ``new_page()`` with default options.
``requests_of`` / ``foreign_requests`` (fixtures returning functions)
    ``requests_of(page) -> list[str]``: every request URL the page made; ``foreign_requests(page)``: those
    that went to a host other than 127.0.0.1.
``axe`` / ``format_violations`` (fixtures returning functions)
    ``axe(page, exclude=None, include=None) -> list[dict]``: injects npm ``axe-core`` (``node_modules``, pinned in
    ``package.json``; run ``npm ci`` first) into the current document and returns its violations for the
    tags wcag2a, wcag2aa, wcag21a, wcag21aa and wcag22aa (target size), in the elements ``include`` selects
    (default: the whole document) minus those ``exclude`` selects. ``format_violations(violations) -> str``
    makes an assertion message of them.

Example::

    def test_home_is_accessible(page, site_url, axe, format_violations, foreign_requests):
        page.goto(f"{site_url}/")
        assert not foreign_requests(page)
        violations = axe(page)
        assert not violations, format_violations(violations)
"""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.paths import REPO
from tests.support.static_site import LOCAL_HOST, serve_directory

AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Playwright's own timeouts, for every action and `expect`: a static site on loopback answers in milliseconds,
# so only a broken page waits this long; the margin is for a loaded machine (the suite passes beside two busy
# CPU loops), not a speed the tests assert.
DEFAULT_TIMEOUT_MS = 30_000
expect.set_options(timeout=DEFAULT_TIMEOUT_MS)


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    with serve_directory(built_site) as url:
        yield url


class _Chromium:
    """The worker's one Chromium, started on first use and again should it be gone (crashed, or killed from
    outside on a shared machine): a lost browser fails the tests that were using it, not every one after."""

    def __init__(self, playwright):
        self.playwright, self.browser = playwright, None

    def get(self):
        if self.browser is None or not self.browser.is_connected():
            self.browser = self.playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        return self.browser

    def new_context(self, **options):
        from playwright.sync_api import Error

        try:
            return self.get().new_context(**options)
        except Error:  # the browser is gone (Playwright learns it only on the next request)
            self.browser = None
            return self.get().new_context(**options)

    def close(self) -> None:
        if self.browser is not None and self.browser.is_connected():
            self.browser.close()


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launcher = _Chromium(playwright)
        try:
            yield launcher
        finally:
            launcher.close()


@pytest.fixture
def browser(chromium):
    return chromium.get()


_REQUESTS_ATTR = "_infobox_requests"


def _requests_of(page) -> list[str]:
    """Every request URL the page (and its workers) made since it was opened."""
    return getattr(page, _REQUESTS_ATTR)


def _is_foreign(url: str) -> bool:
    """True for a network request to any host but the local test server (data:/blob: are not requests)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome", "chrome-extension"):
        return False
    return parts.hostname != LOCAL_HOST


def _foreign_requests(page) -> list[str]:
    return [url for url in _requests_of(page) if _is_foreign(url)]


@pytest.fixture
def new_page(chromium):
    contexts = []

    def factory(**context_options):
        context = chromium.new_context(**context_options)
        contexts.append(context)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        seen: list[str] = []

        # Routing sees page, iframe and worker fetches alike; the site must never leave 127.0.0.1.
        def route(route):
            seen.append(route.request.url)
            if _is_foreign(route.request.url):
                route.abort()
            else:
                route.continue_()

        context.route("**/*", route)
        page = context.new_page()
        setattr(page, _REQUESTS_ATTR, seen)
        return page

    yield factory
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@functools.cache
def _axe_source() -> str:
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` in {REPO}")
    return AXE_JS.read_text(encoding="utf-8")


def _run_axe(page, exclude: list[str] | None = None, include: list[str] | None = None) -> list[dict]:
    """Violations of WCAG 2.2 A/AA rules in the page's current document, as axe-core reports them; with
    `include`, in those elements only (a part opened on a page whose whole is checked elsewhere)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=_axe_source())
    return page.evaluate(
        """async ([tags, exclude, include]) => {
            const context = {exclude: exclude.map((s) => [s])};
            if (include.length) context.include = include.map((s) => [s]);
            // Only violations are read: axe then skips the details of passes and of rules that do not apply
            // (its documented option for large pages; a tenth to a third of its time here).
            const options = {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]};
            const result = await axe.run(context, options);
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => ({target: n.target, summary: n.failureSummary, html: n.html})),
            }));
        }""",
        [AXE_TAGS, exclude or [], include or []],
    )


def _format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['html'][:160]}")
    return "\n".join(lines)


@pytest.fixture
def axe():
    return _run_axe


@pytest.fixture
def format_violations():
    return _format_violations


@pytest.fixture
def requests_of():
    return _requests_of


@pytest.fixture
def foreign_requests():
    return _foreign_requests
