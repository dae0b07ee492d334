"""Where each generated page is, and how one page links to another.

Every generated page but the home page is an `index.md` in a folder of its own (`linkstatus/index.md` for
/linkstatus/): then a relative link in raw HTML means the same to MkDocs, which leaves it to the browser
(relative to the page URL), and to Zensical, which resolves it against the source file. Links from one page
to another come in two forms: Markdown links, which the strict build checks, and plain relative URLs for
raw HTML blocks.
"""

from __future__ import annotations

import functools
import posixpath

from infobox.catalogue.model import Catalogue, standard_of
from infobox.exports.open_data import PageUrls

STANDARDS_DIR = "kwaliteitsstandaarden"
THEMES_DIR = "themas"  # one page per theme: /themas/kindermishandeling/
A_TO_Z = "hulpmiddelen/index.md"  # every resource's card, anchored by its id
RESOURCES_DIR = "hulpmiddelen"  # one page per resource: /hulpmiddelen/toolkit-meldcode/


def url_path(src_uri: str) -> str:
    """Directory URL of a Markdown source under use_directory_urls: 'a/b.md' -> 'a/b/', 'a/index.md' -> 'a/'."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def standard_src(standard_id: str) -> str:
    return f"{STANDARDS_DIR}/{standard_id}/index.md"


def theme_src(key: str) -> str:
    return f"{THEMES_DIR}/{key}/index.md"


def resource_src(resource_id: str) -> str:
    """A resource's own page (also a removed one's, which says why and where to go)."""
    return f"{RESOURCES_DIR}/{resource_id}/index.md"


def split_ref(ref: str) -> tuple[str, str]:
    """'3A' -> ('3', '3a'); '9' -> ('9', '')."""
    standard_id = standard_of(ref)
    return standard_id, ref.lower() if ref != standard_id else ""


class Links:
    """Hrefs from one page to standard sections: Markdown links (checked by the strict build) and
    plain URLs for raw HTML blocks."""

    def __init__(self, src_uri: str, single_page: bool = False):
        self.src_uri = src_uri
        self.single_page = single_page  # the print page holds every section itself

    def md(self, ref: str) -> str:
        standard_id, anchor = split_ref(ref)
        if self.single_page:
            return f"#{anchor or 'standaard-' + standard_id}"
        target = self.page_md(standard_src(standard_id))
        return f"{target}#{anchor}" if anchor else target

    def page_md(self, src_uri: str) -> str:
        """A Markdown link to another page's source, e.g. 'hulpmiddelen/index.md' from 'beheer/index.md'."""
        return _relpath(src_uri, posixpath.dirname(self.src_uri) or ".")

    def url(self, ref: str) -> str:
        standard_id, anchor = split_ref(ref)
        if self.single_page:
            return f"#{anchor or 'standaard-' + standard_id}"
        target = self._relative(standard_src(standard_id))
        return f"{target}#{anchor}" if anchor else target

    def resource_md(self, resource_id: str) -> str:
        """Markdown link to the resource's own page (checked by the strict build)."""
        return self.page_md(resource_src(resource_id))

    def page(self, src_uri: str) -> str:
        """Plain href from this page to another generated page, for raw HTML blocks."""
        return self._relative(src_uri) or "./"

    def resource_url(self, resource_id: str) -> str:
        """The resource's own page, its one permanent address (its card on the A–Z list keeps its anchor)."""
        return self.page(resource_src(resource_id))

    def _relative(self, src_uri: str) -> str:
        here = url_path(self.src_uri) or "."
        target = _relpath(url_path(src_uri) or ".", here)
        return "" if target == "." else target + "/"


# Every card links to the same few pages: compute each relative path once (relpath asks the OS for the working
# folder on every call; between two relative paths the answer never depends on it).
_relpath = functools.lru_cache(maxsize=4096)(posixpath.relpath)


def page_urls(catalogue: Catalogue) -> PageUrls:
    """Every standard's, sub-item's and resource's page URL relative to the site root, computed once here
    and written into catalogue.json, so browser code reads links instead of building them."""
    root = Links("index.md")
    return PageUrls(
        refs={ref: root.url(ref) for ref in catalogue.references()},
        # The zelfscan's plan links to each resource on the A–Z list, beside the others it may choose from.
        resources={r.id: f"{root.page(A_TO_Z)}#{r.id}" for r in catalogue.resources},
    )
