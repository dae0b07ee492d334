"""Tips that hold: a tip is shown only when following it gives a file without problems where it was edited.

A diagnosis proposes candidate edits (`Fix`: the hint in Dutch and the whole file after following it); the
loader validates each candidate's text and keeps the first that leaves the edited block without problems.
A tip that would lead to new errors is never shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from infobox.errors import Problem


@dataclass(frozen=True)
class Fix:
    hint: str  # what the maintainer does, in Dutch
    text: str  # the whole file after doing it
    line: int  # the (first) line it edits, in the new text


def with_lines(lines: list[str], first: int, new: Iterable[str], last: int | None = None) -> str:
    """The text with lines first..last (1-based, inclusive) replaced by `new`."""
    last = first if last is None else last
    return "\n".join([*lines[: first - 1], *new, *lines[last:]]) + "\n"


def first_that_holds(fixes: list[Fix], problems_of: Callable[[str], list[Problem]], block_of) -> str:
    """The hint of the first fix after which the edited block has no problem, or "" when none holds."""
    for fix in fixes:
        start, end = block_of(fix.text.splitlines(), fix.line)
        if not any(start <= problem.line <= end for problem in problems_of(fix.text)):
            return fix.hint
    return ""
