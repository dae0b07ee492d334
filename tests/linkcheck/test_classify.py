"""Verdicts rest on codes and tags, not on linkchecker's wording: its own Dutch and German texts give the
same verdicts as English. Retry-After is read as seconds and as an HTTP date."""

from __future__ import annotations

import datetime as dt
import gettext
from importlib.metadata import distribution

import pytest

from infobox.link_results.status import LinkStatus
from infobox.linkcheck import check
from infobox.linkcheck.classify import NAME_UNKNOWN, Verdict, classify, never_resolves, retry_after_seconds
from infobox.linkcheck.engine import LinkWarning, Probe
from infobox.linkcheck.settings import load_settings

# Found through the installed distribution: under pytest, `import linkcheck` may mean tests/linkcheck.
LOCALE_DIR = distribution("linkchecker").locate_file("linkcheck/data/locale")
SOFT_404 = "Found %(match)r at line %(line)d in link contents."
REDIRECT = "Redirected to `%(url)s' status: %(code)d %(reason)s."


@pytest.fixture(params=["en", "nl_NL", "de"])
def say(request):
    """linkchecker's own translation of a message, as its child would print it on that desktop."""
    english = request.param == "en"
    return gettext.translation("linkchecker", LOCALE_DIR, languages=[request.param], fallback=english).gettext


def test_soft_404_in_any_language(say):
    warning = LinkWarning(None, say(SOFT_404) % {"match": "<title>Niet gevonden</title>", "line": 3})
    verdict = classify(Probe("http://a.example/p", "200 OK", warnings=(warning,)))
    assert verdict.status == "broken" and "zachte 404" in verdict.detail


def test_permanent_redirect_in_any_language(say):
    text = say(REDIRECT) % {"url": "http://a.example/nieuw", "code": 301, "reason": "Moved Permanently"}
    probe = Probe("http://a.example/oud", "200 OK", warnings=(LinkWarning("http-redirected", text),))
    verdict = classify(probe)
    assert verdict.status == "moved" and verdict.redirect_to == "http://a.example/nieuw"


def test_translated_texts_differ_so_the_test_means_something():
    dutch = gettext.translation("linkchecker", LOCALE_DIR, languages=["nl_NL"]).gettext
    german = gettext.translation("linkchecker", LOCALE_DIR, languages=["de"]).gettext
    assert dutch(SOFT_404) != SOFT_404 and german(SOFT_404) != SOFT_404


NOW = dt.datetime(2026, 11, 29, 12, 0, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120.0),
        (" 7 ", 7.0),
        ("Sun, 29 Nov 2026 12:01:30 GMT", 90.0),  # IMF-fixdate
        ("Sunday, 29-Nov-26 12:00:10 GMT", 10.0),  # obsolete RFC 850 form, still to be accepted
        ("Sun Nov 29 12:00:05 2026", 5.0),  # asctime form
        ("Sun, 29 Nov 2026 11:00:00 GMT", 0.0),  # in the past: no wait
        ("soon", None),
    ],
)
def test_retry_after_as_seconds_or_http_date(value, seconds):
    assert retry_after_seconds(value, NOW) == seconds


def test_retry_after_comes_from_the_header_info_plugin():
    probe = Probe("http://a.example/p", "429 Too Many Requests", info=("HTTP headers Retry-after=30",))
    assert classify(probe).retry_after == 30.0


@pytest.mark.parametrize(
    ("target", "words"),
    [("http://a.example/inloggen?next=/oud", "een inlogpagina"), ("http://a.example/zoeken?q=oud", "een zoekpagina")],
)
def test_a_permanent_redirect_to_a_login_or_search_page_is_no_move(say, target, words):
    # Readers must not be sent there silently, and apply-moves must not write it into the catalogue.
    text = say(REDIRECT) % {"url": target, "code": 301, "reason": "Moved Permanently"}
    probe = Probe("http://a.example/oud", "200 OK", warnings=(LinkWarning("http-redirected", text),))
    verdict = classify(probe)
    assert verdict.status == "blocked" and verdict.redirect_to is None
    assert words in verdict.detail and "controleer met de hand" in verdict.detail


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://169.254.169.254/latest/meta-data/", "een link-local adres (169.254.169.254)"),
        ("http://10.0.0.1/beheer", "een adres in een privénetwerk (10.0.0.1)"),
        ("http://0xa.1/", "een adres in een privénetwerk (10.0.0.1)"),  # 10.0.0.1 as browsers read it
        ("https://gebruiker:geheim@b.example/", "bevat inloggegevens"),
        ("http://intranet.local/", "een naam voor deze computer of een lokaal netwerk (local)"),
    ],
)
def test_a_permanent_redirect_to_an_address_that_is_not_public_is_never_a_move(say, target, reason):
    """The address guard refuses such a request before it is made; a row that holds one all the same (another
    linkchecker, an older child) is still for a person, and never feeds apply-moves."""
    text = say(REDIRECT) % {"url": target, "code": 301, "reason": "Moved Permanently"}
    verdict = classify(Probe("http://a.example/oud", "200 OK", warnings=(LinkWarning("http-redirected", text),)))
    assert (verdict.status, verdict.redirect_to) == ("blocked", None)
    assert verdict.detail.startswith(f"verwijst door naar {target}, dat geen openbaar webadres is: het ")
    assert reason in verdict.detail and verdict.detail.endswith("; controleer met de hand")


@pytest.mark.parametrize(
    ("result", "detail"),
    [
        (
            "RefusedAddress: verwijst naar een adres in een privénetwerk (10.0.0.1) » http://10.0.0.1/x",
            "verwijst door naar http://10.0.0.1/x, dat de linkcontrole niet bezoekt: het verwijst naar een adres "
            "in een privénetwerk (10.0.0.1); controleer met de hand",
        ),
        (
            "RefusedAddress: heeft een servernaam die verwijst naar een adres in een privénetwerk (10.1.2.3) » "
            "http://a.example/oud",
            "de linkcontrole bezoekt dit adres niet: het heeft een servernaam die verwijst naar een adres in een "
            "privénetwerk (10.1.2.3); controleer met de hand",
        ),
    ],
)
def test_a_request_the_guard_refused_is_for_a_person(result, detail):
    verdict = classify(Probe("http://a.example/oud", result))
    assert (verdict.status, verdict.detail, verdict.retryable) == ("blocked", detail, False)


# linkchecker's answer when the resolver finds no such name (requests' NameResolutionError, cut as it cuts it).
DNS_FAILURE = (
    "ConnectionError: HTTPConnectionPool(host='dood.example', port=80): Max retries exceeded with url: /pagina "
    "(Caused by NameResolutionError(\"HTTPConnection(host='dood.example', port=80): Failed to resolve "
    "'dood.example' ([Errno -2] Name or ser..."
)


def test_a_name_the_resolver_does_not_know_is_broken():
    verdict = classify(Probe("http://dood.example/pagina", DNS_FAILURE))
    assert (verdict.status, verdict.detail) == ("broken", NAME_UNKNOWN)
    assert verdict.retryable  # a resolver can fail once; the link gets its second look


@pytest.mark.parametrize(
    "url", ["http://dood.invalid/pagina", "https://www.Dood.INVALID./p?q=1", "http://bücher.invalid:8080/"]
)
def test_a_host_under_invalid_is_broken_as_a_failed_look_up_without_asking(url):
    # RFC 6761: .invalid never resolves; the job says so itself instead of waiting on a resolver.
    verdict = never_resolves(url)
    assert verdict == Verdict(url, LinkStatus.BROKEN, detail=NAME_UNKNOWN)
    assert not verdict.retryable


@pytest.mark.parametrize(
    "url", ["http://invalid.example/p", "http://dood.invalid.example/", "mailto:a@dood.invalid", "http://127.0.0.1/"]
)
def test_any_other_address_is_left_to_the_check(url):
    assert never_resolves(url) is None


def test_the_job_asks_nothing_about_a_host_under_invalid(monkeypatch):
    def check_urls(urls, *_):
        assert not list(urls), "a .invalid address reached the linkchecker child"
        return {}

    monkeypatch.setattr(check, "check_urls", check_urls)
    url = "http://dood.invalid/pagina#deel"
    verdicts = check.check_all([url], load_settings(None), sleep=lambda _: pytest.fail("retried"))
    assert verdicts == {url: Verdict(url, LinkStatus.BROKEN, detail=NAME_UNKNOWN)}
