"""Read a YAML file into plain data plus the line of every node, rejecting what PyYAML lets slip.

PyYAML silently keeps the last of two equal keys and turns `2021-01-25` into a date object; maintainers
need the first reported and the second kept as text (the schema checks it), so we compose the node tree
ourselves and keep a path -> line index for error messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from infobox.errors import Problem

Path_ = tuple[str | int, ...]


# libyaml's parser when PyYAML was built with it (the wheels are): about 8x faster on large catalogues.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextDatesLoader(_BaseLoader):
    """SafeLoader that leaves timestamps as strings, so dates are validated as text by the schema."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlDocument:
    file: str
    data: Any = None
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line(self, path: Path_) -> int:
        """Line of the node at `path`, or of its nearest existing parent."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def read_yaml(path: str | Path) -> YamlDocument:
    doc = YamlDocument(file=str(path))
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        doc.problems.append(Problem(doc.file, 0, "bestand", f"kan niet worden gelezen ({exc.strerror})"))
        return doc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        doc.problems.append(Problem(doc.file, line, "bestand", "is geen UTF-8-tekst; sla het bestand op als UTF-8"))
        return doc

    loader = _TextDatesLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            doc.problems.append(Problem(doc.file, 1, "bestand", "is leeg"))
            return doc
        _index(root, (), doc)
        doc.data = loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = " ".join(part for part in (exc.context, exc.problem) if part)
        doc.problems.append(Problem(doc.file, line, "yaml", f"ongeldige YAML: {what}"))
    except yaml.YAMLError as exc:
        doc.problems.append(Problem(doc.file, 1, "yaml", f"ongeldige YAML: {exc}"))
    finally:
        loader.dispose()
    return doc


def _index(node: yaml.Node, path: Path_, doc: YamlDocument) -> None:
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                doc.problems.append(
                    Problem(
                        doc.file,
                        line,
                        dotted((*path, key)),
                        f"staat dubbel in hetzelfde blok (eerder op regel {seen[key]})",
                    )
                )
                continue
            seen[key] = line
            _index(value_node, (*path, key), doc)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*path, i), doc)


def dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(bestand)"
