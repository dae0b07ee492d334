"""Slow hosts against real local servers: one that drips its headers a byte at a time, one that drips its
body, one that hangs after its headers, beside a healthy host with more URLs than there are checkers.

Each read of a drip succeeds well within the timeout, so only a deadline for the whole request ends it.
Every healthy link must come out "ok" and every slow one "transient", with each slow host asked only
`per_host` times: with 8 checkers every host gets both its slots at once, so both of a slow host's
requests time out together and its third URL is never asked. (Checkers fewer than slots: test_scheduler.)
Run on a Dutch and on a German desktop, like the full run: the verdicts must not change.
"""

from __future__ import annotations

import os
from unittest import mock

import pytest

from infobox.linkcheck.check import check_all
from infobox.linkcheck.settings import load_settings
from tests.linkcheck.test_full_run import LOCALES
from tests.support.servers import Host, drip_routes, site_routes

KINDS = ("drip-head", "drip-body", "hang-after-headers")
pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def hosts():
    slow = {kind: Host(f"127.0.0.{51 + i}", drip_routes()) for i, kind in enumerate(KINDS)}
    healthy = Host("127.0.0.54", site_routes())
    yield slow, healthy
    for host in [*slow.values(), healthy]:
        host.stop()


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_slow_hosts_cost_the_healthy_host_nothing(hosts, tmp_path, locale):
    slow, healthy = hosts
    for host in [*slow.values(), healthy]:
        host.hits.clear()
    slow_urls = [f"{slow[kind].base}/{kind}/{i}" for kind in KINDS for i in range(1, 4)]
    healthy_urls = [f"{healthy.base}/ok?pagina={i}" for i in range(10)]
    config = tmp_path / "linkcheck.toml"
    config.write_text("[linkcheck]\ntimeout = 2\nper_host = 2\nthreads = 8\nhost_timeouts = 2\nrun_budget = 40\n")
    desktop = {"LANG": locale, "LC_ALL": locale, "LANGUAGE": LOCALES[locale]}
    with mock.patch.dict(os.environ, desktop):
        verdicts = check_all(slow_urls + healthy_urls, load_settings(config), sleep=lambda _: None)

    assert {url: verdicts[url].status for url in healthy_urls} == dict.fromkeys(healthy_urls, "ok")
    assert healthy.hits["/ok"] == 10
    for url in slow_urls:
        assert verdicts[url].status == "transient", verdicts[url]
        assert verdicts[url].detail == "de server antwoordde niet op tijd"  # not "not checked": no budget ran out
    for kind, host in slow.items():
        assert sum(host.hits.values()) == 2, kind  # per_host requests, then given up after two timeouts
