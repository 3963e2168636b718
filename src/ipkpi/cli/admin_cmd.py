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
from .choice import Choice

OPERATOR = Actor(user_id=None, email="", via="cli")
_DB = click.option(
    "--db",
    "db",
    default=None,
    help="Store: a SQLite file or a database URL (default: $IPKPI_DATABASE_URL, else the "
    "embedded SQLite file).",
)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))


@click.group("admin")
def admin() -> None:
    """People and roles: create users, grant ministry roles, disable accounts, the audit."""


@admin.command("create-user")
@click.argument("email")
@click.option("--name", default="", help="The name shown in the pages (default: the e-mail).")
@click.option("--admin", "role", flag_value="admin", help="Manages people (global role).")
@click.option(
    "--secretariat", "role", flag_value="secretariat", help="Reviews and publishes (global)."
)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
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


@admin.command("grant")
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


@admin.command("revoke")
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


@admin.command("disable")
@click.argument("email")
@click.option("--enable", is_flag=True, help="Enable the account again instead.")
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


@admin.command("set-password")
@click.argument("email")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
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


@admin.command("users")
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


@admin.command("audit")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
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
