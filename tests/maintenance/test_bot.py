"""`python -m infobox.maintenance.bot`: the workflows' pull requests and comments, with a fake `gh` on PATH (it records
every call and keeps the open pull requests in a file) and real git against a scratch remote."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from infobox.catalogue.loader import load_catalogue
from infobox.maintenance.bot import MOVES_BRANCH, main
from tests.support.github_markdown import Rendered
from tests.support.paths import REPO

REAL = REPO / "data" / "resources.yaml"

FAKE_GH = f"""#!{sys.executable}
# A stand-in for the GitHub CLI: records argv and stdin; `pr list` answers from the state file.
import json, os, sys
state = os.environ["FAKE_GH_STATE"]
args = sys.argv[1:]
stdin = sys.stdin.read() if "-" in args else ""
with open(os.environ["FAKE_GH_LOG"], "a") as log:
    log.write(json.dumps({{"args": args, "stdin": stdin}}) + "\\n")
prs = json.load(open(state))
if args[:2] == ["pr", "list"]:
    head = args[args.index("--head") + 1]
    print(json.dumps([{{"number": p["number"]}} for p in prs if p["head"] == head]))
elif args[:2] == ["pr", "create"]:
    prs.append({{"number": 100 + len(prs), "head": args[args.index("--head") + 1]}})
elif args[:2] == ["pr", "close"]:
    prs = [p for p in prs if p["number"] != int(args[2])]
json.dump(prs, open(state, "w"))
"""


def git(*args: str, cwd: Path) -> str:
    ident = ["-c", "user.name=t", "-c", "user.email=t@example.org"]
    return subprocess.run(["git", *ident, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


class Fake:
    def __init__(self, root: Path):
        self.log, self.state = root / "gh.log", root / "gh-state.json"
        self.log.write_text("")
        self.state.write_text("[]")

    def open_prs(self, prs: list[dict]) -> None:
        self.state.write_text(json.dumps(prs))

    def calls(self) -> list[dict]:
        return [json.loads(line) for line in self.log.read_text().splitlines()]

    def commands(self) -> list[list[str]]:
        return [c["args"][:2] for c in self.calls()]


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A clone holding the real catalogue, its bare remote, and the fake gh first on PATH; cwd is the clone."""
    remote, clone, bin_dir = tmp_path / "remote.git", tmp_path / "clone", tmp_path / "bin"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    subprocess.run(["git", "clone", "-q", str(remote), str(clone)], check=True, capture_output=True)
    (clone / "data").mkdir()
    for name in ("resources.yaml", "resources.schema.json"):
        shutil.copyfile(REAL.with_name(name), clone / "data" / name)
    git("add", ".", cwd=clone)
    git("commit", "-qm", "start", cwd=clone)
    git("push", "-q", "origin", "main", cwd=clone)
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH)
    (bin_dir / "gh").chmod(0o755)
    fake = Fake(tmp_path)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_GH_LOG", str(fake.log))
    monkeypatch.setenv("FAKE_GH_STATE", str(fake.state))
    monkeypatch.chdir(clone)
    return clone, remote, fake


def remote_file(remote: Path, branch: str) -> str:
    return git("show", f"{branch}:data/resources.yaml", cwd=remote)


def links_json(path: Path, moves: dict[str, str]) -> Path:
    links = [{"url": old, "status": "moved", "redirect_to": new} for old, new in moves.items()]
    path.write_text(json.dumps({"links": links}), encoding="utf-8")
    return path


def test_moved_links_open_one_pull_request_and_update_it_the_next_week(repo, tmp_path):
    clone, remote, fake = repo
    resources = load_catalogue(REAL).resources
    first, second = resources[0], resources[5]
    moves = {first.links[0].url: "https://nieuw.example.org/a", second.links[0].url: "https://nieuw.example.org/b"}
    assert main(["moves", "--links", str(links_json(tmp_path / "links.json", moves))]) == 0
    assert fake.commands() == [["pr", "list"], ["pr", "create"], ["pr", "list"]]
    create = fake.calls()[1]
    args = create["args"]
    assert args[args.index("--title") + 1] == "Linkcontrole: 2 verhuisde links bijwerken"
    assert args[args.index("--base") + 1] == "main" and args[args.index("--head") + 1] == MOVES_BRANCH
    for resource, (old, new) in zip((first, second), moves.items(), strict=True):
        assert f"| {resource.title.split(':')[0]}" in create["stdin"]
        assert f"| <{old}> | <{new}> |" in create["stdin"]
    pushed = remote_file(remote, MOVES_BRANCH)
    assert "- url: https://nieuw.example.org/a\n" in pushed and f"- url: {first.links[0].url}\n" not in pushed
    assert f"infobox_url: {first.links[0].url}\n" in pushed  # the address the Infobox printed stays on record
    assert remote_file(remote, "main") == REAL.read_text(encoding="utf-8")  # main itself untouched

    # The next week: one more link moved. The open pull request is updated, never a second one beside it.
    git("checkout", "-q", "main", cwd=clone)
    git("checkout", "-q", "--", ".", cwd=clone)
    third = resources[9]
    moves[third.links[0].url] = "https://nieuw.example.org/c"
    before = len(fake.calls())
    assert main(["moves", "--links", str(links_json(tmp_path / "links.json", moves))]) == 0
    week2 = fake.calls()[before:]
    assert [c["args"][:3] for c in week2] == [["pr", "list", "--head"], ["pr", "edit", "100"]]
    assert "Linkcontrole: 3 verhuisde links bijwerken" in week2[1]["args"]
    assert "https://nieuw.example.org/c" in remote_file(remote, MOVES_BRANCH)
    assert json.loads(fake.state.read_text()) == [{"number": 100, "head": MOVES_BRANCH}]


def test_nothing_moved_opens_nothing_and_closes_a_stale_pull_request(repo, tmp_path):
    clone, remote, fake = repo
    links = links_json(tmp_path / "links.json", {})
    assert main(["moves", "--links", str(links)]) == 0
    assert fake.commands() == [["pr", "list"]]
    assert "refs/heads/" + MOVES_BRANCH not in git("ls-remote", str(remote), cwd=clone)
    fake.open_prs([{"number": 7, "head": MOVES_BRANCH}])
    assert main(["moves", "--links", str(links)]) == 0
    assert fake.commands()[-1] == ["pr", "close"] and fake.calls()[-1]["args"][2] == "7"


def proposal_files(tmp_path: Path, result: dict, catalogue_text: str) -> list[str]:
    (tmp_path / "result.json").write_text(json.dumps(result), encoding="utf-8")
    (tmp_path / "proposed.yaml").write_text(catalogue_text, encoding="utf-8")
    return ["--result", str(tmp_path / "result.json"), "--proposed", str(tmp_path / "proposed.yaml")]


def test_an_invalid_proposal_is_answered_on_the_issue_with_its_problems_as_inert_text(repo, tmp_path):
    clone, remote, fake = repo
    result = {"status": "invalid", "problems": ["Titel: ontbreekt", "Links: @iedereen [klik](javascript:x) <b>"]}
    assert main(["proposal", "--issue", "12", *proposal_files(tmp_path, result, "")]) == 0
    (call,) = fake.calls()
    assert call["args"] == ["issue", "comment", "12", "--body-file", "-"]
    assert "- Titel: ontbreekt" in call["stdin"]
    assert r"- Links: @<!-- -->iedereen \[klik\](javascript:x) \<b\>" in call["stdin"]
    assert Rendered(call["stdin"]).mentions == []
    assert "voorstel/issue-12" not in git("ls-remote", str(remote), cwd=clone)


def test_an_added_proposal_becomes_a_pull_request_that_links_the_issue(repo, tmp_path):
    clone, remote, fake = repo
    proposed = REAL.read_text(encoding="utf-8").replace("resources:\n", "resources:\n  # nieuw\n", 1)
    title = "Gids $(id)\n- id: evil"
    result = {"status": "added", "id": "gids-id-id-evil", "title": title, "proposer": "Piet @iemand"}
    result["already_listed"] = {"https://www.example.org/": ["kindcheck"]}
    assert main(["proposal", "--issue", "12", *proposal_files(tmp_path, result, proposed)]) == 0
    assert fake.commands() == [["pr", "list"], ["pr", "create"], ["pr", "list"]]
    args, body = fake.calls()[1]["args"], fake.calls()[1]["stdin"]
    assert args[args.index("--title") + 1] == "Voorstel: Gids $(id) - id: evil (#12)"
    assert args[args.index("--head") + 1] == "voorstel/issue-12"
    assert "Closes #12" in body and "Voorstel uit #12" in body and "Piet @<!-- -->iemand" in body
    assert "**Let op:** <https://www.example.org/> staat al in de catalogus, bij `kindcheck`" in body
    assert remote_file(remote, "voorstel/issue-12") == proposed


def test_a_proposed_catalogue_that_does_not_validate_is_not_pushed(repo, tmp_path):
    clone, remote, fake = repo
    result = {"status": "added", "id": "x", "title": "x", "proposer": "p"}
    assert main(["proposal", "--issue", "3", *proposal_files(tmp_path, result, "resources: [\n")]) == 1
    assert fake.calls() == [] and "voorstel/issue-3" not in git("ls-remote", str(remote), cwd=clone)


def test_a_hostile_redirect_target_reaches_the_pull_request_only_as_inert_text(repo, tmp_path):
    clone, remote, fake = repo
    resources = load_catalogue(REAL).resources
    good, bad = resources[0].links[0].url, resources[1].links[0].url
    hostile = "https://a.example.org/x> [klik](javascript:alert(1)) @team"
    moves = {good: "https://nieuw.example.org/a", bad: hostile}
    assert main(["moves", "--links", str(links_json(tmp_path / "links.json", moves))]) == 0
    body = fake.calls()[1]["stdin"]
    assert "Linkcontrole: 1 verhuisde link bijwerken" in fake.calls()[1]["args"]
    page = Rendered(body)  # as GitHub reads it: a backslash before '@' would not stop the mention
    assert page.mentions == [] and page.images == [] and all(href.startswith("https://") for href, _ in page.links)
    assert "<https://a.example.org/x>" not in body and " @team" not in body
    assert hostile not in remote_file(remote, MOVES_BRANCH)
