"""The theme markup no template override can reach, corrected in every built page of both generators.

Both themes write, in `base.html` outside any template block (so an override would mean copying the
whole page skeleton of each theme), markup the Nu Html Checker rejects (measured):
- `autocomplete="off"` on the `#__drawer` and `#__search` checkboxes (Material 9.8.1, Zensical 0.0.73):
  not allowed on checkboxes (the themes use it to stop Firefox restoring an open drawer on "back"; a
  closed drawer after "back" is harmless);
- `aria-hidden="true"` on the overlay `<label for="__drawer">` (Zensical 0.0.73): not allowed on a label
  of a form control.
(Material's own search dialog, which lacked an accessible name, is gone: the site's search has its own
partial, overrides/partials/search.html.)

Everything else the checkers asked for is a template override in overrides/, page front matter or CSS
(docs/stylesheets/a11y.css), which both generators use. MkDocs applies this through `hooks/a11y.py`,
the Zensical build (`zensical_adapter`) to its output. Each fix matches the theme's exact markup; if a
theme update changes it, the checker tests say so.
"""

from __future__ import annotations

import re
from pathlib import Path

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_HIDDEN_OVERLAY_LABEL = '<label class="md-overlay" for="__drawer" aria-hidden="true">'


def fix_theme_html(html: str) -> str:
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    return html.replace(_HIDDEN_OVERLAY_LABEL, '<label class="md-overlay" for="__drawer">')


def fix_built_site(site: Path) -> None:
    """Apply `fix_theme_html` to every HTML page of a built site (for generators without page hooks)."""
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        fixed = fix_theme_html(html)
        if fixed != html:
            path.write_text(fixed, encoding="utf-8")
