from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.servers import Host, archive_routes, hang_routes, robots_routes, site_routes

HERE = Path(__file__).parent


@pytest.fixture(scope="package", autouse=True)
def local_servers_play_the_web():
    """The link job's tests run against servers on loopback addresses, which the address policy admits only
    with INFOBOX_ALLOW_LOCAL_URLS=1 (set before any module's own fixtures start a run)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INFOBOX_ALLOW_LOCAL_URLS", "1")
        yield


def closed_port(address: str) -> int:
    with socket.socket() as sock:
        sock.bind((address, 0))
        return sock.getsockname()[1]


@dataclass
class Web:
    site: Host
    robots: Host
    hang: Host
    archive: Host  # the fake web archive
    closed: str

    def catalogue(self, directory: Path, text: str | None = None) -> Path:
        text = text or (HERE / "catalogue.yaml").read_text(encoding="utf-8")
        text = (
            text.replace("http://SITE", self.site.base)
            .replace("http://ROBOTS", self.robots.base)
            .replace("http://HANG", self.hang.base)
            .replace("http://CLOSED", self.closed)
        )
        path = directory / "resources.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    def config(self, directory: Path, **extra) -> Path:
        values = {
            "timeout": 2,
            "per_host": 2,
            "threads": 8,
            "run_budget": 40,
            "retries": 2,
            "backoff": 0.2,
            "max_retry_after": 5,
            "youtube_oembed": f"{self.site.base}/youtube/oembed",
            "archive_api": f"{self.archive.base}/wayback/available",
            "archive_timeout": 1.0,
            "archive_interval": 0.2,
            **extra,
        }
        lines = ["[linkcheck]"]
        for key, value in values.items():
            lines.append(f"{key} = {value!r}" if not isinstance(value, str) else f'{key} = "{value}"')
        path = directory / "linkcheck.toml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path


@pytest.fixture
def web():
    hosts = [
        Host("127.0.0.21", site_routes()),
        Host("127.0.0.22", robots_routes()),
        Host("127.0.0.23", hang_routes()),
        Host("127.0.0.25", archive_routes()),
    ]
    yield Web(*hosts, closed=f"http://127.0.0.24:{closed_port('127.0.0.24')}")
    for host in hosts:
        host.stop()
