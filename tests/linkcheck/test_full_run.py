"""One full run of the job over the test catalogue, against local servers; each test reads one aspect."""

from __future__ import annotations

import json
from email import policy
from email.parser import BytesParser
from urllib.parse import urlsplit

import pytest

from infobox.link_status import read_status
from infobox.linkcheck.job import main
from tests.linkcheck.conftest import Web, closed_port
from tests.linkcheck.servers import Host, hang_routes, robots_routes, site_routes


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    hosts = [Host("127.0.0.31", site_routes()), Host("127.0.0.32", robots_routes()), Host("127.0.0.33", hang_routes())]
    web = Web(*hosts, closed=f"http://127.0.0.34:{closed_port('127.0.0.34')}")
    tmp = tmp_path_factory.mktemp("full")
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
        ("/pagina", "broken"),  # dood.invalid: the host name does not resolve
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


def test_markdown_report_groups_per_standard(run):
    text = (run["tmp"] / "out" / "links.md").read_text(encoding="utf-8")
    base = run["web"].site.base
    assert "## Kwaliteitsstandaard 1: Werkt" in text
    assert "## Kwaliteitsstandaard 2: Werkt niet" in text
    assert "## Kwaliteitsstandaard 3" not in text  # only blocked/transient there: nothing to report
    section_2 = text.split("## Kwaliteitsstandaard 2")[1].split("## ")[0]
    assert f"<{base}/gone>" in section_2 and "Dode links (`dode-links`)" in section_2
    assert f"vervang door <{base}/nieuw>" in text
    assert "Doorverwijzingen \\<test\\> & co" in text  # catalogue text cannot inject markup
    assert f"(sinds {run['report']['checked_at'][:10]})" in text
    manual = text.split("## Handmatig controleren")[1]
    assert f"<{base}/forbidden>" in manual and f"<{base}/auth>" in manual


def test_email_message_is_ready_to_send(run):
    raw = (run["tmp"] / "out" / "links.eml").read_bytes()
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert message["To"] == "info@geweldnergensthuis.nl"
    assert message["Subject"] == f"Infobox linkcontrole {run['report']['checked_at'][:10]}: 10 links om na te kijken"
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Beste programmateam" in plain and f"{run['web'].site.base}/gone" in plain
    assert "nieuw adres: " + f"{run['web'].site.base}/nieuw" in plain
    assert "Doorverwijzingen &lt;test&gt; &amp; co" in html and "<test>" not in html
    assert message.get_content_charset() is None or message.get_content_charset() == "utf-8"
    assert all(part.get_content_charset() == "utf-8" for part in message.walk() if not part.is_multipart())
