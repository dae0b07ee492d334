"""Which URL is checked next, and when to stop waiting for one: scheduling by host, outside linkchecker.

Each check runs in a worker thread (reused, see Workers); this loop (one thread) decides everything else:
- a check starts only on a host with a free slot (`per_host` requests in flight, politeness), so no checker
  ever waits on a busy host while another host has work; the host with the most URLs left goes first, which
  keeps the biggest site from finishing last;
- every check has one total deadline (`timeout`): connect, headers, body and redirects together. A host
  that drips a byte a second is given up on like one that hangs. The check's thread is left to end on its
  own, and keeps its host slot until it does (no more requests than `per_host` ever reach a host);
- a host that timed out `host_timeouts` times, or whose every slot is held by a request given up on, has
  its remaining URLs answered at once as timed out, without asking it again;
- `budget` is the last resort: when it runs out the loop returns and the URLs still open get no answer.

The loop knows nothing of linkchecker: `check(url)` returns any result, `timed_out(result)` says whether
it was a timeout, and `answer(url, result)` / `give_up(url, why)` hand out exactly one outcome per URL.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

DONE, OUT_OF_TIME = "done", "out of time"


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


@dataclass
class Host:
    name: str
    waiting: deque[str] = field(default_factory=deque)
    in_flight: int = 0  # checks whose thread still runs, given-up ones included
    given_up: int = 0  # of those, the ones given up on
    timeouts: int = 0


@dataclass
class Check:
    url: str
    host: Host
    deadline: float
    result: Any = None


@dataclass
class Limits:
    threads: int  # checks waited for at the same time
    per_host: int  # requests in flight per host name
    host_timeouts: int  # a host that timed out this often is not asked again in this pass
    timeout: float  # total seconds per check
    budget: float  # total seconds for the pass


class Workers:
    """Threads that run checks, each reused for the next check once it is free. A thread per check cost
    more than the check's own work: starting one waits until the new thread holds the interpreter lock,
    which the busy checks hand on only every few milliseconds. A thread whose check was given up on is
    not free, so a new one is started rather than queueing behind it."""

    def __init__(self) -> None:
        self.tasks: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self.free = 0
        self.lock = threading.Lock()

    def run(self, task: Callable[[], None]) -> None:
        with self.lock:
            reuse = self.free > 0
            self.free -= reuse
        if not reuse:
            threading.Thread(target=self._serve, name="check", daemon=True).start()
        self.tasks.put(task)

    def _serve(self) -> None:
        while True:
            self.tasks.get()()
            with self.lock:
                self.free += 1


def run(
    urls: Iterable[str],
    limits: Limits,
    check: Callable[[str], Any],
    timed_out: Callable[[Any], bool],
    answer: Callable[[str, Any], None],
    give_up: Callable[[str, str], None],
    clock: Callable[[], float] = time.monotonic,
) -> str:
    """Check every URL once; DONE when each got one outcome, OUT_OF_TIME when the budget ran out first."""
    hosts: dict[str, Host] = {}
    for url in dict.fromkeys(urls):
        name = host_of(url)
        hosts.setdefault(name, Host(name)).waiting.append(url)
    finished: queue.SimpleQueue[Check] = queue.SimpleQueue()
    waited: dict[int, Check] = {}  # id -> check still waited for
    end = clock() + limits.budget
    workers = Workers()

    def start(host: Host) -> None:
        job = Check(host.waiting.popleft(), host, clock() + limits.timeout)
        host.in_flight += 1
        waited[id(job)] = job

        def work() -> None:
            try:
                job.result = check(job.url)
            finally:
                finished.put(job)

        workers.run(work)

    def next_host() -> Host | None:
        free = [h for h in hosts.values() if h.waiting and h.in_flight < limits.per_host]
        return max(free, key=lambda h: len(h.waiting), default=None)

    while True:
        for host in hosts.values():
            if host.waiting and (host.timeouts >= limits.host_timeouts or host.given_up >= limits.per_host):
                why = f"{host.name or 'this host'} timed out {host.timeouts} times in this run; not asked"
                while host.waiting:
                    give_up(host.waiting.popleft(), why)
        while len(waited) < limits.threads and (host := next_host()):
            start(host)
        if not waited and not any(h.waiting for h in hosts.values()):
            return DONE
        now = clock()
        if now >= end:
            return OUT_OF_TIME
        try:
            done = finished.get(timeout=max(0.0, min([end, *(c.deadline for c in waited.values())]) - now))
        except queue.Empty:
            done = None
        if done is not None:
            done.host.in_flight -= 1
            if waited.pop(id(done), None) is None:
                done.host.given_up -= 1  # a late result of a check given up on: dropped
            else:
                done.host.timeouts += timed_out(done.result)
                answer(done.url, done.result)
        now = clock()
        for late in [c for c in waited.values() if c.deadline <= now]:
            del waited[id(late)]
            late.host.given_up += 1
            late.host.timeouts += 1
            give_up(late.url, f"no complete answer within {limits.timeout:g} s (connect, headers and body)")
