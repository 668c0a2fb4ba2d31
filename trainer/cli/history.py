"""`trainer history` and `trainer resume`: the local store of sessions (no textual import here)."""

from __future__ import annotations

import click

from trainer.cli.common import dump_json, fail, ljust, rjust

#: outcome results and difficulties as the trainee reads them (the ids stay in --json)
RESULT_NAMES = {"paid_in_full": "当场付清", "partial": "部分回收", "promise": "书面承诺", "no_progress": "没有进展",
                "broken_off": "不欢而散", "legal": "诉诸法律"}
DIFFICULTY = {"easy": "容易", "normal": "普通", "hard": "困难"}


def _open_store():
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.store.db import Store, StoreError
    try:
        return Store()
    except StoreError as e:
        fail(str(e), 1)


@click.command("history")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@click.option("--compare", "compare_id", type=int, metavar="SESSION",
              help="把练习 SESSION 和它的每次重来并排对比:结局、各项原则得分、从哪回合分岔")
def history(as_json: bool, compare_id: int | None) -> None:
    """本机保存的练习记录(已完成和未完成的)及回合数。"""
    store = _open_store()
    if compare_id is not None:
        _compare(store, compare_id, as_json)
        return
    rows = store.sessions()
    if as_json:
        click.echo(dump_json({"home": str(store.path.parent), "sessions": [r.public() for r in rows],
                              "unfinished": sum(1 for r in rows if not r.finished)}))
        return
    if not rows:
        click.echo("还没有练习记录:运行 `trainer` 开始第一次练习")
        return
    for r in rows:
        status = (f"{RESULT_NAMES.get(r.result or '', r.result)} {r.total} 分" if r.finished
                  else "未完成(trainer resume 继续)")
        origin = (f"  ← 重来自练习 {r.parent_id} 的第 {r.parent_turn + 1} 回合" if r.parent_id is not None else "")
        click.echo(f"{r.id:>4}  {r.created_at}  {r.scenario_id:<20} {ljust(DIFFICULTY.get(r.difficulty, r.difficulty), 6)}"
                   f"{r.turns:>3} 回合  {status}{origin}")


def _compare(store, session_id: int, as_json: bool) -> None:
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.content.library import ContentError, load_library
    from trainer.core.judging.rubric import PRINCIPLES, principle_names
    from trainer.core.store.attempts import compare
    from trainer.core.store.db import StoreError
    try:
        c = compare(store, session_id, load_library())
    except (StoreError, ContentError) as e:
        fail(str(e).splitlines()[0], 1)
    if as_json:
        click.echo(dump_json(c.public()))
        return
    names = principle_names()
    rows = [("尝试", lambda a: f"#{a.row.id}"),
            ("重来自", lambda a: "-" if a.row.parent_id is None else f"#{a.row.parent_id} 第{a.row.parent_turn + 1}回合"),
            ("分岔回合", lambda a: "-" if a.diverged_at is None else f"第{a.diverged_at}回合"),
            ("结局", lambda a: RESULT_NAMES.get(a.outcome["result"], a.outcome["result"])),
            ("回收比例", lambda a: f"{a.outcome['recovered_ratio']:.0%}"),
            ("回合数", lambda a: str(len(a.session.turns))),
            ("问出原因", lambda a: "-" if a.session.reason_found_turn is None
             else f"第{a.session.reason_found_turn}回合"),
            ("总分", lambda a: str(a.score.total))]
    rows += [(names.get(key, key), (lambda k: lambda a: str(a.score.principles[k]))(key)) for key in PRINCIPLES]
    for label, cell in rows:
        click.echo(ljust(label, 14) + "".join(rjust(cell(a), 16) for a in c.attempts))
    for why in c.skipped:
        click.echo(f"跳过:{why}", err=True)


@click.command("resume")
@click.argument("session", required=False)
def resume(session: str | None) -> None:
    """在终端界面里继续未完成的练习 SESSION(不写则继续最近一次)。"""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.store.db import StoreError
    store = _open_store()
    try:
        row = store.find(session)
    except StoreError as e:
        fail(str(e), 1)
    if row.finished:
        fail(f"练习 {row.id} 已经结束({RESULT_NAMES.get(row.result or '', row.result)},{row.total} 分);"
             "`trainer history` 列出未完成的练习", 1)
    store.close()
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.cli.ui import open_ui
    open_ui(resume=row.id)


COMMANDS = [history, resume]
