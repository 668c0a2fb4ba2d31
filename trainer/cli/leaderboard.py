"""`trainer leaderboard CARD...|FOLDER --format md|csv|html|json`: re-verify, then rank.

Every card is replayed with its seed against the local files; a card that does not
reproduce is rejected by file name (exit 1) and the rest are still ranked.
"""

from __future__ import annotations

import sys

import click

from trainer.cli.common import fail
from trainer.core.content.library import ContentError
from trainer.core.content.oserror import os_reason


@click.command("leaderboard")
@click.argument("cards", nargs=-1, required=True, metavar="CARD...|FOLDER")
@click.option("--format", "fmt", type=click.Choice(("md", "csv", "html", "json")), default="md", show_default=True)
@click.option("--output", "-o", metavar="FILE", help="写入 FILE,而不是输出到屏幕")
@click.option("--event", "event_file", metavar="EVENT.yaml",
              help="按比赛排名:只认名单上的学员、按比赛派生的种子、名单上的小组;缺一个场景按 0 分计")
def leaderboard(cards: tuple[str, ...], fmt: str, output: str | None, event_file: str | None) -> None:
    """用导出的成绩单评出优胜组和先进个人(每张都重放核实)。"""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.competition.event import EventError, load_event
    from trainer.core.competition.leaderboard import verify_all
    from trainer.core.competition.output import plain
    from trainer.core.competition.render import RENDERERS
    try:
        ev = load_event(event_file) if event_file else None
        board = verify_all(list(cards), event=ev)
    except (ContentError, EventError) as e:
        fail(plain(e), 2)
    text = RENDERERS[fmt](board)
    if output:
        # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
        from trainer.core.competition.output import write_text_atomic
        try:
            write_text_atomic(output, text)
        except OSError as e:
            fail(f"{output}: 无法写入({os_reason(e)})", 2)
    else:
        sys.stdout.flush()
        click.echo(text, nl=False)
    for f, reason in board.rejected:  # the board keeps them as plain text already
        click.echo(f"trainer: 不予计分 {plain(f)}:{plain(reason)}", err=True)
    for f, first, why in board.duplicates:
        click.echo(f"trainer: 重复的评分卡 {plain(f)}:与 {plain(first)} 相同({why}),只计一次", err=True)
    if not board.accepted and not board.rejected and not board.event:
        fail("没有找到评分卡(*.json)", 2)
    raise SystemExit(1 if board.rejected else 0)


COMMANDS = [leaderboard]
