"""The real catalogue, built strictly: every page, anchor, card, link and export where the contract says."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from infobox.catalogue.loader import load_catalogue
from infobox.exports.open_data import catalogue_to_csv, catalogue_to_json
from infobox.exports.xlsx import catalogue_to_xlsx
from tests.support.sitebuild import REPO, elements, ids, page_of

CATALOGUE = load_catalogue(REPO / "data" / "resources.yaml")


def test_every_standard_has_a_page_with_its_sub_item_anchors(real_site):
    assert page_of(real_site, "/kwaliteitsstandaarden/").exists()
    for standard in CATALOGUE.standards:
        page = page_of(real_site, f"/kwaliteitsstandaarden/{standard.id}/")
        present = ids(page)
        for item in standard.items:
            assert item.anchor in present, f"{page}: no #{item.anchor}"


def test_every_resource_is_on_its_standard_pages_and_in_the_overview(real_site):
    overview = ids(page_of(real_site, "/hulpmiddelen/"))
    for resource in CATALOGUE.resources:
        assert resource.id in overview, f"/hulpmiddelen/ has no card #{resource.id}"
        for ref in resource.standards:
            standard_id = ref.rstrip("ABCDEFGHIJ")
            present = ids(page_of(real_site, f"/kwaliteitsstandaarden/{standard_id}/"))
            assert f"{ref.lower()}-{resource.id}" in present, f"standard {standard_id} lacks {resource.id} at {ref}"


def test_ids_are_unique_on_every_page(real_site):
    for page in real_site.rglob("*.html"):
        all_ids = [attrs["id"] for _, attrs in elements(page).tags if "id" in attrs]
        duplicates = {i for i in all_ids if all_ids.count(i) > 1}
        assert not duplicates, f"{page}: duplicate ids {duplicates}"


def test_see_also_links_resolve_to_an_existing_section(real_site):
    checked = 0
    for standard in CATALOGUE.standards:
        page = page_of(real_site, f"/kwaliteitsstandaarden/{standard.id}/")
        parsed = elements(page)
        anchors = [a for tag, a in parsed.tags if tag == "a"]
        for attrs, text in zip(anchors, parsed.link_texts, strict=True):
            if not text.startswith("kwaliteitsstandaard "):
                continue
            ref = text.removeprefix("kwaliteitsstandaard ")
            href = urlsplit(attrs["href"])
            target_dir = posixpath.normpath(posixpath.join(f"kwaliteitsstandaarden/{standard.id}/", href.path))
            target = real_site / target_dir / "index.html"
            assert target.exists(), f"{page}: see-also {ref} points at missing {target}"
            if href.fragment:
                assert href.fragment == ref.lower() and href.fragment in ids(target)
            checked += 1
    expected = sum(len(s.see_also) + sum(len(i.see_also) for i in s.items) for s in CATALOGUE.standards)
    assert checked == expected > 0


def test_every_external_link_carries_rel_noopener(real_site):
    external = 0
    for page in real_site.rglob("*.html"):
        for tag, attrs in elements(page).tags:
            if tag == "a" and attrs.get("href", "").startswith(("http://", "https://")):
                external += 1
                assert "noopener" in attrs.get("rel", "").split(), f"{page}: {attrs['href']} lacks noopener"
    assert external > len(CATALOGUE.urls())


def test_only_http_https_and_mailto_links_leave_the_site(real_site):
    for page in real_site.rglob("*.html"):
        for tag, attrs in elements(page).tags:
            scheme = urlsplit(attrs.get("href", "")).scheme
            assert tag != "a" or scheme in ("", "http", "https", "mailto"), f"{page}: {attrs['href']}"


def test_dead_link_mailto_per_link_names_resource_link_and_page(real_site):
    page = page_of(real_site, "/hulpmiddelen/")
    tags = elements(page).tags
    mailtos = [a["href"] for t, a in tags if t == "a" and "ib-mailto" in a.get("class", "")]
    with_links = sorted((r for r in CATALOGUE.resources if r.links), key=lambda r: (r.title.casefold(), r.id))
    # One quiet report action per card, one report per link inside it.
    assert len([a for t, a in tags if t == "details" and "ib-report" in a.get("class", "")]) == len(with_links)
    expected = [(resource, link) for resource in with_links for link in resource.links]
    assert len(mailtos) == len(expected)
    for (resource, link), href in zip(expected, mailtos, strict=True):
        parts = urlsplit(href)
        assert parts.scheme == "mailto" and parts.path == "info@geweldnergensthuis.nl"
        query = parse_qs(parts.query, strict_parsing=True)
        assert query["subject"] == [f"Niet-werkende link: {resource.title} ({resource.id})"]
        body = query["body"][0]
        assert f"Link: {link.label}\nAdres: {link.url}\nHulpmiddel: {resource.title} (id: {resource.id})\n" in body
        # Site-relative here (the build has no site_url); javascripts/meld.js makes it absolute in the browser.
        assert f"Pagina: /hulpmiddelen/#{resource.id}\n" in body
    assert "Meld een niet-werkende link" not in page.read_text(encoding="utf-8")


def test_every_standard_page_offers_a_prefilled_suggestion(real_site):
    for standard in CATALOGUE.standards:
        page = page_of(real_site, f"/kwaliteitsstandaarden/{standard.id}/")
        hrefs = [a["href"] for t, a in elements(page).tags if t == "a" and a.get("href", "").startswith("mailto:")]
        suggestions = [h for h in hrefs if "Aanvulling" in unquote(h)]
        assert len(suggestions) == 1, page
        body = parse_qs(urlsplit(suggestions[0]).query)["body"][0]
        assert f"kwaliteitsstandaard {standard.id}: {standard.title}" in body
        assert f"Pagina: /kwaliteitsstandaarden/{standard.id}/" in body


def test_no_tools_note_of_the_seed_is_shown(real_site):
    noted = [(s, i) for s in CATALOGUE.standards for i in s.items if i.note]
    assert noted, "the catalogue records the seed's 'geen tools/instrumenten opgenomen' notes"
    for standard, item in noted:
        html = page_of(real_site, f"/kwaliteitsstandaarden/{standard.id}/").read_text(encoding="utf-8")
        section = html.split(f'id="{item.anchor}"', 1)[1].split("<h2", 1)[0]
        assert item.note in section


def test_exports_are_in_the_site_and_equal_the_exporter(real_site):
    site_json = json.loads((real_site / "catalogue.json").read_text(encoding="utf-8"))
    plain = catalogue_to_json(CATALOGUE)
    assert site_json["version"] == plain["version"]  # where a thing is shown is not part of what it is
    for entries in (site_json["resources"], *(s["items"] for s in site_json["standards"]), site_json["standards"]):
        for entry in entries:
            entry.pop("url")
    assert site_json == plain
    assert (real_site / "catalogue.csv").read_text(encoding="utf-8") == catalogue_to_csv(CATALOGUE)
    assert (real_site / "catalogue.xlsx").read_bytes() == catalogue_to_xlsx(CATALOGUE)
    open_data = elements(page_of(real_site, "/open-data/"))
    hrefs = {a.get("href") for t, a in open_data.tags if t == "a"}
    assert {"../catalogue.json", "../catalogue.csv", "../catalogue.xlsx"} <= hrefs


def test_every_file_the_open_data_page_links_to_is_in_the_site(real_site):
    page = page_of(real_site, "/open-data/")
    targets = {a["href"] for t, a in elements(page).tags if t == "a" and a.get("href")}
    local = {urlsplit(href).path for href in targets if not urlsplit(href).scheme and urlsplit(href).path}
    assert {"../catalogue.xlsx", "../nieuw.xml"} <= local
    for path in local:
        target = (page.parent / unquote(path)).resolve()
        target = target / "index.html" if target.is_dir() else target  # a page: its folder's index.html
        assert target.is_file() and real_site.resolve() in target.parents, f"/open-data/ links to missing {path}"


def test_catalogue_json_urls_lead_to_the_entry_on_the_site(real_site):
    """Browser code (the zelfscan) follows these URLs instead of building them, so each must exist."""
    site_json = json.loads((real_site / "catalogue.json").read_text(encoding="utf-8"))
    entries = [*site_json["standards"], *(i for s in site_json["standards"] for i in s["items"])]
    entries += site_json["resources"]
    assert len(entries) == len(CATALOGUE.references()) + len(CATALOGUE.resources)
    ids_of: dict[Path, set[str]] = {}  # each page read once, not once per entry on it
    for entry in entries:
        path, _, fragment = entry["url"].partition("#")
        page = page_of(real_site, "/" + path)
        assert page.exists(), entry["url"]
        if page not in ids_of:
            ids_of[page] = ids(page)
        if "letter" in entry:
            assert fragment == entry["id"].lower() and fragment in ids_of[page], entry["url"]
        elif "standards" in entry and "text" not in entry:  # a resource: its card on the A–Z page
            assert path == "hulpmiddelen/" and fragment == entry["id"] in ids_of[page], entry["url"]
        else:
            assert (path, fragment) == (f"kwaliteitsstandaarden/{entry['id']}/", ""), entry["url"]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/kwaliteitsstandaarden/",
        "/hulpmiddelen/",
        "/organisaties/",
        "/linkstatus/",
        "/afdrukken/",
        "/achtergrond/gefaseerde-ketenzorg/",
        "/achtergrond/mda-bouwstenen/",
        "/achtergrond/samenwerkingsafspraken/",
        "/over/",
        "/privacy/",
        "/toegankelijkheid/",
        "/open-data/",
    ],
)
def test_page_exists_with_footer_contact_and_update_date(real_site, path):
    html = page_of(real_site, path).read_text(encoding="utf-8")
    assert 'href="mailto:info@geweldnergensthuis.nl"' in html
    assert "Laatst bijgewerkt:" in html
    footer = html.split('class="md-copyright', 1)[1]
    for label in ("Toegankelijkheid", "Privacy", "Contact: info@geweldnergensthuis.nl"):
        assert f">{label}</a>" in footer


def test_print_page_holds_every_standard_and_resource(real_site):
    present = ids(page_of(real_site, "/afdrukken/"))
    for standard in CATALOGUE.standards:
        assert f"standaard-{standard.id}" in present
        assert all(item.anchor in present for item in standard.items)
    for resource in CATALOGUE.resources:
        assert any(i.endswith(f"-{resource.id}") for i in present), resource.id
    assert (real_site / "stylesheets" / "print.css").read_text().count("@media print") == 1


def test_analysis_chart_uses_the_seed_words_and_links_standard_10(real_site):
    html = page_of(real_site, "/achtergrond/samenwerkingsafspraken/").read_text(encoding="utf-8")
    svg = html.split('<figure class="ib-chart">', 1)[1].split("</svg>", 1)[0]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    for words in ("ongeveer de helft", "nog geen kwart", "4 van de 24", "enkele regio"):
        assert words in html
    assert "%" not in svg, "the source gives no percentages; the chart must not invent them"
    table = html.split("<table", 1)[1].split("</table>", 1)[0]
    for letter in "abcdefg":
        assert f'href="../../kwaliteitsstandaarden/10/#10{letter}"' in table


def test_home_lists_ten_standards_with_resource_counts(real_site):
    html = page_of(real_site, "/").read_text(encoding="utf-8")
    for standard in CATALOGUE.standards:
        n = len(CATALOGUE.resources_in_standard(standard.id))
        assert f'href="kwaliteitsstandaarden/{standard.id}/"' in html
        assert f"{n} {'hulpmiddel' if n == 1 else 'hulpmiddelen'}" in html
    assert 'name="q"' in html  # the search entry opens the site's search with ?q= (docs/javascripts/search.js)


def test_nothing_generated_is_committed():
    generated = [
        "index.md",
        "hulpmiddelen",
        "kwaliteitsstandaarden",
        "afdrukken",
        "linkstatus",
        "organisaties",
        "beheer",
        "themas",
    ]
    assert not any((REPO / "docs" / name).exists() for name in generated)


def test_search_finds_each_resource_once_on_its_own_page(real_site):
    # Standard pages repeat cards (a resource under 3B and 3D appears twice); indexing them gave
    # duplicate results and a third of the index. Each resource is indexed once, leading to its own page.
    docs = json.loads((real_site / "search" / "index.json").read_text(encoding="utf-8"))["docs"]
    locations = [doc["url"] for doc in docs]
    for resource in CATALOGUE.resources:
        # A card's anchor is the id on /hulpmiddelen/ and "<section>-<id>" on a standard page.
        hits = [
            loc
            for loc in locations
            if loc.partition("#")[2] == resource.id
            or loc.startswith(f"hulpmiddelen/{resource.id}/")
            or (loc.startswith("kwaliteitsstandaarden/") and loc.endswith(f"-{resource.id}"))
        ]
        assert hits == [f"hulpmiddelen/{resource.id}/"], (resource.id, hits)
    # The sub-item sections themselves stay findable on their standard page.
    assert "kwaliteitsstandaarden/3/#3a" in locations
    cards = [doc for doc in docs if doc.get("resource")]
    assert cards and not [doc for doc in cards if "Link werkt niet" in doc["text"] or "Meld:" in doc["text"]]
