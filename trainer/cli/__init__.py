"""The `trainer` command: a click group whose default opens the terminal UI.

Headless commands never import textual (start-up stays ~100 ms); the UI is imported lazily.
"""

from __future__ import annotations

import click

from trainer import __version__


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="trainer")
@click.pass_context
def main(ctx: click.Context) -> None:
    """回款道场 — practise collecting overdue receivables against debtor personas."""
    if ctx.invoked_subcommand is None:
        # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
        from trainer.cli.ui import open_ui
        open_ui()


def _register() -> None:
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.cli import (
        authoring,
        classify,
        event,
        history,
        leaderboard,
        listing,
        play,
        replay,
        serve,
        testplan,
        validate,
    )
    for mod in (play, listing, validate, classify, leaderboard, history, authoring, testplan, replay, event, serve):
        for cmd in mod.COMMANDS:
            main.add_command(cmd)


_register()
