"""`trainer validate PATH...`: every problem as file:line:col: error|warning: message."""

from __future__ import annotations

import click

from trainer.core.authoring.validate import sorted_problems, validate_paths


@click.command("validate")
@click.argument("paths", nargs=-1, required=True)
@click.option("--quiet", "-q", is_flag=True, help="print errors only")
@click.option("--strict", is_flag=True, help="warnings count as errors (exit 1)")
def validate(paths: tuple[str, ...], quiet: bool, strict: bool) -> None:
    """Check persona, scenario, rubric and phrase files or folders."""
    problems = validate_paths(list(paths))
    for p in sorted_problems(problems):
        if quiet and p.severity != "error":
            continue
        click.echo(str(p))
    n_err, n_warn = len(problems.errors), len(problems.warnings)
    click.echo(f"{n_err} error{'s' if n_err != 1 else ''}, {n_warn} warning{'s' if n_warn != 1 else ''}", err=True)
    raise SystemExit(1 if n_err or (strict and n_warn) else 0)


COMMANDS = [validate]
