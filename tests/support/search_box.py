"""Typing queries into the site's real search box, and scoring the ranked results (relevance set, benchmark).

Results are read as a reader sees them: every result link of the dialog's `[data-search-results]` lists, in
rank order (those matching every word, then those matching some). A link counts for a resource when it
points at the resource's own page (`/hulpmiddelen/<id>/`), or its card (`/hulpmiddelen/#<id>`, or
`/hulpmiddelen/?hulpmiddel=<id>` of older links);
any other link still takes a rank.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import yaml

from tests.support.paths import REPO

QUERIES = REPO / "tests" / "relevance" / "queries.yaml"
SEARCH_OPENER = ".ib-search__open"  # the header's search field (overrides/partials/search.html)
SEARCH_DIALOG = "dialog.ib-search__dialog"
SEARCH_INPUT = "#ib-search-input"
RESULTS = "[data-search-results]"
RESULT_LINK = f"{RESULTS} a"
FULL_LINK = "[data-search-full] a"  # the results matching every word
PARTIAL_LINK = "[data-search-partial] a"  # the results matching some, after the divider
DIVIDER = ".ib-search__divider"
NOTHING_FOUND = "[data-search-none]"  # "Bedoelde u …?" and the ways to browse
SUGGESTION = ".ib-search__suggestion"
SEARCH_STATUS = ".ib-search__status"  # role="status": the number of results, announced
# Kinds of query in the relevance set written as professionals write (issue 18): whole questions,
# "sociaal- en veiligheidsdomein".
PROFESSIONALS_WORDS = {"question", "elliptic"}


@dataclass(frozen=True)
class Query:
    query: str
    kind: str
    accept: tuple[str, ...]
    first: bool = False  # the first result must be accepted


def relevance_queries() -> list[Query]:
    entries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    return [Query(e["query"], e["kind"], tuple(e["accept"]), bool(e.get("first"))) for e in entries]


def open_search(page, site_url: str) -> None:
    """Open the search dialog from the header of the home page."""
    page.goto(f"{site_url}/")
    page.locator(SEARCH_OPENER).click()
    page.locator(SEARCH_INPUT).wait_for()


def wait_for_answer(page, query: str) -> None:
    """Wait until the results drawn are the answer to `query` (the list carries the query it answers)."""
    page.wait_for_function(
        "q => document.querySelector('[data-search-results]').dataset.query === q", arg=query.strip()
    )


def ask(page, query: str) -> list[str]:
    """Run `query` in the open search dialog; return the href of every result link in rank order.

    The worker answers every keystroke, but only the answer to the newest query is drawn, and the list says
    which query it answers: one page serves many queries.
    """
    page.locator(SEARCH_INPUT).fill(query)
    wait_for_answer(page, query)
    return page.locator(RESULT_LINK).evaluate_all("links => links.map(a => a.href)")


def resource_of(href: str, known: set[str]) -> str | None:
    parts = urlsplit(href)
    named = parse_qs(parts.query).get("hulpmiddel", [None])[0]
    if named in known:
        return named
    own_page = parts.path.rstrip("/").rsplit("/", 2)
    if len(own_page) == 3 and own_page[1] == "hulpmiddelen" and own_page[2] in known:
        return own_page[2]
    if parts.fragment in known:  # before the suffix rule: one id may end another ("...-visie-gefaseerde-ketenzorg")
        return parts.fragment
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


def first_results_right(queries: list[Query], ranks: list[int | None]) -> tuple[int, int, list[str]]:
    """Of the queries whose first result must be right: how many are, how many there are, and the others."""
    checked = [(q, rank) for q, rank in zip(queries, ranks, strict=True) if q.first]
    wrong = [f"{q.query!r}: rank {rank}" for q, rank in checked if rank != 1]
    return len(checked) - len(wrong), len(checked), wrong


def figures(ranks: list[int | None], k: int = 5) -> tuple[float, float]:
    """(success@k, mean reciprocal rank) of the first-accepted ranks of a query set."""
    success = sum(1 for rank in ranks if rank is not None and rank <= k) / len(ranks)
    mrr = sum(1 / rank for rank in ranks if rank is not None) / len(ranks)
    return success, mrr
