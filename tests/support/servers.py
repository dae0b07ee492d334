"""Local HTTP servers that play the web for the link job's tests: one per loopback address, so that
each acts as its own host (the job limits requests per host name)."""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

Route = Callable[["Handler", int], None]  # (handler, how many times this path was asked before)
SHUTDOWN_POLL = 0.05  # seconds between the server loop's checks for `shutdown` (http.server's default: 0.5)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Host

    def log_message(self, *args) -> None:
        pass

    def reply(self, code: int, body: str = "", headers: dict[str, str] | None = None) -> None:
        data = body.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def redirect(self, code: int, location: str) -> None:
        self.reply(code, "", {"Location": location})

    def handle_any(self) -> None:
        path = urlsplit(self.path).path
        with self.server.lock:
            seen = self.server.hits[path]
            self.server.hits[path] += 1
            self.server.log.append((self.command, self.path, time.monotonic()))
        route = self.server.routes.get(path)
        if route is None:
            self.reply(404, "<title>Not found</title>")
        else:
            route(self, seen)

    do_GET = handle_any
    do_HEAD = handle_any


class Host(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: str, routes: dict[str, Route]):
        super().__init__((address, 0), Handler)
        self.routes = routes
        self.hits: dict[str, int] = defaultdict(int)
        self.log: list[tuple[str, str, float]] = []
        self.lock = threading.Lock()
        self.released = threading.Event()  # ends hanging handlers at shutdown
        self.healthy = threading.Event()  # flips /toggle from 500 to 200
        self.answer = "snapshot"  # how the fake web archive answers: snapshot, none, slow, error
        # A short poll: `stop` waits for the loop to notice, and the tests stop hundreds of hosts.
        threading.Thread(target=self.serve_forever, args=(SHUTDOWN_POLL,), daemon=True).start()

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def handle_error(self, request, client_address) -> None:
        pass  # clients that give up (timeouts, killed runs) are part of the tests, not errors

    def stop(self) -> None:
        self.released.set()
        self.shutdown()
        self.server_close()


PAGE = "<html><head><title>Een pagina</title></head><body><h1>Welkom</h1></body></html>"


def ok(h: Handler, _seen: int) -> None:
    h.reply(200, PAGE)


def site_routes() -> dict[str, Route]:
    def head_refused(h, _seen):
        h.reply(405) if h.command == "HEAD" else h.reply(200, PAGE)

    def once_then(code: int, headers=None):
        return lambda h, seen: h.reply(code, "", headers) if seen == 0 else h.reply(200, PAGE)

    def rate_until(h, seen):
        # Retry-After as an HTTP date (RFC 9110) ten seconds ahead, in whole seconds.
        h.reply(429, "", {"Retry-After": formatdate(time.time() + 10, usegmt=True)}) if seen == 0 else ok(h, seen)

    def en_dash(h, _seen):
        # Only the correctly percent-encoded UTF-8 path exists, as on a real server.
        h.reply(200 if h.path == "/actie%E2%80%93plan" else 400, PAGE)

    def oembed(h, _seen):
        video = parse_qs(urlsplit(h.path).query).get("url", [""])[0]
        h.reply(200, '{"type": "video"}') if video.endswith("v=goodvideo01") else h.reply(404, "Not Found")

    return {
        "/": ok,
        "/ok": ok,
        "/nieuw": ok,
        "/head-refused": head_refused,
        "/actie%E2%80%93plan": en_dash,
        "/temp": lambda h, s: h.redirect(302, "/ok"),
        "/perm": lambda h, s: h.redirect(301, "/nieuw"),
        "/perm-dead": lambda h, s: h.redirect(308, "/gone"),
        "/deep/page": lambda h, s: h.redirect(301, "/"),
        "/loop": lambda h, s: h.redirect(302, "/loop"),
        "/gone": lambda h, s: h.reply(404, "<title>Not found</title>"),
        "/removed": lambda h, s: h.reply(410, "<title>Gone</title>"),
        "/soft": lambda h, s: h.reply(200, "<html><head><title>Pagina niet gevonden | Test</title></head></html>"),
        "/flaky-404": once_then(404),
        "/forbidden": lambda h, s: h.reply(403, "<title>Access denied</title>"),
        "/auth": lambda h, s: h.reply(401, "", {"WWW-Authenticate": 'Basic realm="x"'}),
        "/error": lambda h, s: h.reply(500, "<title>Server error</title>"),
        "/rate": once_then(429, {"Retry-After": "1"}),
        "/rate-9s": once_then(429, {"Retry-After": "9"}),
        "/rate-date": rate_until,
        "/rate-always": lambda h, s: h.reply(429, "", {"Retry-After": "1"}),
        "/youtube/oembed": oembed,
        "/toggle": lambda h, s: h.reply(200, PAGE) if h.server.healthy.is_set() else h.reply(503, ""),
    }


def robots_routes() -> dict[str, Route]:
    return {"/robots.txt": lambda h, s: h.reply(200, "User-agent: *\nDisallow: /\n", {"Content-Type": "text/plain"})}


def hang_routes() -> dict[str, Route]:
    def hang(h, _seen):
        h.server.released.wait(60)

    return {"/slow1": hang, "/slow2": hang, "/slow3": hang}


SNAPSHOT_TIME = "20240501093000"


def archive_routes() -> dict[str, Route]:
    """A fake Wayback Machine availability API; `host.answer` picks its behaviour."""

    def available(h, _seen):
        url = parse_qs(urlsplit(h.path).query).get("url", [""])[0]
        if h.server.answer == "slow":
            h.server.released.wait(60)
        elif h.server.answer == "error":
            h.reply(500, "<title>Internal Server Error</title>")
        else:
            closest = {
                "status": "200",
                "available": True,
                "url": f"http://web.archive.org/web/{SNAPSHOT_TIME}/{url}",
                "timestamp": SNAPSHOT_TIME,
            }
            snapshots = {"closest": closest} if h.server.answer == "snapshot" else {}
            h.reply(200, json.dumps({"url": url, "archived_snapshots": snapshots}))

    return {"/wayback/available": available}


DRIP_INTERVAL = 0.5  # seconds per byte: every read succeeds well within the tests' 2 s timeout


def drip(h: Handler, data: bytes) -> None:
    """Send `data` one byte at a time until it is sent or the host stops: a timeout per read never fires."""
    for byte in data:
        if h.server.released.wait(DRIP_INTERVAL):
            return
        h.wfile.write(bytes([byte]))
        h.wfile.flush()


def drip_routes() -> dict[str, Route]:
    """A host that answers one byte at a time, in the headers or in the body, or hangs after the headers."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n"
    body = PAGE.encode("utf-8")

    def drip_head(h, _seen):
        drip(h, head % len(body) + body)

    def drip_body(h, _seen):
        h.wfile.write(head % len(body))
        h.wfile.flush()
        drip(h, body)

    def hang_after_headers(h, _seen):
        h.wfile.write(head % len(body))
        h.wfile.flush()
        h.server.released.wait(60)

    routes = {}
    for name, route in (("drip-head", drip_head), ("drip-body", drip_body), ("hang-after-headers", hang_after_headers)):
        routes.update({f"/{name}/{i}": route for i in range(1, 4)})
    return routes
