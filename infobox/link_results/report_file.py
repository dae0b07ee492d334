"""links.json, the link job's report for machines: written by the job, read by `apply-moves` (and so the bot).

The one definition of the file for both sides, as `link_status` is for the history. Per link it holds the
status, the new address of a moved one, where the catalogue has it and whether it is reported; a reader gets
the links typed (`ReportedLink`) and skips an entry it cannot use, as a report it does not know.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from infobox.link_results.status import LinkStatus

MAX_BYTES = 64 * 1024 * 1024  # far above any real report


@dataclass(frozen=True)
class ReportedLink:
    url: str
    status: LinkStatus
    redirect_to: str | None = None  # where a moved link's page is now


class UnusableLinksFile(ValueError):
    """links.json cannot be read as the link job's: one Dutch phrase, without the file's name."""


def write_links_file(report: dict, path: str | os.PathLike[str]) -> None:
    """The report (`linkcheck.report.to_json`) as the file the readers below read."""
    Path(path).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")


def read_links_file(path: str | os.PathLike[str]) -> list[ReportedLink]:
    """Every link of the file with a known status, in file order; UnusableLinksFile when it is not a report."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UnusableLinksFile("is te groot")
        data = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as error:
        raise UnusableLinksFile(f"kan niet worden gelezen ({error.strerror})") from None
    except (UnicodeDecodeError, ValueError):
        raise UnusableLinksFile("is geen geldig JSON-bestand van de linkcontrole") from None
    except RecursionError:  # json nests by recursion: [[[[…]]]] a hundred thousand deep
        raise UnusableLinksFile("is te diep genest; dit is geen links.json van de linkcontrole") from None
    links = data.get("links") if isinstance(data, dict) else None
    if not isinstance(links, list):
        raise UnusableLinksFile("bevat geen lijst 'links'; is dit links.json van de linkcontrole?")
    found = []
    for link in links:
        if not isinstance(link, dict) or not isinstance(link.get("url"), str):
            continue
        if link.get("status") not in tuple(LinkStatus):
            continue
        redirect_to = link.get("redirect_to")
        found.append(
            ReportedLink(link["url"], LinkStatus(link["status"]), redirect_to if isinstance(redirect_to, str) else None)
        )
    return found
