"""A new resource written into the catalogue's text as one block, every other byte of the file the same.

Every value reaches the YAML only as a double-quoted scalar written by PyYAML, so no text from the proposal
can end its line or start another field; the block goes after the last entry of its first standard's
section.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from infobox.catalogue.model import Catalogue, standard_of
from infobox.catalogue.yaml_source import YamlDocument
from infobox.errors import Problem
from infobox.maintenance.catalogue_edit import EditError
from infobox.maintenance.proposal_form import PROVENANCE, Proposal


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


def insert(doc: YamlDocument, proposal: Proposal, catalogue: Catalogue, issue: int | None) -> str:
    """The text of the catalogue in `doc` with the proposal's block inserted; every other byte the same."""
    lines = doc.text.splitlines(keepends=True)
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
