"""`trainer event new NAME --roster ROSTER.csv --scenarios ID[,ID…] --out DIR`: an event file for a group
competition (name, a random salt, the scenarios, the roster). See docs/scorecard.md."""

from __future__ import annotations

import click

from trainer.cli.common import fail
from trainer.core.content.oserror import os_reason


@click.group("event", options_metavar="[选项]", subcommand_metavar="[命令] [参数]...")
def event() -> None:
    """小组比赛:建比赛文件。"""


@event.command("new", options_metavar="[选项]")
@click.argument("name")
@click.option("--roster", "roster_file", required=True, metavar="ROSTER.csv", help="名单:两列「学员,小组」(trainee,team;Excel 存的 CSV)")
@click.option("--scenarios", required=True, metavar="ID[,ID…]", help="比赛用的场景编号,逗号分隔")
@click.option("--out", "out_dir", required=True, metavar="DIR", help="放 event.yaml(和交上来的成绩单)的文件夹")
def new(name: str, roster_file: str, scenarios: str, out_dir: str) -> None:
    """写出 DIR/event.yaml:比赛名 NAME、随机盐、场景和名单。"""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.competition.event import EventError, new_event, normalise_name, read_roster, write_event
    from trainer.core.competition.output import plain
    from trainer.core.content.library import cached_library
    from trainer.core.content.spec import did_you_mean
    if not normalise_name(name):
        fail("比赛名称不能为空", 2)
    try:
        roster, notices = read_roster(roster_file)
    except EventError as e:
        fail(plain(e), 2)
    for n in notices:
        click.echo(f"trainer: {plain(n)}", err=True)
    lib = cached_library()
    ids = [s.strip() for s in scenarios.split(",") if s.strip()]
    if not ids:
        fail("--scenarios 至少要有一个场景 id", 2)
    for sid in ids:
        if sid not in lib.scenarios:
            fail(f"没有场景 '{plain(sid)}'{did_you_mean(sid, lib.scenarios)}", 2)
    if len(set(ids)) != len(ids):
        fail("--scenarios 中有重复的场景", 2)
    ev = new_event(name, roster, ids)
    try:
        path = write_event(ev, out_dir)
    except OSError as e:
        fail(f"{out_dir}: 无法写入({os_reason(e)})", 2)
    teams = sorted({m.team for m in roster if m.team})
    click.echo(f"比赛文件已写入 {path}:{len(roster)} 名学员,{len(teams)} 个小组,{len(ids)} 个场景。", err=True)


COMMANDS = [event]
