"""Characters nobody sees, kept out of every text of the catalogue: one rule for `validate` and `propose`.

A zero-width space, a word joiner, a soft hyphen, a direction mark or override, a tag character: pasted
from a web page or a word processor they reach the site unseen, make two equal-looking ids or names
differ, split search words, or reorder what a reader sees. The rule is Unicode's own classification, not a
list: every control (Cc, except tab and newline), format (Cf), private-use (Co), surrogate (Cs) and
unassigned (Cn) code point, and the line and paragraph separators (Zl, Zp). Ordinary spaces (Zs, the
non-breaking space too) are text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from infobox.catalogue.places import Path_
from infobox.errors import quote

REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"})
ALLOWED = frozenset("\t\n")  # a tab or line break in a text block is seen and harmless
CONTEXT = 20  # characters before it that a message quotes, so it can be found
HINT = "typ de tekst op die plaats opnieuw; in de editor is het teken niet te zien"


def first_invisible(text: str) -> int | None:
    """The index of the first character of `text` nobody sees, or None."""
    if text.isprintable():  # the common case, at C speed: no Cc, Cf, Co, Cs, Cn, Z* other than ' '
        return None
    return next(
        (i for i, char in enumerate(text) if char not in ALLOWED and unicodedata.category(char) in REFUSED_CATEGORIES),
        None,
    )


def invisible_character(text: str) -> str | None:
    """Where `text` holds a character nobody sees, named for a person (`U+2060 WORD JOINER na 'Kind'`), or None."""
    index = first_invisible(text)
    if index is None:
        return None
    char = text[index]
    name = unicodedata.name(char, "")
    before = text[max(0, index - CONTEXT) : index].lstrip()
    where = f" na {quote(before)}" if before else " aan het begin"
    return f"U+{ord(char):04X}" + (f" {name}" if name else "") + where


def message(character: str) -> str:
    return f"bevat een onzichtbaar teken: {character}"


def invisible_problems(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str, str]]:
    """(path, message, hint) of every key and text in `data` holding an invisible character."""
    if isinstance(data, str):
        character = invisible_character(data)
        if character:
            yield path, message(character), HINT
    elif isinstance(data, dict):
        for key, value in data.items():
            character = invisible_character(key) if isinstance(key, str) else None
            if character:
                yield (*path, key), f"de veldnaam {message(character)}", HINT
            yield from invisible_problems(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from invisible_problems(value, (*path, index))
