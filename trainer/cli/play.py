"""`trainer play`: the UI straight into a scenario, or headless with --moves."""

from __future__ import annotations

import click

from ..core.content import ContentError, resolve_scenario
from ..core.models import DIFFICULTIES
from .common import dump_json, fail, read_moves


@click.command("play")
@click.argument("scenario")
@click.option("--moves", "moves_file", metavar="FILE", help="play every line of FILE ('-' = stdin) headlessly")
@click.option("--seed", type=int, default=0, show_default=True, help="seed of the session's randomness")
@click.option("--json", "as_json", is_flag=True, help="print one JSON object (headless)")
@click.option("--difficulty", type=click.Choice(DIFFICULTIES), help="override the scenario's difficulty")
def play(scenario: str, moves_file: str | None, seed: int, as_json: bool, difficulty: str | None) -> None:
    """Play SCENARIO (an id or a scenario file)."""
    try:
        sc, persona = resolve_scenario(scenario)
    except ContentError as e:
        fail(str(e), 2)
    if moves_file is None:
        if as_json:
            fail("--json needs --moves FILE (or - for stdin)", 2)
        from .ui import open_ui
        open_ui(scenario, seed)
        return
    moves = read_moves(moves_file)
    from ..core.transcript import play_moves, result_json
    s, score = play_moves(sc, persona, moves, seed=seed, difficulty=difficulty)
    data = result_json(s, score)
    if as_json:
        click.echo(dump_json(data))
        return
    for t in s.turns:
        click.echo(f"{t.n:>2}. 你:{t.move}\n    [{t.tactic or '?'} {t.confidence:.2f}] 对方:{t.reply}")
    o = data["outcome"]
    click.echo(f"\n结果 {o['result']} · 回收 {o['recovered_ratio']:.0%} · 总分 {score.total}")


COMMANDS = [play]
