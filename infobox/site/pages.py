"""Page generation: one Markdown page per standard plus the overview pages, from the Catalogue.

`generate_pages` returns {src_uri: markdown}; `generate.generated_files` hands them to the generator (MkDocs
as virtual files, Zensical as files written first), so nothing generated is ever committed. Pages stay per
standard (never per resource): one page per resource in the navigation makes builds quadratic (see
ARCHITECTURE.md, "Measured facts"). Where each page goes is `page_addresses`; the analysis page stays
`achtergrond/samenwerkingsafspraken.md`: as an index.md it would become the index page of the hand-written
"Achtergrond" section (navigation.indexes); it has no raw HTML links.
"""

from __future__ import annotations

from infobox.catalogue.review_cycle import REVIEW_INTERVAL_YEARS
from infobox.catalogue.vocabulary import AUDIENCES, THEME_KINDS, THEMES, grouped_types
from infobox.site import analysis, mailto
from infobox.site.context import SiteContext
from infobox.site.feed import FEED_PATH, NEW_ON_HOME, atom_feed, newest_additions
from infobox.site.link_health import broken_links, link_summary
from infobox.site.listings import by_standard, filter_counts, maintenance, organisations, sorted_resources
from infobox.site.page_addresses import A_TO_Z, STANDARDS_DIR, THEMES_DIR, Links, standard_src, theme_src, url_path
from infobox.site.render import environment


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
        "link_summary": link_summary(catalogue, ctx.status),
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
        "linkstatus/index.md": render(
            "linkstatus.md.j2", "linkstatus/index.md", broken=broken_links(catalogue, ctx.status)
        ),
        "beheer/index.md": render(
            "beheer.md.j2",
            "beheer/index.md",
            maintenance=maintenance(catalogue, ctx.today),
            review_years=REVIEW_INTERVAL_YEARS,
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


def feed_xml(ctx: SiteContext) -> str:
    """/nieuw.xml: additions (and removals) as Atom, dated by the catalogue, never by the build."""
    fallback = ctx.catalogue.content_date or ctx.today
    return atom_feed(
        ctx.catalogue, site_url=ctx.site_url, resource_url=url_path(A_TO_Z), fallback_date=fallback
    ).decode("utf-8")
