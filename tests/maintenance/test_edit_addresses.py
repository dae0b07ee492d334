"""The machine edits keep to the address policy: `propose` refuses a proposed link and `apply-moves` a moved
link's new address that is not public, each with its specific Dutch reason; the pull-request bodies show
every address inert, read back as GitHub reads them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from infobox.catalogue.loader import load_catalogue
from infobox.cli import main
from infobox.errors import quote
from infobox.maintenance.apply_moves import Move, Outcome, Place
from infobox.maintenance.bot import moves_body, proposal_body, proposal_comment
from tests.support.github_markdown import Rendered
from tests.support.issue_bodies import issue_body, valid_values
from tests.support.paths import REPO

REAL = REPO / "data" / "resources.yaml"
NOT_PUBLIC = [
    (
        "http://169.254.169.254/latest/meta-data/",
        "verwijst naar een link-local adres (169.254.169.254), zoals de metadatadienst van een cloudserver",
    ),
    ("http://10.0.0.1/beheer", "verwijst naar een adres in een privénetwerk (10.0.0.1)"),
    ("http://127.0.0.1/", "verwijst naar deze computer zelf (127.0.0.1, een loopback-adres)"),
    ("http://0x7f.1/", "verwijst naar deze computer zelf (127.0.0.1, een loopback-adres)"),
    (
        "https://gebruiker:geheim@www.voorbeeld.nl/",
        "bevat inloggegevens (een naam of wachtwoord vóór '@'); een openbaar adres heeft die niet nodig en de "
        "linkcontrole stuurt ze nooit mee",
    ),
    (
        "http://evil.invalid\\@127.0.0.31/",
        "bevat een backslash (\\); browsers lezen die als '/' en gaan dan naar een andere server dan de linkcontrole",
    ),
]


@pytest.mark.parametrize(("url", "reason"), NOT_PUBLIC)
def test_propose_refuses_a_link_that_is_not_public(tmp_path, capsys, catalogue_copy, url, reason):
    before = catalogue_copy.read_bytes()
    body = tmp_path / "body.md"
    body.write_text(issue_body(valid_values(links=f"Website {url}")), encoding="utf-8")
    result = tmp_path / "result.json"
    code = main(["propose", str(body), "--catalogue", str(catalogue_copy), "--result", str(result)])
    capsys.readouterr()
    assert code == 1 and catalogue_copy.read_bytes() == before
    assert json.loads(result.read_text(encoding="utf-8"))["problems"] == [f"Links: {quote(url)} {reason}"]


def moved_to(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "links.json"
    link = {"url": old, "status": "moved", "http_status": 301, "detail": "permanent verhuisd (301)", "redirect_to": new}
    path.write_text(json.dumps({"checked_at": "2026-11-30T05:17:00Z", "summary": {}, "links": [link]}), "utf-8")
    return path


@pytest.mark.parametrize(("url", "reason"), NOT_PUBLIC)
def test_apply_moves_never_writes_an_address_that_is_not_public(tmp_path, capsys, catalogue_copy, url, reason):
    old = next(iter(load_catalogue(REAL).urls()))
    before = catalogue_copy.read_bytes()
    links = moved_to(tmp_path, old, url)
    assert main(["apply-moves", "--links", str(links), "--catalogue", str(catalogue_copy)]) == 0
    out = capsys.readouterr().out
    assert catalogue_copy.read_bytes() == before
    assert f"→ {url}: het nieuwe adres is niet bruikbaar: {quote(url)} {reason}\n" in out
    assert "Geen verhuisde links om bij te werken" in out


HOSTILE = "https://nieuw.example.org/a|@team|![x](https://e.example/i.png)"
PLACE = Place("gids", "Gids | @team", ("resources", 0, "links", 0, "url"), 12)


def test_the_moves_pull_request_shows_each_move_as_one_row_of_inert_addresses():
    old = "https://oud.example.org/pagina|@iedereen"
    body = moves_body(Outcome((Move(old, HOSTILE, (PLACE,)),), (Move(old, "http://10.0.0.1/@team", (PLACE,), "x"),)))
    page = Rendered(body)
    assert page.tables == [[["Gids | @team (gids)", old, HOSTILE]]]
    assert page.mentions == [] and page.images == []
    assert sorted(text for _, text in page.links) == sorted([old, HOSTILE, old, "http://10.0.0.1/@team"])


def test_proposal_texts_on_github_mention_no_one():
    comment = proposal_comment({"problems": [f"Links: {quote(HOSTILE)} is geen geldig webadres", "@team let op"]})
    body = proposal_body(
        {"title": "Gids @team", "id": "gids", "proposer": "Piet @iemand", "already_listed": {HOSTILE: ["x"]}}, 3
    )
    for text in (comment, body):
        page = Rendered(text)
        assert page.mentions == [] and page.images == [], page.html
