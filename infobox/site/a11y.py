"""Small corrections to the theme's HTML so every page passes the Nu Html Checker and axe.

Material 9.8.1 writes three things the checkers reject (measured; see ARCHITECTURE.md, "Measured facts"):
- `autocomplete="off"` on the `#__drawer` and `#__search` checkboxes: not allowed on checkboxes (Material
  uses it to stop Firefox restoring an open drawer on "back"; a closed drawer after "back" is harmless);
- `tabindex=""` on section labels with `navigation.sections`: an empty tabindex is invalid HTML and
  means the same as none;
- the search `role="dialog"` has no accessible name;
- on a page outside the navigation (/beheer/) the table of contents' title is a `<label for="__toc">`
  although the `#__toc` toggle only exists for pages in the navigation.
Each fix matches the theme's exact markup; if a theme update changes it, the checker tests say so.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_DIALOG_LABEL = "Zoeken in de infobox"
_TOC_TITLE = '<label class="md-nav__title" for="__toc">'


def fix_theme_html(html: str) -> str:
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = html.replace(_TOC_TITLE, '<label class="md-nav__title">')
    return html.replace(
        _SEARCH_DIALOG,
        f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{SEARCH_DIALOG_LABEL}">',
    )
