"""MkDocs and Zensical build the same site from mkdocs.yml: the same pages at the same URLs, and in each page's
content the same anchors (every card's, every sub-item's) and the same links (every catalogue link, every
link between pages), and the same search data. Read from the two built folders; the browser checks run on both
via `on_both_builds`."""

from __future__ import annotations

import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from infobox.catalogue.loader import load_catalogue
from infobox.site.internal_links import broken_links
from tests.support.paths import REPO


class Content(HTMLParser):
    """The ids and link targets inside a page's main content (<article class="md-content__inner …">)."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.folder = posixpath.dirname(page)
        self.ids: set[str] = set()
        self.links: set[str] = set()
        self._depth = 0  # nesting of <article> elements inside the content (cards are articles too)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "article" and (self._depth or "md-content__inner" in (values.get("class") or "")):
            self._depth += 1
        if not self._depth:
            return
        if values.get("id") and not values["id"].startswith("__"):  # "__skip" etc.: the theme's own
            self.ids.add(values["id"])
        if tag == "a" and values.get("href"):
            self.links.add(self._target(values["href"]))

    def handle_endtag(self, tag):
        if tag == "article" and self._depth:
            self._depth -= 1

    def _target(self, href: str) -> str:
        """An absolute URL as it is; a relative one as the site path it leads to (the two builds may
        spell the same target differently)."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("#"):
            return href
        path = posixpath.normpath(posixpath.join(self.folder, parts.path)) if parts.path else self.folder
        return f"/{path.removeprefix('.')}".rstrip("/") + "/" + (f"#{parts.fragment}" if parts.fragment else "")


def content(site: Path, page: str) -> Content:
    parser = Content(page)
    parser.feed((site / page).read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_both_builds_have_the_same_pages(mkdocs_site, zensical_site):
    assert pages(zensical_site) == pages(mkdocs_site)
    assert len(pages(mkdocs_site)) >= 25


def test_every_page_has_the_same_anchors_and_links_in_both_builds(mkdocs_site, zensical_site):
    differences = []
    for page in sorted(pages(mkdocs_site)):
        ours, theirs = content(mkdocs_site, page), content(zensical_site, page)
        for kind in ("ids", "links"):
            mine, other = getattr(ours, kind), getattr(theirs, kind)
            if mine != other:
                differences.append(f"{page} {kind}: mkdocs-only {mine - other}, zensical-only {other - mine}")
    assert not differences, "\n".join(differences[:20])


def test_both_builds_publish_the_same_search_data(mkdocs_site, zensical_site):
    # MkDocs indexes the HTML it renders itself; the Zensical build converts the pages' Markdown for the index.
    index = "search/index.json"
    mine, theirs = (json.loads((site / index).read_text(encoding="utf-8")) for site in (mkdocs_site, zensical_site))
    assert mine == theirs
    assert len([doc for doc in mine["docs"] if "resource" not in doc]) >= 100  # every page's sections are in it


def test_every_card_and_catalogue_link_is_in_the_zensical_build(zensical_site):
    # Guards the comparison above: it would pass on two empty builds.
    catalogue = load_catalogue(REPO / "data" / "resources.yaml")
    a_to_z = content(zensical_site, "hulpmiddelen/index.html")
    assert {r.id for r in catalogue.resources} <= a_to_z.ids
    assert {link.url for r in catalogue.resources for link in r.links} <= a_to_z.links
    # On a standard page a card's anchor is "<sub-item>-<id>" (a resource may sit under two sub-items).
    standard_ids = content(zensical_site, "kwaliteitsstandaarden/3/index.html").ids
    for resource in catalogue.resources_in_standard("3"):
        assert any(anchor.endswith(f"-{resource.id}") for anchor in standard_ids), resource.id


def test_no_internal_link_of_either_build_is_broken(mkdocs_site, zensical_site):
    # MkDocs' strict build does not check links in raw HTML; the Zensical build runs this check itself.
    assert broken_links(mkdocs_site) == []
    assert broken_links(zensical_site) == []
