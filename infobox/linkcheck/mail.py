"""The report e-mail (Dutch, plain text + HTML) and its delivery over SMTP."""

from __future__ import annotations

import os
import smtplib
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from jinja2 import Environment, PackageLoader, select_autoescape

from infobox import CONTACT_EMAIL
from infobox.linkcheck.report import ARCHIVED, Entry, archive_date, count_links, date_of

DEFAULT_TO = CONTACT_EMAIL  # REPORT_TO overrides it
DEFAULT_FROM = "linkcontrole@geweldnergensthuis.nl"

_templates = Environment(
    loader=PackageLoader("infobox.linkcheck", "templates"), autoescape=select_autoescape(["html", "j2"])
)


@dataclass(frozen=True)
class MailItem:
    titles: str
    standards: str
    url: str
    action: str
    redirect_to: str | None
    archive_url: str | None = None
    archive_date: str = ""


def _items(reported: list[Entry]) -> list[MailItem]:
    items = []
    for entry in reported:
        state = entry.state
        if state.status == "moved":
            action = "verhuisd: vervang de link door het nieuwe adres"
        else:
            action = f"{state.detail} (sinds {date_of(state.first_failure)})"
        target = state.redirect_to if (state.redirect_to or "").startswith(("http://", "https://")) else None
        items.append(
            MailItem(
                titles="; ".join(r.title for r in entry.resources),
                standards=", ".join(entry.standards),
                url=state.url,
                action=action,
                redirect_to=target if state.status == "moved" else None,
                archive_url=state.archive_url,
                archive_date=archive_date(state) if state.archive_url else "",
            )
        )
    return items


def build_message(reported: list[Entry], checked_at: str, env: Mapping[str, str] = os.environ) -> EmailMessage:
    date = date_of(checked_at)
    items = _items(reported)
    subject = f"Infobox linkcontrole {date}: {count_links(len(items))} om na te kijken"
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = env.get("REPORT_FROM") or DEFAULT_FROM
    message["To"] = env.get("REPORT_TO") or DEFAULT_TO
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="geweldnergensthuis.nl")
    lines = [
        "Beste programmateam,",
        "",
        f"De wekelijkse linkcontrole van de Infobox Werken aan Veiligheid ({date}) vond "
        f"{count_links(len(items))} die aandacht nodig {'heeft' if len(items) == 1 else 'hebben'}.",
        "",
    ]
    for item in items:
        lines += [f"- {item.titles} (standaard {item.standards})", f"  {item.url}", f"  {item.action}"]
        if item.redirect_to:
            lines.append(f"  nieuw adres: {item.redirect_to}")
        if item.archive_url:
            lines.append(f"  {ARCHIVED} ({item.archive_date}): {item.archive_url}")
        lines.append("")
    lines.append("Dit bericht is automatisch gemaakt uit de linkcontrole.")
    message.set_content("\n".join(lines) + "\n", charset="utf-8")
    html = _templates.get_template("email.html.j2").render(
        subject=subject, date=date, items=items, count=count_links(len(items)), archived=ARCHIVED
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
