"""Helpers for the site tests: build the real mkdocs.yml against any catalogue, and read built HTML."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.support.paths import REPO, SITE_FIXTURES

FIXTURE = SITE_FIXTURES / "resources.yaml"
REPORTED_URL = "https://www.augeo.nl/kindcheck/cursus"
REAL_SITE = "real-site"  # `once_per_run` name of build_real_site's site, shared by the site and browser tests
# One page of every kind the site generates or ships (the built-page and browser checks go through them all).
PAGE_TYPES = [
    "/",  # home
    "/kwaliteitsstandaarden/",  # overview of the ten standards
    "/kwaliteitsstandaarden/3/",  # a standard with sub-items
    "/kwaliteitsstandaarden/9/",  # a standard without sub-items
    "/hulpmiddelen/",  # A-Z overview with filters
    "/hulpmiddelen/toolkit-meldcode/",  # one resource's own page
    "/nieuw/",  # what is new: additions and removals
    "/organisaties/",  # resources per organisation
    "/themas/",  # the themes overview
    "/themas/kindermishandeling/",  # one theme's resources per standard
    "/selectie/",  # Mijn selectie (empty in a fresh browser)
    "/achtergrond/gefaseerde-ketenzorg/",
    "/achtergrond/mda-bouwstenen/",
    "/achtergrond/samenwerkingsafspraken/",  # analysis with its chart
    "/linkstatus/",
    "/afdrukken/",  # the whole Infobox on one printable page
    "/open-data/",
    "/over/",
    "/privacy/",
    "/toegankelijkheid/",
    "/zelfscan/",
    "/404.html",
]


def build_site(site_dir: Path, catalogue: Path, status: Path | None, *, dirty: bool = False, **settings: str) -> Path:
    """Build the real configuration against another catalogue/status file (via the !ENV settings);
    `settings` sets other !ENV settings of mkdocs.yml, e.g. INFOBOX_REPO_URL="https://…". `dirty` renders
    only the pages changed since the build already in `site_dir` (`mkdocs serve --dirty`)."""
    env = {"INFOBOX_CATALOGUE": str(catalogue), "INFOBOX_LINK_STATUS": str(status or site_dir / "none.json")}
    env.update(settings)
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    cwd = os.getcwd()
    try:
        os.chdir(REPO)
        # MkDocs warns on every dirty build, which strict mode would turn into a failure.
        config = load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site_dir), strict=not dirty)
        build(config, dirty=dirty)
    finally:
        os.chdir(cwd)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return site_dir


def build_real_site(site_dir: Path) -> Path:
    """The repository's catalogue as the site shows it before any link check (no link-status file)."""
    return build_site(site_dir, REPO / "data" / "resources.yaml", None)


def plain_project(env: dict[str, str], root: Path) -> Path:
    """The same site for plain MkDocs (the build-time benchmark's yardstick): docs/ plus the pages
    `python -m infobox pages` writes (for the catalogue and link status in `env`), and mkdocs.yml without its
    hooks. Returns the mkdocs.yml to build."""
    docs = root / "docs"
    shutil.copytree(REPO / "docs", docs)
    subprocess.run(
        [sys.executable, "-m", "infobox", "pages", str(docs)], cwd=REPO, env=env, check=True, capture_output=True
    )
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^hooks:\n(?:  - .*\n)+", "", config)
    config = config.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    config = re.sub(r"(?m)^watch:\n(?:  - .*\n)+", "", config)
    assert "\nhooks:" not in config, "plain MkDocs must run none of our hooks"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root / "mkdocs.yml"


class Elements(HTMLParser):
    """Every start tag of a page with its attributes, and the text inside each <a>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.link_texts: list[str] = []
        self._in_a = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag == "a":
            self._in_a = True
            self.link_texts.append("")

    def handle_endtag(self, tag):
        if tag == "a":
            self._in_a = False

    def handle_data(self, data):
        if self._in_a:
            self.link_texts[-1] += data


def elements(page: Path) -> Elements:
    parser = Elements()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def ids(page: Path) -> set[str]:
    return {attrs["id"] for _, attrs in elements(page).tags if "id" in attrs}


def page_of(site: Path, url_path: str) -> Path:
    """'/kwaliteitsstandaarden/3/' -> site/kwaliteitsstandaarden/3/index.html"""
    return site / url_path.strip("/") / "index.html" if url_path.strip("/") else site / "index.html"
