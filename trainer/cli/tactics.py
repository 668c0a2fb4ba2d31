"""`trainer tactics`: the tactic catalogue (id, 中文名, group, course source, example line)."""

from __future__ import annotations

import click

from trainer.cli.common import dump_json, ljust


@click.command("tactics")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
def tactics(as_json: bool) -> None:
    """列出全部招式:编号、中文名、招式组、课程出处、示例话术。"""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.content import catalogue
    rows = [{"id": t.id, "name": t.name, "group": t.group, "course": t.source, "example": t.example}
            for t in catalogue.TACTICS]
    if as_json:
        click.echo(dump_json(rows))
        return
    width = max(len(t.id) for t in catalogue.TACTICS) + 2
    for group in catalogue.GROUPS:
        click.echo(f"{group} · {catalogue.GROUP_NAMES[group]}")
        for t in catalogue.TACTICS:
            if t.group == group:
                click.echo(f"  {t.id:<{width}}{ljust(t.name, 26)}{t.source}")
                click.echo(f"  {'':<{width}}例:{t.example}")
    click.echo(f"共 {len(rows)} 个招式。移动文件(--moves)里每行写一个编号,或直接写中文话术。")


COMMANDS = [tactics]
