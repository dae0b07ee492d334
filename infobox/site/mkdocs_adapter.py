"""The MkDocs side of site generation: validate first, then add the generated files as virtual files.

`hooks/infobox_site.py` re-exports these event handlers. What is generated, and the `extra.infobox`
settings it reads from mkdocs.yml, live in `infobox.site.generate`, shared with the Zensical build. The one
exception is the search index: it is made from the HTML MkDocs renders of every page anyway
(`on_page_content`), not from a second Markdown conversion of its own, and written into its file once every
page is rendered (`on_env`, before MkDocs copies the files); the same data as the Markdown path (tested).
Material's own `repo_url` is not used for the edit links: on github.com it makes the theme ask the
GitHub API for stars and forks on every page, a third-party request the site must not make.
"""

from __future__ import annotations

import gc
import logging
import sys
from functools import partial
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from infobox import CONTACT_EMAIL
from infobox.errors import CatalogueError
from infobox.site import card_slots
from infobox.site.context import SiteContext
from infobox.site.error_page import error_page, nav_sources
from infobox.site.generate import EXPORT_FILES, SiteInputError, export_files, settings, site_context, theme_extra
from infobox.site.page_addresses import STANDARDS_DIR, standard_src
from infobox.site.pages import generate_pages
from infobox.site.search_index import SEARCH_INDEX, html_entries, markdown_entries, search_data
from infobox.site.side_process import SideJob

log = logging.getLogger("mkdocs.hooks.infobox")

# The context of the build in progress. MkDocs runs one build at a time per process (also under
# `mkdocs serve`, which rebuilds sequentially), and every build starts with on_config.
_context: SiteContext | None = None
_generated_pages: set[str] = set()
_search_file: File | None = None  # search/index.json, its content filled in by on_env
_search_sections: dict[str, list[dict]] = {}  # {src_uri: search entries} of every page rendered
_cards: dict[str, list[str]] = {}  # {src_uri: cards} set aside from a generated page while Markdown renders it
# The open data and the feed, made beside the rendering (side_process) and put into their files by on_env.
_exports: SideJob | None = None
_export_files: dict[str, File] = {}
# Set by on_startup: under `mkdocs serve` an invalid catalogue gives an error page instead of a failed build.
_serving = False
_error_page: str | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate before anything is written: an invalid catalogue leaves site/ untouched."""
    global _context, _error_page, _search_file, _exports
    _cancel_exports()
    _context, _error_page, _search_file = None, None, None
    gc.unfreeze()  # the previous build's objects (`mkdocs serve`) may go now
    _search_sections.clear()
    _cards.clear()
    config.extra["infobox_contact"] = CONTACT_EMAIL  # for the theme overrides (footer, 404), also on the error page
    site_settings = settings(config.extra, Path(config.config_file_path).parent)
    try:
        _context = site_context(site_settings, config.site_url or "")
    except CatalogueError as error:
        if not _serving:
            # MkDocs logs a BuildError's message and exits 1 without a traceback.
            raise PluginError(f"de catalogus is ongeldig:\n{error}") from None
        # Printed, not logged: under `strict`, MkDocs aborts a build that logs a warning or error.
        print(f"de catalogus is ongeldig (ook te zien in de browser):\n{error}", file=sys.stderr, flush=True)
        _error_page = error_page(str(site_settings.catalogue), error.problems)
        return config
    except SiteInputError as error:
        raise PluginError(str(error)) from None
    warnings = _context.catalogue.warnings
    if warnings:
        # One line, at INFO: review reminders must not fail strict builds nor flood `mkdocs serve`.
        log.info(
            "%d %s bij de catalogus; bekijk ze met: python -m infobox validate --details, of op /beheer/",
            len(warnings),
            "waarschuwing" if len(warnings) == 1 else "waarschuwingen",
        )
    config.extra.update(theme_extra(_context))
    # The catalogue and MkDocs' configuration live until the build ends: leave them out of the cyclic
    # garbage collector's passes, which otherwise scan them again and again while pages are rendered.
    gc.freeze()
    _exports = SideJob(partial(export_files, _context))
    # The catalogue's standards in the navigation, whatever their number (MkDocs; Zensical reads mkdocs.yml).
    config.nav = standards_in_nav(config.nav, [standard_src(s.id) for s in _context.catalogue.standards])
    return config


def standards_in_nav(nav: list | None, pages: list[str]) -> list | None:
    """The navigation with the catalogue's standard pages under the standards' overview, whatever mkdocs.yml
    lists there: a catalogue with another number of standards gets a navigation that matches it."""
    overview = f"{STANDARDS_DIR}/index.md"

    def rewrite(entry):
        if isinstance(entry, dict):
            return {title: rewrite(children) for title, children in entry.items()}
        if isinstance(entry, list):
            if overview in entry:
                return [overview, *pages]
            return [rewrite(child) for child in entry]
        return entry

    return rewrite(nav) if nav is not None else None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _error_page is not None:
        return _only_error_pages(files, config)
    if _context is None:  # on_config failed; MkDocs would not get here
        raise PluginError("infobox: on_config did not run")
    global _search_file
    generated = generate_pages(_context)
    _generated_pages.clear()
    _generated_pages.update(generated)
    _search_file = File.generated(config, SEARCH_INDEX, content="")  # filled in by on_env
    _export_files.clear()
    _export_files.update({src_uri: File.generated(config, src_uri, content=b"") for src_uri in EXPORT_FILES})
    added = [File.generated(config, src_uri, content=content) for src_uri, content in generated.items()]
    for file in [*added, *_export_files.values(), _search_file]:
        if files.get_file_from_path(file.src_uri) is not None:
            raise PluginError(
                f"docs/{file.src_uri} bestaat al, maar deze pagina wordt gegenereerd; verwijder het bestand"
            )
        files.append(file)
    return files


def _only_error_pages(files: Files, config: MkDocsConfig) -> Files:
    """Every page the maintainer may have open (hand-written or generated) shows the error page."""
    pages = {file.src_uri for file in files.documentation_pages()} | set(nav_sources(config.nav))
    for file in files.documentation_pages():
        files.remove(file)
    _generated_pages.clear()
    _generated_pages.update(pages)
    for src_uri in sorted(pages):
        files.append(File.generated(config, src_uri, content=_error_page))
    return files


def on_page_read_source(page, config: MkDocsConfig) -> str | None:
    """Hand MkDocs a generated page's Markdown and let go of our copy.

    MkDocs keeps only the body it parses from the source; a generated file would otherwise hold the
    whole source as well for the rest of the build, a large share of the peak memory of a large catalogue's
    build. Its cards wait beside it until Markdown has rendered the rest (card_slots). Files read
    from docs/ are left to MkDocs.
    """
    if page.file.src_uri not in _generated_pages:
        return None
    source, _cards[page.file.src_uri] = card_slots.set_aside(page.file.content_string)
    page.file.content_string = ""
    return source


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    """Keep the search entries of the page MkDocs just rendered (not its HTML: at 10,000 resources that is
    large, and the cards in it are indexed from the catalogue), and put its cards back (card_slots)."""
    if _search_file is not None:
        _search_sections[page.file.src_uri] = html_entries(page.file.src_uri, page.meta, html)
    cards = _cards.pop(page.file.src_uri, [])
    if cards and page.present_anchor_ids is not None:  # MkDocs checks links to them once every page is rendered
        page.present_anchor_ids |= card_slots.anchor_ids(cards)
    return card_slots.put_back(html, cards)


def on_env(env, config: MkDocsConfig, files: Files):
    """Every page is rendered: write the search data into its file before MkDocs copies the files."""
    if _search_file is None or _context is None:
        return env
    pages = files.documentation_pages()
    # Under `mkdocs serve --dirty` MkDocs renders only changed pages; the others are rendered here.
    unrendered = [file for file in pages if file.src_uri not in _search_sections]
    _search_sections.update(markdown_entries({file.src_uri: file.content_string for file in unrendered}))
    sections = {file.src_uri: _search_sections[file.src_uri] for file in pages}
    _search_file.content_string = search_data(_context.catalogue, sections, _context.synonyms, _context.word_forms)
    if _exports is not None:
        for src_uri, content in _exports.result().items():
            file = _export_files[src_uri]
            if isinstance(content, bytes):
                file.content_bytes = content
            else:
                file.content_string = content
        log.debug("open data en feed gemaakt %s", "in een tweede proces" if _exports.made_in_child else "in dit proces")
    return env


def on_build_error(error: Exception) -> None:
    _cancel_exports()


def on_shutdown() -> None:
    _cancel_exports()


def _cancel_exports() -> None:
    global _exports
    if _exports is not None:
        _exports.cancel()
        _exports = None
