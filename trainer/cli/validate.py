"""`trainer validate PATH...`: every problem as file:line:col: error|warning: message."""

from __future__ import annotations

import click

from trainer.cli.common import fail
from trainer.core.authoring.validate import expand, sorted_problems, validate_paths


@click.command("validate")
@click.argument("paths", nargs=-1, required=True)
@click.option("--quiet", "-q", is_flag=True, help="只列出错误")
@click.option("--strict", is_flag=True, help="警告也算错误(退出码 1)")
def validate(paths: tuple[str, ...], quiet: bool, strict: bool) -> None:
    """检查角色、场景、评分表和话术文件(或文件夹)。"""
    files, missing = expand(list(paths))
    if not files and not missing:
        fail("没有找到可检查的文件(.yaml / .yml):" + " ".join(paths), 1)
    problems = validate_paths(list(paths))
    for p in sorted_problems(problems):
        if quiet and p.severity != "error":
            continue
        click.echo(str(p))
    n_err, n_warn = len(problems.errors), len(problems.warnings)
    click.echo(f"{n_err} 个错误,{n_warn} 个警告", err=True)
    raise SystemExit(1 if n_err or (strict and n_warn) else 0)


COMMANDS = [validate]
