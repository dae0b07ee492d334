"""Links that download a file instead of opening a page, and the hint readers see for them ("PDF").

The site adds the hint after the link label; `validate` warns when a label already names the file type,
which would make it appear twice ("Handreiking (PDF, Movisie) (PDF)").
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

_FILE_HINTS = {
    ".pdf": "PDF",
    ".doc": "Word",
    ".docx": "Word",
    ".xls": "Excel",
    ".xlsx": "Excel",
    ".ppt": "PowerPoint",
    ".pptx": "PowerPoint",
    ".mp4": "video",
}


def file_hint(url: str) -> str:
    """A visible hint such as 'PDF' for links that download a file instead of opening a page."""
    path = urlsplit(url).path.lower()
    for suffix, hint in _FILE_HINTS.items():
        if path.endswith(suffix):
            return hint
    return ""


def label_names(label: str, hint: str) -> bool:
    """True when the label already says the hint as a word ('Handreiking (PDF, VNG)' names 'PDF')."""
    return bool(hint) and re.search(rf"\b{re.escape(hint)}\b", label, re.IGNORECASE) is not None


@lru_cache(maxsize=65536)  # each link is on a card on about five pages; bounded for `mkdocs serve`
def extra_hint(url: str, label: str) -> str:
    """The hint to show after `label`: none when the label already names the file type."""
    hint = file_hint(url)
    return "" if label_names(label, hint) else hint
