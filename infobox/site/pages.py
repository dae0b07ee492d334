"""Page generation: one Markdown page per standard plus the overview pages, from the Catalogue.

`generate_pages` returns {src_uri: markdown}; the MkDocs adapter turns each into a virtual file, so
nothing generated is ever committed. Pages stay per standard (never per resource): one page per resource
in the navigation makes builds quadratic (see DESIGN.md).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field

from infobox.link_status import STATUSES, LinkState, LinkStatus
from infobox.model import Catalogue, Resource, standard_of
from infobox.site import analysis, mailto
from infobox.site.dutch import long_date
from infobox.site.render import environment
from infobox.vocabulary import AUDIENCES, TYPES, grouped_types

STANDARDS_DIR = "kwaliteitsstandaarden"
WORKING = ("ok", "moved")  # a moved link still brings the reader to the page


@dataclass(frozen=True)
class SiteContext:
    catalogue: Catalogue
    status: LinkStatus | None = None  # None: the link job has never run
    site_url: str = ""  # absolute base for the page URLs in mail bodies; empty gives site-relative paths
    today: dt.date = field(default_factory=dt.date.today)

    def page_url(self, src_uri: str) -> str:
        """The public URL of a generated page, as readers see it in their address bar."""
        path = url_path(src_uri)
        return f"{self.site_url.rstrip('/')}/{path}" if self.site_url else f"/{path}"

    def link_state(self, url: str) -> LinkState | None:
        return self.status.get(url) if self.status else None

    def reported(self, url: str) -> LinkState | None:
        state = self.link_state(url)
        return state if state is not None and state.report else None


def url_path(src_uri: str) -> str:
    """Directory URL of a Markdown source under use_directory_urls: 'a/b.md' -> 'a/b/', 'a/index.md' -> 'a/'."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def standard_src(standard_id: str) -> str:
    return f"{STANDARDS_DIR}/{standard_id}.md"


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
        target = posixpath.relpath(standard_src(standard_id), posixpath.dirname(self.src_uri) or ".")
        return f"{target}#{anchor}" if anchor else target

    def url(self, ref: str) -> str:
        standard_id, anchor = split_ref(ref)
        if self.single_page:
            return f"#{anchor or 'standaard-' + standard_id}"
        here = url_path(self.src_uri) or "."
        target = posixpath.relpath(url_path(standard_src(standard_id)), here) + "/"
        return f"{target}#{anchor}" if anchor else target


def generate_pages(ctx: SiteContext) -> dict[str, str]:
    env = environment()
    catalogue = ctx.catalogue
    common = {
        "catalogue": catalogue,
        "ctx": ctx,
        "types": TYPES,
        "type_choices": grouped_types(r.type for r in catalogue.resources),
        "audiences": AUDIENCES,
        "organisations": organisations(catalogue),
        "link_summary": link_summary(ctx),
        "report_mailto": lambda resource, src: mailto.report_dead_link(resource, ctx.page_url(src)),
        "long_date": long_date,
    }

    def render(template: str, src_uri: str, **extra: object) -> str:
        links = extra.pop("links", None) or Links(src_uri)
        return env.get_template(template).render(common, src_uri=src_uri, links=links, **extra)

    pages = {
        "index.md": render("home.md.j2", "index.md"),
        f"{STANDARDS_DIR}/index.md": render("standards_index.md.j2", f"{STANDARDS_DIR}/index.md"),
        "hulpmiddelen/index.md": render(
            "resources.md.j2", "hulpmiddelen/index.md", resources=sorted_resources(catalogue)
        ),
        "organisaties.md": render("organisations.md.j2", "organisaties.md"),
        "linkstatus.md": render("linkstatus.md.j2", "linkstatus.md", reported=reported_links(ctx)),
        "afdrukken.md": render("print.md.j2", "afdrukken.md", links=Links("afdrukken.md", single_page=True)),
        "achtergrond/samenwerkingsafspraken.md": render(
            "analysis.md.j2",
            "achtergrond/samenwerkingsafspraken.md",
            findings=analysis.FINDINGS,
            categories=analysis.CATEGORIES,
            not_quantified=analysis.NOT_QUANTIFIED,
            chart=analysis.chart_layout(),
        ),
    }
    for standard in catalogue.standards:
        src = standard_src(standard.id)
        pages[src] = render(
            "standard.md.j2",
            src,
            standard=standard,
            suggest_mailto=mailto.suggest_addition(standard, ctx.page_url(src)),
        )
    return pages


def sorted_resources(catalogue: Catalogue) -> list[Resource]:
    """A–Z by title, case- and accent-insensitive enough for Dutch titles ('’s-Hertogenbosch' aside)."""
    return sorted(catalogue.resources, key=lambda r: (r.title.casefold(), r.id))


def organisations(catalogue: Catalogue) -> dict[str, list[Resource]]:
    by_org: dict[str, list[Resource]] = {}
    for resource in sorted_resources(catalogue):
        for name in resource.organisations:
            by_org.setdefault(name, []).append(resource)
    return dict(sorted(by_org.items(), key=lambda kv: kv[0].casefold()))


@dataclass(frozen=True)
class LinkSummary:
    checked: bool
    checked_on: str = ""  # Dutch long date of the last run
    total: int = 0  # distinct URLs in the catalogue
    working: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def link_summary(ctx: SiteContext) -> LinkSummary:
    urls = ctx.catalogue.urls()
    if ctx.status is None:
        return LinkSummary(checked=False, total=len(urls))
    states = [ctx.status.get(url) for url in urls]
    known = [s for s in states if s is not None]
    counts = {status: sum(1 for s in known if s.status == status) for status in STATUSES}
    return LinkSummary(
        checked=True,
        checked_on=long_date(ctx.status.checked_at),
        total=len(urls),
        working=sum(1 for s in known if s.status in WORKING),
        counts=counts,
    )


def reported_links(ctx: SiteContext) -> list[tuple[LinkState, tuple[Resource, ...]]]:
    if ctx.status is None:
        return []
    urls = ctx.catalogue.urls()
    return [(state, urls.get(state.url, ())) for state in ctx.status.reported() if state.url in urls]
