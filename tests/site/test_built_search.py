"""The site's own search as built, read from the files: one search field in the header and none of the theme's,
no theme file patched, every search result leading to a real page and heading, and a relevance query set big
and varied enough to mean something (the searches themselves run in Chromium: tests/browser/test_search.py
and test_relevance.py)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import material

from infobox.catalogue.loader import load_catalogue
from infobox.site.search_index import SEARCH_INDEX
from tests.support.generators import on_both_builds
from tests.support.search_box import PROFESSIONALS_WORDS, relevance_queries


@cache
def catalogue():
    return load_catalogue()


@on_both_builds
def test_header_has_one_search_field_and_no_theme_search(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert html.count('class="ib-search__open"') == 1
    assert 'data-md-component="search"' not in html  # the theme's search dialog
    assert not (built_site / "search" / "search_index.json").exists()  # the theme's search plugin is off


def test_no_file_of_the_theme_is_patched(built_site):
    theme_assets = Path(material.__file__).parent / "templates" / "assets"
    copied = [path for path in (built_site / "assets").rglob("*") if path.is_file()]
    assert copied
    for path in copied:
        original = theme_assets / path.relative_to(built_site / "assets")
        assert original.read_bytes() == path.read_bytes(), f"{path} differs from the theme's file"


@on_both_builds
def test_every_result_lands_on_a_real_page_and_heading(built_site):
    docs = json.loads((built_site / SEARCH_INDEX).read_text(encoding="utf-8"))["docs"]
    assert len(docs) > len(catalogue().resources)
    pages: dict[Path, str] = {}
    for doc in docs:
        page, _, anchor = doc["url"].partition("#")
        html_file = built_site / page / "index.html"
        assert html_file.exists(), doc["url"]
        if anchor:
            if html_file not in pages:
                pages[html_file] = html_file.read_text(encoding="utf-8")
            assert f'id="{anchor}"' in pages[html_file], doc["url"]


def test_relevance_set_is_large_and_varied():
    queries = relevance_queries()
    assert len(queries) >= 40
    assert {"plural", "compound", "typo", "synonym", "digits", "sense", *PROFESSIONALS_WORDS} <= {
        q.kind for q in queries
    }
    assert len([q for q in queries if q.kind in PROFESSIONALS_WORDS]) >= 15
    # Issue 32: parents and older people, each asked several ways, with the first result checked.
    first = [q.query for q in queries if q.first]
    assert len([q for q in first if "ouders" in q.split() or "ouder" in q.split()]) >= 3
    assert len([q for q in first if "ouderen" in q.split()]) >= 3
    unknown = {i for q in queries for i in q.accept} - {r.id for r in catalogue().resources}
    assert not unknown, f"accepted resources missing from the catalogue: {sorted(unknown)}"
