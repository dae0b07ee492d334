"""MkDocs hook: Dutch search in Material's search (logic in infobox.site.search)."""

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from infobox.errors import CatalogueError
from infobox.site.search import extend_search_index, extend_search_worker
from infobox.synonyms import Synonyms, load_synonyms

log = logging.getLogger("mkdocs.hooks.search_nl")
_synonyms: Synonyms = ()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate data/synonyms.yaml before anything is written."""
    global _synonyms
    path = Path(config.config_file_path).parent / "data" / "synonyms.yaml"
    if path.is_relative_to(Path.cwd()):  # as maintainers type it, like the catalogue's messages
        path = path.relative_to(Path.cwd())
    _synonyms = ()
    if not path.exists():  # a project without a synonym list still builds, like one without link status
        log.info("%s ontbreekt: de zoekfunctie gebruikt geen synoniemen", path)
        return config
    try:
        _synonyms = load_synonyms(path)
    except CatalogueError as error:
        raise PluginError(f"de synoniemenlijst is ongeldig:\n{error}") from None
    return config


def on_post_build(config: MkDocsConfig, **kwargs):
    extend_search_worker(config["site_dir"])
    extend_search_index(config["site_dir"], _synonyms)
