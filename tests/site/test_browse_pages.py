"""Browsing as professionals think (issue 21): one name per organisation, themes, what is new and what was
removed (feed)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import feedparser
import pytest

from infobox.catalogue.loader import load_catalogue
from infobox.catalogue.vocabulary import HELP_KINDS, THEMES, VIOLENCE_FORMS
from tests.support.sitebuild import FIXTURE, REPO, build_site, page_of

# A catalogue where the editors grouped a website under its organisation and added one resource after the
# Infobox: the fixture plus an organisations mapping, a themes assignment and a dated addition.
ADDED = """\
  - id: nieuwe-handreiking
    title: Nieuwe handreiking <partnergeweld> & meer
    description: Een handreiking die de redactie na de Infobox toevoegde.
    organisation: movisie.nl
    type: handreiking
    themes: [partnergeweld, aanpak-en-herstel]
    editorial: [type, themes]
    standards: ["7"]
    added: 2026-11-02
    links:
      - url: https://www.movisie.nl/nieuw
        label: Nieuwe handreiking op movisie.nl
"""


@pytest.fixture(scope="session")
def browse_catalogue(tmp_path_factory) -> Path:
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace(
        "resources:\n",
        "organisations:\n  - name: Movisie\n    also: [movisie.nl]\nresources:\n" + ADDED,
        1,
    )
    text += "removed:\n  - id: oude-toolkit\n    date: 2026-11-10\n"
    text += "    reason: De organisatie biedt de toolkit niet meer aan.\n"
    path = tmp_path_factory.mktemp("browse") / "resources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def browse_site(once_per_run, browse_catalogue) -> Path:
    return once_per_run(
        "browse-site", lambda site: build_site(site, browse_catalogue, None, SITE_URL="https://infobox.example/")
    )


def resource_links(html: str) -> list[str]:
    """Ids of the resource pages a page links to, in page order."""
    return re.findall(r'href="[./]*hulpmiddelen/([a-z0-9-]+)/"', html)


def section(html: str, heading_id: str) -> str:
    return html.split(f'id="{heading_id}"', 1)[1].split("<h2", 1)[0]


def test_a_website_is_listed_under_its_organisation_once(browse_site):
    html = page_of(browse_site, "/organisaties/").read_text(encoding="utf-8")
    assert 'id="movisie-nl"' not in html  # no second heading for the website's name
    movisie = section(html, "movisie")
    expected = {"handreiking-sociaal-veiligheidsdomein", "model-evaluatie", "nieuwe-handreiking"}
    assert set(resource_links(movisie)) == expected
    assert "Ook genoemd als: movisie.nl" in movisie


def test_the_filter_offers_one_organisation_and_the_card_keeps_the_sources_name(browse_site):
    html = page_of(browse_site, "/hulpmiddelen/").read_text(encoding="utf-8")
    select = html.split('id="ib-filter-organisation"', 1)[1].split("</select>")[0]
    options = re.findall(r'<option value="([^"]*)"', select)
    assert "Movisie" in options and "movisie.nl" not in options
    card = html.split('id="nieuwe-handreiking"', 1)[1].split("</article>", 1)[0]
    assert "Organisatie:</span> movisie.nl" in card  # the card says what the catalogue says


def test_every_theme_has_a_page_listing_exactly_its_resources_per_standard(real_site):
    catalogue = load_catalogue(REPO / "data" / "resources.yaml")
    assert all(r.themes for r in catalogue.resources), "every resource of the Infobox has a theme"
    for key, label in THEMES.items():
        html = page_of(real_site, f"/themas/{key}/").read_text(encoding="utf-8")
        assert f"Thema: {label}" in html
        expected = {r.id for r in catalogue.resources if key in r.themes}
        assert set(resource_links(html.split("md-content", 1)[1])) == expected, key
        # Grouped by standard: each resource appears under every standard it belongs to.
        for resource in catalogue.resources:
            if key in resource.themes:
                for standard_id in resource.standard_ids:
                    assert resource.id in resource_links(section(html, f"standaard-{standard_id}"))
        assert "gemaakt door de redactie" in html  # never presented as the Infobox's words


def test_the_themes_overview_links_every_theme_with_its_count(real_site):
    catalogue = load_catalogue(REPO / "data" / "resources.yaml")
    html = page_of(real_site, "/themas/").read_text(encoding="utf-8")
    for kind_id, members in (("vorm", VIOLENCE_FORMS), ("hulp", HELP_KINDS)):
        part = section(html, kind_id)
        for key, label in members.items():
            n = sum(key in r.themes for r in catalogue.resources)
            assert re.search(rf'href="{key}/">{re.escape(label)}</a> \({n} hulpmiddel', part), (key, n)


def test_the_feed_lists_additions_that_feed_readers_understand(browse_site):
    feed = feedparser.parse((browse_site / "nieuw.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.language == "nl"
    # Newest first: the removal of 10 November, then the addition of 2 November.
    assert [e.title for e in feed.entries] == [
        "Verwijderd: oude-toolkit",
        "Nieuw: Nieuwe handreiking <partnergeweld> & meer",
    ]
    removal = feed.entries[0]
    assert removal.link == "https://infobox.example/hulpmiddelen/oude-toolkit/"
    assert "De organisatie biedt de toolkit niet meer aan." in removal.summary
    entry = feed.entries[1]
    assert entry.link == "https://infobox.example/hulpmiddelen/nieuwe-handreiking/"
    assert entry.updated_parsed[:3] == (2026, 11, 2)
    assert "Een handreiking die de redactie na de Infobox toevoegde." in entry.summary
    # Infobox entries have no date of adding: they are never announced as new.
    assert all("toegevoegd:toolkit-meldcode" not in e.id for e in feed.entries)


def test_the_home_page_shows_what_is_new_and_where_the_feed_is(browse_site, real_site):
    html = page_of(browse_site, "/").read_text(encoding="utf-8")
    new = section(html, "nieuw")
    assert resource_links(new) == ["nieuwe-handreiking"]
    assert "toegevoegd op 2 november 2026" in new
    assert 'href="nieuw.xml"' in new
    assert 'type="application/atom+xml"' in html.split("</head>", 1)[0]
    # The real catalogue holds only the Infobox's own entries: nothing is claimed as new.
    real = section(page_of(real_site, "/").read_text(encoding="utf-8"), "nieuw")
    assert "nog geen hulpmiddelen toegevoegd" in real and not resource_links(real)


def test_an_empty_feed_is_dated_by_the_catalogue_never_by_the_build(real_site):
    feed = feedparser.parse((real_site / "nieuw.xml").read_bytes())
    assert not feed.bozo and feed.entries == []
    updated = dt.date(*feed.feed.updated_parsed[:3])
    assert updated == load_catalogue(REPO / "data" / "resources.yaml").content_date
