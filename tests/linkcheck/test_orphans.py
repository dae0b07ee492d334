"""No orphans: however the link job ends (kill -9, SIGTERM, Ctrl-C), its linkchecker child ends with it and no
temporary `linkcheck-*` folder stays; the child also stops by itself at its own time budget.

The job runs as a real process (scripts/check_links.py) against a host that never answers, with a long
timeout, so the child is mid-check when the signal comes. Waits are for events, bounded generously."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from infobox.exit_codes import CheckerExit
from infobox.linkcheck.engine import _child_env, linkcheckerrc
from infobox.linkcheck.settings import load_settings
from tests.linkcheck.test_runs import ONE_LINK
from tests.support.paths import REPO as ROOT


def wait_for(condition, limit: float = 60.0) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def gone(pid: int) -> bool:
    """The process ended (a zombie left for a parent that does not reap counts as ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] in "ZX"
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return True


def children_of(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


@pytest.fixture
def job(web, tmp_path):
    """Start the job on three never-answering URLs; yield (job, child pid, its TMPDIR) once the child asks."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    catalogue = web.catalogue(tmp_path, ONE_LINK.format(url=f"{web.hang.base}/slow1"))
    config = web.config(tmp_path, timeout=30, run_budget=120, retries=0)
    command = [sys.executable, str(ROOT / "scripts" / "check_links.py"), "--catalogue", str(catalogue)]
    command += ["--config", str(config), "--out", str(tmp_path / "out"), "--history", str(tmp_path / "h.json")]
    process = subprocess.Popen(
        command,
        env={**os.environ, "TMPDIR": str(temp)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, as a terminal gives a job
    )
    try:
        assert wait_for(lambda: web.hang.log), "the child never asked the host"
        (child,) = children_of(process.pid)
        yield process, child, temp
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()


@pytest.mark.parametrize(
    "stop",
    [
        pytest.param(lambda p: os.kill(p.pid, signal.SIGKILL), id="kill -9"),
        pytest.param(lambda p: os.kill(p.pid, signal.SIGTERM), id="SIGTERM"),
        pytest.param(lambda p: os.killpg(p.pid, signal.SIGINT), id="Ctrl-C"),
    ],
)
def test_the_child_ends_with_the_job_and_leaves_no_temporary_folder(job, stop):
    process, child, temp = job
    assert not gone(child)
    stop(process)
    process.wait(timeout=60)
    # Left alone, the child would wait 30 s for the hanging host (which gives up after 60 s): 20 s is ample
    # for an exit that takes milliseconds, and too short for a child that merely finishes its work.
    assert wait_for(lambda: gone(child), limit=20), "the linkchecker child outlived the job"
    assert list(temp.glob("linkcheck-*")) == []


def start_runner(web, tmp_path, budget: int) -> subprocess.Popen:
    settings = load_settings(web.config(tmp_path), timeout=30, run_budget=budget)
    rc = tmp_path / "linkcheckerrc"
    rc.write_text(linkcheckerrc(settings), encoding="utf-8")
    command = [sys.executable, "-m", "infobox.linkcheck.runner", "-f", str(rc), "-o", "xml/utf-8", "--no-status"]
    return subprocess.Popen(
        [*command, "--", f"{web.hang.base}/slow2"],
        env=_child_env(settings),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )


def test_the_child_stops_at_its_own_budget(web, tmp_path):
    child = start_runner(web, tmp_path, budget=1)
    # The lifeline stays open all along: nobody stops it but itself. Its few lines fit in the pipe.
    assert child.wait(timeout=60) == CheckerExit.OUT_OF_TIME
    out = child.stdout.read()
    child.stdin.close()
    # A complete report with no answer in it: without the budget, the 30 s timeout would have given one.
    assert b"</linkchecker>" in out and b"<urldata>" not in out


def test_the_child_stops_when_its_lifeline_closes(web, tmp_path):
    child = start_runner(web, tmp_path, budget=120)
    assert wait_for(lambda: web.hang.log)
    child.stdin.close()
    assert child.wait(timeout=60) == CheckerExit.PARENT_GONE


def test_the_child_gets_no_secrets(monkeypatch, tmp_path):
    monkeypatch.setenv("SMTP_PASSWORD", "geheim")
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    env = _child_env(load_settings(None))
    assert "SMTP_PASSWORD" not in env and env["HTTPS_PROXY"] == "http://proxy.example:3128"
    assert env["LINKCHECK_TIMEOUT"] == "20" and env["LC_ALL"] == "C.UTF-8"
