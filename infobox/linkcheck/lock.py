"""One link job at a time per history: an exclusive lock held for the whole run.

The lock is taken on the history's directory (flock on its file descriptor), not on the history file: the
file is replaced at the end of a run (write to a temporary file, rename), so a lock on it would guard the
old copy only; and a lock file would need a writable directory, while a run whose history cannot be
written must still write its reports. The kernel releases the lock when the process ends, killed or not.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


class Busy(Exception):
    """Another run held the lock for longer than we were willing to wait."""


@contextmanager
def exclusive(
    directory: Path, wait: float, on_wait: Callable[[], None] = lambda: None, poll: float = 0.5
) -> Iterator[None]:
    """Hold the lock on `directory` inside the block; wait at most `wait` seconds for it, else Busy."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        deadline = time.monotonic() + wait
        waited = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise Busy from None
                if not waited:
                    on_wait()
                    waited = True
                time.sleep(min(poll, left))
        yield
    finally:
        os.close(fd)  # closing the last descriptor releases the lock
