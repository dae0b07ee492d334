"""One full run of the job over the test catalogue, against local servers; each test reads one aspect.

The run is made twice, on a Dutch and on a German desktop (both languages linkchecker ships translations
for): a translated message must never change a verdict.
"""

from __future__ import annotations

import json
import os
from email import policy
from email.parser import BytesParser
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest

from infobox.link_results.status import read_status
from infobox.linkcheck.job import main
from tests.linkcheck.conftest import Web, closed_port
from tests.support.servers import SNAPSHOT_TIME, Host, archive_routes, hang_routes, robots_routes, site_routes

LOCALES = {"nl_NL.UTF-8": "nl_NL:nl", "de_DE.UTF-8": "de"}
# One worker runs this module (`make test` runs two): each run is made once, not once per worker.
pytestmark = [pytest.mark.xdist_group("link-job-full-run"), pytest.mark.server]


@pytest.fixture(scope="module", params=sorted(LOCALES))
def run(request, tmp_path_factory):
    hosts = [
        Host("127.0.0.31", site_routes()),
        Host("127.0.0.32", robots_routes()),
        Host("127.0.0.33", hang_routes()),
        Host("127.0.0.35", archive_routes()),
    ]
    web = Web(*hosts, closed=f"http://127.0.0.34:{closed_port('127.0.0.34')}")
    tmp = tmp_path_factory.mktemp("full")
    desktop = {"LANG": request.param, "LC_ALL": request.param, "LANGUAGE": LOCALES[request.param]}
    with mock.patch.dict(os.environ, desktop):
        code = main(
            [
                "--catalogue",
                str(web.catalogue(tmp)),
                "--config",
                str(web.config(tmp)),
                "--out",
                str(tmp / "out"),
                "--history",
                str(tmp / "history.json"),
            ],
            env={},
        )
    report = json.loads((tmp / "out" / "links.json").read_text(encoding="utf-8"))
    links = {urlsplit(link["url"])._replace(scheme="", netloc="").geturl(): link for link in report["links"]}
    yield {"code": code, "web": web, "tmp": tmp, "report": report, "links": links}
    for host in hosts:
        host.stop()


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/ok", "ok"),
        ("/ok#deel-2", "ok"),
        ("/head-refused", "ok"),
        ("/actie–plan", "ok"),
        ("/temp", "ok"),
        ("/perm", "moved"),
        ("/perm-dead", "broken"),
        ("/deep/page", "broken"),
        ("/loop", "broken"),
        ("/gone", "broken"),
        ("/removed", "broken"),
        ("/soft", "broken"),
        ("/pagina", "broken"),  # dood.invalid: never resolves (RFC 6761), refused before any look-up
        ("/dead", "broken"),  # behind robots.txt "Disallow: /"
        ("/flaky-404", "ok"),
        ("/forbidden", "blocked"),
        ("/auth", "blocked"),
        ("/error", "transient"),
        ("/rate", "ok"),
        ("/rate-always", "transient"),
        ("/slow1", "transient"),
        ("/slow2", "transient"),
        ("/slow3", "transient"),
        ("/x", "transient"),  # connection refused
        ("/watch?v=goodvideo01", "ok"),
        ("/removedvid1", "broken"),
    ],
)
def test_each_link_gets_its_status(run, path, status):
    assert run["links"][path]["status"] == status, run["links"][path]


def test_every_catalogue_url_is_in_the_report(run):
    assert len(run["report"]["links"]) == 26
    assert sum(run["report"]["summary"].values()) == 26
    assert run["report"]["summary"] == {"ok": 8, "moved": 1, "broken": 9, "transient": 6, "blocked": 2}


def test_only_broken_and_moved_are_reported_on_a_first_run(run):
    reported = {path for path, link in run["links"].items() if link["report"]}
    expected = {path for path, link in run["links"].items() if link["status"] in ("broken", "moved")}
    assert reported == expected and len(reported) == 10
    assert run["code"] == 1


def test_moved_link_names_its_new_address(run):
    moved = run["links"]["/perm"]
    assert moved["redirect_to"] == f"{run['web'].site.base}/nieuw"
    assert moved["http_status"] == 301


def test_links_carry_resources_and_standards(run):
    link = run["links"]["/perm"]
    assert link["resources"] == ["doorverwijzingen"] and link["standards"] == ["1B", "2"]
    assert run["links"]["/gone"]["consecutive_failures"] == 1
    assert run["links"]["/gone"]["first_failure"] == run["report"]["checked_at"]


def test_broken_link_is_rechecked_before_it_is_believed(run):
    site = run["web"].site
    assert site.hits["/flaky-404"] == 2  # 404 once, then fine: not reported
    assert site.hits["/removed"] == 3  # first pass + two re-checks


def test_retry_after_is_honoured(run):
    times = [t for method, path, t in run["web"].site.log if path == "/rate"]
    assert len(times) == 2
    assert times[1] - times[0] >= 0.95  # the server asked for 1 s


def test_server_refusing_head_is_asked_with_get(run):
    methods = {method for method, path, _ in run["web"].site.log if path == "/head-refused"}
    assert "GET" in methods


def test_non_ascii_path_is_sent_percent_encoded(run):
    assert any(path == "/actie%E2%80%93plan" for _, path, _ in run["web"].site.log)


def test_robots_txt_does_not_hide_a_dead_link(run):
    paths = [path for _, path, _ in run["web"].robots.log]
    assert "/dead" in paths


def test_hanging_host_is_asked_at_most_per_host_times(run):
    # per_host = 2: two requests hang until the timeout; the third URL fails at once instead of
    # waiting for yet another timeout. That keeps a run bounded by about one timeout.
    assert len(run["web"].hang.log) == 2


def test_fragment_urls_are_checked_once(run):
    assert run["web"].site.hits["/ok"] == 2  # /ok and /ok#deel-2 together once, once via /temp


def test_history_file_is_written(run):
    status = read_status(run["tmp"] / "history.json")
    assert status is not None and len(status.links) == 26
    state = status.get(f"{run['web'].site.base}/gone")
    assert state.status == "broken" and state.report and state.http_status == 404
    assert status.get(f"{run['web'].site.base}/ok").last_ok == status.checked_at


def rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("| <")]


def test_markdown_report_has_one_row_per_reported_link_grouped_by_what_to_do(run):
    text = (run["tmp"] / "out" / "links.md").read_text(encoding="utf-8")
    base = run["web"].site.base
    assert "**10 links om na te kijken**" in text and len(rows(text)) == 10
    broken = text.split("## Werkt niet meer (9 links)")[1].split("## ")[0]
    moved = text.split("## Verhuisd (1 link)")[1].split("## ")[0]
    assert len(rows(broken)) == 9 and len(rows(moved)) == 1
    # The link under two standards (1B and 2) is one row that names both, with its label and line.
    perm = next(line for line in rows(moved) if f"<{base}/perm>" in line)
    assert '(`doorverwijzingen`), link "Permanente doorverwijzing" op regel 47 | 1B, 2 |' in perm
    assert perm.endswith(f"| vervang door <{base}/nieuw> |")
    gone = next(line for line in rows(broken) if f"<{base}/gone>" in line)
    assert f"(sinds {run['report']['checked_at'][:10]})" in gone and f"zoek de pagina op <{base}/>" in gone
    assert "Doorverwijzingen \\<test\\> & co" in text  # catalogue text cannot inject markup
    manual = text.split("## Handmatig controleren (2 links)")[1].split("## ")[0]
    assert f"<{base}/forbidden>" in manual and f"<{base}/auth>" in manual
    waiting = text.split("## Tijdelijk onbereikbaar, nog niet gemeld (6 links)")[1]
    assert "Nog niets doen" in waiting and waiting.count("\n- <") == 6


def test_email_message_is_ready_to_send(run):
    raw = (run["tmp"] / "out" / "links.eml").read_bytes()
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert message["To"] == "info@geweldnergensthuis.nl"
    assert message["Subject"] == f"Infobox linkcontrole {run['report']['checked_at'][:10]}: 10 links om na te kijken"
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Beste programmateam" in plain and f"{run['web'].site.base}/gone" in plain
    assert "Wat te doen: vervang door " + f"{run['web'].site.base}/nieuw" in plain
    assert 'Waar: Dode links (dode-links), link "404" op regel' in plain  # the resource id and the line
    manual = plain.split("== Handmatig controleren (2 links) ==")[1].split("==")[0]
    assert f"{run['web'].site.base}/forbidden" in manual and f"{run['web'].site.base}/auth" in manual
    assert f"Het volledige rapport: {run['tmp'] / 'out' / 'links.md'}." in plain
    assert "Doorverwijzingen &lt;test&gt; &amp; co" in html and "<test>" not in html
    assert message.get_content_charset() is None or message.get_content_charset() == "utf-8"
    assert all(part.get_content_charset() == "utf-8" for part in message.walk() if not part.is_multipart())


def test_broken_links_carry_their_archived_copy(run):
    base = run["web"].site.base
    for path, link in run["links"].items():
        if link["status"] == "broken":
            assert link["archive_url"] == f"https://web.archive.org/web/{SNAPSHOT_TIME}/{link['url']}", path
            assert link["archive_timestamp"] == "2024-05-01T09:30:00Z"
        else:
            assert link["archive_url"] is None and link["archive_timestamp"] is None, path
    state = read_status(run["tmp"] / "history.json").get(f"{base}/gone")
    assert state.archive_url == f"https://web.archive.org/web/{SNAPSHOT_TIME}/{base}/gone"
    assert state.archive_timestamp == "2024-05-01T09:30:00Z"


def test_archive_is_asked_once_per_broken_link_at_its_pace(run):
    asked = [(path, t) for _, path, t in run["web"].archive.log]
    broken = [link["url"] for link in run["report"]["links"] if link["status"] == "broken"]
    assert sorted(parse_qs(urlsplit(path).query)["url"][0] for path, _ in asked) == sorted(broken)
    gaps = [later - earlier for (_, earlier), (_, later) in zip(asked, asked[1:], strict=False)]
    assert min(gaps) >= 0.19  # archive_interval = 0.2 s


def test_reports_offer_the_archived_copy(run):
    base = run["web"].site.base
    snapshot = f"https://web.archive.org/web/{SNAPSHOT_TIME}/{base}/gone"
    text = (run["tmp"] / "out" / "links.md").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if f"| <{base}/gone> |" in line)
    assert f"gearchiveerde versie (van 2024-05-01): <{snapshot}>" in row
    moved = next(line for line in text.splitlines() if f"| <{base}/perm> |" in line)
    assert "gearchiveerde versie" not in moved
    message = BytesParser(policy=policy.default).parsebytes((run["tmp"] / "out" / "links.eml").read_bytes())
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert f"gearchiveerde versie (van 2024-05-01): {snapshot}" in plain
    assert f'gearchiveerde versie (van 2024-05-01): <a href="{snapshot}" rel="noopener">' in html
