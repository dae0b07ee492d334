"""Work of the build that no page needs, done in a second process while MkDocs renders the pages.

The open-data files and the feed (`generate.export_files`) are wanted only when MkDocs copies the files,
after every page is rendered. MkDocs renders on one core; on a machine with another one, a forked child
makes them meanwhile. Forked, not spawned: the
child has the validated catalogue and the imported package already, so it starts at once.

The child is an optimisation only. Where forking is not safe or gains nothing (a process with threads,
such as `mkdocs serve`, or one core), and whenever the child fails or dies, the files are made in the
build's own process, so a failure reads the same as without it. The child never writes a file:
it sends the contents back. It stops when its work is done or, at the latest, when it finds the build
gone (its send fails); `cancel` stops it at once.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _run(make: Callable[[], Any], sender: Connection, receiver: Connection) -> None:
    receiver.close()  # so a build that is gone makes the send fail instead of waiting for ever
    try:
        result = make()
    except BaseException:  # noqa: BLE001 - the build's own process makes it again and reports the error
        result = None
        ok = False
    else:
        ok = True
    try:
        sender.send((ok, result))
    except OSError:
        pass  # the build is gone
    finally:
        sender.close()


class SideJob:
    """`make()` in a forked child when that can help, else in this process when its result is asked for."""

    def __init__(self, make: Callable[[], Any], *, fork: bool | None = None):
        """`fork`: None decides by the process (see the module's text); True or False decides for it."""
        self._make = make
        self._process: multiprocessing.process.BaseProcess | None = None
        self._receiver: Connection | None = None
        self.made_in_child: bool | None = None  # known once the result is
        if fork is None:
            fork = hasattr(os, "fork") and threading.active_count() == 1 and _usable_cores() > 1
        if not fork:
            return
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_run, args=(make, sender, receiver), daemon=True)
        try:
            process.start()
        except OSError:  # no more processes allowed: do it here
            receiver.close()
            return
        finally:
            sender.close()
        self._process, self._receiver = process, receiver

    def result(self) -> Any:
        """The child's result, or `make()` run here if there is no child or it failed."""
        ok, result = False, None
        if self._process is not None and self._receiver is not None:
            try:
                ok, result = self._receiver.recv()
            except (EOFError, OSError):  # the child died
                pass
            finally:
                self.cancel()
        self.made_in_child = ok
        return result if ok else self._make()

    def cancel(self) -> None:
        """Stop the child (if any) and reap it."""
        if self._receiver is not None:
            self._receiver.close()
            self._receiver = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join()
            self._process = None
