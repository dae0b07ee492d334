"""Fold one run's verdicts into the link history, and decide what is reported.

Reported: `broken` at once (it was re-checked within the run), `moved` (update the URL), `transient`
only after failing runs in a row on N different days (UTC): runs repeated on one day count as one day, so
a server that is down for an afternoon is not reported however often the job is started. Never `ok` or
`blocked`; a link that recovers leaves the report. URLs no longer in the catalogue drop out of the history.
"""

from __future__ import annotations

from infobox.link_results.status import LinkHistory, LinkState, LinkStatus
from infobox.linkcheck.classify import Verdict


def next_state(previous: LinkState | None, verdict: Verdict, now: str, transient_runs: int) -> LinkState:
    common = dict(
        url=verdict.url,
        status=verdict.status,
        http_status=verdict.http_status,
        detail=verdict.detail,
        redirect_to=verdict.redirect_to,
        checked_at=now,
    )
    last_ok = previous.last_ok if previous else None
    if verdict.status.failing:
        still_failing = previous is not None and previous.status.failing
        failures = previous.consecutive_failures + 1 if still_failing else 1
        new_day = not still_failing or previous.checked_at[:10] != now[:10]
        days = (previous.failure_days if still_failing else 0) + new_day
        first = (previous.first_failure or now) if still_failing else now
        report = verdict.status == LinkStatus.BROKEN or days >= transient_runs
        return LinkState(
            **common,
            report=report,
            first_failure=first,
            consecutive_failures=failures,
            failure_days=days,
            last_ok=last_ok,
        )
    if verdict.status == LinkStatus.BLOCKED:
        # We could not look: nothing is counted against the link, and it is never reported.
        return LinkState(**common, report=False, last_ok=last_ok)
    # ok or moved: the link leads somewhere that works.
    return LinkState(**common, report=verdict.status == LinkStatus.MOVED, last_ok=now)


def update_history(
    previous: LinkHistory | None, verdicts: dict[str, Verdict], now: str, transient_runs: int = 3
) -> LinkHistory:
    links = {
        url: next_state(previous.get(url) if previous else None, verdict, now, transient_runs)
        for url, verdict in verdicts.items()
    }
    return LinkHistory(checked_at=now, links=links)
