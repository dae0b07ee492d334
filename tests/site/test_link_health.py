"""What readers see of link health, with a history holding every status the link job writes; and the
"Wijzig in de catalogus" links to the entry's line in the catalogue.

Expected values come from the test data below, never from the code under test.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.support.sitebuild import FIXTURE, REPORTED_URL, build_site, page_of

CHECKED = "2026-11-20T03:00:00Z"
OK_URL = "https://www.augeo.nl/kindcheck"
MOVED_URL = "https://www.inkoopsociaaldomein.nl"
MOVED_TO = "https://www.inkoopsociaaldomein.nl/nieuw-adres"
BROKEN_URL = REPORTED_URL  # broken, no archived copy
ARCHIVED_URL = "https://gemeenten.movisie.nl/sites/default/files/Handreiking-veiligheid-sociaal-domein.pdf"
ARCHIVE = f"https://web.archive.org/web/20240303120000/{ARCHIVED_URL}"
FLAKY_URL = "https://www.rijksoverheid.nl/documenten/publicaties/2018/07/01/toolkit-meldcode-huiselijk-geweld-en-kindermishandeling"
DOWN_URL = "https://www.voorbeeld.nl/al-weken-traag"  # transient in 3 runs: reported
BLOCKED_URL = "https://www.voorbeeld.nl/weert-robots"
NEW_URL = "https://www.voorbeeld.nl/na-de-controle-toegevoegd"  # not in the history yet
REPO_URL = "https://github.com/voorbeeld/infobox"

EXTRA_RESOURCE = f"""
  - id: linkgezondheid
    title: Linkgezondheid
    description: Een hulpmiddel met links in elke toestand.
    organisation: Movisie
    type: website
    standards: ["2"]
    links:
      - url: {DOWN_URL}
        label: Al weken traag
      - url: {BLOCKED_URL}
        label: Weert robots
      - url: {NEW_URL}
        label: Nieuw
"""

HISTORY = {
    OK_URL: {"status": "ok", "http_status": 200},
    MOVED_URL: {"status": "moved", "report": True, "http_status": 301, "redirect_to": MOVED_TO, "detail": "HTTP 301"},
    BROKEN_URL: {"status": "broken", "report": True, "http_status": 404, "detail": "HTTP 404 Not Found"},
    ARCHIVED_URL: {
        "status": "broken",
        "report": True,
        "http_status": 410,
        "detail": "HTTP 410 Gone",
        "archive_url": ARCHIVE,
        "archive_timestamp": "2024-03-03T12:00:00Z",
    },
    FLAKY_URL: {"status": "transient", "http_status": 503, "consecutive_failures": 1, "detail": "HTTP 503"},
    DOWN_URL: {"status": "transient", "report": True, "http_status": 502, "consecutive_failures": 3},
    BLOCKED_URL: {"status": "blocked", "http_status": 403, "detail": "HTTP 403 Forbidden"},
    "https://www.voorbeeld.nl/niet-meer-in-de-catalogus": {"status": "broken", "report": True, "http_status": 404},
}
# Of the 8 catalogue URLs, 7 were checked: 1 ok, 1 moved, 2 broken, 2 transient, 1 blocked.
EXPECTED_COUNTS = {
    "Werkt": 1,
    "Werkt, op een nieuw adres": 1,
    "Werkt mogelijk niet meer": 2,
    "Tijdelijk niet bereikbaar": 2,
    "Niet te controleren (de website weert controles)": 1,
}
NOTICE = "Deze link werkt mogelijk niet meer (gecontroleerd op 20 november 2026)."
PUBLIC_PAGES = ("/", "/hulpmiddelen/", "/kwaliteitsstandaarden/1/", "/kwaliteitsstandaarden/3/", "/linkstatus/")


@pytest.fixture(scope="session")
def every_status_catalogue(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("every-status") / "resources.yaml"
    path.write_text(FIXTURE.read_text(encoding="utf-8").rstrip("\n") + "\n" + EXTRA_RESOURCE, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def every_status_site(tmp_path_factory, once_per_run, every_status_catalogue) -> Path:
    status = tmp_path_factory.mktemp("every-status-history") / "link-history.json"
    links = {url: {"checked_at": CHECKED, **fields} for url, fields in HISTORY.items()}
    status.write_text(json.dumps({"version": 1, "checked_at": CHECKED, "links": links}), encoding="utf-8")
    return once_per_run(
        "every-status-site",
        lambda site: build_site(site, every_status_catalogue, status, INFOBOX_REPO_URL=REPO_URL),
    )


class Text(HTMLParser):
    """The text a reader sees (no scripts or styles), and table rows as lists of cell texts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.rows: list[list[str]] = []
        self._skip = 0
        self._in_cell = False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self.rows[-1].append("")
            self._in_cell = True

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        elif tag in ("td", "th"):
            self._in_cell = False

    def handle_data(self, data):
        if self._skip:
            return
        self.parts.append(data)
        if self._in_cell:
            self.rows[-1][-1] += data

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def text_of(site: Path, path: str) -> Text:
    parser = Text()
    parser.feed(page_of(site, path).read_text(encoding="utf-8"))
    return parser


def link_item(html: str, href: str) -> str:
    """The <li> of the card link with this href (up to its end)."""
    return html.split(f'<li><a href="{href}"', 1)[1].split("</li>", 1)[0]


def test_public_pages_show_no_http_status_codes(every_status_site):
    for path in PUBLIC_PAGES:
        text = text_of(every_status_site, path).text
        assert not re.search(r"\bHTTP\b|\b(200|301|403|404|410|502|503)\b", text), path


def test_linkstatus_counts_add_up_to_the_checked_links(every_status_site):
    rows = {cells[0].strip(): cells[1].strip() for cells in text_of(every_status_site, "/linkstatus/").rows if cells}
    counts = {label: int(rows[label]) for label in EXPECTED_COUNTS}
    assert counts == EXPECTED_COUNTS
    assert int(rows["Totaal"]) == sum(counts.values()) == 7
    text = text_of(every_status_site, "/linkstatus/").text
    assert "Van de 7 gecontroleerde links werken er 2." in text
    assert "1 link is na deze controle toegevoegd" in text
    home = text_of(every_status_site, "/").text
    assert "Bij de laatste controle, op 20 november 2026, werkten 2 van de 7 links." in home


def test_broken_links_get_the_notice_and_the_archived_copy_when_there_is_one(every_status_site):
    for path in ("/hulpmiddelen/", "/kwaliteitsstandaarden/1/"):
        html = page_of(every_status_site, path).read_text(encoding="utf-8")
        archived = link_item(html, ARCHIVED_URL)
        assert NOTICE in archived
        assert f'<a href="{ARCHIVE}" rel="noopener noreferrer">Bekijk de gearchiveerde versie' in archived
        assert "(van 3 maart 2024)" in archived
        assert "2026). Bekijk de gearchiveerde versie van" in text_of(every_status_site, path).text
    html = page_of(every_status_site, "/hulpmiddelen/").read_text(encoding="utf-8")
    broken = link_item(html, BROKEN_URL)
    assert NOTICE in broken and "gearchiveerde" not in broken
    assert NOTICE in link_item(html, DOWN_URL)  # failing three runs in a row
    for quiet in (OK_URL, FLAKY_URL, BLOCKED_URL, NEW_URL):
        assert "werkt mogelijk niet meer" not in link_item(html, quiet), quiet


def test_moved_links_take_readers_to_the_new_address_without_a_word(every_status_site):
    html = page_of(every_status_site, "/hulpmiddelen/").read_text(encoding="utf-8")
    assert f'href="{MOVED_URL}"' not in html
    item = link_item(html, MOVED_TO)
    assert "inkoopsociaaldomein.nl</a>" in item and "werkt mogelijk niet meer" not in item
    assert MOVED_URL not in text_of(every_status_site, "/linkstatus/").text


def test_linkstatus_lists_the_broken_links_with_their_archived_copy(every_status_site):
    html = page_of(every_status_site, "/linkstatus/").read_text(encoding="utf-8")
    listed = re.findall(r'<li><a href="([^"]+)"', html.split('id="werkt-niet"', 1)[1])
    assert listed == [ARCHIVED_URL, BROKEN_URL, DOWN_URL]  # catalogue order; not the one no longer in it
    assert f'href="{ARCHIVE}"' in link_item(html, ARCHIVED_URL)


def test_no_link_health_text_before_the_first_run(unchecked_site):
    home = text_of(unchecked_site, "/").text
    status = text_of(unchecked_site, "/linkstatus/").text
    for text in (home, status):
        assert "nog niet gecontroleerd" not in text
        assert "laatste controle" not in text.lower()
    assert "Werken de links nog?" not in home
    assert not text_of(unchecked_site, "/linkstatus/").rows
    for path in ("/hulpmiddelen/", "/kwaliteitsstandaarden/3/"):
        assert "werkt mogelijk niet meer" not in text_of(unchecked_site, path).text


def catalogue_line(catalogue: Path, first_line: str) -> int:
    """1-based number of the catalogue line that reads `first_line` (ignoring indentation)."""
    lines = catalogue.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.strip() == first_line)


def test_edit_links_point_at_the_entry_line_in_the_catalogue(every_status_site, every_status_catalogue):
    base = f"{REPO_URL}/blob/main/data/resources.yaml#L"
    html = page_of(every_status_site, "/hulpmiddelen/").read_text(encoding="utf-8")
    for resource_id in ("kindcheck", "linkgezondheid", "model-evaluatie"):
        card = html.split(f'id="{resource_id}"', 1)[1].split("</article>", 1)[0]
        line = catalogue_line(every_status_catalogue, f"- id: {resource_id}")
        assert f'<a href="{base}{line}" rel="noopener noreferrer">Wijzig in de catalogus' in card, resource_id
    standard = page_of(every_status_site, "/kwaliteitsstandaarden/3/").read_text(encoding="utf-8")
    line = catalogue_line(every_status_catalogue, '- id: "3"')
    assert f'<a href="{base}{line}" rel="noopener noreferrer">Wijzig in de catalogus' in standard


def test_no_edit_links_without_a_repository(unchecked_site):
    for path in ("/hulpmiddelen/", "/kwaliteitsstandaarden/3/"):
        assert "Wijzig in de catalogus" not in page_of(unchecked_site, path).read_text(encoding="utf-8")


def test_iets_toevoegen_offers_the_issue_form_beside_the_mail_only_with_a_repository(every_status_site, unchecked_site):
    form = f"{REPO_URL}/issues/new?template=hulpmiddel-voorstellen.yml"
    with_repo = page_of(every_status_site, "/kwaliteitsstandaarden/3/").read_text(encoding="utf-8")
    section = with_repo.split('id="aanvulling"', 1)[1]
    assert 'href="mailto:' in section.split(form, 1)[0]  # the e-mail stays, first
    assert f'<a class="ib-proposal-form" href="{form}" rel="noopener noreferrer">het voorstelformulier</a>' in section
    sentence = "kwaliteitsstandaard 3 of vul met een GitHub-account het voorstelformulier in."
    assert sentence in text_of(every_status_site, "/kwaliteitsstandaarden/3/").text
    without = page_of(unchecked_site, "/kwaliteitsstandaarden/3/").read_text(encoding="utf-8")
    assert "issues/new" not in without and 'href="mailto:' in without.split('id="aanvulling"', 1)[1]
