"""The one helper that makes catalogue text inert in Markdown, for the site's pages and the link report.

Each Markdown dialect accepts a backslash only before its own syntax characters; a backslash before any
other character would be shown, so the set to escape depends on where the text goes.
"""

from __future__ import annotations

import functools

# Python-Markdown's ESCAPED_CHARS (the site). '>' is left out: HTML escaping, which runs after this, turns it
# into '&gt;'.
PYTHON_MARKDOWN = "\\`*_{}[]()#+-.!"
# GitHub Markdown in the report's table cells: also '|' (a cell border) and '<', '>' (raw HTML).
GITHUB_TABLE = "\\`*_[]<>|#"


def escape_markdown(text: str, syntax: str) -> str:
    """`text` on one line, with a backslash before every character of `syntax`."""
    return " ".join(text.split()).translate(_escapes(syntax))


@functools.cache
def _escapes(syntax: str) -> dict[int, str]:
    """The translation table of one dialect: a page escapes thousands of texts, str.translate does it in C."""
    return {ord(ch): "\\" + ch for ch in syntax}
