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
        # "git push", not "git -c": the program and its first word that is no option
        what = " ".join([args[0], next((a for a in args[1:] if not a.startswith("-") and "=" not in a), "")])
        try:
            result = subprocess.run(
                args, cwd=self.cwd, input=stdin, capture_output=True, text=True, check=False, timeout=300
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise GitHubError(f"{what} kon niet worden uitgevoerd: {error}") from None
        if result.returncode != 0:
            raise GitHubError(f"{what} mislukte: {result.stderr.strip()[-500:]}")
        return result.stdout

    def gh(self, *args: str, stdin: str | None = None) -> str:
        return self._run("gh", *args, stdin=stdin)

    def git(self, *args: str) -> str:
        return self._run("git", "-c", f"user.name={BOT_NAME}", "-c", f"user.email={BOT_EMAIL}", *args)

    def current_branch(self) -> str:
        return self.git("rev-parse", "--abbrev-ref", "HEAD").strip()

    def remote_branch(self, branch: str) -> str | None:
        """The commit `branch` has on the remote (fetched, with the history it needs), or None without one."""
        if self.git("rev-parse", "--is-shallow-repository").strip() == "true":
            self.git("fetch", "--quiet", "--unshallow", "origin")  # a CI checkout: else every old commit looks new
        found = self.git("ls-remote", "--heads", "origin", f"refs/heads/{branch}").split()
        if not found:
            return None
        self.git("fetch", "--quiet", "origin", f"+refs/heads/{branch}:refs/remotes/origin/{branch}")
        return found[0]

    def commits_by_others(self, tip: str) -> list[str]:
        """The commits of `tip` that the current commit lacks and the bot did not make (author or committer
        someone else), one line each: short hash, author, subject."""
        out = self.git("log", "--format=%h%x00%an%x00%ae%x00%ce%x00%s", tip, "--not", "HEAD")
        others = []
        for line in out.splitlines():
            short, name, author, committer, subject = line.split("\0", 4)
            if not author == committer == BOT_EMAIL:
                others.append(f"{short} {name}: {subject}")
        return others

    def push_branch(self, branch: str, paths: list[str], message: str, expected: str | None) -> None:
        """Commit `paths` on `branch` (made afresh from the current commit) and push it over the remote's
        branch only if that still is `expected` (None: it must not exist), so a commit pushed meanwhile is
        never lost: the push then fails with GitHubError."""
        self.git("checkout", "-B", branch)
        self.git("add", "--", *paths)
        self.git("commit", "-m", message)
        lease = f"--force-with-lease=refs/heads/{branch}:{expected or ''}"
        self.git("push", lease, "origin", f"HEAD:refs/heads/{branch}")

    def pull_requests(self, branch: str) -> list[dict]:
        """Every pull request of `branch`, open or not: number, state (OPEN, CLOSED, MERGED), headRefOid."""
        out = self.gh("pr", "list", "--head", branch, "--state", "all", "--json", "number,state,headRefOid")
        return [pr for pr in json.loads(out or "[]") if isinstance(pr, dict)]

    def comment_pull_request(self, number: int, body: str) -> None:
        self.gh("pr", "comment", str(number), "--body-file", "-", stdin=body)

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
