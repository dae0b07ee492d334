"""Small pure functions of infobox.site: Markdown neutralising, mailto encoding, URL paths, hints."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import markdown
import pytest

from infobox.file_types import extra_hint, file_hint
from infobox.model import Link, Resource
from infobox.site.mailto import report_dead_link
from infobox.site.pages import Links, url_path
from infobox.site.render import markdown_text, safe_href


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
    mail = report_dead_link(resource, "/hulpmiddelen/#a-b", resource.links[0])
    query = parse_qs(urlsplit(mail.href).query, strict_parsing=True)
    assert set(query) == {"subject", "body"}
    assert query["subject"] == ["Niet-werkende link: Vragen & antwoorden? Ja=nee (a-b)"]
    body = query["body"][0]
    assert "Adres: https://example.org/?a=1&b=2\nHulpmiddel: Vragen & antwoorden? Ja=nee (id: a-b)\n" in body
    assert "Pagina: /hulpmiddelen/#a-b\n" in query["body"][0]
    assert mail.text.startswith("Aan: info@geweldnergensthuis.nl\nOnderwerp: Niet-werkende link: Vragen & ")


def test_url_paths_and_relative_links():
    assert url_path("index.md") == ""
    assert url_path("hulpmiddelen/index.md") == "hulpmiddelen/"
    assert url_path("kwaliteitsstandaarden/3.md") == "kwaliteitsstandaarden/3/"
    assert Links("kwaliteitsstandaarden/3.md").md("6C") == "6.md#6c"
    assert Links("kwaliteitsstandaarden/3.md").url("6C") == "../6/#6c"
    assert Links("hulpmiddelen/index.md").url("9") == "../kwaliteitsstandaarden/9/"
    assert Links("index.md").md("10") == "kwaliteitsstandaarden/10.md"
    assert Links("afdrukken.md", single_page=True).url("3A") == "#3a"


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
