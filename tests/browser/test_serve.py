"""`mkdocs serve` as a maintainer runs it (`make serve`): rebuilds on catalogue edits, and an invalid
catalogue shows a Dutch error page in the browser (not a request that hangs), then the site after a fix.

Every wait is for an observable event: a line the server prints or what the browser shows.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import threading
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.support.paths import REPO

pytestmark = pytest.mark.server
CATALOGUE = REPO / "tests" / "site" / "fixtures" / "resources.yaml"
BUILD_TIMEOUT = 120  # seconds; a bound on waiting for a (re)build on a busy machine, not a speed assertion
# A rebuild is done when the live-reload server reloads the browsers. Not MkDocs' "Documentation built in
# N seconds": MkDocs drops a log message it has printed before, so a rebuild as fast as an earlier one
# prints nothing.
REBUILT = "Reloading browsers"
INVALID = "de catalogus is ongeldig"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`make serve` in a project folder; collects its output lines for tests to wait on."""

    def __init__(self, project: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # The Makefile's own settings must do the work: drop what the test process itself has set
        # (importing Material sets NO_MKDOCS_2_WARNING in this process).
        env = {k: v for k, v in os.environ.items() if not k.startswith("INFOBOX_") and k != "NO_MKDOCS_2_WARNING"}
        self.process = subprocess.Popen(
            [
                "make",
                "-f",
                str(REPO / "Makefile"),
                "serve",
                f"BIN={REPO / '.venv' / 'bin'}",
                f"ADDR=127.0.0.1:{self.port}",
            ],
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # make and mkdocs in one process group, stopped together
        )
        self.lines: list[str] = []
        self._changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            with self._changed:
                self.lines.append(line.rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def mark(self) -> int:
        with self._changed:
            return len(self.lines)

    def wait_for(self, text: str, since: int = 0) -> int:
        """Wait until a line containing `text` is printed after line number `since`; its index."""

        def found() -> int | None:
            return next((i for i in range(since, len(self.lines)) if text in self.lines[i]), None)

        with self._changed:
            self._changed.wait_for(
                lambda: found() is not None or self.process.poll() is not None, timeout=BUILD_TIMEOUT
            )
            index = found()
        if index is None:
            pytest.fail(f"the server did not print {text!r}:\n" + "\n".join(self.lines[-40:]))
        return index

    def stop(self) -> str:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)
        return "\n".join(self.lines)


@pytest.fixture
def project(tmp_path) -> Path:
    """The repository's site project with its own editable copy of a catalogue."""
    # pyproject.toml and requirements.txt: what the Makefile's set-up step depends on (done, not redone).
    for name in ("docs", "overrides", "hooks", "infobox", "pyproject.toml", "requirements.txt"):
        (tmp_path / name).symlink_to(REPO / name)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "data").mkdir()
    shutil.copy(CATALOGUE, tmp_path / "data" / "resources.yaml")
    return tmp_path


@pytest.fixture
def serve(project):
    servers: list[Server] = []

    def start() -> Server:
        servers.append(Server(project))
        return servers[-1]

    yield start
    for server in servers:
        output = server.stop()
        assert "Traceback" not in output


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def test_serve_rebuilds_on_edits_and_survives_an_invalid_one(project, serve):
    catalogue = project / "data" / "resources.yaml"
    original = catalogue.read_text(encoding="utf-8")
    assert "    title: Kindcheck\n" in original and "type: website" in original
    server = serve()
    server.wait_for("Serving on")
    page = f"{server.url}/hulpmiddelen/"
    assert "Kindcheck" in fetch(page)

    since = server.mark()
    catalogue.write_text(original.replace("    title: Kindcheck\n", "    title: Kindcheck vernieuwd\n"), "utf-8")
    server.wait_for(REBUILT, server.wait_for("Building documentation", since))
    assert "Kindcheck vernieuwd" in fetch(page)

    since = server.mark()
    catalogue.write_text(original.replace("type: website", "type: blog", 1), "utf-8")
    server.wait_for(REBUILT, server.wait_for(INVALID, since))
    assert server.process.poll() is None
    assert "'blog' is geen toegestane waarde" in "\n".join(server.lines[since:])
    assert "De catalogus bevat fouten" in fetch(page)

    since = server.mark()
    catalogue.write_text(original, "utf-8")
    server.wait_for(REBUILT, server.wait_for("Building documentation", since))
    recovered = fetch(page)
    assert "Kindcheck" in recovered and "Kindcheck vernieuwd" not in recovered


def test_invalid_catalogue_gives_a_dutch_error_page_then_the_site_after_a_fix(
    project, serve, page, axe, format_violations
):
    catalogue = project / "data" / "resources.yaml"
    original = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(original.replace('standards: ["9"]', 'standards: ["11"]', 1), "utf-8")
    server = serve()
    server.wait_for("Serving on")

    # The page's default timeout (conftest.DEFAULT_TIMEOUT_MS) bounds each step: the error page must come, not a
    # request that hangs.
    page.goto(f"{server.url}/hulpmiddelen/")
    expect(page.locator("h1")).to_have_text("De catalogus bevat fouten")
    problem = page.locator(".ib-errors li")
    expect(problem).to_have_count(1)
    expect(problem).to_contain_text("data/resources.yaml:")
    expect(problem).to_contain_text("kwaliteitsstandaard 11 bestaat niet")
    expect(problem).to_contain_text("Tip: de catalogus heeft de kwaliteitsstandaarden 1, 2, 3")
    violations = axe(page)
    assert not violations, format_violations(violations)

    # The maintainer fixes the mistake and saves; MkDocs' reload script brings back the real page.
    catalogue.write_text(original, "utf-8")
    expect(page.locator("h1")).to_have_text("Alle hulpmiddelen van A tot Z", timeout=BUILD_TIMEOUT * 1000)
    expect(page.locator("#kindcheck")).to_have_text("Kindcheck")

    output = server.stop()
    assert "kwaliteitsstandaard 11 bestaat niet" in output  # also in the terminal
    assert "end of life" not in output  # Material's banner is not shown to maintainers
