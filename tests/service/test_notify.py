"""Notifications (issue 11.6) against a real SMTP server (aiosmtpd) started by the tests.

Submit tells the secretariat; return, accept and publish tell the ministry's people; a
cycle due soon tells each ministry that still owes updates (``ipkpi notify due``). A mail
server that is down never undoes a step: the failure is audited. SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import email
import socket
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from click.testing import CliRunner

from ipkpi.cli.main import cli
from ipkpi.cycle import CycleRecords, operations
from ipkpi.paths import default_plan_dir
from ipkpi.plan.loader import load_plan
from ipkpi.service import audit, data_files, notify, submissions
from ipkpi.store import Store
from ipkpi.text import Text

from .conftest import person

CSV = b"series,period,value,unit\ndata.store.exports.jpn,2024,1.55,jpy_cho\n"
LINK = "https://kpi.example.go.jp/ipkpi"


class Inbox:
    """What the SMTP server received: each message with its envelope recipients."""

    def __init__(self) -> None:
        self.received: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.received.append((list(envelope.rcpt_tos), email.message_from_bytes(envelope.content)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, notify.Mailer]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings = notify.MailSettings("127.0.0.1", port, "none", "ipkpi@kpi.example.go.jp")
    yield inbox, notify.Mailer(settings, LINK)
    controller.stop()


def body_of(message: Message) -> str:
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode(message.get_content_charset() or "utf-8")


def test_each_step_tells_the_right_people(store: Store, smtp: tuple[Inbox, notify.Mailer]) -> None:
    inbox, mailer = smtp
    editor = person(store, "e@meti.example.jp", ministry="METI")
    person(store, "v@meti.example.jp", ministry="METI", role="viewer")
    person(store, "e@mext.example.jp", ministry="MEXT")
    desk = person(store, "s@cao.example.jp", global_role="secretariat")
    person(store, "s2@cao.example.jp", global_role="secretariat")
    draft = data_files.create_draft(store.engine, editor, "METI", "a.csv", CSV, {}, title="輸出")

    sent = submissions.transition(store.engine, editor, draft.id, "submit", 1)
    assert notify.notify_step(store.engine, mailer, sent, "submit", editor) == 1
    back = submissions.transition(
        store.engine, desk, draft.id, "return", sent.version, comment="2024年は億円です"
    )
    assert notify.notify_step(store.engine, mailer, back, "return", desk) == 1
    assert notify.notify_step(store.engine, mailer, back, "withdraw", editor) == 0

    (to_desk, submitted), (to_ministry, returned) = inbox.received
    assert to_desk == ["s2@cao.example.jp", "s@cao.example.jp"]  # not the editor, not MEXT
    assert to_ministry == ["e@meti.example.jp", "v@meti.example.jp"]  # not the reviewer
    assert str(email.header.make_header(email.header.decode_header(returned["Subject"]))) == (
        f"[ipkpi] 提出 {draft.id} が差し戻されました / Submission {draft.id} was returned"
    )
    text = body_of(returned)
    assert "コメント: 2024年は億円です" in text and "Comment: 2024年は億円です" in text
    assert f"確認する: {LINK}/submissions/{draft.id}" in text
    assert f"See it: {LINK}/en/submissions/{draft.id}" in text
    assert "（経済産業省）" in text
    assert "審査に送られました" in body_of(submitted)
    assert returned["Auto-Submitted"] == "auto-generated"


def test_a_mail_server_that_is_down_is_audited_and_the_step_stands(store: Store) -> None:
    editor = person(store, "e@meti.example.jp", ministry="METI")
    person(store, "s@cao.example.jp", global_role="secretariat")
    down = notify.Mailer(
        notify.MailSettings("127.0.0.1", free_port(), "none", "ipkpi@x.example", "u", "secret"),
        LINK,
    )
    draft = data_files.create_draft(store.engine, editor, "METI", "a.csv", CSV, {})
    sent = submissions.transition(store.engine, editor, draft.id, "submit", 1)
    assert notify.notify_step(store.engine, down, sent, "submit", editor) == 0
    [failed] = [e for e in audit.events(store.engine) if e.action == "notify.failed"]
    assert failed.detail == {"error": "ConnectionRefusedError", "messages": 1,
                             "server": "127.0.0.1"}  # fmt: skip
    assert "secret" not in str(failed)
    assert submissions.get(store.engine, editor, draft.id).state == "submitted"


def test_the_settings_are_checked_with_the_variable_named() -> None:
    from ipkpi.settings import current

    assert notify.MailSettings.from_settings(current({})) is None
    made = notify.MailSettings.from_settings(
        current({"IPKPI_SMTP_HOST": "mail.example.go.jp", "IPKPI_SMTP_SECURITY": "tls",
                 "IPKPI_PUBLIC_URL": "https://kpi.example.go.jp/ipkpi"})
    )  # fmt: skip
    assert made == notify.MailSettings("mail.example.go.jp", 465, "tls", "ipkpi@kpi.example.go.jp")
    with pytest.raises(notify.MailSettingError, match="IPKPI_SMTP_PORT must be a port"):
        notify.MailSettings.from_settings(
            current({"IPKPI_SMTP_HOST": "m", "IPKPI_SMTP_PORT": "smtp"})
        )
    with pytest.raises(notify.MailSettingError, match="IPKPI_SMTP_SECURITY must be"):
        notify.MailSettings.from_settings(
            current({"IPKPI_SMTP_HOST": "m", "IPKPI_SMTP_SECURITY": "ssl3"})
        )


@pytest.fixture(scope="module")
def real_plan():  # type: ignore[no-untyped-def]
    return load_plan(default_plan_dir())


def test_a_cycle_due_soon_reminds_each_ministry_that_owes(
    store: Store, smtp: tuple[Inbox, notify.Mailer], real_plan: Any
) -> None:
    inbox, mailer = smtp
    records = CycleRecords(store.engine)
    today = dt.date(2026, 2, 23)
    operations.open_cycle(
        records, real_plan, "fu2026", Text(ja="2026年", en="2026"), dt.date(2025, 12, 31),
        dt.date(2026, 2, 28), at=dt.datetime(2026, 1, 5),
    )  # fmt: skip
    person(store, "e@jpo.example.jp", ministry="JPO")
    assert notify.due_reminders(store.engine, real_plan, today, days=3) == []
    reminders = notify.due_reminders(store.engine, real_plan, today, days=7)
    jpo = next(r for r in reminders if r.ministry == "JPO")
    assert (jpo.cycle, jpo.due, len(jpo.missing), jpo.to) == (
        "fu2026",
        dt.date(2026, 2, 28),
        8,
        ("e@jpo.example.jp",),
    )
    assert all(r.to == () for r in reminders if r.ministry != "JPO")  # nobody else has people
    assert notify.send_reminders(store.engine, mailer, reminders, today) == 1
    [(to, message)] = inbox.received
    assert to == ["e@jpo.example.jp"]
    text = body_of(message)
    assert "サイクル fu2026 の提出期限は 2026-02-28（あと 5 日）です。" in text
    assert "特許庁の取組状況がまだ届いていない施策: 8 件" in text


def test_the_due_command_lists_and_sends(
    smtp: tuple[Inbox, notify.Mailer], real_plan: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    inbox, mailer = smtp
    db = tmp_path / "cli.db"
    opened = Store.open(db)
    operations.open_cycle(
        CycleRecords(opened.engine), real_plan, "fu2026", Text(ja="2026年", en="2026"),
        dt.date(2025, 12, 31), dt.date(2026, 2, 28), at=dt.datetime(2026, 1, 5),
    )  # fmt: skip
    person(opened, "e@jpo.example.jp", ministry="JPO")
    opened.close()
    run = CliRunner().invoke
    dry = run(cli, ["notify", "due", "--db", str(db), "--today", "2026-02-23", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "fu2026 due 2026-02-28: JPO owes 8 → e@jpo.example.jp" in dry.output
    assert inbox.received == []
    no_host = run(cli, ["notify", "due", "--db", str(db), "--today", "2026-02-23"])
    assert no_host.exit_code == 1 and "IPKPI_SMTP_HOST is not set" in no_host.output
    monkeypatch.setenv("IPKPI_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("IPKPI_SMTP_PORT", str(mailer.settings.port))
    monkeypatch.setenv("IPKPI_SMTP_SECURITY", "none")
    done = run(cli, ["notify", "due", "--db", str(db), "--today", "2026-02-23"])
    assert done.exit_code == 0, done.output
    assert "sent 1 reminder(s) through 127.0.0.1" in done.output
    assert [to for to, _ in inbox.received] == [["e@jpo.example.jp"]]
