"""Run a command as a user without rights to the test's files, so a read-only folder is read-only.

Permissions bind every user but root; tests run as root in some containers. There a child process runs as
`nobody` (setpriv), and code run in-process takes nobody's effective ids for a moment (`as_nobody`); as
any other user both are plain. Files such a process must read live in a folder everyone may enter
(`open_folder`), as a pytest tmp_path (under a folder only its owner may enter) is not.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NOBODY = 65534
ROOT = os.geteuid() == 0


def unprivileged(argv: list[str]) -> list[str]:
    """`argv` run as nobody when the tests run as root."""
    if not ROOT:
        return argv
    setpriv = shutil.which("setpriv")
    assert setpriv, "tests run as root need setpriv (util-linux) to drop rights"
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *argv]


@contextmanager
def as_nobody() -> Iterator[None]:
    """This process's file access as nobody's, inside the block (nothing changes when not root)."""
    if not ROOT:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@contextmanager
def open_folder() -> Iterator[Path]:
    """A fresh folder anyone may enter and read (removed after), for files an unprivileged process reads."""
    folder = Path(tempfile.mkdtemp(prefix="infobox-test-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        for root, dirs, _ in os.walk(folder):  # top-down: a folder is opened before it is entered
            for name in dirs:
                if not os.path.islink(os.path.join(root, name)):
                    os.chmod(os.path.join(root, name), 0o755)
        shutil.rmtree(folder)
