"""Lighthouse (npm `lighthouse`, pinned) on every page type, mobile preset, the site served gzipped as GitHub
Pages serves it: no layout shift (CLS < 0.1) and 100 for accessibility, best practices and SEO.

Scripts are held back by the test server (`PagesHandler.script_delay`), as on a phone network, so a page
paints before its scripts run and anything they move shows as a layout shift on every run. The performance
score depends on the machine's load; benchmarks/bench_lighthouse.py prints it instead of a test asserting it.
One Lighthouse session runs all pages (tests/support/lighthouse_run.mjs), once per test run, beside the other
tests (tests/support/lighthouse.Background, started by tests/conftest.py); these tests run last and read it.
"""

from __future__ import annotations

import json

import pytest

from tests.support.lighthouse import (
    ASSERTED_CATEGORIES,
    PAGE_TYPES,
    RESULTS,
    STARTED,
    TIMEOUT,
    PhoneNetworkHandler,
    run_lighthouse,
)
from tests.support.once import run_root, wait_for_file
from tests.support.static_site import serve_directory

pytestmark = pytest.mark.timeout(TIMEOUT + 60)

MAX_LAYOUT_SHIFT = 0.1


# The MkDocs build by name, not the parametrized `built_site`: it is the build the session measures.
@pytest.fixture(scope="session")
def lighthouse(mkdocs_site, tmp_path_factory):
    root = run_root(tmp_path_factory)
    if not (root / STARTED).exists():  # no session beside the tests (pytest started none): run it here
        with serve_directory(mkdocs_site, PhoneNetworkHandler) as url:
            return run_lighthouse(url, ASSERTED_CATEGORIES)
    if not wait_for_file(root / RESULTS, TIMEOUT):
        pytest.fail(f"the Lighthouse session wrote no results within {TIMEOUT} s")
    figures = json.loads((root / RESULTS).read_text(encoding="utf-8"))
    if "error" in figures:
        pytest.fail(figures["error"], pytrace=False)
    return figures


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_does_not_jump_and_scores_full_marks(lighthouse, name):
    page = lighthouse[name]
    assert page["error"] is None, page["error"]
    assert page["cls"] < MAX_LAYOUT_SHIFT, f"layout shift {page['cls']:.3f} on {page['url']}: {page['shifted']}"
    lost = [audit for audit in page["lost"] if not audit.startswith("performance:")]
    assert not lost, f"{page['url']} lost points on: {lost}"
    assert set(page["scores"]) == set(ASSERTED_CATEGORIES)
    for category in ASSERTED_CATEGORIES:
        assert page["scores"][category] == 100, (category, page["scores"])


def test_the_zelfscan_loads_its_workbook_library_only_on_request(lighthouse):
    # ExcelJS (some 0.9 MB) is loaded when "Download als Excel-bestand" is pressed, never with the page.
    requests = lighthouse["zelfscan with answers"]["requests"]
    assert any(url.endswith("/javascripts/zelfscan.js") for url in requests), requests
    assert not any("exceljs" in url for url in requests), requests
