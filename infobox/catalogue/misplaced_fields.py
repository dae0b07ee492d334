"""Fields written at the wrong indentation, which YAML still reads: told from the lines, with the edits that
put them back.

A field indented too far inside a `description: >-` becomes part of its text; a field one level off lands in
the link (or sub-item) above it or the other way round. The schema would say "ontbreekt" and "is geen bekend
veld" on two lines; here it is one problem at the line as written, with fixes the loader checks
(`tips.first_that_holds`) before it shows one.
"""

from __future__ import annotations

import re

from infobox.catalogue.blocks import blocks
from infobox.catalogue.places import describe
from infobox.catalogue.schema import SCHEMA
from infobox.catalogue.tips import Fix, with_lines
from infobox.catalogue.yaml_source import YamlDocument
from infobox.errors import Problem

_BLOCK_SCALAR = re.compile(r"^(?P<indent> *)(?:-\s+)?(?P<key>[\w-]+):\s+[>|][+-]?\s*(?:#.*)?$")
_WORD_COLON = re.compile(r"(?:^|\s)([\w-]+):(?=\s|$)")
_FIELD_LINE = re.compile(r"^(?P<indent> +)(?P<key>[\w-]+):(?:\s|$)")


def swallowed_fields(doc: YamlDocument) -> list[tuple[Problem, list[Fix]]]:
    """Fields written inside the text of a `description: >-` (indented too far), which YAML reads as text.

    With each, the edits that would put the field back; the loader shows the first that holds."""
    lines = doc.text.splitlines()
    fields = set(SCHEMA["properties"]["resources"]["items"]["properties"])
    found = []
    for i, resource in blocks(doc.data, "resources"):
        for key, value in resource.items():
            if not isinstance(value, str) or not fields.intersection(_WORD_COLON.findall(value)):
                continue  # most texts name no field; only then look at the lines
            start = doc.line(("resources", i, key))
            block = _BLOCK_SCALAR.match(lines[start - 1]) if isinstance(value, str) and start <= len(lines) else None
            if not block or block.group("key") != key:
                continue
            column = len(lines[start - 1]) - len(lines[start - 1].lstrip(" -"))
            end = start
            while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > column):
                end += 1
            while end > start and not lines[end - 1].strip():
                end -= 1
            for number in range(start + 1, end + 1):
                inside = _FIELD_LINE.match(lines[number - 1])
                if not inside or inside.group("key") not in fields:
                    continue
                name, text = inside.group("key"), lines[number - 1].strip()
                path = ("resources", i, name)
                problem = Problem(
                    doc.file,
                    number,
                    describe(doc.data, path),
                    f"staat in de tekst van '{key}', omdat de regel verder is ingesprongen dan '{key}:' "
                    f"({_indent(lines[number - 1])} spaties in plaats van {column})",
                )
                back = [" " * column + text]
                # The line in the middle of the text: moving it out keeps the text after it in the text.
                fixes = (
                    [
                        Fix(
                            f"zet de regel '{text}' onder de tekst van '{key}', {column} spaties ingesprongen",
                            with_lines(lines, number, [*lines[number:end], *back], end),
                            end,
                        )
                    ]
                    if number < end
                    else [
                        Fix(
                            f"zet '{name}:' {column} spaties in, even ver als '{key}:' op regel {start}",
                            with_lines(lines, number, back),
                            number,
                        )
                    ]
                )
                found.append((problem, fixes))
    return found


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


# (parent list, child list, what a person calls an entry of each): fields that may land one level off.
_LEVELS = (("resources", "links", "het hulpmiddel", "de link"), ("standards", "items", "de standaard", "het onderdeel"))
_KEY_COLUMN = re.compile(r"^\s*(?:-\s+)?(?=[\w-]+:)")


def misplaced_fields(doc: YamlDocument) -> list[tuple[Problem, list[Fix], set[str]]]:
    """A field at its entry's level that belongs to the link (or sub-item) above it, or the other way round.

    YAML reads both as valid; the schema would say "is geen bekend veld" and "ontbreekt" on two lines. Here it
    is one problem, at the line as written, with the fields it explains (so those two are not repeated)."""
    lines = doc.text.splitlines()
    found = []
    for parents, children, parent_name, child_name in _LEVELS:
        schema = SCHEMA["properties"][parents]["items"]
        parent_keys = set(schema["properties"])
        child_schema = schema["properties"][children]["items"]
        child_keys = set(child_schema["properties"])
        for i, parent in blocks(doc.data, parents):
            kids = list(blocks(parent, children))
            for key in parent:
                if key in parent_keys or key not in child_keys:
                    continue
                line = doc.line((parents, i, key))
                lacking = [(k, kid) for k, kid in kids if key not in kid and doc.line((parents, i, children, k)) < line]
                if lacking:
                    k, kid = lacking[-1]
                    found.append(
                        _misplaced(
                            doc,
                            lines,
                            (parents, i, key),
                            (parents, i, children, k),
                            kid,
                            parent_name,
                            child_name,
                            up=True,
                        )
                    )
            for k, kid in kids:
                for key in kid:
                    if key in child_keys or key not in parent_keys or key in parent:
                        continue
                    found.append(
                        _misplaced(
                            doc,
                            lines,
                            (parents, i, children, k, key),
                            (parents, i),
                            parent,
                            child_name,
                            parent_name,
                            up=False,
                        )
                    )
    return found


def _misplaced(doc, lines, path, home, block, here, there, *, up: bool) -> tuple[Problem, list[Fix], set[str]]:
    """`path` is written in the block `here` but belongs to `home` (the block `there`)."""
    key, line = path[-1], doc.line(path)
    other = next(iter(block), None)
    other_line = doc.line((*home, other)) if other is not None else 0
    written = _KEY_COLUMN.match(lines[other_line - 1]) if 0 < other_line <= len(lines) else None
    explained = {describe(doc.data, path), describe(doc.data, (*home, key))}
    if not written or not 0 < line <= len(lines):  # e.g. a block in {…}: say what, without a tip
        return Problem(doc.file, line, describe(doc.data, path), f"'{key}:' hoort bij {there}"), [], explained
    column = written.end()
    message = (
        f"'{key}:' staat bij {here}, maar hoort bij {there}{' erboven' if up else ''}: "
        f"{_indent(lines[line - 1])} spaties in plaats van {column}"
    )
    fix = Fix(
        f"zet '{key}:' {column} spaties in, even ver als '{other}:' op regel {other_line}",
        with_lines(lines, line, [" " * column + lines[line - 1].lstrip(" ")]),
        line,
    )
    return Problem(doc.file, line, describe(doc.data, path), message), [fix], explained
