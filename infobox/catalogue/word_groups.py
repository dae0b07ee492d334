"""A maintained YAML list of word groups, validated on load: the search's synonyms and its word forms.

Both files are a list of groups, each group a list of words; a word is in at most one group. Problems are
reported like the catalogue's: `FILE:LINE: field: message`, all of them at once.
"""

from __future__ import annotations

import re
from pathlib import Path

from infobox.catalogue.yaml_source import read_yaml
from infobox.errors import CatalogueError, Problem, quote

WordGroups = tuple[tuple[str, ...], ...]


def read_word_groups(path: str | Path, field: str, term: re.Pattern[str], what: str, smallest: int) -> WordGroups:
    """The groups of the file at `path`; `field` names them in problems, `term` is the form of one word (`what`
    says it in Dutch) and a group has at least `smallest` words. Raises CatalogueError with every problem."""
    doc = read_yaml(path)
    problems = list(doc.problems)
    groups: list[tuple[str, ...]] = []
    if not problems and not isinstance(doc.data, list):
        problems.append(Problem(doc.file, doc.root_line, field, "moet een lijst van groepen zijn"))
    size = "minstens twee woorden" if smallest == 2 else "minstens één woord"
    seen: dict[str, int] = {}
    for g, group in enumerate(doc.data if not problems else []):
        where = f"{field}[{g + 1}]"
        line = doc.line((g,))
        if not isinstance(group, list) or len(group) < smallest:
            problems.append(Problem(doc.file, line, where, f"moet een lijst van {size} zijn"))
            continue
        words = []
        for t, word in enumerate(group):
            at = doc.line((g, t))
            if not isinstance(word, str) or not term.fullmatch(word):
                problems.append(Problem(doc.file, at, where, f"{quote(word)} is geen {what}"))
            elif word in seen:
                problems.append(Problem(doc.file, at, where, f"{quote(word)} staat ook in groep {seen[word]}"))
            else:
                seen[word] = g + 1
                words.append(word)
        groups.append(tuple(words))
    if problems:
        raise CatalogueError(problems)
    return tuple(groups)
