"""Subprocess entry point: linkchecker's own command line, with three small adjustments.

Run as `python -m infobox.linkcheck.runner <linkchecker arguments>`; everything else (configuration file,
XML output on stdout, robots.txt switch, timeouts, soft-404 RegexCheck) is linkchecker's documented CLI.

Why the adjustments, and why no documented option does it. Figures: the 500 URLs on 10 hosts at 100 ms of
benchmarks/bench_links.py (polite limit 2.5 s), one pass, with and without the patch, measured 2026-11-29 on a
shared 2-core machine (load 7-10, so only the ratios mean much):
- Aggregate.wait_for_host: linkchecker throttles with a random wait of at least 0.1-0.6 s per host
  (`maxrequestspersecond` can only raise that floor), taken while holding one global lock, so every thread
  waits on every host. Unpatched: 30.3 s; patched: 5.2 s. We replace that wait with what the job really
  wants: at most N requests in flight per host (LINKCHECK_PER_HOST, politeness) and no global lock.
- HttpUrl.check_connection (the per-host slot above, wrapped around the request, redirects included): a
  host that let one request time out is not asked again in this pass; its other URLs fail at once with the
  same timeout. Without that, URLs queued behind a hanging host each cost a full timeout: 75 URLs on 25
  hosts with one hanging, timeout 5 s: 12.9 s unpatched, 8.0 s patched.
- checker.QUEUE_POLL_INTERVALL_SECS: checker threads poll their queue once a second and only see "stop"
  between polls, so every pass ended with up to a second of idle waiting; they now poll every 50 ms.
  Unpatched: 9.0 s; patched: 5.2 s.
Tried instead and measured: one child per host group (linkchecker's own throttle then meets fewer hosts)
costs an interpreter and linkchecker's imports per child; 2 children took 9.8-10.1 s, 1 child 4.1-7.1 s.
Retry-After needs no patch: linkchecker's documented [HttpHeaderInfo] plugin reports it (see engine.py).

Every target is checked before it is patched (present, same parameters); an upgrade that renames or
reshapes one stops the child with a message naming the linkchecker version (exit status PATCH_FAILED),
and the job then stops with exit 2 instead of reporting every link as unchecked. Patching a library's
internals is only acceptable in a process of our own, so it is done here and never in the job's process;
the child can also be killed outright when a run overruns its time budget.
"""

from __future__ import annotations

import importlib
import inspect
import os
import sys
import threading
from collections import defaultdict
from functools import wraps
from importlib.metadata import version
from urllib.parse import urlsplit

PATCH_FAILED = 4  # linkchecker itself uses 0, 1 and 2
# (module, attribute path, expected parameters; None for a plain number)
TARGETS = (
    ("linkcheck.director.checker", "QUEUE_POLL_INTERVALL_SECS", None),
    ("linkcheck.director.aggregator", "Aggregate.wait_for_host", ("self", "host")),
    ("linkcheck.checker.httpurl", "HttpUrl.check_connection", ("self",)),
)


class PatchTargetMissing(RuntimeError):
    pass


def _parameters(function) -> tuple[str, ...]:
    """A function's parameter names, seen through linkchecker's @synchronized (it keeps no __wrapped__)."""
    for cell in getattr(function, "__closure__", None) or ():
        inner = cell.cell_contents
        if inspect.isfunction(inner) and inner.__name__ == function.__name__:
            return _parameters(inner)
    return tuple(inspect.signature(function).parameters)


def check_targets(targets=TARGETS) -> None:
    """Raise PatchTargetMissing when any patch target is gone or has another shape."""
    for module_name, path, parameters in targets:
        target = importlib.import_module(module_name)
        for name in path.split("."):
            target = getattr(target, name, None)
        if parameters is None:
            fits = isinstance(target, int | float)
        else:
            fits = inspect.isfunction(target) and _parameters(target) == parameters
        if not fits:
            shape = "een getal" if parameters is None else f"een functie ({', '.join(parameters)})"
            raise PatchTargetMissing(
                f"linkchecker {version('linkchecker')}: {module_name}.{path} ontbreekt of is niet meer {shape}; "
                "de linkcontrole past deze versie niet aan. Pin linkchecker op de versie in pyproject.toml "
                "of werk infobox/linkcheck/runner.py bij."
            )


def _install_patches(per_host: int) -> None:
    import requests
    from linkcheck.checker.httpurl import HttpUrl
    from linkcheck.director import checker
    from linkcheck.director.aggregator import Aggregate

    checker.QUEUE_POLL_INTERVALL_SECS = 0.05

    semaphores: dict[str, threading.BoundedSemaphore] = defaultdict(lambda: threading.BoundedSemaphore(per_host))
    guard = threading.Lock()
    hung_hosts: set[str] = set()

    def host_slot(host: str) -> threading.BoundedSemaphore:
        with guard:
            return semaphores[host]

    def wait_for_host(self, host):  # noqa: ARG001 - replaced by the per-host slots below
        return None

    Aggregate.wait_for_host = wait_for_host

    original_check_connection = HttpUrl.check_connection

    @wraps(original_check_connection)
    def check_connection(self):
        # The slot covers the whole exchange, redirects included: that is "requests in flight per host".
        host = (urlsplit(self.url).hostname or "").lower()
        with host_slot(host):
            if host in hung_hosts:
                raise requests.exceptions.ReadTimeout(f"{host} did not answer an earlier request in this run")
            try:
                return original_check_connection(self)
            except requests.exceptions.Timeout:
                hung_hosts.add(host)
                raise

    HttpUrl.check_connection = check_connection


def main() -> None:
    try:
        check_targets()
    except PatchTargetMissing as error:
        print(error, file=sys.stderr)
        sys.exit(PATCH_FAILED)
    _install_patches(max(1, int(os.environ.get("LINKCHECK_PER_HOST", "2"))))
    from linkcheck.command.linkchecker import linkchecker

    sys.argv[0] = "linkchecker"
    linkchecker()


if __name__ == "__main__":
    main()
