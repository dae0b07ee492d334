"""Machine edits of the catalogue file: text in, text out, written only when the result validates.

The commands that edit the catalogue (`apply-moves`, `propose`) never re-dump YAML: they change or insert
lines in the maintainers' own text, so comments, quoting, order, folding and line endings stay as written.
This module is their way to read and to write: the file is read and parsed once, as the loader reads it (the
text to edit and the validated model from one parse), and the edited text is parsed once, checked by the
command, validated by the loader itself and put in place as the file was: a symlink stays a symlink (its
target is replaced), the mode stays, and the new text is written beside the target, flushed to disk and
renamed over it, so an invalid result or a crash leaves the catalogue as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from infobox.catalogue.loader import validated_catalogue
from infobox.catalogue.model import Catalogue
from infobox.catalogue.yaml_source import YamlDocument, decode_yaml, read_yaml
from infobox.errors import Problem

MAX_CATALOGUE_BYTES = 64 * 1024 * 1024  # far above any real catalogue; bounds the work of one edit


class EditError(Exception):
    """The edit cannot be made; `problems` say why, in Dutch."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def read_catalogue(path: Path) -> tuple[YamlDocument, Catalogue]:
    """The catalogue file as written (text, data and lines) and as the validated model, from one read and one
    parse; CatalogueError, as `load_catalogue`, when it is invalid."""
    doc = read_yaml(path)
    return doc, validated_catalogue(doc)


def edited_document(path: Path, text: str) -> YamlDocument:
    """The edited text as the loader will read it from `path`; EditError when it grew too large to edit."""
    raw = text.encode("utf-8")
    if len(raw) > MAX_CATALOGUE_BYTES:
        raise EditError([Problem(str(path), 0, "bestand", "wordt te groot")])
    return decode_yaml(raw, str(path))


class CatalogueNotWritable(EditError):
    """The catalogue's folder or file cannot be written: the command cannot run (nothing changed)."""


def write_validated(path: Path, edited: YamlDocument) -> Catalogue:
    """Replace the catalogue at `path` by the edited text (`edited_document`) when it validates; otherwise
    raise CatalogueError (naming `path`) and leave the file untouched. CatalogueNotWritable when it cannot be
    written."""
    catalogue = validated_catalogue(edited)
    target = Path(os.path.realpath(path))  # the file itself: a symlink to it stays a symlink
    try:
        replace_file(target, edited.text.encode("utf-8"))
    except OSError as error:
        where = f"{path} (naar {target})" if target != path.absolute() else str(path)
        raise CatalogueNotWritable(
            [Problem(where, 0, "bestand", f"kan niet worden geschreven ({error.strerror or error})")]
        ) from None
    return catalogue


def replace_file(target: Path, content: bytes) -> None:
    """Put `content` in place of the file `target` at once: a temporary file in the same folder with the
    target's mode, flushed to disk, renamed over it, and the folder flushed so the rename survives a crash."""
    mode = stat.S_IMODE(target.stat().st_mode)
    fd, scratch = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(scratch, mode)
        os.replace(scratch, target)
    finally:
        Path(scratch).unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # the file is in place; a folder some systems cannot flush is no failure
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
