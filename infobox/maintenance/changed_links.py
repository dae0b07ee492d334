"""The part of a catalogue whose links a pull request adds or changes, for a quick link check of just those.

Written as a catalogue file (source, standards and only the resources with a new address), so the link job
checks it exactly as it checks the whole catalogue every week.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from infobox.catalogue.loader import load_catalogue
from infobox.errors import CatalogueError


def changed_catalogue(head: Path, base: Path) -> tuple[str, int]:
    """(YAML text of the catalogue at `head` cut down to resources with an address not in `base`, their count).

    A base that is missing or invalid counts as empty: then every link is new."""
    current = load_catalogue(head)
    try:
        before = set(load_catalogue(base).urls()) if base.exists() else set()
    except CatalogueError:
        before = set()
    changed = {r.id for r in current.resources if any(link.url not in before for link in r.links)}
    data = yaml.safe_load(head.read_text(encoding="utf-8"))
    data["resources"] = [r for r in data["resources"] if r["id"] in changed]
    data.pop("removed", None)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), len(changed)
