"""`python -m infobox pages OUT` and `python -m infobox build-zensical`: the generated files as files, and the
Zensical build's refusals (an invalid catalogue, a broken internal link) with Dutch lines and the site untouched."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from infobox.catalogue.loader import load_catalogue
from infobox.site.card_slots import SLOT
from infobox.site.context import SiteContext
from infobox.site.generate import generated_files
from infobox.site.page_addresses import url_path
from tests.support.sitebuild import FIXTURE, REPO, build_site, plain_project


def run(*args: str, catalogue: Path, cwd: Path = REPO) -> subprocess.CompletedProcess:
    env = {**os.environ, "INFOBOX_CATALOGUE": str(catalogue), "INFOBOX_LINK_STATUS": str(catalogue.parent / "x.json")}
    return subprocess.run(
        [sys.executable, "-m", "infobox", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def broken_copy(tmp_path: Path) -> Path:
    path = tmp_path / "kapot.yaml"
    path.write_text(FIXTURE.read_text(encoding="utf-8").replace("type: toolkit", "type: folder"), encoding="utf-8")
    return path


def test_pages_writes_every_generated_file(tmp_path, real_site):
    out = tmp_path / "gegenereerd"
    done = run("pages", str(out), catalogue=FIXTURE)
    assert done.returncode == 0, done.stderr
    expected = generated_files(SiteContext(catalogue=load_catalogue(FIXTURE)))
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert written == set(expected)
    assert {"index.md", "kwaliteitsstandaarden/3/index.md", "catalogue.json", "catalogue.csv"} <= written
    assert "catalogue.xlsx" in written
    assert f"{out}: {len(expected)} bestanden geschreven" in done.stdout
    # The same data as the MkDocs build publishes (here for the real catalogue): one generator for both.
    real = tmp_path / "echt"
    assert run("pages", str(real), catalogue=REPO / "data" / "resources.yaml").returncode == 0
    for data in ("catalogue.json", "search/index.json"):
        assert json.loads((real / data).read_text(encoding="utf-8")) == json.loads(
            (real_site / data).read_text(encoding="utf-8")
        ), data
    # Two builds in two processes (each with its own hash seed): the very same workbook, byte for byte.
    assert (real / "catalogue.xlsx").read_bytes() == (real_site / "catalogue.xlsx").read_bytes()


def content(page: Path) -> str:
    """A built page's own part: from Material's content article to the end of <main> (the header, navigation and
    footer are the theme's, partly from settings only the hooks give it)."""
    html = page.read_text(encoding="utf-8")
    return html[html.index('<article class="md-content__inner') : html.index("</main>")]


@pytest.mark.server  # a plain `mkdocs build` in a child process
def test_the_build_renders_every_generated_page_as_mkdocs_renders_it_from_a_file(
    tmp_path, fixture_site, hostile_catalogue, status_file
):
    # The hooks hand Markdown each generated page with its cards set aside and put them back into the HTML
    # (card_slots): the pages must be those plain MkDocs makes of the very same Markdown written as files.
    env = {**os.environ, "INFOBOX_CATALOGUE": str(hostile_catalogue), "INFOBOX_LINK_STATUS": str(status_file)}
    config = plain_project(env, tmp_path / "plain")
    site = tmp_path / "plain-site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        cwd=REPO,
        env={**env, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    context = SiteContext(catalogue=load_catalogue(hostile_catalogue))
    generated = [src_uri for src_uri in generated_files(context) if src_uri.endswith(".md")]
    with_cards = []
    for src_uri in generated:
        built, plain = fixture_site / url_path(src_uri) / "index.html", site / url_path(src_uri) / "index.html"
        assert content(built) == content(plain), src_uri
        assert not SLOT.search(built.read_text(encoding="utf-8")), src_uri
        if '<article class="ib-card"' in content(built):
            with_cards.append(src_uri)
    assert {"hulpmiddelen/index.md", "afdrukken/index.md", "kwaliteitsstandaarden/3/index.md"} <= set(with_cards)


def test_a_dirty_build_keeps_the_unchanged_pages_in_search(tmp_path, fixture_site, hostile_catalogue, status_file):
    # The MkDocs build indexes the HTML it renders; `--dirty` renders only changed pages (here none of docs/),
    # and the search data must still hold every page, as the full build's does.
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)  # newer than every file of docs/: MkDocs takes them as unchanged
    (site / "search" / "index.json").unlink()
    build_site(site, hostile_catalogue, status_file, dirty=True)
    assert json.loads((site / "search" / "index.json").read_text(encoding="utf-8")) == json.loads(
        (fixture_site / "search" / "index.json").read_text(encoding="utf-8")
    )


def test_pages_refuses_an_invalid_catalogue_in_dutch(tmp_path):
    out = tmp_path / "gegenereerd"
    done = run("pages", str(out), catalogue=broken_copy(tmp_path))
    assert done.returncode == 1
    assert "type" in done.stderr and "er is niets geschreven." in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_zensical_build_refuses_an_invalid_catalogue_and_keeps_the_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("vorige build", encoding="utf-8")
    done = run("build-zensical", "--site-dir", str(site), catalogue=broken_copy(tmp_path))
    assert done.returncode == 1
    assert "er is niets geschreven." in done.stderr and "Traceback" not in done.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "vorige build"


@pytest.mark.server  # a whole Zensical build
def test_zensical_build_fails_on_a_broken_internal_link(tmp_path):
    # A hand-written page outside a folder of its own with a page-relative link in raw HTML: fine for
    # MkDocs, broken by Zensical (which resolves it against the source file). The build must say so.
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    (docs / "kapot.md").write_text('# Kapot\n\n<a href="../hulpmiddelen/">Alle hulpmiddelen</a>\n', encoding="utf-8")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("docs_dir: docs", f"docs_dir: {docs}").replace(
        "custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}"
    )
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = tmp_path / "site"
    done = run("build-zensical", "--site-dir", str(site), catalogue=REPO / "data" / "resources.yaml", cwd=tmp_path)
    assert done.returncode == 1, done.stdout
    assert "1 interne link werkt niet:\nkapot/index.html: ../../hulpmiddelen/: buiten de site" in done.stderr
    assert "Traceback" not in done.stderr
    assert not site.exists()
