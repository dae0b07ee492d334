"""What the workflows do on GitHub after the machine edit: `python -m infobox.maintenance.bot moves|proposal`.

- `moves`: after the weekly link check, apply the moved links (`infobox.maintenance.apply_moves`) on the bot's
  branch and keep ONE pull request "Linkcontrole: N verhuisde links bijwerken" open for it; none when nothing
  moved (an open one that no longer applies is closed).
- `proposal`: after `python -m infobox propose` ran in a job without write access, open (or update) the
  pull request of that issue with the catalogue it wrote, or comment its Dutch problems on the issue.

Every GitHub call goes through `infobox.maintenance.github_api.GitHub`. Texts from issues and the catalogue
reach GitHub only as escaped Markdown on standard input.
Exit status (`infobox.exit_codes.CommandExit`): 0 done; 1 the catalogue was refused (nothing pushed); 2 cannot run
(missing files, GitHub failed).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from infobox.catalogue.loader import DEFAULT_CATALOGUE, load_catalogue
from infobox.errors import CatalogueError
from infobox.exit_codes import CommandExit
from infobox.maintenance.apply_moves import Outcome, apply_moves, summary
from infobox.maintenance.catalogue_edit import EditError
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
    except (EditError, CatalogueError) as error:
        for problem in getattr(error, "problems", []):
            print(problem, file=sys.stderr)
        print("De verhuisde links zijn niet bijgewerkt; er is geen pull request gemaakt.", file=sys.stderr)
        return CommandExit.REFUSED
    print(summary(outcome, str(catalogue)))
    if not outcome.applied:
        number = github.open_pull_request(MOVES_BRANCH)
        if number is not None:
            github.close_pull_request(number, "De laatste linkcontrole vond geen verhuisde links meer; vervallen.")
            print(f"Pull request #{number} gesloten: er zijn geen verhuisde links meer.")
        return CommandExit.DONE
    title = moves_title(len(outcome.applied))
    github.push_branch(MOVES_BRANCH, [str(catalogue)], title)
    number = github.create_or_update_pull_request(MOVES_BRANCH, base, title, moves_body(outcome))
    print(f"Pull request #{number}: {title}")
    return CommandExit.DONE


def read_result(path: Path) -> dict:
    if path.stat().st_size > MAX_RESULT_BYTES:
        raise ValueError("te groot")
    result = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(result, dict):
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
    shutil.copyfile(proposed, catalogue)
    branch = f"voorstel/issue-{issue}"
    title = f"Voorstel: {one_line(result.get('title', ''))} (#{issue})"
    github.push_branch(branch, [str(catalogue)], title)
    number = github.create_or_update_pull_request(branch, base, title, proposal_body(result, issue))
    print(f"Pull request #{number}: {title}")
    return CommandExit.DONE


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
    github = github or GitHub()
    try:
        if args.command == "moves":
            return run_moves(github, Path(args.links), Path(args.catalogue))
        return run_proposal(github, args.issue, Path(args.result), Path(args.proposed), Path(args.catalogue))
    except GitHubError as error:
        print(f"GitHub: {error}", file=sys.stderr)
        return CommandExit.CANNOT_RUN


if __name__ == "__main__":
    sys.exit(main())
