"""Read a YAML file into plain data plus the line of every node, rejecting what PyYAML lets slip.

PyYAML silently keeps the last of two equal keys and turns `2021-01-25` into a date object; maintainers
need the first reported and the second kept as text (the schema checks it). So the containers are built
here from libyaml's parse events, scalars by PyYAML's own resolver and constructors, recording the line
of every node as we go. (PyYAML's composer would first hold the whole node tree, two marks per node, in
memory: many times the data.)

Every input is bounded before it can cost much: the file's size (MAX_FILE_BYTES) is checked before it is
read, nesting deeper than MAX_DEPTH stops the parse, and anchors and aliases (`&naam`, `*naam`) are refused
when the parser meets the first one: the catalogue needs none, and ~700 bytes of nested aliases ("billion
laughs") would stand for 10⁹ values to every check that walks the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from infobox.catalogue.places import Path_, describe, dotted, resource_at_line
from infobox.catalogue.tips import Fix
from infobox.catalogue.yaml_messages import explain
from infobox.errors import Problem, quote, shorten

__all__ = ["Path_", "YamlDocument", "decode_yaml", "dotted", "parse_yaml", "read_yaml"]

MAX_FILE_BYTES = 16 * 1024 * 1024  # 16 MB: over 200 times today's catalogue (75 KB)
MAX_DEPTH = 32  # nested blocks and lists; the catalogue has 5 levels
# The only kinds of value the catalogue holds (YAML finds them itself, or after !!str, !!int, ...), in Dutch.
SCALAR_TYPES = {
    f"tag:yaml.org,2002:{name}": dutch
    for name, dutch in (
        ("str", "tekst"),
        ("int", "geheel getal dat Python kan lezen (hoogstens 4.300 cijfers)"),
        ("float", "getal"),
        ("bool", "ja/nee-waarde (true of false)"),
        ("null", "lege waarde"),
    )
}

# libyaml's parser when PyYAML was built with it (the wheels are), faster than the pure-Python one.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextDatesLoader(_BaseLoader):
    """SafeLoader that leaves timestamps as strings, so dates are validated as text by the schema."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlDocument:
    file: str
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    root_line: int = 1
    text: str = ""  # the file as written: some mistakes are told from the lines, not the data
    fixes: list[Fix] = field(default_factory=list)  # candidate edits for a YAML error's tip, checked by the loader
    complete: bool = False  # parsed to the end: `data` is the whole file (a duplicate key does not stop it)
    # id(container) -> (container, {key or index: line of its value}); the container is kept so its
    # id stays valid for the document's lifetime.
    _lines: dict[int, tuple[Any, dict[Any, int]]] = field(default_factory=dict, repr=False)

    def line(self, path: Path_) -> int:
        """Line of the node at `path`, or of its nearest existing parent."""
        node, line = self.data, self.root_line
        for part in path:
            entry = self._lines.get(id(node))
            if entry is None or part not in entry[1]:
                break
            line = entry[1][part]
            node = node[part]
        return line


def read_yaml(path: str | Path) -> YamlDocument:
    try:
        with Path(path).open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        doc = YamlDocument(file=str(path))
        doc.problems.append(Problem(doc.file, 0, "bestand", f"kan niet worden gelezen ({exc.strerror})"))
        return doc
    return decode_yaml(raw, str(path))


def decode_yaml(raw: bytes, file: str) -> YamlDocument:
    """The document in `raw`, the bytes of a file named `file`, bounded and decoded as `read_yaml` reads one."""
    doc = YamlDocument(file=file)
    if len(raw) > MAX_FILE_BYTES:
        limit = f"{MAX_FILE_BYTES // (1024 * 1024)} MB"
        doc.problems.append(Problem(doc.file, 1, "bestand", f"is groter dan {limit}, de grens voor dit bestand"))
        return doc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        doc.problems.append(Problem(doc.file, line, "bestand", "is geen UTF-8-tekst; sla het bestand op als UTF-8"))
        return doc
    return parse_yaml(text, doc.file)


def parse_yaml(text: str, file: str) -> YamlDocument:
    """The document in `text`, as `read_yaml` gives it for a file with this text."""
    doc = YamlDocument(file=file, text=text)
    loader = _TextDatesLoader(text)
    try:
        _build(loader, doc)
        if doc.data is None and not doc.problems:
            doc.problems.append(Problem(doc.file, 1, "bestand", "is leeg"))
        doc.complete = doc.data is not None
    except _Refused as refused:
        where = resource_at_line(text.splitlines(), refused.line) or "yaml"
        doc.problems.append(Problem(doc.file, refused.line, where, refused.message, refused.hint))
    except yaml.MarkedYAMLError as exc:
        line, message, hint, doc.fixes = explain(exc, text)
        where = resource_at_line(text.splitlines(), line) or "yaml"
        doc.problems.append(Problem(doc.file, line, where, message, hint))
    except yaml.YAMLError as exc:
        doc.problems.append(Problem(doc.file, 1, "yaml", f"ongeldige YAML: {exc}"))
    finally:
        loader.dispose()
    return doc


class _Refused(Exception):
    """Something the catalogue never needs, refused on its line before it costs anything."""

    def __init__(self, line: int, message: str, hint: str):
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


class _Open:
    """A mapping or sequence being filled, with the key waiting for its value."""

    __slots__ = ("container", "path", "lines", "key", "key_line")

    def __init__(self, container: Any, path: Path_, lines: dict[Any, int]):
        self.container, self.path, self.lines = container, path, lines
        self.key: Any = None
        self.key_line = 0


_NO_KEY = object()


def _build(loader: yaml.Loader, doc: YamlDocument) -> None:
    stack: list[_Open] = []
    documents = 0

    def place(value: Any, line: int, is_key_candidate: bool) -> bool:
        """Put a finished value where it belongs; False when it is a mapping key (waiting for its value)."""
        if not stack:
            doc.data, doc.root_line = value, line
            return True
        top = stack[-1]
        if isinstance(top.container, list):
            top.lines[len(top.container)] = line
            top.container.append(value)
            return True
        if top.key is _NO_KEY:
            if not is_key_candidate:
                raise yaml.MarkedYAMLError(problem="een sleutel moet een gewone tekst zijn", problem_mark=_mark)
            top.key, top.key_line = value, line
            return False
        key, top.key = top.key, _NO_KEY
        if key in top.lines:
            doc.problems.append(
                Problem(
                    doc.file,
                    top.key_line,
                    describe(doc.data, (*top.path, key)),
                    f"staat dubbel in hetzelfde blok (eerder op regel {top.lines[key]})",
                    "laat één van de twee weg; YAML zou stilzwijgend de laatste gebruiken",
                )
            )
        else:
            top.lines[key] = line
            top.container[key] = value
        return True

    def child_path() -> Path_:
        if not stack:
            return ()
        top = stack[-1]
        part = len(top.container) if isinstance(top.container, list) else top.key
        return (*top.path, part)

    while (event := loader.get_event()) is not None:
        _mark = event.start_mark
        line = _mark.line + 1 if _mark else 1
        if getattr(event, "anchor", None) is not None:
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise _Refused(
                line,
                f"{sign}{shorten(event.anchor)}: ankers (&) en verwijzingen (*) zijn in dit bestand niet toegestaan",
                "schrijf de waarde zelf uit; een & of * aan het begin van een tekst zet u tussen aanhalingstekens",
            )
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise yaml.MarkedYAMLError(
                    problem="het bestand mag maar één document bevatten (---)", problem_mark=_mark
                )
        elif isinstance(event, yaml.ScalarEvent):
            tag = (
                event.tag
                if event.tag not in (None, "!")
                else loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            )
            if tag not in SCALAR_TYPES:  # !!binary, !!set, !!timestamp, !!python/…: none is catalogue data
                raise yaml.MarkedYAMLError(problem=f"onbekend type {shorten(tag)}", problem_mark=_mark)
            try:
                node = yaml.ScalarNode(tag, event.value, _mark, event.end_mark, event.style)
                value = loader.yaml_constructors[tag](loader, node)
            except yaml.YAMLError:
                raise
            except Exception:  # "!!bool misschien", "!!int abc", a number of more than 4,300 digits
                raise _Refused(
                    line,
                    f"{quote(event.value)} is geen {SCALAR_TYPES[tag]}",
                    "zet de waarde tussen aanhalingstekens, dan is het tekst",
                ) from None
            place(value, line, is_key_candidate=True)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            if len(stack) >= MAX_DEPTH:
                raise _Refused(
                    line,
                    f"is meer dan {MAX_DEPTH} niveaus diep ingesprongen of genest",
                    "de catalogus heeft er hoogstens 5 nodig; kijk of er haakjes [ of { niet gesloten worden",
                )
            path = child_path()
            place(container, line, is_key_candidate=False)
            opened = _Open(container, path, {})
            opened.key = _NO_KEY
            doc._lines[id(container)] = (container, opened.lines)
            stack.append(opened)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
