"""One way to serve a built site on loopback, for the browser tests and the benchmarks that drive Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCAL_HOST = "127.0.0.1"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files without a log line per request."""

    def log_message(self, format, *args):  # noqa: A002 - signature fixed by http.server
        pass


@contextmanager
def serve_directory(directory: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serve `directory` with `handler` on a free loopback port; yield the base URL ("http://127.0.0.1:N")."""
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), functools.partial(handler, directory=str(directory)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="static-site", daemon=True).start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
