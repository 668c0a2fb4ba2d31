"""`trainer play`: the UI straight into a scenario, or headless with --moves.

Headless play can also write the session's scorecard (--scorecard, --trainee, --team) and,
when it ends in an agreement, the 应收账款回收计划表 (--plan OUT.csv|OUT.md).
"""

from __future__ import annotations

import click

from trainer.cli.common import MAX_MOVES, dump_json, fail, read_moves, seed_option
from trainer.cli.complete import scenario_ids
from trainer.core.content.library import ContentError, resolve_scenario
from trainer.core.content.models import DIFFICULTIES
from trainer.core.content.oserror import os_reason


@click.command("play")
@click.argument("scenario", shell_complete=scenario_ids)
@click.option("--moves", "moves_file", metavar="FILE", help="无界面对练:FILE 每行一招(招式编号或中文话术;'-' 为标准输入)")
@click.option("--seed", callback=seed_option, metavar="N", help="随机种子(整数)  [默认:0;--from 时沿用原练习的]")
@click.option("--json", "as_json", is_flag=True, help="输出一个 JSON 对象(无界面)")
@click.option("--difficulty", type=click.Choice(DIFFICULTIES), help="改用这个难度")
@click.option("--scorecard", "card_out", metavar="OUT.json", help="写出成绩单(无界面;必须同时给 --trainee 学员姓名)")
@click.option("--trainee", metavar="NAME", help="成绩单上的学员姓名(--scorecard 必填)")
@click.option("--team", metavar="TEAM", default="", help="成绩单上的学员小组")
@click.option("--plan", "plan_out", metavar="OUT.csv|OUT.md", help="谈成时写出回收计划表")
@click.option("--from", "start", metavar="SESSION:TURN",
              help="从保存的练习 SESSION 的第 TURN 回合重来:保留之前的回合,从 TURN 起走 FILE(另存为新的尝试)")
@click.option("--save", is_flag=True, help="把无界面练习存入本机记录(供 history、--from 使用)")
@click.option("--prepared", metavar="1,2,3|all|none",
              help="谈判前勾选的十大事先准备(简报清单的序号);不填则不计分")
@click.option("--watch", is_flag=True, help="终端界面里:角色文件一改就重新载入(写角色时用)")
@click.option("--event", "event_file", metavar="EVENT.yaml",
              help="参加比赛:种子由比赛文件和 --trainee 决定,小组取自名单")
def play(scenario: str, moves_file: str | None, seed: int | None, as_json: bool, difficulty: str | None,
         card_out: str | None, trainee: str | None, team: str, plan_out: str | None, start: str | None,
         save: bool, watch: bool, prepared: str | None = None, event_file: str | None = None) -> None:
    """练习场景 SCENARIO(场景编号或场景文件)。

    --from 12:3:从练习 12 第三回合之前的局面开始(同样的种子和难度,重放第 1-2 回合),
    从第 3 回合起走 FILE,另存为练习 12 的一次新尝试。
    """
    try:
        sc, persona = resolve_scenario(scenario)
    except ContentError as e:
        fail(str(e), 2)
    if event_file is not None:
        seed, trainee, team = _event_seat(event_file, sc.id, trainee, seed, team, difficulty, start)
    if moves_file is None:
        if as_json or card_out or plan_out or start or save:
            fail("--json、--scorecard、--plan、--save 和 --from 都要配 --moves FILE(用 - 从标准输入读)", 2)
        # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
        from trainer.cli.ui import open_ui
        open_ui(scenario, seed or 0, watch=watch)
        return
    if start is not None and (seed is not None or difficulty is not None):
        fail("--from 沿用原练习的种子和难度:请去掉 --seed / --difficulty", 2)
    if card_out and not (trainee or "").strip():
        fail("--scorecard 需要学员姓名:加上 --trainee 姓名(成绩单上要写明是谁练的)", 2)
    ticked = _parse_prepared(prepared) if prepared is not None else None
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
    from trainer.core.judging.scoring import cap_note
    try:
        if start is not None or save:
            s, score, stored = _play_stored(sc, persona, moves, seed or 0, difficulty, trainee or "", start, ticked)
        else:
            s, score = play_moves(sc, persona, moves, seed=seed or 0, difficulty=difficulty, prepared=ticked)
            stored = None
    except ContentError as e:  # the rubric is content too
        fail(str(e), 2)
    if card_out and len(s.turns) > MAX_MOVES:  # --from adds the parent's turns: the card reader's cap holds
        fail(f"这次练习有 {len(s.turns)} 回合,超过评分卡上限 {MAX_MOVES},未写评分卡 {card_out}", 2)
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
    cap = score.feedback.get("cap")
    click.echo(f"\n结果 {o['result']} · 回收 {o['recovered_ratio']:.0%} · 总分 {score.total}" + (cap_note(cap) if cap else ""))
    for kind in ("best", "change"):
        for item in score.feedback.get(kind, []):
            mark = "+" if kind == "best" else "-"
            where = f"第{item['turn']}轮" if item["turn"] is not None else "出发前"
            click.echo(f"  {mark} {where} {item['title']}:{item['message']}"
                       + ("" if kind == "best" else f" → {item['suggestion']}({item['course']})")
                       + (f"\n      对方当时:{item['reaction']}" if item.get("reaction") else ""))


def _parse_prepared(text: str) -> tuple[int, ...]:
    """`--prepared 1,2,3` (or all / none) → the ticked numbers; a bad item is a one-line error."""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.judging.rubric import load_rubric
    try:
        n = len(load_rubric().checklist)
    except ContentError as e:
        fail(str(e), 2)
    word = text.strip().lower()
    if word == "all":
        return tuple(range(1, n + 1))
    if word in ("", "none"):
        return ()
    out: set[int] = set()
    for item in word.replace("，", ",").split(","):
        item = item.strip()
        if not item.isdigit() or not 1 <= int(item) <= n:
            fail(f"trainer: --prepared:{item[:20]!a} 不是准备清单的条目(1-{n}、all 或 none)", 2)
        out.add(int(item))
    return tuple(sorted(out))


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
                 start: str | None, ticked: tuple[int, ...] | None = None):
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
            s = Session(scenario, persona, seed=seed, difficulty=difficulty, prepared=ticked)
            sid = store.begin(scenario, persona, seed, s.difficulty, trainee, prepared=s.prepared)
        else:
            point = parse_start(start)
            row = store.find(str(point.session_id))
            if row.scenario_id != scenario.id:
                fail(f"练习 {row.id} 的场景是 '{row.scenario_id}',不是 '{scenario.id}'", 2)
            sid, s = start_from_store(store, row, point.turn, load_library(), trainee)
            parent = row
    except StoreError as e:
        fail(str(e), 2)
    try:
        for m in moves:
            turn = s.play(m)
            if turn is not None:
                store.record_turn(sid, turn)  # its own short transaction: a failure keeps the turns before it
        s.close()
        score = score_session(s)  # the session carries what was prepared
        store.finish(sid, outcome_of(s)["result"], score.total)
    except StoreError as e:
        s.close()
        kept = len(store_turns_safely(store, sid))
        fail(f"{e}[会话 {sid} 已保存 {kept} 回合]", 1)
    finally:
        store.close()
    where = f"(练习 {parent.id} 从第 {point.turn} 回合起的新尝试)" if parent else ""
    click.echo(f"已保存为练习 {sid}{where}", err=True)
    return s, score, {"session_id": sid, "parent": {"id": parent.id, "turn": point.turn} if parent else None}


def store_turns_safely(store, sid: int) -> list:
    """The turns of ``sid`` that did reach the store (none if the store cannot even be read)."""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.store.db import StoreError
    try:
        return store.turns(sid)
    except StoreError:
        return []


def _export(s, card_out: str | None, trainee: str, team: str, plan_out: str | None, quiet: bool) -> None:
    """Files asked for on the command line; a message per file on stderr (stdout stays pure JSON)."""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.competition.plan_table import PlanError, write_plan
    from trainer.core.competition.scorecard import write_scorecard
    if card_out:
        try:
            write_scorecard(s, card_out, trainee, team)
        except OSError as e:
            fail(f"{card_out}: 无法写入({os_reason(e)})", 2)
        if not quiet:
            click.echo(f"评分卡已写入 {card_out}", err=True)
    if plan_out:
        try:
            write_plan(s, plan_out)
        except PlanError as e:
            click.echo(f"trainer: 没有写 {plan_out}:{e}", err=True)
            return
        except OSError as e:
            fail(f"{plan_out}: 无法写入({os_reason(e)})", 2)
        if not quiet:
            click.echo(f"回收计划表已写入 {plan_out}", err=True)


COMMANDS = [play]
