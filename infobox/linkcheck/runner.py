"""Subprocess entry point: linkchecker checks every URL; this module only decides which one when.

Run as `python -m infobox.linkcheck.runner <linkchecker arguments>` (`-f CONFIG -o xml/utf-8 --no-status --
URL...`, linkchecker's own command line and configuration file). Each URL is checked by linkchecker's own
per-URL check (`linkcheck.director.checker.check_url`, the function its checker threads run) and written by
its own XML logger; the order, the host slots, the total deadline per request and the time budget are
scheduler.py's. Settings linkchecker has no key for come in the environment: LINKCHECK_PER_HOST,
LINKCHECK_HOST_TIMEOUTS, LINKCHECK_TIMEOUT (the total deadline per request; linkchecker's own `timeout`,
per socket operation, is set longer so that the deadline always ends a request first) and
LINKCHECK_RUN_BUDGET.

No linkchecker internal is patched. Each URL gets an Aggregate of its own, sharing the plugins and robots.txt
cache linkchecker's threads share, so linkchecker's per-host throttle (a random wait under one global lock)
never meets a second request to a host: politeness is scheduler.py's `per_host` slots, and giving up on a
hanging host's other URLs is the scheduler's too, decided before linkchecker is called. The one piece of
linkchecker state this module sets is the request session in that Aggregate's per-thread table, taken from
the host's idle sessions, so connections are reused as by linkchecker's own threads. Each session is
linkchecker's own (`new_request_session`) with requests' transport adapter replaced through requests' public
`Session.mount` (`address_guard.guarded`): every request and every redirect linkchecker follows goes to a
public address only, without credentials. A drip (one byte a
second, which linkchecker's per-read timeout never ends) is cut off by the total deadline per request.
Every linkchecker function used is checked before the run (present, same parameters); an upgrade that
renames or reshapes one stops the child with a Dutch message naming the linkchecker version
(`CheckerExit.API_CHANGED`), and the job then stops with exit 2 instead of reporting every link as unchecked.

The child never outlives the job: stdin is a lifeline, a pipe from the job that nobody writes to; when the
job ends in any way (kill -9 included) the kernel closes it and the child exits. It also stops by itself
when its time budget is spent, and on Ctrl-C. It writes no files; its configuration comes through a pipe.
"""

from __future__ import annotations

import importlib
import inspect
import os
import signal
import sys
import threading
import time
import traceback

from infobox.exit_codes import CheckerExit
from infobox.linkcheck import scheduler
from infobox.linkcheck.address_guard import guarded

STARTED = time.monotonic()
# (module, attribute path, expected parameters; None for a class)
TARGETS = (
    ("linkcheck.command.arg_parser", "ArgParser", None),
    ("linkcheck.command.setup_config", "setup_config", ("config", "options")),
    ("linkcheck.command.linkchecker", "drop_privileges", ()),
    ("linkcheck.configuration", "Configuration.read", ("self", "files")),
    ("linkcheck.configuration", "Configuration.sanitize", ("self",)),
    ("linkcheck.director", "get_aggregate", ("config",)),
    (
        "linkcheck.director.aggregator",
        "Aggregate.__init__",
        ("self", "config", "urlqueue", "robots_txt", "plugin_manager", "result_cache"),
    ),
    ("linkcheck.director.aggregator", "new_request_session", ("config", "cookies")),
    ("linkcheck.cache.urlqueue", "UrlQueue", None),
    ("linkcheck.cache.results", "ResultCache", None),
    ("linkcheck.director.aggregator", "Aggregate.get_request_session", ("self",)),
    ("linkcheck.director.aggregator", "Aggregate.end_log_output", ("self", "kwargs")),
    ("linkcheck.director.logger", "Logger.start_log_output", ("self",)),
    ("linkcheck.director.logger", "Logger.log_url", ("self", "url_data")),
    ("linkcheck.director.checker", "check_url", ("url_data", "logger")),
    ("linkcheck.checker", "guess_url", ("url",)),
    (
        "linkcheck.checker",
        "get_url_from",
        ("base_url", "recursion_level", "aggregate", "parent_url", "base_ref", "line", "column", "page")
        + ("name", "parent_content_type", "extern", "url_encoding"),
    ),
    ("linkcheck.checker.urlbase", "UrlBase.set_result", ("self", "msg", "valid", "overwrite")),
    ("linkcheck.checker.urlbase", "UrlBase.to_wire", ("self",)),
)


class ApiChanged(RuntimeError):
    pass


def _parameters(function) -> tuple[str, ...]:
    """A function's parameter names, seen through linkchecker's @synchronized (it keeps no __wrapped__)."""
    for cell in getattr(function, "__closure__", None) or ():
        inner = cell.cell_contents
        if inspect.isfunction(inner) and inner.__name__ == function.__name__:
            return _parameters(inner)
    return tuple(inspect.signature(function).parameters)


def check_targets(targets=TARGETS) -> None:
    """Raise ApiChanged when any linkchecker function this module calls is gone or has another shape."""
    for module_name, path, parameters in targets:
        target = importlib.import_module(module_name)
        for name in path.split("."):
            target = getattr(target, name, None)
        if parameters is None:
            fits = inspect.isclass(target)
        else:
            fits = inspect.isfunction(target) and _parameters(target) == parameters
        if not fits:
            from importlib.metadata import version  # only when needed: it slows the child's start-up

            shape = "een klasse" if parameters is None else f"een functie ({', '.join(parameters)})"
            raise ApiChanged(
                f"linkchecker {version('linkchecker')}: {module_name}.{path} ontbreekt of is niet meer {shape}; "
                "de linkcontrole kan deze versie niet aansturen. Pin linkchecker op de versie in pyproject.toml "
                "of werk infobox/linkcheck/runner.py bij."
            )


def watch_lifeline(fd: int = 0) -> None:
    """Exit at once when the job's end of the pipe on `fd` closes (the job ended, however it ended)."""

    def watch() -> None:
        try:
            while os.read(fd, 512):
                pass
        finally:
            os._exit(CheckerExit.PARENT_GONE)

    threading.Thread(target=watch, name="lifeline", daemon=True).start()


# Modules the checks import on first use. As root, linkchecker's drop_privileges makes this process user
# `nobody`, which cannot read an interpreter installed under a private home (pyenv in /root): an
# internationalised host name then stopped the whole pass ("unknown encoding: punycode"), and requests tried
# to import netrc again on every request. Imported while they can still be read.
LATE_IMPORTS = ("encodings.idna", "encodings.punycode", "netrc")


def _configure(argv: list[str]):
    """linkchecker's configuration from its own command line, as its `linkchecker` command builds it."""
    from linkcheck.command.arg_parser import ArgParser
    from linkcheck.command.linkchecker import drop_privileges
    from linkcheck.command.setup_config import setup_config
    from linkcheck.configuration import Configuration
    from linkcheck.strformat import stripurl

    options = ArgParser().parse_args(argv)
    config = Configuration()
    config.read(files=[options.configfile])
    for module in LATE_IMPORTS:
        importlib.import_module(module)
    drop_privileges()
    setup_config(config, options)
    config.sanitize()
    return config, [stripurl(url) for url in options.url]


class _Kept:
    """Takes the place of linkchecker's logger for one check: keeps its result for the scheduler."""

    wire = None

    def log_url(self, url_data) -> None:
        self.wire = url_data


class _Sessions:
    """Idle request sessions per host, so a host's connections are reused (HTTP keep-alive), as linkchecker's
    own checker threads reuse theirs. A check given up on never gives its session back."""

    def __init__(self, new):
        self.new, self.idle, self.lock = new, {}, threading.Lock()

    def take(self, host: str):
        with self.lock:
            idle = self.idle.get(host)
            return idle.pop() if idle else self.new()

    def give_back(self, host: str, session) -> None:
        with self.lock:
            self.idle.setdefault(host, []).append(session)


class Checks:
    """linkchecker's check of one URL at a time, and its XML logger for every outcome."""

    def __init__(self, config):
        from linkcheck.director import get_aggregate
        from linkcheck.director.aggregator import new_request_session

        self.config = config
        self.shared = get_aggregate(config)  # its logger, plugins and robots.txt cache serve every check
        self.sessions = _Sessions(lambda: guarded(new_request_session(config, None)))
        self.crashed = False

    def _aggregate(self):
        """A fresh Aggregate per URL, sharing what linkchecker's threads share: its per-host throttle, a
        random wait between two requests to a host taken under one global lock, then never meets a second
        request (politeness is the scheduler's host slots). get_aggregate would also load every plugin again
        for each check."""
        from linkcheck.cache.results import ResultCache
        from linkcheck.cache.urlqueue import UrlQueue
        from linkcheck.director.aggregator import Aggregate

        shared = self.shared
        return Aggregate(self.config, UrlQueue(), shared.robots_txt, shared.plugin_manager, ResultCache(1))

    def _url_data(self, url: str, aggregate):
        from linkcheck.checker import get_url_from, guess_url

        return get_url_from(guess_url(url), 0, aggregate, extern=(0, 0))

    def check(self, url: str):
        """linkchecker's result for `url` (run in a thread of its own), or None when the check raised."""
        from linkcheck.director.checker import check_url

        aggregate = self._aggregate()
        host = scheduler.host_of(url)
        session = aggregate.request_sessions[threading.get_ident()] = self.sessions.take(host)
        try:
            kept = _Kept()
            check_url(self._url_data(url, aggregate), kept)
            self.sessions.give_back(host, session)
            return kept.wire
        except Exception:  # a bug, not a verdict: shown (the job prints stderr's tail), the URL left unanswered
            traceback.print_exc()
            return None

    def answer(self, _url: str, wire) -> None:
        if wire is None:
            self.crashed = True  # the job reports the URL missing, with the traceback
        else:
            self.shared.logger.log_url(wire)

    def give_up(self, url: str, why: str) -> None:
        data = self._url_data(url, self.shared)
        data.set_result(f"Timeout: {why}", valid=False, overwrite=True)
        self.shared.logger.log_url(data.to_wire())


def _timed_out(wire) -> bool:
    return wire is not None and not wire.valid and ("Timeout" in wire.result or "timed out" in wire.result)


def main() -> None:
    signal.signal(signal.SIGINT, lambda *_: os._exit(CheckerExit.INTERRUPTED))  # Ctrl-C: the job decides what follows
    watch_lifeline()
    try:
        check_targets()
    except ApiChanged as error:
        print(error, file=sys.stderr)
        sys.exit(CheckerExit.API_CHANGED)
    config, urls = _configure(sys.argv[1:])
    checks = Checks(config)
    limits = scheduler.Limits(
        threads=max(1, config["threads"]),
        per_host=max(1, int(os.environ.get("LINKCHECK_PER_HOST", "2"))),
        host_timeouts=max(1, int(os.environ.get("LINKCHECK_HOST_TIMEOUTS", "2"))),
        timeout=float(os.environ.get("LINKCHECK_TIMEOUT", config["timeout"])),
        budget=float(os.environ.get("LINKCHECK_RUN_BUDGET", "300")) - (time.monotonic() - STARTED),
    )
    checks.shared.logger.start_log_output()
    outcome = scheduler.run(urls, limits, checks.check, _timed_out, checks.answer, checks.give_up)
    checks.shared.end_log_output()
    sys.stdout.flush()
    # os._exit: checks given up on may still be reading a dripping answer; they must not hold the exit.
    if outcome == scheduler.OUT_OF_TIME:
        os._exit(CheckerExit.OUT_OF_TIME)
    os._exit(CheckerExit.CHECK_CRASHED if checks.crashed else CheckerExit.DONE)


if __name__ == "__main__":
    main()
