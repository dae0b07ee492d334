"""History across runs, SMTP delivery, exit codes, the time budget of one pass, a broken linkchecker child,
settings errors, Retry-After, and the web archive's four behaviours.

Every run asserts that the server was really asked: a child that crashed at start-up must not pass for a
run that found the link transient."""

from __future__ import annotations

import json
import textwrap

import pytest
from aiosmtpd.controller import Controller

from infobox.link_results.status import read_status
from infobox.linkcheck.check import check_all
from infobox.linkcheck.classify import classify
from infobox.linkcheck.engine import check_urls
from infobox.linkcheck.job import main
from infobox.linkcheck.settings import SettingsError, load_settings
from tests.linkcheck.conftest import closed_port
from tests.support.servers import SNAPSHOT_TIME

ONE_LINK = """\
source: {{title: Test, url: "https://example.org/bron.pdf"}}
standards:
  - {{id: "9", title: Negen, text: Standaard negen., statement: Stelling negen.}}
resources:
  - id: een-hulpmiddel
    title: Eén hulpmiddel
    description: Test.
    organisation: Test
    type: website
    standards: ["9"]
    links:
      - {{url: "{url}", label: Link}}
"""


def run_job(web, tmp_path, url, *extra, env=None, **config):
    catalogue = web.catalogue(tmp_path, ONE_LINK.format(url=url))
    args = ["--catalogue", str(catalogue), "--config", str(web.config(tmp_path, **config))]
    args += ["--out", str(tmp_path / "out"), "--history", str(tmp_path / "history.json"), *extra]
    return main(args, env=env or {})


def reported(tmp_path):
    return [link["report"] for link in json.loads((tmp_path / "out" / "links.json").read_text())["links"]]


def test_transient_counts_days_not_runs_and_recovery_clears_it(web, tmp_path):
    url = f"{web.site.base}/toggle"
    history = tmp_path / "history.json"
    # Three runs on one day (a 503 all afternoon): one day, not reported, however often the job runs.
    codes = [run_job(web, tmp_path, url, retries=0) for _ in range(3)]
    assert codes == [0, 0, 0]
    assert web.site.hits["/toggle"] == 3  # each run asked the server once
    state = read_status(history).get(url)
    assert state.status == "transient" and state.consecutive_failures == 3 and state.failure_days == 1
    assert not state.report
    first = state.first_failure

    # The same link, last seen failing on an earlier day, two days in all: this run is its third day.
    raw = json.loads(history.read_text(encoding="utf-8"))
    raw["links"][url].update(checked_at="2026-01-02T05:17:00Z", failure_days=2)
    history.write_text(json.dumps(raw), encoding="utf-8")
    assert run_job(web, tmp_path, url, retries=0) == 1
    state = read_status(history).get(url)
    assert state.failure_days == 3 and state.consecutive_failures == 4 and state.report
    assert state.first_failure == first  # kept from the first failing run
    assert (tmp_path / "out" / "links.eml").exists()

    web.site.healthy.set()
    assert run_job(web, tmp_path, url, retries=0) == 0
    assert web.site.hits["/toggle"] == 5
    state = read_status(history).get(url)
    assert state.status == "ok" and not state.report and state.consecutive_failures == 0
    assert state.failure_days == 0 and state.first_failure is None and state.last_ok == state.checked_at
    assert reported(tmp_path) == [False]
    assert not (tmp_path / "out" / "links.eml").exists()  # no message when there is nothing to report


def test_transient_threshold_is_configurable(web, tmp_path):
    assert run_job(web, tmp_path, f"{web.site.base}/toggle", retries=0, transient_runs=1) == 1
    assert web.site.hits["/toggle"] == 1


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=closed_port("127.0.0.1"))
    controller.start()
    yield controller, inbox
    controller.stop()


def test_send_delivers_the_report_over_smtp(web, tmp_path, smtp):
    controller, inbox = smtp
    env = {
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(controller.port),
        "REPORT_TO": "team@example.org",
        "REPORT_FROM": "job@example.org",
    }
    assert run_job(web, tmp_path, f"{web.site.base}/gone", "--send", env=env, retries=0) == 1
    assert web.site.hits["/gone"] == 1
    assert len(inbox.messages) == 1
    envelope = inbox.messages[0]
    assert envelope.rcpt_tos == ["team@example.org"] and envelope.mail_from == "job@example.org"
    assert b"Subject: Infobox linkcontrole" in envelope.content and b"To: team@example.org" in envelope.content
    assert b"1 link om na te kijken" in envelope.content


def test_send_with_nothing_to_report_sends_nothing(web, tmp_path, smtp):
    controller, inbox = smtp
    env = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(controller.port)}
    assert run_job(web, tmp_path, f"{web.site.base}/ok", "--send", env=env) == 0
    assert web.site.hits["/ok"] == 1
    assert inbox.messages == []


def test_smtp_down_keeps_the_reports_and_exits_3(web, tmp_path, capsys):
    env = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(closed_port("127.0.0.1"))}
    assert run_job(web, tmp_path, f"{web.site.base}/gone", "--send", env=env, retries=0) == 3
    assert web.site.hits["/gone"] == 1
    assert (tmp_path / "out" / "links.eml").exists() and (tmp_path / "out" / "links.md").exists()
    assert "niet worden verstuurd" in capsys.readouterr().err


def test_invalid_catalogue_exits_2_with_file_and_line(tmp_path, capsys):
    catalogue = tmp_path / "resources.yaml"
    catalogue.write_text(ONE_LINK.format(url="javascript:alert(1)"), encoding="utf-8")
    assert main(["--catalogue", str(catalogue), "--out", str(tmp_path / "out")], env={}) == 2
    err = capsys.readouterr().err
    assert f"{catalogue}:12: hulpmiddel" in err and "› links[0].url" in err
    assert not (tmp_path / "out").exists()


def test_bad_arguments_exit_2():
    with pytest.raises(SystemExit) as exit_info:
        main(["--no-such-option"])
    assert exit_info.value.code == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[linkcheck]\ntimeout = 3\ntimout = 3\n", ":3: onbekende instelling 'timout'"),
        ('[linkcheck]\n\ntimeout = "20"\n', ":3: timeout moet een geheel getal zijn, niet '20'"),
        ("[linkcheck]\nbackoff = true\n", ":2: backoff moet een getal zijn, niet True"),
        ('[linkcheck]\nignore = "^https://x"\n', ":2: ignore moet een lijst met tekst zijn"),
        ("[linkcheck]\ntimeout = = 3\n", ":2: geen geldige TOML"),
        ("[linkchek]\ntimeout = 3\n", ": onbekende tabel [linkchek]"),
    ],
)
def test_bad_setting_exits_2_with_file_and_line(tmp_path, capsys, text, message):
    config = tmp_path / "linkcheck.toml"
    config.write_text(text, encoding="utf-8")
    assert main(["--config", str(config), "--out", str(tmp_path / "out")], env={}) == 2
    assert f"{config}{message}" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_missing_config_file_exits_2(tmp_path, capsys):
    assert main(["--config", str(tmp_path / "linkchek.toml")], env={}) == 2
    assert f"{tmp_path / 'linkchek.toml'}: instellingenbestand bestaat niet" in capsys.readouterr().err


def test_every_setting_has_its_value_in_linkcheck_toml(tmp_path):
    partial = tmp_path / "linkcheck.toml"
    partial.write_text("[linkcheck]\ntimeout = 20\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="ontbreken: per_host, threads"):
        load_settings(None, default=partial)
    assert load_settings(partial).timeout == 20  # the repository's linkcheck.toml fills in the rest


BROKEN_CHILD = {
    "crash at start-up": (
        "import os, sys\nsys.stderr.write('RuntimeError: kapotte linkchecker\\n')\nos._exit(70)",
        "kapotte linkchecker",
    ),
    "no rows, exit 1": ("import os, sys\nsys.stderr.write('Stil gestopt\\n')\nos._exit(1)", "Stil gestopt"),
    "linkchecker function renamed": (
        "import linkcheck.director.checker as c\ndel c.check_url",
        "linkchecker 10.6.0: linkcheck.director.checker.check_url ontbreekt",
    ),
    "linkchecker function reshaped": (
        "import linkcheck.director as d\nd.get_aggregate = lambda config, extra: None",
        "linkchecker 10.6.0: linkcheck.director.get_aggregate ontbreekt of is niet meer een functie (config)",
    ),
    "linkchecker class gone": (
        "import linkcheck.command.arg_parser as a\na.ArgParser = None",
        "linkcheck.command.arg_parser.ArgParser ontbreekt of is niet meer een klasse",
    ),
    "a check crashes": (
        "from linkcheck.checker.httpurl import HttpUrl\nHttpUrl.check_connection = lambda self: 1 / 0",
        "ZeroDivisionError",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN_CHILD))
def test_broken_child_exits_2_with_its_message_and_leaves_history_alone(web, tmp_path, monkeypatch, capsys, case):
    code, message = BROKEN_CHILD[case]
    # A sitecustomize module on the child's path breaks linkchecker the way an upgrade or a bug could.
    breaker = tmp_path / "breaker"
    breaker.mkdir()
    (breaker / "sitecustomize.py").write_text(textwrap.dedent(code) + "\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(breaker))
    history = tmp_path / "history.json"
    history.write_text('{"version": 1, "checked_at": "2026-01-01T00:00:00Z", "links": {}}\n', encoding="utf-8")
    before = history.read_bytes()
    assert run_job(web, tmp_path, f"{web.site.base}/ok") == 2
    err = capsys.readouterr().err
    assert "De linkcontrole kon de links niet controleren" in err and message in err
    assert history.read_bytes() == before
    assert not (tmp_path / "out").exists()
    assert web.site.hits["/ok"] == 0


@pytest.mark.parametrize(("path", "low", "high"), [("/rate-9s", 9, 9), ("/rate-date", 7, 10)])
def test_retry_after_in_seconds_or_as_http_date_is_waited_for(web, tmp_path, path, low, high):
    settings = load_settings(web.config(tmp_path), backoff=0.2, max_retry_after=30)
    waits = []  # what the re-check waited for, recorded instead of slept
    url = f"{web.site.base}{path}"
    assert check_all([url], settings, sleep=waits.append)[url].status == "ok"
    assert web.site.hits[path] == 2
    assert len(waits) == 1 and low <= waits[0] <= high  # the server's wish, not the 0.2 s back-off


def snapshot_of(tmp_path, url):
    return read_status(tmp_path / "history.json").get(url)


def test_archive_with_a_snapshot(web, tmp_path):
    url = f"{web.site.base}/gone"
    assert run_job(web, tmp_path, url, retries=0) == 1
    state = snapshot_of(tmp_path, url)
    assert state.archive_url == f"https://web.archive.org/web/{SNAPSHOT_TIME}/{url}"
    assert state.archive_timestamp == "2024-05-01T09:30:00Z"
    assert "gearchiveerde versie" in (tmp_path / "out" / "links.md").read_text(encoding="utf-8")
    # The next run keeps the snapshot without asking the archive again, even when it is down.
    web.archive.answer = "error"
    assert run_job(web, tmp_path, url, retries=0) == 1
    assert len(web.archive.log) == 1
    assert snapshot_of(tmp_path, url).archive_url == state.archive_url


@pytest.mark.parametrize("answer", ["none", "slow", "error"])
def test_archive_without_a_snapshot_never_fails_the_run(web, tmp_path, capsys, answer):
    web.archive.answer = answer
    url = f"{web.site.base}/gone"
    assert run_job(web, tmp_path, url, retries=0) == 1
    assert len(web.archive.log) == 1  # it was asked
    state = snapshot_of(tmp_path, url)
    assert state.status == "broken" and state.report
    assert state.archive_url is None and state.archive_timestamp is None
    assert "gearchiveerde versie (van" not in (tmp_path / "out" / "links.md").read_text(encoding="utf-8")
    assert (tmp_path / "out" / "links.eml").exists()
    unreachable = "Webarchief niet bereikbaar" in capsys.readouterr().err
    assert unreachable == (answer != "none")


def test_a_pass_that_overruns_its_budget_is_killed_and_marks_urls_unchecked(web):
    settings = load_settings(None, timeout=30, run_budget=1)
    probes = check_urls([f"{web.hang.base}/slow1", f"{web.site.base}/ok"], settings)
    assert probes[f"{web.hang.base}/slow1"].unchecked
    verdicts = check_all([f"{web.hang.base}/slow2"], settings)
    assert verdicts[f"{web.hang.base}/slow2"].status == "transient"
    assert "te lang" in verdicts[f"{web.hang.base}/slow2"].detail


@pytest.mark.server  # the linkchecker child
def test_an_internationalised_host_name_is_checked_like_any_other():
    # As root the child runs as `nobody` after its start; a codec loaded only then could not be read from an
    # interpreter under /root, and the IDN host stopped the whole pass instead of getting its own answer.
    # The pass itself asks the resolver (the job would refuse .invalid first): the real look-up failure, read.
    probes = check_urls(["http://bücher.invalid/pagina", "http://buecher.invalid/pagina"], load_settings(None))
    assert {classify(probe).status for probe in probes.values()} == {"broken"}
    assert probes["http://bücher.invalid/pagina"].final_url == "http://xn--bcher-kva.invalid/pagina"
