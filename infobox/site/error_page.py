"""While `mkdocs serve` runs, an invalid catalogue gives a Dutch error page instead of a stuck browser.

MkDocs' live-reload server holds every request while a rebuild fails ("The server will appear stuck
until build errors are resolved"), and the maintainer sees the problem only in the terminal. So under
`serve` the build goes on with every page replaced by one page listing the problems; the reload script
MkDocs injects into it brings back the real page after the next good save. `mkdocs build` still fails.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from infobox.errors import Problem
from infobox.site.render import environment


def error_page(catalogue_path: str, problems: Iterable[Problem]) -> str:
    template = environment().get_template("catalogue_errors.md.j2")
    return template.render(catalogue_path=catalogue_path, problems=list(problems))


def nav_sources(nav: Any) -> Iterator[str]:
    """Every Markdown source named in mkdocs.yml's `nav`, including the generated ones."""
    if isinstance(nav, str):
        if nav.endswith(".md"):
            yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_sources(value)
    elif isinstance(nav, list):
        for value in nav:
            yield from nav_sources(value)
