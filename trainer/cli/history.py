"""`trainer history` and `trainer resume`: the local store of sessions (no textual import here)."""

from __future__ import annotations

import click

from .common import dump_json, fail


def _open_store():
    from ..core.store import Store, StoreError
    try:
        return Store()
    except StoreError as e:
        fail(str(e), 1)


@click.command("history")
@click.option("--json", "as_json", is_flag=True, help="print the sessions as JSON")
def history(as_json: bool) -> None:
    """Past and unfinished sessions from the local store, with their turn counts."""
    store = _open_store()
    rows = store.sessions()
    if as_json:
        click.echo(dump_json({"home": str(store.path.parent), "sessions": [r.public() for r in rows],
                              "unfinished": sum(1 for r in rows if not r.finished)}))
        return
    if not rows:
        click.echo("no sessions yet — run `trainer` to start one")
        return
    for r in rows:
        status = f"{r.result} {r.total}" if r.finished else "unfinished"
        click.echo(f"{r.id:>4}  {r.created_at}  {r.scenario_id:<20} {r.difficulty:<6} {r.turns:>3} turns  {status}")


@click.command("resume")
@click.argument("session", required=False)
def resume(session: str | None) -> None:
    """Continue an unfinished SESSION in the terminal UI (the latest if none is named)."""
    from ..core.store import StoreError
    store = _open_store()
    try:
        row = store.find(session)
    except StoreError as e:
        fail(str(e), 1)
    if row.finished:
        fail(f"session {row.id} is already finished ({row.result}, {row.total} points); "
             "`trainer history` lists the unfinished ones", 1)
    store.close()
    from .ui import open_ui
    open_ui(resume=row.id)


COMMANDS = [history, resume]
