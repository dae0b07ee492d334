"""The MkDocs side of site generation: validate first, then add the generated pages as virtual files.

`hooks/infobox_site.py` re-exports these event handlers. Settings come from mkdocs.yml:

    extra:
      infobox:
        catalogue: data/resources.yaml      # relative to mkdocs.yml
        link_status: data/link-history.json # missing file = links never checked
        repo_url: https://github.com/OWNER/REPO  # optional: "Wijzig in de catalogus" links
        edit_uri: blob/main/                      # optional, the default

Material's own `repo_url` is not used for the edit links: on github.com it makes the theme ask the
GitHub API for stars and forks on every page, a third-party request the site must not make.

(both accept `!ENV` overrides, which the tests use to build against fixtures).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from infobox import CONTACT_EMAIL
from infobox.errors import CatalogueError
from infobox.exports import catalogue_to_csv, catalogue_to_json_text
from infobox.issue_form import form_url as proposal_form_url
from infobox.link_status import DEFAULT_PATH as DEFAULT_LINK_STATUS
from infobox.link_status import read_status
from infobox.loader import DEFAULT_CATALOGUE, load_catalogue
from infobox.site.dutch import long_date
from infobox.site.error_page import error_page, nav_sources
from infobox.site.feed import FEED_PATH
from infobox.site.pages import STANDARDS_DIR, SiteContext, feed_xml, generate_pages, page_urls, standard_src
from infobox.site.search_index import SEARCH_INDEX, search_index_json
from infobox.synonyms import Synonyms, load_synonyms

log = logging.getLogger("mkdocs.hooks.infobox")

# The context of the build in progress. MkDocs runs one build at a time per process (also under
# `mkdocs serve`, which rebuilds sequentially), and every build starts with on_config.
_context: SiteContext | None = None
_generated_pages: set[str] = set()
# Set by on_startup: under `mkdocs serve` an invalid catalogue gives an error page instead of a failed build.
_serving = False
_error_page: str | None = None
_synonyms: Synonyms = ()


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def _setting(config: MkDocsConfig, key: str, default: str) -> Path:
    value = (config.extra.get("infobox") or {}).get(key) or default
    path = Path(value)
    if not path.is_absolute():
        path = Path(config.config_file_path).parent / path
    # Print paths as maintainers type them (relative to where they run mkdocs), like `python -m infobox validate`.
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def build_date() -> dt.date:
    """Today, or SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def catalogue_web_url(config: MkDocsConfig, catalogue_path: Path) -> str:
    """The catalogue file on the repository's web view, e.g. https://github.com/o/r/blob/main/data/resources.yaml.

    Empty without `repo_url`. The path is the catalogue's place in the repository (relative to mkdocs.yml);
    a catalogue outside the repository (a test fixture) stands in for the default one.
    """
    settings = config.extra.get("infobox") or {}
    repo_url = (settings.get("repo_url") or "").rstrip("/")
    if not repo_url:
        return ""
    edit_uri = (settings.get("edit_uri") or "blob/main/").strip("/")
    try:
        in_repo = catalogue_path.resolve().relative_to(Path(config.config_file_path).parent.resolve()).as_posix()
    except ValueError:
        in_repo = DEFAULT_CATALOGUE.as_posix()
    return f"{repo_url}/{edit_uri}/{in_repo}"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate before anything is written: an invalid catalogue leaves site/ untouched."""
    global _context, _error_page, _synonyms
    _context, _error_page = None, None
    config.extra["infobox_contact"] = CONTACT_EMAIL  # for the theme overrides (footer, 404)
    catalogue_path = _setting(config, "catalogue", DEFAULT_CATALOGUE.as_posix())
    status_path = _setting(config, "link_status", DEFAULT_LINK_STATUS.as_posix())
    try:
        catalogue = load_catalogue(catalogue_path)
    except CatalogueError as error:
        if not _serving:
            # MkDocs logs a BuildError's message and exits 1 without a traceback.
            raise PluginError(f"de catalogus is ongeldig:\n{error}") from None
        # Printed, not logged: under `strict`, MkDocs aborts a build that logs a warning or error.
        print(f"de catalogus is ongeldig (ook te zien in de browser):\n{error}", file=sys.stderr, flush=True)
        _error_page = error_page(str(catalogue_path), error.problems)
        return config
    if catalogue.warnings:
        # One line, at INFO: review reminders must not fail strict builds nor flood `mkdocs serve`.
        count = len(catalogue.warnings)
        log.info(
            "%d %s bij de catalogus; bekijk ze met: python -m infobox validate --details, of op /beheer/",
            count,
            "waarschuwing" if count == 1 else "waarschuwingen",
        )
    try:
        status = read_status(status_path)
    except (ValueError, TypeError) as error:
        raise PluginError(f"linkstatus onleesbaar: {error}") from None  # the error names the file
    _synonyms = _load_synonyms(_setting(config, "synonyms", "data/synonyms.yaml"))
    today = build_date()
    _context = SiteContext(
        catalogue=catalogue,
        status=status,
        site_url=config.site_url or "",
        today=today,
        catalogue_web_url=catalogue_web_url(config, catalogue_path),
        proposal_form_url=proposal_form_url((config.extra.get("infobox") or {}).get("repo_url") or ""),
    )
    config.nav = standards_in_nav(config.nav, [standard_src(s.id) for s in catalogue.standards])
    # The content date people gave the catalogue (last edit or check), never the build time.
    config.extra["infobox_updated"] = long_date(catalogue.content_date) if catalogue.content_date else ""
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
    generated = dict(generate_pages(_context))
    _generated_pages.clear()
    _generated_pages.update(generated)
    generated["catalogue.json"] = catalogue_to_json_text(_context.catalogue, page_urls(_context.catalogue))
    generated["catalogue.csv"] = catalogue_to_csv(_context.catalogue)
    generated[FEED_PATH] = feed_xml(_context)
    hand_written = {file.src_uri: file.content_string for file in files.documentation_pages()}
    generated[SEARCH_INDEX] = search_index_json(_context.catalogue, {**hand_written, **generated}, _synonyms)
    for src_uri, content in generated.items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} bestaat al, maar deze pagina wordt gegenereerd; verwijder het bestand")
        files.append(File.generated(config, src_uri, content=content))
    return files


def _load_synonyms(path: Path) -> Synonyms:
    """The search synonyms (data/synonyms.yaml); a project without the file still builds, without synonyms."""
    if not path.exists():
        log.info("%s ontbreekt: de zoekfunctie gebruikt geen synoniemen", path)
        return ()
    try:
        return load_synonyms(path)
    except CatalogueError as error:
        raise PluginError(f"de synoniemenlijst is ongeldig:\n{error}") from None


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
