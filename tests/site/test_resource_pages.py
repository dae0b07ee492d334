"""Every resource its own page (issue 34): the address to share, with what chat apps and search engines read
(Open Graph, Twitter, canonical, schema.org JSON-LD, sitemap `lastmod`), out of the navigation; lists, search
and the feed lead to it; a removed resource's old address says why and where to go."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from infobox.catalogue.loader import load_catalogue
from tests.support.sitebuild import build_site, page_of

SITE = "https://infobox.example/"
REMOVED = """
removed:
  - id: oude-kindcheck
    title: Oude Kindcheck <cursus>
    date: 2026-03-01
    reason: De cursus bestaat niet meer.
    replaced_by: kindcheck
"""


@pytest.fixture(scope="module")
def catalogue_file(hostile_catalogue, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("resource-pages") / "resources.yaml"
    path.write_text(hostile_catalogue.read_text(encoding="utf-8") + REMOVED, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def site(once_per_run, catalogue_file) -> Path:
    return once_per_run("resource-pages", lambda site: build_site(site, catalogue_file, None, SITE_URL=SITE))


class Head(HTMLParser):
    """The <meta property|name> values, the canonical link and the JSON-LD of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta[a.get("property") or a["name"]] = a.get("content", "")
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a["href"]
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in_ld = True

    def handle_endtag(self, tag):
        self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(data)


def head_of(path: Path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def test_every_resource_has_a_page_with_what_chat_apps_and_search_engines_read(site, catalogue_file):
    catalogue = load_catalogue(catalogue_file)
    for resource in catalogue.resources:
        url = f"{SITE}hulpmiddelen/{resource.id}/"
        head = head_of(page_of(site, f"/hulpmiddelen/{resource.id}/"))
        assert head.canonical == head.meta["og:url"] == url
        assert head.meta["og:title"] == head.meta["twitter:title"] == resource.title  # as text, escaped once
        assert head.meta["og:locale"] == "nl_NL"
        assert head.meta["og:site_name"] == "Infobox Werken aan Veiligheid"
        assert head.meta["og:image"] == f"{SITE}afbeeldingen/deelafbeelding.png"
        assert head.meta["og:description"].startswith(resource.description[:40])
        (data,) = [json.loads(text) for text in head.json_ld]
        assert data["@type"] == "LearningResource" and data["inLanguage"] == "nl"
        assert (data["name"], data["description"], data["url"]) == (resource.title, resource.description, url)
        assert [p["name"] for p in data["publisher"]] == list(resource.organisation_groups)
        assert {a["name"] for a in data["about"]} >= {f"Kwaliteitsstandaard {ref}" for ref in resource.standards}
    assert (site / "afbeeldingen" / "deelafbeelding.png").read_bytes().startswith(b"\x89PNG")


def test_catalogue_text_in_the_json_ld_cannot_end_its_script(site):
    html = page_of(site, "/hulpmiddelen/kindcheck/").read_text(encoding="utf-8")
    script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and "alert(1)" in script
    assert json.loads(script)["description"].startswith("De Kindcheck <script>alert(1)</script>")


def test_other_pages_have_open_graph_too(site):
    for path, title in [("/", "Infobox Werken aan Veiligheid"), ("/hulpmiddelen/", "Alle hulpmiddelen")]:
        head = head_of(page_of(site, path))
        assert head.meta["og:title"] == title and head.meta["og:type"] == "website"
        assert head.meta["og:url"] == SITE + path.lstrip("/")
        assert not head.json_ld


def test_the_page_shows_each_sub_item_with_its_text_and_related_resources(site):
    html = page_of(site, "/hulpmiddelen/kindcheck/").read_text(encoding="utf-8")
    article = html.split('<article class="ib-card ib-resource"', 1)[1]
    assert 'href="../../kwaliteitsstandaarden/3/#3a">Onderdeel 3A</a>' in article
    assert "Gecontroleerd door de redactie: 25 januari 2021." in article
    assert 'data-select="kindcheck"' in article and "ib-print-button" in article and "Link werkt niet?" in article
    related = article.split('id="verwant"', 1)[1]
    assert re.search(r'<li><a href="\.\./[a-z0-9-]+/">[^<]+</a> \([^)]+\): ook bij 3[AB]', related)


def test_the_pages_stay_out_of_the_navigation_and_the_sitemap_dates_them_by_people(site, catalogue_file):
    catalogue = load_catalogue(catalogue_file)
    home = page_of(site, "/").read_text(encoding="utf-8")
    assert "hulpmiddelen/kindcheck/" not in home.split('class="md-nav', 1)[1].split("</nav>", 1)[0]
    names = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {
        url.findtext("s:loc", namespaces=names): url.findtext("s:lastmod", namespaces=names)
        for url in ET.parse(site / "sitemap.xml").getroot()
    }
    for resource in catalogue.resources:
        dates = [day for day in (resource.reviewed, resource.added) if day] or [catalogue.source.updated]
        expected = max(dates).isoformat() if dates[0] else None
        assert urls[f"{SITE}hulpmiddelen/{resource.id}/"] == expected
    assert urls[f"{SITE}hulpmiddelen/oude-kindcheck/"] == "2026-03-01"
    assert dt.date.today().isoformat() not in {v for v in urls.values() if v} - {
        r.reviewed.isoformat() for r in catalogue.resources if r.reviewed
    }


def test_cards_link_to_the_page_and_keep_their_anchor(site):
    for path, prefix in [("/hulpmiddelen/", ""), ("/kwaliteitsstandaarden/3/", "../../hulpmiddelen/")]:
        html = page_of(site, path).read_text(encoding="utf-8")
        assert re.search(rf'id="[a-z0-9-]*kindcheck"[^>]*><a href="{re.escape(prefix)}kindcheck/">', html), path


def test_a_removed_resource_keeps_its_address_with_the_reason_and_the_replacement(site):
    html = page_of(site, "/hulpmiddelen/oude-kindcheck/").read_text(encoding="utf-8")
    notice = html.split('class="ib-removed ib-removed--page"', 1)[1].split("</div>", 1)[0]
    assert "<strong>Oude Kindcheck &lt;cursus&gt;</strong> staat sinds 1 maart 2026 niet meer in de infobox" in notice
    assert "De cursus bestaat niet meer." in notice and 'href="../kindcheck/"' in notice


def test_the_feed_names_a_removed_resource_by_its_title_and_links_its_old_address(site):
    feed = feedparser.parse((site / "nieuw.xml").read_bytes())
    (entry,) = [e for e in feed.entries if e.title.startswith("Verwijderd")]
    assert entry.title == "Verwijderd: Oude Kindcheck <cursus>"
    assert entry.link == f"{SITE}hulpmiddelen/oude-kindcheck/"
