"""The candidates for the search stemmer's exceptions (data/word-forms.yaml), found systematically.

    .venv/bin/python -m scripts.stem_collisions [--all]

Takes every word a reader can find (the search data of the site in mkdocs.yml: catalogue, pages and their
keywords) and every word of tests/relevance/queries.yaml, stems them with the site's own engine
(docs/javascripts/search-engine.js under node, with the word forms applied) and lists three kinds:

- same stem: different words the search gives one stem ("ouders" and "ouderen": "ouder");
- reached: a word whose stem begins other words of another stem that the word itself does not begin, so
  that typing it finds them ("overheid", stem "over", finds "overleg");
- not joined: a word and the same word with an inflection ending ("kind", "kinderen") where typing the
  longer one does not find the shorter.

Each candidate is decided once: a group in data/word-forms.yaml, or a line in
tests/relevance/stem_decisions.yaml saying why it needs none. The script prints the candidates still
undecided (with --all every candidate and its decision) and the decisions no candidate needs any more; it
exits 1 while any candidate is undecided.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from infobox.catalogue.word_groups import WordGroups
from infobox.site.search_index import SEARCH_INDEX

REPO = Path(__file__).resolve().parents[1]
ENGINE = REPO / "docs" / "javascripts" / "search-engine.js"
QUERIES = REPO / "tests" / "relevance" / "queries.yaml"
DECISIONS = REPO / "tests" / "relevance" / "stem_decisions.yaml"
KINDS = {
    "same-stem": "dezelfde stam",
    "reached": "via de stam gevonden",
    "not-joined": "niet samen gevonden",
}
MIN_WORD = 3  # shorter words match whole words only in the search
# Endings of Dutch plurals, diminutives and inflected adjectives; a doubled last consonant may come first
# ("gezin", "gezinnen").
ENDINGS = ("s", "e", "n", "en", "er", "ere", "eren", "es", "je", "jes", "tje", "tjes")
DOUBLED_ENDINGS = ("e", "en", "er", "es")

# Runs in node: the site's search index (search-engine.js) over the searchable words (a document) and the
# words only queries have (another), and for every word its stem and the words it finds as typed.
FINDS = """
import { readFileSync } from "node:fs";
const { SearchIndex } = await import(process.argv[1]);
const { searchable, queries, forms } = JSON.parse(readFileSync(0, "utf8"));
const index = new SearchIndex({ forms, docs: [{ text: searchable.join(" ") }, { text: queries.join(" ") }] });
const words = index.terms.map((term, id) => {
  const found = term.length < 3 ? [] : [...new Set(index.termsFor(term).flat())].map((other) => index.terms[other]);
  return [term, index.termStems[id], index.postings[id].docs[0] === 0, found];
});
process.stdout.write(JSON.stringify(words));
"""


@dataclass(frozen=True)
class Word:
    text: str
    stem: str
    searchable: bool  # in the search data, not only in a query
    finds: tuple[str, ...]  # the words typing it finds, by its stem or as typed (no typo or compound help)


def search_words(searchable: list[str], queries: list[str], forms: WordGroups) -> dict[str, Word]:
    """Every word of the texts as the site's search engine sees it, by its text."""
    node = shutil.which("node")
    if node is None:
        raise SystemExit("node ontbreekt: installeer nodejs (apt-get install nodejs)")
    payload = json.dumps({"searchable": searchable, "queries": queries, "forms": [list(g) for g in forms]})
    command = [node, "--input-type=module", "-e", FINDS, ENGINE.as_uri()]
    result = subprocess.run(command, input=payload, capture_output=True, text=True, check=True)
    return {
        text: Word(text, stem, searchable, tuple(found)) for text, stem, searchable, found in json.loads(result.stdout)
    }


def candidates(searchable: list[str], queries: list[str], forms: WordGroups) -> dict[str, dict[str, list[str]]]:
    """Every candidate of the three kinds among the words of the search data and the queries:
    {kind: {key: the words it concerns}}. What a group of word forms decides is none: its forms sharing a stem,
    and what they find."""
    group_of = {form: g for g, group in enumerate(forms) for form in group}
    words = {
        text: word
        for text, word in search_words(searchable, queries, forms).items()
        if len(text) >= MIN_WORD and not re.search(r"\d", text)
    }
    found: dict[str, dict[str, list[str]]] = {kind: {} for kind in KINDS}
    by_stem: dict[str, list[Word]] = {}
    for word in words.values():
        by_stem.setdefault(word.stem, []).append(word)
    for stem, alike in by_stem.items():
        grouped = {group_of.get(word.text, -1 - n) for n, word in enumerate(alike)}
        if len(alike) > 1 and any(word.searchable for word in alike) and len(grouped) > 1:
            found["same-stem"][stem] = sorted(word.text for word in alike)
    for word in words.values():
        if word.text in group_of:
            continue
        reached = [
            text
            for text in word.finds
            if text in words
            and words[text].searchable
            and words[text].stem != word.stem
            and not text.startswith(word.text)
        ]
        if reached:
            found["reached"][word.text] = sorted(reached)
    for base in sorted(text for text, word in words.items() if word.searchable):
        for ending in ENDINGS + tuple(base[-1] + ending for ending in DOUBLED_ENDINGS):
            longer = words.get(base + ending)
            if longer and base not in longer.finds:
                found["not-joined"][f"{base} {longer.text}"] = [base, longer.text]
    return found


def load_decisions(path: Path = DECISIONS) -> dict[str, dict[str, str]]:
    """{kind: {key: why}} from the decisions file ({kind: {why: [keys]}})."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    return {kind: {key: why for why, keys in (data or {}).get(kind, {}).items() for key in keys} for kind in KINDS}


def site_texts(config_file: Path) -> tuple[list[str], WordGroups]:
    """The searchable texts of the site built from `config_file`, and its word forms."""
    from infobox.site.config_file import read_config
    from infobox.site.generate import generated_files, hand_written_pages, settings, site_context

    config = read_config(config_file)
    root = config_file.resolve().parent
    ctx = site_context(settings(config.get("extra"), root))
    files = generated_files(ctx, hand_written_pages(root / (config.get("docs_dir") or "docs")))
    data = json.loads(files[SEARCH_INDEX])
    texts = [" ".join(str(doc.get(f, "")) for f in ("title", "meta", "text", "keywords")) for doc in data["docs"]]
    return texts, ctx.word_forms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Kandidaten voor data/word-forms.yaml: woorden die de zoekfunctie "
        "door hun stam verwart of niet samen vindt."
    )
    parser.add_argument("--all", action="store_true", help="ook de kandidaten waarover al besloten is")
    parser.add_argument("--config", default=str(REPO / "mkdocs.yml"), help="instellingen van de site")
    args = parser.parse_args(argv)
    texts, forms = site_texts(Path(args.config))
    queries = [entry["query"] for entry in yaml.safe_load(QUERIES.read_text(encoding="utf-8"))]
    found = candidates(texts, queries, forms)
    decisions = load_decisions()
    undecided = 0
    for kind, title in KINDS.items():
        for key, words in sorted(found[kind].items()):
            why = decisions[kind].get(key)
            undecided += why is None
            if why is None or args.all:
                print(f"{title}: {key}: {' '.join(words)} — {why or 'NOG NIET BESLIST'}")
        for key in sorted(set(decisions[kind]) - set(found[kind])):
            print(f"{title}: {key}: besluit in {DECISIONS.name} is niet meer nodig")
    print(f"{undecided} kandidaten nog niet beslist (data/word-forms.yaml of {DECISIONS.relative_to(REPO)})")
    return 1 if undecided else 0


if __name__ == "__main__":
    sys.exit(main())
