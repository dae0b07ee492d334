"""The search keywords cost work linear in the text (issue 22): counted, not timed.

The work of compound splitting is the characters it looks up in the vocabulary (each lookup slices and
hashes a tail of the word), so a vocabulary that counts them measures it. It stops the test as soon as the
budget is spent, so a quadratic or exponential split fails quickly instead of hanging.
"""

from __future__ import annotations

import pytest

from infobox.catalogue.synonyms import load_synonyms
from infobox.site.search_keywords import KeywordMaker

SYNONYMS = load_synonyms()
ORDINARY = "Verslavingsproblemen bij kindermishandeling vragen samenwerkingsafspraken met Veilig Thuis. "


class Spent(Exception):
    pass


class CountingVocabulary(frozenset):
    """A vocabulary that counts the characters looked up in it, up to a budget."""

    def __new__(cls, words, budget: int):
        vocabulary = super().__new__(cls, words)
        vocabulary.looked_up, vocabulary.budget = 0, budget
        return vocabulary

    def __contains__(self, word) -> bool:
        self.looked_up += len(word)
        if self.looked_up > self.budget:
            raise Spent(f"more than {self.budget} characters looked up")
        return super().__contains__(word)


def work(text: str, budget: int) -> int:
    """Characters looked up to make the keywords of `text`, indexed on its own."""
    maker = KeywordMaker([text], SYNONYMS)
    maker.vocab = CountingVocabulary(maker.vocab, budget)
    maker.keywords(text)
    return maker.vocab.looked_up


def test_ordinary_text_splits_its_compounds():
    maker = KeywordMaker([ORDINARY, "problemen afspraken"], SYNONYMS)
    assert {"verslaving", "problemen", "afspraken"} <= set(maker.keywords(ORDINARY).split())


@pytest.mark.parametrize("size", [10_000, 40_000])
def test_one_long_word_costs_no_more_than_ordinary_text_of_its_length(size):
    ordinary = (ORDINARY * (size // len(ORDINARY) + 1))[:size]
    budget = 100 * size  # linear: a fixed number of characters looked up per character of text
    ordinary_work = work(ordinary, budget)
    assert ordinary_work > 0
    # Before issue 22 every tail of the word was looked up: size² / 2 characters (5·10⁷ at 10,000).
    assert work("ab" * (size // 2), budget) <= 2 * ordinary_work
    assert work("verslavings" * (size // 11), budget) <= 2 * ordinary_work


def test_a_head_that_splits_many_ways_is_tried_once():
    # Every run of 4 to 60 a's is a known word: each tail of "xaaa…a" is known and no head splits, so
    # retrying heads along every path doubles the work with every letter (2^50 lookups).
    text = " ".join("a" * n for n in range(4, 61)) + " x" + "a" * 60
    assert work(text, budget=10**6) < 10**6
