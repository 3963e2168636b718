"""``ipkpi admin``: people and roles, from the shell of the machine that holds the store.

There are no default accounts: the first admin is created here
(``ipkpi admin create-user you@example.go.jp --admin``). Whoever can run this command can
open the store itself, so the command is the operator's: its changes are audited as ``cli``.
Passwords are read from the terminal (twice, hidden) or from standard input with
``--password-stdin``; never from the command line, where ``ps`` and the shell history would
keep them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from ..files import write_text
from ..service import accounts, audit
from ..service.authz import Actor
from ..service.passwords import PasswordRuleError
from ..service.roles import MINISTRY_ROLES
from ..store import Store
from ..text import t
from .choice import Choice
from .help_format import Group, option
from .options import DB_OPTION

OPERATOR = Actor(user_id=None, email="", via="cli")
_DB = DB_OPTION
PASSWORD_STDIN = option(
    "--password-stdin",
    is_flag=True,
    help=t("パスワードを標準入力から読み込みます。", "Read the password from standard input."),
)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))


@click.group("admin", cls=Group, help_ja="利用者と役割：登録、府省庁の役割の付与、停止、監査記録。")
def admin() -> None:
    """People and roles: create users, grant ministry roles, disable accounts, the audit."""


@admin.command(
    "create-user", help_ja="利用者を登録します。最初の利用者は --admin を付けて登録します。"
)
@click.argument("email")
@option(
    "--name",
    default="",
    help=t(
        "画面に表示する氏名（既定：電子メールアドレス）。",
        "The name shown in the pages (default: the e-mail).",
    ),
)
@option(
    "--admin",
    "role",
    flag_value="admin",
    help=t("利用者を管理します（府省庁によらない役割）。", "Manages people (global role)."),
)
@option(
    "--secretariat",
    "role",
    flag_value="secretariat",
    help=t("審査と公開を行います（府省庁によらない役割）。", "Reviews and publishes (global)."),
)
@PASSWORD_STDIN
@_DB
def create_user(
    email: str, name: str, role: str | None, password_stdin: bool, db: str | None
) -> None:
    """Create a user (the first one: with --admin)."""
    password = _password(password_stdin)
    with Store.open(db) as store:
        try:
            user = accounts.create_user(
                store.engine, OPERATOR, email, password, display_name=name,
                global_role=role,  # type: ignore[arg-type]
            )  # fmt: skip
        except (accounts.AccountError, PasswordRuleError) as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"created {user.email}" + (f" ({role})" if role else ""))


@admin.command(
    "grant",
    help_ja="利用者に府省庁の役割を付与します。EMAIL の利用者に、MINISTRY（府省庁コード）"
    "における ROLE（viewer：閲覧者、"
    "editor：編集者、approver：承認者）を付与します。",
)
@click.argument("email")
@click.argument("ministry")
@click.argument("role", type=Choice(MINISTRY_ROLES))
@_DB
def grant(email: str, ministry: str, role: str, db: str | None) -> None:
    """Give EMAIL the ROLE (viewer, editor, approver) in MINISTRY (a 府省庁 code)."""
    with Store.open(db) as store:
        try:
            ministry = accounts.grant(store.engine, OPERATOR, email, ministry, role)  # type: ignore[arg-type]
        except accounts.AccountError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"{accounts.normal_email(email)} is {role} in {ministry}")


@admin.command("revoke", help_ja="EMAIL の利用者から MINISTRY における役割を取り消します。")
@click.argument("email")
@click.argument("ministry")
@_DB
def revoke(email: str, ministry: str, db: str | None) -> None:
    """Take EMAIL's role in MINISTRY away."""
    with Store.open(db) as store:
        try:
            accounts.revoke_membership(store.engine, OPERATOR, email, ministry)
        except accounts.AccountError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"{accounts.normal_email(email)} has no role in {ministry}")


@admin.command(
    "disable",
    help_ja="アカウントを停止します。そのセッションは終了し、トークンは直ちに失効します。",
)
@click.argument("email")
@option(
    "--enable",
    is_flag=True,
    help=t("停止する代わりに、アカウントを再び有効にします。", "Enable the account again instead."),
)
@_DB
def disable(email: str, enable: bool, db: str | None) -> None:
    """Disable an account: its sessions end and its tokens are revoked at once."""
    with Store.open(db) as store:
        try:
            ended = accounts.set_disabled(store.engine, OPERATOR, email, not enable)
        except accounts.AccountError as exc:
            raise click.ClickException(str(exc)) from None
    state = "enabled" if enable else f"disabled ({ended} sessions ended, tokens revoked)"
    click.echo(f"{accounts.normal_email(email)} {state}")


@admin.command(
    "set-password",
    help_ja="利用者のパスワードを設定し直します。EMAIL の利用者に新しいパスワードを設定し、"
    "そのアカウントのセッションをすべて終了します。",
)
@click.argument("email")
@PASSWORD_STDIN
@_DB
def set_password(email: str, password_stdin: bool, db: str | None) -> None:
    """Give EMAIL a new password (every session of the account ends)."""
    password = _password(password_stdin)
    with Store.open(db) as store:
        try:
            accounts.set_password(store.engine, OPERATOR, email, password)
        except (accounts.AccountError, PasswordRuleError) as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"new password set for {accounts.normal_email(email)}")


@admin.command("users", help_ja="全利用者とその役割を一覧表示します。")
@_DB
def users(db: str | None) -> None:
    """Every user with their roles."""
    with Store.open(db) as store:
        found = accounts.list_users(store.engine)
    table = Table("e-mail", "name", "global role", "ministries", "state")
    for user in found:
        roles = ", ".join(f"{m}:{r}" for m, r in sorted(user.memberships.items()))
        table.add_row(
            user.email, user.display_name, user.global_role or "", roles,
            "disabled" if user.disabled else "active",
        )  # fmt: skip
    Console().print(table)


@admin.command(
    "audit",
    help_ja="監査記録の全体を CSV で出力します。出力先は -o で指定したファイル、指定がなければ"
    "標準出力です。",
)
@option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=t("書き出すファイル（既定：標準出力）。", "File to write (default: standard output)."),
)
@_DB
def audit_export(output: Path | None, db: str | None) -> None:
    """The whole audit trail as CSV (to a file with -o, else to standard output)."""
    with Store.open(db) as store:
        text = audit.export_csv(store.engine)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text(output, text, encoding="utf-8")
        click.echo(f"wrote {text.count(chr(10)) - 1} events to {output}", err=True)
