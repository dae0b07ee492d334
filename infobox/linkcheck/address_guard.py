"""The link job's requests go to public addresses only, and carry no credentials.

linkchecker follows redirects itself (requests' `Session.resolve_redirects`), so a public page that redirects
to `http://169.254.169.254/` or `http://10.0.0.1/` would make the job request an internal address. Every
request of the job's sessions passes this transport adapter first (mounted with requests' own
`Session.mount`; no linkchecker code is touched): a request whose address fails the catalogue's address
policy (`infobox.catalogue.addresses`), or whose host name resolves to an address that is not public, raises
`RefusedAddress` before any connection is made. linkchecker writes that as the URL's result
(`RefusedAddress: <reason> » <address>`), which `classify.py` turns into "blocked" for a person to look at,
never "moved". An `Authorization` header (requests adds one from ~/.netrc or from credentials in an
address) is removed, so no credentials leave the job.

The name is resolved here and again by the connection (urllib3), so a name whose DNS answer changes between
the two lookups could still reach a local address; the job runs on a runner with no internal services, and
the catalogue itself holds public names only.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from infobox.catalogue.addresses import address_problem, ip_problem

REFUSED = "RefusedAddress"  # the exception's name: the first word of linkchecker's result for such a URL
SEPARATOR = " » "  # between the reason and the address in the result (reason first: linkchecker cuts at 240)


class RefusedAddress(requests.exceptions.RequestException):
    """The job does not request this address; the message is the Dutch reason, SEPARATOR, the address."""


def request_problem(url: str) -> str | None:
    """Why the job must not request `url` (a Dutch phrase that follows the address), or None."""
    problem = address_problem(url)
    if problem:
        return problem
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        ipaddress.ip_address(host)
        return None  # an IP address: address_problem judged it
    except ValueError:
        pass
    try:
        answers = socket.getaddrinfo(
            host, parts.port or (443 if parts.scheme == "https" else 80), 0, socket.SOCK_STREAM
        )
    except (OSError, UnicodeError):
        return None  # unknown name: the connection fails the same way and the job reports it broken
    for *_, address in answers:
        problem = ip_problem(ipaddress.ip_address(address[0].split("%", 1)[0]))
        if problem:
            return f"heeft een servernaam die verwijst naar {problem}"
    return None


class PublicOnly(HTTPAdapter):
    """requests' HTTP adapter, refusing what `request_problem` refuses and sending no Authorization."""

    def send(self, request, *args, **kwargs):
        problem = request_problem(request.url)
        if problem:
            raise RefusedAddress(f"{problem}{SEPARATOR}{request.url}", request=request)
        request.headers.pop("Authorization", None)
        return super().send(request, *args, **kwargs)


def guarded(session: requests.Session) -> requests.Session:
    """`session` with every http(s) request going through PublicOnly."""
    for prefix in ("http://", "https://"):
        session.mount(prefix, PublicOnly())
    return session
