"""Small pure functions of infobox.site: Markdown neutralising, mailto encoding, URL paths, hints."""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import markdown
import pytest

from infobox.catalogue.file_types import extra_hint, file_hint
from infobox.catalogue.loader import load_catalogue
from infobox.catalogue.model import Link, Resource
from infobox.link_results.status import LinkState, LinkStatus
from infobox.site.context import SiteContext
from infobox.site.link_health import ReaderLink, reader_link
from infobox.site.mailto import report_dead_link
from infobox.site.page_addresses import Links, url_path
from infobox.site.pages import generate_pages
from infobox.site.render import markdown_text, safe_href
from tests.support.sitebuild import FIXTURE


@pytest.mark.parametrize(
    "text",
    ["[klik](javascript:alert(1))", "**vet** _schuin_ `code`", "# kop", "1. lijst", "<b>x</b> & {#id}"],
)
def test_markdown_text_renders_back_to_the_same_plain_text(text):
    html = markdown.markdown(str(markdown_text(text)), extensions=["attr_list"])
    expected = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert html == f"<p>{expected}</p>"


def test_mailto_survives_ampersands_question_marks_and_line_breaks():
    resource = Resource(
        id="a-b",
        title="Vragen & antwoorden? Ja=nee",
        description="",
        organisations=("X",),
        type="website",
        standards=("1",),
        links=(Link("https://example.org/?a=1&b=2", "x"),),
    )
    href = report_dead_link(resource, "/hulpmiddelen/#a-b", resource.links[0])
    assert href.startswith("mailto:info@geweldnergensthuis.nl?")
    query = parse_qs(urlsplit(href).query, strict_parsing=True)
    assert set(query) == {"subject", "body"}
    assert query["subject"] == ["Niet-werkende link: Vragen & antwoorden? Ja=nee (a-b)"]
    body = query["body"][0]
    assert "Adres: https://example.org/?a=1&b=2\nHulpmiddel: Vragen & antwoorden? Ja=nee (id: a-b)\n" in body
    assert "Pagina: /hulpmiddelen/#a-b\n" in query["body"][0]


def test_url_paths_and_relative_links():
    assert url_path("index.md") == ""
    assert url_path("hulpmiddelen/index.md") == "hulpmiddelen/"
    assert url_path("kwaliteitsstandaarden/3/index.md") == "kwaliteitsstandaarden/3/"
    assert url_path("achtergrond/samenwerkingsafspraken.md") == "achtergrond/samenwerkingsafspraken/"
    assert Links("kwaliteitsstandaarden/3/index.md").md("6C") == "../6/index.md#6c"
    assert Links("kwaliteitsstandaarden/3/index.md").url("6C") == "../6/#6c"
    assert Links("hulpmiddelen/index.md").url("9") == "../kwaliteitsstandaarden/9/"
    assert Links("index.md").md("10") == "kwaliteitsstandaarden/10/index.md"
    assert Links("beheer/index.md").resource_md("kindcheck") == "../hulpmiddelen/kindcheck/index.md"
    assert Links("afdrukken/index.md", single_page=True).url("3A") == "#3a"


_RAW_RELATIVE_LINK = re.compile(r'<(?:a|link|script|img)\b[^>]*\b(?:href|src)="(?![a-z]+:|#|/)[^"]+"')


def test_raw_html_links_mean_the_same_to_both_generators():
    # MkDocs leaves a link in raw HTML to the browser (relative to the page URL); Zensical resolves it
    # against the Markdown source. Both agree only where the source sits in its page's URL folder
    # (an index.md); a page elsewhere must not have such links (or Zensical's build breaks them).
    pages = generate_pages(SiteContext(catalogue=load_catalogue(FIXTURE)))
    with_raw_links = {src for src, markdown in pages.items() if _RAW_RELATIVE_LINK.search(markdown)}
    assert {"hulpmiddelen/index.md", "kwaliteitsstandaarden/3/index.md"} <= with_raw_links  # the check sees them
    for src in with_raw_links:
        assert (posixpath.dirname(src) + "/").lstrip("/") == url_path(src), src


def test_file_hint_and_link_schemes():
    assert file_hint("https://x.nl/a/B.PDF") == "PDF"
    assert file_hint("https://x.nl/pdf-uitleg") == ""
    # The label already names the type: the site does not say PDF twice.
    assert extra_hint("https://x.nl/a.pdf", "Handreiking (PDF, Movisie)") == ""
    assert extra_hint("https://x.nl/a.pdf", "Interactieve pdf") == ""
    assert extra_hint("https://x.nl/a.pdf", "Handreiking (Movisie)") == "PDF"
    assert extra_hint("https://x.nl/a.pdf", "PDFjes-overzicht") == "PDF"
    with pytest.raises(ValueError):
        safe_href("javascript:alert(1)")
    assert safe_href("mailto:info@geweldnergensthuis.nl") == "mailto:info@geweldnergensthuis.nl"


def test_a_reader_is_sent_only_to_web_addresses_from_the_history():
    """The status file is data: a moved link's new address and an archived copy are used only when they are
    web addresses (an archived copy only over https); otherwise the reader keeps the catalogue's address."""
    url = "https://a.example/pagina"
    moved = LinkState(url, LinkStatus.MOVED, report=True, redirect_to="https://a.example/nieuw")
    assert reader_link(url, moved) == ReaderLink(href="https://a.example/nieuw")
    assert reader_link(url, replace(moved, redirect_to="javascript:alert(1)")) == ReaderLink(href=url)
    assert reader_link(url, replace(moved, redirect_to="http://10.0.0.1/beheer")) == ReaderLink(href=url)
    broken = LinkState(url, LinkStatus.BROKEN, report=True, checked_at="2026-11-20T03:00:00Z")
    archived = replace(broken, archive_url="https://web.archive.org/web/2024/x", archive_timestamp="2024-03-03")
    assert reader_link(url, archived).archive_url == "https://web.archive.org/web/2024/x"
    assert reader_link(url, replace(archived, archive_url="http://web.archive.org/web/2024/x")).archive_url is None
    assert reader_link(url, broken).broken and not reader_link(url, None).broken
    unreported = LinkState(url, LinkStatus.TRANSIENT, report=False)
    assert reader_link(url, unreported) == ReaderLink(href=url)
    assert reader_link(url, replace(unreported, report=True, checked_at="2026-11-20T03:00:00Z")).broken
