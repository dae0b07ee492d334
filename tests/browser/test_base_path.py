"""The site as the publish workflow builds it, served under a base path (a GitHub project page such as
https://OWNER.github.io/REPO/): the workflow's own build command, then every internal link, search,
catalogue.json, the zelfscan and the edit links, in Chromium, under that prefix.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from infobox.catalogue.loader import load_catalogue
from tests.support.paths import REPO
from tests.support.search_box import RESULT_LINK, SEARCH_OPENER, ask
from tests.support.static_site import QuietHandler, serve_directory

PREFIX = "/infobox/"
REPO_URL = "https://github.com/voorbeeld/infobox"
CATALOGUE = load_catalogue(REPO / "data" / "resources.yaml")
# One link known broken, with an archived copy, so the reader's notice is in the built pages too.
BROKEN = next(r for r in reversed(CATALOGUE.resources) if r.links).links[0].url
ARCHIVE = f"https://web.archive.org/web/20240303120000/{BROKEN}"
HISTORY = {
    "version": 1,
    "checked_at": "2026-11-23T05:17:00Z",
    "links": {
        BROKEN: {
            "status": "broken",
            "report": True,
            "checked_at": "2026-11-23T05:17:00Z",
            "archive_url": ARCHIVE,
            "archive_timestamp": "2024-03-03T12:00:00Z",
        }
    },
}
# What the build reads from the repository; the build itself runs in a scratch folder beside them.
SOURCES = ("docs", "data", "hooks", "overrides", "infobox")
# One worker runs this module: its site is built once (for the address it is served at), not once per worker.
pytestmark = [pytest.mark.xdist_group("base-path"), pytest.mark.server]


def publish_build_step() -> dict:
    pages = yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    return next(s for s in pages["jobs"]["build"]["steps"] if s.get("name") == "Build the site (strict)")


class PrefixHandler(QuietHandler):
    """Serves the site under PREFIX only, as GitHub Pages serves a project page; anything else is 404."""

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "no such file")
        return super().translate_path("/" + path[len(PREFIX) :])


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(base URL, site folder): the server starts first, so the build knows its address."""
    work = tmp_path_factory.mktemp("publish")
    site = work / "_site"
    site.mkdir()
    with serve_directory(site, PrefixHandler) as url:
        base = url + PREFIX
        shutil.copy(REPO / "mkdocs.yml", work / "mkdocs.yml")
        for name in SOURCES:
            (work / name).symlink_to(REPO / name)
        shutil.rmtree(site)
        history = work / "link-history.json"
        history.write_text(json.dumps(HISTORY), encoding="utf-8")
        build = publish_build_step()
        env = {
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",  # `python` = this venv's
            "SITE_URL": base,
            "INFOBOX_REPO_URL": REPO_URL,
            "INFOBOX_LINK_STATUS": str(history),  # stands in for data/link-history.json
        }
        assert set(build["env"]) == {"SITE_URL", "INFOBOX_REPO_URL"}, "the test sets what the workflow sets"
        result = subprocess.run(
            ["bash", "-e", "-c", build["run"]], cwd=work, env=env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stdout + result.stderr
        yield base, site


class References(HTMLParser):
    """Every URL a page links to or loads (a[href], link[href], script[src], img[src])."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("href", "src"):
            if attrs.get(key) and tag in ("a", "link", "script", "img"):
                self.urls.append(attrs[key])


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_every_internal_link_works_under_the_base_path(served):
    base, site = served
    host = urlsplit(base).netloc
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 20
    checked: dict[str, int] = {}
    for page in pages:
        page_url = urljoin(base, page.removesuffix("index.html"))
        parser = References()
        parser.feed((site / page).read_text(encoding="utf-8"))
        for ref in parser.urls:
            url = urljoin(page_url, ref).partition("#")[0]
            if urlsplit(url).netloc != host:
                continue
            assert urlsplit(url).path.startswith(PREFIX), f"{page}: {ref} leaves {PREFIX}"
            if url not in checked:
                checked[url] = status_of(url)
    broken = {url: code for url, code in checked.items() if code != 200}
    assert not broken and len(checked) > 30


def watch(page) -> list[str]:
    """Responses that failed or left the prefix, for the whole life of the page."""
    problems: list[str] = []

    def check(response):
        parts = urlsplit(response.url)
        if parts.scheme in ("http", "https") and not parts.path.startswith(PREFIX):
            problems.append(f"outside {PREFIX}: {response.url}")
        elif response.status >= 400:
            problems.append(f"{response.status}: {response.url}")

    page.on("response", check)
    return problems


def test_navigation_search_and_edit_links_in_chromium(served, page, foreign_requests, axe, format_violations):
    base, _ = served
    problems = watch(page)
    page.goto(base)
    page.get_by_role("link", name=re.compile("Alle \\d+ hulpmiddelen van A tot Z")).click()
    expect(page).to_have_url(f"{base}hulpmiddelen/")
    resource = CATALOGUE.resources[-1]
    card = page.locator("article.ib-card", has=page.locator(f"[id='{resource.id}']"))
    edit = card.get_by_role("link", name=re.compile("Wijzig in de catalogus"))
    lines = (REPO / "data" / "resources.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip() == f"- id: {resource.id}")
    assert edit.get_attribute("href") == f"{REPO_URL}/blob/main/data/resources.yaml#L{line}"
    notice = page.locator(".ib-card__links li", has=page.locator(f"a[href='{BROKEN}']")).locator(".ib-link-warning")
    expect(notice).to_contain_text("werkt mogelijk niet meer")
    expect(notice.get_by_role("link", name=re.compile("gearchiveerde versie"))).to_have_attribute("href", ARCHIVE)
    violations = axe(page)
    assert not violations, format_violations(violations)

    page.locator(SEARCH_OPENER).click()
    hrefs = ask(page, "meldcode")
    results = page.locator(RESULT_LINK)
    assert hrefs and all(href.startswith(base) for href in hrefs)
    results.first.click()
    page.wait_for_load_state()
    assert page.url.startswith(base)
    assert not problems and not foreign_requests(page)


def test_catalogue_json_and_the_zelfscan_work_under_the_base_path(served, page, foreign_requests):
    base, _ = served
    problems = watch(page)
    response = page.goto(f"{base}catalogue.json")
    assert response.status == 200
    data = json.loads(response.text())
    assert len(data["resources"]) == len(CATALOGUE.resources)

    page.goto(f"{base}zelfscan/")
    page.wait_for_selector("html[data-zelfscan=ready]")
    links = page.locator("main a[href*='kwaliteitsstandaarden/']")
    expect(links.first).to_be_attached()
    assert all(h.startswith(base) for h in links.evaluate_all("as => as.map(a => a.href)"))
    assert not page.locator(".zelfscan-message--error").count()
    assert not problems and not foreign_requests(page)
