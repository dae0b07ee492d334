"""Dutch wording of dates (via Babel's CLDR data, no dependency on the build machine's locales) and of counts."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date


def parse_moment(value: str | dt.date | None) -> dt.date | None:
    """A date from an ISO 8601 date or timestamp (as the link job writes them); None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()


def long_date(value: str | dt.date | None) -> str:
    """'23 november 2026'; empty string when there is no date."""
    day = parse_moment(value)
    return format_date(day, "d MMMM y", locale="nl") if day else ""


def month_year(value: str | dt.date | None) -> str:
    """'januari 2021': when a person checked an entry, as precisely as readers need it."""
    day = parse_moment(value)
    return _month_year(day.year, day.month) if day else ""


@lru_cache(maxsize=1024)
def _month_year(year: int, month: int) -> str:
    # Every card shows its check date on about five pages, Babel's formatting is slow next to the rest of a
    # card, and a catalogue has few distinct months.
    return format_date(dt.date(year, month, 1), "MMMM y", locale="nl")


# Dutch style writes counts up to twenty in words ("de tien kwaliteitsstandaarden"), larger ones in digits.
_NUMBER_WORDS = [
    "nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig",
]  # fmt: skip


def number_word(n: int) -> str:
    """'tien' for 10, '3' never as 'drie' above twenty: '67'. Counts of the catalogue, never hand-written."""
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)
