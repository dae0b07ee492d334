"""The site search's data: one JSON file made at build time from the catalogue and the pages.

The browser side (docs/javascripts/search-*.js) reads it in a worker of its own, builds an inverted index of
Dutch stems from it and answers every keystroke; nothing of a theme's search is used. This module decides
*what* is searchable and as which result:

- each resource is one result, pointing at its own page (`hulpmiddelen/<id>/`): title, then
  "organisation · type", then its description. Cards and the resource pages are never indexed again;
- every other page is split into sections at its h1-h3 headings (anchors as the Markdown `toc` extension
  makes them, so every result lands on a real heading); parts marked `data-search-exclude` and pages with
  `search: exclude: true` in their front matter stay out;
- every entry gets hidden `keywords` (search_keywords.py): compound parts, letter/digit runs and synonyms;
- the editors' exceptions to the stemmer (data/word-forms.yaml) go along as `forms`, for the browser's index.

Why the browser builds the inverted index rather than this module: a shipped index (terms and postings)
measured larger than the texts it is made of, gzipped, and the worker needs the texts for the results anyway.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from html.parser import HTMLParser

import markdown
import yaml

from infobox.catalogue.model import Catalogue, Resource
from infobox.catalogue.synonyms import Synonyms
from infobox.catalogue.vocabulary import THEMES
from infobox.catalogue.word_forms import WordForms
from infobox.site.card_slots import CARD
from infobox.site.page_addresses import resource_src, url_path
from infobox.site.search_keywords import KeywordMaker

SEARCH_INDEX = "search/index.json"  # where the site serves it; the header's search partial points here
FORMAT_VERSION = 2  # 2: the word forms (`forms`)
# The Markdown extensions of mkdocs.yml that shape headings and their anchors, plus fenced_code, which MkDocs
# always adds: the pages render as MkDocs renders them.
MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc", "fenced_code"]
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
# Cards are indexed from the catalogue, once; they are cut out of the page (CARD), before Markdown sees it where
# this module renders it (at 10,000 resources the cards are nearly all of a page). Excluded blocks go too; the
# HTML walk below drops any that remain.
EXCLUDED_BLOCK = re.compile(r"<(div|nav|form|p|span)\b[^>]*\bdata-search-exclude\b[^>]*>.*?</\1>", re.S)
SECTION_HEADINGS = {"h1", "h2", "h3"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SPACE = re.compile(r"\s+")


def search_index_json(
    catalogue: Catalogue, pages: Mapping[str, str], synonyms: Synonyms = (), word_forms: WordForms = ()
) -> str:
    """The search data of the site from the Markdown sources of every page ({src_uri: markdown}).

    For builds that do not render the pages themselves (Zensical, `python -m infobox pages`); the MkDocs build
    hands the HTML it renders anyway to `html_entries` instead and gets the same data (tested)."""
    sections = markdown_entries({src_uri: source for src_uri, source in pages.items() if src_uri.endswith(".md")})
    return search_data(catalogue, sections, synonyms, word_forms)  # pages only: not catalogue.json, nor this file


def markdown_entries(pages: Mapping[str, str]) -> dict[str, list[dict]]:
    """The sections of each page from its Markdown source ({src_uri: markdown})."""
    renderer = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)  # one for all pages: setting it up costs more
    return {src_uri: page_entries(src_uri, source, renderer) for src_uri, source in pages.items()}


def search_data(
    catalogue: Catalogue, sections: Mapping[str, list[dict]], synonyms: Synonyms = (), word_forms: WordForms = ()
) -> str:
    """The JSON file: the word forms, every resource, then the sections of every page ({src_uri: entries}) in
    path order."""
    entries = [resource_entry(resource) for resource in catalogue.resources]
    for src_uri in sorted(sections):
        entries.extend(sections[src_uri])
    maker = KeywordMaker((f"{e['title']} {e['meta']} {e['text']}" for e in entries), synonyms)
    for entry in entries:
        own = maker.keywords(f"{entry['title']} {entry['meta']} {entry['text']}")
        keywords = " ".join(filter(None, (own, entry.pop("keywords", ""))))
        if keywords:
            entry["keywords"] = keywords
    data = {"version": FORMAT_VERSION, "forms": [list(group) for group in word_forms], "docs": entries}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def resource_entry(resource: Resource) -> dict:
    """A resource's result: its title, "organisation · type", its description. Its themes and the one name of
    each organisation (the editors' grouping: "movisie.nl" is found as "Movisie") are hidden keywords: found,
    never shown as the Infobox's words."""
    extra = [name for name in resource.organisation_groups if name not in resource.organisations]
    extra += [THEMES[key] for key in resource.themes]
    return {
        "url": url_path(resource_src(resource.id)),
        "title": resource.title,
        "meta": f"{resource.organisation_names} · {resource.type}",
        "text": resource.description,
        "resource": 1,
        "keywords": " ".join(extra).lower(),
    }


def page_entries(src_uri: str, source: str, renderer: markdown.Markdown) -> list[dict]:
    """The sections of a page from its Markdown source (front matter included)."""
    meta, body = front_matter(source)
    if excluded(meta):
        return []
    return _sections(src_uri, meta, renderer.reset().convert(searchable(body)))


def html_entries(src_uri: str, meta: Mapping, html: str) -> list[dict]:
    """One entry per section of a page rendered to HTML (its text before the first h2 belongs to the page
    itself); `meta` is its front matter."""
    return [] if excluded(meta) else _sections(src_uri, meta, searchable(html))


def _sections(src_uri: str, meta: Mapping, html: str) -> list[dict]:
    """The entries of a page's HTML, its cards and excluded blocks already cut out."""
    sections = Sections()
    sections.feed(html)
    sections.close()
    page_url = url_path(src_uri)
    page_title = str(meta.get("title") or "") or next((title for _, title, _ in sections.found if title), "")
    entries = []
    for anchor, title, text in sections.found:
        if not title and not text:
            continue
        own = not anchor or not entries  # the page's h1 (or text before any heading) is the page itself
        entries.append(
            {
                "url": page_url if own else f"{page_url}#{anchor}",
                "title": title or page_title,
                "meta": "" if own else page_title,
                "text": text,
            }
        )
    return entries


def excluded(meta: Mapping) -> bool:
    """`search: exclude: true` in the front matter keeps a page out."""
    return bool((meta.get("search") or {}).get("exclude"))


def searchable(text: str) -> str:
    """The page without its cards and excluded blocks (Markdown or HTML alike: both are raw HTML in it)."""
    return EXCLUDED_BLOCK.sub("", CARD.sub("", text))


def front_matter(source: str) -> tuple[dict, str]:
    match = FRONT_MATTER.match(source)
    if not match:
        return {}, source
    data = yaml.safe_load(match[1])
    return (data if isinstance(data, dict) else {}), source[match.end() :]


class Sections(HTMLParser):
    """Splits rendered HTML at h1-h3 into (anchor, heading text, body text), skipping excluded elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []
        self._anchor, self._title, self._text = "", [], []
        self._heading: str | None = None
        self._skip: list[str] = []  # open tags of an excluded element

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attributes = dict(attrs)
        if self._skip or "data-search-exclude" in attributes:
            self._skip.append(tag)
            return
        if tag in SECTION_HEADINGS:
            self._flush()
            self._anchor, self._heading = attributes.get("id") or "", tag

    def handle_endtag(self, tag):
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            return
        if tag == self._heading:
            self._heading = None
        elif tag in {"p", "li", "td", "th", "div"}:
            self._text.append(" ")

    def handle_data(self, data):
        if not self._skip:
            (self._title if self._heading else self._text).append(data)

    def close(self):
        super().close()
        self._flush()

    def _flush(self):
        title = SPACE.sub(" ", "".join(self._title)).strip()
        text = SPACE.sub(" ", "".join(self._text)).strip()
        if title or text:
            self.found.append((self._anchor, title, text))
        self._title, self._text = [], []
