"""The Jinja2 environment for page templates: autoescaping always on, plus a Markdown-safe filter.

Generated pages are Markdown with raw HTML blocks. Catalogue text placed in HTML is escaped by Jinja;
catalogue text placed in Markdown (headings, paragraphs) also needs Markdown's own syntax neutralised,
or a description such as "[x](javascript:...)" would become a link.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import pickle
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

from infobox import CONTACT_EMAIL
from infobox.catalogue.file_types import extra_hint
from infobox.link_results.status import LABELS, LinkStatus
from infobox.markdown_escape import PYTHON_MARKDOWN, escape_markdown
from infobox.site.dutch import long_date, month_year, number_word


def markdown_text(value: object) -> Markup:
    """Plain text made inert in a Markdown context: one line, Markdown syntax escaped, HTML escaped."""
    return Markup(escape(escape_markdown(str(value), PYTHON_MARKDOWN)))


def nav_title(value: object) -> Markup:
    """A front-matter title: MkDocs themes print page titles unescaped, so escape here, then quote
    as JSON (valid YAML) so no character can break the front matter."""
    return Markup(json.dumps(str(escape(str(value))), ensure_ascii=False))


def slug(value: object) -> str:
    """'Rijksoverheid' -> 'rijksoverheid', 'Veilig Thuis (VT)' -> 'veilig-thuis-vt': stable ASCII ids."""
    ascii_text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def safe_href(url: str) -> str:
    """Refuse anything but http, https and mailto: defence in depth behind the loader's own check."""
    if urlsplit(url).scheme not in ("http", "https", "mailto"):
        raise ValueError(f"refusing to link to {url!r}: only http, https and mailto links are allowed")
    return url


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's own cache of compiled templates, which is never a reason for a build to fail.

    Compiling the page templates is a large share of what the catalogue adds to a build; with the cache a
    build compiles only templates whose source changed since (Jinja keys each entry by the template's
    checksum). An unreadable, unwritable or damaged cache only means compiling again.
    """

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):  # unreadable or cut short
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        # Written aside and renamed into place (never half a file); in a read-only folder, not at all.
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def template_cache() -> TemplateCache | None:
    """The cache in INFOBOX_TEMPLATE_CACHE, else Jinja's default: a folder of the user's own in the system's
    temporary folder, which Jinja checks nobody else may write (compiled code is run from it). None (no
    cache) when that folder cannot be had; INFOBOX_TEMPLATE_CACHE="" turns the cache off."""
    folder = os.environ.get("INFOBOX_TEMPLATE_CACHE")
    if folder == "":
        return None
    try:
        if folder is None:
            return TemplateCache()
        Path(folder).mkdir(mode=0o700, parents=True, exist_ok=True)
        return TemplateCache(folder)
    except (OSError, RuntimeError):  # Jinja raises RuntimeError for a folder another user could change
        return None


@functools.cache
def environment() -> Environment:
    """One per process: under `mkdocs serve` a rebuild compiles only the templates that changed (Jinja checks
    their modification times), not all of them again; a new process reads them from `template_cache()`."""
    env = Environment(
        loader=PackageLoader("infobox.site", "templates"),
        bytecode_cache=template_cache(),
        autoescape=True,  # every template, whatever its extension (.md.j2 and .html.j2 alike)
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown's attr_list writes "{#anchor}", which Jinja's default "{#" would take for a comment.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(
        md=markdown_text,
        nav_title=nav_title,
        slug=slug,
        file_hint=extra_hint,
        href=safe_href,
        long_date=long_date,
        month_year=month_year,
        number_word=number_word,
    )
    # Names every template shares, defined once in the package.
    env.globals.update(contact_email=CONTACT_EMAIL, statuses=tuple(LinkStatus), status_labels=LABELS)
    return env
