"""The commands that edit the catalogue (`propose`, `apply-moves`) keep the file as it was (issue 31.3): a
symlink stays a symlink and its target is replaced, CRLF stays CRLF (also in added lines), a missing final
line break stays missing, the mode stays; a folder they may not write is one Dutch line and exit 2, with the
workflow's result file written, and the catalogue untouched. Real files, and real processes where it
takes another user to make a folder read-only."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from infobox.catalogue.loader import load_catalogue
from infobox.cli import main
from tests.support.issue_bodies import issue_body, option_for, valid_values
from tests.support.paths import REPO
from tests.support.unprivileged import open_folder, unprivileged

REAL = REPO / "data" / "resources.yaml"
NEW_URL = "https://nieuw.example.org/verhuisd"


def moved_url() -> str:
    return load_catalogue(REAL).resources[0].links[0].url


def propose(folder: Path, catalogue: Path) -> int:
    """A proposal for standard 10: the last section, so the block goes at the very end of the list."""
    body = folder / "body.md"
    body.write_text(issue_body(valid_values(standaarden=[option_for("10")])), encoding="utf-8")
    return main(["propose", str(body), "--catalogue", str(catalogue)])


def apply_moves(folder: Path, catalogue: Path) -> int:
    links = folder / "links.json"
    links.write_text(json.dumps({"links": [{"url": moved_url(), "status": "moved", "redirect_to": NEW_URL}]}))
    return main(["apply-moves", "--links", str(links), "--catalogue", str(catalogue)])


COMMANDS = {"propose": propose, "apply-moves": apply_moves}


def edited(text: str) -> bool:
    return "handreiking-veilig-thuis" in text or NEW_URL in text


@pytest.mark.parametrize("command", COMMANDS)
def test_a_symlinked_catalogue_stays_a_symlink_and_its_target_is_replaced(tmp_path, command):
    shared = tmp_path / "gedeeld"
    shared.mkdir()
    target = shared / "catalogus.yaml"
    shutil.copyfile(REAL, target)
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(REAL.with_name("resources.schema.json"), data / "resources.schema.json")
    link = data / "resources.yaml"
    link.symlink_to(Path("..") / "gedeeld" / "catalogus.yaml")
    assert COMMANDS[command](tmp_path, link) == 0
    assert link.is_symlink() and os.readlink(link) == str(Path("..") / "gedeeld" / "catalogus.yaml")
    assert edited(target.read_text(encoding="utf-8"))
    assert sorted(p.name for p in shared.iterdir()) == ["catalogus.yaml"]  # no temporary file left
    assert sorted(p.name for p in data.iterdir()) == ["resources.schema.json", "resources.yaml"]


@pytest.mark.parametrize("command", COMMANDS)
def test_crlf_line_endings_stay_crlf_in_every_line(catalogue_copy, command):
    crlf = REAL.read_bytes().replace(b"\n", b"\r\n")
    catalogue_copy.write_bytes(crlf)
    assert COMMANDS[command](catalogue_copy.parent, catalogue_copy) == 0
    after = catalogue_copy.read_bytes()
    assert edited(after.decode("utf-8")) and after.count(b"\n") == after.count(b"\r\n") > crlf.count(b"\n") - 5


@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_without_a_final_line_break_keeps_none(catalogue_copy, command):
    catalogue_copy.write_bytes(REAL.read_bytes().rstrip(b"\n"))
    assert COMMANDS[command](catalogue_copy.parent, catalogue_copy) == 0
    after = catalogue_copy.read_text(encoding="utf-8")
    assert edited(after) and not after.endswith("\n")
    load_catalogue(catalogue_copy)


@pytest.mark.parametrize("mode", [0o600, 0o664])
@pytest.mark.parametrize("command", COMMANDS)
def test_the_mode_stays(catalogue_copy, command, mode):
    catalogue_copy.chmod(mode)
    assert COMMANDS[command](catalogue_copy.parent, catalogue_copy) == 0
    assert edited(catalogue_copy.read_text(encoding="utf-8"))
    assert stat.S_IMODE(catalogue_copy.stat().st_mode) == mode


def run_as_another_user(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        unprivileged([sys.executable, "-m", "infobox", *args]), capture_output=True, text=True, cwd=REPO, check=False
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_a_catalogue_folder_nobody_may_write_is_one_dutch_line_and_exit_2(command):
    with open_folder() as root:
        data, out = root / "data", root / "uit"
        data.mkdir()
        out.mkdir()
        out.chmod(0o777)  # the result file goes here, as in the workflow
        catalogue = data / "resources.yaml"
        shutil.copyfile(REAL, catalogue)
        before = catalogue.read_bytes()
        body, links = out / "body.md", out / "links.json"
        body.write_text(issue_body(valid_values()), encoding="utf-8")
        links.write_text(json.dumps({"links": [{"url": moved_url(), "status": "moved", "redirect_to": NEW_URL}]}))
        for path in (body, links, catalogue):
            path.chmod(0o644)
        data.chmod(0o555)
        if command == "propose":
            result = out / "result.json"
            done = run_as_another_user("propose", str(body), "--catalogue", str(catalogue), "--result", str(result))
            assert json.loads(result.read_text(encoding="utf-8"))["status"] == "cannot-run"
        else:
            done = run_as_another_user("apply-moves", "--links", str(links), "--catalogue", str(catalogue))
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert f"{catalogue}:0: bestand: kan niet worden geschreven (Permission denied)" in done.stderr
        assert catalogue.read_bytes() == before and sorted(p.name for p in data.iterdir()) == ["resources.yaml"]


def test_changed_links_to_a_file_it_cannot_write_is_one_dutch_line_and_exit_2():
    with open_folder() as root:
        locked = root / "dicht"
        locked.mkdir(mode=0o555)
        locked.chmod(0o555)
        done = run_as_another_user(
            "changed-links", str(root / "geen-basis.yaml"), "--catalogue", str(REAL), "--out", str(locked / "c.yaml")
        )
        assert done.returncode == 2, done.stderr
        assert done.stderr == f"{locked / 'c.yaml'}: kan niet worden geschreven (Permission denied)\n"
