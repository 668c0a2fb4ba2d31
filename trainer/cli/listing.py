"""`trainer list`: the scenarios and personas found."""

from __future__ import annotations

import os

import click

from trainer.cli.common import dump_json, ljust
from trainer.core.content.library import load_library

DIFFICULTY = {"easy": "容易", "normal": "普通", "hard": "困难"}


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
def list_(as_json: bool) -> None:
    """列出搜索路径上找到的场景和角色。"""
    lib = load_library()
    scenarios = [{
        "id": s.id, "title": s.title, "persona": s.persona_id,
        "archetype": lib.personas[s.persona_id].archetype if s.persona_id in lib.personas else None,
        "debt_type": s.case.debt_type, "owed": s.case.owed, "days_overdue": s.case.days_overdue,
        "difficulty": s.difficulty, "turn_limit": s.turn_limit, "path": os.path.abspath(s.path),
    } for s in sorted(lib.scenarios.values(), key=lambda s: s.id)]
    personas = [{"id": p.id, "name": p.name, "archetype": p.archetype, "states": len(p.states),
                 "reactions": len(p.reactions), "path": os.path.abspath(p.path)}
                for p in sorted(lib.personas.values(), key=lambda p: p.id)]
    if as_json:
        click.echo(dump_json({"scenarios": scenarios, "personas": personas,
                              "problems": [str(p) for p in lib.problems]}))
        return
    # columns padded by terminal cells: a Chinese character takes two
    click.echo("场景:")
    for s in scenarios:
        click.echo(f"  {s['id']:<22} {ljust(str(s['archetype'] or '?'), 10)} {ljust(str(s['debt_type']), 16)} "
                   f"{s['owed']:>10,}元 逾期{s['days_overdue']}天 {DIFFICULTY.get(str(s['difficulty']), s['difficulty'])}  {s['title']}")
    click.echo("角色:")
    for p in personas:
        click.echo(f"  {p['id']:<22} {ljust(str(p['archetype']), 10)} {p['name']}")
    for pr in lib.problems:
        click.echo(str(pr), err=True)


COMMANDS = [list_]
