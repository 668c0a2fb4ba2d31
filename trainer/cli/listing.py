"""`trainer list`: the scenarios and personas found, where each comes from, and the files that failed."""

from __future__ import annotations

from typing import Any

import click

from trainer.cli.common import dump_json, ljust
from trainer.core.content.library import Entry, Library, load_library

#: up to this many content files, `list` loads and checks every one (so each broken file is named);
#: above it, `list` shows the index (a header scan per file) and says how to check them all
CHECK_MAX = 500
_ORIGIN_ZH = {"TRAINER_PATH": "TRAINER_PATH", "project": "项目", "package": "内置"}


def _where(lib: Library, kind: str, e: Entry) -> dict[str, Any]:
    """Where the item in use comes from, and the files of the same id it hides (those after it in search
    order; a file before it failed to load and is among the problems)."""
    same = lib.index[kind][e.id]
    hidden = same[same.index(e) + 1:] if e in same else lib.overrides(kind, e.id)
    return {"path": str(e.path.resolve()), "origin": e.origin,
            "overrides": [{"path": str(o.path.resolve()), "origin": o.origin} for o in hidden]}

DIFFICULTY = {"easy": "容易", "normal": "普通", "hard": "困难"}


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@click.option("--check/--no-check", default=None,
              help=f"逐个载入并检查每个文件(默认:文件不超过 {CHECK_MAX} 个时)")
def list_(as_json: bool, check: bool | None) -> None:
    """列出搜索路径上找到的场景和角色。"""
    lib = load_library()
    pe, se = lib.entries("personas"), lib.entries("scenarios")
    n_files = sum(len(v) for k in lib.index.values() for v in k.values())
    checked = check if check is not None else n_files <= CHECK_MAX
    if checked:
        lib.load_all()
    personas = []
    for e in pe:
        p = lib.personas.get(e.id) if checked else None
        if checked and p is None:
            continue  # every file of this id failed: it is in the problems
        personas.append({"id": e.id, "name": p.name if p else e.fields.get("name"),
                         "archetype": p.archetype if p else e.fields.get("archetype"),
                         "states": len(p.states) if p else None, "reactions": len(p.reactions) if p else None,
                         **_where(lib, "personas", lib.entry_of("personas", e.id) or e)})
    arche = {row["id"]: row["archetype"] for row in personas}
    scenarios = []
    for e in se:
        s = lib.scenarios.get(e.id)
        if s is None:
            continue
        scenarios.append({
            "id": s.id, "title": s.title, "persona": s.persona_id, "archetype": arche.get(s.persona_id),
            "debt_type": s.case.debt_type, "owed": s.case.owed, "days_overdue": s.case.days_overdue,
            "difficulty": s.difficulty, "turn_limit": s.turn_limit,
            **_where(lib, "scenarios", lib.entry_of("scenarios", e.id) or e)})
    problems = [str(p) for p in lib.problems if p.severity == "error"]
    if as_json:
        click.echo(dump_json({"scenarios": scenarios, "personas": personas, "problems": problems,
                              "checked": checked, "files": n_files}))
        return
    # columns padded by terminal cells: a Chinese character takes two
    click.echo("场景:")
    for row in scenarios:
        click.echo(f"  {row['id']:<22} {ljust(str(row['archetype'] or '?'), 10)} {ljust(str(row['debt_type']), 16)} "
                   f"{row['owed']:>10,}元 逾期{row['days_overdue']}天 "
                   f"{DIFFICULTY.get(str(row['difficulty']), row['difficulty'])}  {row['title']}{_origin(row)}")
    click.echo("角色:")
    for row in personas:
        click.echo(f"  {row['id']:<22} {ljust(str(row['archetype'] or '?'), 10)} {row['name'] or '?'}{_origin(row)}")
    if not checked:
        click.echo(f"(共 {n_files} 个文件,只读了文件头,没有逐个检查;完整检查: trainer list --check 或 trainer validate 目录)")
    if problems:
        click.echo(f"有问题的文件({len(problems)} 个),已跳过:", err=True)
        for pr in problems:
            click.echo(pr, err=True)


def _origin(item: dict[str, Any]) -> str:
    if item["origin"] != "TRAINER_PATH" and not item["overrides"]:
        return ""
    over = item["overrides"]
    tag = f"  [{_ORIGIN_ZH.get(item['origin'], item['origin'])}"
    if over:
        tag += f" 覆盖{_ORIGIN_ZH.get(over[0]['origin'], over[0]['origin'])} {over[0]['path']}"
    return tag + "]"


COMMANDS = [list_]
