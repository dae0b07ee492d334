"""The workflows' one door to GitHub: every pull request, issue comment and push goes through here.

Calls run the `gh` CLI and `git` as child processes with argument lists (never a shell) and pass texts on
standard input, so no title or body from an issue is ever read as a command. Tests put a fake `gh` on
PATH and a scratch repository behind `git`, and read what was asked.
"""

from __future__ import annotations

import json
import subprocess

BOT_NAME = "infobox-bot"
BOT_EMAIL = "infobox-bot@users.noreply.github.com"


class GitHub:
    def __init__(self, cwd: str = "."):
        self.cwd = cwd

    def _run(self, *args: str, stdin: str | None = None) -> str:
        result = subprocess.run(
            args, cwd=self.cwd, input=stdin, capture_output=True, text=True, check=False, timeout=300
        )
        if result.returncode != 0:
            raise GitHubError(f"{args[0]} {args[1]} mislukte: {result.stderr.strip()[-500:]}")
        return result.stdout

    def gh(self, *args: str, stdin: str | None = None) -> str:
        return self._run("gh", *args, stdin=stdin)

    def git(self, *args: str) -> str:
        return self._run("git", "-c", f"user.name={BOT_NAME}", "-c", f"user.email={BOT_EMAIL}", *args)

    def current_branch(self) -> str:
        return self.git("rev-parse", "--abbrev-ref", "HEAD").strip()

    def push_branch(self, branch: str, paths: list[str], message: str) -> None:
        """Commit `paths` on `branch` (made afresh from the current commit) and force-push it: the branch
        is the bot's own, and its pull request shows only the latest edit."""
        self.git("checkout", "-B", branch)
        self.git("add", "--", *paths)
        self.git("commit", "-m", message)
        self.git("push", "--force", "origin", f"HEAD:refs/heads/{branch}")

    def open_pull_request(self, branch: str) -> int | None:
        out = self.gh("pr", "list", "--head", branch, "--state", "open", "--json", "number")
        numbers = [pr["number"] for pr in json.loads(out or "[]")]
        return numbers[0] if numbers else None

    def create_or_update_pull_request(self, branch: str, base: str, title: str, body: str) -> int | None:
        """One open pull request per branch: update the open one, or open it. Its number, when known."""
        number = self.open_pull_request(branch)
        if number is not None:
            self.gh("pr", "edit", str(number), "--title", title, "--body-file", "-", stdin=body)
            return number
        self.gh("pr", "create", "--head", branch, "--base", base, "--title", title, "--body-file", "-", stdin=body)
        return self.open_pull_request(branch)

    def close_pull_request(self, number: int, comment: str) -> None:
        self.gh("pr", "close", str(number), "--delete-branch", "--comment", comment)

    def comment_issue(self, number: int, body: str) -> None:
        self.gh("issue", "comment", str(number), "--body-file", "-", stdin=body)


class GitHubError(Exception):
    """A call to GitHub failed; the message is Dutch and ends in gh's or git's own last words."""
