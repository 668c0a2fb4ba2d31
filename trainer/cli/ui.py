"""Opening the interactive trainer. Until the terminal UI lands: a plain line-by-line session."""

from __future__ import annotations

import sys

import click

from ..core.content import ContentError, load_library, resolve_scenario
from ..core.models import case_values
from ..core.session import Session


def open_ui(scenario: str | None = None, seed: int | None = None) -> None:
    plain_session(scenario, seed)


def plain_session(scenario_ref: str | None, seed: int | None) -> None:
    lib = load_library()
    if scenario_ref is None:
        ids = sorted(lib.scenarios)
        if not ids:
            raise click.ClickException("no scenarios found")
        click.echo("回款道场 — 选择场景:")
        for i, sid in enumerate(ids, 1):
            s = lib.scenarios[sid]
            click.echo(f"  {i}. {s.title}  [{sid}]")
        if not sys.stdin.isatty():
            scenario_ref = ids[0]
        else:
            choice = click.prompt("编号", type=click.IntRange(1, len(ids)), default=1)
            scenario_ref = ids[choice - 1]
    try:
        scenario, persona = resolve_scenario(scenario_ref, lib)
    except ContentError as e:
        raise click.ClickException(str(e)) from None
    s = Session(scenario, persona, seed=seed or 0)
    v = case_values(scenario.case)
    click.echo(f"\n{scenario.title}\n{v['company']} · {v['contact']}({v['role']}) · 欠款 {v['owed']} 元 · 逾期 {v['days_overdue']} 天")
    for k in scenario.case.known:
        click.echo(f"  · {k}")
    click.echo("输入你要说的话(或战术 id),空行结束。\n")
    while not s.ended:
        try:
            line = input("你> ")
        except EOFError:
            break
        if not line.strip():
            break
        t = s.play(line)
        if t:
            click.echo(f"  [{t.tactic or '?'} {t.confidence:.2f}] 对方: {t.reply}")
    if s.outcome:
        click.echo(f"\n结果: {s.outcome.result}  回收比例 {s.outcome.recovered_ratio:.0%}")
