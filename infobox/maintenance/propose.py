"""`python -m infobox propose ISSUE_BODY_FILE`: turn a proposal from the issue form into a catalogue entry.

The issue body is data from anyone on the internet. It is read as text (GitHub writes one `### label`
heading per form field, `_No response_` for an empty one, `- [X]` for a ticked box), bounded in size, and
every value reaches the YAML only as a double-quoted scalar written by PyYAML; the new block is inserted as
text after the last entry of its first standard's section, so every other byte of the file stays the same.
Then the whole file is validated and read back: it must hold exactly the old entries plus this one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from infobox.catalogue.loader import load_catalogue
from infobox.catalogue.model import Catalogue, standard_of
from infobox.catalogue.vocabulary import AUDIENCES, TYPES
from infobox.catalogue.yaml_source import YamlDocument, parse_yaml
from infobox.errors import CatalogueError, Problem
from infobox.maintenance.catalogue_edit import MAX_CATALOGUE_BYTES, EditError, read_text, write_validated
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
CHECKBOX = re.compile(r" *- \[([ xX])\] (.*)")
ID_MAX = 60
# Characters no catalogue text needs; kept out so nothing invisible reaches the site (tab and newline may stay).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


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
        if match:
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


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > ID_MAX:
            break
        out = f"{out}-{word}" if out else word
    return out or "voorstel"


def fresh_id(title: str, taken: set[str]) -> str:
    base = slug(title)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
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
        if CONTROL.search(values.get(field.label, "")):
            problems.append(f"{field.label}: bevat onzichtbare tekens; typ de tekst opnieuw")
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
    resource = {
        "id": fresh_id(values[TITLE.label], {r.id for r in catalogue.resources}),
        "title": values[TITLE.label],
        "description": values[DESCRIPTION.label],
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


class _BlockDumper(yaml.SafeDumper):
    """Lists indented under their key, as the catalogue writes them."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


class _Text(str):
    """A proposer's text: always double-quoted, so no value can end its line or start another field."""


class _Flow(list):
    """A short list of vocabulary words or references, written inline like the catalogue's own."""


_BlockDumper.add_representer(_Text, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style='"'))
_BlockDumper.add_representer(_Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))


def yaml_block(resource: dict, indent: str, issue: int | None) -> str:
    """The entry as catalogue lines at `indent` (the column of the file's other `- id:` lines)."""

    def quoted(value):
        if isinstance(value, str):
            return _Text(value)
        if isinstance(value, list):
            return [quoted(v) for v in value]
        return {k: quoted(v) for k, v in value.items()}

    entry = {key: quoted(value) for key, value in resource.items()}
    entry["id"] = resource["id"]  # a slug: plain, like every other id
    entry["type"] = resource["type"]  # a vocabulary word, checked above
    entry["provenance"] = PROVENANCE
    if "audience" in entry:
        entry["audience"] = _Flow(resource["audience"])  # vocabulary words, checked above: plain
    entry["standards"] = _Flow(entry["standards"])
    entry["added"] = dt.date.fromisoformat(resource["added"])  # written plain, as the maintainers write dates
    text = yaml.dump([entry], Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=100)
    comment = f"{indent}# Voorgesteld via issue #{issue}.\n" if issue is not None else ""
    return comment + "".join(indent + line if line.strip() else line for line in text.splitlines(keepends=True))


def _is_outer(line: str, indent: int) -> bool:
    """Blank, or a comment at the level of the entries (a section heading): not part of an entry."""
    stripped = line.strip()
    return not stripped or (stripped.startswith("#") and len(line) - len(line.lstrip(" ")) <= indent)


def insertion_line(lines: list[str], doc: YamlDocument, standard_id: str, catalogue: Catalogue) -> int:
    """Index in `lines` before which the new entry goes: after the last entry of the standard's section, or
    under its `# --- Kwaliteitsstandaard N ---` heading when it has none yet, or after the last entry of an
    earlier standard."""
    resources = doc.data["resources"]
    starts = [doc.line(("resources", i)) - 1 for i in range(len(resources))]
    indent = len(lines[starts[0]]) - len(lines[starts[0]].lstrip(" ")) if starts else 2
    order = {s.id: n for n, s in enumerate(catalogue.standards)}

    def end_of(i: int) -> int:
        """Index just after entry i's last line (its trailing blank lines and the next section's comments excluded)."""
        end = starts[i + 1] if i + 1 < len(starts) else len(lines)
        while end > starts[i] + 1 and _is_outer(lines[end - 1], indent):
            end -= 1
        return end

    section = [i for i, r in enumerate(resources) if standard_of(r["standards"][0]) == standard_id]
    if section:
        return end_of(section[-1])
    heading = re.compile(rf"^\s*# --- Kwaliteitsstandaard {re.escape(standard_id)} ---\s*$")
    for n, line in enumerate(lines):
        if heading.match(line):
            n += 1
            while n < len(lines) and lines[n].strip().startswith("#"):
                n += 1
            return n
    earlier = [i for i, r in enumerate(resources) if order[standard_of(r["standards"][0])] < order[standard_id]]
    if earlier:
        return end_of(earlier[-1])
    if starts:
        return starts[0]
    raise EditError([Problem(doc.file, doc.line(("resources",)), "resources", "geen plaats voor een nieuw hulpmiddel")])


def insert(text: str, proposal: Proposal, catalogue: Catalogue, file: str, issue: int | None) -> str:
    """`text` with the proposal's block inserted; every other byte the same."""
    doc = parse_yaml(text, file)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    at = insertion_line(lines, doc, standard_of(proposal.resource["standards"][0]), catalogue)
    first = doc.line(("resources", 0)) - 1 if doc.data["resources"] else None
    indent = " " * (len(lines[first]) - len(lines[first].lstrip(" "))) if first is not None else "  "
    block = yaml_block(proposal.resource, indent, issue)
    before, after = lines[:at], lines[at:]
    # One blank line between entries, as everywhere in the catalogue.
    lead = "" if not before or not before[-1].strip() else "\n"
    trail = "\n" if after and after[0].strip() else ""
    return "".join(before) + lead + block + trail + "".join(after)


def propose(body_path: Path, catalogue_path: Path, issue: int | None = None, today: dt.date | None = None) -> Proposal:
    """Add the proposal in the body file to the catalogue file. ProposalError (the proposer's to fix),
    EditError or CatalogueError (the maintainers' to fix) leave the catalogue untouched."""
    try:
        if body_path.stat().st_size > 4 * MAX_BODY_CHARS:
            raise ProposalError([f"Het voorstel is te lang (hoogstens {MAX_BODY_CHARS} tekens)."])
        body = body_path.read_bytes().decode("utf-8")
    except OSError as error:
        raise EditError(
            [Problem(str(body_path), 0, "voorstel", f"kan niet worden gelezen ({error.strerror})")]
        ) from None
    except UnicodeDecodeError:
        raise ProposalError(["Het voorstel is geen UTF-8-tekst."]) from None
    catalogue = load_catalogue(catalogue_path)
    proposal = parse_proposal(body, catalogue, today or dt.date.today())
    text = read_text(catalogue_path)
    new_text = insert(text, proposal, catalogue, str(catalogue_path), issue)
    if len(new_text.encode("utf-8")) > MAX_CATALOGUE_BYTES:
        raise EditError([Problem(str(catalogue_path), 0, "bestand", "wordt te groot")])
    old = parse_yaml(text, str(catalogue_path)).data
    new = parse_yaml(new_text, str(catalogue_path)).data
    others = [r for r in (new or {}).get("resources", []) if r.get("id") != proposal.id]
    added = [r for r in (new or {}).get("resources", []) if r.get("id") == proposal.id]
    rest_same = {k: v for k, v in new.items() if k != "resources"} == {k: v for k, v in old.items() if k != "resources"}
    if others != old["resources"] or added != [proposal.resource] or not rest_same:
        raise EditError([Problem(str(catalogue_path), 0, "bestand", "het voorstel kon niet precies worden ingevoegd")])
    try:
        write_validated(catalogue_path, new_text)
    except CatalogueError as error:
        start = doc_line_of(new_text, str(catalogue_path), proposal.id)
        mine = [p for p in error.problems if p.line >= start]
        if len(mine) == len(error.problems):
            raise ProposalError([_for_proposer(p) for p in mine]) from None
        raise
    return proposal


def doc_line_of(text: str, file: str, resource_id: str) -> int:
    doc = parse_yaml(text, file)
    index = next(i for i, r in enumerate(doc.data["resources"]) if r["id"] == resource_id)
    return doc.line(("resources", index))


YAML_FIELDS = {
    "title": TITLE.label,
    "description": DESCRIPTION.label,
    "organisation": ORGANISATION.label,
    "type": TYPE.label,
    "audience": AUDIENCE.label,
    "standards": STANDARDS.label,
    "links": LINKS.label,
}


def _for_proposer(problem: Problem) -> str:
    """A validation problem of the new entry, named by the form's field instead of the file's line."""
    # The field as validate names it: 'hulpmiddel "Titel" (id) › links[0].url' (or 'resources[3].links…').
    key = re.search(r"(?:› |^resources\[\d+\]\.)(\w+)", problem.field)
    label = YAML_FIELDS.get(key[1], key[1]) if key else problem.field
    return f"{label}: {problem.message}" + (f" ({problem.hint})" if problem.hint else "")
