"""The address policy as `validate` applies it: public http(s) addresses only, each refusal one specific
Dutch problem on the line of the link; INFOBOX_ALLOW_LOCAL_URLS admits loopback addresses and nothing else."""

from __future__ import annotations

import json

import pytest

from infobox.catalogue.loader import load_catalogue
from infobox.errors import CatalogueError, Problem, quote
from tests.support.minimal_catalogue import K0, VALID

ALLOW_LOCAL = "INFOBOX_ALLOW_LOCAL_URLS"  # the documented switch (README)
LINE = "      - url: https://www.augeo.nl/nl-nl/kindcheck\n"  # line 28 of valid-minimal.yaml
LOOPBACK = "verwijst naar deze computer zelf (127.0.0.1, een loopback-adres)"
PRIVATE = "verwijst naar een adres in een privénetwerk (10.0.0.1)"
CREDENTIALS = (
    "bevat inloggegevens (een naam of wachtwoord vóór '@'); een openbaar adres heeft die niet nodig en de "
    "linkcontrole stuurt ze nooit mee"
)
BACKSLASH = (
    "bevat een backslash (\\); browsers lezen die als '/' en gaan dan naar een andere server dan de linkcontrole"
)

REFUSED = [
    ("http://127.0.0.1/beheer", LOOPBACK),
    ("http://127.0.0.31:8080/", "verwijst naar deze computer zelf (127.0.0.31, een loopback-adres)"),
    (
        "http://169.254.169.254/latest/meta-data/",
        "verwijst naar een link-local adres (169.254.169.254), zoals de metadatadienst van een cloudserver",
    ),
    ("http://10.0.0.1/", PRIVATE),
    ("https://172.16.5.4/", "verwijst naar een adres in een privénetwerk (172.16.5.4)"),
    ("https://192.168.1.1/router", "verwijst naar een adres in een privénetwerk (192.168.1.1)"),
    ("https://100.64.0.1/", "verwijst naar een adres in een privénetwerk (100.64.0.1)"),
    ("http://0.0.0.0/", "verwijst naar het lege adres 0.0.0.0"),
    ("http://224.0.0.1/", "verwijst naar een multicastadres (224.0.0.1)"),
    ("http://240.0.0.1/", "verwijst naar een gereserveerd adres dat op internet niet bestaat (240.0.0.1)"),
    ("http://192.0.2.7/", "verwijst naar een gereserveerd adres dat op internet niet bestaat (192.0.2.7)"),
    # Other spellings of 127.0.0.1 that browsers (and the C library) accept.
    ("http://2130706433/", LOOPBACK),
    ("http://0x7f.1/", LOOPBACK),
    ("http://0177.0.0.1/", LOOPBACK),
    ("http://134744072/", "schrijft het IP-adres 8.8.8.8 op een ongebruikelijke manier; schrijf 8.8.8.8"),
    # IPv6, and IPv4 inside IPv6.
    ("http://[::1]/", "verwijst naar deze computer zelf (::1, een loopback-adres)"),
    ("http://[::]/", "verwijst naar het lege adres ::"),
    ("http://[fe80::1]/", "verwijst naar een link-local adres (fe80::1), zoals de metadatadienst van een cloudserver"),
    ("http://[fd00::1]/", "verwijst naar een adres in een privénetwerk (fd00::1)"),
    ("http://[ff02::1]/", "verwijst naar een multicastadres (ff02::1)"),
    ("http://[::ffff:127.0.0.1]/", LOOPBACK[:-1] + "), geschreven als ::ffff:7f00:1"),
    (
        "http://[::ffff:169.254.169.254]/",
        "verwijst naar een link-local adres (169.254.169.254), zoals de metadatadienst van een cloudserver, "
        "geschreven als ::ffff:a9fe:a9fe",
    ),
    ("http://[2002:a00:1::]/", PRIVATE + ", geschreven als 2002:a00:1::"),
    ("http://[64:ff9b::a00:1]/", PRIVATE + ", geschreven als 64:ff9b::a00:1"),
    # Names for this machine or a local network.
    ("https://localhost/pagina", "verwijst naar een naam voor deze computer of een lokaal netwerk (localhost)"),
    ("https://beheer.localhost/", "verwijst naar een naam voor deze computer of een lokaal netwerk (localhost)"),
    ("http://printer.local/", "verwijst naar een naam voor deze computer of een lokaal netwerk (local)"),
    ("http://router.home.arpa/", "verwijst naar een naam voor deze computer of een lokaal netwerk (home.arpa)"),
    ("http://wiki.internal/", "verwijst naar een naam voor deze computer of een lokaal netwerk (internal)"),
    ("http://nas.lan/", "verwijst naar een naam voor deze computer of een lokaal netwerk (lan)"),
    ("http://LOCALHOST./", "verwijst naar een naam voor deze computer of een lokaal netwerk (localhost)"),
    # Credentials, and what browsers and Python read differently.
    ("https://gebruiker:geheim@www.augeo.nl/", CREDENTIALS),
    ("https://gebruiker@www.augeo.nl/", CREDENTIALS),
    ("http://evil.invalid\\@127.0.0.31/", BACKSLASH),
    ("https://www.augeo.nl\\kindcheck", BACKSLASH),
    (
        "http://www.augeo.nl%2e/",
        "wordt door browsers anders gelezen dan door de linkcontrole: browsers gaan naar server www.augeo.nl., "
        "de linkcontrole naar www.augeo.nl%2e",
    ),
    ("https://www.aug\u200beo.nl/", "bevat een onzichtbaar teken of stuurteken (U+200B); typ het adres opnieuw over"),
    (
        "https://www.augeo.nl/\u202egpj.exe",
        "bevat een onzichtbaar teken of stuurteken (U+202E); typ het adres opnieuw over",
    ),
    ("https://www.augeo.nl/a\tb", "bevat een spatie of regeleinde"),
    ("https://www.augeo.nl/a\x7f", "bevat een onzichtbaar teken of stuurteken (U+007F); typ het adres opnieuw over"),
    ("http://[fe80::1%25eth0]/", "is geen geldig webadres"),
]

ACCEPTED = [
    "https://www.augeo.nl/nl-nl/kindcheck",
    "https://www.augeo.nl:443/kindcheck",
    "http://8.8.8.8/",
    "http://[2606:4700::1111]/",
    "https://bücher.example/pagina",
    "https://www.augeo.nl/a|b/@team/![x](y)",
    # Reserved for documentation and tests (RFC 6761 §6.2, §6.5) or never resolving (§6.4): no host at all.
    "https://voorbeeld.example/",
    "https://site.test/",
    "http://dood.invalid/pagina",
]


def problems_for(tmp_path, url: str) -> list[Problem]:
    assert LINE in VALID
    path = tmp_path / "resources.yaml"
    path.write_text(VALID.replace(LINE, f"      - url: {json.dumps(url)}\n"), encoding="utf-8")
    try:
        load_catalogue(path)
    except CatalogueError as error:
        return error.problems
    return []


@pytest.mark.parametrize(("url", "reason"), REFUSED)
def test_validate_refuses_an_address_that_is_not_public_with_one_specific_problem(tmp_path, url, reason):
    assert problems_for(tmp_path, url) == [
        Problem(str(tmp_path / "resources.yaml"), 28, K0 + "links[0].url", f"{quote(url)} {reason}")
    ]


@pytest.mark.parametrize("url", ACCEPTED)
def test_validate_accepts_a_public_address(tmp_path, url):
    assert problems_for(tmp_path, url) == []


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/ok", "http://127.0.0.31/", "http://[::1]:8000/"])
def test_the_tests_switch_admits_loopback_addresses(tmp_path, monkeypatch, url):
    monkeypatch.setenv(ALLOW_LOCAL, "1")
    assert problems_for(tmp_path, url) == []


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://169.254.169.254/",
        "http://[::ffff:127.0.0.1]/",
        "http://localhost:8000/",
        "http://2130706433/",
        "http://user:pass@127.0.0.1/",
    ],
)
def test_the_tests_switch_admits_nothing_else(tmp_path, monkeypatch, url):
    monkeypatch.setenv(ALLOW_LOCAL, "1")
    assert len(problems_for(tmp_path, url)) == 1


@pytest.mark.parametrize("value", ["", "0", "ja", "true"])
def test_the_tests_switch_is_off_unless_it_is_1(tmp_path, monkeypatch, value):
    monkeypatch.setenv(ALLOW_LOCAL, value)
    assert len(problems_for(tmp_path, "http://127.0.0.1:8000/ok")) == 1
