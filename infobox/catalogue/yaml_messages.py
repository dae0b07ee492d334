"""libyaml's English parse errors, told in Dutch for people who edit the catalogue by hand.

libyaml names what its parser expected ("did not find expected key"), often on the line after the mistake.
Maintainers need the line they got wrong, what is wrong with it and how to fix it. `explain` looks at the
error and at the text around it and returns (line, message, hint); an error it does not know keeps
libyaml's own words, so nothing is ever hidden.
"""

from __future__ import annotations

import re

import yaml

from infobox.catalogue.tips import Fix, with_lines
from infobox.errors import shorten

# "  - title: 'Tekst" : a value that opens a quote and does not close it on the same line.
_OPEN_QUOTE = re.compile(r"""^\s*(?:-\s+)?[\w-]+:\s+(?P<q>["'])(?P<rest>.*)$""")
_KEY_VALUE = re.compile(r"^\s*(?:-\s+)?[\w-]+:\s+(?P<value>.*)$")

QUOTE_HINT = 'zet de tekst tussen aanhalingstekens, bijvoorbeeld: title: "Kindcheck: de basis"'
UNCLOSED_HINT = "zet aan het eind van de tekst hetzelfde aanhalingsteken als aan het begin"
INNER_QUOTE_HINT = (
    "schrijf een \" binnen \"…\" als \\\", of zet de tekst tussen '…'; een apostrof binnen '…' schrijft u dubbel: ''"
)
INDENT_HINT = "zet de regel precies even ver in (met spaties) als de andere velden van hetzelfde hulpmiddel"


def explain(error: yaml.MarkedYAMLError, text: str) -> tuple[int, str, str, list[Fix]]:
    """(1-based line, Dutch message, one-line hint or "", candidate fixes) for a libyaml error in `text`.

    With candidate fixes the hint is left to the loader, which shows the first fix that holds (infobox.catalogue.tips).
    """
    lines = text.splitlines()
    line, message, hint, *fixes = _explain(error, lines)
    return line, message, hint, (fixes[0] if fixes else [])


def _explain(error: yaml.MarkedYAMLError, lines: list[str]) -> tuple:
    problem, context = error.problem or "", error.context or ""
    at = _line_of(error.problem_mark, 1)
    start = _line_of(error.context_mark, at)

    def source(line: int) -> str:
        return lines[line - 1] if 0 < line <= len(lines) else ""

    unclosed = _unclosed_quote(lines, start, at)
    if unclosed and "quoted scalar" not in context:
        return unclosed, "het aanhalingsteken aan het begin van deze tekst wordt niet afgesloten", UNCLOSED_HINT
    if "tab character" in problem or ("cannot start any token" in problem and "\t" in source(at)):
        return at, "bevat een tab; YAML accepteert alleen spaties om in te springen", "vervang de tab door spaties"
    if "quoted scalar" in context:
        return start, "het aanhalingsteken aan het begin van deze tekst wordt niet afgesloten", UNCLOSED_HINT
    if "mapping values are not allowed" in problem:
        value = _KEY_VALUE.match(source(at))
        if value and ": " in value.group("value") + " ":
            return at, "de tekst bevat een dubbele punt, die YAML voor een nieuw veld aanziet", _quoted(source(at))
        return _misplaced(lines, at, "verder")
    if "could not find expected ':'" in problem:
        unindented = _unindented_text(lines, start)
        if unindented:
            return unindented
        return (
            start,
            "na de veldnaam ontbreekt de dubbele punt (of de spatie erachter)",
            "",
            _colon_fixes(lines, start),
        )
    if "expected '-' indicator" in problem:
        if re.match(r"^\s*-[^\s-]", source(at)):
            return at, "na het streepje ontbreekt een spatie", "schrijf '- id: …' met een spatie na het streepje"
        return _misplaced(lines, at, "minder ver")
    if "expected ',' or ']'" in problem:
        return _unclosed_list(lines, start)
    if "expected ',' or '}'" in problem:
        return start, "het blok dat hier met { begint, wordt niet afgesloten met }", QUOTE_HINT
    if "did not find expected key" in problem and _text_after_closing_quote(source(at)):
        return (
            at,
            "na het sluitende aanhalingsteken staat nog tekst; een aanhalingsteken binnen de tekst sluit de tekst af",
            INNER_QUOTE_HINT,
        )
    if "did not find expected key" in problem:
        return _misplaced(lines, at, "")
    if "cannot start any token" in problem or "while scanning an alias" in context:
        character = source(at)[error.problem_mark.column : error.problem_mark.column + 1] if error.problem_mark else ""
        return at, f"een tekst mag in YAML niet beginnen met {character or 'dit teken'}", _quoted(source(at))
    what = " ".join(part for part in (context, problem) if part)
    return at, f"ongeldige YAML: {what}", ""


# "    links:" / "      - url: https://…" : the column where a line's key starts, after an optional "- ".
_KEY_AT = re.compile(r"^(?P<indent> *)(?:-\s+)?(?P<key>[\w-]+):(?:\s|$)")
_BLOCK_START = re.compile(r"^(?P<indent> *)(?:-\s+)?(?P<key>[\w-]+):\s*(?:[>|][+-]?)?\s*(?:#.*)?$")


def _key_at(line: str) -> tuple[int, str] | None:
    """(column of the key, key) of a `key: …` line, or None."""
    match = _KEY_AT.match(line)
    return (match.start("key"), match.group("key")) if match else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _levels_above(lines: list[str], line: int) -> list[tuple[int, str, int]]:
    """(column, key, line) of each mapping level open above `line`, innermost first: where a key may go."""
    levels, limit = [], None
    for number in range(line - 1, 0, -1):
        text = lines[number - 1]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        key = _key_at(text)
        if key and (limit is None or key[0] < limit):
            levels.append((key[0], key[1], number))
        limit = min(limit if limit is not None else _indent(text), _indent(text))
        if limit == 0:
            break
    return levels


def _misplaced(lines: list[str], at: int, how: str) -> tuple:
    """A line indented to a level where its key cannot stand: say which key, where, and offer each level."""
    text = lines[at - 1] if 0 < at <= len(lines) else ""
    item = _misplaced_item(lines, at)
    if item:
        return item
    key = _key_at(text)
    levels = _levels_above(lines, at)
    if not key or not levels:
        if how:
            return at, f"deze regel is {how} ingesprongen dan de regels erboven", ""
        return at, "het inspringen klopt niet, of er staat tekst waar een nieuw veld hoort", ""
    column, name = key
    near = levels[0]
    if not how:
        how = "verder" if column > near[0] else "minder ver"
    message = (
        f"deze regel is {how} ingesprongen dan de regel erboven: '{name}:' staat op {column} spaties, "
        f"'{near[1]}:' op regel {near[2]} op {near[0]}"
    )
    fixes = [
        Fix(
            f"zet '{name}:' {level} spaties in, even ver als '{other}:' op regel {number}",
            with_lines(lines, at, [" " * level + text.lstrip(" ")]),
            at,
        )
        for level, other, number in levels
        if level != column
    ]
    return at, message, "", fixes


_ITEM_AT = re.compile(r"^(?P<indent> *)-\s+(?P<key>[\w-]+):(?:\s|$)")


def _misplaced_item(lines: list[str], at: int) -> tuple | None:
    """A list entry (`- id: …`) whose dash is not under the dashes of its list: the dashes above are where it
    may go, those of the same key (the other entries) first, the nearest first. None for any other line."""
    item = _ITEM_AT.match(lines[at - 1]) if 0 < at <= len(lines) else None
    if not item:
        return None
    column, name = len(item["indent"]), item["key"]
    above = [(n, _ITEM_AT.match(lines[n - 1])) for n in range(at - 1, 0, -1)]
    dashes = sorted(((m["key"] != name, -n, len(m["indent"]), m["key"]) for n, m in above if m), key=lambda d: d[:2])
    places: dict[int, tuple[str, int]] = {}
    for _, number, level, other in dashes:
        if level != column:
            places.setdefault(level, (other, -number))
    if not places:
        return None
    level, (other, number) = next(iter(places.items()))
    how = "verder" if column > level else "minder ver"
    message = (
        f"deze regel is {how} ingesprongen dan de lijst erboven: het streepje van '- {name}:' staat op {column} "
        f"spaties, dat van '- {other}:' op regel {number} op {level}"
    )
    text = lines[at - 1].lstrip(" ")
    fixes = [
        Fix(
            f"zet '- {name}:' {level} spaties in, even ver als '- {other}:' op regel {number}",
            with_lines(lines, at, [" " * level + text]),
            at,
        )
        for level, (other, number) in places.items()
    ]
    return at, message, "", fixes


def _unindented_text(lines: list[str], start: int) -> tuple | None:
    """Text lines under `description: >-` written at the field's own indentation, or None."""
    above = next((n for n in range(start - 1, 0, -1) if lines[n - 1].strip()), 0)
    block = _BLOCK_START.match(lines[above - 1]) if above else None
    if not block:
        return None
    key = _key_at(lines[above - 1])
    column = key[0] if key else _indent(lines[above - 1])
    if _indent(lines[start - 1]) > column:
        return None
    last = start
    while last < len(lines) and lines[last].strip() and _indent(lines[last]) == _indent(lines[start - 1]):
        if _KEY_AT.match(lines[last]):
            break
        last += 1
    name = block.group("key")
    shift = column + 2 - _indent(lines[start - 1])
    moved = [" " * shift + lines[n - 1] for n in range(start, last + 1)]
    span = f"regel {start}" if last == start else f"de regels {start} tot en met {last}"
    return (
        start,
        f"de tekst van '{name}' is niet verder ingesprongen dan '{name}:' zelf, en lijkt daardoor een nieuw veld",
        "",
        [
            Fix(
                f"zet {span} {shift} spaties verder in ({column + 2} spaties)",
                with_lines(lines, start, moved, last),
                start,
            )
        ],
    )


def _colon_fixes(lines: list[str], line: int) -> list[Fix]:
    """`organisation Augeo` or `organisation:Augeo` -> `organisation: Augeo`."""
    match = re.match(r"^(?P<lead> *(?:-\s+)?)(?P<key>[\w-]+)(?::(?=\S)|\s+)(?P<value>\S.*)$", lines[line - 1])
    if not match:
        return []
    fixed = f"{match.group('lead')}{match.group('key')}: {match.group('value')}"
    return [Fix(f"schrijf: {fixed.strip()}", with_lines(lines, line, [fixed]), line)]


def _unclosed_list(lines: list[str], start: int) -> tuple:
    """`standards: ["3B]`: a quote not closed inside the list, or the list itself not closed."""
    text = lines[start - 1] if 0 < start <= len(lines) else ""
    opened = text.find("[")
    quote, since = "", 0
    for column in range(opened + 1, len(text)):
        char = text[column]
        if quote and char == quote:
            quote = ""
        elif not quote and char in "\"'":
            quote, since = char, column
    body = text.rstrip()
    if quote:
        item = body[since + 1 :].rstrip("]").strip()
        fixed = body[:-1] + quote + "]" if body.endswith("]") else body + quote + "]"
        return (
            start,
            f"het aanhalingsteken vóór {item} wordt niet afgesloten, zodat ook de lijst niet wordt afgesloten",
            "",
            [Fix(f"schrijf: {fixed.strip()}", with_lines(lines, start, [fixed]), start)],
        )
    return (
        start,
        "de lijst die hier met [ begint, wordt niet afgesloten met ]",
        "",
        [Fix(f"schrijf: {body.strip()}]", with_lines(lines, start, [body + "]"]), start)] if opened >= 0 else [],
    )


def _line_of(mark: yaml.Mark | None, default: int) -> int:
    return mark.line + 1 if mark is not None else default


def _quoted_value(line: str) -> tuple[str, str] | None:
    """(quote, text after it with escaped quotes removed) when the line's value starts with a quote."""
    match = _OPEN_QUOTE.match(line)
    if not match:
        return None
    quote, rest = match.group("q"), match.group("rest")
    return quote, rest.replace("''", "") if quote == "'" else rest.replace('\\"', "")


def _unclosed_quote(lines: list[str], first: int, last: int) -> int | None:
    """The first line in first..last whose quoted value is not closed on that line."""
    for number in range(max(first, 1), min(last, len(lines)) + 1):
        quoted = _quoted_value(lines[number - 1])
        if quoted and quoted[0] not in quoted[1]:
            return number
    return None


def _text_after_closing_quote(line: str) -> bool:
    quoted = _quoted_value(line)
    if not quoted or quoted[0] not in quoted[1]:
        return False
    after = quoted[1].split(quoted[0], 1)[1].strip()
    return bool(after) and not after.startswith("#")


def _quoted(line: str) -> str:
    """The hint to quote this line's value, shown on the line itself when it is a `key: value` line."""
    match = re.match(r"^\s*(?:-\s+)?(?P<key>[\w-]+):\s+(?P<value>.*?)\s*$", line)
    if not match or '"' in match.group("value"):
        return QUOTE_HINT
    return f'zet de tekst tussen aanhalingstekens: {match.group("key")}: "{shorten(match.group("value"))}"'
