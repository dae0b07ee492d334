"""A proposal from the issue form, read into the catalogue entry it proposes.

The issue body is data from anyone on the internet. It is read as text (GitHub writes one `### label`
heading per form field, `_No response_` for an empty one, `- [X]` for a ticked box), bounded in size and
checked against the form's own choices and the catalogue's rule for invisible characters; every problem is
one Dutch line for the person who proposed it. A `### ` line that is no label of the form is the proposer's
own text and stays in the value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from infobox.catalogue.invisible_characters import invisible_character
from infobox.catalogue.model import Catalogue
from infobox.catalogue.vocabulary import AUDIENCES, TYPES
from infobox.maintenance.issue_form import (
    AUDIENCE,
    DESCRIPTION,
    FIELDS,
    LINKS,
    ORGANISATION,
    PROPOSER,
    STANDARDS,
    TITLE,
    TYPE,
    reference_options,
)

PROVENANCE = "voorstel"  # schema.py: proposed through the issue form, added by a maintainer's label
MAX_BODY_CHARS = 65_536  # GitHub's own limit for an issue body
MAX_LINKS = 20
LIMITS = {TITLE: 200, ORGANISATION: 300, DESCRIPTION: 3000, PROPOSER: 200}
MAX_LABEL, MAX_URL = 200, 2000
NO_RESPONSE = "_No response_"
HEADING = re.compile(r"### (.*)")  # matched at a line's start; the label is stripped after
LABELS = frozenset(field.label for field in FIELDS)
CHECKBOX = re.compile(r" *- \[([ xX])\] (.*)")
ID_MAX = 40  # BEHEER.md asks for a short id: it is part of every address of the entry
# Articles and prepositions a cut id does not end on.
LOOSE_ENDS = frozenset("de het een en of van voor na naar in op met bij aan te tot om over uit door".split())  # noqa: SIM905


@dataclass(frozen=True)
class Proposal:
    resource: dict  # the new catalogue entry, as it will read back from the YAML
    proposer: str
    # Links of the proposal the catalogue already holds, with the ids that hold them: perhaps a duplicate.
    already_listed: dict[str, list[str]] = dataclasses.field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.resource["id"]


class ProposalError(Exception):
    """The proposal cannot be added; `messages` are Dutch lines for the person who proposed it."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("\n".join(messages))


def sections(body: str) -> tuple[dict[str, str], list[str]]:
    """{heading: text} of a form body, and problems (a heading twice is ambiguous, so it is refused)."""
    found: dict[str, list[str]] = {}
    problems = []
    current = None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        match = HEADING.match(line)
        if match and match[1].strip() in LABELS:
            current = match[1].strip()
            if current in found:
                problems.append(f"{current}: staat twee keer in het voorstel")
            found[current] = []
        elif current is not None:
            found[current].append(line)
    values = {}
    for heading, lines in found.items():
        value = "\n".join(lines).strip()
        values[heading] = "" if value == NO_RESPONSE else value
    return values, problems


def ticked(text: str) -> list[str]:
    return [m[2].strip() for line in text.split("\n") if (m := CHECKBOX.match(line)) and m[1] in "xX"]


def parse_links(text: str) -> tuple[list[dict], list[str]]:
    """One link per line: 'omschrijving https://…' (or a Markdown link); problems for lines that are not."""
    links, problems = [], []
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > MAX_LINKS:
        return [], [f"{LINKS.label}: hoogstens {MAX_LINKS} links"]
    for n, line in enumerate(lines, 1):
        if len(line) > MAX_LABEL + MAX_URL + 8:  # before any pattern: keeps the work per line small
            problems.append(f"{LINKS.label}, regel {n}: is te lang")
            continue
        markdown = re.fullmatch(r"\[(.+)\]\((\S+)\)", line)
        if markdown:
            label, url = markdown[1], markdown[2]
        else:
            words = line.split()
            if "://" in words[-1]:
                label, url = " ".join(words[:-1]), words[-1]
            elif "://" in words[0]:
                label, url = " ".join(words[1:]), words[0]
            else:
                problems.append(f"{LINKS.label}, regel {n}: geen webadres gevonden (begin het met https://)")
                continue
        url = url.strip("<>")
        label = label.strip(" -–—:|")
        if not label:
            problems.append(f"{LINKS.label}, regel {n}: zet vóór het webadres een korte omschrijving")
        elif len(label) > MAX_LABEL or len(url) > MAX_URL:
            problems.append(f"{LINKS.label}, regel {n}: is te lang")
        else:
            links.append({"url": url, "label": label})
    return links, problems


def slug(text: str, limit: int = ID_MAX) -> str:
    """The title's words in lower-case ASCII joined by hyphens, at most `limit` characters, cut after a word
    (and before a trailing article or preposition: `handreiking-veilig-thuis`, not `…-thuis-na-de`)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    kept = [words[0][:limit]] if words else []
    for word in words[1:]:
        if len("-".join([*kept, word])) > limit:
            while len(kept) > 1 and kept[-1] in LOOSE_ENDS:
                kept.pop()
            break
        kept.append(word)
    return "-".join(kept) or "voorstel"


def fresh_id(title: str, taken: set[str]) -> str:
    """The title's slug, or with -2, -3, … when an entry has it or had it (`removed:` ids never return)."""
    candidate, n = slug(title), 2
    while candidate in taken:
        candidate, n = f"{slug(title, ID_MAX - len(str(n)) - 1)}-{n}", n + 1
    return candidate


def parse_proposal(body: str, catalogue: Catalogue, today: dt.date) -> Proposal:
    """The entry a form body proposes, added `today`; ProposalError with every problem found."""
    if len(body) > MAX_BODY_CHARS:
        raise ProposalError([f"Het voorstel is te lang (hoogstens {MAX_BODY_CHARS} tekens)."])
    values, problems = sections(body)
    for field in FIELDS:
        if field not in (AUDIENCE, STANDARDS) and not values.get(field.label):
            problems.append(f"{field.label}: ontbreekt")
    for field, limit in LIMITS.items():
        if len(values.get(field.label, "")) > limit:
            problems.append(f"{field.label}: is te lang (hoogstens {limit} tekens)")
    for field in FIELDS:
        character = invisible_character(values.get(field.label, ""))
        if character:
            problems.append(f"{field.label}: bevat een onzichtbaar teken ({character}); typ de tekst opnieuw")
    type_ = values.get(TYPE.label, "")
    if type_ and type_ not in TYPES:
        problems.append(f"{TYPE.label}: {type_!r} is geen keuze van het formulier; kies uit: {', '.join(TYPES)}")
    audience = ticked(values.get(AUDIENCE.label, ""))
    unknown = [a for a in audience if a not in AUDIENCES]
    if unknown:
        problems.append(f"{AUDIENCE.label}: onbekende keuze {', '.join(map(repr, unknown))}")
    options = reference_options(catalogue)
    chosen = ticked(values.get(STANDARDS.label, ""))
    unknown = [c for c in chosen if c not in options]
    if unknown:
        problems.append(f"{STANDARDS.label}: onbekende keuze {', '.join(map(repr, unknown))}")
    refs = list(dict.fromkeys(options[c] for c in chosen if c in options))
    if not refs:
        problems.append(f"{STANDARDS.label}: kies minstens één kwaliteitsstandaard of onderdeel")
    links, link_problems = parse_links(values.get(LINKS.label, ""))
    problems += link_problems
    if problems:
        raise ProposalError(problems)
    organisations = [name.strip() for name in values[ORGANISATION.label].split(";") if name.strip()]
    # Spaces at a line's end are invisible and would keep the description out of a folded block.
    description = "\n".join(line.rstrip() for line in values[DESCRIPTION.label].split("\n"))
    resource = {
        "id": fresh_id(values[TITLE.label], {r.id for r in catalogue.resources} | {r.id for r in catalogue.removed}),
        "title": values[TITLE.label],
        "description": description,
        "organisation": organisations[0] if len(organisations) == 1 else organisations,
        "type": type_,
        **({"audience": [a for a in AUDIENCES if a in audience]} if audience else {}),
        "standards": refs,
        "added": today.isoformat(),  # the day it entered the catalogue (the pull request's day)
        "provenance": PROVENANCE,
        "links": links,
    }
    owners = catalogue.urls()
    listed = {link["url"]: [r.id for r in owners[link["url"]]] for link in links if link["url"] in owners}
    return Proposal(resource, values[PROPOSER.label], listed)
