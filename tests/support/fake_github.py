"""GitHub for the bot's tests: a fake `gh` that records every call and keeps pull requests in a file, and a
scratch clone of a bare remote for real git."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

FAKE_GH = f"""#!{sys.executable}
# A stand-in for the GitHub CLI: records argv and stdin; `pr list` answers from the state file, where each pull
# request has a number, its head branch, a state (OPEN, CLOSED, MERGED) and, when a test sets it, headRefOid.
import json, os, sys
state = os.environ["FAKE_GH_STATE"]
args = sys.argv[1:]
stdin = sys.stdin.read() if "-" in args else ""
with open(os.environ["FAKE_GH_LOG"], "a") as log:
    log.write(json.dumps({{"args": args, "stdin": stdin}}) + "\\n")
prs = json.load(open(state))
if args[:2] == ["pr", "list"]:
    head = args[args.index("--head") + 1]
    wanted = args[args.index("--state") + 1].upper() if "--state" in args else "OPEN"
    fields = args[args.index("--json") + 1].split(",")
    shown = [p for p in prs if p["head"] == head and wanted in ("ALL", p.get("state", "OPEN"))]
    print(json.dumps([{{f: p.get(f, "OPEN" if f == "state" else None) for f in fields}} for p in shown]))
elif args[:2] == ["pr", "create"]:
    prs.append({{"number": 100 + len(prs), "head": args[args.index("--head") + 1], "state": "OPEN"}})
elif args[:2] == ["pr", "close"]:
    prs = [{{**p, "state": "CLOSED"}} if p["number"] == int(args[2]) else p for p in prs]
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


@dataclass(frozen=True)
class ScratchRepository:
    clone: Path  # the workflow's checkout: the bot runs here
    remote: Path  # a bare repository standing in for GitHub's
    fake: Fake
    env: dict[str, str]  # PATH with the fake gh first, and where it logs and keeps its state


def scratch_repository(root: Path, files: list[Path]) -> ScratchRepository:
    """A bare remote whose main holds `files` under data/, a clone of it, and the fake gh, under `root`."""
    remote, clone, bin_dir = root / "remote.git", root / "clone", root / "bin"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    subprocess.run(["git", "clone", "-q", str(remote), str(clone)], check=True, capture_output=True)
    (clone / "data").mkdir()
    for path in files:
        shutil.copyfile(path, clone / "data" / path.name)
    git("add", ".", cwd=clone)
    git("commit", "-qm", "start", cwd=clone)
    git("push", "-q", "origin", "main", cwd=clone)
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH)
    (bin_dir / "gh").chmod(0o755)
    fake = Fake(root)
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "FAKE_GH_LOG": str(fake.log),
        "FAKE_GH_STATE": str(fake.state),
    }
    return ScratchRepository(clone, remote, fake, env)
