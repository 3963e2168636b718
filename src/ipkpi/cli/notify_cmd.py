"""``ipkpi notify``: e-mail reminders before a cycle's due date (a command for cron).

``ipkpi notify due`` tells each ministry that still owes measure updates in an open cycle
due within ``--days`` days (or overdue); ``--dry-run`` lists who would be told. The mail
server is set by ``IPKPI_SMTP_*`` and ``IPKPI_MAIL_FROM`` (docs/settings.md). A cron line:
``0 8 * * 1-5  ipkpi notify due --days 7`` (weekdays at 08:00).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
from rich.console import Console

from .. import settings
from ..service import notify as service_notify
from ..text import t
from .help_format import Group, option
from .options import DB_OPTION, PLAN_OPTION, open_plan_and_store


def mail_settings() -> service_notify.MailSettings | None:
    """The SMTP settings of the environment, or stop with the variable that is wrong."""
    try:
        return service_notify.MailSettings.from_settings(settings.current())
    except service_notify.MailSettingError as exc:
        raise click.ClickException(str(exc)) from None


@click.group(cls=Group, help_ja="電子メールによる通知。")
def notify() -> None:
    """E-mail notifications."""


@notify.command(
    "due",
    help_ja="期限の近いサイクルで施策の報告がまだの府省庁に、督促を送ります。",
)
@PLAN_OPTION
@DB_OPTION
@option(
    "--days",
    default=7,
    show_default=True,
    type=click.IntRange(0, 366),
    metavar="DAYS",
    help=t(
        "期限までこの日数以内（または期限切れ）のサイクルについて督促します。",
        "Remind when a cycle is due within this many days (or is overdue).",
    ),
)
@option(
    "--today",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help=t(
        "日数を数える基準の日（既定：今日、UTC）。", "The day to count from (default: today, UTC)."
    ),
)
@option(
    "--dry-run",
    is_flag=True,
    help=t(
        "通知する相手を一覧表示するだけで、何も送信しません。",
        "List who would be told; send nothing.",
    ),
)
def due(
    plan_dir: Path | None, db: str | None, days: int, today: dt.datetime | None, dry_run: bool
) -> None:
    """Remind each ministry that still owes measure updates in a cycle due soon."""
    console = Console(stderr=True)
    plan, store = open_plan_and_store(plan_dir, db, console)
    day = today.date() if today else dt.datetime.now(dt.UTC).date()
    reminders = service_notify.due_reminders(store.engine, plan, day, days)
    for r in reminders:
        who = ", ".join(r.to) or "(nobody has a role in this ministry)"
        click.echo(f"{r.cycle} due {r.due}: {r.ministry} owes {len(r.missing)} → {who}")
    if not reminders:
        click.echo(f"no open cycle is due within {days} days with updates owed")
    if dry_run or not reminders:
        return
    mail = mail_settings()
    if mail is None:
        raise click.ClickException("IPKPI_SMTP_HOST is not set: nothing can be sent")
    link = (settings.current().public_url or "http://localhost:8000").rstrip("/")
    sent = service_notify.send_reminders(
        store.engine, service_notify.Mailer(mail, link), reminders, day
    )
    click.echo(f"sent {sent} reminder(s) through {mail.host}")
    if sent == 0 and any(r.to for r in reminders):
        raise click.ClickException(
            f"the mail server {mail.host}:{mail.port} did not take the messages "
            "(see `ipkpi admin audit`, action notify.failed)"
        )
