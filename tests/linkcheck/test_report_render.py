"""The rendered links.md and links.eml of a run with every class, compared with text written by hand.

The catalogue below is laid out so its line numbers can be read off; the history holds one link of each
kind: broken with an archived copy and under two resources, broken without one, moved, transient past its
threshold, transient on one day only (three runs on one day), blocked and ok.
"""

from __future__ import annotations

import re
from email import policy
from email.parser import BytesParser

import pytest

from infobox.catalogue.loader import load_catalogue
from infobox.link_results.status import LinkHistory, LinkState, LinkStatus
from infobox.linkcheck.mail import build_message
from infobox.linkcheck.report import build_report, to_markdown
from infobox.linkcheck.settings import load_settings
from tests.support.paths import REPO

CATALOGUE = """\
source: {title: Test, url: "https://example.org/bron.pdf"}
standards:
  - {id: "1", title: Een, text: Standaard een., statement: Stelling een.}
  - {id: "2", title: Twee, text: Standaard twee., statement: Stelling twee.}
resources:
  - id: meldcode
    title: Handreiking <meldcode> & co
    description: Test.
    organisation: Test
    type: publicatie
    standards: ["1", "2"]
    links:
      - {url: "https://a.example/weg", label: "Handreiking (PDF)"}
      - {url: "https://a.example/oud", label: Website}
  - id: training
    title: Training
    description: Test.
    organisation: Test
    type: website
    standards: ["2"]
    links:
      - {url: "https://a.example/weg", label: Trainingsmap}
      - {url: "https://b.example/nooit", label: Overzicht}
      - {url: "https://c.example/dicht", label: Inlog}
  - id: onderzoek
    title: Onderzoek
    description: Test.
    organisation: Test
    type: website
    standards: ["1"]
    links:
      - {url: "https://d.example/traag", label: Rapport}
      - {url: "https://d.example/storing", label: Bijlage}
      - {url: "https://e.example/goed", label: Samenvatting}
"""

NOW = "2026-11-30T05:17:00Z"
EARLIER = "2026-11-16T05:17:00Z"
SNAPSHOT = "https://web.archive.org/web/20240501093000/https://a.example/weg"
STATES = [
    LinkState(
        "https://a.example/weg",
        LinkStatus.BROKEN,
        True,
        404,
        "pagina bestaat niet (404)",
        first_failure=EARLIER,
        consecutive_failures=3,
        failure_days=3,
        archive_url=SNAPSHOT,
        archive_timestamp="2024-05-01T09:30:00Z",
    ),
    LinkState(
        "https://a.example/oud",
        LinkStatus.MOVED,
        True,
        301,
        "permanent verhuisd (301)",
        redirect_to="https://a.example/nieuw",
    ),
    LinkState(
        "https://b.example/nooit",
        LinkStatus.BROKEN,
        True,
        None,
        "de servernaam bestaat niet (meer)",
        first_failure=NOW,
        consecutive_failures=1,
        failure_days=1,
    ),
    LinkState(
        "https://c.example/dicht", LinkStatus.BLOCKED, False, 403, "toegang geweigerd (403); controleer met de hand"
    ),
    LinkState(
        "https://d.example/traag",
        LinkStatus.TRANSIENT,
        True,
        None,
        "de server antwoordde niet op tijd",
        first_failure=EARLIER,
        consecutive_failures=4,
        failure_days=3,
    ),
    LinkState(
        "https://d.example/storing",
        LinkStatus.TRANSIENT,
        False,
        503,
        "serverfout (503)",
        first_failure=NOW,
        consecutive_failures=3,
        failure_days=1,
    ),
    LinkState("https://e.example/goed", LinkStatus.OK, False, 200),
]

BROKEN_ADVICE = (
    "Zoek de pagina op met de zoekfunctie van de site zelf en vervang de link door het nieuwe adres; bestaat de "
    "pagina niet meer, verwijder dan de link (of het hulpmiddel). Heeft het webarchief een kopie, dan staat die "
    "erbij als gearchiveerde versie."
)
TRANSIENT_ADVICE = (
    "Deze links waren op 3 verschillende dagen op rij onbereikbaar. Open de link zelf; werkt hij ook bij u niet, "
    "handel dan zoals bij 'werkt niet meer'."
)
BLOCKED_ADVICE = (
    "Deze sites weren de controle, of sturen haar door naar een adres dat ze niet bezoekt (zoals een intern "
    "netwerk); ze worden niet als dood gemeld. Open de link zelf in de browser."
)
WAITING_ADVICE = "Nog niets doen: een link wordt pas gemeld als hij op 3 verschillende dagen op rij onbereikbaar was."
HEADER = "| link | waar | standaarden | wat er is | wat te doen |\n| --- | --- | --- | --- | --- |"

EXPECTED_MARKDOWN = f"""\
# Linkcontrole Infobox — 2026-11-30

| status | aantal |
| --- | ---: |
| werkt | 1 |
| werkt, op een nieuw adres | 1 |
| werkt mogelijk niet meer | 2 |
| tijdelijk niet bereikbaar | 2 |
| niet te controleren (de website weert controles) | 1 |

**4 links om na te kijken**, hieronder per soort met wat u doet. De regelnummers verwijzen naar \
`{{path}}`; uitleg per status staat in BEHEER.md, hoofdstuk Linkcontrole.

## Werkt niet meer (2 links)

{BROKEN_ADVICE}

{HEADER}
| <https://a.example/weg> | Handreiking \\<meldcode\\> & co (`meldcode`), link "Handreiking (PDF)" op regel 13; \
Training (`training`), link "Trainingsmap" op regel 22 | 1, 2 \
| pagina bestaat niet (404) (sinds 2026-11-16, 3 controles op rij) \
| zoek de pagina op <https://a.example/>; vervang de link of verwijder hem; \
gearchiveerde versie (van 2024-05-01): <{SNAPSHOT}> |
| <https://b.example/nooit> | Training (`training`), link "Overzicht" op regel 23 | 2 \
| de servernaam bestaat niet (meer) (sinds 2026-11-30) \
| zoek de pagina op <https://b.example/>; vervang de link of verwijder hem |

## Verhuisd (1 link)

Vervang de link door het nieuwe adres.

{HEADER}
| <https://a.example/oud> | Handreiking \\<meldcode\\> & co (`meldcode`), link "Website" op regel 14 | 1, 2 \
| permanent verhuisd (301) | vervang door <https://a.example/nieuw> |

## Al langer onbereikbaar (1 link)

{TRANSIENT_ADVICE}

{HEADER}
| <https://d.example/traag> | Onderzoek (`onderzoek`), link "Rapport" op regel 32 | 1 \
| de server antwoordde niet op tijd (sinds 2026-11-16, onbereikbaar op 3 dagen) \
| open de link zelf; werkt hij niet, zoek de pagina op <https://d.example/>; vervang de link of verwijder hem |

## Handmatig controleren (1 link)

{BLOCKED_ADVICE}

- <https://c.example/dicht> — Training (`training`), link "Inlog" op regel 24: toegang geweigerd (403); \
controleer met de hand

## Tijdelijk onbereikbaar, nog niet gemeld (1 link)

{WAITING_ADVICE}

- <https://d.example/storing> — Onderzoek (`onderzoek`), link "Bijlage" op regel 33: serverfout (503) \
(sinds 2026-11-30, onbereikbaar op 1 dag)
"""

EXPECTED_PLAIN = f"""\
Beste programmateam,

De wekelijkse linkcontrole van de Infobox Werken aan Veiligheid (2026-11-30) vond 4 links die aandacht nodig \
hebben. Per link staat erbij waar hij staat (regelnummers in {{path}}) en wat u doet.

== Werkt niet meer (2 links) ==
{BROKEN_ADVICE}

- https://a.example/weg
  Waar: Handreiking <meldcode> & co (meldcode), link "Handreiking (PDF)" op regel 13
  Waar: Training (training), link "Trainingsmap" op regel 22
  Standaarden: 1, 2
  Wat er is: pagina bestaat niet (404) (sinds 2026-11-16, 3 controles op rij)
  Wat te doen: zoek de pagina op https://a.example/; vervang de link of verwijder hem; \
gearchiveerde versie (van 2024-05-01): {SNAPSHOT}

- https://b.example/nooit
  Waar: Training (training), link "Overzicht" op regel 23
  Standaarden: 2
  Wat er is: de servernaam bestaat niet (meer) (sinds 2026-11-30)
  Wat te doen: zoek de pagina op https://b.example/; vervang de link of verwijder hem

== Verhuisd (1 link) ==
Vervang de link door het nieuwe adres.

- https://a.example/oud
  Waar: Handreiking <meldcode> & co (meldcode), link "Website" op regel 14
  Standaarden: 1, 2
  Wat er is: permanent verhuisd (301)
  Wat te doen: vervang door https://a.example/nieuw

== Al langer onbereikbaar (1 link) ==
{TRANSIENT_ADVICE}

- https://d.example/traag
  Waar: Onderzoek (onderzoek), link "Rapport" op regel 32
  Standaarden: 1
  Wat er is: de server antwoordde niet op tijd (sinds 2026-11-16, onbereikbaar op 3 dagen)
  Wat te doen: open de link zelf; werkt hij niet, zoek de pagina op https://d.example/; vervang de link of \
verwijder hem

== Handmatig controleren (1 link) ==
{BLOCKED_ADVICE}

- https://c.example/dicht
  Waar: Training (training), link "Inlog" op regel 24
  Wat er is: toegang geweigerd (403); controleer met de hand

== Tijdelijk onbereikbaar, nog niet gemeld (1 link) ==
{WAITING_ADVICE}

- https://d.example/storing
  Waar: Onderzoek (onderzoek), link "Bijlage" op regel 33
  Wat er is: serverfout (503) (sinds 2026-11-30, onbereikbaar op 1 dag)

Het volledige rapport: reports/links.md (bij deze run op GitHub: https://github.com/org/infobox/actions/runs/42).
Wat elke status betekent en wat u doet: BEHEER.md, hoofdstuk Linkcontrole \
(https://github.com/org/infobox/blob/HEAD/BEHEER.md#linkcontrole).

Dit bericht is automatisch gemaakt uit de linkcontrole.
"""

GITHUB = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "org/infobox", "GITHUB_RUN_ID": "42"}


@pytest.fixture
def rendered(tmp_path):
    path = tmp_path / "resources.yaml"
    path.write_text(CATALOGUE, encoding="utf-8")
    catalogue = load_catalogue(path)
    report = build_report(LinkHistory(NOW, {state.url: state for state in STATES}), catalogue, 3)
    env = {"REPORT_TO": "t@example.org", **GITHUB}
    message = build_message(report, "reports/links.md", env)
    parsed = BytesParser(policy=policy.default).parsebytes(bytes(message))
    return catalogue, to_markdown(report), parsed, report


def test_markdown_report(rendered):
    catalogue, markdown, _, _ = rendered
    assert markdown == EXPECTED_MARKDOWN.format(path=catalogue.path)


def test_count_in_each_heading_equals_its_rows(rendered):
    _, markdown, _, report = rendered
    rows = [line for line in markdown.splitlines() if line.startswith("| <")]
    assert len(rows) == report.reported == 4
    assert len({row.split(" | ")[0] for row in rows}) == 4  # one row per link, a link never twice
    for title, count in re.findall(r"^## (.+) \((\d+) links?\)$", markdown, re.MULTILINE):
        block = markdown.split(f"## {title} (")[1].split("\n## ")[0]
        assert len(re.findall(r"^(\| <|- <)", block, re.MULTILINE)) == int(count), title


def test_email_plain_text(rendered):
    catalogue, _, message, _ = rendered
    assert message["Subject"] == "Infobox linkcontrole 2026-11-30: 4 links om na te kijken"
    assert message["To"] == "t@example.org"
    assert message.get_body(("plain",)).get_content() == EXPECTED_PLAIN.format(path=catalogue.path)


def test_email_html_carries_the_same_rows(rendered):
    _, _, message, _ = rendered
    html = message.get_body(("html",)).get_content()
    headings = re.findall(r"<h2>(.+?)</h2>", html)
    assert headings == [
        "Werkt niet meer (2 links)",
        "Verhuisd (1 link)",
        "Al langer onbereikbaar (1 link)",
        "Handmatig controleren (1 link)",
        "Tijdelijk onbereikbaar, nog niet gemeld (1 link)",
    ]
    assert html.count("<tr>\n<td>") == 4 and html.count("<li>") == 2
    assert "Handreiking &lt;meldcode&gt; &amp; co (<code>meldcode</code>), link" in html and "<meldcode>" not in html
    assert 'op regel 13<br>Training (<code>training</code>), link "Trainingsmap" op regel 22' in html
    assert f'gearchiveerde versie (van 2024-05-01): <a href="{SNAPSHOT}" rel="noopener">{SNAPSHOT}</a>' in html
    assert 'vervang door <a href="https://a.example/nieuw" rel="noopener">https://a.example/nieuw</a>' in html
    assert 'Inlog" op regel 24: toegang geweigerd (403)' in html
    assert '<a href="https://github.com/org/infobox/blob/HEAD/BEHEER.md#linkcontrole" rel="noopener">' in html
    assert "Het volledige rapport: reports/links.md" in html


def test_email_without_github_names_the_files_only(tmp_path):
    path = tmp_path / "resources.yaml"
    path.write_text(CATALOGUE, encoding="utf-8")
    catalogue = load_catalogue(path)
    report = build_report(LinkHistory(NOW, {s.url: s for s in STATES}), catalogue, 3)
    plain = build_message(report, "uit/links.md", {}).get_body(("plain",)).get_content()
    assert "Het volledige rapport: uit/links.md.\nWat elke status betekent en wat u doet: BEHEER.md, hoofdstuk" in plain
    assert "github.com" not in plain


def test_beheer_counts_transient_links_as_the_job_does():
    """The job counts days (test_job_exits, test_runs); BEHEER.md must say days too, with the configured number."""
    beheer = (REPO / "BEHEER.md").read_text(encoding="utf-8")
    runs = load_settings().transient_runs
    assert f"op {runs} verschillende dagen op rij onbereikbaar" in beheer
    assert "weken op rij" not in beheer and "controles op rij onbereikbaar" not in beheer
