"""Characters nobody sees (issue 31): each must be refused wherever catalogue text comes in."""

# Word joiner, Arabic letter mark, Mongolian vowel separator, soft hyphen, the tag block (U+E0000 is
# unassigned, U+E0001 and U+E0020–U+E007F are format characters), zero-width space, right-to-left override,
# byte order mark, line separator and a control character.
INVISIBLE = ["\u2060", "\u061c", "\u180e", "\u00ad", "\U000e0000", "\U000e0001", "\U000e0041", "\U000e007f"]
INVISIBLE += ["\u200b", "\u202e", "\ufeff", "\u2028", "\x07"]


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"
