"""docs/data.md documents every ``ipkpi data`` command and option, and every export format."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from ipkpi.cli.data_cmd import data
from ipkpi.store.exporters import EXPORTERS

DOC = (Path(__file__).parents[2] / "docs" / "data.md").read_text(encoding="utf-8")
COMMANDS = sorted(data.commands.items())


@pytest.mark.parametrize(("name", "command"), COMMANDS)
def test_every_command_and_option_is_documented(name: str, command: click.Command) -> None:
    assert f"ipkpi data {name}" in DOC
    for parameter in command.params:
        if isinstance(parameter, click.Option):
            assert any(option in DOC for option in parameter.opts), (name, parameter.opts)


@pytest.mark.parametrize("format_", sorted(EXPORTERS))
def test_every_export_format_is_documented(format_: str) -> None:
    assert f"| `{format_}` |" in DOC


def test_the_group_options_are_documented() -> None:
    for parameter in data.params:
        assert any(option in DOC for option in getattr(parameter, "opts", [])), parameter
