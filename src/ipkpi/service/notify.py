"""Notifications by e-mail: to a ministry when its submission is returned, accepted or
published, or a cycle's due date is near; to the secretariat when something is submitted.

Each message is in Japanese, then English (the recipient's language is not recorded), names
the submission, its step, who took it and the comment, and links to its page. Messages are
sent after the step's transaction is committed: a mail server that is down never undoes a
step; a failure is written to the audit (``notify.failed``, without the password) and the
step stands. Recipients are the active accounts with a role in the ministry, or with the
secretariat role; nobody else's address is used. The SMTP settings are in ``settings.py``
(``IPKPI_SMTP_*``, ``IPKPI_MAIL_FROM``); without a host nothing is sent.
"""

from __future__ import annotations

import datetime as dt
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Literal
from urllib.parse import urlsplit

from sqlalchemy import Engine, select

from ..cycle import CycleRecords, operations
from ..ministries import ministries
from ..plan import Plan
from ..settings import Settings
from ..store.service_schema import memberships, users
from . import audit
from .authz import Actor
from .db import transaction
from .submissions import Submission

Security = Literal["starttls", "tls", "none"]
_DEFAULT_PORT = {"starttls": 587, "tls": 465, "none": 25}
#: Seconds to wait for the mail server.
TIMEOUT = 20


class MailSettingError(ValueError):
    """An SMTP setting that cannot be used; the message names the variable."""


@dataclass(frozen=True)
class MailSettings:
    host: str
    port: int
    security: Security
    sender: str
    user: str | None = None
    password: str | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> MailSettings | None:
        """The mail settings, or None when no SMTP host is set (nothing is sent)."""
        if not settings.smtp_host:
            return None
        security = (settings.smtp_security or "starttls").lower()
        if security not in _DEFAULT_PORT:
            raise MailSettingError(
                f"IPKPI_SMTP_SECURITY must be starttls, tls or none, not {settings.smtp_security!r}"
            )
        given = settings.smtp_port
        if given is not None and (not given.isdigit() or not 0 < int(given) < 65536):
            raise MailSettingError(f"IPKPI_SMTP_PORT must be a port number, not {given!r}")
        port = int(given) if given else _DEFAULT_PORT[security]
        host = urlsplit(settings.public_url or "").hostname or "localhost"
        return cls(
            settings.smtp_host, port, security,  # type: ignore[arg-type]
            settings.mail_from or f"ipkpi@{host}", settings.smtp_user, settings.smtp_password,
        )  # fmt: skip


class Mailer:
    """Sends messages through one SMTP connection per batch."""

    def __init__(self, settings: MailSettings, link_base: str) -> None:
        self.settings = settings
        #: The site's public address (``https://kpi.example.go.jp/ipkpi``), for links.
        self.link_base = link_base.rstrip("/")

    def send(self, messages: list[EmailMessage]) -> None:
        if not messages:
            return
        s = self.settings
        context = ssl.create_default_context()
        smtp: smtplib.SMTP
        if s.security == "tls":
            smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=TIMEOUT, context=context)
        else:
            smtp = smtplib.SMTP(s.host, s.port, timeout=TIMEOUT)
        with smtp:
            if s.security == "starttls":
                smtp.starttls(context=context)
            if s.user:
                smtp.login(s.user, s.password or "")
            for message in messages:
                smtp.send_message(message)


def _message(mailer: Mailer, to: list[str], subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = mailer.settings.sender
    message["To"] = ", ".join(to)
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=mailer.settings.sender.rsplit("@", 1)[-1])
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(body)
    return message


def ministry_people(engine: Engine, ministry: str) -> list[str]:
    """The addresses of the active accounts with a role in ``ministry``."""
    query = (
        select(users.c.email)
        .join(memberships, memberships.c.user_id == users.c.id)
        .where(memberships.c.ministry == ministry, users.c.disabled.is_(False))
        .order_by(users.c.email)
    )
    with engine.connect() as conn:
        return list(conn.scalars(query))


def secretariat_people(engine: Engine) -> list[str]:
    query = (
        select(users.c.email)
        .where(users.c.global_role == "secretariat", users.c.disabled.is_(False))
        .order_by(users.c.email)
    )
    with engine.connect() as conn:
        return list(conn.scalars(query))


_STEP_WORDS = {
    "submit": ("審査に送られました", "was sent for review"),
    "return": ("差し戻されました", "was returned"),
    "accept": ("承認されました（まだ公開されていません）", "was accepted (not yet published)"),
    "publish": ("公開されました", "was published"),
}


def step_messages(
    engine: Engine, mailer: Mailer, submission: Submission, step: str, actor: Actor
) -> list[EmailMessage]:
    """What a step tells whom: submit → the secretariat; return, accept, publish → the
    ministry's people. Other steps tell nobody."""
    words = _STEP_WORDS.get(step)
    if words is None:
        return []
    to = secretariat_people(engine) if step == "submit" else ministry_people(
        engine, submission.ministry
    )  # fmt: skip
    to = [a for a in to if a != actor.email]  # not the person who took the step
    if not to:
        return []
    ja, en = words
    name = ministries().get(submission.ministry)
    link = f"{mailer.link_base}/submissions/{submission.id}"
    who = actor.display_name or actor.email
    lines = [
        f"提出 {submission.id}「{submission.title}」（{name.label('ja')}）が{ja}。",
        f"操作した人: {who}",
        *([f"コメント: {submission.review_comment}"] if step == "return" else []),
        f"確認する: {link}",
        "",
        f'Submission {submission.id} "{submission.title}" ({name.label("en")}) {en}.',
        f"By: {who}",
        *([f"Comment: {submission.review_comment}"] if step == "return" else []),
        f"See it: {mailer.link_base}/en/submissions/{submission.id}",
    ]
    subject = f"[ipkpi] 提出 {submission.id} が{ja} / Submission {submission.id} {en}"
    return [_message(mailer, to, subject, "\n".join(lines) + "\n")]


def notify_step(
    engine: Engine, mailer: Mailer | None, submission: Submission, step: str, actor: Actor
) -> int:
    """Send what ``step`` tells; returns how many messages were sent (0 without a mailer).
    A failure is audited and does not raise: the step is already done."""
    if mailer is None:
        return 0
    messages = step_messages(engine, mailer, submission, step, actor)
    return _send(engine, mailer, messages, submission.id)


def _send(engine: Engine, mailer: Mailer, messages: list[EmailMessage], ident: int | None) -> int:
    try:
        mailer.send(messages)
    except (OSError, smtplib.SMTPException) as exc:
        with transaction(engine) as conn:
            audit.record(
                conn, Actor(via="cli"), "notify.failed", object_type="submission",
                object_id=ident, detail={"error": type(exc).__name__, "messages": len(messages),
                                         "server": mailer.settings.host},
            )  # fmt: skip
        return 0
    return len(messages)


@dataclass(frozen=True)
class Reminder:
    cycle: str
    ministry: str
    due: dt.date
    missing: tuple[str, ...]
    to: tuple[str, ...]


def due_reminders(engine: Engine, plan: Plan, today: dt.date, days: int) -> list[Reminder]:
    """For each open cycle due within ``days`` of ``today`` (or overdue), each ministry that
    still owes measure updates, and who to tell."""
    records = CycleRecords(engine)
    out = []
    for cycle in records.cycles():
        if cycle.state != "open" or (cycle.due - today).days > days:
            continue
        status, _unassigned = operations.ministry_status(records, plan, cycle.code)
        for entry in status:
            if entry.missing:
                to = tuple(ministry_people(engine, entry.ministry))
                out.append(Reminder(cycle.code, entry.ministry, cycle.due, entry.missing, to))
    return out


def send_reminders(
    engine: Engine, mailer: Mailer, reminders: list[Reminder], today: dt.date
) -> int:
    messages = []
    for r in reminders:
        if not r.to:
            continue
        left = (r.due - today).days
        when_ja = f"あと {left} 日" if left >= 0 else f"{-left} 日過ぎています"
        when_en = f"in {left} days" if left >= 0 else f"{-left} days ago"
        name = ministries().get(r.ministry)
        link = f"{mailer.link_base}/submissions"
        body = "\n".join([
            f"サイクル {r.cycle} の提出期限は {r.due.isoformat()}（{when_ja}）です。",
            f"{name.label('ja')}の取組状況がまだ届いていない施策: {len(r.missing)} 件",
            *(f"- {m}" for m in r.missing[:50]),
            f"提出する: {link}",
            "",
            f"Cycle {r.cycle} is due on {r.due.isoformat()} ({when_en}).",
            f"Measures without {name.label('en')}'s update yet: {len(r.missing)}",
            f"Submit: {mailer.link_base}/en/submissions",
        ]) + "\n"  # fmt: skip
        due = r.due.isoformat()
        subject = f"[ipkpi] {r.cycle} の提出期限 {due} / {r.cycle} is due {due}"
        messages.append(_message(mailer, list(r.to), subject, body))
    return _send(engine, mailer, messages, None)
