"""Subprocess entry point: linkchecker's own command line, with two small adjustments.

Run as `python -m infobox.linkcheck.runner <linkchecker arguments>`; everything else (configuration file,
CSV output on stdout, robots.txt switch, timeouts, soft-404 RegexCheck) is linkchecker's documented CLI.

Why the adjustments, and why in a child process:
- linkchecker throttles with a random 0.1-0.6 s wait per host, taken while holding one global lock, so
  every thread waits on every host and one process tops out near 20 requests/s (threads do not help).
  We replace that wait with what the job really wants: at most N requests in flight per host
  (LINKCHECK_PER_HOST, politeness) and no global lock.
- linkchecker does not expose the Retry-After header of a 429/503; we copy it into the URL's info
  column so the job can honour it when it re-checks.
- A host that let one request time out is not asked again in this pass: its other URLs fail at once
  with the same timeout. Without that, URLs queued behind a hanging host each cost a full timeout and
  one dead server stretches the run far past "timeout + a few seconds".
- Checker threads poll their queue once a second and only see "stop" between polls, so every pass
  ended with up to a second of idle waiting (a quarter of a 500-URL run); they now poll every 50 ms.
Patching a library's internals is only acceptable in a process of our own, so it is done here and never
in the job's process; the child can also be killed outright when a run overruns its time budget.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import defaultdict
from functools import wraps


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
        host = (self.urlparts[1] or "").rsplit("@", 1)[-1].split(":")[0].lower()
        with host_slot(host):
            if host in hung_hosts:
                raise requests.exceptions.ReadTimeout(f"{host} did not answer an earlier request in this run")
            try:
                return original_check_connection(self)
            except requests.exceptions.Timeout:
                hung_hosts.add(host)
                raise

    HttpUrl.check_connection = check_connection

    original_send = HttpUrl._send_request

    @wraps(original_send)
    def _send_request(self, request, **kwargs):
        original_send(self, request, **kwargs)
        retry_after = self.headers.get("Retry-After") if self.headers is not None else None
        if retry_after and self.url_connection.status_code in (429, 503):
            self.add_info(f"Retry-After: {retry_after.strip()}")

    HttpUrl._send_request = _send_request


def main() -> None:
    _install_patches(max(1, int(os.environ.get("LINKCHECK_PER_HOST", "2"))))
    from linkcheck.command.linkchecker import linkchecker

    sys.argv[0] = "linkchecker"
    linkchecker()


if __name__ == "__main__":
    main()
