"""Every command on hostile files (issue 31.4): each ends with an exit code of its table in infobox/exit_codes.py
and says why in Dutch, never with a traceback or a safety net's "onverwachte fout".

The commands: every subcommand of `python -m infobox`, the bot (`python -m infobox.maintenance.bot`, against a
scratch remote and the fake gh) and the link job (`scripts/check_links.py`), each run in-process through its
`main`. Each file a command reads or writes is in turn made hostile while the others stay valid. Inputs:
missing, empty, a folder, huge (a sparse file past every limit), binary, NUL bytes, nested 100,000 deep as
JSON, 5,000 deep as YAML or 50,000 deep as TOML, of the wrong shape (a list, a table that is a number),
another command's file, unreadable, a symlink loop, a symlink to nowhere. Outputs: in a folder nobody may
write, under a file, a folder where a file goes (or a file where a folder goes), a symlink into a missing
folder. Then Hypothesis writes random content (bytes, text, JSON and YAML built from the keys the files use)
into each input, and random arguments go to each parser. Permissions bind in-process too when the tests run
as root (tests/support/unprivileged.py).
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infobox.catalogue.loader import load_catalogue
from infobox.cli import main as cli
from infobox.exit_codes import CommandExit, LinkJobExit
from infobox.linkcheck.job import main as link_job
from infobox.maintenance.bot import main as bot
from infobox.maintenance.issue_form import reference_options
from tests.support.fake_github import scratch_repository
from tests.support.issue_bodies import issue_body, valid_values
from tests.support.minimal_catalogue import FIXTURE
from tests.support.unprivileged import as_nobody, open_folder

CATALOGUE = FIXTURE.read_text(encoding="utf-8").replace(
    "    links:\n      - url: https://www.augeo.nl/nl-nl/kindcheck\n        label: Kindcheck op augeo.nl\n",
    "    links: []\n",  # no address at all: the link job checks nothing, so nothing reaches the web
)
# The safety nets' words for a bug, not an answer (infobox/command_failures.py, the link job's main).
UNEXPECTED = "onverwachte fout"
HUGE = 70 * 1024 * 1024  # past every limit: catalogue 16 MB, links.json 64 MB, history 50 MB, mkdocs.yml 1 MB


@functools.cache
def valid_files() -> dict[str, bytes]:
    """Every file a command reads, valid, by its name in a case folder."""
    refs = reference_options(load_catalogue(FIXTURE))
    body = issue_body(valid_values(standaarden=[next(iter(refs))]))
    links = {"links": [{"url": "https://www.example.org/oud", "status": "moved", "redirect_to": "https://x.nl/"}]}
    result = {"status": "added", "id": "voorstel", "title": "Voorstel", "proposer": "Piet"}
    config = "site_name: t\ndocs_dir: docs\nextra:\n  infobox:\n    catalogue: catalogue.yaml\n"
    config += "    link_status: history.json\n"
    return {
        "catalogue.yaml": CATALOGUE.encode(),
        "base.yaml": CATALOGUE.encode(),
        "proposed.yaml": CATALOGUE.encode(),
        "links.json": json.dumps(links).encode(),
        "body.md": body.encode(),
        "result.json": json.dumps(result).encode(),
        "mkdocs.yml": config.encode(),
        "history.json": json.dumps({"version": 1, "checked_at": "", "links": {}}).encode(),
        "linkcheck.toml": b"[linkcheck]\ntimeout = 5\n",
    }


@dataclass(frozen=True)
class Command:
    run: Callable[[list[str]], int]
    argv: list[str]  # {name} stands for the case folder's file of that name
    inputs: tuple[str, ...]
    outputs: tuple[str, ...] = ()  # files it writes
    folders: tuple[str, ...] = ()  # folders it writes into
    codes: frozenset[int] = frozenset(CommandExit)


def link_job_in_process(argv: list[str]) -> int:
    return link_job(argv, env={})


COMMANDS = {
    "validate": Command(cli, ["validate", "{catalogue.yaml}"], ("catalogue.yaml",)),
    "export-csv": Command(
        cli,
        ["export", "--format", "csv", "--catalogue", "{catalogue.yaml}", "--out", "{out}"],
        ("catalogue.yaml",),
        ("out",),
    ),
    "export-xlsx": Command(
        cli, ["export", "--format", "xlsx", "--catalogue", "{catalogue.yaml}", "--out", "{out}"], (), ("out",)
    ),
    "schema": Command(cli, ["schema", "--out", "{out}"], (), ("out",)),
    "changed-links": Command(
        cli,
        ["changed-links", "{base.yaml}", "--catalogue", "{catalogue.yaml}", "--out", "{out}"],
        ("base.yaml", "catalogue.yaml"),
        ("out",),
    ),
    "apply-moves": Command(
        cli,
        ["apply-moves", "--links", "{links.json}", "--catalogue", "{catalogue.yaml}"],
        ("links.json", "catalogue.yaml"),
    ),
    "propose": Command(
        cli,
        ["propose", "{body.md}", "--catalogue", "{catalogue.yaml}", "--issue", "7", "--result", "{out}"],
        ("body.md", "catalogue.yaml"),
        ("out",),
    ),
    "issue-form": Command(
        cli, ["issue-form", "--catalogue", "{catalogue.yaml}", "--out", "{out}"], ("catalogue.yaml",), ("out",)
    ),
    "pages": Command(
        cli,
        ["pages", "{site}", "--config", "{mkdocs.yml}"],
        ("mkdocs.yml", "catalogue.yaml", "history.json"),
        (),
        ("site",),
    ),
    # Only inputs that stop it before Zensical runs: a valid set would build a whole site.
    "build-zensical": Command(
        cli, ["build-zensical", "--config", "{mkdocs.yml}", "--site-dir", "{site}"], ("mkdocs.yml", "catalogue.yaml")
    ),
    "bot-moves": Command(
        bot, ["moves", "--links", "{links.json}", "--catalogue", "{catalogue.yaml}"], ("links.json", "catalogue.yaml")
    ),
    "bot-proposal": Command(
        bot,
        [
            "proposal",
            "--issue",
            "7",
            "--result",
            "{result.json}",
            "--proposed",
            "{proposed.yaml}",
            "--catalogue",
            "{out}",
        ],
        ("result.json", "proposed.yaml"),
        ("out",),
    ),
    "check-links": Command(
        link_job_in_process,
        ["--catalogue", "{catalogue.yaml}", "--history", "{history.json}", "--config", "{linkcheck.toml}"]
        + ["--out", "{reports}", "--wait-for-lock", "0"],
        ("catalogue.yaml", "history.json", "linkcheck.toml"),
        (),
        ("reports",),
        frozenset(LinkJobExit),
    ),
}


def deep_yaml() -> bytes:
    return ("- " * 5000 + "x\n").encode()


def sparse(path: Path, size: int) -> None:
    with path.open("wb") as file:
        file.truncate(size)


INPUT_KINDS: dict[str, Callable[[Path, bytes], None]] = {
    "missing": lambda path, valid: None,
    "empty": lambda path, valid: path.write_bytes(b""),
    "folder": lambda path, valid: path.mkdir(),
    "huge": lambda path, valid: sparse(path, HUGE),
    "binary": lambda path, valid: path.write_bytes(bytes(range(256)) * 16),
    "nul-bytes": lambda path, valid: path.write_bytes(b"\0" * 4096),
    "deep-json": lambda path, valid: path.write_bytes(b"[" * 100_000 + b"]" * 100_000),
    "deep-yaml": lambda path, valid: path.write_bytes(deep_yaml()),
    "wrong-shape": lambda path, valid: path.write_text(
        json.dumps({"links": {"a": 1}, "status": 5, "resources": "x", "extra": [1], "version": "1", "problems": 3})
    ),
    "a-list": lambda path, valid: path.write_text("[1, 2, 3]\n"),
    "deep-toml": lambda path, valid: path.write_text("[linkcheck]\ntimeout = " + "[" * 50_000 + "]" * 50_000 + "\n"),
    "a-table-that-is-a-number": lambda path, valid: path.write_text("linkcheck = 5\nlinks = 5\nsource = 5\n"),
    "another-commands-file": lambda path, valid: path.write_bytes(
        valid_files()["body.md" if path.name != "body.md" else "links.json"]
    ),
    "unreadable": lambda path, valid: (path.write_bytes(valid), path.chmod(0)),
    "symlink-loop": lambda path, valid: path.symlink_to(path.name),
    "symlink-to-nowhere": lambda path, valid: path.symlink_to("nergens/bestand"),
}
OUTPUT_KINDS: dict[str, Callable[[Path], None]] = {
    "read-only-folder": lambda path: (path.parent.mkdir(), path.parent.chmod(0o555)),
    "under-a-file": lambda path: path.parent.write_text("een bestand, geen map\n"),
    "wrong-kind": lambda path: path.mkdir(),  # a folder where a file goes; a file where a folder goes
    "symlink-into-a-missing-folder": lambda path: (path.parent.mkdir(), path.symlink_to("../nergens/bestand")),
}
NEEDS_NOBODY = {"unreadable", "read-only-folder"}


@pytest.fixture(scope="module")
def world() -> Iterator[tuple[Path, dict]]:
    """A folder everyone may enter, with a template of valid files and a scratch repository for the bot."""
    with open_folder() as root:
        template = root / "valid"
        template.mkdir()
        for name, content in valid_files().items():
            (template / name).write_bytes(content)
        (template / "docs").mkdir()
        repo = scratch_repository(root / "github", [template / "catalogue.yaml"])
        yield root, {"repo": repo, "count": [0]}


@contextlib.contextmanager
def case_folder(world) -> Iterator[Path]:
    root, state = world
    state["count"][0] += 1
    case = root / f"case-{state['count'][0]}"
    shutil.copytree(root / "valid", case)
    for path in [case, *case.rglob("*")]:
        os.chmod(path, 0o777 if path.is_dir() else 0o666)  # nobody may write what a valid run writes
    try:
        yield case
    finally:
        for folder in [case, *(p for p in case.rglob("*") if p.is_dir() and not p.is_symlink())]:
            folder.chmod(0o777)
        shutil.rmtree(case)


def argv_of(command: Command, case: Path, paths: dict[str, Path]) -> list[str]:
    names = set(valid_files()) | {"out", "site", "reports"}
    defaults = {name: case / name for name in names}
    chosen = {**defaults, **paths}
    return [str(chosen[part[1:-1]]) if part[1:-1] in chosen else part for part in command.argv]


def run(command: Command, argv: list[str], world, *, nobody: bool = False) -> tuple[int, str]:
    """(exit code, standard error) of the command, run in-process from the bot's scratch clone."""
    repo = world[1]["repo"]
    err = io.StringIO()
    saved = dict(os.environ)
    os.environ.update(repo.env)
    here = os.getcwd()
    os.chdir(repo.clone)
    try:
        with (
            contextlib.redirect_stdout(io.StringIO()),
            contextlib.redirect_stderr(err),
            as_nobody() if nobody else contextlib.nullcontext(),
        ):
            try:
                code = command.run(argv)
            except SystemExit as stop:  # argparse: --help, or arguments it refuses
                code = stop.code if isinstance(stop.code, int) else 2
    finally:
        os.chdir(here)
        os.environ.clear()
        os.environ.update(saved)
    return code, err.getvalue()


def assert_fails_well(command: Command, code: int, err: str) -> None:
    assert code in command.codes, err
    assert "Traceback" not in err and UNEXPECTED not in err.lower(), err


INPUT_CASES = [(c, slot, kind) for c, command in COMMANDS.items() for slot in command.inputs for kind in INPUT_KINDS]
OUTPUT_CASES = [
    (c, slot, kind)
    for c, command in COMMANDS.items()
    for slot in command.outputs + command.folders
    for kind in OUTPUT_KINDS
]


@pytest.mark.parametrize(("name", "slot", "kind"), INPUT_CASES, ids=["-".join(case) for case in INPUT_CASES])
def test_a_hostile_input_file_ends_in_a_documented_exit_code_without_a_traceback(world, name, slot, kind):
    command = COMMANDS[name]
    with case_folder(world) as case:
        path = case / slot
        valid = path.read_bytes()
        path.unlink()
        INPUT_KINDS[kind](path, valid)
        code, err = run(command, argv_of(command, case, {}), world, nobody=kind in NEEDS_NOBODY)
    assert_fails_well(command, code, err)


@pytest.mark.parametrize(("name", "slot", "kind"), OUTPUT_CASES, ids=["-".join(case) for case in OUTPUT_CASES])
def test_an_output_it_cannot_write_ends_in_a_documented_exit_code_without_a_traceback(world, name, slot, kind):
    command = COMMANDS[name]
    with case_folder(world) as case:
        path = case / "hier" / slot
        if kind == "wrong-kind":
            path.parent.mkdir()
            path.write_text("een bestand\n") if slot in command.folders else path.mkdir()
        else:
            OUTPUT_KINDS[kind](path)
        code, err = run(command, argv_of(command, case, {slot: path}), world, nobody=kind in NEEDS_NOBODY)
    assert_fails_well(command, code, err)
    assert code != 0, err


KEYS = ["links", "url", "status", "redirect_to", "resources", "standards", "source", "id", "title", "problems"]
KEYS += ["already_listed", "version", "checked_at", "extra", "infobox", "catalogue", "linkcheck", "timeout"]
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=16,
)
CONTENT = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=2000).map(str.encode),
    VALUES.map(lambda v: json.dumps(v).encode()),
    VALUES.map(lambda v: yaml.safe_dump(v, allow_unicode=True).encode()),
)
FUZZED = [(c, slot) for c, command in COMMANDS.items() for slot in command.inputs]


@pytest.mark.parametrize(("name", "slot"), FUZZED, ids=["-".join(case) for case in FUZZED])
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=CONTENT)
def test_random_content_in_any_input_file_ends_well(world, name, slot, content):
    command = COMMANDS[name]
    with case_folder(world) as case:
        (case / slot).write_bytes(content)
        code, err = run(command, argv_of(command, case, {}), world)
    assert_fails_well(command, code, err)


WORDS = ["validate", "export", "schema", "changed-links", "apply-moves", "propose", "issue-form", "pages", "moves"]
WORDS += ["proposal", "--format", "json", "xlsx", "--out", "--catalogue", "--links", "--issue", "-1", "x", "--details"]
WORDS += ["--result", "--proposed", "--config", "--history", "--timeout", "--wait-for-lock", "nan", "-h", "--", "\0"]


@pytest.mark.parametrize("name", ["validate", "bot-moves", "check-links"], ids=["infobox", "bot", "check_links"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=6))
def test_random_arguments_end_well(world, name, argv):
    """Any argument list: the parser's Dutch refusal or the command's own outcome, run in a scratch folder."""
    command = COMMANDS[name]
    argv = [a for a in argv if a not in ("build-zensical", "--send")]  # neither runs from random words
    with case_folder(world) as case:
        code, err = run(command, [str(case / "x") if a == "x" else a for a in argv], world)
    assert_fails_well(command, code, err)
