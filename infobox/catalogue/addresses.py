"""The one address policy: which web addresses the project accepts, visits and publishes.

Only public http(s) addresses. `validate` applies it to every link of the catalogue (so `propose` and
`apply-moves`, which write through validation, do too); the link job applies it before each request and each
redirect it follows (`infobox.linkcheck.address_guard`) and never reports a refused redirect as "moved";
`apply-moves` checks a moved link's new address with it; the site only sends readers to a moved link's new
address that passes it. An address is refused when it

- holds whitespace, or a character nobody sees (U+200B, U+00AD, U+202E, …: the catalogue's one rule,
  `invisible_characters`);
- holds a backslash: browsers (the WHATWG URL standard) read it as '/', Python's urllib.parse does not, so
  `http://a.example\\@10.0.0.1/` is one host to a reader and another to the link job;
- reads differently to browsers and to Python (scheme, credentials or host; Ada's WHATWG parser against
  urllib.parse), or cannot be read by one of them (a port both read alike, or neither);
- uses another scheme than http or https;
- holds credentials (`naam:wachtwoord@`): the link job would send them;
- names an IP address that is not public: loopback, private networks (including 100.64.0.0/10), link-local
  (169.254.169.254 is the cloud metadata service), unspecified, multicast, reserved and documentation
  ranges, also as an IPv4 address inside IPv6 (IPv4-mapped, 6to4, Teredo) and in every spelling a browser
  accepts (`http://2130706433/`, `http://0x7f.1/`: the WHATWG parser reads both as 127.0.0.1). A public
  IPv4 address must be written as four decimal numbers;
- names a host reserved for this machine or a local network: `localhost` and `*.localhost` (RFC 6761 §6.3:
  they resolve to loopback), `.local` (RFC 6762, multicast DNS on the local link), `.home.arpa` (RFC 8375,
  home networks), `.internal` (reserved by ICANN in 2024 for private use) and the names RFC 6762 appendix G
  reports in private use (`.intranet`, `.private`, `.corp`, `.home`, `.lan`);
- has a host name without a dot, or starting or ending with one.

Names reserved for documentation and testing (`.example`, `.test`: RFC 6761 §6.2 and §6.5 tell software
to treat them as ordinary names) and `.invalid` (§6.4: guaranteed never to resolve) are accepted: they reach
no host at all, local or not, so they are no risk; the link job reports such a link as broken.

INFOBOX_ALLOW_LOCAL_URLS=1 in the environment admits loopback IP addresses (127.0.0.0/8 and ::1) and nothing
else: it lets the tests' local servers stand in for the web. Never set it outside tests.
"""

from __future__ import annotations

import ipaddress
import os
from urllib.parse import urlsplit

import ada_url

from infobox.catalogue.invisible_characters import first_invisible
from infobox.catalogue.vocabulary import LINK_SCHEMES
from infobox.errors import quote, shorten

ALLOW_LOCAL = "INFOBOX_ALLOW_LOCAL_URLS"
# RFC 6761 §6.3, RFC 6762 (and its appendix G), RFC 8375, ICANN's .internal: see the module docstring.
LOCAL_NAMES = ("localhost", "local", "home.arpa", "internal", "intranet", "private", "corp", "home", "lan")
# RFC 6052's well-known prefix: an IPv4 address reached through a NAT64 gateway.
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
PRIVATE = tuple(
    ipaddress.ip_network(n)
    for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7", "fec0::/10")
)
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def allow_local() -> bool:
    """Whether the tests' loopback servers are admitted (INFOBOX_ALLOW_LOCAL_URLS=1)."""
    return os.environ.get(ALLOW_LOCAL) == "1"


def url_problem(url: str) -> str | None:
    """Why `url` is no acceptable catalogue address, as one Dutch sentence naming it; None when it is."""
    reason = address_problem(url)
    return f"{quote(url)} {reason}" if reason else None


def address_problem(url: str) -> str | None:
    """Why `url` is no public http(s) address, as a Dutch phrase that follows the address; None when it is."""
    if any(ch.isspace() for ch in url):
        return "bevat een spatie of regeleinde"
    odd = first_invisible(url)  # the catalogue's one rule for characters nobody sees
    if odd is not None:
        return f"bevat een onzichtbaar teken of stuurteken (U+{ord(url[odd]):04X}); typ het adres opnieuw over"
    if "\\" in url:
        return (
            "bevat een backslash (\\); browsers lezen die als '/' en gaan dan naar een andere server dan de "
            "linkcontrole"
        )
    try:
        python = urlsplit(url)
        python.port  # noqa: B018 - raises ValueError on a malformed port (the WHATWG parser refuses it too)
        browser = ada_url.URL(url)
    except ValueError:
        return "is geen geldig webadres"
    scheme = python.scheme.lower()
    if scheme not in LINK_SCHEMES or browser.protocol != scheme + ":":
        return "begint niet met http:// of https://; alleen die adressen zijn toegestaan"
    if "@" in python.netloc or browser.username or browser.password:
        return (
            "bevat inloggegevens (een naam of wachtwoord vóór '@'); een openbaar adres heeft die niet nodig en "
            "de linkcontrole stuurt ze nooit mee"
        )
    host = python.hostname or ""
    if not host:
        return "heeft geen geldige domeinnaam"
    return _host_problem(host, browser)


def _host_problem(host: str, browser: ada_url.URL) -> str | None:
    """Why the host of an address (as urllib.parse and as the WHATWG parser read it) is not public."""
    seen = browser.hostname
    if browser.host_type != ada_url.HostType.DEFAULT:  # an IPv4 or IPv6 address
        ip = ipaddress.ip_address(seen.strip("[]"))
        problem = ip_problem(ip)
        if problem:
            return f"verwijst naar {problem}"
        if ip.version == 4 and host != seen:
            return f"schrijft het IP-adres {seen} op een ongebruikelijke manier; schrijf {seen}"
        if ip.version == 6 and _ip_or_none(host) != ip:
            return _read_differently(seen, host)
        return None
    try:
        python_host = ada_url.idna_to_ascii(host).decode("ascii")
    except (ValueError, UnicodeError):
        python_host = host
    if python_host != seen:
        return _read_differently(seen, host)
    absolute = seen.removesuffix(".")  # 'localhost.' is the same name as 'localhost'
    local = next((name for name in LOCAL_NAMES if absolute == name or absolute.endswith("." + name)), None)
    if local:
        return f"verwijst naar een naam voor deze computer of een lokaal netwerk ({local})"
    if "." not in seen or seen.startswith(".") or seen.endswith("."):
        return "heeft geen geldige domeinnaam"
    return None


def _read_differently(browser_host: str, python_host: str) -> str:
    return (
        f"wordt door browsers anders gelezen dan door de linkcontrole: browsers gaan naar server "
        f"{shorten(browser_host)}, de linkcontrole naar {shorten(python_host)}"
    )


def _ip_or_none(text: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def ip_problem(ip: IPAddress) -> str | None:
    """Why an IP address is not public, as a Dutch phrase ("een adres in een privénetwerk (10.0.0.1)"); None
    when it is. An IPv4 address inside an IPv6 one (mapped, 6to4, Teredo, NAT64) is judged as itself, and
    INFOBOX_ALLOW_LOCAL_URLS admits only 127.0.0.0/8 and ::1 written as such."""
    if ip.is_loopback and allow_local() and (ip.version == 4 or ip == ipaddress.IPv6Address("::1")):
        return None
    return _not_public(ip)


def _not_public(ip: IPAddress) -> str | None:
    if ip.version == 6:
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is None and ip in NAT64:
            inner = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if inner is not None:
            problem = _not_public(inner)
            return f"{problem}, geschreven als {ip}" if problem else None
    if ip.is_loopback:
        return f"deze computer zelf ({ip}, een loopback-adres)"
    if ip.is_unspecified:
        return f"het lege adres {ip}"
    if ip.is_link_local:
        return f"een link-local adres ({ip}), zoals de metadatadienst van een cloudserver"
    if ip.is_multicast:
        return f"een multicastadres ({ip})"
    if any(ip in network for network in PRIVATE if network.version == ip.version):
        return f"een adres in een privénetwerk ({ip})"
    if not ip.is_global or ip.is_reserved or ip.is_private:
        return f"een gereserveerd adres dat op internet niet bestaat ({ip})"
    return None
