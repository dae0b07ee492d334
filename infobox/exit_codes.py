"""Every exit status the package's commands return, one enum per kind of command (README documents them).

| exit | `python -m infobox …` and the bot       | the link job (`scripts/check_links.py`)               |
| ---- | --------------------------------------- | ----------------------------------------------------- |
| 0    | done                                    | nothing to report                                     |
| 1    | refused: invalid input, nothing changed | something reported                                    |
| 2    | cannot run                              | cannot run (the history is not updated)               |
| 3    |                                         | reports and history written, e-mail not delivered     |
| 4    |                                         | reports written, history not saved                    |
| 130  |                                         | interrupted (Ctrl-C)                                  |

The link checker's child process (`infobox/linkcheck/runner.py`) answers the job with `CheckerExit`; no
person sees those. A workflow step reads the codes, so a value never changes meaning.
"""

from __future__ import annotations

from enum import IntEnum


class CommandExit(IntEnum):
    """The maintainers' commands and the workflows' bot."""

    DONE = 0  # what was asked is done (the summary says what changed, possibly nothing)
    REFUSED = 1  # the input is invalid, or what it would give is (catalogue, proposal, edit, build): nothing changed
    CANNOT_RUN = 2  # a file missing or unreadable, bad arguments, GitHub failed: nothing changed


class LinkJobExit(IntEnum):
    """The link job (`infobox.linkcheck.job`); `.github/workflows/links.yml` handles each one."""

    CLEAN = 0  # nothing to report; reports and history written
    REPORTED = 1  # something reported (and delivered with --send); reports and history written
    CANNOT_RUN = 2  # the job could not run; the history is not updated
    NOT_DELIVERED = 3  # reports and history written, the e-mail not delivered
    HISTORY_NOT_SAVED = 4  # reports written, the history not saved; takes precedence over NOT_DELIVERED
    INTERRUPTED = 130  # Ctrl-C (the shell's code for it)


class CheckerExit(IntEnum):
    """The linkchecker child (`infobox.linkcheck.runner`), read by `infobox.linkcheck.engine`."""

    DONE = 0
    CHECK_CRASHED = 2  # a check raised: a bug, shown with its traceback
    OUT_OF_TIME = 3  # the run's time budget was spent
    API_CHANGED = 4  # a linkchecker function it calls is gone or has another shape
    PARENT_GONE = 5  # the job ended (its lifeline closed)
    INTERRUPTED = 130  # Ctrl-C: the job decides what follows
