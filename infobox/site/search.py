"""Dutch stemming for Material's built-in search: extend the theme's search worker at build time.

Material's search works offline and its UI is accessible, but it cannot stem Dutch: every query term
becomes a prefix query and lunr skips the stemmer for those (see search_worker_nl.js for the details).
The fix lives in a small script appended to the copied worker in the built site, so the theme's files,
its UI and its index format stay untouched, and a Material update that renames the worker still works.
"""

from __future__ import annotations

from pathlib import Path

WORKER_GLOB = "assets/javascripts/workers/search*.min.js"
PATCH = Path(__file__).with_name("search_worker_nl.js")
MARKER = "/* infobox: Dutch stemming */"


class SearchWorkerNotFound(RuntimeError):
    pass


def extend_search_worker(site_dir: str | Path) -> Path:
    """Append the Dutch stemming patch to the search worker in `site_dir`; return the worker's path.

    Idempotent: `mkdocs serve` may call it again on a worker it has already extended.
    """
    workers = sorted(Path(site_dir).glob(WORKER_GLOB))
    if len(workers) != 1:
        raise SearchWorkerNotFound(f"expected one Material search worker, found {[w.name for w in workers]}")
    worker = workers[0]
    code = worker.read_text(encoding="utf-8")
    if MARKER not in code:
        # The worker ends with a sourceMappingURL comment; code after it still runs.
        worker.write_text(f"{code}\n{MARKER}\n{PATCH.read_text(encoding='utf-8')}", encoding="utf-8")
    return worker
