"""Folders made once per test run and shared by the xdist workers (and the controller): site builds, the
Lighthouse session's results. See `once_per_run` in tests/conftest.py."""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest


def run_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder every process of this test run shares: the run's basetemp. Under xdist each worker's
    basetemp is <run's basetemp>/gwN (xdist derives them from the controller's)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def once_paths(root: Path, name: str) -> tuple[Path, Path]:
    """(the folder `made_once` makes under `name`, the file that says it is complete)."""
    return root / f"once-{name}", root / f"once-{name}.done"


def made_once(root: Path, name: str, make: Callable[[Path], object]) -> Path:
    """The folder `make(folder)` fills, made by the first process to ask under a file lock; the others wait
    for it instead of making it again."""
    folder, done = once_paths(root, name)
    with open(root / f"once-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            make(folder)
            done.touch()
    return folder


def wait_for_file(path: Path, timeout: float, stop: Callable[[], bool] = lambda: False) -> bool:
    """Wait until `path` exists (True), `timeout` seconds pass or `stop()` says so (False). A bound on a
    wait for another process's work, not a speed assertion."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        if stop() or time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True
