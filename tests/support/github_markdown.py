"""Markdown read back as GitHub reads it: cmark-gfm (GitHub's own library, through cmarkgfm) renders it, and
`Rendered` collects what GitHub then does with the HTML: links, images, table rows, and the mentions
GitHub finds in text outside links and code (its mention filter runs on the rendered text, so a backslash
before '@' does not stop one; an HTML comment splits the text and does)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import cmarkgfm
from cmarkgfm.cmark import Options

# GitHub's mention pattern (html-pipeline's MentionFilter): '@name' after the start or a non-word character.
MENTION = re.compile(r"(?:^|[^0-9A-Za-z_])@([0-9A-Za-z][0-9A-Za-z-]*)")
INERT_PARENTS = {"a", "code", "pre"}


class Rendered(HTMLParser):
    """The parts of GitHub's HTML that say whether Markdown stayed inert."""

    def __init__(self, markdown: str):
        super().__init__(convert_charrefs=True)
        self.html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
        self.links: list[tuple[str, str]] = []  # (href, shown text)
        self.images: list[str] = []
        self.mentions: list[str] = []
        self.tables: list[list[list[str]]] = []  # per table, its body rows, each a list of cell texts
        self._open: list[str] = []
        self._text: list[str] = []  # the current text node outside links and code
        self._link: list[str] | None = None
        self._cell: list[str] | None = None
        self._section = ""
        self.feed(self.html)
        self.close()
        self._end_text()

    def handle_starttag(self, tag, attrs):
        self._end_text()
        attributes = dict(attrs)
        if tag == "img":
            self.images.append(attributes.get("src") or "")
            return
        self._open.append(tag)
        if tag == "a":
            self._link = [attributes.get("href") or ""]
        elif tag == "table":
            self.tables.append([])
        elif tag in ("thead", "tbody"):
            self._section = tag
        elif tag == "tr" and self._section == "tbody":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        self._end_text()
        if tag in self._open:
            while self._open.pop() != tag:
                pass
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], "".join(self._link[1:])))
            self._link = None
        elif tag == "td" and self._cell is not None and self._section == "tbody":
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._link is not None:
            self._link.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if not INERT_PARENTS.intersection(self._open):
            self._text.append(data)

    def handle_comment(self, data):
        self._end_text()  # GitHub drops the comment: the text on either side is read apart

    def _end_text(self):
        self.mentions += MENTION.findall("".join(self._text))
        self._text = []
