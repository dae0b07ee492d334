"""links.md read back as GitHub reads it (the issue body and the job summary): an address holding '|', '@'
or Markdown of an image stays one row of the table, and every address is inert: no mention, no image, no
link anywhere but to the address itself."""

from __future__ import annotations

from urllib.parse import unquote

from infobox.catalogue.loader import load_catalogue
from infobox.link_results.status import LinkHistory, LinkState, LinkStatus
from infobox.linkcheck.report import build_report, to_markdown
from tests.support.github_markdown import Rendered

GONE = "https://a.example/weg|@team|![x](https://e.example/i.png)"
OLD = "https://a.example/oud|@team"
NEW = "https://a.example/nieuw|@team|![x](https://e.example/i.png)"
SHUT = "https://a.example/dicht@team|x"
SNAPSHOT = "https://web.archive.org/web/2024/https://a.example/weg|@team"
CATALOGUE = f"""\
source: {{title: Test, url: "https://example.org/bron.pdf"}}
standards:
  - {{id: "1", title: Een, text: Standaard een., statement: Stelling een.}}
resources:
  - id: gids
    title: "Gids | @team ![x](https://e.example/i.png)"
    description: Test.
    organisation: Test
    type: website
    standards: ["1"]
    links:
      - {{url: "{GONE}", label: "Label | @team"}}
      - {{url: "{OLD}", label: Website}}
      - {{url: "{SHUT}", label: Inlog}}
"""
NOW = "2026-11-30T05:17:00Z"
STATES = {
    GONE: LinkState(
        GONE,
        LinkStatus.BROKEN,
        True,
        404,
        "verwijst door naar de voorpagina https://a.example/|@team",
        first_failure=NOW,
        consecutive_failures=1,
        failure_days=1,
        archive_url=SNAPSHOT,
        archive_timestamp="2024-05-01T09:30:00Z",
    ),
    OLD: LinkState(OLD, LinkStatus.MOVED, True, 301, "permanent verhuisd (301)", redirect_to=NEW),
    SHUT: LinkState(
        SHUT,
        LinkStatus.BLOCKED,
        False,
        301,
        "verwijst door naar http://10.0.0.1/@team|![x](https://e.example/i.png), dat de linkcontrole niet bezoekt",
    ),
}


def rendered(tmp_path) -> Rendered:
    path = tmp_path / "resources.yaml"
    path.write_text(CATALOGUE, encoding="utf-8")
    report = build_report(LinkHistory(NOW, STATES), load_catalogue(path))
    return Rendered(to_markdown(report))


def test_each_link_is_one_row_of_five_cells(tmp_path):
    tables = rendered(tmp_path).tables
    summary, broken, moved = tables
    assert [len(row) for row in summary] == [2] * len(LinkStatus)
    assert [len(row) for row in broken] == [5] and [len(row) for row in moved] == [5]
    assert broken[0][0] == GONE and moved[0][0] == OLD
    assert moved[0][4] == f"vervang door {NEW}"


def test_addresses_mention_no_one_and_show_no_image(tmp_path):
    page = rendered(tmp_path)
    assert page.mentions == [] and page.images == []


def test_every_link_goes_to_exactly_the_address_it_shows(tmp_path):
    """cmark-gfm percent-encodes some characters of an href ('|', '[', ']'); a browser reads the same address.
    An address named inside a detail is code, not a link."""
    links = rendered(tmp_path).links
    assert all(unquote(href) == text for href, text in links), links
    assert {text for _, text in links} == {GONE, OLD, NEW, SHUT, SNAPSHOT, "https://a.example/"}
