"""The GitHub Actions workflows: actionlint on every one, the publish workflow's shape, and the link job's
commit step run for real in a scratch repository (commit and push only when the history changed)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support.paths import REPO

WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT = Path(sys.executable).parent / "actionlint"


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def step(job: dict, name: str) -> dict:
    return next(s for s in job["steps"] if s.get("name") == name)


def test_every_workflow_passes_actionlint():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} >= {"ci.yml", "links.yml", "pages.yml", "catalogus.yml"}
    result = subprocess.run(
        [str(ACTIONLINT), "-no-color", *map(str, files)], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


# The jobs that push with the workflow token: only they may write the repository and keep checkout's credentials.
PUSHING_JOBS = {("links.yml", "links"), ("links.yml", "moves"), ("proposals.yml", "publish")}
# An action at one exact commit (a tag can be moved to other code), its release in the comment for readers
# and for Dependabot, which updates both.
PINNED_ACTION = re.compile(r"(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*")


def grants(permissions: dict | str) -> dict:
    """A `permissions:` value as scopes; `read-all` and `write-all` as their effect on the repository."""
    return permissions if isinstance(permissions, dict) else {"contents": permissions.removesuffix("-all")}


def test_every_workflow_has_least_privilege_and_pinned_actions():
    """Each workflow's token reads at most the repository unless a job asks for more, and only the pushing
    jobs may write it; checkout leaves no token in .git/config where the job pushes nothing (the code the
    job installs and runs could read it); every action is pinned to a commit."""
    problems = []
    for path in sorted(WORKFLOWS.glob("*.yml")):
        flow = workflow(path.name)
        if flow.get("permissions", "missing") not in ({}, {"contents": "read"}):
            problems.append(f"{path.name}: top-level permissions: {flow.get('permissions', 'missing')}")
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith(("uses:", "- uses:")) and not PINNED_ACTION.fullmatch(line.strip()):
                problems.append(f"{path.name}: not pinned to a commit: {line.strip()}")
        for name, job in flow["jobs"].items():
            pushes = (path.name, name) in PUSHING_JOBS
            if (grants(job.get("permissions", flow.get("permissions", {}))).get("contents") == "write") != pushes:
                problems.append(f"{path.name}: {name}: contents: write {'missing' if pushes else 'without a push'}")
            for s in job.get("steps", []):
                keeps = s.get("with", {}).get("persist-credentials", True) is not False
                if s.get("uses", "").startswith("actions/checkout@") and keeps != pushes:
                    problems.append(f"{path.name}: {name}: persist-credentials {'false' if pushes else 'missing'}")
    assert problems == []


def test_the_pushing_jobs_push():
    """The exceptions above are real: each pushing job runs `git push` or the bot, which pushes its branch."""
    for name, job in PUSHING_JOBS:
        runs = " ".join(s.get("run", "") for s in workflow(name)["jobs"][job]["steps"])
        assert "git push" in runs or "python -m infobox.maintenance.bot" in runs, (name, job)


def test_actionlint_catches_a_broken_workflow(tmp_path):
    """The lint above can fail: a workflow with an unknown event and a bad expression does not pass."""
    bad = tmp_path / "bad.yml"
    bad.write_text("on: pushh\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ nope }}\n")
    result = subprocess.run([str(ACTIONLINT), "-no-color", str(bad)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "pushh" in result.stdout


def test_publish_workflow_deploys_main_and_each_link_job_run_with_the_least_permissions():
    pages = workflow("pages.yml")
    assert pages["on"]["push"] == {"branches": ["main"]}
    # The link job's own commit does not start push workflows; its completion starts this one.
    after_links = {"workflows": [workflow("links.yml")["name"]], "types": ["completed"], "branches": ["main"]}
    assert pages["on"]["workflow_run"] == after_links
    assert pages["permissions"] == {}
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    uses = [s.get("uses", "").split("@")[0] for job in (build, deploy) for s in job["steps"]]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    build_step = step(build, "Build the site (strict)")
    assert "--strict" in build_step["run"].split() and "SITE_URL" in build_step["env"]


def run_commit_step(clone: Path, bin_dir: Path, log: Path) -> list[str]:
    script = step(workflow("links.yml")["jobs"]["links"], "Commit the link history")["run"]
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "GIT_LOG": str(log)}
    log.write_text("")
    subprocess.run(["bash", "-e", "-c", script], cwd=clone, env=env, check=True, capture_output=True, timeout=60)
    return log.read_text().split()


@pytest.fixture
def scratch_repo(tmp_path):
    """A clone with data/link-history.json, its bare remote, and a `git` on PATH that logs each subcommand."""
    git = shutil.which("git")
    remote, clone, bin_dir = tmp_path / "remote.git", tmp_path / "clone", tmp_path / "bin"
    subprocess.run([git, "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    subprocess.run([git, "clone", "-q", str(remote), str(clone)], check=True, capture_output=True)
    (clone / "data").mkdir()
    (clone / "data" / "link-history.json").write_text('{"version": 1}\n')
    ident = ["-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([git, *ident, "-C", str(clone), "add", "."], check=True)
    subprocess.run([git, *ident, "-C", str(clone), "commit", "-qm", "start"], check=True)
    subprocess.run([git, "-C", str(clone), "push", "-q", "origin", "main"], check=True, capture_output=True)
    bin_dir.mkdir()
    wrapper = bin_dir / "git"
    wrapper.write_text(f'#!/bin/sh\necho "$1" >> "$GIT_LOG"\nexec {git} "$@"\n')
    wrapper.chmod(0o755)
    return clone, remote, bin_dir


def remote_log(remote: Path) -> list[str]:
    out = subprocess.run(["git", "-C", str(remote), "log", "--format=%s", "main"], capture_output=True, text=True)
    return out.stdout.split("\n")[:-1]


def test_link_job_commits_and_pushes_only_a_changed_history(scratch_repo, tmp_path):
    clone, remote, bin_dir = scratch_repo
    log = tmp_path / "git.log"

    called = run_commit_step(clone, bin_dir, log)
    assert "commit" not in called and "push" not in called
    assert remote_log(remote) == ["start"]

    (clone / "data" / "link-history.json").write_text('{"version": 1, "checked_at": "2026-11-23"}\n')
    called = run_commit_step(clone, bin_dir, log)
    assert "commit" in called and "push" in called
    assert remote_log(remote) == ["Linkcontrole: geschiedenis bijgewerkt", "start"]


def test_a_catalogue_pull_request_gets_the_fast_check_and_main_keeps_the_full_suite():
    fast = workflow("catalogus.yml")
    assert fast["on"] == {"pull_request": {"paths": ["data/**"]}}
    assert fast["permissions"] == {"contents": "read"}
    (job,) = fast["jobs"].values()
    assert job["timeout-minutes"] <= 5  # the answer is due within 3 minutes; never let it hang longer
    runs = [s.get("run", "") for s in job["steps"]]
    order = [
        next(i for i, run in enumerate(runs) if "-m infobox validate --format github" in run),
        next(i for i, run in enumerate(runs) if "mkdocs build --strict" in run),
        next(i for i, run in enumerate(runs) if "-m infobox changed-links" in run and "check_links.py" in run),
    ]
    assert order == sorted(order)
    full = workflow("ci.yml")
    assert "push" in full["on"] and "make test" in " ".join(s.get("run", "") for s in full["jobs"]["test"]["steps"])


def test_changed_links_keeps_only_resources_with_a_new_address(tmp_path):
    base = REPO / "tests" / "fixtures" / "catalogues" / "valid-minimal.yaml"
    head = tmp_path / "resources.yaml"
    text = base.read_text(encoding="utf-8").replace("nl-nl/kindcheck", "nl-nl/kindcheck-nieuw")
    head.write_text(text, encoding="utf-8")
    out = tmp_path / "changed.yaml"
    command = [sys.executable, "-m", "infobox", "changed-links", str(base), "--catalogue", str(head), "--out", str(out)]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 hulpmiddel met nieuwe of gewijzigde links")
    changed = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in changed["resources"]] == ["kindcheck"]
    assert [link["url"] for link in changed["resources"][0]["links"]] == ["https://www.augeo.nl/nl-nl/kindcheck-nieuw"]
    # Unchanged: nothing to check, and the workflow skips the link job.
    result = subprocess.run(
        command[:5] + ["--catalogue", str(base), "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.startswith("0 hulpmiddelen"), result.stderr


@pytest.mark.server
def test_the_fast_check_step_checks_only_the_changed_link(tmp_path):
    """The workflow's own link step, run in a clone whose pull request moves one link to a page that is gone
    (a loopback server answering 404): exit 1 with the report; the unchanged links are never asked for."""
    import http.server
    import threading

    asked: list[str] = []

    class Gone(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            asked.append(self.path)
            self.send_error(404)

        do_HEAD = do_GET

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Gone)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    remote, clone = tmp_path / "remote.git", tmp_path / "clone"
    try:
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
        subprocess.run(["git", "clone", "-q", str(remote), str(clone)], check=True, capture_output=True)
        (clone / "data").mkdir()
        # The real settings, with the web archive asked on loopback too (a test never touches the real web).
        local = f"http://127.0.0.1:{server.server_address[1]}"
        settings = (REPO / "linkcheck.toml").read_text(encoding="utf-8")
        settings = re.sub(r"(?m)^archive_api = .*$", f'archive_api = "{local}/wayback/available"', settings)
        settings = re.sub(r"(?m)^(archive_)?timeout = .*$", lambda m: f"{m[1] or ''}timeout = 2", settings)
        settings = re.sub(r"(?m)^retries = .*$", "retries = 0", settings)  # one answer is enough here
        (clone / "linkcheck.toml").write_text(settings, encoding="utf-8")
        (clone / "scripts").symlink_to(REPO / "scripts")
        minimal = (REPO / "tests" / "fixtures" / "catalogues" / "valid-minimal.yaml").read_text(encoding="utf-8")
        (clone / "data" / "resources.yaml").write_text(minimal, encoding="utf-8")
        subprocess.run([*git, "-C", str(clone), "add", "data"], check=True)
        subprocess.run([*git, "-C", str(clone), "commit", "-qm", "start"], check=True)
        subprocess.run(["git", "-C", str(clone), "push", "-q", "origin", "main"], check=True, capture_output=True)
        gone = f"{local}/kindcheck"
        changed = minimal.replace("https://www.augeo.nl/nl-nl/kindcheck", gone)
        (clone / "data" / "resources.yaml").write_text(changed, encoding="utf-8")

        script = step(workflow("catalogus.yml")["jobs"]["catalogue"], "Nieuwe en gewijzigde links controleren")["run"]
        runner_temp = tmp_path / "runner"
        runner_temp.mkdir()
        env = {
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            "BASE_REF": "main",
            "RUNNER_TEMP": str(runner_temp),
            "INFOBOX_ALLOW_LOCAL_URLS": "1",  # the loopback server plays the changed page
        }
        result = subprocess.run(
            ["bash", "-e", "-c", script], cwd=clone, env=env, capture_output=True, text=True, timeout=300
        )
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith("1 hulpmiddel met nieuwe of gewijzigde links")
    assert {path for path in asked if not path.startswith("/wayback/")} == {"/kindcheck"}
    assert any(path.startswith("/wayback/") for path in asked)  # the clone's settings, not the real archive
    assert gone in (runner_temp / "reports" / "links.md").read_text(encoding="utf-8")


# The link job's exit codes as the workflow must treat them (README, "The link job"): which later steps run,
# and with what status the run ends. `reported` is what links.json says; None: the job wrote no report.
UPDATE, CLOSE = "Open or update the tracking issue", "Close the tracking issue when all is well"
COMMIT, FAIL = "Commit the link history", "Fail when the e-mail was not delivered or the history not saved"
LINK_CODES = {
    "0 nothing to report": (0, False, {CLOSE, COMMIT}, 0),
    "1 reported": (1, True, {UPDATE, COMMIT}, 0),
    "2 could not run": (2, None, None, 2),
    "3 not delivered": (3, True, {UPDATE, COMMIT, FAIL}, 3),
    "4 history not saved, reported": (4, True, {UPDATE, FAIL}, 4),
    "4 history not saved, nothing reported": (4, False, {CLOSE, FAIL}, 4),
    "130 interrupted": (130, None, None, 130),
}
CONDITION = re.compile(r"steps\.check\.outputs\.(\w+) (==|!=) '([^']*)'")
EXPRESSION = re.compile(r"\$\{\{ steps\.check\.outputs\.(\w+) \}\}")


def runs(step: dict, outputs: dict[str, str]) -> bool:
    """A step's `if:` for the forms this workflow uses; any other form fails the test rather than guess."""
    if "if" not in step:
        return True
    verdicts = []
    for clause in step["if"].split(" || "):
        match = CONDITION.fullmatch(clause.strip())
        assert match, f"unknown condition form: {step['if']}"
        name, op, value = match.groups()
        verdicts.append((outputs.get(name, "") == value) == (op == "=="))
    return any(verdicts)


@pytest.mark.parametrize("case", list(LINK_CODES))
def test_link_workflow_treats_each_exit_code_right(tmp_path, case):
    code, reported, expected_steps, run_status = LINK_CODES[case]
    steps = workflow("links.yml")["jobs"]["links"]["steps"]
    names = [s.get("name") for s in steps]
    check = steps[names.index("Check links")]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "python"  # plays the job: writes the report's verdicts, exits with the code
    fake.write_text(
        '#!/bin/sh\necho "$@" > "$ARGS_LOG"\nmkdir -p reports\n'
        'if [ -n "$REPORTED" ]; then printf \'{"links": [{"report": false}, {"report": %s}]}\' "$REPORTED" '
        '> reports/links.json; fi\nexit "$CODE"\n'
    )
    fake.chmod(0o755)
    output = tmp_path / "github_output"
    output.write_text("")
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_OUTPUT": str(output),
        "ARGS_LOG": str(tmp_path / "args"),
        "CODE": str(code),
        "REPORTED": "" if reported is None else str(reported).lower(),
        "SMTP_HOST": "smtp.example.org",
    }
    result = subprocess.run(["bash", "-e", "-c", check["run"]], cwd=tmp_path, env=env, capture_output=True, timeout=60)
    assert (tmp_path / "args").read_text().split() == ["scripts/check_links.py", "--out", "reports", "--send"]
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    if expected_steps is None:  # the job could not run: the step fails and nothing after it runs
        assert result.returncode == run_status
        return
    assert result.returncode == 0, result.stderr
    later = steps[names.index("Check links") + 1 :]
    ran = {s.get("name") for s in later if runs(s, outputs)}
    assert ran == {"Job summary", None} | expected_steps  # None: the unnamed artifact upload
    failing = [s for s in later if runs(s, outputs) and s.get("name", "").startswith("Fail")]
    status = 0
    for s in failing:
        step_env = {k: EXPRESSION.sub(lambda m: outputs[m[1]], v) for k, v in s.get("env", {}).items()}
        status = subprocess.run(["bash", "-e", "-c", s["run"]], env={**os.environ, **step_env}, timeout=60).returncode
    assert status == run_status
