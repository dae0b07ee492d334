"""The link job's files keep a link's status typed: what is written is read back as the same `LinkStatus`."""

from __future__ import annotations

import json

from infobox.catalogue.loader import load_catalogue
from infobox.link_results.report_file import ReportedLink, read_links_file, write_links_file
from infobox.link_results.status import LinkHistory, LinkState, LinkStatus, read_status, write_status
from infobox.linkcheck.report import build_report, to_json
from tests.support.paths import REPO

NOW = "2026-11-30T05:17:00Z"


def one_of_each(urls: list[str]) -> dict[str, LinkState]:
    moved = {LinkStatus.MOVED: "https://nieuw.example.org/pagina"}
    return {
        url: LinkState(url, status, report=status != LinkStatus.OK, redirect_to=moved.get(status))
        for url, status in zip(urls, LinkStatus, strict=False)
    }


def test_the_history_round_trips_every_status(tmp_path):
    history = LinkHistory(NOW, one_of_each([f"https://a.example/{n}" for n in range(len(LinkStatus))]))
    path = tmp_path / "link-history.json"
    write_status(history, path)
    written = json.loads(path.read_text(encoding="utf-8"))["links"]
    assert [link["status"] for link in written.values()] == ["ok", "moved", "broken", "transient", "blocked"]
    read = read_status(path)
    assert read == history
    assert all(type(state.status) is LinkStatus for state in read.links.values())


def test_links_json_round_trips_the_report(tmp_path):
    catalogue = load_catalogue(REPO / "data" / "resources.yaml")
    states = one_of_each(list(catalogue.urls()))
    path = tmp_path / "links.json"
    write_links_file(to_json(build_report(LinkHistory(NOW, states), catalogue)), path)
    read = read_links_file(path)
    assert read == [ReportedLink(url, state.status, state.redirect_to) for url, state in states.items()]
    assert all(type(link.status) is LinkStatus for link in read)


def test_links_json_entries_a_reader_cannot_use_are_skipped(tmp_path):
    path = tmp_path / "links.json"
    links = [
        {"url": "https://a.example/", "status": "moved", "redirect_to": "https://b.example/"},
        {"url": "https://a.example/x", "status": "verdwenen"},
        {"url": ["geen", "tekst"], "status": "ok"},
        "geen object",
        {"url": "https://a.example/y", "status": "broken", "redirect_to": 3},
    ]
    path.write_text(json.dumps({"links": links}), encoding="utf-8")
    assert read_links_file(path) == [
        ReportedLink("https://a.example/", LinkStatus.MOVED, "https://b.example/"),
        ReportedLink("https://a.example/y", LinkStatus.BROKEN, None),
    ]
