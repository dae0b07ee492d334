"""The check of a built site's own links (infobox.site.internal_links), on small sites written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from infobox.site.internal_links import broken_links


def write_site(root: Path, pages: dict[str, str]) -> Path:
    for name, html in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return root


@pytest.fixture
def site(tmp_path) -> Path:
    return write_site(
        tmp_path,
        {
            "index.html": '<a href="a/">A</a><a href="a/#deel">deel</a><a id="top" href="#top">top</a>'
            '<link rel="stylesheet" href="css/site.css"><script src="js/site.js?v=1"></script>',
            "a/index.html": '<h2 id="deel">Deel</h2><a href="../">home</a><a href="../b/#kaart%20een">kaart</a>'
            '<a href="../data.json" download>data</a><a href=".">hier</a><a href="#">boven</a>',
            "b/index.html": '<article><h3 id="kaart een">Kaart</h3></article><a name="oud"></a>'
            '<a href="https://example.org/x">extern</a><a href="mailto:a@b.nl">mail</a><a href="#oud">oud</a>',
            "404.html": '<a href="/">home</a><a href="/a/#deel">deel</a><form action="/"></form>',
            "css/site.css": "",
            "js/site.js": "",
            "data.json": "{}",
        },
    )


def test_a_site_whose_links_all_work_has_none_broken(site):
    assert broken_links(site) == []


@pytest.mark.parametrize(
    ("href", "reason"),
    [
        ("c/", "bestand bestaat niet"),  # a page that was not built
        ("a/#weg", "anker #weg bestaat niet op a/index.html"),  # a card or section anchor that is not there
        ("#weg", "anker #weg bestaat niet op index.html"),
        ("css/missing.css", "bestand bestaat niet"),
        ("../buiten/", "buiten de site"),  # what Zensical makes of a page-relative link resolved twice
        ("/elders/", "bestand bestaat niet"),
    ],
)
def test_each_kind_of_broken_link_is_named(site, href, reason):
    (site / "index.html").write_text(f'<a href="a/">A</a><a href="{href}">weg</a>', encoding="utf-8")
    broken = broken_links(site)
    assert [(b.page, b.url, b.reason) for b in broken] == [("index.html", href, reason)]
    assert str(broken[0]) == f"index.html: {href}: {reason}"


def test_root_links_are_read_under_the_base_path(site):
    # The 404 page's links start with "/": under a project page they start with the base path.
    assert [b.url for b in broken_links(site, "/infobox/")] == ["/", "/a/#deel"]
    (site / "404.html").write_text('<a href="/infobox/">home</a><a href="/infobox/a/#deel">d</a>', encoding="utf-8")
    assert broken_links(site, "/infobox/") == []


def test_a_link_repeated_on_a_page_is_reported_once(site):
    (site / "index.html").write_text('<a href="c/">1</a><a href="c/">2</a>', encoding="utf-8")
    assert len(broken_links(site)) == 1
