"""The link job's command line: check every catalogue link, write the reports, update the history, send.

Exit status: `infobox.exit_codes.LinkJobExit` (README's table says the same, and a test produces each one).
The job cannot run (2) on bad arguments, settings, catalogue or history file, when another run holds the
history, linkchecker failed, the reports could not be written, or on any unexpected error.

The reports are written before the history: a history that cannot be saved never costs the run's report,
and the history only ever records a run whose report exists. Every failure is one Dutch line; --debug
adds the traceback of an unexpected error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import smtplib
import sys
import traceback
from contextlib import ExitStack
from pathlib import Path

from infobox.catalogue.loader import DEFAULT_CATALOGUE, load_catalogue
from infobox.errors import CatalogueError
from infobox.exit_codes import LinkJobExit
from infobox.link_results.report_file import write_links_file
from infobox.link_results.status import DEFAULT_PATH, LinkStatusError, read_status, write_status
from infobox.linkcheck.archive import add_snapshots
from infobox.linkcheck.check import check_all
from infobox.linkcheck.engine import LinkcheckerFailed
from infobox.linkcheck.history import update_history
from infobox.linkcheck.lock import Busy, exclusive
from infobox.linkcheck.mail import build_message, send_message
from infobox.linkcheck.report import build_report, count_links, summary_line, to_json, to_markdown
from infobox.linkcheck.settings import SettingsError, load_settings

LOCK_WAIT = 900  # seconds a second run waits for the first; CI never overlaps runs (workflow concurrency)


class CannotRun(Exception):
    """The job stops before it changes anything; the message says why, in Dutch."""


class DutchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):
        self.exit(LinkJobExit.CANNOT_RUN, f"{self.prog}: ongeldige opdracht ({message}); zie {self.prog} --help\n")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = DutchArgumentParser(prog="check_links.py", description="Controleer alle links van de Infobox-catalogus.")
    parser.add_argument("--catalogue", default=str(DEFAULT_CATALOGUE), help="catalogus (YAML)")
    parser.add_argument("--out", default="reports", help="map voor links.json, links.md en links.eml")
    parser.add_argument("--history", default=str(DEFAULT_PATH), help="linkgeschiedenis (JSON)")
    parser.add_argument("--config", default=None, help="instellingen (TOML); standaard linkcheck.toml")
    parser.add_argument("--timeout", type=int, default=None, help="seconden per verzoek (overschrijft config)")
    parser.add_argument("--send", action="store_true", help="verstuur het rapport per e-mail (SMTP_*)")
    parser.add_argument(
        "--wait-for-lock",
        type=float,
        default=LOCK_WAIT,
        metavar="SECONDEN",
        help=f"zo lang wachten op een andere lopende controle van dezelfde geschiedenis (standaard {LOCK_WAIT})",
    )
    parser.add_argument("--debug", action="store_true", help="toon bij een onverwachte fout de traceback")
    return parser.parse_args(argv)


def _progress(total: int):
    """A one-line counter on a terminal; nothing in CI or when output is redirected."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def show(done: int) -> None:
        print(f"\rLinks gecontroleerd: {min(done, total)}/{total}", end="", file=sys.stderr, flush=True)

    return show


def say(message: str) -> None:
    print(message, file=sys.stderr)


def one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or "geen nadere uitleg"
    return f"{type(error).__name__}: {text[:300]}"


def main(argv: list[str] | None = None, env=os.environ) -> int:
    args = parse_args(argv)
    try:
        return run(args, env)
    except CannotRun as error:
        say(str(error))
        return LinkJobExit.CANNOT_RUN
    except KeyboardInterrupt:
        say("\nDe linkcontrole is onderbroken (Ctrl-C).")
        return LinkJobExit.INTERRUPTED
    except Exception as error:
        if args.debug:
            traceback.print_exc()
        more = "de details staan hierboven" if args.debug else "start opnieuw met --debug voor de details"
        say(f"De linkcontrole stopte door een onverwachte fout ({one_line(error)}); {more}.")
        return LinkJobExit.CANNOT_RUN


def run(args: argparse.Namespace, env) -> int:
    try:
        settings = load_settings(args.config, timeout=args.timeout)
        catalogue = load_catalogue(args.catalogue)
    except CatalogueError as error:
        raise CannotRun(f"De catalogus is ongeldig; de linkcontrole is niet uitgevoerd:\n{error}") from None
    except SettingsError as error:
        raise CannotRun(f"De instellingen zijn ongeldig; de linkcontrole is niet uitgevoerd:\n{error}") from None
    except (OSError, ValueError) as error:
        raise CannotRun(f"De linkcontrole kan niet starten: {error}") from None

    history = Path(args.history)
    with ExitStack() as stack:
        try:
            history.parent.mkdir(parents=True, exist_ok=True)
            stack.enter_context(
                exclusive(
                    history.parent,
                    args.wait_for_lock,
                    lambda: say(f"Er loopt al een linkcontrole met {history}; deze wacht tot die klaar is."),
                )
            )
        except Busy:
            raise CannotRun(
                f"Er loopt al een linkcontrole met {history} (na {args.wait_for_lock:g} s nog niet klaar); "
                "deze controle is niet uitgevoerd. Probeer het later opnieuw."
            ) from None
        except OSError as error:
            raise CannotRun(
                f"De map van de linkgeschiedenis is niet te gebruiken: {history.parent} ({error.strerror or error})"
            ) from None
        return checked_run(args, env, settings, catalogue, history)


def checked_run(args, env, settings, catalogue, history: Path) -> int:
    try:
        previous = read_status(history)
    except LinkStatusError as error:
        raise CannotRun(f"De linkgeschiedenis is onbruikbaar; de linkcontrole is niet uitgevoerd: {error}") from None

    urls = [url for url in catalogue.urls() if not any(re.search(p, url) for p in settings.ignore)]
    progress = _progress(len(urls))
    try:
        verdicts = check_all(urls, settings, progress)
    except LinkcheckerFailed as error:
        raise CannotRun(
            f"\nDe linkcontrole kon de links niet controleren; geschiedenis en rapporten zijn niet gewijzigd.\n{error}"
        ) from None
    if progress:
        print(file=sys.stderr)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    status = add_snapshots(update_history(previous, verdicts, now, settings.transient_runs), previous, settings)

    out = Path(args.out)
    report = build_report(status, catalogue, settings.transient_runs)
    reported = report.reported
    message = build_message(report, str(out / "links.md"), env) if reported else None
    try:
        out.mkdir(parents=True, exist_ok=True)
        write_links_file(to_json(report), out / "links.json")
        (out / "links.md").write_text(to_markdown(report) + "\n", "utf-8")
        eml = out / "links.eml"
        eml.write_bytes(bytes(message)) if message else eml.unlink(missing_ok=True)
    except OSError as error:
        raise CannotRun(
            f"De rapporten konden niet worden geschreven in {out} ({error.strerror or error}); "
            "de geschiedenis is niet bijgewerkt."
        ) from None

    saved = True
    try:
        write_status(status, history)
    except OSError as error:
        saved = False
        say(
            f"De rapporten staan in {out}, maar de linkgeschiedenis kon niet worden opgeslagen in {history} "
            f"({error.strerror or error}); de volgende controle telt deze niet mee."
        )
    checked = f"{count_links(len(urls))} gecontroleerd ({summary_line(status)})"
    print(f"{checked}; {reported} gemeld. Rapport: {out / 'links.md'}")

    code = LinkJobExit.REPORTED if reported else LinkJobExit.CLEAN
    if message and args.send:
        try:
            send_message(message, env)
            print(f"E-mail verstuurd aan {message['To']}.")
        except (OSError, smtplib.SMTPException) as error:
            say(f"Het rapport is geschreven, maar de e-mail kon niet worden verstuurd: {error}")
            code = LinkJobExit.NOT_DELIVERED
    return code if saved else LinkJobExit.HISTORY_NOT_SAVED
