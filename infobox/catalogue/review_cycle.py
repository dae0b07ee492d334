"""How long a check of an entry's content holds: the Kwaliteitskader itself is reviewed every two years.

One rule for both sides: validation warns about entries past it, and the site lists them on /beheer/.
"""

from __future__ import annotations

import datetime as dt

REVIEW_INTERVAL_YEARS = 2


def review_limit(today: dt.date) -> dt.date:
    """Entries last checked before this date are due for a new check."""
    return _years_before(today, REVIEW_INTERVAL_YEARS)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
