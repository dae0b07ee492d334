"""Problems found in a catalogue, reported to maintainers as `FILE:LINE: field: message`."""

from __future__ import annotations

import reprlib
from dataclasses import dataclass
from typing import Any

# A problem may quote any value of the file: a whole description, a list, a 10,000-character key. Quoted,
# it is cut to what a reader takes in at a glance ('begin van de tekst...eind'), so one line stays one line.
QUOTE_LENGTH = 60
_QUOTE = reprlib.Repr()  # keyword arguments only from Python 3.12
_QUOTE.maxstring = _QUOTE.maxother = _QUOTE.maxlong = QUOTE_LENGTH
_QUOTE.maxlist = _QUOTE.maxtuple = _QUOTE.maxdict = _QUOTE.maxset = 4
_QUOTE.maxlevel = 2


def quote(value: Any) -> str:
    """repr(value), cut to a readable length (a list or block of texts as a whole, too)."""
    return shorten(_QUOTE.repr(value), 2 * QUOTE_LENGTH)


def shorten(text: str, limit: int = QUOTE_LENGTH) -> str:
    """`text` when it is short, else its first `limit` characters and an ellipsis."""
    return text if len(text) <= limit else text[:limit] + "…"


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
