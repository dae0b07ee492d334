"""Hidden search keywords of an indexed text: what a reader may type that the text does not spell out.

- compound parts, found with the site's own vocabulary and the Dutch linking -s-/-en-/-e-:
  "verslavingsproblemen" -> "verslaving", "problemen";
- letter and digit runs: "1gezin1plan1regisseur" -> "gezin", "plan", "regisseur";
- the other members of a synonym group (data/synonyms.yaml) the text mentions: "cursus" -> "training", ...

The keywords go into a search field of their own with a low boost, never into what readers see.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from infobox.catalogue.synonyms import Synonyms

WORD = re.compile(r"[^\W_]+")
TAG = re.compile(r"<[^<>]+>")  # not [^>]: a text of many "<" would be rescanned from each one
MIN_PART = 4  # shortest compound part: "kind", "zorg", "hulp"
MIN_TAIL = 4
# Longest word split into compound parts. The catalogue's longest is 52 letters (a run of words from a web
# address); a longer one is no compound, and trying every cut of it would cost the square of its length.
MAX_COMPOUND = 80
LINKS = ("en", "er", "s", "e", "")  # Dutch linking sounds between compound parts


def words(text: str) -> list[str]:
    """Lower-case words of an HTML or plain text."""
    return WORD.findall(TAG.sub(" ", text).lower())


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(word for text in texts for word in words(text) if len(word) >= MIN_PART and word.isalpha())


def compound_parts(word: str, vocab: frozenset[str]) -> list[str]:
    """The parts of a compound word whose tail is a known word, longest tail first; [] if none.

    The head may end in a linking -s-/-en-/-e- and may itself be a compound ("kinder-mishandelings-..."); a
    head that is a known word as it is stays whole ("ouderen|mishandeling", never "ouder").
    Words longer than MAX_COMPOUND are not split, so the work per word is bounded and the whole is linear.
    """
    return _compound_parts(word, vocab, set()) if len(word) <= MAX_COMPOUND else []


def _compound_parts(word: str, vocab: frozenset[str], unsplittable: set[str]) -> list[str]:
    # `unsplittable` remembers heads already tried in vain: without it a head of one repeated letter
    # ("xaaaa…" with "aaaa", "aaaaa", … known) is retried along every path, twice the work per letter.
    for cut in range(MIN_PART, len(word) - MIN_TAIL + 1):
        tail = word[cut:]
        if tail not in vocab:
            continue
        head = word[:cut]
        if head in vocab:  # a known word keeps what could be a linking sound: "kennis|centrum", not "kenni"
            return [head, tail]
        for link in LINKS:
            if not head.endswith(link):
                continue
            base = head[: len(head) - len(link)]
            if len(base) < MIN_PART:
                continue
            # A linking -s- marks a compound even when its head is not in the vocabulary: "verslavings|problemen".
            if base in vocab or (link == "s" and len(base) > MIN_PART):
                return [base, tail]
            if base in unsplittable:
                continue
            inner = _compound_parts(base, vocab, unsplittable)
            if inner:
                return [*inner, tail]
            unsplittable.add(base)
    return []


def letter_digit_parts(word: str) -> list[str]:
    parts = re.findall(r"\d+|[^\W\d_]+", word)
    return [part for part in parts if len(part) > 1] if len(parts) > 1 else []


def _synonym_patterns(synonyms: Synonyms) -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    patterns = []
    for group in synonyms:
        for term in group:
            # Whole words, any inflection of the last word ("trainingen", "cursussen"); "e-learning" ~ "e learning".
            body = r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", term))
            others = tuple(other for other in group if other != term)
            patterns.append((re.compile(rf"(?<!\w){body}\w{{0,3}}(?!\w)"), others))
    return patterns


class KeywordMaker:
    """Derives the keywords of each indexed text against the vocabulary of all of them."""

    def __init__(self, texts: Iterable[str], synonyms: Synonyms):
        self.vocab = vocabulary(texts)
        self.patterns = _synonym_patterns(synonyms)
        self._parts: dict[str, list[str]] = {}

    def _split(self, word: str) -> list[str]:
        parts = self._parts.get(word)
        if parts is None:
            parts = letter_digit_parts(word) or (compound_parts(word, self.vocab) if len(word) >= 7 else [])
            self._parts[word] = parts
        return parts

    def keywords(self, text: str) -> str:
        own = words(text)
        present = set(own)
        found: dict[str, None] = {}
        for word in own:
            for part in self._split(word):
                if part not in present and not part.isdigit():
                    found[part] = None
        plain = " ".join(own)
        for pattern, others in self.patterns:
            if pattern.search(plain):
                for other in others:
                    # Left out when the text has it already, maybe inflected ("e-learning", "trainingen").
                    if not all(any(w.startswith(part) for w in own) for part in re.split(r"[\s-]+", other)):
                        found[other] = None
        return " ".join(found)
