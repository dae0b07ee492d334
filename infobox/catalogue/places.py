"""Where a problem is, in the words a maintainer knows: the resource's title and id, not `resources[20]`.

Two sources: the parsed data (for schema and content rules) and the lines as written (for a YAML error,
when there is no data yet). Both give the same name, e.g. `hulpmiddel "Kindcheck" (kindcheck)`.
"""

from __future__ import annotations

import re
from typing import Any

from infobox.errors import shorten

Path_ = tuple[str | int, ...]

TITLE_MAX = 60  # a name, not the whole title: long titles are cut with …

_TOP_KEY = re.compile(r"^(?P<key>[\w-]+):")
_ENTRY_START = re.compile(r"^(?P<indent> *)-(?:\s|\w)")
_FIELD = re.compile(r"^\s*(?:-\s*)?(?P<key>id|title):\s+(?P<value>.*?)\s*$")


def dotted(path: Path_) -> str:
    out = ""
    for part in path:
        name = shorten(str(part))  # a key may be any text of the file
        out += f"[{part}]" if isinstance(part, int) else (f".{name}" if out else name)
    return out or "(bestand)"


def resource_name(resource: Any, index: int) -> str:
    """`hulpmiddel "Titel" (id)`, with whatever of title and id is there as text."""
    title = resource.get("title") if isinstance(resource, dict) else None
    ident = resource.get("id") if isinstance(resource, dict) else None
    return _name(title if isinstance(title, str) else None, ident if isinstance(ident, str) else None, index)


def _name(title: str | None, ident: str | None, index: int) -> str:
    title = " ".join(title.split()) if title else ""
    if len(title) > TITLE_MAX:
        title = title[: TITLE_MAX - 1].rstrip() + "…"
    ident = shorten(ident, TITLE_MAX) if ident else ident  # an id is short unless the file is wrong
    if title and ident:
        return f'hulpmiddel "{title}" ({ident})'
    if title or ident:
        return f'hulpmiddel "{title}"' if title else f"hulpmiddel {ident}"
    return f"hulpmiddel nr. {index + 1}"


def describe(data: Any, path: Path_) -> str:
    """The field at `path` named for a person: `hulpmiddel "Kindcheck" (kindcheck) › links[0].url`."""
    if len(path) >= 2 and path[0] == "resources" and isinstance(path[1], int):
        resources = data.get("resources") if isinstance(data, dict) else None
        resource = resources[path[1]] if isinstance(resources, list) and path[1] < len(resources) else None
        return _join(resource_name(resource, path[1]), path[2:])
    if len(path) >= 2 and path[0] == "standards" and isinstance(path[1], int):
        standards = data.get("standards") if isinstance(data, dict) else None
        standard = standards[path[1]] if isinstance(standards, list) and path[1] < len(standards) else None
        number = standard.get("id") if isinstance(standard, dict) else None
        if not isinstance(number, (str, int)):
            return dotted(path)
        number = shorten(str(number), TITLE_MAX)
        rest = path[2:]
        if len(rest) >= 2 and rest[0] == "items" and isinstance(rest[1], int):
            items = standard.get("items")
            item = items[rest[1]] if isinstance(items, list) and rest[1] < len(items) else None
            letter = item.get("letter") if isinstance(item, dict) else None
            if isinstance(letter, str):
                return _join(f"onderdeel {number}{letter}", rest[2:])
        return _join(f"kwaliteitsstandaard {number}", rest)
    if len(path) >= 2 and path[0] == "removed" and isinstance(path[1], int):
        removed = data.get("removed") if isinstance(data, dict) else None
        entry = removed[path[1]] if isinstance(removed, list) and path[1] < len(removed) else None
        ident = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(ident, str):
            return _join(f"verwijderd hulpmiddel {shorten(ident, TITLE_MAX)}", path[2:])
    return dotted(path)


def _join(name: str, rest: Path_) -> str:
    return f"{name} › {dotted(rest)}" if rest else name


def _is_entry(text: str) -> bool:
    """An entry of a top-level list (`  - id: …`), as the catalogue writes its resources and standards."""
    entry = _ENTRY_START.match(text)
    return bool(entry) and len(entry.group("indent")) <= 2


def block_span(lines: list[str], line: int) -> tuple[int, int]:
    """First and last line (1-based) of the top-level list entry, or else top-level section, holding `line`."""
    start = 1
    for number in range(min(line, len(lines)), 0, -1):
        if _TOP_KEY.match(lines[number - 1]) or _is_entry(lines[number - 1]):
            start = number
            break
    end = len(lines)
    for number in range(max(line, start) + 1, len(lines) + 1):
        if _TOP_KEY.match(lines[number - 1]) or _is_entry(lines[number - 1]):
            end = number - 1
            break
    return start, end


def resource_at_line(lines: list[str], line: int) -> str | None:
    """The name of the resource whose block holds `line` (1-based), read from the text as written."""
    section, start, index = None, None, -1
    for number, text in enumerate(lines[:line], start=1):
        top = _TOP_KEY.match(text)
        if top:
            section, start = top.group("key"), None
        elif section == "resources" and _is_entry(text):
            start, index = number, index + 1
    if start is None:
        return None
    found: dict[str, str] = {}
    for number in range(start, len(lines) + 1):
        text = lines[number - 1]
        if number > start and (_TOP_KEY.match(text) or _is_entry(text)):
            break
        field = _FIELD.match(text)
        if field and len(text) - len(text.lstrip(" -")) <= 4:
            found.setdefault(field.group("key"), field.group("value").strip("\"'"))
    return _name(found.get("title"), found.get("id"), index)
