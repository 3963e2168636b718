"""Entry point of the ``ipkpi`` command. Each command group lives in its own module.

The modules are imported when their command runs, not before: ``ipkpi summary`` does not pay
for the store, the charts or the web server (``benchmarks/bench_cli.py`` measures it).
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

#: Command name → "module:attribute" under ``ipkpi.cli``.
COMMANDS = {
    "plan": "plan_cmd:plan",
    "summary": "plan_cmd:summary",
    "assess-table": "assess_cmd:assess_table",
    "serve": "web_cmd:serve",
    "build-site": "web_cmd:build_site",
    "report": "report_cmd:report",
    "status": "status_cmd:status",
    "data": "data_cmd:data",
    "ministries": "ministries_cmd:ministries_command",
    "cycle": "cycle_cmd:cycle",
    "admin": "admin_cmd:admin",
    "statement": "statement_cmd:statement",
    "milestone": "statement_cmd:milestone",
    "store": "store_cmd:store",
    "notify": "notify_cmd:notify",
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        module = importlib.import_module(f"{__package__}.{module_name}")
        command: click.Command = getattr(module, attribute)
        self.add_command(command, cmd_name)
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from .suggest import did_you_mean

            ctx.fail(f"No such command {name!r}.{did_you_mean(name, self.list_commands(ctx))}")
        return super().resolve_command(ctx, args)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ipkpi")
def cli() -> None:
    """ipkpi — 知的財産推進計画2025 follow-up: plan, data, verdicts, dashboard and report."""


def main() -> None:
    cli()
