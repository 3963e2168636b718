"""Every command and every long option of ``ipkpi`` is written down in docs/ or the README.

Walks the whole command tree (the lazy groups too), so a new command or option fails here
until a page says what it does. The environment variables: ``tests/test_settings.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from ipkpi.cli.main import cli

ROOT = Path(__file__).parents[2]
DOCS = "\n".join(
    p.read_text(encoding="utf-8")
    for p in [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
)


def _commands() -> list[tuple[str, click.Command]]:
    context = click.Context(cli)
    found: list[tuple[str, click.Command]] = []

    def walk(command: click.Command, path: list[str]) -> None:
        if isinstance(command, click.Group):
            for name in command.list_commands(context):
                sub = command.get_command(context, name)
                assert sub is not None, name
                walk(sub, [*path, name])
        else:
            found.append((" ".join(["ipkpi", *path]), command))

    walk(cli, [])
    return found


def test_the_tree_is_walked() -> None:
    names = {name for name, _ in _commands()}
    assert {"ipkpi serve", "ipkpi store backup", "ipkpi data import"} <= names
    assert len(names) > 30


def test_every_command_is_documented() -> None:
    assert [name for name, _ in _commands() if name not in DOCS] == []


def test_every_long_option_is_documented() -> None:
    missing = []
    for name, command in _commands():
        for param in command.params:
            longs = [o for o in getattr(param, "opts", []) + getattr(param, "secondary_opts", [])
                     if o.startswith("--") and o != "--help"]  # fmt: skip
            if (
                isinstance(param, click.Option)
                and longs
                and not any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", DOCS) for o in longs)
            ):
                missing.append(f"{name} {longs[0]}")
    assert missing == []
