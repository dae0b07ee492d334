"""`python -m infobox apply-moves`: moved links are replaced on exactly their lines of a copy of the real
catalogue; dead-end redirects are listed, not applied; a result that would not validate changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from infobox.catalogue.loader import load_catalogue
from infobox.cli import main
from infobox.link_results.dead_ends import dead_end
from tests.support.paths import REPO

REAL = REPO / "data" / "resources.yaml"


@pytest.fixture
def catalogue(catalogue_copy) -> Path:
    return catalogue_copy


def links_file(tmp_path: Path, moves: dict[str, str], others: tuple[str, ...] = ()) -> Path:
    """A links.json as the link job writes it (infobox/linkcheck/report.py: to_json)."""
    links = [
        {"url": old, "status": "moved", "http_status": 301, "detail": "permanent verhuisd (301)", "redirect_to": new}
        for old, new in moves.items()
    ]
    links += [{"url": url, "status": "ok", "http_status": 200, "redirect_to": None} for url in others]
    path = tmp_path / "links.json"
    path.write_text(json.dumps({"checked_at": "2026-11-30T05:17:00Z", "summary": {}, "links": links}), "utf-8")
    return path


def real_urls(n: int) -> list[str]:
    return list(load_catalogue(REAL).urls())[:n]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["apply-moves", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_moved_links_change_exactly_their_lines_of_the_real_catalogue(tmp_path, catalogue, capsys):
    urls = real_urls(40)
    moved = {urls[3]: "https://nieuw.example.org/pagina-a", urls[17]: "https://nieuw.example.org/b?x=1&y=2"}
    before = catalogue.read_text(encoding="utf-8")
    links = links_file(tmp_path, moved, others=tuple(urls[20:25]))
    code, out, err = run(capsys, "--links", str(links), "--catalogue", str(catalogue))
    assert code == 0, err
    # Each `- url: OLD` line becomes `- url: NEW`, followed by `infobox_url: OLD` (these are Infobox entries:
    # the address the Infobox printed stays on record); every other line is the same.
    expected = []
    for line in before.splitlines(keepends=True):
        old = next((u for u in moved if line.strip() == f"- url: {u}"), None)
        expected.append(line)
        if old:
            indent = " " * (len(line) - len(line.lstrip(" -")))
            expected[-1:] = [line.replace(old, moved[old]), f"{indent}infobox_url: {old}\n"]
    assert catalogue.read_text(encoding="utf-8") == "".join(expected)
    assert len(expected) == len(before.splitlines()) + 2
    assert "2 verhuisde links bijgewerkt" in out
    links = {link.url: link for r in load_catalogue(catalogue).resources for link in r.links}
    assert {links[new].infobox_url for new in moved.values()} == set(moved)


def test_a_link_that_moves_again_keeps_the_address_the_infobox_printed(tmp_path, catalogue, capsys):
    old = real_urls(1)[0]
    run(
        capsys,
        "--links",
        str(links_file(tmp_path, {old: "https://nieuw.example.org/1"})),
        "--catalogue",
        str(catalogue),
    )
    once = catalogue.read_text(encoding="utf-8")
    code, _, err = run(capsys, "--links", str(links_file(tmp_path, {"https://nieuw.example.org/1": "https://nieuw.example.org/2"})),
                       "--catalogue", str(catalogue))  # fmt: skip
    assert code == 0, err
    assert catalogue.read_text(encoding="utf-8") == once.replace(
        "https://nieuw.example.org/1", "https://nieuw.example.org/2"
    )
    assert f"infobox_url: {old}\n" in once


def test_quoting_is_kept_and_every_place_of_a_url_is_changed(tmp_path, catalogue, capsys):
    first, second = real_urls(2)
    text = catalogue.read_text(encoding="utf-8")
    text = text.replace(f"- url: {first}\n", f"- url: '{first}'\n", 1)
    text = text.replace(f"- url: {second}\n", f'- url: "{second}"\n', 1)
    catalogue.write_text(text, encoding="utf-8")
    moves = {first: "https://a.example.org/it's-nieuw", second: "https://b.example.org/nieuw"}
    code, out, err = run(capsys, "--links", str(links_file(tmp_path, moves)), "--catalogue", str(catalogue))
    assert code == 0, err
    after = catalogue.read_text(encoding="utf-8")
    assert f"- url: 'https://a.example.org/it''s-nieuw'\n        infobox_url: '{first}'\n" in after
    assert f'- url: "https://b.example.org/nieuw"\n        infobox_url: "{second}"\n' in after
    assert len(after.splitlines()) == len(text.splitlines()) + 2


@pytest.mark.parametrize(
    ("new", "reason"),
    [
        ("https://{host}/", "de voorpagina"),
        ("https://{host}/inloggen?terug=/pagina", "een inlogpagina"),
        ("https://{host}/zoeken?q=handreiking", "een zoekpagina"),
    ],
)
def test_a_redirect_to_a_dead_end_is_listed_not_applied(tmp_path, catalogue, capsys, new, reason):
    old = next(u for u in real_urls(60) if u.count("/") > 3)
    host = old.split("/")[2]
    before = catalogue.read_bytes()
    links = links_file(tmp_path, {old: new.format(host=host)})
    code, out, _ = run(capsys, "--links", str(links), "--catalogue", str(catalogue))
    assert code == 0
    assert catalogue.read_bytes() == before
    assert "niet toegepast:" in out and reason in out and "Geen verhuisde links om bij te werken" in out


def test_a_result_that_would_not_validate_leaves_the_catalogue_untouched(tmp_path, catalogue, capsys):
    resource = next(r for r in load_catalogue(REAL).resources if len(r.links) >= 2)
    a, b = resource.links[0].url, resource.links[1].url
    before = catalogue.read_bytes()
    # Two links of one resource moving to the same address: the catalogue would hold a duplicate link.
    moves = {a: "https://samen.example.org/x", b: "https://samen.example.org/x"}
    code, _, err = run(capsys, "--links", str(links_file(tmp_path, moves)), "--catalogue", str(catalogue))
    assert code == 1
    assert catalogue.read_bytes() == before
    assert "deze link staat al eerder bij dit hulpmiddel" in err and "de catalogus is niet gewijzigd" in err
    assert not list(catalogue.parent.glob(".infobox-*"))  # no scratch file left behind


@pytest.mark.parametrize("content", [None, b"{niet json", b'{"links": 3}', b"\xff\xfe"])
def test_an_unusable_links_file_stops_with_exit_2_in_dutch(tmp_path, catalogue, capsys, content):
    path = tmp_path / "links.json"
    if content is not None:
        path.write_bytes(content)
    before = catalogue.read_bytes()
    code, _, err = run(capsys, "--links", str(path), "--catalogue", str(catalogue))
    assert code == 2 and catalogue.read_bytes() == before
    assert "linkrapport" in err and "Traceback" not in err


def test_dead_end_judgement():
    assert dead_end("https://a.nl/diep/pagina", "https://a.nl/") == "de voorpagina van de site"
    assert dead_end("https://a.nl/diep", "https://a.nl/login?next=/diep") == "een inlogpagina"
    assert dead_end("https://a.nl/diep", "https://a.nl/search?q=diep") == "een zoekpagina"
    assert dead_end("https://a.nl/diep", "https://a.nl/nieuw/diep") == ""
    assert dead_end("https://a.nl/zoeken", "https://a.nl/zoeken/") == ""  # a search page that stays one
    assert dead_end("https://a.nl/", "https://www.a.nl/") == ""  # the home page itself moved
