"""The JSON Schema's verdicts (infobox/catalogue/schema.py) as Dutch problems a non-programmer can act on.

Each schema error becomes a `Problem` on the line of the offending node, naming the field as a maintainer
knows it, with a hint: a misspelt field gets the field it resembles, a value of a closed list the values it
probably meant.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

import jsonschema

from infobox.catalogue.places import describe
from infobox.catalogue.schema import REF, SCHEMA
from infobox.catalogue.vocabulary import TYPE_GROUPS
from infobox.catalogue.yaml_messages import INDENT_HINT
from infobox.catalogue.yaml_source import YamlDocument
from infobox.errors import Problem, quote, shorten

MISSING = "ontbreekt (verplicht veld)"
_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def schema_problems(doc: YamlDocument) -> list[Problem]:
    problems = []
    for error in _VALIDATOR.iter_errors(doc.data):
        if error.validator == "pattern" and error.schema is REF:
            continue  # references are checked against the catalogue itself, with a better message
        path = tuple(error.absolute_path)
        for field_path, message, hint in _explain(error, path):
            problems.append(Problem(doc.file, doc.line(field_path), describe(doc.data, field_path), message, hint))
    return problems


def _explain(error: jsonschema.ValidationError, path: tuple) -> Iterator[tuple[tuple, str, str]]:
    """Dutch sentences a non-programmer can act on: (path of the field, message, hint)."""
    kind, value, expected = error.validator, error.instance, error.validator_value
    if kind == "required":
        typos = {str(key) for key in value if key not in error.schema.get("properties", {})}
        for name in expected:
            # A misspelt field ("organization") is reported once, as unknown with a suggestion.
            if name not in value and not difflib.get_close_matches(name, typos, n=1, cutoff=0.6):
                yield (*path, name), MISSING, f"voeg een regel '{name}: …' toe aan dit blok"
        return
    if kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        for extra in sorted(set(value) - set(known), key=str):
            close = difflib.get_close_matches(str(extra), known, n=1, cutoff=0.6)
            if close:
                yield (*path, extra), f"is geen bekend veld; bedoelt u '{close[0]}'?", ""
            else:
                yield (*path, extra), "is geen bekend veld", f"bekende velden hier: {', '.join(known)}"
        return
    yield (path, *_explain_value(error, path, kind, value, expected))


def _explain_value(error: jsonschema.ValidationError, path: tuple, kind: str, value: Any, expected: Any):
    if value is None:  # "type:" with nothing after it, or only a comment ("title: #1 ...")
        choices = f"kies uit: {', '.join(map(str, expected))}; " if kind == "enum" else "vul de waarde in; "
        return "heeft geen waarde", choices + "tekst na een # is commentaar: zet zulke tekst tussen aanhalingstekens"
    if kind == "enum":
        close = suggestions(value, expected)
        if close:
            return f"{quote(value)} is geen toegestane waarde; bedoelt u {' of '.join(map(repr, close))}?", ""
        return f"{quote(value)} is geen toegestane waarde; kies uit: {', '.join(map(str, expected))}", ""
    if kind == "type":
        wanted = {"string": "tekst", "array": "een lijst", "object": "een blok met velden"}.get(expected, expected)
        if wanted == "tekst" and not isinstance(value, (dict, list)):
            return (
                f"moet tekst zijn, niet {quote(value)}",
                f'zet de waarde tussen aanhalingstekens: "{shorten(str(value))}"'
                if isinstance(value, (int, float, bool))
                else "",
            )
        got = {dict: "een blok met velden", list: "een lijst", str: "tekst"}.get(type(value), quote(value))
        hint = "begin elk element van een lijst op een nieuwe regel met '- '" if wanted == "een lijst" else INDENT_HINT
        return f"moet {wanted} zijn, maar is {got}", hint
    if kind in ("minLength", "pattern") and path and path[-1] == "url":
        return (
            f"{quote(value)} is geen volledig webadres dat begint met http:// of https://",
            "kopieer het adres uit de adresbalk van de browser",
        )
    if kind in ("minLength", "pattern") and isinstance(value, str) and not value.strip():
        return "is leeg", ""
    if kind == "pattern":
        return f"{quote(value)} heeft niet de juiste vorm", error.schema.get("description", "")
    if kind == "format":
        dutch = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", str(value))
        example = f"{dutch[3]}-{int(dutch[2]):02}-{int(dutch[1]):02}" if dutch else "2025-06-01"
        return f"{quote(value)} is geen geldige datum", f"schrijf jaar-maand-dag (JJJJ-MM-DD), bijvoorbeeld {example}"
    if kind == "maxLength":
        return f"is te lang: {len(value)} tekens, hoogstens {expected}", "maak de tekst korter"
    if kind == "minItems":
        return "mag niet leeg zijn", ""
    if kind == "uniqueItems":
        return "bevat een waarde twee keer", "laat de dubbele waarde weg"
    # Any other rule (a field that holds text or a list of texts, `anyOf`): the value cut short, and what the
    # field holds as the hint; jsonschema's own message is English and quotes the whole value.
    return f"{quote(value)} heeft niet de juiste vorm", error.schema.get("description", "")


def suggestions(value: Any, choices: list[Any]) -> list[str]:
    """The values of a closed list a maintainer probably meant: same word in other capitals, a near miss,
    or a word of the same type group ("e-learning" -> training, online cursus)."""
    word = str(value).strip().casefold()
    texts = [choice for choice in choices if isinstance(choice, str)]
    same = [choice for choice in texts if choice.casefold() == word]
    if same:
        return same
    close = difflib.get_close_matches(word, texts, n=2, cutoff=0.6)
    if close:
        return close
    for _label, members in TYPE_GROUPS.values():
        if word in members:
            return [choice for choice in texts if choice in members]
    return []
