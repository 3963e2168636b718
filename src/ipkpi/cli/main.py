"""Entry point of the ``ipkpi`` command. Each command group lives in its own module."""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ipkpi")
def cli() -> None:
    """ipkpi — 知的財産推進計画2025 follow-up: plan, data, verdicts, dashboard and report."""


def _register() -> None:
    from . import plan_cmd

    cli.add_command(plan_cmd.plan)
    cli.add_command(plan_cmd.summary)
    from . import assess_cmd

    cli.add_command(assess_cmd.assess_table)
    from . import web_cmd

    cli.add_command(web_cmd.serve)
    cli.add_command(web_cmd.build_site)
    from . import report_cmd

    cli.add_command(report_cmd.report)
    from . import status_cmd

    cli.add_command(status_cmd.status)
    from . import data_cmd

    cli.add_command(data_cmd.data)
    from . import ministries_cmd

    cli.add_command(ministries_cmd.ministries_command)
    from . import cycle_cmd

    cli.add_command(cycle_cmd.cycle)
    from . import admin_cmd

    cli.add_command(admin_cmd.admin)


_register()


def main() -> None:
    cli()
