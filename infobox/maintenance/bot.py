"""What the workflows do on GitHub after the machine edit: `python -m infobox.maintenance.bot moves|proposal`.

- `moves`: after the weekly link check, apply the moved links (`infobox.maintenance.apply_moves`) on the bot's
  branch and keep ONE pull request "Linkcontrole: N verhuisde links bijwerken" open for it; none when nothing
  moved (an open one that no longer applies is closed).
- `proposal`: after `python -m infobox propose` ran in a job without write access, open (or update) the
  pull request of that issue with the catalogue it wrote, or comment its Dutch problems on the issue.

The bot never discards a commit it did not make. Its branches are made afresh from main each run, so the
pull request shows only the latest edit; but BEHEER.md asks maintainers to check and fix what the bot
proposes, and they may commit that fix on the bot's branch. So before it pushes, the bot fetches its
branch: when the branch holds a commit by anyone else that main lacks, and that commit is not kept by a
closed or merged pull request, the bot leaves the branch alone and says on the open pull request what it
would have changed (or, without one, stops with exit 2). It does not build on such a branch: a maintainer's
commit may undo one of its edits on purpose (a redirect to the wrong page), and re-applying the week's
moves on top would silently undo that decision; the pull request is theirs now, and the bot takes the
branch back once it is merged or closed. The push itself only replaces the commit the bot saw
(`--force-with-lease`), so a commit pushed in between fails the run instead of being lost.

Every GitHub call goes through `infobox.maintenance.github_api.GitHub`. Texts from issues, commits and the
catalogue reach GitHub only as escaped Markdown on standard input.
Exit status (`infobox.exit_codes.CommandExit`): 0 done (also when the branch was left alone and the pull request
told why); 1 the catalogue was refused (nothing pushed); 2 cannot run (missing or unusable files, the catalogue's
folder not writable, a branch with others' commits and no open pull request, GitHub failed).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from infobox.catalogue.loader import DEFAULT_CATALOGUE, load_catalogue
from infobox.command_failures import guarded
from infobox.errors import CatalogueError
from infobox.exit_codes import CommandExit
from infobox.maintenance.apply_moves import LinksFileError, Outcome, apply_moves, summary
from infobox.maintenance.catalogue_edit import CatalogueNotWritable, EditError
from infobox.maintenance.github_api import GitHub, GitHubError
from infobox.markdown_escape import GITHUB_TABLE, github_address, github_text

MOVES_BRANCH = "linkcontrole/verhuisde-links"
# Table characters plus '&' (no character references) and '!'; github_text keeps '@' from mentioning anyone.
BOT_MARKDOWN = GITHUB_TABLE + "&!"
MAX_RESULT_BYTES = 256 * 1024


def md(text: str) -> str:
    return github_text(text, BOT_MARKDOWN)


def link(url: str) -> str:
    """A link to exactly this address, or inert code. (A moved link's new address comes from a remote
    server's redirect.)"""
    return github_address(url)


def moves_title(count: int) -> str:
    return f"Linkcontrole: {count} verhuisde {'link' if count == 1 else 'links'} bijwerken"


def moves_body(outcome: Outcome) -> str:
    lines = [
        "De wekelijkse linkcontrole vond links die permanent naar een nieuw adres zijn verhuisd. Deze pull "
        "request zet het nieuwe adres in `data/resources.yaml`; verder verandert er niets.",
        "",
        "| hulpmiddel | oud adres | nieuw adres |",
        "| --- | --- | --- |",
    ]
    for move in outcome.applied:
        for place in move.places:
            lines.append(f"| {md(place.title)} (`{md(place.resource_id)}`) | {link(move.old)} | {link(move.new)} |")
    if outcome.skipped:
        lines += ["", "### Niet toegepast (controleer met de hand)", ""]
        for move in outcome.skipped:
            titles = ", ".join(md(p.title) for p in move.places)
            lines.append(f"- {titles}: {link(move.old)} → {link(move.new)}: {md(move.skipped)}")
    lines += [
        "",
        "### Voor het samenvoegen",
        "",
        "- [ ] Open elk nieuw adres: staat daar dezelfde inhoud als de beschrijving van het hulpmiddel?",
        "- [ ] Kloppen het label en de organisatie nog bij de nieuwe plek?",
        "- [ ] De controle (CI) van deze pull request is groen.",
    ]
    return "\n".join(lines) + "\n"


def run_moves(github: GitHub, links: Path, catalogue: Path) -> int:
    base = github.current_branch()
    try:
        outcome = apply_moves(links, catalogue)
    except (LinksFileError, CatalogueNotWritable) as error:
        _print_problems(error)
        print("De verhuisde links zijn niet bijgewerkt; er is geen pull request gemaakt.", file=sys.stderr)
        return CommandExit.CANNOT_RUN
    except (EditError, CatalogueError) as error:
        _print_problems(error)
        print("De verhuisde links zijn niet bijgewerkt; er is geen pull request gemaakt.", file=sys.stderr)
        return CommandExit.REFUSED
    print(summary(outcome, str(catalogue)))
    if not outcome.applied:
        number = github.open_pull_request(MOVES_BRANCH)
        if number is not None:
            tip = github.remote_branch(MOVES_BRANCH)
            others = github.commits_by_others(tip) if tip else []
            if others:
                github.comment_pull_request(number, stale_comment(others))
                print(f"Pull request #{number} blijft open: er staan wijzigingen van anderen op {MOVES_BRANCH}.")
                return CommandExit.DONE
            github.close_pull_request(number, "De laatste linkcontrole vond geen verhuisde links meer; vervallen.")
            print(f"Pull request #{number} gesloten: er zijn geen verhuisde links meer.")
        return CommandExit.DONE
    title = moves_title(len(outcome.applied))
    return publish(github, MOVES_BRANCH, base, [str(catalogue)], title, moves_body(outcome))


def _print_problems(error: Exception) -> None:
    for problem in getattr(error, "problems", []):
        print(problem, file=sys.stderr)


def publish(github: GitHub, branch: str, base: str, paths: list[str], title: str, body: str) -> int:
    """Commit `paths` on `branch` and open or update its pull request, unless the branch holds someone
    else's work (see the module's docstring): then the open pull request gets a comment with `body`."""
    tip = github.remote_branch(branch)
    others = github.commits_by_others(tip) if tip else []
    if others and not any(
        pr.get("state") != "OPEN" and pr.get("headRefOid") == tip for pr in github.pull_requests(branch)
    ):
        number = github.open_pull_request(branch)
        if number is None:
            print(
                f"De branch {branch} bevat commits die niet van de bot zijn ({others[0]}) en heeft geen open pull "
                "request; de bot laat hem staan. Voeg ze samen of verwijder de branch; daarna maakt de bot hem "
                "opnieuw.",
                file=sys.stderr,
            )
            return CommandExit.CANNOT_RUN
        github.comment_pull_request(number, held_back_comment(branch, others, title, body))
        print(f"Pull request #{number} niet bijgewerkt: {branch} bevat wijzigingen van anderen; zie de reactie.")
        return CommandExit.DONE
    github.push_branch(branch, paths, title, tip)
    number = github.create_or_update_pull_request(branch, base, title, body)
    print(f"Pull request #{number}: {title}")
    return CommandExit.DONE


def _commit_list(others: list[str]) -> list[str]:
    shown = [f"- {md(commit)}" for commit in others[:10]]
    return shown + ([f"- … en nog {len(others) - 10}"] if len(others) > 10 else [])


def held_back_comment(branch: str, others: list[str], title: str, body: str) -> str:
    """What the bot would have pushed, for the people whose commits it kept."""
    return "\n".join(
        [
            f"De bot wilde deze pull request bijwerken (**{md(title)}**), maar `{branch}` bevat wijzigingen die "
            "niet van de bot zijn:",
            "",
            *_commit_list(others),
            "",
            "De bot heeft daarom niets gepusht; uw wijzigingen blijven staan. Hieronder staat wat hij had "
            "bijgewerkt. Neem het zo nodig met de hand over, of voeg deze pull request samen of sluit hem: daarna "
            "maakt de bot weer een nieuwe.",
            "",
            "---",
            "",
            body,
        ]
    )


def stale_comment(others: list[str]) -> str:
    return "\n".join(
        [
            "De laatste linkcontrole vond geen verhuisde links meer. Omdat deze branch wijzigingen bevat die niet "
            "van de bot zijn, sluit de bot deze pull request niet:",
            "",
            *_commit_list(others),
            "",
            "Sluit hem zelf als hij niet meer nodig is.",
        ]
    )


def read_result(path: Path) -> dict:
    """The outcome `propose --result` wrote; ValueError (Dutch) when it is not that file's shape."""
    if path.stat().st_size > MAX_RESULT_BYTES:
        raise ValueError("te groot")
    try:
        result = json.loads(path.read_bytes().decode("utf-8"))
    except RecursionError:
        raise ValueError("te diep genest") from None
    except ValueError:
        raise ValueError("geen JSON in UTF-8") from None
    shapes = {"status": str, "id": str, "title": str, "proposer": str, "problems": list, "already_listed": dict}
    if not isinstance(result, dict) or any(
        key in result and not isinstance(result[key], kind) for key, kind in shapes.items()
    ):
        raise ValueError("geen uitkomst van propose")
    return result


def one_line(text: str, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def proposal_comment(result: dict) -> str:
    problems = [md(str(p)) for p in result.get("problems", [])][:50]
    return "\n".join(
        [
            "Dank voor uw voorstel. Het kon nog niet in de catalogus worden gezet:",
            "",
            *(f"- {p}" for p in problems),
            "",
            "Pas de tekst van dit issue aan (het potloodje bij het eerste bericht); een beheerder zet daarna het "
            "label opnieuw.",
        ]
    )


def already_listed(result: dict) -> list[str]:
    """A warning line per proposed link that the catalogue already holds: perhaps the resource is there."""
    listed = result.get("already_listed")
    if not isinstance(listed, dict):
        return []
    return [
        f"- **Let op:** {link(url)} staat al in de catalogus, bij {', '.join(f'`{md(i)}`' for i in ids)}"
        for url, ids in list(listed.items())[:20]
        if isinstance(ids, list)
    ]


def proposal_body(result: dict, issue: int) -> str:
    return (
        "\n".join(
            [
                f"Voorstel uit #{issue}, verwerkt door `python -m infobox propose`.",
                "",
                f"- Hulpmiddel: {md(result.get('title', ''))} (`{md(result.get('id', ''))}`)",
                f"- Voorgesteld door: {md(result.get('proposer', ''))}",
                *already_listed(result),
                "",
                "### Voor het samenvoegen",
                "",
                "- [ ] Past het hulpmiddel bij de gekozen kwaliteitsstandaarden en onderdelen?",
                "- [ ] Werken de links, en zeggen de labels wat erachter zit?",
                "- [ ] Klopt de beschrijving (zakelijk, geen reclame) en de soort en doelgroep?",
                "- [ ] Thema's kiest de redactie: voeg `themes` toe, en `themes` in `editorial`.",
                "- [ ] Voegt u later samen dan op de datum bij `added`? Zet daar de datum van samenvoegen.",
                "- [ ] Na een echte controle: zet `reviewed` op de datum van vandaag, en `updated` bij `source`.",
                "- [ ] De controle (CI) van deze pull request is groen.",
                "",
                f"Closes #{issue}",
            ]
        )
        + "\n"
    )


def run_proposal(github: GitHub, issue: int, result_path: Path, proposed: Path, catalogue: Path) -> int:
    try:
        result = read_result(result_path)
    except (OSError, ValueError) as error:
        print(f"De uitkomst van het voorstel kan niet worden gelezen: {error}", file=sys.stderr)
        return CommandExit.CANNOT_RUN
    if result.get("status") == "invalid":
        github.comment_issue(issue, proposal_comment(result))
        print(f"Het voorstel in #{issue} is ongeldig; de problemen staan als reactie bij het issue.")
        return CommandExit.DONE
    if result.get("status") != "added":
        print("Het voorstel kon niet worden verwerkt; zie de vorige stap.", file=sys.stderr)
        return CommandExit.CANNOT_RUN
    base = github.current_branch()
    try:
        load_catalogue(proposed)  # the file came from another job: it must still validate here
    except CatalogueError as error:
        print(f"De voorgestelde catalogus is ongeldig; er is niets gepusht.\n{error}", file=sys.stderr)
        return CommandExit.REFUSED
    try:
        shutil.copyfile(proposed, catalogue)
    except OSError as error:
        print(
            f"{catalogue}: kan niet worden geschreven ({error.strerror or error}); er is niets gepusht.",
            file=sys.stderr,
        )
        return CommandExit.CANNOT_RUN
    branch = f"voorstel/issue-{issue}"
    title = f"Voorstel: {one_line(result.get('title', ''))} (#{issue})"
    return publish(github, branch, base, [str(catalogue)], title, proposal_body(result, issue))


def main(argv: list[str] | None = None, github: GitHub | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m infobox.maintenance.bot", description="Pull requests van de workflows."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    moves = commands.add_parser("moves", help="pull request met de verhuisde links")
    moves.add_argument("--links", required=True)
    moves.add_argument("--catalogue", default=str(DEFAULT_CATALOGUE))
    proposal = commands.add_parser("proposal", help="pull request of reactie bij een voorstel")
    proposal.add_argument("--issue", type=int, required=True)
    proposal.add_argument("--result", required=True, help="JSON van `python -m infobox propose --result`")
    proposal.add_argument("--proposed", required=True, help="de catalogus die propose schreef")
    proposal.add_argument("--catalogue", default=str(DEFAULT_CATALOGUE))
    args = parser.parse_args(argv)
    return guarded(lambda: _run(args, github or GitHub()))


def _run(args: argparse.Namespace, github: GitHub) -> int:
    try:
        if args.command == "moves":
            return run_moves(github, Path(args.links), Path(args.catalogue))
        return run_proposal(github, args.issue, Path(args.result), Path(args.proposed), Path(args.catalogue))
    except GitHubError as error:
        print(f"GitHub: {error}", file=sys.stderr)
        return CommandExit.CANNOT_RUN


if __name__ == "__main__":
    sys.exit(main())
