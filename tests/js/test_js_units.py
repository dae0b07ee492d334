"""Runs the JavaScript unit tests (node's built-in test runner) as part of the single pytest command."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def test_zelfscan_core_units():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is required for the JavaScript unit tests (apt-get install nodejs)")
    result = subprocess.run(
        [node, "--test", str(HERE / "zelfscan.test.mjs"), str(HERE / "whole-standard.test.mjs")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
