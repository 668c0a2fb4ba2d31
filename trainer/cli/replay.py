"""`trainer replay CARD.json`: a past session, turn by turn, read-only — the instructor's debrief.

The card is checked before the UI opens, so a bad file is one line on stderr (exit 1), never a
half-drawn screen. `--json` prints the playback model instead and never imports textual.
"""

from __future__ import annotations

import click

from trainer.cli.common import dump_json, fail


@click.command("replay")
@click.argument("card", metavar="CARD.json")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON(各回合和钉在回合上的点评)")
def replay(card: str, as_json: bool) -> None:
    """按成绩单逐回合回放一次练习,点评显示在对应回合。"""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.competition.scorecard import CardError
    from trainer.core.content.library import ContentError
    from trainer.core.store.playback import load_playback
    try:
        playback = load_playback(card, verify=as_json)  # the UI verifies against its own library
    except (CardError, ContentError) as e:
        fail(f"trainer: {card}: {str(e).splitlines()[0]}", 1)
    if as_json:
        click.echo(dump_json(playback.public()))
        return
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.cli.ui import HEADLESS_REPLAY, require_terminal, run_app
    from trainer.core.store.db import StoreError
    require_terminal(HEADLESS_REPLAY)
    try:
        # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
        from trainer.tui.app import build_app
        app = build_app(replay=card)
    except StoreError as e:
        fail(str(e), 1)
    run_app(app)


COMMANDS = [replay]
