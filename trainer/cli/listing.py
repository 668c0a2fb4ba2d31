"""`trainer list`: the scenarios and personas found."""

from __future__ import annotations

import click

from trainer.cli.common import dump_json
from trainer.core.content.library import load_library


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def list_(as_json: bool) -> None:
    """List the scenarios and personas found on the search path."""
    lib = load_library()
    scenarios = [{
        "id": s.id, "title": s.title, "persona": s.persona_id,
        "archetype": lib.personas[s.persona_id].archetype if s.persona_id in lib.personas else None,
        "debt_type": s.case.debt_type, "owed": s.case.owed, "days_overdue": s.case.days_overdue,
        "difficulty": s.difficulty, "turn_limit": s.turn_limit, "path": s.path,
    } for s in sorted(lib.scenarios.values(), key=lambda s: s.id)]
    personas = [{"id": p.id, "name": p.name, "archetype": p.archetype, "states": len(p.states),
                 "reactions": len(p.reactions), "path": p.path}
                for p in sorted(lib.personas.values(), key=lambda p: p.id)]
    if as_json:
        click.echo(dump_json({"scenarios": scenarios, "personas": personas,
                              "problems": [str(p) for p in lib.problems]}))
        return
    click.echo("场景 scenarios:")
    for s in scenarios:
        click.echo(f"  {s['id']:<22} {s['archetype'] or '?':<6} {s['debt_type']:<10} {s['owed']:>10,}元 "
                   f"逾期{s['days_overdue']}天 [{s['difficulty']}]  {s['title']}")
    click.echo("角色 personas:")
    for p in personas:
        click.echo(f"  {p['id']:<22} {p['archetype']:<6} {p['name']}")
    for pr in lib.problems:
        click.echo(str(pr), err=True)


COMMANDS = [list_]
