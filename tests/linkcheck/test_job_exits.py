"""A history that never lies about the run: its shape checked on load, reports before history, the file's
mode kept, one run at a time, and every exit code of README's table (0-4, 130) produced here or in
test_runs.py (0, 1, 2, 3)."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from infobox.exit_codes import LinkJobExit
from infobox.link_results import status as link_status
from infobox.link_results.status import LinkStatus, LinkStatusError, read_status
from infobox.linkcheck import job
from infobox.linkcheck.classify import Verdict
from infobox.linkcheck.history import update_history
from tests.linkcheck.test_runs import ONE_LINK, run_job
from tests.support.paths import REPO as ROOT

VALID = '{"version": 1, "checked_at": "2026-11-23T05:17:00Z", "links": {}}\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1, 2]", "geen geldige linkgeschiedenis: verwacht een object met version, checked_at en links"),
        ('{"version": 2, "links": {}}', "onbekende versie '2'; deze linkcontrole leest versie 1"),
        ('{"version": true, "links": {}}', "onbekende versie 'True'"),
        ('{"version": 1, "links": [1]}', "links moet een object zijn"),
        ('{"version": 1, "links": {"https://x.nl/": 3}}', "link 'https://x.nl/': verwacht een object"),
        ('{"version": 1, "links": {"https://x.nl/": {"status": "kapot"}}}', "onbekende status 'kapot'"),
        (
            '{"version": 1, "links": {"https://x.nl/": {"status": "ok", "report": "ja"}}}',
            "report heeft een verkeerd type (str)",
        ),
        ('{"version": 1, "links": {"https://x.nl/": {"status": "ok", "colour": 1}}}', "onbekend veld 'colour'"),
        ('{"version": 1,\n "links": {', ":2: geen geldige JSON"),
        ("[" * 100_000, "te diep geneste JSON"),
    ],
)
def test_a_history_of_the_wrong_shape_stops_the_job_with_exit_2_and_is_left_alone(tmp_path, capsys, text, message):
    catalogue = tmp_path / "resources.yaml"
    catalogue.write_text(ONE_LINK.format(url="http://127.0.0.1:9/nooit-gevraagd"), encoding="utf-8")
    history = tmp_path / "history.json"
    history.write_text(text, encoding="utf-8")
    args = ["--catalogue", str(catalogue), "--out", str(tmp_path / "out"), "--history", str(history)]
    assert job.main(args, env={}) == 2
    err = capsys.readouterr().err
    assert f"De linkgeschiedenis is onbruikbaar; de linkcontrole is niet uitgevoerd: {history}" in err
    assert message in err and "Traceback" not in err and "unsupported" not in err
    assert len(err.strip().splitlines()) == 1
    assert history.read_text(encoding="utf-8") == text
    assert not (tmp_path / "out").exists()  # stopped before any link was checked


def test_the_site_build_reads_the_same_check(tmp_path):
    history = tmp_path / "history.json"
    history.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(LinkStatusError, match="verwacht een object"):
        read_status(history)


def test_an_old_history_without_failure_days_counts_one_day_per_failing_run(tmp_path):
    history = tmp_path / "history.json"
    state = {"status": "transient", "consecutive_failures": 2, "checked_at": "2026-11-23T05:17:00Z"}
    history.write_text(json.dumps({"version": 1, "links": {"https://x.nl/": state}}), encoding="utf-8")
    assert read_status(history).get("https://x.nl/").failure_days == 2


def test_transient_counts_different_days_in_a_row():
    verdict = Verdict("https://x.nl/", LinkStatus.TRANSIENT, 503, "serverfout (503)")
    status = None
    runs = ["2026-11-16T05:00:00Z", "2026-11-16T09:00:00Z", "2026-11-16T23:59:00Z", "2026-11-17T00:01:00Z"]
    for now in runs:
        status = update_history(status, {verdict.url: verdict}, now, transient_runs=3)
    state = status.get(verdict.url)
    assert (state.consecutive_failures, state.failure_days, state.report) == (4, 2, False)
    status = update_history(status, {verdict.url: verdict}, "2026-11-23T05:00:00Z", transient_runs=3)
    state = status.get(verdict.url)
    assert (state.consecutive_failures, state.failure_days, state.report) == (5, 3, True)
    assert state.first_failure == runs[0]


def test_a_new_history_gets_the_umask_mode_and_a_run_keeps_the_mode(web, tmp_path):
    history = tmp_path / "history.json"
    old = os.umask(0o022)
    try:
        assert run_job(web, tmp_path, f"{web.site.base}/ok") == 0
    finally:
        os.umask(old)
    assert history.stat().st_mode & 0o777 == 0o644
    first = read_status(history).checked_at
    history.write_text(VALID, encoding="utf-8")
    history.chmod(0o640)  # neither the umask's mode nor a temporary file's 0600
    (tmp_path / ".history.json.tmp").write_text("{half", encoding="utf-8")  # left by a killed run
    (tmp_path / ".history.json.tmp").chmod(0o600)
    assert run_job(web, tmp_path, f"{web.site.base}/ok") == 0
    assert history.stat().st_mode & 0o777 == 0o640
    assert not (tmp_path / ".history.json.tmp").exists()
    assert read_status(history).checked_at >= first  # it was rewritten


@pytest.mark.parametrize("failing", ["open", "replace"])
def test_a_history_that_cannot_be_saved_keeps_the_reports_and_exits_4(web, tmp_path, monkeypatch, capsys, failing):
    """As in a read-only directory: the temporary file cannot be made, or cannot replace the history."""
    history = tmp_path / "history.json"
    history.write_text(VALID, encoding="utf-8")
    real = {"open": os.open, "replace": os.replace}[failing]

    def refuse(*args, **kwargs):
        if ".history.json." in str(args[0]):
            raise PermissionError(13, "Permission denied", str(args[0]))
        return real(*args, **kwargs)

    monkeypatch.setattr(link_status.os, failing, refuse)
    assert run_job(web, tmp_path, f"{web.site.base}/gone", retries=0) == 4
    out, err = capsys.readouterr()
    assert (
        f"De rapporten staan in {tmp_path / 'out'}, maar de linkgeschiedenis kon niet worden opgeslagen in "
        f"{history} (Permission denied)" in err
    )
    assert "Traceback" not in err
    assert (
        "1 link gecontroleerd (werkt: 0, verhuisd: 0, werkt niet: 1, tijdelijk onbereikbaar: 0, geblokkeerd: 0); "
        "1 gemeld." in out  # the console summary is Dutch
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["links.eml", "links.json", "links.md"]
    assert "pagina bestaat niet (404)" in (tmp_path / "out" / "links.md").read_text(encoding="utf-8")
    assert history.read_text(encoding="utf-8") == VALID
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.json", "linkcheck.toml", "out", "resources.yaml"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder; the test above covers root")
def test_a_read_only_history_folder_keeps_the_reports_and_exits_4(web, tmp_path, capsys):
    state = tmp_path / "state"
    state.mkdir()
    history = state / "history.json"
    history.write_text(VALID, encoding="utf-8")
    state.chmod(0o555)
    try:
        catalogue = web.catalogue(tmp_path, ONE_LINK.format(url=f"{web.site.base}/gone"))
        args = ["--catalogue", str(catalogue), "--config", str(web.config(tmp_path, retries=0))]
        code = job.main([*args, "--out", str(tmp_path / "out"), "--history", str(history)], env={})
    finally:
        state.chmod(0o755)
    assert code == 4
    assert "kon niet worden opgeslagen in" in capsys.readouterr().err
    assert (tmp_path / "out" / "links.md").exists() and [p.name for p in state.iterdir()] == ["history.json"]
    assert history.read_text(encoding="utf-8") == VALID


def test_reports_that_cannot_be_written_stop_before_the_history_with_exit_2(web, tmp_path, capsys):
    (tmp_path / "out").write_text("a file where the report folder should be", encoding="utf-8")
    history = tmp_path / "history.json"
    history.write_text(VALID, encoding="utf-8")
    assert run_job(web, tmp_path, f"{web.site.base}/gone", retries=0) == 2
    assert "De rapporten konden niet worden geschreven" in capsys.readouterr().err
    assert history.read_text(encoding="utf-8") == VALID


def hold_lock(directory: Path) -> int:
    fd = os.open(directory, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def test_a_second_run_stops_with_exit_2_when_the_first_holds_the_history_too_long(web, tmp_path, capsys):
    history = tmp_path / "history.json"
    history.write_text(VALID, encoding="utf-8")
    fd = hold_lock(tmp_path)
    try:
        assert run_job(web, tmp_path, f"{web.site.base}/ok", "--wait-for-lock", "0.3") == 2
    finally:
        os.close(fd)
    err = capsys.readouterr().err
    assert f"Er loopt al een linkcontrole met {history} (na 0.3 s nog niet klaar)" in err
    assert history.read_text(encoding="utf-8") == VALID
    assert not (tmp_path / "out").exists() and web.site.hits["/ok"] == 0


def test_a_second_run_waits_for_the_first(web, tmp_path, capsys):
    fd = hold_lock(tmp_path)
    threading.Timer(1.0, os.close, [fd]).start()
    assert run_job(web, tmp_path, f"{web.site.base}/ok", "--wait-for-lock", "60") == 0
    assert "deze wacht tot die klaar is" in capsys.readouterr().err
    assert web.site.hits["/ok"] == 1


def test_runs_at_once_on_one_history_lose_no_update(web, tmp_path):
    url = f"{web.site.base}/error"
    catalogue = web.catalogue(tmp_path, ONE_LINK.format(url=url))
    args = ["--catalogue", str(catalogue), "--config", str(web.config(tmp_path, retries=0))]
    args += ["--history", str(tmp_path / "history.json")]
    runs = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "scripts" / "check_links.py"), *args, "--out", str(tmp_path / f"out{i}")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(2)
    ]
    results = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    assert web.site.hits["/error"] == 2
    assert read_status(tmp_path / "history.json").get(url).consecutive_failures == 2


def test_an_unexpected_error_exits_2_with_one_dutch_line(web, tmp_path, monkeypatch, capsys):
    def broken(*_args, **_kwargs):
        raise RuntimeError("kapot\nop twee regels")

    monkeypatch.setattr(job, "check_all", broken)
    history = tmp_path / "history.json"
    history.write_text(VALID, encoding="utf-8")
    assert run_job(web, tmp_path, f"{web.site.base}/ok") == 2
    err = capsys.readouterr().err
    assert err == (
        "De linkcontrole stopte door een onverwachte fout (RuntimeError: kapot op twee regels); "
        "start opnieuw met --debug voor de details.\n"
    )
    assert history.read_text(encoding="utf-8") == VALID

    assert run_job(web, tmp_path, f"{web.site.base}/ok", "--debug") == 2
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):") and "RuntimeError: kapot" in err
    assert err.endswith("(RuntimeError: kapot op twee regels); de details staan hierboven.\n")


def test_ctrl_c_exits_130_without_a_traceback(web, tmp_path):
    catalogue = web.catalogue(tmp_path, ONE_LINK.format(url=f"{web.hang.base}/slow1"))
    # A timeout far beyond the wait below: whatever the machine's load, the signal comes while the job checks.
    args = ["--catalogue", str(catalogue), "--config", str(web.config(tmp_path, timeout=300, run_budget=600))]
    args += ["--out", str(tmp_path / "out"), "--history", str(tmp_path / "history.json")]
    job_process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "check_links.py"), *args],
        stderr=subprocess.PIPE,
        text=True,
        # As from a terminal: a pytest-xdist worker ignores SIGINT, and an ignored signal stays ignored in
        # its children, so the job would never see the Ctrl-C.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while not web.hang.log and job_process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # until the check is under way: the hanging host has been asked
    job_process.send_signal(signal.SIGINT)
    _, err = job_process.communicate(timeout=120)
    assert job_process.returncode == 130
    assert err == "\nDe linkcontrole is onderbroken (Ctrl-C).\n"
    assert not (tmp_path / "history.json").exists() and not (tmp_path / "out").exists()


def test_bad_arguments_exit_2_in_dutch(capsys):
    with pytest.raises(SystemExit) as exit_info:
        job.main(["--no-such-option"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("check_links.py: ongeldige opdracht (") and "zie check_links.py --help" in err


def test_readme_lists_every_exit_code_the_job_defines():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("| exit | meaning |")[1].split("\n\n")[0]
    codes = {int(line.split("|")[1]) for line in table.strip().splitlines()[1:]}
    defined = set(LinkJobExit)
    assert codes == defined == {0, 1, 2, 3, 4, 130}
