"""How a maintainer command fails when it cannot run: one Dutch line on standard error and exit 2, never a
traceback.

Commands write their output files through `write_output`, which says which file could not be written and
why. `guarded` runs a whole command and turns whatever still escapes it into such a line: a file the
system refuses, input nested too deep for Python, or a bug (then the line says so, and `INFOBOX_DEBUG=1`
shows the traceback). Tests run every command on hostile files and fail on that last line, so it stays a
safety net.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from infobox.exit_codes import CommandExit

UNEXPECTED = "Onverwachte fout"  # the start of the line for a bug; tests look for it


class CannotWrite(Exception):
    """An output file cannot be written; the message is one Dutch line naming it."""


def write_output(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Write a command's output file (UTF-8 for text); CannotWrite in Dutch when the system refuses."""
    path = Path(path)
    try:
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    except OSError as error:
        raise CannotWrite(f"{path}: kan niet worden geschreven ({error.strerror or error})") from None


def guarded(run: Callable[[], int]) -> int:
    """`run()`'s exit status; CANNOT_RUN with one Dutch line for whatever it raises."""
    try:
        return run()
    except CannotWrite as error:
        say(str(error))
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        say(f"{where}kan niet worden gelezen of geschreven ({error.strerror or error})")
    except RecursionError:
        say("De invoer is te diep genest om te lezen (hoogstens enkele honderden niveaus).")
    except Exception as error:  # a bug: still one line, and the details on request
        if os.environ.get("INFOBOX_DEBUG"):
            traceback.print_exc()
        detail = " ".join(f"{type(error).__name__}: {error}".split())[:200]
        say(
            f"{UNEXPECTED} ({detail}); de opdracht is afgebroken. Meld dit aan de ontwikkelaars "
            "(met INFOBOX_DEBUG=1 ziet u de details)."
        )
    return CommandExit.CANNOT_RUN


def say(line: str) -> None:
    print(line, file=sys.stderr)
