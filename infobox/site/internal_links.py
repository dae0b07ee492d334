"""Check a built site's own links: every relative href/src of every HTML page must reach a built file, and
every #anchor an element of that page.

MkDocs' strict build checks the Markdown links and anchors of its pages, but not links in raw HTML; Zensical
resolves both differently (raw HTML against the source file). So the Zensical build runs this over its
output, and the tests run it over both builds. It reads the built files only, in one pass (linear in the
size of the site): no server, no network. linkchecker could do this through a local web server, but took
minutes on this site (it downloads every page once per anchor), against well under a second here.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# The attributes that make the browser fetch or navigate to a URL of the site.
_URL_ATTRIBUTES = {
    "a": "href",
    "area": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "form": "action",
}


@dataclass(frozen=True)
class BrokenLink:
    page: str  # the page's path in the site, e.g. "kwaliteitsstandaarden/3/index.html"
    url: str  # the link as written in the page
    reason: str  # Dutch: what is missing

    def __str__(self) -> str:
        return f"{self.page}: {self.url}: {self.reason}"


class _Page(HTMLParser):
    """The ids of a page and the URLs it links to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        url = values.get(_URL_ATTRIBUTES.get(tag, ""))
        if url is not None:
            self.urls.append(url)


def _read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    page.close()
    return page


def broken_links(site: Path, base_path: str = "/") -> list[BrokenLink]:
    """Every internal link of `site` that leads nowhere, in page order.

    `base_path` is the path the site is published under (from site_url, e.g. "/infobox/"): links that start
    with "/" (the 404 page's, which must work at any depth) are read relative to it.
    """
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    pages = {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*.html"))}
    parsed: dict[str, _Page] = {}

    def page(name: str) -> _Page:
        if name not in parsed:
            parsed[name] = _read(pages[name])
        return parsed[name]

    found = []
    for name in pages:
        for url in dict.fromkeys(page(name).urls):  # each distinct link of a page once
            reason = _check(site, pages, page, name, url, base_path)
            if reason:
                found.append(BrokenLink(name, url, reason))
    return found


def _check(site: Path, pages: dict[str, Path], page, name: str, url: str, base_path: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme or parts.netloc:
        return ""  # another site (https:, mailto:, //host): the link job's work, not this check's
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    if not path:
        target = name  # "#anchor" or "?query" on the page itself
    else:
        if path.startswith("/"):
            if not path.startswith(base_path):
                return f"buiten de site ({base_path})"
            path = path[len(base_path) :]
        else:
            path = posixpath.join(posixpath.dirname(name), path)
        target = posixpath.normpath(path) if path else "."
        if target.startswith("../") or target == "..":
            return "buiten de site"
        if target == "." or path.endswith("/") or (site / target).is_dir():
            target = posixpath.join("" if target == "." else target, "index.html")
        if not (site / target).is_file():
            return "bestand bestaat niet"
    if fragment and target in pages and fragment not in page(target).ids:
        return f"anker #{fragment} bestaat niet op {target}"
    return ""
