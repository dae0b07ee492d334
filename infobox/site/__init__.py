"""Site generation: turns a Catalogue (and the link job's status) into Markdown pages.

Nothing here imports MkDocs except `mkdocs_adapter`; `zensical_adapter` builds the same site with Zensical.
Both take what to generate from `generate.generated_files`.
"""

from infobox.site.context import SiteContext
from infobox.site.pages import generate_pages

__all__ = ["SiteContext", "generate_pages"]
