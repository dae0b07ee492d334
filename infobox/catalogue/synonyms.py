"""The maintained synonym list of the site search (data/synonyms.yaml), validated on load.

Each group is a list of words or phrases that mean the same to a reader ("training", "cursus", "e-learning").
Problems are reported like the catalogue's: `FILE:LINE: field: message`, all of them at once.
"""

from __future__ import annotations

import re
from pathlib import Path

from infobox.catalogue.yaml_source import read_yaml
from infobox.errors import CatalogueError, Problem, quote

DEFAULT_SYNONYMS = Path(__file__).resolve().parents[2] / "data" / "synonyms.yaml"
# Lower-case words of letters and digits, joined by single spaces or hyphens: what a reader types.
TERM = re.compile(r"[a-zà-ÿ0-9]+(?:[ -][a-zà-ÿ0-9]+)*")

Synonyms = tuple[tuple[str, ...], ...]


def load_synonyms(path: str | Path = DEFAULT_SYNONYMS) -> Synonyms:
    doc = read_yaml(path)
    problems = list(doc.problems)
    groups: list[tuple[str, ...]] = []
    if not problems and not isinstance(doc.data, list):
        problems.append(Problem(doc.file, doc.root_line, "synoniemen", "moet een lijst van groepen zijn"))
    seen: dict[str, int] = {}
    for g, group in enumerate(doc.data if not problems else []):
        where = f"synoniemen[{g + 1}]"
        line = doc.line((g,))
        if not isinstance(group, list) or len(group) < 2:
            problems.append(Problem(doc.file, line, where, "moet een lijst van minstens twee woorden zijn"))
            continue
        terms = []
        for t, term in enumerate(group):
            at = doc.line((g, t))
            if not isinstance(term, str) or not TERM.fullmatch(term):
                message = f"{quote(term)} is geen zoekwoord (kleine letters, cijfers, spatie, -)"
                problems.append(Problem(doc.file, at, where, message))
            elif term in seen:
                problems.append(Problem(doc.file, at, where, f"{quote(term)} staat ook in groep {seen[term]}"))
            else:
                seen[term] = g + 1
                terms.append(term)
        groups.append(tuple(terms))
    if problems:
        raise CatalogueError(problems)
    return tuple(groups)
