"""``ipkpi admin``: the first admin is made from the shell; no account exists before."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ipkpi.cli.main import cli
from ipkpi.service import accounts, audit
from ipkpi.store import Store

from .conftest import PASSWORD


def test_the_first_admin_and_a_ministry_editor_from_the_shell(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    with Store.open(db) as store:
        assert accounts.list_users(store.engine) == []  # no default accounts
    run = CliRunner().invoke
    made = run(cli, ["admin", "create-user", "Boss@CAO.example.jp", "--admin", "--password-stdin",
                     "--db", db], input=PASSWORD + "\n")  # fmt: skip
    assert made.exit_code == 0, made.output
    assert made.output == "created boss@cao.example.jp (admin)\n"
    weak = run(cli, ["admin", "create-user", "e@meti.example.jp", "--password-stdin", "--db", db],
               input="password\n")  # fmt: skip
    assert weak.exit_code == 1 and "among the most common" in weak.output
    run(cli, ["admin", "create-user", "e@meti.example.jp", "--password-stdin", "--db", db],
        input=PASSWORD + "\n")  # fmt: skip
    granted = run(cli, ["admin", "grant", "e@meti.example.jp", "METI", "editor", "--db", db])
    assert granted.output == "e@meti.example.jp is editor in METI\n"
    missing = run(cli, ["admin", "grant", "x@meti.example.jp", "METI", "editor", "--db", db])
    assert missing.exit_code == 1 and "there is no user x@meti.example.jp" in missing.output
    listed = run(cli, ["admin", "users", "--db", db])
    assert "METI:editor" in listed.output and "admin" in listed.output
    exported = run(cli, ["admin", "audit", "--db", db])
    lines = exported.output.splitlines()
    assert lines[0].startswith("id,at,actor,via,action")
    assert [line.split(",")[4] for line in lines[1:]] == [
        "user.create", "user.create", "membership.grant",
    ]  # fmt: skip
    with Store.open(db) as store:
        assert all(e.via == "cli" for e in audit.events(store.engine))
