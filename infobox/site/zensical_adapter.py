"""The Zensical build: the same site as MkDocs builds, from the same mkdocs.yml, with the generated files
written as files first.

Zensical reads mkdocs.yml but runs no `hooks:` (and skips plugins it does not implement), so:
1. the catalogue is validated and the pages made exactly as for MkDocs (`generate.site_context`,
   `generate.generated_files`); an invalid catalogue stops here and leaves the site folder untouched;
2. docs/ and the generated files go into one temporary docs folder (nothing generated is committed);
3. a small config INHERITs mkdocs.yml, points `docs_dir` there and `custom_dir` at overrides/, chooses the
   `classic` variant (Material's look, so our stylesheets fit) and sets the `config.extra` values the MkDocs
   hook sets (footer date, contact address);
4. `zensical build --strict` runs as a child process (its Rust core prints its own messages);
5. every internal link and anchor of the result is checked (`internal_links`): Zensical does not check
   links in raw HTML. Only a build that passes replaces the site folder, with Zensical's output unchanged
   (theme fixes are template overrides: overrides/skeleton/).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from infobox.site.config_file import read_config
from infobox.site.generate import (
    generated_files,
    hand_written_pages,
    settings,
    site_context,
    theme_extra,
    write_files,
)
from infobox.site.internal_links import broken_links

VARIANT = "classic"  # Zensical's Material look; "modern" (its default) restyles what our CSS relies on
SHOWN_BROKEN_LINKS = 40
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class ZensicalBuildError(Exception):
    """The Zensical build failed; the message is Dutch and says why."""


def build(config_file: Path, site_dir: Path) -> float:
    """Build the site with Zensical into `site_dir`; return Zensical's own build time in seconds.

    Raises CatalogueError / SiteInputError (bad inputs) or ZensicalBuildError.
    """
    config_file = config_file.resolve()
    root = config_file.parent
    config = read_config(config_file)
    site_url = config.get("site_url") or ""
    ctx = site_context(settings(config.get("extra"), root), site_url)
    docs_dir = root / (config.get("docs_dir") or "docs")
    custom_dir = (config.get("theme") or {}).get("custom_dir")

    with tempfile.TemporaryDirectory(prefix="infobox-zensical-") as tmp:
        work = Path(tmp)
        docs = work / "docs"
        shutil.copytree(docs_dir, docs)
        files = generated_files(ctx, hand_written_pages(docs_dir))
        clashes = sorted(src for src in files if (docs / src).exists())
        if clashes:
            raise ZensicalBuildError(
                f"{docs_dir.name}/{clashes[0]} bestaat al, maar deze pagina wordt gegenereerd; verwijder het bestand"
            )
        write_files(files, docs)
        overlay = {
            "INHERIT": str(config_file),
            "docs_dir": "docs",
            "site_dir": "site",
            "theme": {"variant": VARIANT, **({"custom_dir": str(root / custom_dir)} if custom_dir else {})},
            "extra": theme_extra(ctx),
        }
        work_config = work / "zensical.yml"
        work_config.write_text(json.dumps(overlay, ensure_ascii=False, indent=2), encoding="utf-8")  # JSON is YAML
        seconds = _run_zensical(work_config)
        built = work / "site"
        broken = broken_links(built, urlsplit(site_url).path or "/")
        if broken:
            listed = "\n".join(str(link) for link in broken[:SHOWN_BROKEN_LINKS])
            more = f"\n… en nog {len(broken) - SHOWN_BROKEN_LINKS}" if len(broken) > SHOWN_BROKEN_LINKS else ""
            count = "1 interne link werkt" if len(broken) == 1 else f"{len(broken)} interne links werken"
            raise ZensicalBuildError(f"{count} niet:\n{listed}{more}")
        if site_dir.exists():
            shutil.rmtree(site_dir)
        shutil.move(built, site_dir)
    return seconds


def _run_zensical(work_config: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", "--clean", "-f", str(work_config)],
        cwd=work_config.parent,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise ZensicalBuildError(
            f"zensical build is mislukt (exitcode {done.returncode}):\n{_messages(done.stdout + done.stderr)}"
        )
    return seconds


def _messages(output: str) -> str:
    """Zensical's own report of the problems (which page, which line), without colours or the traceback
    its `--strict` ends with."""
    text = _ANSI.sub("", output)
    text = text.split("Traceback (most recent call last):", 1)[0]
    return "\n".join(text.strip().splitlines()[-60:])
