"""Redirects that stand in for a page instead of being its new home: the site's front page, a login page,
a search page.

The one place for this judgement, at the root because two jobs own it: the link job reads a deep link sent
to the front page as broken and any other dead end as one to check by hand (linkcheck/classify.py), and
`apply-moves` never writes a dead end into the catalogue (maintenance/apply_moves.py).
"""

from __future__ import annotations

from urllib.parse import urlsplit

HOME_PATHS = frozenset({"", "/", "/index.html", "/index.php", "/home", "/nl", "/en", "/nl/home"})


def is_home_page(original: str, final: str) -> bool:
    """A deep link that lands on the site's front page: the page is gone, the site hides it (soft 404)."""
    before, after = urlsplit(original), urlsplit(final)
    deep = before.path.rstrip("/").lower() not in HOME_PATHS or bool(before.query)
    return deep and after.path.rstrip("/").lower() in HOME_PATHS and not after.query


# Path segments and query keys of pages that stand in for a page instead of being it.
LOGIN_SEGMENTS = frozenset({"login", "log-in", "inloggen", "signin", "sign-in", "sso", "auth", "wp-login.php"})
SEARCH_SEGMENTS = frozenset({"search", "zoeken", "zoek", "zoekresultaten", "searchresults"})
SEARCH_KEYS = frozenset({"q", "query", "s", "search", "zoekterm", "zoekopdracht"})


def dead_end(original: str, final: str) -> str:
    """Why a redirect from `original` to `final` looks like a dead end rather than the page's new home
    ("de voorpagina", "een inlogpagina", "een zoekpagina"), or "" when it looks like the page itself."""
    if is_home_page(original, final):
        return "de voorpagina van de site"
    before, after = urlsplit(original), urlsplit(final)

    def segments(parts) -> set[str]:
        return {segment for segment in parts.path.lower().split("/") if segment}

    if segments(after) & LOGIN_SEGMENTS and not segments(before) & LOGIN_SEGMENTS:
        return "een inlogpagina"
    keys = {pair.split("=", 1)[0].lower() for pair in after.query.split("&") if pair}
    searching = bool(segments(after) & SEARCH_SEGMENTS) or bool(keys & SEARCH_KEYS)
    if searching and not segments(before) & SEARCH_SEGMENTS:
        return "een zoekpagina"
    return ""
