"""The maintained synonym list of the site search (data/synonyms.yaml), validated on load.

Each group is a list of words or phrases that mean the same to a reader ("training", "cursus", "e-learning").
Problems are reported like the catalogue's: `FILE:LINE: field: message`, all of them at once.
"""

from __future__ import annotations

import re
from pathlib import Path

from infobox.catalogue.word_groups import WordGroups, read_word_groups

DEFAULT_SYNONYMS = Path(__file__).resolve().parents[2] / "data" / "synonyms.yaml"
# Lower-case words of letters and digits, joined by single spaces or hyphens: what a reader types.
TERM = re.compile(r"[a-zà-ÿ0-9]+(?:[ -][a-zà-ÿ0-9]+)*")

Synonyms = WordGroups


def load_synonyms(path: str | Path = DEFAULT_SYNONYMS) -> Synonyms:
    return read_word_groups(path, "synoniemen", TERM, "zoekwoord (kleine letters, cijfers, spatie, -)", smallest=2)
