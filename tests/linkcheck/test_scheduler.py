"""Scheduling by host (scheduler.py), with stand-in checks: no network, every count exact.

A check that "hangs" waits on an event the test sets at the end; deadlines are a fraction of a second."""

from __future__ import annotations

import threading
from collections import Counter

import pytest

from infobox.linkcheck import scheduler
from infobox.linkcheck.scheduler import DONE, OUT_OF_TIME, Limits


class Web:
    """Stand-in checks: URLs on `slow` hosts block until released; the others answer at once."""

    def __init__(self, slow: set[str]):
        self.slow = slow
        self.release = threading.Event()
        self.started: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.answers: dict[str, str] = {}
        self.given_up: dict[str, str] = {}
        self.slow_started_when_fast_done: int | None = None

    def check(self, url: str) -> str:
        host = scheduler.host_of(url)
        with self.lock:
            self.started[host] += 1
        if host in self.slow:
            self.release.wait(30)
        return "ok"

    def answer(self, url: str, result: str) -> None:
        self.answers[url] = result

    def give_up(self, url: str, why: str) -> None:
        self.given_up[url] = why

    def run(self, urls: list[str], **limits) -> str:
        values = {"threads": 3, "per_host": 2, "host_timeouts": 2, "timeout": 30.0, "budget": 60.0, **limits}
        try:
            limits = Limits(**values)
            return scheduler.run(urls, limits, self.check, lambda r: r == "timeout", self.answer, self.give_up)
        finally:
            self.release.set()


def urls(host: str, count: int) -> list[str]:
    return [f"http://{host}/{i}" for i in range(count)]


def test_a_busy_host_never_holds_up_another_hosts_work():
    web = Web(slow={"busy.example"})
    fast = urls("fast.example", 5)
    done = threading.Event()

    def answer(url, result):
        web.answers[url] = result
        if not done.is_set() and all(u in web.answers for u in fast):
            web.slow_started_when_fast_done = web.started["busy.example"]
            done.set()
            web.release.set()  # now let the busy host answer too

    web.answer = answer
    assert web.run(urls("busy.example", 10) + fast) == DONE
    # Three checkers, two slots on the busy host: the third checker did all of the other host's work.
    assert done.is_set() and web.slow_started_when_fast_done == 2
    assert len(web.answers) == 15 and not web.given_up


def test_a_request_past_its_deadline_is_given_up_and_the_host_after_two():
    web = Web(slow={"drip.example"})
    assert web.run(urls("drip.example", 5) + urls("ok.example", 3), timeout=0.3) == DONE
    assert web.started == {"drip.example": 2, "ok.example": 3}  # the drip host was asked twice, no more
    assert sorted(web.given_up) == urls("drip.example", 5)
    assert sum("within 0.3 s" in why for why in web.given_up.values()) == 2
    assert sum("timed out 2 times" in why for why in web.given_up.values()) == 3
    assert sorted(web.answers) == urls("ok.example", 3)


def test_timeouts_the_checks_report_themselves_count_too():
    answers = {}
    limits = Limits(threads=2, per_host=1, host_timeouts=2, timeout=30.0, budget=60.0)
    asked = []

    def check(url):
        asked.append(url)
        return "timeout"

    outcome = scheduler.run(
        urls("hang.example", 4), limits, check, lambda r: r == "timeout", answers.__setitem__, answers.__setitem__
    )
    assert outcome == DONE and len(asked) == 2 and len(answers) == 4


def test_a_host_whose_every_slot_is_held_by_a_given_up_request_is_not_waited_for():
    web = Web(slow={"drip.example"})
    # One slot, five timeouts allowed: the dripping request keeps the only slot, so the rest cannot be asked.
    assert web.run(urls("drip.example", 4), per_host=1, host_timeouts=5, timeout=0.3) == DONE
    assert web.started == {"drip.example": 1}
    assert len(web.given_up) == 4 and not web.answers


@pytest.mark.parametrize("threads", [1, 4])
def test_the_budget_ends_the_pass_and_leaves_open_urls_unanswered(threads):
    web = Web(slow={"hang.example"})
    assert web.run(urls("hang.example", 3) + urls("ok.example", 2), threads=threads, budget=0.3) == OUT_OF_TIME
    assert not web.given_up and set(web.answers) <= set(urls("ok.example", 2))
    assert "http://hang.example/0" not in web.answers


def test_worker_threads_are_reused_and_a_stuck_one_is_never_waited_for():
    workers = scheduler.Workers()
    stuck, release = threading.Event(), threading.Event()
    workers.run(lambda: (stuck.set(), release.wait(30)))
    stuck.wait(5)
    done = []
    for _ in range(50):  # one at a time: each finishes before the next is handed out
        finished = threading.Event()
        workers.run(lambda finished=finished: (done.append(threading.current_thread()), finished.set()))
        assert finished.wait(5), "a task queued behind the stuck one"
        while workers.free == 0:  # the worker counts itself free just after the task
            threading.Event().wait(0.001)
    release.set()
    assert len(done) == 50
    assert len({id(thread) for thread in done}) == 1  # one thread served all 50, beside the stuck one
