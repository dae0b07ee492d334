"""The helpers that make catalogue text and web addresses inert in Markdown, for the site's pages, the link
report and the pull-request bodies.

Each Markdown dialect accepts a backslash only before its own syntax characters; a backslash before any
other character would be shown, so the set to escape depends on where the text goes. On GitHub a backslash
does not stop a mention ('\\@team' still pings the team: GitHub finds mentions in the rendered text, outside
links and code), so GitHub text gets an empty HTML comment after such an '@', and a web address is shown as
a link to exactly that address or as code (`github_address`).
"""

from __future__ import annotations

import functools
import re

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


# An address GitHub shows as an autolink, as is: no character that ends it or a table cell, nor a backslash.
_AUTOLINK = re.compile(r"https?://[^\s<>|\\]+")
_LINKABLE = re.compile(r"https?://[^\s\x00-\x1f\x7f]+")
_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# An http(s) address inside a text; trailing punctuation belongs to the sentence, as in GitHub's autolinks.
_ADDRESS_IN_TEXT = re.compile(r"https?://[^\s<>\"'`…]+?(?=[.,;:!?)]*(?:[\s<>\"'`…]|$))")
# What GitHub reads as a mention: '@' and a name, at the start or after no letter, digit or underscore.
_MENTION_AT = re.compile(r"(?<![0-9A-Za-z_])@(?=[0-9A-Za-z])")


def github_address(url: str) -> str:
    """A web address in GitHub Markdown, in a table cell or on a line: a link to exactly this address that
    shows it, or, when it is no http(s) address on one line, code. Never a mention, an image, a second link or
    a cell border."""
    if _AUTOLINK.fullmatch(url):
        return f"<{url}>"
    if _LINKABLE.fullmatch(url):
        escaped = _ASCII_PUNCTUATION.sub(r"\\\1", url)  # backslash escapes work in link text and destination
        return f"[{escaped}](<{escaped}>)"
    return github_code(url)


def github_code(url: str) -> str:
    """An address as code (not a link) in a table cell or on a line: '|', whitespace and control characters
    percent-encoded, as in an address, because a code span keeps a backslash outside a table."""
    shown = "".join(
        f"%{ord(ch):02X}" if ch == "|" or ch.isspace() or ord(ch) < 32 or ord(ch) == 127 else ch for ch in url
    )
    fence = "`" * (max((len(run) for run in re.findall("`+", shown)), default=0) + 1)
    return f"{fence} {shown} {fence}"


def github_text(text: str, syntax: str = "") -> str:
    """`text` on one line for GitHub Markdown (a table cell or a line), inert: the characters of `syntax`
    (GITHUB_TABLE when empty) escaped, every http(s) address in it shown as code (`github_code`: a redirect's
    target named in a detail is read, not followed) and no mention."""
    table = _escapes(syntax or GITHUB_TABLE)
    text = " ".join(text.split())
    parts, start = [], 0
    for match in _ADDRESS_IN_TEXT.finditer(text):
        parts += [_MENTION_AT.sub("@<!-- -->", text[start : match.start()].translate(table)), github_code(match[0])]
        start = match.end()
    parts.append(_MENTION_AT.sub("@<!-- -->", text[start:].translate(table)))
    return "".join(parts)
