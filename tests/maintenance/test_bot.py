"""`python -m infobox.maintenance.bot`: the workflows' pull requests and comments, with a fake `gh` on PATH (it records
every call and keeps the pull requests in a file) and real git against a scratch remote (tests/support/fake_github)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from infobox.catalogue.loader import load_catalogue
from infobox.maintenance.bot import MOVES_BRANCH, main
from infobox.maintenance.github_api import GitHub
from tests.support.fake_github import git, scratch_repository
from tests.support.github_markdown import Rendered
from tests.support.paths import REPO

REAL = REPO / "data" / "resources.yaml"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A clone holding the real catalogue, its bare remote, and the fake gh first on PATH; cwd is the clone."""
    scratch = scratch_repository(tmp_path, [REAL, REAL.with_name("resources.schema.json")])
    for name, value in scratch.env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(scratch.clone)
    return scratch.clone, scratch.remote, scratch.fake


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
    assert json.loads(fake.state.read_text()) == [{"number": 100, "head": MOVES_BRANCH, "state": "OPEN"}]


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


# The bot never discards a commit it did not make (issue 31): a maintainer's fix on its branch survives.

MAINTAINER = ["-c", "user.name=Marieke Beheer", "-c", "user.email=marieke@example.org"]


def maintainer_fix(tmp_path: Path, remote: Path, branch: str, old: str, new: str) -> str:
    """A maintainer's commit on `branch`, pushed to the remote as BEHEER.md asks (fix a label there); its hash."""
    work = tmp_path / "maintainer"
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run(["git", "clone", "-q", "-b", branch, str(remote), str(work)], check=True, capture_output=True)
    path = work / "data" / "resources.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    subprocess.run(["git", *MAINTAINER, "commit", "-qam", "Label nagekeken"], cwd=work, check=True)
    subprocess.run(["git", "push", "-q", "origin", branch], cwd=work, check=True, capture_output=True)
    return git("rev-parse", branch, cwd=remote).strip()


def next_week(clone: Path) -> None:
    """The workflow's fresh checkout of main, as the next run starts from."""
    git("checkout", "-q", "-f", "main", cwd=clone)


def test_a_maintainers_fix_on_the_moves_branch_survives_the_next_run(repo, tmp_path):
    clone, remote, fake = repo
    resources = load_catalogue(REAL).resources
    first = resources[0]
    moves = {first.links[0].url: "https://nieuw.example.org/a"}
    assert main(["moves", "--links", str(links_json(tmp_path / "links.json", moves))]) == 0
    label = first.links[0].label
    fixed = maintainer_fix(tmp_path, remote, MOVES_BRANCH, f"label: {label}\n", "label: Nagekeken label\n")

    next_week(clone)
    moves[resources[9].links[0].url] = "https://nieuw.example.org/c"
    before = len(fake.calls())
    assert main(["moves", "--links", str(links_json(tmp_path / "links.json", moves))]) == 0
    assert git("rev-parse", MOVES_BRANCH, cwd=remote).strip() == fixed  # nothing pushed over the fix
    assert "label: Nagekeken label\n" in remote_file(remote, MOVES_BRANCH)
    week2 = fake.calls()[before:]
    assert [c["args"][:3] for c in week2] == [
        ["pr", "list", "--head"],
        ["pr", "list", "--head"],
        ["pr", "comment", "100"],
    ]
    comment = week2[-1]["stdin"]
    assert "Marieke Beheer: Label nagekeken" in comment and fixed[:7] in comment
    assert "<https://nieuw.example.org/c>" in comment  # what the bot would have done is not lost either


def test_with_only_its_own_commits_the_branch_is_replaced_also_from_a_shallow_checkout(repo, tmp_path):
    """As in the workflow (a depth-1 checkout while main moved on): the bot's old commit is no one else's."""
    clone, remote, fake = repo
    resources = load_catalogue(REAL).resources
    moves = {resources[0].links[0].url: "https://nieuw.example.org/a"}
    assert main(["moves", "--links", str(links_json(tmp_path / "links.json", moves))]) == 0
    next_week(clone)
    (clone / "NOTE.md").write_text("main moved on\n")
    git("add", "NOTE.md", cwd=clone)
    git("commit", "-qm", "Een wijziging van een beheerder op main", cwd=clone)
    git("push", "-q", "origin", "main", cwd=clone)
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{remote}", str(shallow)], check=True)
    os.chdir(shallow)
    moves[resources[9].links[0].url] = "https://nieuw.example.org/c"
    assert main(["moves", "--links", str(links_json(tmp_path / "links.json", moves))]) == 0
    assert "https://nieuw.example.org/c" in remote_file(remote, MOVES_BRANCH)
    assert fake.commands()[-1] == ["pr", "edit"]


def test_relabelling_a_proposal_keeps_a_maintainers_commit_on_its_branch(repo, tmp_path):
    clone, remote, fake = repo
    text = REAL.read_text(encoding="utf-8")
    proposed = text.replace("resources:\n", "resources:\n  # nieuw\n", 1)
    result = {"status": "added", "id": "gids", "title": "Gids", "proposer": "Piet"}
    assert main(["proposal", "--issue", "12", *proposal_files(tmp_path, result, proposed)]) == 0
    fixed = maintainer_fix(tmp_path, remote, "voorstel/issue-12", "  # nieuw\n", "  # nieuw, nagekeken\n")

    next_week(clone)  # the label is put on again: propose runs on main once more
    again = text.replace("resources:\n", "resources:\n  # opnieuw\n", 1)
    assert main(["proposal", "--issue", "12", *proposal_files(tmp_path, result, again)]) == 0
    assert git("rev-parse", "voorstel/issue-12", cwd=remote).strip() == fixed
    assert fake.commands()[-1] == ["pr", "comment"] and fake.calls()[-1]["args"][2] == "100"
    assert "Marieke Beheer: Label nagekeken" in fake.calls()[-1]["stdin"]


def test_others_commits_without_an_open_pull_request_stop_the_bot_unless_a_closed_one_keeps_them(repo, tmp_path):
    clone, remote, fake = repo
    resources = load_catalogue(REAL).resources
    moves = {resources[0].links[0].url: "https://nieuw.example.org/a"}
    links = links_json(tmp_path / "links.json", moves)
    assert main(["moves", "--links", str(links)]) == 0
    label = resources[0].links[0].label
    fixed = maintainer_fix(tmp_path, remote, MOVES_BRANCH, f"label: {label}\n", "label: Nagekeken label\n")
    fake.open_prs([])  # someone closed the pull request by hand, without a trace the bot can see

    next_week(clone)
    assert main(["moves", "--links", str(links)]) == 2
    assert git("rev-parse", MOVES_BRANCH, cwd=remote).strip() == fixed

    # GitHub keeps the commits of a closed (or merged) pull request: then the branch is the bot's again.
    fake.open_prs([{"number": 100, "head": MOVES_BRANCH, "state": "CLOSED", "headRefOid": fixed}])
    next_week(clone)
    assert main(["moves", "--links", str(links)]) == 0
    assert git("rev-parse", MOVES_BRANCH, cwd=remote).strip() != fixed
    assert fake.commands()[-1] == ["pr", "list"] and fake.calls()[-2]["args"][:2] == ["pr", "create"]


def test_a_commit_pushed_while_the_bot_works_fails_the_push_instead_of_being_lost(repo, tmp_path, monkeypatch):
    clone, remote, fake = repo
    resources = load_catalogue(REAL).resources
    moves = {resources[0].links[0].url: "https://nieuw.example.org/a"}
    links = links_json(tmp_path / "links.json", moves)
    assert main(["moves", "--links", str(links)]) == 0
    next_week(clone)
    seen = GitHub.remote_branch
    label = resources[0].links[0].label
    pushed = []

    def meanwhile(self, branch):
        tip = seen(self, branch)  # the bot looked: only its own commit
        pushed.append(maintainer_fix(tmp_path, remote, branch, f"label: {label}\n", "label: Tussendoor\n"))
        return tip

    monkeypatch.setattr(GitHub, "remote_branch", meanwhile)
    assert main(["moves", "--links", str(links)]) == 2
    assert git("rev-parse", MOVES_BRANCH, cwd=remote).strip() == pushed[0]


def test_nothing_moved_keeps_a_pull_request_that_holds_a_maintainers_work(repo, tmp_path):
    clone, remote, fake = repo
    resources = load_catalogue(REAL).resources
    moves = {resources[0].links[0].url: "https://nieuw.example.org/a"}
    assert main(["moves", "--links", str(links_json(tmp_path / "links.json", moves))]) == 0
    label = resources[0].links[0].label
    fixed = maintainer_fix(tmp_path, remote, MOVES_BRANCH, f"label: {label}\n", "label: Nagekeken label\n")
    next_week(clone)
    assert main(["moves", "--links", str(links_json(tmp_path / "links.json", {}))]) == 0
    assert ["pr", "close"] not in fake.commands() and fake.commands()[-1] == ["pr", "comment"]
    assert git("rev-parse", MOVES_BRANCH, cwd=remote).strip() == fixed
