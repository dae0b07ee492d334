"""The report e-mail (Dutch, plain text + HTML) and its delivery over SMTP.

It carries what links.md carries (report.py's sections, rows and words), and says where the full report is
and where BEHEER.md explains the statuses.
"""

from __future__ import annotations

import os
import smtplib
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from infobox import CONTACT_EMAIL
from infobox.linkcheck.report import (
    GUIDE,
    PLAIN,
    Report,
    Section,
    Style,
    action,
    count_links,
    date_of,
    places,
    problem,
)

DEFAULT_TO = CONTACT_EMAIL  # REPORT_TO overrides it
DEFAULT_FROM = "linkcontrole@geweldnergensthuis.nl"

_templates = Environment(
    loader=PackageLoader("infobox.linkcheck", "templates"), autoescape=select_autoescape(["html", "j2"])
)
HTML = Style(
    url=lambda url: str(Markup('<a href="{0}" rel="noopener">{0}</a>').format(url)),
    text=lambda text: str(escape(" ".join(text.split()))),
    code=lambda ident: str(Markup("<code>{}</code>").format(ident)),
)


@dataclass(frozen=True)
class Row:
    url: str
    where: tuple[str, ...]
    standards: str
    problem: str
    action: str


def _rows(section: Section, style: Style) -> list[Row]:
    return [
        Row(
            url=style.address(entry.state.url),
            where=tuple(places(entry, style)),
            standards=", ".join(entry.standards),
            problem=problem(entry.state, style),
            action=action(entry.state, style),
        )
        for entry in section.entries
    ]


def _pointers(report_file: str, env: Mapping[str, str]) -> tuple[str, str, str]:
    """(the full report's file, this run on GitHub or "", BEHEER.md's address or "")."""
    server, repo, run = (env.get(k, "") for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID"))
    if not (server and repo and run):
        return report_file, "", ""
    return report_file, f"{server}/{repo}/actions/runs/{run}", f"{server}/{repo}/blob/HEAD/BEHEER.md#linkcontrole"


def _plain(report: Report, intro: str, pointers: tuple[str, str, str]) -> str:
    lines = ["Beste programmateam,", "", intro, ""]
    act = report.act
    for section in act + report.know:
        lines += [f"== {section.title} ({count_links(len(section.entries))}) ==", section.advice, ""]
        for row in _rows(section, PLAIN):
            lines.append(f"- {row.url}")
            lines += [f"  Waar: {where}" for where in row.where]
            if section in act:
                lines.append(f"  Standaarden: {row.standards}")
            lines.append(f"  Wat er is: {row.problem}")
            if section in act:
                lines.append(f"  Wat te doen: {row.action}")
            lines.append("")
    report_file, run_url, guide_url = pointers
    lines.append(
        f"Het volledige rapport: {report_file}" + (f" (bij deze run op GitHub: {run_url})." if run_url else ".")
    )
    lines.append(f"Wat elke status betekent en wat u doet: {GUIDE}" + (f" ({guide_url})." if guide_url else "."))
    lines += ["", "Dit bericht is automatisch gemaakt uit de linkcontrole."]
    return "\n".join(lines) + "\n"


def build_message(report: Report, report_file: str, env: Mapping[str, str] = os.environ) -> EmailMessage:
    """The e-mail for the report; `report_file` is where links.md was written."""
    date = date_of(report.history.checked_at)
    count = count_links(report.reported)
    subject = f"Infobox linkcontrole {date}: {count} om na te kijken"
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = env.get("REPORT_FROM") or DEFAULT_FROM
    message["To"] = env.get("REPORT_TO") or DEFAULT_TO
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="geweldnergensthuis.nl")
    verb = "heeft" if report.reported == 1 else "hebben"
    intro = (
        f"De wekelijkse linkcontrole van de Infobox Werken aan Veiligheid ({date}) vond {count} die aandacht "
        f"nodig {verb}. Per link staat erbij waar hij staat (regelnummers in {report.catalogue_path}) en wat u doet."
    )
    pointers = _pointers(report_file, env)
    message.set_content(_plain(report, intro, pointers), charset="utf-8")
    html = _templates.get_template("email.html.j2").render(
        subject=subject,
        intro=intro,
        act=[(section, _rows(section, HTML)) for section in report.act],
        know=[(section, _rows(section, HTML)) for section in report.know],
        count_links=count_links,
        report=pointers[0],
        run_url=pointers[1],
        guide=GUIDE,
        guide_url=pointers[2],
    )
    message.add_alternative(html, subtype="html", charset="utf-8")
    return message


def send_message(message: EmailMessage, env: Mapping[str, str] = os.environ, timeout: float = 30) -> None:
    """Deliver over SMTP as configured by SMTP_* variables; raises OSError/SMTPException on failure."""
    host = env.get("SMTP_HOST") or "localhost"
    port = int(env.get("SMTP_PORT") or 25)
    with smtplib.SMTP(host, port, timeout=timeout) as smtp:
        if (env.get("SMTP_STARTTLS") or "").lower() in ("1", "true", "yes", "on"):
            smtp.starttls()
        if env.get("SMTP_USER"):
            smtp.login(env["SMTP_USER"], env.get("SMTP_PASSWORD", ""))
        smtp.send_message(message)
