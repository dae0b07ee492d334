"""The link job requests public addresses only and sends no credentials: a redirect to an internal address
is refused before any connection and reported for a person to look at, never as moved, and `apply-moves`
never writes it.

Every server here is local, so INFOBOX_ALLOW_LOCAL_URLS=1 (tests/linkcheck/conftest.py) lets 127.0.0.71
play a public site. Its redirects to internal places name them as a cloud server's metadata service and an
intranet do (`.internal`, `.home.arpa`): refused by name before any look-up, and should the guard ever fail,
those names resolve nowhere, so no test sends a request beyond this machine (literal internal addresses
are refused in tests/linkcheck/test_classify.py and tests/catalogue, without connecting). The redirects to
127.0.0.72 (admitted as loopback, but written with credentials, in a decimal spelling or inside IPv6) show
the refusal comes before connecting: that server is never asked.
"""

from __future__ import annotations

import json
import socket

import pytest
import requests

from infobox.cli import main as infobox_main
from infobox.link_results.status import LinkStatus
from infobox.linkcheck.engine import check_urls
from infobox.linkcheck.job import main
from infobox.linkcheck.settings import load_settings
from tests.linkcheck.test_runs import ONE_LINK
from tests.support.servers import Host, ok

pytestmark = [pytest.mark.xdist_group("link-job-address-guard"), pytest.mark.server]

METADATA = "http://metadata.google.internal/computeMetadata/v1/"
INTERNAL = "http://intranet.home.arpa/beheer"
PRIVATE_DETAIL = (
    "het verwijst naar een naam voor deze computer of een lokaal netwerk (home.arpa); controleer met de hand"
)


def redirect(code: int, location: str):
    return lambda handler, _seen: handler.redirect(code, location)


@pytest.fixture(scope="module")
def servers():
    internal = Host("127.0.0.72", {"/ok": ok})
    elsewhere = f"127.0.0.72:{internal.server_address[1]}"
    public = Host("127.0.0.71", {})
    public.routes.update(
        {
            "/naar-metadata": redirect(301, METADATA),
            "/naar-intern": redirect(308, INTERNAL),
            "/tweede-stap": redirect(301, "/stap-twee"),
            "/stap-twee": redirect(301, INTERNAL),
            "/naar-inlog": redirect(301, f"http://gebruiker:geheim@{elsewhere}/ok"),
            "/naar-omweg": redirect(301, f"http://{2130706432 + 72}:{internal.server_address[1]}/ok"),
            "/naar-ipv6": redirect(301, f"http://[::ffff:127.0.0.72]:{internal.server_address[1]}/ok"),
            "/verhuisd": redirect(301, "/nieuw"),
            "/nieuw": ok,
        }
    )
    yield public, internal
    for host in (public, internal):
        host.stop()


@pytest.fixture(scope="module")
def run(servers, tmp_path_factory):
    public, internal = servers
    tmp = tmp_path_factory.mktemp("guard")
    paths = ["/naar-metadata", "/naar-intern", "/tweede-stap", "/naar-inlog", "/naar-omweg", "/naar-ipv6", "/verhuisd"]
    more = "".join(f'      - {{url: "{public.base}{path}", label: "{path}"}}\n' for path in paths[1:])
    catalogue = tmp / "resources.yaml"
    catalogue.write_text(ONE_LINK.format(url=public.base + paths[0]) + more, encoding="utf-8")
    config = tmp / "linkcheck.toml"
    config.write_text('[linkcheck]\ntimeout = 2\nretries = 0\narchive_api = ""\n', encoding="utf-8")
    out = tmp / "out"
    args = ["--catalogue", str(catalogue), "--config", str(config), "--out", str(out)]
    code = main([*args, "--history", str(tmp / "history.json")], env={})
    report = json.loads((out / "links.json").read_text(encoding="utf-8"))
    by_path = {link["url"].removeprefix(public.base): link for link in report["links"]}
    return {"code": code, "links": by_path, "out": out, "catalogue": catalogue, "public": public}


def test_the_server_itself_is_asked_and_a_plain_move_is_still_moved(run):
    assert run["public"].hits["/verhuisd"] == 1
    assert run["links"]["/verhuisd"]["status"] == LinkStatus.MOVED


@pytest.mark.parametrize(
    ("path", "detail"),
    [
        (
            "/naar-metadata",
            f"verwijst door naar {METADATA}, dat de linkcontrole niet bezoekt: het verwijst naar een naam voor "
            "deze computer of een lokaal netwerk (internal); controleer met de hand",
        ),
        ("/naar-intern", f"verwijst door naar {INTERNAL}, dat de linkcontrole niet bezoekt: {PRIVATE_DETAIL}"),
        ("/tweede-stap", f"verwijst door naar {INTERNAL}, dat de linkcontrole niet bezoekt: {PRIVATE_DETAIL}"),
    ],
)
def test_a_redirect_to_an_internal_address_is_for_a_person_never_moved(run, path, detail):
    link = run["links"][path]
    assert (link["status"], link["detail"], link["redirect_to"]) == (LinkStatus.BLOCKED, detail, None)
    assert run["public"].hits[path] == 1


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/naar-inlog", "het bevat inloggegevens"),
        ("/naar-omweg", "het schrijft het IP-adres 127.0.0.72 op een ongebruikelijke manier"),
        ("/naar-ipv6", "het verwijst naar deze computer zelf (127.0.0.72, een loopback-adres), geschreven als"),
    ],
)
def test_a_refused_redirect_never_reaches_its_server(run, servers, path, reason):
    _, internal = servers
    link = run["links"][path]
    assert link["status"] == LinkStatus.BLOCKED and reason in link["detail"], link
    assert dict(internal.hits) == {}


def test_the_report_lists_them_under_checking_by_hand(run):
    markdown = (run["out"] / "links.md").read_text(encoding="utf-8")
    by_hand = markdown.split("## Handmatig controleren", 1)[1]
    moved = markdown.split("## Verhuisd", 1)[1].split("##", 1)[0]
    for path in ("/naar-metadata", "/naar-intern", "/naar-inlog"):
        assert f"{run['public'].base}{path}>" in by_hand and path not in moved
    assert "metadata.google.internal" not in moved and "intranet.home.arpa" not in moved


def test_apply_moves_applies_only_the_plain_move(run, capsys):
    before = run["catalogue"].read_text(encoding="utf-8")
    links = str(run["out"] / "links.json")
    assert infobox_main(["apply-moves", "--links", links, "--catalogue", str(run["catalogue"])]) == 0
    after = run["catalogue"].read_text(encoding="utf-8")
    assert after == before.replace(f"{run['public'].base}/verhuisd", f"{run['public'].base}/nieuw")
    capsys.readouterr()


def test_the_job_never_sends_credentials_written_in_an_address(tmp_path):
    """Validation keeps credentials out of the catalogue; the child refuses them all the same."""
    seen: list[str | None] = []
    host = Host("127.0.0.73", {"/ok": lambda h, s: (seen.append(h.headers.get("Authorization")), ok(h, s))})
    try:
        url = f"http://gebruiker:geheim@127.0.0.73:{host.server_address[1]}/ok"
        probe = check_urls([url], load_settings(None))[url]
    finally:
        host.stop()
    assert seen == [] and probe.result.startswith("RefusedAddress: bevat inloggegevens")


def test_no_authorization_header_leaves_a_session_of_the_job(tmp_path, monkeypatch):
    """requests adds one from ~/.netrc (or NETRC): the job's sessions drop it."""
    from infobox.linkcheck.address_guard import guarded

    seen: list[str | None] = []
    host = Host("127.0.0.73", {"/ok": lambda h, s: (seen.append(h.headers.get("Authorization")), ok(h, s))})
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.73 login gebruiker password geheim\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    try:
        base = f"http://127.0.0.73:{host.server_address[1]}"
        assert requests.get(f"{base}/ok", timeout=5).status_code == 200  # requests alone sends it
        with guarded(requests.Session()) as session:
            assert session.get(f"{base}/ok", timeout=5).status_code == 200
            assert session.get(f"{base}/ok", auth=("gebruiker", "geheim"), timeout=5).status_code == 200
    finally:
        host.stop()
    assert seen[0] is not None and seen[1:] == [None, None]


def test_a_public_name_that_resolves_to_an_internal_address_is_refused(monkeypatch):
    from infobox.linkcheck.address_guard import request_problem

    def resolve(host, port, *args):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    assert request_problem("https://intranet.example.org/") == (
        "heeft een servernaam die verwijst naar een adres in een privénetwerk (10.1.2.3)"
    )
