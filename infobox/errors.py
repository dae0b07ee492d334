"""Problems found in a catalogue, reported to maintainers as `FILE:LINE: field: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str
    hint: str = ""  # one line on how to fix it, shown under the problem

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}: {self.field}: {self.message}"
        return f"{text}\n    tip: {self.hint}" if self.hint else text


class CatalogueError(Exception):
    """The catalogue is invalid; `problems` holds every problem found, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
