"""One way to serve a built site on loopback, for the browser tests and the benchmarks that drive Chromium."""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCAL_HOST = "127.0.0.1"
# What GitHub Pages compresses; images and fonts are sent as they are.
_GZIP_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".map"}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files without a log line per request."""

    def log_message(self, format, *args):  # noqa: A002 - signature fixed by http.server
        pass


class PagesHandler(QuietHandler):
    """Serves a site as GitHub Pages does: text gzipped for clients that accept it, and the site's own
    404.html (status 404) for a missing page. Lighthouse measures what readers get.

    `script_delay` (seconds) holds back every script, as a phone network does, so a page paints before its
    scripts run: whatever they change then shows as a layout shift every time, not only on a slow day."""

    script_delay = 0.0

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = path / "index.html"
        if not path.is_file():
            return self._send_bytes(404, (Path(self.directory) / "404.html").read_bytes(), "text/html")
        body = path.read_bytes()
        if path.suffix == ".js" and self.script_delay:
            time.sleep(self.script_delay)
        return self._send_bytes(200, body, self.guess_type(str(path)), path.suffix in _GZIP_SUFFIXES)

    def _send_bytes(self, status: int, body: bytes, content_type: str, compressible: bool = True):
        if compressible and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6)
            encoding = "gzip"
        else:
            encoding = None
        self.send_response(status)
        if content_type.startswith("text/") or content_type.endswith(("javascript", "json", "xml")):
            content_type += "; charset=utf-8"
        self.send_header("Content-Type", content_type)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _BytesFile(body)


class _BytesFile:
    """The file object `send_head` returns; `copyfile` reads it and `do_GET` closes it."""

    def __init__(self, body: bytes):
        self._body = body

    def read(self, *_):
        body, self._body = self._body, b""
        return body

    def close(self):
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that closes a page drops connections mid-answer; that is no error of the site.
        # Anything else still prints its traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve_directory(directory: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serve `directory` with `handler` on a free loopback port; yield the base URL ("http://127.0.0.1:N")."""
    server = _Server((LOCAL_HOST, 0), functools.partial(handler, directory=str(directory)))
    # A short poll: shutting down waits for the loop to notice (http.server's default poll is 0.5 s).
    threading.Thread(target=server.serve_forever, args=(0.05,), name="static-site", daemon=True).start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
