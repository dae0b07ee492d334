"""History across runs, SMTP delivery, exit codes, and the time budget of one pass."""

from __future__ import annotations

import json

import pytest
from aiosmtpd.controller import Controller

from infobox.link_status import read_status
from infobox.linkcheck.check import check_all
from infobox.linkcheck.engine import check_urls
from infobox.linkcheck.job import main
from infobox.linkcheck.settings import load_settings
from tests.linkcheck.conftest import closed_port

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


def test_transient_is_reported_on_the_third_run_and_recovery_clears_it(web, tmp_path):
    url = f"{web.site.base}/toggle"
    codes = [run_job(web, tmp_path, url, retries=0) for _ in range(3)]
    assert codes == [0, 0, 1]
    state = read_status(tmp_path / "history.json").get(url)
    assert state.status == "transient" and state.consecutive_failures == 3 and state.report
    first = state.first_failure
    assert first < state.checked_at  # kept from the first failing run
    assert (tmp_path / "out" / "links.eml").exists()

    web.site.healthy.set()
    assert run_job(web, tmp_path, url, retries=0) == 0
    state = read_status(tmp_path / "history.json").get(url)
    assert state.status == "ok" and not state.report and state.consecutive_failures == 0
    assert state.first_failure is None and state.last_ok == state.checked_at
    assert reported(tmp_path) == [False]
    assert not (tmp_path / "out" / "links.eml").exists()  # no message when there is nothing to report


def test_transient_threshold_is_configurable(web, tmp_path):
    assert run_job(web, tmp_path, f"{web.site.base}/toggle", retries=0, transient_runs=1) == 1


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
    assert len(inbox.messages) == 1
    envelope = inbox.messages[0]
    assert envelope.rcpt_tos == ["team@example.org"] and envelope.mail_from == "job@example.org"
    assert b"Subject: Infobox linkcontrole" in envelope.content and b"To: team@example.org" in envelope.content
    assert b"1 link om na te kijken" in envelope.content


def test_send_with_nothing_to_report_sends_nothing(web, tmp_path, smtp):
    controller, inbox = smtp
    env = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(controller.port)}
    assert run_job(web, tmp_path, f"{web.site.base}/ok", "--send", env=env) == 0
    assert inbox.messages == []


def test_smtp_down_keeps_the_reports_and_exits_3(web, tmp_path, capsys):
    env = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(closed_port("127.0.0.1"))}
    assert run_job(web, tmp_path, f"{web.site.base}/gone", "--send", env=env, retries=0) == 3
    assert (tmp_path / "out" / "links.eml").exists() and (tmp_path / "out" / "links.md").exists()
    assert "niet worden verstuurd" in capsys.readouterr().err


def test_invalid_catalogue_exits_2_with_file_and_line(tmp_path, capsys):
    catalogue = tmp_path / "resources.yaml"
    catalogue.write_text(ONE_LINK.format(url="javascript:alert(1)"), encoding="utf-8")
    assert main(["--catalogue", str(catalogue), "--out", str(tmp_path / "out")], env={}) == 2
    err = capsys.readouterr().err
    assert f"{catalogue}:12: resources[0].links[0].url" in err
    assert not (tmp_path / "out").exists()


def test_bad_arguments_exit_2():
    with pytest.raises(SystemExit) as exit_info:
        main(["--no-such-option"])
    assert exit_info.value.code == 2


def test_unknown_setting_exits_2(tmp_path, capsys):
    config = tmp_path / "linkcheck.toml"
    config.write_text("[linkcheck]\ntimout = 3\n", encoding="utf-8")
    assert main(["--config", str(config)], env={}) == 2
    assert "timout" in capsys.readouterr().err


def test_a_pass_that_overruns_its_budget_is_killed_and_marks_urls_unchecked(web):
    settings = load_settings(None, timeout=30, run_budget=1)
    probes = check_urls([f"{web.hang.base}/slow1", f"{web.site.base}/ok"], settings)
    assert probes[f"{web.hang.base}/slow1"].unchecked
    verdicts = check_all([f"{web.hang.base}/slow2"], settings)
    assert verdicts[f"{web.hang.base}/slow2"].status == "transient"
    assert "te lang" in verdicts[f"{web.hang.base}/slow2"].detail
