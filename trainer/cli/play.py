"""`trainer play`: the UI straight into a scenario, or headless with --moves.

Headless play can also write the session's scorecard (--scorecard, --trainee, --team) and,
when it ends in an agreement, the 应收账款回收计划表 (--plan OUT.csv|OUT.md).
"""

from __future__ import annotations

import click

from trainer.cli.common import dump_json, fail, read_moves
from trainer.core.content.library import ContentError, resolve_scenario
from trainer.core.content.models import DIFFICULTIES


@click.command("play")
@click.argument("scenario")
@click.option("--moves", "moves_file", metavar="FILE", help="play every line of FILE ('-' = stdin) headlessly")
@click.option("--seed", type=int, help="seed of the session's randomness  [default: 0; --from: the parent's]")
@click.option("--json", "as_json", is_flag=True, help="print one JSON object (headless)")
@click.option("--difficulty", type=click.Choice(DIFFICULTIES), help="override the scenario's difficulty")
@click.option("--scorecard", "card_out", metavar="OUT.json", help="write the session's scorecard (headless)")
@click.option("--trainee", metavar="NAME", help="trainee's name on the scorecard")
@click.option("--team", metavar="TEAM", default="", help="trainee's team (组) on the scorecard")
@click.option("--plan", "plan_out", metavar="OUT.csv|OUT.md", help="write the 回收计划表 if it ends in an agreement")
@click.option("--from", "start", metavar="SESSION:TURN",
              help="a new attempt of stored SESSION: keep its turns before TURN, play FILE from turn TURN (stored, linked)")
@click.option("--save", is_flag=True, help="keep the headless session in the local store (for history, --from)")
@click.option("--watch", is_flag=True, help="in the UI: reload the persona when its file changes (for authors)")
@click.option("--event", "event_file", metavar="EVENT.yaml",
              help="play in an event: the seed comes from the event and --trainee, the team from its roster")
def play(scenario: str, moves_file: str | None, seed: int | None, as_json: bool, difficulty: str | None,
         card_out: str | None, trainee: str | None, team: str, plan_out: str | None, start: str | None,
         save: bool, watch: bool, event_file: str | None = None) -> None:
    """Play SCENARIO (an id or a scenario file).

    With --from 12:3 the session starts where session 12 stood before its third turn (same seed and
    difficulty, turns 1-2 replayed), plays FILE from turn 3, and is stored as a new attempt of session 12.
    """
    try:
        sc, persona = resolve_scenario(scenario)
    except ContentError as e:
        fail(str(e), 2)
    if event_file is not None:
        seed, trainee, team = _event_seat(event_file, sc.id, trainee, seed, team, difficulty, start)
    if moves_file is None:
        if as_json or card_out or plan_out or start or save:
            fail("--json, --scorecard, --plan, --save and --from need --moves FILE (or - for stdin)", 2)
        # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
        from trainer.cli.ui import open_ui
        open_ui(scenario, seed or 0, watch=watch)
        return
    if start is not None and (seed is not None or difficulty is not None):
        fail("--from continues with the parent session's seed and difficulty: drop --seed/--difficulty", 2)
    if card_out and not (trainee or "").strip():
        fail("--scorecard needs --trainee NAME", 2)
    moves = read_moves(moves_file)
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.competition.scorecard import CardError, check_name
    try:
        if card_out:
            check_name(trainee or "", "--trainee")
            check_name(team, "--team", required=False)
    except CardError as e:
        fail(str(e), 2)
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.judging.result import play_moves, result_json
    try:
        if start is not None or save:
            s, score, stored = _play_stored(sc, persona, moves, seed or 0, difficulty, trainee or "", start)
        else:
            s, score = play_moves(sc, persona, moves, seed=seed or 0, difficulty=difficulty)
            stored = None
    except ContentError as e:  # the rubric is content too
        fail(str(e), 2)
    data = result_json(s, score)
    if stored is not None:
        data.update(stored)
    _export(s, card_out, trainee or "", team, plan_out, quiet=as_json)
    if as_json:
        click.echo(dump_json(data))
        return
    for t in s.turns:
        click.echo(f"{t.n:>2}. 你:{t.move}\n    [{t.tactic or '?'} {t.confidence:.2f}] 对方:{t.reply}")
    o = data["outcome"]
    click.echo(f"\n结果 {o['result']} · 回收 {o['recovered_ratio']:.0%} · 总分 {score.total}")
    for kind in ("best", "change"):
        for item in score.feedback.get(kind, []):
            mark = "+" if kind == "best" else "-"
            click.echo(f"  {mark} 第{item['turn']}轮 {item['title']}:{item['message']}"
                       + ("" if kind == "best" else f" → {item['suggestion']}({item['course']})"))


def _event_seat(event_file: str, scenario_id: str, trainee: str | None, seed: int | None, team: str,
                difficulty: str | None, start: str | None) -> tuple[int, str, str]:
    """(seed, trainee, team) for --event: the seed derived from the event's salt, the roster's name and team."""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.competition.event import EventError, load_event
    from trainer.core.competition.output import plain
    if seed is not None or team or difficulty is not None or start is not None:
        fail("--event 决定种子、小组和难度:请去掉 --seed / --team / --difficulty / --from", 2)
    if not (trainee or "").strip():
        fail("--event 需要 --trainee 姓名(名单上的名字)", 2)
    try:
        ev = load_event(event_file)
    except EventError as e:
        fail(plain(e), 2)
    member = ev.member(trainee or "")
    if member is None:
        fail(f"「{plain(trainee)}」不在比赛「{plain(ev.name)}」的名单上{ev.did_you_mean(trainee or '')}", 2)
    if scenario_id not in ev.scenarios:
        fail(f"场景 '{scenario_id}' 不在比赛「{plain(ev.name)}」中(比赛场景:{'、'.join(ev.scenarios)})", 2)
    return ev.seed_for(member.name, scenario_id), member.name, member.team


def _play_stored(scenario, persona, moves: list[str], seed: int, difficulty: str | None, trainee: str,
                 start: str | None):
    """Play into the local store, a commit per turn, then finish and score it (--save, --from).
    With ``start`` the session is a new attempt of a stored one (its seed, difficulty and first turns)."""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.content.library import load_library
    from trainer.core.engine.session import Session
    from trainer.core.engine.transcript import outcome_of
    from trainer.core.judging.scoring import score_session
    from trainer.core.store.attempts import parse_start, start_from_store
    from trainer.core.store.db import Store, StoreError
    parent = None
    try:
        store = Store()
        if start is None:
            s = Session(scenario, persona, seed=seed, difficulty=difficulty)
            sid = store.begin(scenario, persona, seed, s.difficulty, trainee)
        else:
            point = parse_start(start)
            row = store.find(str(point.session_id))
            if row.scenario_id != scenario.id:
                fail(f"session {row.id} is scenario '{row.scenario_id}', not '{scenario.id}'", 2)
            sid, s = start_from_store(store, row, point.turn, load_library(), trainee)
            parent = row
    except StoreError as e:
        fail(str(e), 2)
    for m in moves:
        turn = s.play(m)
        if turn is not None:
            store.record_turn(sid, turn)
    s.close()
    score = score_session(s)
    store.finish(sid, outcome_of(s)["result"], score.total)
    store.close()
    where = f" (a new attempt of session {parent.id} from turn {point.turn})" if parent else ""
    click.echo(f"stored as session {sid}{where}", err=True)
    return s, score, {"session_id": sid, "parent": {"id": parent.id, "turn": point.turn} if parent else None}


def _export(s, card_out: str | None, trainee: str, team: str, plan_out: str | None, quiet: bool) -> None:
    """Files asked for on the command line; a message per file on stderr (stdout stays pure JSON)."""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.competition.plan_table import PlanError, write_plan
    from trainer.core.competition.scorecard import write_scorecard
    if card_out:
        try:
            write_scorecard(s, card_out, trainee, team)
        except OSError as e:
            fail(f"cannot write {card_out}: {e.strerror or e}", 2)
        if not quiet:
            click.echo(f"评分卡已写入 {card_out}", err=True)
    if plan_out:
        try:
            write_plan(s, plan_out)
        except PlanError as e:
            click.echo(f"trainer: {plan_out} not written: {e}", err=True)
            return
        except OSError as e:
            fail(f"cannot write {plan_out}: {e.strerror or e}", 2)
        if not quiet:
            click.echo(f"回收计划表已写入 {plan_out}", err=True)


COMMANDS = [play]
