"""The blocks of a parsed catalogue as the rules walk them, before it is validated.

The rules run on the file as YAML gave it, also when the schema rejects parts of it (so every problem is
reported in one run): these helpers yield only the blocks and texts of the expected kind and skip the rest,
which the schema reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def blocks(data: Any, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, entry) of the blocks in data[key], skipping whatever the schema already rejects."""
    items = data.get(key) if isinstance(data, dict) else None
    for i, entry in enumerate(items if isinstance(items, list) else []):
        if isinstance(entry, dict):
            yield i, entry


def texts(entry: dict[str, Any], key: str) -> Iterator[tuple[int, str]]:
    items = entry.get(key)
    for k, value in enumerate(items if isinstance(items, list) else []):
        if isinstance(value, str):
            yield k, value


def text_of(entry: dict[str, Any], key: str) -> str | None:
    """entry[key] when it is text (anything else is the schema's to report)."""
    value = entry.get(key)
    return value if isinstance(value, str) else None
