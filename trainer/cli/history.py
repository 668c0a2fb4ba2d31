"""`trainer history` and `trainer resume`: the local store of sessions (no textual import here)."""

from __future__ import annotations

import click

from trainer.cli.common import dump_json, fail


def _open_store():
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.store.db import Store, StoreError
    try:
        return Store()
    except StoreError as e:
        fail(str(e), 1)


@click.command("history")
@click.option("--json", "as_json", is_flag=True, help="print the sessions as JSON")
@click.option("--compare", "compare_id", type=int, metavar="SESSION",
              help="SESSION and every other attempt of it side by side: outcome, principle scores, divergence turn")
def history(as_json: bool, compare_id: int | None) -> None:
    """Past and unfinished sessions from the local store, with their turn counts."""
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
        click.echo("no sessions yet — run `trainer` to start one")
        return
    for r in rows:
        status = f"{r.result} {r.total}" if r.finished else "unfinished"
        origin = f"  ← retry of {r.parent_id} from turn {r.parent_turn + 1}" if r.parent_id is not None else ""
        click.echo(f"{r.id:>4}  {r.created_at}  {r.scenario_id:<20} {r.difficulty:<6} {r.turns:>3} turns  {status}"
                   f"{origin}")


def _compare(store, session_id: int, as_json: bool) -> None:
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.content.library import ContentError, load_library
    from trainer.core.judging.rubric import PRINCIPLES
    from trainer.core.store.attempts import compare
    from trainer.core.store.db import StoreError
    try:
        c = compare(store, session_id, load_library())
    except (StoreError, ContentError) as e:
        fail(str(e).splitlines()[0], 1)
    if as_json:
        click.echo(dump_json(c.public()))
        return
    rows = [("attempt", lambda a: f"#{a.row.id}"),
            ("from", lambda a: "-" if a.row.parent_id is None else f"#{a.row.parent_id} t{a.row.parent_turn + 1}"),
            ("diverged at", lambda a: "-" if a.diverged_at is None else f"turn {a.diverged_at}"),
            ("result", lambda a: a.outcome["result"]),
            ("recovered", lambda a: f"{a.outcome['recovered_ratio']:.0%}"),
            ("turns", lambda a: str(len(a.session.turns))),
            ("reason found", lambda a: "-" if a.session.reason_found_turn is None
             else f"turn {a.session.reason_found_turn}"),
            ("total", lambda a: str(a.score.total))]
    rows += [(key, (lambda k: lambda a: str(a.score.principles[k]))(key)) for key in PRINCIPLES]
    for label, cell in rows:
        click.echo(f"{label:<13}" + "".join(f"{cell(a):>14}" for a in c.attempts))
    for why in c.skipped:
        click.echo(f"skipped: {why}", err=True)


@click.command("resume")
@click.argument("session", required=False)
def resume(session: str | None) -> None:
    """Continue an unfinished SESSION in the terminal UI (the latest if none is named)."""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.store.db import StoreError
    store = _open_store()
    try:
        row = store.find(session)
    except StoreError as e:
        fail(str(e), 1)
    if row.finished:
        fail(f"session {row.id} is already finished ({row.result}, {row.total} points); "
             "`trainer history` lists the unfinished ones", 1)
    store.close()
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.cli.ui import open_ui
    open_ui(resume=row.id)


COMMANDS = [history, resume]
