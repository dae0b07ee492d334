"""Exit statuses are read by workflows and documented in README: their values never change."""

from __future__ import annotations

import re

from infobox.exit_codes import CheckerExit, CommandExit, LinkJobExit
from tests.support.paths import REPO


def test_values_are_the_documented_ones():
    assert {e.name: e.value for e in CommandExit} == {"DONE": 0, "REFUSED": 1, "CANNOT_RUN": 2}
    assert [e.value for e in LinkJobExit] == [0, 1, 2, 3, 4, 130]
    assert [e.value for e in CheckerExit] == [0, 2, 3, 4, 5, 130]


def test_readme_gives_the_commands_exit_codes():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in ("apply-moves", "propose"):
        row = next(line for line in readme.splitlines() if line.startswith(f"| `.venv/bin/python -m infobox {command}"))
        assert [int(code) for code in re.findall(r"\b([0-9]) (?:done|added|refused|the|cannot)", row)] == [
            CommandExit.DONE,
            CommandExit.REFUSED,
            CommandExit.CANNOT_RUN,
        ], command
