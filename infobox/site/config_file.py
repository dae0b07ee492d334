"""Read mkdocs.yml without MkDocs: the settings both generators share, with MkDocs' `!ENV` tag.

`!ENV NAME` and `!ENV [NAME, OTHER, default]` take the first environment variable that is set, else the
default (None without one), as MkDocs and Zensical both do. Other tags (`!!python/name:` in Markdown
extension settings) are kept as plain values: this reader only needs `extra`, `site_url`, `docs_dir` and
`theme`. The file is bounded before it is parsed, and the values read are checked for their kind, so a
broken file is one Dutch line (ConfigError), never a traceback.
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


MAX_BYTES = 1024 * 1024  # mkdocs.yml is a few KB
MAX_DEPTH = 32  # it nests 4 levels
# The settings read, and the kind each must have; `extra.infobox` holds texts only.
MAPPINGS, TEXTS = ("extra", "theme"), ("site_url", "docs_dir")


def _depth(text: str) -> int:
    """How deep the document's blocks and lists nest, from libyaml's events (no tree is built)."""
    depth = deepest = 0
    for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                break
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return deepest


class ConfigError(ValueError):
    """mkdocs.yml cannot be used; the message is one Dutch line naming the file."""


def read_config(path: Path) -> dict[str, Any]:
    """The settings of mkdocs.yml; ConfigError when it is unreadable, no YAML, or a setting of the wrong kind."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise ConfigError(f"{path}: is groter dan {MAX_BYTES // 1024} KB; dit is geen mkdocs.yml")
        text = raw.decode("utf-8")
        if _depth(text) > MAX_DEPTH:
            raise ConfigError(f"{path}: is meer dan {MAX_DEPTH} niveaus diep genest; dit is geen mkdocs.yml")
        config = yaml.load(text, Loader=_Loader) or {}  # a SafeLoader with !ENV
    except OSError as error:
        raise ConfigError(f"{path}: kan niet worden gelezen ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: is geen UTF-8-tekst") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConfigError(f"{path}:{mark.line + 1 if mark else 1}: geen geldige YAML") from None
    except RecursionError:
        raise ConfigError(f"{path}: is te diep genest") from None
    if not isinstance(config, dict):
        raise ConfigError(f"{path}: bevat geen instellingen (sleutel: waarde)")
    wrong = [key for key in MAPPINGS if not isinstance(config.get(key) or {}, dict)]
    wrong += [key for key in TEXTS if not isinstance(config.get(key) or "", str)]
    infobox = (config.get("extra") or {}).get("infobox") if not wrong else None
    if not isinstance(infobox or {}, dict):
        wrong.append("extra.infobox")
    elif infobox:
        wrong += [f"extra.infobox.{key}" for key, value in infobox.items() if not isinstance(value or "", str)]
    if wrong:
        raise ConfigError(f"{path}: {wrong[0]} heeft niet de vorm die de site verwacht")
    return config
