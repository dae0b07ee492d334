"""The theme templates the site overrides are the installed themes' own, but for the marked changes: a theme
update that changes one of them fails here instead of being silently shadowed by an old copy. And the
theme's HTML reaches the built site as the templates render it: no step rewrites built pages."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import material
import pytest
import zensical

from infobox.site import zensical_adapter
from infobox.site.config_file import read_config
from tests.support.sitebuild import FIXTURE, REPO

OVERRIDES = REPO / "overrides"
THEMES = {
    "material": Path(material.__file__).parent / "templates",
    "zensical": Path(zensical.__file__).parent / "templates",
}
# The attributes each skeleton leaves out of the theme's base.html: (theme's markup, the skeleton's markup).
AUTOCOMPLETE = [
    (f'type="checkbox" id="{toggle}" autocomplete="off">', f'type="checkbox" id="{toggle}">')
    for toggle in ("__drawer", "__search")
]
LEFT_OUT = {
    "material": AUTOCOMPLETE,
    "zensical": [
        *AUTOCOMPLETE,
        ('<label class="md-overlay" for="__drawer" aria-hidden="true">', '<label class="md-overlay" for="__drawer">'),
    ],
}
# overrides/partials/header.html: Material's header, drawing the site's search whatever the search plugin, and
# the "Mijn selectie" link.
HEADER_SEARCH = re.compile(r'\n    {% if "material/search" in config\.plugins %}\n.*?\n    {% endif %}\n', re.S)
OUR_HEADER_SEARCH = (
    "\n    {#- infobox: the site's own search, whatever the theme's search plugin (switched off in mkdocs.yml). -#}"
    '\n    {% include "partials/search.html" %}\n'
    # and the "Mijn selectie" link with its count (issue 34.7)
    '    {#- infobox: "Mijn selectie" with how many are chosen (javascripts/selectie.js writes the count; the badge\n'
    "        keeps its width, so nothing moves when it is written). -#}\n"
    '    <a class="ib-header-selectie" href="{{ \'selectie/\' | url }}">Selectie<span class="ib-header-selectie__count"'
    ' data-selectie-count aria-hidden="true"></span><span class="ib-visually-hidden"></span></a>\n'
)
LEADING_COMMENT = re.compile(r"\A{#-.*?-#}\n", re.S)


def without_leading_comment(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    assert LEADING_COMMENT.match(text), f"{path}: no leading {{#- … -#}} comment"
    return LEADING_COMMENT.sub("", text, count=1)


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_skeleton_is_the_installed_themes_base_html_without_the_rejected_attributes(theme):
    installed = without_leading_comment(THEMES[theme] / "base.html")
    expected = installed
    for theirs, ours in LEFT_OUT[theme]:
        assert installed.count(theirs) == 1, f"{theme}'s base.html no longer writes {theirs!r}: drop that change"
        expected = expected.replace(theirs, ours)
    assert without_leading_comment(OVERRIDES / "skeleton" / f"{theme}.html") == expected, (
        f"{theme}'s base.html changed: copy it to overrides/skeleton/{theme}.html and leave out the attributes again"
    )


def test_header_is_materials_with_the_sites_own_search():
    installed = without_leading_comment(THEMES["material"] / "partials" / "header.html")
    assert len(HEADER_SEARCH.findall(installed)) == 1, "Material's header draws its search differently now"
    assert without_leading_comment(OVERRIDES / "partials" / "header.html") == HEADER_SEARCH.sub(
        lambda _: OUR_HEADER_SEARCH, installed
    )


def test_no_mkdocs_hook_rewrites_rendered_pages():
    hooks = read_config(REPO / "mkdocs.yml")["hooks"]
    assert hooks, "mkdocs.yml lists no hooks: the check below would prove nothing"
    for hook in hooks:
        spec = importlib.util.spec_from_file_location(f"hook_{Path(hook).stem}", REPO / hook)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        rewriting = [event for event in ("on_post_page", "on_post_template", "on_post_build") if hasattr(module, event)]
        assert not rewriting, f"{hook} changes built output ({rewriting}): make it a template override"


def test_zensical_build_publishes_zensicals_output_unchanged(tmp_path, monkeypatch):
    # Zensical itself is replaced by a stand-in writing markup the checker rejects; the build must move it
    # into the site folder byte for byte (it only checks the internal links).
    page = '<!doctype html><html lang="nl"><title>x</title><input type="checkbox" id="__drawer" autocomplete="off">'

    def stand_in(work_config: Path) -> float:
        (work_config.parent / "site").mkdir()
        (work_config.parent / "site" / "index.html").write_text(page, encoding="utf-8")
        return 0.0

    monkeypatch.setattr(zensical_adapter, "_run_zensical", stand_in)
    monkeypatch.setenv("INFOBOX_CATALOGUE", str(FIXTURE))
    monkeypatch.setenv("INFOBOX_LINK_STATUS", str(tmp_path / "none.json"))
    zensical_adapter.build(REPO / "mkdocs.yml", tmp_path / "site")
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["index.html"]
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == page
