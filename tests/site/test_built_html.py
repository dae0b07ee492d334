"""The built pages as files, on both builds: every page type is there, the theme's page skeleton writes no
markup the Nu Html Checker rejects, every page is valid HTML (the checker itself, vnu.jar from npm), and no
page gives keyboard advice for printing. The same pages in Chromium: tests/browser/test_quality.py."""

from __future__ import annotations

import json
import subprocess
from html.parser import HTMLParser

import pytest

from tests.support.generators import on_both_builds
from tests.support.paths import REPO
from tests.support.sitebuild import PAGE_TYPES

VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# One short run: the quick JIT tier only (measured: 6 s instead of 14 s of CPU for a whole build); the checker
# needs a larger thread stack than that tier's default.
JAVA_FLAGS = ["-XX:TieredStopAtLevel=1", "-Xss4m"]


@on_both_builds
def test_every_page_type_is_built(built_site):
    # Guards the lists of page types the checks go through: a page type that is not built would make them
    # meaningless.
    missing = [
        path
        for path in PAGE_TYPES
        if not (built_site / path.lstrip("/")).is_file()
        and not (built_site / path.lstrip("/") / "index.html").is_file()
    ]
    assert not missing


class RejectedThemeMarkup(HTMLParser):
    """The markup both themes' base.html writes and overrides/skeleton/ leaves out: `autocomplete` on a
    checkbox, `aria-hidden` on a label (the Nu Html Checker rejects both)."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.toggles = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "input" and values.get("type") == "checkbox":
            self.toggles += values.get("id") == "__drawer"
            if "autocomplete" in values:
                self.found.append(f"<input id={values.get('id')!r} autocomplete=…>")
        if tag == "label" and "aria-hidden" in values:
            self.found.append(f"<label for={values.get('for')!r} aria-hidden=…>")


@on_both_builds
def test_theme_skeleton_writes_no_rejected_markup(built_site):
    # The skeleton in overrides/ renders valid markup; nothing corrects built pages afterwards.
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= len(PAGE_TYPES)
    for path in pages:
        markup = RejectedThemeMarkup()
        markup.feed(path.read_text(encoding="utf-8"))
        assert markup.toggles == 1, f"{path.relative_to(built_site)}: not the theme's page skeleton"
        assert not markup.found, f"{path.relative_to(built_site)}: {markup.found}"


@pytest.mark.server  # Java, some 10 s of CPU
def test_both_builds_are_valid_html(mkdocs_site, zensical_site):
    # One checker run for both builds: Java's start and warm-up are most of its time.
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR} is missing: run `npm ci` in {REPO}")
    sites = {"mkdocs": mkdocs_site, "zensical": zensical_site}
    pages = {name: sorted(str(path) for path in site.rglob("*.html")) for name, site in sites.items()}
    assert all(len(found) >= len(PAGE_TYPES) for found in pages.values()), {k: len(v) for k, v in pages.items()}
    result = subprocess.run(
        ["java", *JAVA_FLAGS, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *sum(pages.values(), [])],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = []
    for m in messages:
        if m.get("type") == "error" or m.get("subType") == "fatal":
            url = m.get("url", "")
            where = next(
                (f"{name}:{url.rsplit(str(site), 1)[-1]}" for name, site in sites.items() if str(site) in url), url
            )
            errors.append(f"{where}:{m.get('lastLine', '?')}: {m['message']}")
    assert not errors, "\n".join(errors[:40])
    assert result.returncode == 0


def test_no_page_gives_keyboard_advice_for_printing(built_site):
    advice = [
        str(path.relative_to(built_site))
        for path in built_site.rglob("*.html")
        if "Ctrl+P" in path.read_text(encoding="utf-8")
    ]
    assert not advice
