"""Turn linkchecker's answer for one URL into exactly one status: ok, moved, broken, transient, blocked.

linkchecker says "valid" or "invalid"; a report that cries wolf gets ignored, so this layer is stricter
where it must be (soft 404s, redirects to a home page, 429s counted as valid) and milder where a failure
says nothing about the link (timeouts, 5xx, bot walls).

Verdicts rest on what does not depend on linkchecker's message language: the HTTP status code at the start
of the result, exception names (error texts are cut at 240 characters, names come first), warning tags
(`http-redirected`; RegexCheck's soft-404 warning is the only one without a tag) and the URL and code inside
a redirect warning; the child also runs in English (engine.py). Retry-After comes from linkchecker's
HttpHeaderInfo plugin, as seconds or an HTTP date (RFC 9110).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from infobox.catalogue.addresses import address_problem
from infobox.link_results.dead_ends import dead_end, is_home_page
from infobox.link_results.status import LinkStatus
from infobox.linkcheck.address_guard import REFUSED, SEPARATOR
from infobox.linkcheck.engine import Probe

PERMANENT = (301, 308)
# Answers that mean "a person may well get through; we were kept out": check by hand, never report.
BLOCKED_CODES = frozenset({401, 403, 405, 406, 407, 451, 999})
DEAD_CODES = frozenset({404, 410})
REDIRECTED = "http-redirected"  # linkchecker's warning tag
# "Redirected to `URL' status: 301 Moved Permanently." in any translation: the URL in `…', then the code.
REDIRECT_RE = re.compile(r"`(?P<url>[^`]*)'\D*(?P<code>\d{3})\b")
# HttpHeaderInfo's info line with prefixes=retry-after: "HTTP headers Retry-after=120".
RETRY_AFTER_RE = re.compile(r"^HTTP headers Retry-after=(?P<value>.+)$", re.IGNORECASE)
STATUS_RE = re.compile(r"^(?P<code>\d{3})\b")

NAME_UNKNOWN = "de servernaam bestaat niet (meer)"
# Exception names in linkchecker's result text, in the order they are tested.
NETWORK_ERRORS = (
    ("NameResolutionError", LinkStatus.BROKEN, NAME_UNKNOWN),
    ("Name or service not known", LinkStatus.BROKEN, NAME_UNKNOWN),
    ("Hostname not found", LinkStatus.BROKEN, NAME_UNKNOWN),
    ("TooManyRedirects", LinkStatus.BROKEN, "de pagina verwijst eindeloos door (redirect-lus)"),
    ("Exceeded", LinkStatus.BROKEN, "de pagina verwijst eindeloos door (redirect-lus)"),
    ("Timeout", LinkStatus.TRANSIENT, "de server antwoordde niet op tijd"),
    ("timed out", LinkStatus.TRANSIENT, "de server antwoordde niet op tijd"),
    ("SSLError", LinkStatus.TRANSIENT, "beveiligde verbinding mislukt (certificaat)"),
    ("RemoteDisconnected", LinkStatus.TRANSIENT, "de server verbrak de verbinding"),
    ("Connection reset", LinkStatus.TRANSIENT, "de server verbrak de verbinding"),
    ("ConnectionResetError", LinkStatus.TRANSIENT, "de server verbrak de verbinding"),
    ("Connection refused", LinkStatus.TRANSIENT, "de server weigerde de verbinding"),
    ("NewConnectionError", LinkStatus.TRANSIENT, "geen verbinding met de server"),
    ("ConnectionError", LinkStatus.TRANSIENT, "geen verbinding met de server"),
)


@dataclass(frozen=True)
class Verdict:
    url: str
    status: LinkStatus
    http_status: int | None = None
    detail: str = ""
    redirect_to: str | None = None
    retry_after: float | None = None  # seconds the server asked us to wait (429/503)
    retryable: bool = False  # worth a second look within this run


def _redirects(probe: Probe) -> list[tuple[int, str]]:
    hops = []
    for warning in probe.warnings:
        match = REDIRECT_RE.search(warning.text) if warning.tag == REDIRECTED else None
        if match:
            hops.append((int(match["code"]), match["url"]))
    return hops


def _soft_404(probe: Probe) -> bool:
    return any(warning.tag is None for warning in probe.warnings)


def retry_after_seconds(value: str, now: dt.datetime | None = None) -> float | None:
    """Retry-After as delay-seconds or an HTTP date (RFC 9110 section 10.2.3); None when unreadable."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


def _retry_after(probe: Probe) -> float | None:
    for line in probe.info:
        match = RETRY_AFTER_RE.match(line)
        if match:
            return retry_after_seconds(match["value"])
    return None


def _refused(probe: Probe, hops: list[tuple[int, str]]) -> Verdict | None:
    """The address guard refused a request of this check (address_guard.py): for a person to look at."""
    if not probe.result.startswith(REFUSED + ":"):
        return None
    reason, _, target = probe.result[len(REFUSED) + 1 :].strip().partition(SEPARATOR)
    code = hops[0][0] if hops else None
    if urlsplit(target).netloc == urlsplit(probe.url).netloc:
        detail = f"de linkcontrole bezoekt dit adres niet: het {reason}; controleer met de hand"
    else:
        detail = f"verwijst door naar {target}, dat de linkcontrole niet bezoekt: het {reason}; controleer met de hand"
    return Verdict(probe.url, LinkStatus.BLOCKED, code, detail)


def _through_non_public(probe: Probe, hops: list[tuple[int, str]]) -> Verdict | None:
    """A redirect chain through an address that is not public: the guard refuses such a request before it is
    made, so only a row from elsewhere holds one; it is still for a person, and never a move."""
    for code, target in hops:
        problem = address_problem(target)
        if problem:
            detail = (
                f"verwijst door naar {target}, dat geen openbaar webadres is: het {problem}; controleer met de hand"
            )
            return Verdict(probe.url, LinkStatus.BLOCKED, code, detail)
    return None


# RFC 6761 section 6.4: no name under .invalid ever resolves, and software may say so without asking a
# resolver. The job does (check.py): asking would wait on the machine's resolver, which on a busy or offline
# machine can outlast the request deadline and turn a certain "broken" into "transient" (timed out). Decided
# here, for every run, rather than by a stub resolver in the linkchecker child that only tests would install:
# the job then behaves the same in the tests as in production. Other names still go to the resolver, and a
# failed look-up is classified from linkchecker's answer (NETWORK_ERRORS).
NEVER_RESOLVES = "invalid"


def never_resolves(url: str) -> Verdict | None:
    """The verdict for a web address whose host name is under .invalid (broken, as a failed DNS look-up
    is), or None for any other address; nothing is asked."""
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".")
    if parts.scheme not in ("http", "https") or host.rpartition(".")[2] != NEVER_RESOLVES:
        return None
    return Verdict(url, LinkStatus.BROKEN, detail=NAME_UNKNOWN)


def classify(probe: Probe) -> Verdict:
    url = probe.url
    if probe.unchecked:
        return Verdict(url, LinkStatus.TRANSIENT, detail="niet gecontroleerd: de controle duurde te lang")
    code_match = STATUS_RE.match(probe.result)
    code = int(code_match["code"]) if code_match else None
    hops = _redirects(probe)
    refused = _refused(probe, hops) or _through_non_public(probe, hops)
    if refused:
        return refused
    if code is None:
        for needle, status, detail in NETWORK_ERRORS:
            if needle in probe.result:
                # A timeout is not retried within the run: each retry would cost another full timeout.
                timed_out = needle in ("Timeout", "timed out")
                return Verdict(url, status, detail=detail, retryable=not timed_out)
        return Verdict(url, LinkStatus.TRANSIENT, detail=probe.result[:200], retryable=True)

    if code == 429 or code >= 500:
        retry_after = _retry_after(probe)
        detail = "te veel verzoeken (429)" if code == 429 else f"serverfout ({code})"
        return Verdict(url, LinkStatus.TRANSIENT, code, detail, retry_after=retry_after, retryable=True)
    if code in BLOCKED_CODES:
        return Verdict(url, LinkStatus.BLOCKED, code, f"toegang geweigerd ({code}); controleer met de hand")
    if code >= 400:
        via = " na doorverwijzing" if hops else ""
        return Verdict(url, LinkStatus.BROKEN, code, f"pagina bestaat niet ({code}){via}", retryable=True)

    # A 2xx page at the end of the chain.
    if _soft_404(probe):
        return Verdict(url, LinkStatus.BROKEN, code, "de pagina meldt dat ze niet bestaat (zachte 404)", retryable=True)
    if hops and is_home_page(url, hops[-1][1]):
        return Verdict(
            url, LinkStatus.BROKEN, hops[0][0], f"verwijst door naar de voorpagina {hops[-1][1]}", retryable=True
        )
    if hops and hops[0][0] in PERMANENT:
        target = hops[0][1]
        for hop_code, hop_url in hops:
            if hop_code not in PERMANENT:
                break
            target = hop_url
        end = dead_end(url, target)
        if end:
            # Not the page's new home: readers keep the catalogue's address, a person looks at it.
            detail = f"verwijst door naar {end} {target}; controleer met de hand"
            return Verdict(url, LinkStatus.BLOCKED, hops[0][0], detail)
        return Verdict(url, LinkStatus.MOVED, hops[0][0], f"permanent verhuisd ({hops[0][0]})", redirect_to=target)
    return Verdict(url, LinkStatus.OK, code)
