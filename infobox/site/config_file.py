"""Read mkdocs.yml without MkDocs: the settings both generators share, with MkDocs' `!ENV` tag.

`!ENV NAME` and `!ENV [NAME, OTHER, default]` take the first environment variable that is set, else the
default (None without one), as MkDocs and Zensical both do. Other tags (`!!python/name:` in Markdown
extension settings) are kept as plain values: this reader only needs `extra`, `site_url` and `docs_dir`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml


class _Loader(yaml.SafeLoader):
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    elif isinstance(node, yaml.SequenceNode) and node.value:
        *name_nodes, last = node.value
        if not name_nodes:
            name_nodes, last = [last], None
        names = [loader.construct_scalar(n) for n in name_nodes]
        default = loader.construct_object(last) if last is not None else None
    else:
        raise yaml.constructor.ConstructorError(None, None, "!ENV verwacht een naam of een lijst", node.start_mark)
    for name in names:
        if name in os.environ:
            value = os.environ[name]
            # Typed as YAML would type the bare value ("true" -> True), like MkDocs' own !ENV.
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("", _any_tag)


def read_config(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as file:
        return yaml.load(file, Loader=_Loader) or {}  # a SafeLoader with !ENV
