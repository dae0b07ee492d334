"""Site generation: turns a Catalogue (and the link job's status) into Markdown pages.

Nothing here imports MkDocs except `mkdocs_adapter`, so a later move to another generator only replaces
that adapter.
"""

from infobox.site.pages import SiteContext, generate_pages

__all__ = ["SiteContext", "generate_pages"]
