"""MkDocs hook: Dutch stemming in Material's search (logic in infobox.site.search)."""

from infobox.site.search import extend_search_worker


def on_post_build(config, **kwargs):
    extend_search_worker(config["site_dir"])
