"""Fixtures shared by every test folder: a copy of the catalogue to edit, folders made once per test run (the
site builds among them), the markers `make check` selects by, and the Lighthouse session run beside the tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from tests.support import lighthouse
from tests.support.once import made_once, once_paths, run_root
from tests.support.paths import REPO
from tests.support.sitebuild import REAL_SITE, build_real_site

REAL_CATALOGUE = REPO / "data" / "resources.yaml"
CONFIG = REPO / "mkdocs.yml"


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
    root = run_root(tmp_path_factory)
    return lambda name, make: made_once(root, name, make)


# The site as readers get it, built once per run from the repository's mkdocs.yml and catalogue (no link-status
# file), by MkDocs and by Zensical. Set INFOBOX_TEST_SITE=/path/to/site to reuse an earlier MkDocs build while
# iterating locally.
def _reused_site() -> Path | None:
    reuse = os.environ.get("INFOBOX_TEST_SITE")
    return Path(reuse) if reuse else None


@pytest.fixture(scope="session")
def mkdocs_site(once_per_run) -> Path:
    return _reused_site() or once_per_run(REAL_SITE, build_real_site)


def _build_zensical(site: Path) -> None:
    command = [sys.executable, "-m", "infobox", "build-zensical", "--config", str(CONFIG), "--site-dir", str(site)]
    # No link-status file, as in the MkDocs build (a local data/link-history.json must not change the tests).
    env = {**os.environ, "INFOBOX_LINK_STATUS": str(site.with_name("none.json"))}
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        pytest.fail(f"zensical build failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


@pytest.fixture(scope="session")
def zensical_site(once_per_run) -> Path:
    return once_per_run("zensical-site", _build_zensical)


# MkDocs unless a test asks for both (tests/support/generators.on_both_builds parametrizes this fixture
# indirectly).
@pytest.fixture(scope="session", params=["mkdocs"])
def built_site(request) -> Path:
    return request.getfixturevalue(f"{request.param}_site")


# `server`: fixtures that start a server on loopback, or build a site in a child process. A test that uses
# one is marked, wherever it is; a test that starts one itself carries the marker in its module.
SERVER_FIXTURES = {"site_url", "zensical_site", "web"}


def _uses_a_server(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    params = getattr(getattr(item, "callspec", None), "params", {})
    return bool(fixtures & SERVER_FIXTURES) or params.get("built_site") == "zensical"


def _is_lighthouse(nodeid: str) -> bool:
    return nodeid.startswith("tests/browser/test_lighthouse.py::")


def pytest_itemcollected(item):
    if _uses_a_server(item):  # marked as collected: `-m` selects among the collected items afterwards
        item.add_marker(pytest.mark.server)


# The markers kept honest: in a test marked neither `server` nor `browser`, opening a listening socket fails the
# test with the advice to mark it (its fixtures included). Threads other than the test's own (the Lighthouse
# session beside the tests) may listen.
_LISTEN = socket.socket.listen
_UNMARKED = threading.local()


def _listen(sock: socket.socket, *args):
    if getattr(_UNMARKED, "nodeid", None):
        raise AssertionError(
            f"{_UNMARKED.nodeid} starts a server: mark it (or its module) @pytest.mark.server, so that `make check`"
            " leaves it out"
        )
    return _LISTEN(sock, *args)


socket.socket.listen = _listen


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    marked = item.get_closest_marker("server") or item.get_closest_marker("browser")
    _UNMARKED.nodeid = None if marked else item.nodeid
    try:
        yield
    finally:
        _UNMARKED.nodeid = None


@pytest.hookimpl(trylast=True)  # after pytest's own reordering by fixture parameters
def pytest_collection_modifyitems(config, items):
    # The Lighthouse tests read what the session beside them wrote: last, so that it is done by then.
    items.sort(key=lambda item: _is_lighthouse(item.nodeid))


# The Lighthouse session (tests/support/lighthouse.Background) runs in the process that runs pytest: the xdist
# controller, or pytest itself without workers. It starts once the tests of this run are known, if they include
# the Lighthouse tests, and reads the MkDocs build the first test that needs it makes.
_LIGHTHOUSE = pytest.StashKey[lighthouse.Background]()


def _start_lighthouse(config: pytest.Config, nodeids: Iterable[str]) -> None:
    if _LIGHTHOUSE in config.stash or not any(_is_lighthouse(nodeid) for nodeid in nodeids):
        return
    # The run's folder, as xdist finds it to give each worker its own (xdist reads this attribute too).
    root = config._tmp_path_factory.getbasetemp()
    reused = _reused_site()
    site, ready = (reused, reused) if reused else once_paths(root, REAL_SITE)
    (root / lighthouse.STARTED).touch()
    config.stash[_LIGHTHOUSE] = lighthouse.Background(site, ready, root / lighthouse.RESULTS)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node, ids):
    _start_lighthouse(node.config, ids)


def pytest_collection_finish(session):
    if not os.environ.get("PYTEST_XDIST_WORKER"):  # a worker's collection: its controller starts the session
        _start_lighthouse(session.config, (item.nodeid for item in session.items))


def pytest_unconfigure(config):
    if _LIGHTHOUSE in config.stash:
        config.stash[_LIGHTHOUSE].stop()


def pytest_runtest_setup(item):
    # `make test` runs `--dist loadgroup`: a module marked xdist_group (one set of link-job runs, the base-path
    # build) must stay on one worker. pytest-xdist marks such tests by a suffix of their node id; a pytest it
    # does not support drops the suffix silently, and every worker would do the module's work again.
    grouped = getattr(item.config.option, "loadgroup", False) and item.get_closest_marker("xdist_group")
    if grouped and "@" not in item.nodeid:
        pytest.fail(f"xdist_group is ignored: pytest {pytest.__version__} with this pytest-xdist", pytrace=False)
