"""Every generated file of the site, made in one place for every static-site generator.

`generated_files(ctx)` is the one list of what the catalogue adds to `docs/`: the Markdown pages, the open
data (`catalogue.json`, `catalogue.csv` for programs, `catalogue.xlsx` for people), the Atom feed
(`nieuw.xml`) and any other data file a page needs.
The MkDocs hooks add them as virtual files (`mkdocs_adapter`); `python -m infobox pages OUT` writes them
into a folder, which is how the Zensical build (`zensical_adapter`) and the benchmarks get them. A new
generated file is one line here.

The settings come from `extra.infobox` in mkdocs.yml, read the same way by both generators:

    extra:
      infobox:
        catalogue: data/resources.yaml      # relative to mkdocs.yml
        link_status: data/link-history.json # missing file = links never checked
        repo_url: https://github.com/OWNER/REPO  # optional: "Wijzig in de catalogus" links
        edit_uri: blob/main/                      # optional, the default
        synonyms: data/synonyms.yaml        # search synonyms; a missing file = none
        word_forms: data/word-forms.yaml    # the search stemmer's exceptions; a missing file = none
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from infobox import CONTACT_EMAIL
from infobox.catalogue.loader import DEFAULT_CATALOGUE, load_catalogue
from infobox.catalogue.synonyms import load_synonyms
from infobox.catalogue.word_forms import load_word_forms
from infobox.catalogue.word_groups import WordGroups
from infobox.errors import CatalogueError
from infobox.exports.open_data import catalogue_to_csv, catalogue_to_json_text
from infobox.exports.xlsx import catalogue_to_xlsx
from infobox.link_results.status import DEFAULT_PATH as DEFAULT_LINK_STATUS
from infobox.link_results.status import read_status
from infobox.maintenance.issue_form import form_url as proposal_form_url
from infobox.site.context import SiteContext
from infobox.site.dutch import long_date
from infobox.site.feed import FEED_PATH
from infobox.site.page_addresses import page_urls
from infobox.site.pages import feed_xml, generate_pages
from infobox.site.search_index import SEARCH_INDEX, search_index_json

GeneratedFiles = dict[str, str | bytes]  # path under docs/ -> content


class SiteInputError(Exception):
    """An input of the build other than the catalogue is unreadable; the message is Dutch, one line."""


@dataclass(frozen=True)
class Settings:
    catalogue: Path
    link_status: Path
    synonyms: Path = Path("data/synonyms.yaml")
    word_forms: Path = Path("data/word-forms.yaml")
    catalogue_web_url: str = ""  # the catalogue on the repository's web view; empty: no edit links
    repo_url: str = ""  # the repository: its issue form for proposals; empty: no proposal links


def settings(extra: Mapping[str, Any] | None, config_dir: Path) -> Settings:
    """The `extra.infobox` settings of mkdocs.yml, paths resolved against the folder of mkdocs.yml."""
    infobox = (extra or {}).get("infobox") or {}
    catalogue = _path(infobox.get("catalogue") or DEFAULT_CATALOGUE.as_posix(), config_dir)
    return Settings(
        catalogue=catalogue,
        link_status=_path(infobox.get("link_status") or DEFAULT_LINK_STATUS.as_posix(), config_dir),
        synonyms=_path(infobox.get("synonyms") or "data/synonyms.yaml", config_dir),
        word_forms=_path(infobox.get("word_forms") or "data/word-forms.yaml", config_dir),
        catalogue_web_url=_catalogue_web_url(infobox, catalogue, config_dir),
        repo_url=infobox.get("repo_url") or "",
    )


def _path(value: str, config_dir: Path) -> Path:
    path = Path(value)
    if not path.is_absolute():
        path = config_dir / path
    # Print paths as maintainers type them (relative to where they run the build), like `validate` does.
    try:
        return path.resolve().relative_to(Path.cwd())
    except (ValueError, RuntimeError, OSError):  # elsewhere, or a symlink loop (its reader says so)
        return path


def _catalogue_web_url(infobox: Mapping[str, Any], catalogue: Path, config_dir: Path) -> str:
    """The catalogue file on the repository's web view, e.g. https://github.com/o/r/blob/main/data/resources.yaml.

    Empty without `repo_url`. The path is the catalogue's place in the repository (relative to mkdocs.yml);
    a catalogue outside the repository (a test fixture) stands in for the default one.
    """
    repo_url = (infobox.get("repo_url") or "").rstrip("/")
    if not repo_url:
        return ""
    edit_uri = (infobox.get("edit_uri") or "blob/main/").strip("/")
    try:
        in_repo = catalogue.resolve().relative_to(config_dir.resolve()).as_posix()
    except ValueError:
        in_repo = DEFAULT_CATALOGUE.as_posix()
    return f"{repo_url}/{edit_uri}/{in_repo}"


def build_date() -> dt.date:
    """Today, or SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def site_context(site_settings: Settings, site_url: str = "") -> SiteContext:
    """Load and validate the catalogue and read the link status: everything the pages are made from.

    Raises CatalogueError (every problem of the catalogue) or SiteInputError before anything is written.
    """
    catalogue = load_catalogue(site_settings.catalogue)
    try:
        status = read_status(site_settings.link_status)
    except (ValueError, TypeError) as error:
        raise SiteInputError(f"linkstatus onleesbaar: {error}") from None  # the error names the file
    return SiteContext(
        catalogue=catalogue,
        synonyms=load_site_synonyms(site_settings.synonyms),
        word_forms=load_site_word_forms(site_settings.word_forms),
        status=status,
        site_url=site_url or "",
        today=build_date(),
        catalogue_web_url=site_settings.catalogue_web_url,
        proposal_form_url=proposal_form_url(site_settings.repo_url),
    )


def load_site_synonyms(path: Path) -> WordGroups:
    """The search synonyms (data/synonyms.yaml); a project without the file still builds, without synonyms."""
    return _word_groups(path, load_synonyms, "de synoniemenlijst")


def load_site_word_forms(path: Path) -> WordGroups:
    """The search stemmer's exceptions (data/word-forms.yaml); without the file the stemmer has none."""
    return _word_groups(path, load_word_forms, "de lijst met woordvormen")


def _word_groups(path: Path, load, name: str) -> WordGroups:
    if not path.exists():
        return ()
    try:
        return load(path)
    except CatalogueError as error:
        raise SiteInputError(f"{name} is ongeldig:\n{error}") from None


def hand_written_pages(docs_dir: Path) -> dict[str, str]:
    """The Markdown pages of docs/ by their path under it, as the search index reads them."""
    return {path.relative_to(docs_dir).as_posix(): path.read_text(encoding="utf-8") for path in docs_dir.rglob("*.md")}


def theme_extra(ctx: SiteContext) -> dict[str, str]:
    """Values the theme overrides read from `config.extra` (footer, 404 page)."""
    content_date = ctx.catalogue.content_date
    return {
        "infobox_contact": CONTACT_EMAIL,
        # The content date people gave the catalogue (last edit or check), never the build time.
        "infobox_updated": long_date(content_date) if content_date else "",
    }


def generated_files(ctx: SiteContext, hand_written: Mapping[str, str] | None = None) -> GeneratedFiles:
    """Every file the catalogue adds to the site, by its path under docs/.

    `hand_written` are the Markdown pages of docs/ ({src_uri: source}), which the search index covers too."""
    files = {**generate_pages(ctx), **export_files(ctx)}
    pages = {src_uri: content for src_uri, content in files.items() if src_uri.endswith(".md")}
    searched = {**(hand_written or {}), **pages}
    files[SEARCH_INDEX] = search_index_json(ctx.catalogue, searched, ctx.synonyms, ctx.word_forms)
    return files


# The files no page is made from, in the order export_files makes them (the MkDocs build registers them
# before they are made).
EXPORT_FILES = ("catalogue.json", "catalogue.csv", "catalogue.xlsx", FEED_PATH)


def export_files(ctx: SiteContext) -> GeneratedFiles:
    """The open data and the feed: needed only when the site's files are written (see side_process)."""
    return {
        "catalogue.json": catalogue_to_json_text(ctx.catalogue, page_urls(ctx.catalogue)),
        "catalogue.csv": catalogue_to_csv(ctx.catalogue),
        "catalogue.xlsx": catalogue_to_xlsx(ctx.catalogue),
        FEED_PATH: feed_xml(ctx),
    }


def write_files(files: GeneratedFiles, out: Path) -> None:
    """Write each file under `out` (folders made as needed); other files in `out` are left alone."""
    for src_uri, content in files.items():
        target = out / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
