"""The open data and the feed made in a second process while MkDocs renders (infobox/site/side_process.py):
the same files as made in the build's own process, the same result when the child fails or dies, and no
child left behind: not after `cancel`, not when the build itself is killed."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from infobox.site.generate import EXPORT_FILES, export_files, settings, site_context
from infobox.site.side_process import SideJob
from tests.support.sitebuild import FIXTURE, REPO

PARENT = os.getpid()


def pid_pair() -> tuple[int, int]:
    return os.getpid(), os.getppid()


def fails_in_child() -> str:
    if os.getpid() != PARENT:
        raise RuntimeError("only in the child")
    return "made here"


def dies_in_child() -> str:
    if os.getpid() != PARENT:
        os._exit(3)
    return "made here"


def hangs_in_child() -> str:
    if os.getpid() != PARENT:
        time.sleep(600)
    return "made here"


def test_the_work_is_done_in_a_child_and_handed_back():
    job = SideJob(pid_pair, fork=True)
    child, its_parent = job.result()
    assert child != os.getpid() and its_parent == os.getpid()
    assert job.made_in_child is True
    assert not multiprocessing.active_children()


def test_without_fork_the_work_is_done_here_when_asked():
    job = SideJob(pid_pair, fork=False)
    assert job.result() == pid_pair()
    assert job.made_in_child is False


def test_a_child_that_fails_or_dies_leaves_the_work_to_this_process():
    for make in (fails_in_child, dies_in_child):
        job = SideJob(make, fork=True)
        assert job.result() == "made here", make.__name__
        assert job.made_in_child is False
    assert not multiprocessing.active_children()


def test_cancel_stops_a_child_that_is_still_working():
    job = SideJob(hangs_in_child, fork=True)
    assert len(multiprocessing.active_children()) == 1
    job.cancel()
    assert not multiprocessing.active_children()


def test_a_killed_build_leaves_no_child_working_for_nobody(tmp_path):
    # A build forks its child and is killed before it asks for the result: the child finishes its (short)
    # work, finds nobody to hand it to and stops; it does not wait for ever on a pipe.
    script = textwrap.dedent(
        """
        import os, sys, time
        from infobox.site.side_process import SideJob
        def work():
            time.sleep(1)
            return b"x" * 1_000_000  # more than a pipe holds: sending it needs a reader
        job = SideJob(work, fork=True)
        print(job._process.pid, flush=True)
        time.sleep(600)
        """
    )
    build = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    child = int(build.stdout.readline())
    build.send_signal(signal.SIGKILL)
    build.wait()
    build.stdout.close()
    for _ in range(200):  # the child's second of work, then its failed send; bounded by count, not time
        if not _alive(child):
            break
        time.sleep(0.1)
    assert not _alive(child), f"child {child} still runs after its build was killed"


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for init to reap it."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.server  # `mkdocs build` in a child process
def test_a_real_build_makes_the_exports_in_a_child_and_they_equal_the_generators(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    monkeypatch.delenv("SITE_URL", raising=False)
    status = tmp_path / "geen-status.json"
    env = {
        **os.environ,
        "INFOBOX_CATALOGUE": str(FIXTURE),
        "INFOBOX_LINK_STATUS": str(status),
        "NO_MKDOCS_2_WARNING": "1",
    }
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-v", "-d", str(site)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "open data en feed gemaakt in een tweede proces" in done.stderr
    expected = export_files(
        site_context(settings({"infobox": {"catalogue": str(FIXTURE), "link_status": str(status)}}, REPO))
    )
    assert set(expected) == set(EXPORT_FILES)
    for name, content in expected.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        assert (site / name).read_bytes() == data, name
