"""Exit statuses are read by workflows and documented in README: their values never change."""

from __future__ import annotations

from infobox.exit_codes import CheckerExit, CommandExit, LinkJobExit
from tests.support.paths import REPO


def test_values_are_the_documented_ones():
    assert {e.name: e.value for e in CommandExit} == {"DONE": 0, "REFUSED": 1, "CANNOT_RUN": 2}
    assert [e.value for e in LinkJobExit] == [0, 1, 2, 3, 4, 130]
    assert [e.value for e in CheckerExit] == [0, 2, 3, 4, 5, 130]


def test_readme_gives_a_column_per_exit_code_of_the_commands():
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    codes = [str(int(e)) for e in CommandExit]
    header = next(n for n, line in enumerate(lines) if line.startswith("| command |") and "| 0 |" in line)
    assert [cell.strip() for cell in lines[header].strip("|").split("|")[1:]] == codes
    table = lines[header + 2 : lines.index("", header)]
    rows = [line.split("|")[1] for line in table]
    for command in ("apply-moves", "propose", "bot moves"):
        assert any(f"`{command}" in row for row in rows), command
