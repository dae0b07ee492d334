"""MkDocs hook: Dutch search in Material's search (logic in infobox.site.search)."""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from infobox.errors import CatalogueError
from infobox.site.search import extend_search_index, extend_search_worker
from infobox.synonyms import load_synonyms

_synonyms = ()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate data/synonyms.yaml before anything is written."""
    global _synonyms
    path = Path(config.config_file_path).parent / "data" / "synonyms.yaml"
    if path.is_relative_to(Path.cwd()):  # as maintainers type it, like the catalogue's messages
        path = path.relative_to(Path.cwd())
    try:
        _synonyms = load_synonyms(path)
    except CatalogueError as error:
        raise PluginError(f"de synoniemenlijst is ongeldig:\n{error}") from None
    return config


def on_post_build(config: MkDocsConfig, **kwargs):
    extend_search_worker(config["site_dir"])
    extend_search_index(config["site_dir"], _synonyms)
