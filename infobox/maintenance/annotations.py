"""Catalogue problems as GitHub Actions workflow commands, so a pull request shows them on the line.

https://docs.github.com/actions/using-workflow-commands-for-github-actions ("Setting an error message"):
`::error file={name},line={line},title={title}::{message}`. Property values escape %, CR, LF, ':' and ',';
the message escapes %, CR and LF, so a hint can follow on its own line.
"""

from __future__ import annotations

from infobox.errors import Problem


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(level: str, problem: Problem) -> str:
    """One `::error …::…` (or `::warning`) line for `problem`."""
    message = f"{problem.field}: {problem.message}" + (f"\ntip: {problem.hint}" if problem.hint else "")
    properties = f"file={_escape_property(problem.file)},line={problem.line},title={_escape_property(problem.field)}"
    return f"::{level} {properties}::{_escape_data(message)}"


def github_message(level: str, text: str) -> str:
    """A `::notice::…` (or `::warning::`) line without a place in a file, e.g. the warnings summary."""
    return f"::{level} title=Catalogus::{_escape_data(text)}"
