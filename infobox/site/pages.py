"""Page generation: one Markdown page per standard plus the overview pages, from the Catalogue.

`generate_pages` returns {src_uri: markdown}; `generate.generated_files` hands them to the generator (MkDocs
as virtual files, Zensical as files written first), so nothing generated is ever committed. Pages stay per
standard (never per resource): one page per resource in the navigation makes builds quadratic (see
ARCHITECTURE.md, "Measured facts").

Every generated page but the home page is an `index.md` in a folder of its own (`linkstatus/index.md` for
/linkstatus/): then a relative link in raw HTML means the same to MkDocs, which leaves it to the browser
(relative to the page URL), and to Zensical, which resolves it against the source file. The analysis page
stays `achtergrond/samenwerkingsafspraken.md`: as an index.md it would become the index page of the
hand-written "Achtergrond" section (navigation.indexes); it has no raw HTML links.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from infobox.catalogue.model import Catalogue, Resource, Standard, standard_of
from infobox.catalogue.synonyms import Synonyms
from infobox.catalogue.validate import REVIEW_INTERVAL_YEARS, review_limit
from infobox.catalogue.vocabulary import AUDIENCES, LINK_SCHEMES, THEME_KINDS, THEMES, grouped_types
from infobox.catalogue.word_forms import WordForms
from infobox.exports.open_data import PageUrls
from infobox.link_status import STATUSES, LinkState, LinkStatus
from infobox.site import analysis, mailto
from infobox.site.dutch import long_date
from infobox.site.feed import FEED_PATH, NEW_ON_HOME, atom_feed, newest_additions
from infobox.site.render import environment

STANDARDS_DIR = "kwaliteitsstandaarden"
THEMES_DIR = "themas"  # one page per theme: /themas/kindermishandeling/
A_TO_Z = "hulpmiddelen/index.md"  # every resource's card, anchored by its id
WORKING = ("ok", "moved")  # a moved link still brings the reader to the page


@dataclass(frozen=True)
class ReaderLink:
    """What a reader needs to know about one catalogue link; no status codes, nothing to act on."""

    href: str  # where the link takes the reader: the new address when the page moved
    broken: bool = False  # known not to work: the card says "werkt mogelijk niet meer"
    checked_on: str = ""  # Dutch date of the check that found it broken
    archive_url: str | None = None  # the closest archived copy, when the link job found one
    archive_on: str = ""  # Dutch date of that copy


def known_broken(state: LinkState) -> bool:
    """Broken, or failing for so many runs in a row that the job reports it: worth a word to readers."""
    return state.status == "broken" or (state.status == "transient" and state.report)


@dataclass(frozen=True)
class SiteContext:
    catalogue: Catalogue
    synonyms: Synonyms = ()  # search synonyms (data/synonyms.yaml), for the search index
    word_forms: WordForms = ()  # the search stemmer's exceptions (data/word-forms.yaml), for the search index
    status: LinkStatus | None = None  # None: the link job has never run
    site_url: str = ""  # absolute base for the page URLs in mail bodies; empty gives site-relative paths
    today: dt.date = field(default_factory=dt.date.today)
    # The catalogue file on the repository's web view (repo_url + edit_uri + path); empty: no edit links.
    catalogue_web_url: str = ""
    # The repository's issue form for proposing a resource; empty (no repository): only the e-mail is offered.
    proposal_form_url: str = ""

    def page_url(self, src_uri: str) -> str:
        """The public URL of a generated page, as readers see it in their address bar."""
        path = url_path(src_uri)
        return f"{self.site_url.rstrip('/')}/{path}" if self.site_url else f"/{path}"

    def link_state(self, url: str) -> LinkState | None:
        return self.status.get(url) if self.status else None

    def reader_link(self, url: str) -> ReaderLink:
        state = self.link_state(url)
        if state is None or state.status in ("ok", "blocked"):
            return ReaderLink(href=url)
        if state.status == "moved":
            # Silently take readers to the new address; the report asks maintainers to update the catalogue.
            new = state.redirect_to
            return ReaderLink(href=new if new and urlsplit(new).scheme in LINK_SCHEMES else url)
        if not known_broken(state):
            return ReaderLink(href=url)  # one failed run of a flaky site: not worth a reader's attention
        archive = state.archive_url if state.archive_url and urlsplit(state.archive_url).scheme == "https" else None
        return ReaderLink(
            href=url,
            broken=True,
            checked_on=long_date(state.checked_at),
            archive_url=archive,
            archive_on=long_date(state.archive_timestamp) if archive else "",
        )

    def edit_url(self, line: int) -> str:
        """The catalogue's line on the repository, where a maintainer fixes what a page shows; or ''."""
        if not self.catalogue_web_url:
            return ""
        return f"{self.catalogue_web_url}#L{line}" if line else self.catalogue_web_url


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
        """Markdown link to the resource's card on the A–Z page (checked by the strict build)."""
        return f"{self.page_md(A_TO_Z)}#{resource_id}"

    def page(self, src_uri: str) -> str:
        """Plain href from this page to another generated page, for raw HTML blocks."""
        return self._relative(src_uri) or "./"

    def resource_url(self, resource_id: str) -> str:
        """The resource's card on the A–Z page, where each resource has its one permanent place."""
        return f"{self._relative(A_TO_Z)}#{resource_id}"

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
        resources={r.id: root.resource_url(r.id) for r in catalogue.resources},
    )


def generate_pages(ctx: SiteContext) -> dict[str, str]:
    env = environment()
    catalogue = ctx.catalogue
    common = {
        "catalogue": catalogue,
        "ctx": ctx,
        "type_choices": grouped_types(r.type for r in catalogue.resources),
        "audiences": AUDIENCES,
        "organisations": organisations(catalogue),
        "themes": THEMES,
        "theme_kinds": THEME_KINDS,
        "theme_src": theme_src,
        "aliases": dict(catalogue.organisation_aliases),
        "feed_path": FEED_PATH,
        "link_summary": link_summary(ctx),
        "report_mail": mailto.report_dead_link,
    }

    def render(template: str, src_uri: str, **extra: object) -> str:
        links = extra.pop("links", None) or Links(src_uri)
        return env.get_template(template).render(common, src_uri=src_uri, links=links, **extra)

    pages = {
        "index.md": render("home.md.j2", "index.md", new_resources=newest_additions(catalogue, NEW_ON_HOME)),
        f"{THEMES_DIR}/index.md": render("themes_index.md.j2", f"{THEMES_DIR}/index.md"),
        f"{STANDARDS_DIR}/index.md": render("standards_index.md.j2", f"{STANDARDS_DIR}/index.md"),
        A_TO_Z: render(
            "resources.md.j2", A_TO_Z, resources=sorted_resources(catalogue), counts=filter_counts(catalogue)
        ),
        "organisaties/index.md": render("organisations.md.j2", "organisaties/index.md"),
        "linkstatus/index.md": render("linkstatus.md.j2", "linkstatus/index.md", broken=broken_links(ctx)),
        "beheer/index.md": render(
            "beheer.md.j2", "beheer/index.md", maintenance=maintenance(ctx), review_years=REVIEW_INTERVAL_YEARS
        ),
        "afdrukken/index.md": render(
            "print.md.j2", "afdrukken/index.md", links=Links("afdrukken/index.md", single_page=True)
        ),
        "achtergrond/samenwerkingsafspraken.md": render(
            "analysis.md.j2",
            "achtergrond/samenwerkingsafspraken.md",
            findings=analysis.FINDINGS,
            categories=analysis.CATEGORIES,
            not_quantified=analysis.NOT_QUANTIFIED,
            process_steps=analysis.PROCESS_STEPS,
            chart=analysis.chart_layout(),
        ),
    }
    for key, label in THEMES.items():
        src = theme_src(key)
        pages[src] = render("theme.md.j2", src, key=key, label=label, by_standard=by_standard(catalogue, key))
    for standard in catalogue.standards:
        src = standard_src(standard.id)
        pages[src] = render(
            "standard.md.j2",
            src,
            standard=standard,
            suggest_mailto=mailto.suggest_addition(standard, ctx.page_url(src)),
        )
    return pages


def theme_src(key: str) -> str:
    return f"{THEMES_DIR}/{key}/index.md"


def by_standard(catalogue: Catalogue, theme: str) -> list[tuple[Standard, list[Resource]]]:
    """A theme's resources under each standard they belong to, standards in catalogue order, A–Z within."""
    themed = [r for r in sorted_resources(catalogue) if theme in r.themes]
    groups = [(s, [r for r in themed if s.id in r.standard_ids]) for s in catalogue.standards]
    return [(s, resources) for s, resources in groups if resources]


def feed_xml(ctx: SiteContext) -> str:
    """/nieuw.xml: additions (and removals) as Atom, dated by the catalogue, never by the build."""
    fallback = ctx.catalogue.content_date or ctx.today
    return atom_feed(
        ctx.catalogue, site_url=ctx.site_url, resource_url=url_path(A_TO_Z), fallback_date=fallback
    ).decode("utf-8")


def sorted_resources(catalogue: Catalogue) -> list[Resource]:
    """A–Z by title, case- and accent-insensitive enough for Dutch titles ('’s-Hertogenbosch' aside)."""
    return sorted(catalogue.resources, key=lambda r: (r.title.casefold(), r.id))


def filter_counts(catalogue: Catalogue) -> dict[str, dict[str, int]]:
    """Per filter of the A–Z list, how many resources each of its values gives with no other filter chosen,
    by the values hulpmiddelen-filter.js reads from the cards (a type group counts its types); "" is all.
    The page is drawn with these counts, so the script rewrites none of them for the unfiltered list."""
    counts: dict[str, dict[str, int]] = {"standard": {}, "organisation": {}, "theme": {}, "type": {}, "audience": {}}

    def add(name: str, values: set[str]) -> None:
        for value in values | {""}:
            counts[name][value] = counts[name].get(value, 0) + 1

    groups = {key: members for key, _label, members in grouped_types(r.type for r in catalogue.resources)}
    for r in catalogue.resources:
        add("standard", set(r.standards) | set(r.standard_ids))
        add("organisation", set(r.organisation_groups))
        add("theme", set(r.themes))
        add("type", {r.type} | {key for key, members in groups.items() if r.type in members})
        add("audience", set(r.audience))
    return counts


def organisations(catalogue: Catalogue) -> dict[str, list[Resource]]:
    """Each organisation under its one name (the editors' mapping) with its resources, A–Z."""
    by_org: dict[str, list[Resource]] = {}
    for resource in sorted_resources(catalogue):
        for name in resource.organisation_groups:
            by_org.setdefault(name, []).append(resource)
    return dict(sorted(by_org.items(), key=lambda kv: kv[0].casefold()))


@dataclass(frozen=True)
class Maintenance:
    unchecked: tuple[Resource, ...]  # no person has checked these yet
    overdue: tuple[Resource, ...]  # checked longer ago than the review interval


def maintenance(ctx: SiteContext) -> Maintenance:
    """The entries maintainers should check: listed on /beheer/, never on the pages readers use."""
    limit = review_limit(ctx.today)
    resources = ctx.catalogue.resources
    return Maintenance(
        unchecked=tuple(r for r in resources if r.reviewed is None),
        overdue=tuple(r for r in resources if r.reviewed is not None and r.reviewed < limit),
    )


@dataclass(frozen=True)
class LinkSummary:
    checked: bool  # False until the link job's first run: then the site says nothing about link health
    checked_on: str = ""  # Dutch long date of the last run
    total: int = 0  # catalogue URLs the last run checked: the sum of `counts`
    working: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    added_since: int = 0  # catalogue URLs added after the last run (checked next time)


def link_summary(ctx: SiteContext) -> LinkSummary:
    if ctx.status is None:
        return LinkSummary(checked=False)
    urls = ctx.catalogue.urls()
    known = [state for url in urls if (state := ctx.status.get(url)) is not None]
    counts = {status: sum(1 for s in known if s.status == status) for status in STATUSES}
    return LinkSummary(
        checked=True,
        checked_on=long_date(ctx.status.checked_at),
        total=len(known),
        working=sum(counts[status] for status in WORKING),
        counts=counts,
        added_since=len(urls) - len(known),
    )


def broken_links(ctx: SiteContext) -> list[tuple[str, ReaderLink, tuple[Resource, ...]]]:
    """Catalogue links known not to work, in catalogue order, with the resources that carry them."""
    found = []
    for url, owners in ctx.catalogue.urls().items():
        link = ctx.reader_link(url)
        if link.broken:
            found.append((url, link, owners))
    return found
