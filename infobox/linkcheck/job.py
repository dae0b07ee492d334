"""The link job's command line: check every catalogue link, update the history, write and send reports.

Exit status: 0 nothing to report; 1 something reported (and, with --send, delivered); 2 the job could
not run (bad catalogue, bad arguments, bad settings, or linkchecker failed: then the history is left
untouched and no report is written); 3 reports written but the e-mail not delivered.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import smtplib
import sys
from pathlib import Path

from infobox.errors import CatalogueError
from infobox.link_status import DEFAULT_PATH, read_status, write_status
from infobox.linkcheck.archive import add_snapshots
from infobox.linkcheck.check import check_all
from infobox.linkcheck.engine import LinkcheckerFailed
from infobox.linkcheck.history import update_history
from infobox.linkcheck.mail import build_message, send_message
from infobox.linkcheck.report import entries, to_markdown, write_json
from infobox.linkcheck.settings import SettingsError, load_settings
from infobox.loader import DEFAULT_CATALOGUE, load_catalogue

EXIT_CLEAN, EXIT_REPORTED, EXIT_CANNOT_RUN, EXIT_NOT_DELIVERED = 0, 1, 2, 3


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="check_links.py", description="Controleer alle links van de Infobox-catalogus."
    )
    parser.add_argument("--catalogue", default=str(DEFAULT_CATALOGUE), help="catalogus (YAML)")
    parser.add_argument("--out", default="reports", help="map voor links.json, links.md en links.eml")
    parser.add_argument("--history", default=str(DEFAULT_PATH), help="linkgeschiedenis (JSON)")
    parser.add_argument("--config", default=None, help="instellingen (TOML); standaard linkcheck.toml")
    parser.add_argument("--timeout", type=int, default=None, help="seconden per verzoek (overschrijft config)")
    parser.add_argument("--send", action="store_true", help="verstuur het rapport per e-mail (SMTP_*)")
    return parser.parse_args(argv)


def _progress(total: int):
    """A one-line counter on a terminal; nothing in CI or when output is redirected."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def show(done: int) -> None:
        print(f"\rLinks gecontroleerd: {min(done, total)}/{total}", end="", file=sys.stderr, flush=True)

    return show


def main(argv: list[str] | None = None, env=os.environ) -> int:
    args = parse_args(argv)
    try:
        settings = load_settings(args.config, timeout=args.timeout)
        catalogue = load_catalogue(args.catalogue)
        previous = read_status(args.history)
    except CatalogueError as error:
        print(f"De catalogus is ongeldig; de linkcontrole is niet uitgevoerd:\n{error}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except SettingsError as error:
        print(f"De instellingen zijn ongeldig; de linkcontrole is niet uitgevoerd:\n{error}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except (OSError, ValueError) as error:
        print(f"De linkcontrole kan niet starten: {error}", file=sys.stderr)
        return EXIT_CANNOT_RUN

    urls = [url for url in catalogue.urls() if not any(re.search(p, url) for p in settings.ignore)]
    progress = _progress(len(urls))
    try:
        verdicts = check_all(urls, settings, progress)
    except LinkcheckerFailed as error:
        print(
            f"\nDe linkcontrole kon de links niet controleren; geschiedenis en rapporten zijn niet gewijzigd.\n{error}",
            file=sys.stderr,
        )
        return EXIT_CANNOT_RUN
    if progress:
        print(file=sys.stderr)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    status = add_snapshots(update_history(previous, verdicts, now, settings.transient_runs), previous, settings)
    write_status(status, args.history)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    write_json(status, catalogue, out / "links.json")
    (out / "links.md").write_text(to_markdown(status, catalogue) + "\n", encoding="utf-8")
    reported = [entry for entry in entries(status, catalogue) if entry.state.report]
    eml = out / "links.eml"
    summary = ", ".join(f"{name}: {count}" for name, count in status.summary().items())
    print(f"{len(urls)} links gecontroleerd ({summary}); {len(reported)} gemeld. Rapport: {out}/links.md")
    if not reported:
        eml.unlink(missing_ok=True)
        return EXIT_CLEAN
    message = build_message(reported, now, env)
    eml.write_bytes(bytes(message))
    if args.send:
        try:
            send_message(message, env)
        except (OSError, smtplib.SMTPException) as error:
            print(f"Het rapport is geschreven, maar de e-mail kon niet worden verstuurd: {error}", file=sys.stderr)
            return EXIT_NOT_DELIVERED
        print(f"E-mail verstuurd aan {message['To']}.")
    return EXIT_REPORTED
