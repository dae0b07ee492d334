"""Lighthouse (npm `lighthouse`, pinned) on every page type, mobile preset, the site served gzipped as GitHub
Pages serves it: no layout shift (CLS < 0.1) and 100 for accessibility, best practices and SEO.

Scripts are held back by the test server (`PagesHandler.script_delay`), as on a phone network, so a page
paints before its scripts run and anything they move shows as a layout shift on every run. The performance
score depends on the machine's load; benchmarks/bench_lighthouse.py prints it instead of a test asserting it.
One Lighthouse session runs all pages (tests/support/lighthouse_run.mjs), once per test run.
"""

from __future__ import annotations

import pytest

from tests.support.lighthouse import PAGE_TYPES, run_lighthouse
from tests.support.static_site import PagesHandler, serve_directory

# One session for all pages: its own xdist worker, and time for a busy machine (some 2 minutes on an idle one).
pytestmark = [pytest.mark.xdist_group("lighthouse"), pytest.mark.timeout(1200)]

MAX_LAYOUT_SHIFT = 0.1
# What the test asserts; the performance score (the benchmark's) would cost most of Lighthouse's time.
ASSERTED_CATEGORIES = ["accessibility", "best-practices", "seo"]


class PhoneNetworkHandler(PagesHandler):
    script_delay = 0.5


# The MkDocs build by name, not the parametrized `built_site`: a worker that switches builds between two of
# these tests would tear this fixture down with it and run Lighthouse again.
@pytest.fixture(scope="session")
def lighthouse(mkdocs_site):
    with serve_directory(mkdocs_site, PhoneNetworkHandler) as url:
        return run_lighthouse(url, ASSERTED_CATEGORIES)


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
