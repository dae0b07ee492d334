"""Typing queries into the site's real search box, and scoring the ranked results (relevance set, benchmark).

Results are read as a reader sees them: every result link in document order, whether it is a result of its
own or a section folded under a page. A link counts for a resource when it points at the resource's card
(`/hulpmiddelen/?hulpmiddel=<id>` or any `#<id>` fragment); any other link still takes a rank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml

REPO = Path(__file__).resolve().parents[2]
QUERIES = REPO / "tests" / "relevance" / "queries.yaml"
SEARCH_INPUT = "input.md-search__input"
RESULT_LINK = ".md-search-result__list a.md-search-result__link"
RESULT_META = ".md-search-result__meta"
ANSWERED = re.compile(r"\d|[Gg]een")  # "3 overeenkomende documenten", "Geen overeenkomende documenten"
# Material's Dutch "search.result.placeholder": shown once the worker has built the index and is idle.
READY = "Typ om te beginnen met zoeken"


@dataclass(frozen=True)
class Query:
    query: str
    kind: str
    accept: tuple[str, ...]


def relevance_queries() -> list[Query]:
    entries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    return [Query(e["query"], e["kind"], tuple(e["accept"])) for e in entries]


def open_search(page, site_url: str) -> None:
    """Open the search box on the home page and wait until the search worker is ready.

    Material reads the box again the moment the index is ready: a query typed while it still loads could be
    sent half-typed ("lv" of "lvb") and its answer taken for the whole query's.
    """
    page.goto(f"{site_url}/")
    page.locator(SEARCH_INPUT).click()
    wait_for_search_worker(page)


def wait_for_search_worker(page) -> None:
    """Wait until the open search box's worker has built the index (Material then shows READY)."""
    page.locator(RESULT_META).filter(has_text=READY).wait_for()


def ask(page, query: str) -> list[str]:
    """Run `query` in the open search box; return the href of every result link in document order.

    The box is emptied first and the answer awaited by the result count, so one page serves many queries.
    The query is filled and its last character typed: Material searches on keyup, so it sends exactly one query.
    """
    box = page.locator(SEARCH_INPUT)
    meta = page.locator(RESULT_META)
    box.fill("")
    box.press("Backspace")
    meta.filter(has_not_text=ANSWERED).wait_for()
    box.fill(query[:-1])
    box.press(query[-1])
    meta.filter(has_text=ANSWERED).wait_for()
    return page.locator(RESULT_LINK).evaluate_all("links => links.map(a => a.href)")


def resource_of(href: str, known: set[str]) -> str | None:
    parts = urlsplit(href)
    named = parse_qs(parts.query).get("hulpmiddel", [None])[0]
    if named in known:
        return named
    for resource_id in known:
        if parts.fragment == resource_id or parts.fragment.endswith(f"-{resource_id}"):
            return resource_id
    return None


def first_rank(hrefs: list[str], accept: tuple[str, ...], known: set[str]) -> int | None:
    """1-based rank of the first result that is an accepted resource, or None."""
    for rank, href in enumerate(hrefs, start=1):
        if resource_of(href, known) in accept:
            return rank
    return None


def figures(ranks: list[int | None], k: int = 5) -> tuple[float, float]:
    """(success@k, mean reciprocal rank) of the first-accepted ranks of a query set."""
    success = sum(1 for rank in ranks if rank is not None and rank <= k) / len(ranks)
    mrr = sum(1 / rank for rank in ranks if rank is not None) / len(ranks)
    return success, mrr
