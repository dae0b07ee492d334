"""The two pull-request workflows: issue text is data (never in a `run:` script), least permissions per job,
only a maintainer's label starts a proposal, and the proposal step run for real on a hostile issue body.
(actionlint runs on every workflow in tests/maintenance/test_workflows.py.)"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.maintenance.test_workflows import WORKFLOWS, step, workflow
from tests.support.issue_bodies import HOSTILE_TITLE, issue_body, valid_values
from tests.support.paths import REPO

LABEL = "voorstel-verwerken"


def test_no_run_script_contains_an_expression():
    """`${{ … }}` in a script is pasted into it before the shell runs: with issue text, that runs the text.
    Every workflow passes such values through `env:` instead."""
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for name, job in workflow(path.name)["jobs"].items():
            for s in job.get("steps", []):
                assert "${{" not in s.get("run", ""), f"{path.name}: {name}: {s.get('name', s.get('run'))}"


def test_only_the_maintainers_label_starts_a_proposal_and_each_job_has_the_least_permissions():
    flow = workflow("proposals.yml")
    assert flow["on"] == {"issues": {"types": ["labeled"]}}
    assert flow["permissions"] == {}
    prepare, publish = flow["jobs"]["prepare"], flow["jobs"]["publish"]
    assert prepare["if"] == f"github.event.label.name == '{LABEL}'"
    assert publish["needs"] == "prepare"  # skipped with it for any other label
    assert prepare["permissions"] == {"contents": "read"}  # reads the issue text; can write nothing
    assert publish["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    checkout = next(s for s in prepare["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["persist-credentials"] is False
    add = step(prepare, "Add the proposal to the catalogue")
    assert add["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"
    pr = step(publish, "Open the pull request, or comment the problems on the issue")
    assert "python -m infobox.maintenance.bot proposal" in pr["run"]
    assert not any("github.event.issue.body" in v or "issue.title" in v for v in pr["env"].values())


def test_moved_links_job_may_only_push_and_open_pull_requests():
    job = workflow("links.yml")["jobs"]["moves"]
    assert job["needs"] == "links"
    assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
    assert step(job, "Open or update the pull request for moved links")["run"] == (
        "python -m infobox.maintenance.bot moves --links reports/links.json"
    )


def test_the_proposal_step_keeps_a_hostile_body_as_data(tmp_path):
    """The real `run:` script of the proposal step, in bash, with a hostile body in its environment."""
    (tmp_path / "data").mkdir()
    for name in ("resources.yaml", "resources.schema.json"):
        shutil.copyfile(REPO / "data" / name, tmp_path / "data" / name)
    sentinel = tmp_path / "ran"  # created only if some part of the body ran as a command (cwd is tmp_path)
    body = issue_body(
        valid_values(
            titel=HOSTILE_TITLE + " $(touch ran) `touch ran` ${{ github.token }}",
            beschrijving="<script>alert(1)</script>\n'; touch ran; echo '\n\"$(touch ran)\"",
        )
    )
    script = step(workflow("proposals.yml")["jobs"]["prepare"], "Add the proposal to the catalogue")["run"]
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "ISSUE_BODY": body,
        "ISSUE_NUMBER": "7",
    }
    done = subprocess.run(
        ["bash", "-e", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert not sentinel.exists()
    assert (tmp_path / "proposal" / "body.md").read_text(encoding="utf-8") == body
    result = json.loads((tmp_path / "proposal" / "result.json").read_text(encoding="utf-8"))
    assert result["status"] == "added" and result["title"].startswith(HOSTILE_TITLE) and result["issue"] == 7
    proposed = (tmp_path / "proposal" / "resources.yaml").read_text(encoding="utf-8")
    assert proposed == (tmp_path / "data" / "resources.yaml").read_text(encoding="utf-8")
    assert "# Voorgesteld via issue #7." in proposed
