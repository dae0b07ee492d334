"""libyaml's English parse errors, told in Dutch for people who edit the catalogue by hand.

libyaml names what its parser expected ("did not find expected key"), often on the line after the mistake.
Maintainers need the line they got wrong, what is wrong with it and how to fix it. `explain` looks at the
error and at the text around it and returns (line, message, hint); an error it does not know keeps
libyaml's own words, so nothing is ever hidden.
"""

from __future__ import annotations

import re

import yaml

# "  - title: 'Tekst" : a value that opens a quote and does not close it on the same line.
_OPEN_QUOTE = re.compile(r"""^\s*(?:-\s+)?[\w-]+:\s+(?P<q>["'])(?P<rest>.*)$""")
_KEY_VALUE = re.compile(r"^\s*(?:-\s+)?[\w-]+:\s+(?P<value>.*)$")

QUOTE_HINT = 'zet de tekst tussen aanhalingstekens, bijvoorbeeld: title: "Kindcheck: de basis"'
UNCLOSED_HINT = "zet aan het eind van de tekst hetzelfde aanhalingsteken als aan het begin"
INNER_QUOTE_HINT = (
    "schrijf een \" binnen \"…\" als \\\", of zet de tekst tussen '…'; een apostrof binnen '…' schrijft u dubbel: ''"
)
INDENT_HINT = "zet de regel precies even ver in (met spaties) als de andere velden van hetzelfde hulpmiddel"


def explain(error: yaml.MarkedYAMLError, text: str) -> tuple[int, str, str]:
    """(1-based line, Dutch message, one-line hint or "") for a libyaml error in `text`."""
    lines = text.splitlines()
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
        return at, "deze regel is verder ingesprongen dan de regel erboven", INDENT_HINT
    if "could not find expected ':'" in problem:
        return (
            start,
            "na de veldnaam ontbreekt de dubbele punt (of de spatie erachter)",
            "schrijf veldnaam, dubbele punt, spatie en waarde, bijvoorbeeld: organisation: Augeo",
        )
    if "expected '-' indicator" in problem:
        if re.match(r"^\s*-[^\s-]", source(at)):
            return at, "na het streepje ontbreekt een spatie", "schrijf '- id: …' met een spatie na het streepje"
        return at, "deze regel is minder ver ingesprongen dan de regels erboven", INDENT_HINT
    if "expected ',' or ']'" in problem:
        return (
            start,
            "de lijst die hier met [ begint, wordt niet afgesloten met ]",
            'sluit de lijst op dezelfde regel af met ] en elke tekst met een aanhalingsteken: standards: ["3A", "3B"]',
        )
    if "expected ',' or '}'" in problem:
        return start, "het blok dat hier met { begint, wordt niet afgesloten met }", QUOTE_HINT
    if "did not find expected key" in problem and _text_after_closing_quote(source(at)):
        return (
            at,
            "na het sluitende aanhalingsteken staat nog tekst; een aanhalingsteken binnen de tekst sluit de tekst af",
            INNER_QUOTE_HINT,
        )
    if "did not find expected key" in problem:
        return at, "het inspringen klopt niet, of er staat tekst waar een nieuw veld hoort", INDENT_HINT
    if "cannot start any token" in problem or "while scanning an alias" in context:
        character = source(at)[error.problem_mark.column : error.problem_mark.column + 1] if error.problem_mark else ""
        return at, f"een tekst mag in YAML niet beginnen met {character or 'dit teken'}", _quoted(source(at))
    what = " ".join(part for part in (context, problem) if part)
    return at, f"ongeldige YAML: {what}", ""


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
    return f'zet de tekst tussen aanhalingstekens: {match.group("key")}: "{match.group("value")}"'
