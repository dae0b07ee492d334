"""What one build of the site knows: the catalogue, the link status, the site's address and today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from infobox.catalogue.model import Catalogue
from infobox.catalogue.synonyms import Synonyms
from infobox.catalogue.word_forms import WordForms
from infobox.link_results.status import LinkHistory, LinkState
from infobox.site.link_health import ReaderLink, reader_link
from infobox.site.page_addresses import url_path


@dataclass(frozen=True)
class SiteContext:
    catalogue: Catalogue
    synonyms: Synonyms = ()  # search synonyms (data/synonyms.yaml), for the search index
    word_forms: WordForms = ()  # the search stemmer's exceptions (data/word-forms.yaml), for the search index
    status: LinkHistory | None = None  # None: the link job has never run
    site_url: str = ""  # absolute base for the page URLs in mail bodies; empty gives site-relative paths
    today: dt.date = field(default_factory=dt.date.today)
    # The catalogue file on the repository's web view (repo_url + edit_uri + path); empty: no edit links.
    catalogue_web_url: str = ""
    # The repository's issue form for proposing a resource; empty (no repository): only the e-mail is offered.
    proposal_form_url: str = ""

    def page_url(self, src_uri: str) -> str:
        """The public URL of a generated page, as readers see it in their address bar."""
        path = url_path(src_uri)
        return f"{self.site_url.rstrip('/')}/{path}" if self.site_url else f"/{path}"

    def link_state(self, url: str) -> LinkState | None:
        return self.status.get(url) if self.status else None

    def reader_link(self, url: str) -> ReaderLink:
        return reader_link(url, self.link_state(url))

    def edit_url(self, line: int) -> str:
        """The catalogue's line on the repository, where a maintainer fixes what a page shows; or ''."""
        if not self.catalogue_web_url:
            return ""
        return f"{self.catalogue_web_url}#L{line}" if line else self.catalogue_web_url
