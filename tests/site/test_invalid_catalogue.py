"""An invalid catalogue stops `mkdocs build` with the validator's FILE:LINE lines and leaves site/ alone."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support.sitebuild import FIXTURE, REPO

pytestmark = pytest.mark.server  # `mkdocs build` twice in a child process


def run(*args: str, catalogue, cwd=REPO) -> subprocess.CompletedProcess:
    env = {**os.environ, "INFOBOX_CATALOGUE": str(catalogue), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def snapshot(site):
    return {p.relative_to(site): (p.stat().st_mtime_ns, p.read_bytes()) for p in site.rglob("*") if p.is_file()}


def test_invalid_catalogue_aborts_before_touching_the_site(tmp_path):
    catalogue = tmp_path / "resources.yaml"
    catalogue.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    site = tmp_path / "site"
    first = run("-m", "mkdocs", "build", "--strict", "-q", "-d", str(site), catalogue=catalogue)
    assert first.returncode == 0, first.stderr
    before = snapshot(site)
    assert before

    broken = FIXTURE.read_text(encoding="utf-8").replace("type: toolkit", "type: folder")
    broken = broken.replace('standards: ["9"]', 'standards: ["99Z"]')
    catalogue.write_text(broken, encoding="utf-8")
    validate = run("-m", "infobox", "validate", str(catalogue), catalogue=catalogue)
    problems = [line for line in validate.stdout.splitlines() + validate.stderr.splitlines() if ":" in line]
    problems = [line for line in problems if line.startswith(str(catalogue))]
    assert validate.returncode == 1 and len(problems) >= 2

    second = run("-m", "mkdocs", "build", "--strict", "-d", str(site), catalogue=catalogue)
    assert second.returncode != 0
    output = second.stdout + second.stderr
    assert "Traceback" not in output
    for problem in problems:
        assert problem in output
    assert snapshot(site) == before
