"""A new resource written into the catalogue's text as one block, every other byte of the file the same.

The block is written as BEHEER.md teaches: the description as a folded block (`>-`), other texts plain,
lists of vocabulary words inline, references quoted. Every value is written by PyYAML, never pasted into the
text: it writes a text plain only when it reads back as that text, else quoted, and a folded block as
indented lines, so no proposer's text can end its line or start another field (and the edited file is read
back and compared before it is written). The block goes after the last
entry of its first standard's section, before whatever follows the list of resources (`removed:`, comments),
in the file's own line endings.
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


class _Quoted(str):
    """A reference such as "3A": double-quoted, as BEHEER.md asks (a bare 10 would be a number)."""


class _Folded(str):
    """A long text as a folded block (`>-`); PyYAML falls back to double quotes when a block cannot hold it."""


class _Flow(list):
    """A short list of vocabulary words or references, written inline like the catalogue's own."""


_BlockDumper.add_representer(_Quoted, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style='"'))
_BlockDumper.add_representer(_Folded, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style=">"))
_BlockDumper.add_representer(_Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))


def yaml_block(resource: dict, indent: str, issue: int | None, newline: str = "\n") -> str:
    """The entry as catalogue lines at `indent` (the column of the file's other `- id:` lines), each ending in
    `newline`. Other texts are plain where PyYAML finds that reads back as the same text, else quoted."""
    entry = dict(resource)
    entry["description"] = _Folded(resource["description"])
    entry["provenance"] = PROVENANCE
    if "audience" in entry:
        entry["audience"] = _Flow(resource["audience"])
    entry["standards"] = _Flow(_Quoted(ref) for ref in resource["standards"])
    entry["added"] = dt.date.fromisoformat(resource["added"])  # written plain, as the maintainers write dates
    text = yaml.dump([entry], Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=100)
    lines = [f"# Voorgesteld via issue #{issue}."] if issue is not None else []
    lines += text.split("\n")[:-1]
    return "".join((indent + line if line.strip() else "") + newline for line in lines)


def _is_outer(line: str, indent: int) -> bool:
    """Blank, or a comment at the level of the entries (a section heading): not part of an entry."""
    stripped = line.strip()
    return not stripped or (stripped.startswith("#") and len(line) - len(line.lstrip(" ")) <= indent)


# A line at the left margin that is not an entry, a comment or blank: the next key of the file (`removed:`).
_TOP_LEVEL = re.compile(r"[^\s#-]|-[^\s]")


def _end_of_list(lines: list[str], last_start: int) -> int:
    """Index just after the list of resources: the next top-level key (`removed:`, `organisations:`) or the end."""
    return next((n for n in range(last_start + 1, len(lines)) if _TOP_LEVEL.match(lines[n])), len(lines))


def insertion_line(lines: list[str], doc: YamlDocument, standard_id: str, catalogue: Catalogue) -> int:
    """Index in `lines` before which the new entry goes: after the last entry of the standard's section, or
    under its `# --- Kwaliteitsstandaard N ---` heading when it has none yet, or after the last entry of an
    earlier standard."""
    resources = doc.data["resources"]
    starts = [doc.line(("resources", i)) - 1 for i in range(len(resources))]
    indent = len(lines[starts[0]]) - len(lines[starts[0]].lstrip(" ")) if starts else 2
    order = {s.id: n for n, s in enumerate(catalogue.standards)}
    list_end = _end_of_list(lines, starts[-1]) if starts else len(lines)

    def end_of(i: int) -> int:
        """Index just after entry i's last line (its trailing blank lines and the next section's comments excluded)."""
        end = starts[i + 1] if i + 1 < len(starts) else list_end
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
    """The text of the catalogue in `doc` with the proposal's block inserted; every other byte the same.

    The block's lines end as the file's first line does (CRLF stays CRLF); a file without a final line break
    keeps going without one."""
    lines = doc.text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    unterminated = bool(lines) and not lines[-1].endswith(("\n", "\r"))
    if unterminated:
        lines[-1] += newline
    at = insertion_line(lines, doc, standard_of(proposal.resource["standards"][0]), catalogue)
    first = doc.line(("resources", 0)) - 1 if doc.data["resources"] else None
    indent = " " * (len(lines[first]) - len(lines[first].lstrip(" "))) if first is not None else "  "
    block = yaml_block(proposal.resource, indent, issue, newline)
    before, after = lines[:at], lines[at:]
    # One blank line between entries, as everywhere in the catalogue.
    lead = "" if not before or not before[-1].strip() else newline
    trail = newline if after and after[0].strip() else ""
    text = "".join(before) + lead + block + trail + "".join(after)
    return text[: -len(newline)] if unterminated else text
