"""`mkdocs serve` rebuilds when a maintainer edits the catalogue, and survives an invalid edit."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from sitebuild import REPO

DEADLINE = 60  # seconds; a bound on waiting, not a speed assertion


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, what: str) -> None:
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.3)
    pytest.fail(f"gave up waiting for {what}")


@pytest.fixture
def project(tmp_path) -> Path:
    """The repository's site project with its own editable copy of the catalogue."""
    for name in ("docs", "overrides", "hooks", "infobox"):
        (tmp_path / name).symlink_to(REPO / name)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "data").mkdir()
    shutil.copy(REPO / "data" / "resources.yaml", tmp_path / "data" / "resources.yaml")
    return tmp_path


def test_serve_reloads_on_catalogue_edit(project):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("INFOBOX_")}
    env["PYTHONPATH"] = str(REPO)
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/hulpmiddelen/"
    catalogue = project / "data" / "resources.yaml"
    try:
        wait_for(lambda: "Kindcheck" in fetch(url), "the first build")
        original = catalogue.read_text(encoding="utf-8")
        assert "title: Kindcheck\n" in original

        catalogue.write_text(original.replace("title: Kindcheck\n", "title: Kindcheck vernieuwd\n"), "utf-8")
        wait_for(lambda: "Kindcheck vernieuwd" in fetch(url), "the rebuild after an edit")

        # An invalid edit: the rebuild fails with the validator's message and the server keeps running
        # (MkDocs holds requests until the catalogue is valid again, rather than serve a stale page).
        catalogue.write_text(original.replace("type: website", "type: blog", 1), "utf-8")
        time.sleep(3)
        assert server.poll() is None

        catalogue.write_text(original, "utf-8")
        wait_for(lambda: "Kindcheck vernieuwd" not in fetch(url) and "Kindcheck" in fetch(url), "recovery")
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "'blog' is geen toegestane waarde" in output
    assert "Traceback" not in output
