"""Dutch wording of dates and counts, without a locale dependency (build machines often lack nl_NL)."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


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
    if day is None:
        return ""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"
