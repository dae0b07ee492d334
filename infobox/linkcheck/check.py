"""One full check of a set of URLs: a linkchecker pass, then re-checks of failures before believing them.

linkchecker never retries, so this small layer does: a `broken` link gets a second look (a single failed
request is not proof), and 429/5xx/refused connections are retried with back-off, honouring Retry-After.
Timeouts are not retried within the run (each retry would cost another full timeout); the history across
runs handles them instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from infobox.linkcheck import youtube
from infobox.linkcheck.classify import Verdict, classify, never_resolves
from infobox.linkcheck.engine import check_urls
from infobox.linkcheck.settings import Settings


def _probe_all(urls: list[str], settings: Settings, progress) -> dict[str, Verdict]:
    # A host under .invalid is broken without asking (classify.never_resolves): not retried, never a timeout.
    verdicts = {url: verdict for url in urls if (verdict := never_resolves(url))}
    # linkchecker merges results by URL without fragment, so fragments are dropped before asking;
    # YouTube links are asked through oEmbed. Verdicts are mapped back to the catalogue's URLs.
    asked = {
        url: youtube.probe_url(url.split("#", 1)[0], settings.youtube_oembed) for url in urls if url not in verdicts
    }
    probes = check_urls(asked.values(), settings, progress)
    for url, probe_url in asked.items():
        verdict = classify(probes[probe_url])
        verdicts[url] = Verdict(**{**verdict.__dict__, "url": url})
    return verdicts


def _needs_retry(verdict: Verdict, settings: Settings) -> bool:
    if not verdict.retryable or not verdict.status.failing:
        return False
    return verdict.retry_after is None or verdict.retry_after <= settings.max_retry_after


def check_all(
    urls: list[str],
    settings: Settings,
    progress: Callable[[int], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, Verdict]:
    verdicts = _probe_all(urls, settings, progress)
    delay = settings.backoff
    for _attempt in range(settings.retries):
        again = [url for url, verdict in verdicts.items() if _needs_retry(verdict, settings)]
        if not again:
            break
        asked_wait = [verdicts[url].retry_after or 0.0 for url in again]
        sleep(max([delay, *asked_wait]))
        verdicts.update(_probe_all(again, settings, None))
        delay *= 2
    return verdicts
