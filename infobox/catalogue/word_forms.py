"""The editors' exceptions to the search's stemmer (data/word-forms.yaml), validated on load.

Each group holds the forms of one word that the Dutch stemmer gets wrong: "ouder, ouders" (parents) apart
from "oudere, ouderen" (older people), which it reduces to the same stem, or "kind, kinderen", which it
does not join. The search gives each group one stem of its own and lets no form of a group find a word
beginning with another group's form (docs/javascripts/search-engine.js, WordForms). A group of one word
keeps that word whole ("overheid", which the stemmer cuts to "over"). scripts/stem_collisions.py lists the
candidates; tests/relevance/stem_decisions.yaml records what was decided for each.
"""

from __future__ import annotations

import re
from pathlib import Path

from infobox.catalogue.word_groups import WordGroups, read_word_groups

DEFAULT_WORD_FORMS = Path(__file__).resolve().parents[2] / "data" / "word-forms.yaml"
FORM = re.compile(r"[a-zà-ÿ]+")  # one lower-case word of letters: what the search compares

WordForms = WordGroups


def load_word_forms(path: str | Path = DEFAULT_WORD_FORMS) -> WordForms:
    return read_word_groups(path, "woordvormen", FORM, "woordvorm (één woord in kleine letters)", smallest=1)
