"""Fixtures shared by every test folder: a copy of the catalogue to edit, and folders made once per test run;
the `server` marker `make check` selects by."""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.paths import REPO

REAL_CATALOGUE = REPO / "data" / "resources.yaml"


@pytest.fixture
def catalogue_copy(tmp_path) -> Path:
    """A copy of the real catalogue (with its schema file beside it, as in data/) to edit."""
    copy = tmp_path / "resources.yaml"
    shutil.copyfile(REAL_CATALOGUE, copy)
    shutil.copyfile(REAL_CATALOGUE.with_name("resources.schema.json"), tmp_path / "resources.schema.json")
    return copy


@pytest.fixture(scope="session")
def once_per_run(tmp_path_factory) -> Callable[[str, Callable[[Path], object]], Path]:
    """`once_per_run(name, make) -> Path`: the folder `make(folder)` fills, made once per test run and shared
    by the xdist workers (`make test` runs two). The first worker to ask makes it under a file lock; the
    other waits for it instead of building the same site again. Tests only read these folders."""
    base = tmp_path_factory.getbasetemp()
    # Under xdist each worker's basetemp is <run's basetemp>/popen-gwN; the run's is shared.
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base

    def once(name: str, make: Callable[[Path], object]) -> Path:
        folder, done = root / f"once-{name}", root / f"once-{name}.done"
        with open(root / f"once-{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
            if not done.exists():
                shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
                make(folder)
                done.touch()
        return folder

    return once


# `server`: fixtures that start a server on loopback, or build a site in a child process. A test that uses
# one is marked, wherever it is; a test that starts one itself carries the marker in its module.
SERVER_FIXTURES = {"site_url", "zensical_site", "web"}


def _uses_a_server(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    params = getattr(getattr(item, "callspec", None), "params", {})
    return bool(fixtures & SERVER_FIXTURES) or params.get("built_site") == "zensical"


def pytest_itemcollected(item):
    if _uses_a_server(item):  # marked as collected: `-m` selects among the collected items afterwards
        item.add_marker(pytest.mark.server)


def pytest_runtest_setup(item):
    # `make test` runs `--dist loadgroup`: a module marked xdist_group (one Lighthouse session, one set of
    # link-job runs) must stay on one worker. pytest-xdist marks such tests by a suffix of their node id; a
    # pytest it does not support drops the suffix silently, and every worker would do the module's work again.
    grouped = getattr(item.config.option, "loadgroup", False) and item.get_closest_marker("xdist_group")
    if grouped and "@" not in item.nodeid:
        pytest.fail(f"xdist_group is ignored: pytest {pytest.__version__} with this pytest-xdist", pytrace=False)
