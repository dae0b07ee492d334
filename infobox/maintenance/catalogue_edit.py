"""Machine edits of the catalogue file: text in, text out, written only when the result validates.

The commands that edit the catalogue (`apply-moves`, `propose`) never re-dump YAML: they change or insert
lines in the maintainers' own text, so comments, quoting, order and folding stay as written. This module
is their one way to write: the new text is validated by the loader itself and replaces the file in one
rename, so an invalid result leaves the catalogue untouched.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from pathlib import Path

from infobox.catalogue.loader import load_catalogue
from infobox.catalogue.model import Catalogue
from infobox.errors import CatalogueError, Problem

MAX_CATALOGUE_BYTES = 64 * 1024 * 1024  # far above any real catalogue; bounds the work of one edit


class EditError(Exception):
    """The edit cannot be made; `problems` say why, in Dutch."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def read_text(path: Path) -> str:
    """The catalogue's text exactly as stored (newlines untouched), or EditError."""
    try:
        if path.stat().st_size > MAX_CATALOGUE_BYTES:
            raise EditError([Problem(str(path), 0, "bestand", "is te groot om automatisch te bewerken")])
        return path.read_bytes().decode("utf-8")
    except OSError as error:
        raise EditError([Problem(str(path), 0, "bestand", f"kan niet worden gelezen ({error.strerror})")]) from None
    except UnicodeDecodeError:
        raise EditError([Problem(str(path), 0, "bestand", "is geen UTF-8-tekst")]) from None


def write_validated(path: Path, text: str) -> Catalogue:
    """Replace the catalogue at `path` by `text` when it validates; otherwise raise CatalogueError (naming
    `path`, not the scratch file) and leave the file untouched."""
    fd, scratch = tempfile.mkstemp(prefix=".infobox-", suffix=".yaml", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
        try:
            catalogue = load_catalogue(scratch)
        except CatalogueError as error:
            raise CatalogueError([dataclasses.replace(p, file=str(path)) for p in error.problems]) from None
        os.chmod(scratch, path.stat().st_mode & 0o777)
        os.replace(scratch, path)
    finally:
        Path(scratch).unlink(missing_ok=True)
    return dataclasses.replace(catalogue, path=str(path))
