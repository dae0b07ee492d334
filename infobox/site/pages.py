"""Page generation: one Markdown page per standard and per resource plus the overview pages, from the Catalogue.

`generate_pages` returns {src_uri: markdown}; `generate.generated_files` hands them to the generator (MkDocs
as virtual files, Zensical as files written first), so nothing generated is ever committed. Each resource
has a page of its own (`resource_pages`), kept out of the navigation (`not_in_nav` in mkdocs.yml): one page
per resource in the navigation makes builds quadratic (see ARCHITECTURE.md, "Measured facts"). Where each
page goes is `page_addresses`; the analysis page stays `achtergrond/samenwerkingsafspraken.md`: as an index.md
it would become the index page of the hand-written "Achtergrond" section (navigation.indexes); it has no raw
HTML links.
"""

from __future__ import annotations

import datetime as dt

from infobox.catalogue.model import Catalogue, Resource
from infobox.catalogue.review_cycle import REVIEW_INTERVAL_YEARS
from infobox.catalogue.vocabulary import AUDIENCES, THEME_KINDS, THEMES, grouped_types
from infobox.site import analysis, mailto
from infobox.site.context import SiteContext
from infobox.site.dutch import long_date
from infobox.site.feed import FEED_PATH, NEW_ON_HOME, atom_feed, newest_additions
from infobox.site.link_health import broken_links, link_summary
from infobox.site.listings import by_standard, filter_counts, maintenance, organisations, sorted_resources
from infobox.site.page_addresses import (
    A_TO_Z,
    RESOURCES_DIR,
    STANDARDS_DIR,
    THEMES_DIR,
    Links,
    resource_src,
    standard_src,
    theme_src,
)
from infobox.site.related import related_resources
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
        "a_to_z": A_TO_Z,
        "link_state": lambda url: link_state_text(ctx, url),
    }

    def render(template: str, src_uri: str, **extra: object) -> str:
        links = extra.pop("links", None) or Links(src_uri)
        return env.get_template(template).render(common, src_uri=src_uri, links=links, **extra)

    a_to_z = sorted_resources(catalogue)
    pages = {
        "index.md": render("home.md.j2", "index.md", new_resources=newest_additions(catalogue, NEW_ON_HOME)),
        f"{THEMES_DIR}/index.md": render("themes_index.md.j2", f"{THEMES_DIR}/index.md"),
        f"{STANDARDS_DIR}/index.md": render("standards_index.md.j2", f"{STANDARDS_DIR}/index.md"),
        A_TO_Z: render("resources.md.j2", A_TO_Z, resources=a_to_z, counts=filter_counts(catalogue)),
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
    pages[WHATS_NEW] = render("whats_new.md.j2", WHATS_NEW, changes=changes(catalogue, Links(WHATS_NEW)))
    pages.update(resource_pages(ctx, a_to_z, render))
    return pages


WHATS_NEW = "nieuw/index.md"  # /nieuw/: additions and removals with their dates, beside the feed (/nieuw.xml)


def changes(catalogue: Catalogue, links: Links) -> list[tuple[dt.date, str, str, str, str]]:
    """What /nieuw/ lists, newest first: (date, what happened, title, Markdown link, note); only dates people
    wrote into the catalogue (`added`, a removal's date)."""
    found = [(r.added, "toegevoegd:", r.title, links.resource_md(r.id), r.type) for r in newest_additions(catalogue)]
    for removed in catalogue.removed:
        found.append(
            (removed.date, "verwijderd:", removed.title or removed.id, links.resource_md(removed.id), removed.reason)
        )
    return sorted(found, key=lambda change: change[0], reverse=True)


def resource_pages(ctx: SiteContext, a_to_z: list[Resource], render) -> dict[str, str]:
    """Every resource's own page, and one for each removed resource at the address it had."""
    catalogue = ctx.catalogue
    ref_texts = reference_texts(catalogue)
    related = related_resources(catalogue, a_to_z)
    pages = {}
    for r in a_to_z:
        src = resource_src(r.id)
        pages[src] = render(
            "resource.md.j2",
            src,
            r=r,
            ref_texts=ref_texts,
            related=related[r.id],
            lastmod=last_changed(catalogue, r),
            schema=structured_data(ctx, r, src),
        )
    for removed in catalogue.removed:
        src = resource_src(removed.id)
        pages[src] = render("removed.md.j2", src, removed=removed)
    return pages


def reference_texts(catalogue: Catalogue) -> dict[str, tuple[str, str]]:
    """{reference: (its label, its text)} for every standard and sub-item."""
    texts: dict[str, tuple[str, str]] = {}
    for standard in catalogue.standards:
        texts[standard.id] = (f"Kwaliteitsstandaard {standard.id}. {standard.title}", standard.text)
        for item in standard.items:
            texts[item.ref] = (f"Onderdeel {item.ref}", item.text)
    return texts


def last_changed(catalogue: Catalogue, r: Resource) -> dt.date | None:
    """The sitemap's `lastmod`: the latest date a person set on the entry (checked or added), else the date
    the maintainers last changed the catalogue's content; never the build's date."""
    own = [day for day in (r.reviewed, r.added) if day]
    return max(own) if own else catalogue.source.updated


def structured_data(ctx: SiteContext, r: Resource, src: str) -> dict:
    """schema.org JSON-LD for search engines (overrides/main.html writes it, escaped for a script element)."""
    about = [THEMES[key] for key in r.themes] + [f"Kwaliteitsstandaard {ref}" for ref in r.standards]
    return {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": r.title,
        "description": r.description,
        "url": ctx.page_url(src),
        "inLanguage": "nl",
        "learningResourceType": r.type,
        "publisher": [{"@type": "Organization", "name": name} for name in r.organisation_groups],
        "about": [{"@type": "Thing", "name": name} for name in about],
        **({"audience": {"@type": "Audience", "audienceType": ", ".join(r.audience)}} if r.audience else {}),
    }


def link_state_text(ctx: SiteContext, url: str) -> str:
    """What the link job last found for a link that works (a broken one has its own warning)."""
    state = ctx.link_state(url)
    if state is None or not state.status.working or not state.checked_at:
        return ""
    return f"(werkte bij de controle van {long_date(state.checked_at)})"


def feed_xml(ctx: SiteContext) -> str:
    """/nieuw.xml: additions (and removals) as Atom, dated by the catalogue, never by the build."""
    fallback = ctx.catalogue.content_date or ctx.today
    return atom_feed(
        ctx.catalogue, site_url=ctx.site_url, resource_url=RESOURCES_DIR + "/", fallback_date=fallback
    ).decode("utf-8")
