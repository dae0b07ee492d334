"""The MkDocs side of site generation: validate first, then add the generated files as virtual files.

`hooks/infobox_site.py` re-exports these event handlers. What is generated, and the `extra.infobox`
settings it reads from mkdocs.yml, live in `infobox.site.generate`, shared with the Zensical build.
Material's own `repo_url` is not used for the edit links: on github.com it makes the theme ask the
GitHub API for stars and forks on every page, a third-party request the site must not make.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from infobox import CONTACT_EMAIL
from infobox.errors import CatalogueError
from infobox.site.error_page import error_page, nav_sources
from infobox.site.generate import SiteInputError, generated_files, settings, site_context, theme_extra
from infobox.site.pages import STANDARDS_DIR, SiteContext, standard_src

log = logging.getLogger("mkdocs.hooks.infobox")

# The context of the build in progress. MkDocs runs one build at a time per process (also under
# `mkdocs serve`, which rebuilds sequentially), and every build starts with on_config.
_context: SiteContext | None = None
_generated_pages: set[str] = set()
# Set by on_startup: under `mkdocs serve` an invalid catalogue gives an error page instead of a failed build.
_serving = False
_error_page: str | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate before anything is written: an invalid catalogue leaves site/ untouched."""
    global _context, _error_page
    _context, _error_page = None, None
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
    hand_written = {file.src_uri: file.content_string for file in files.documentation_pages()}
    generated = generated_files(_context, hand_written)
    _generated_pages.clear()
    _generated_pages.update(src_uri for src_uri in generated if src_uri.endswith(".md"))
    for src_uri, content in generated.items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} bestaat al, maar deze pagina wordt gegenereerd; verwijder het bestand")
        files.append(File.generated(config, src_uri, content=content))
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
    whole source as well for the rest of the build (measured: a third of the peak memory at 10,000
    resources). Files read from docs/ are left to MkDocs.
    """
    if page.file.src_uri not in _generated_pages:
        return None
    source = page.file.content_string
    page.file.content_string = ""
    return source
