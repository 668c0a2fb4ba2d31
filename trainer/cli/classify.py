"""`trainer classify`: recognise the tactic of free text."""

from __future__ import annotations

import click

from .common import dump_json


@click.command("classify")
@click.argument("texts", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="print a JSON array")
def classify(texts: tuple[str, ...], as_json: bool) -> None:
    """Recognise the tactic of each TEXT."""
    from ..core.recognise import default_recogniser
    rec = default_recogniser()
    out = []
    for t in texts:
        r = rec.classify(t)
        out.append({"text": t, "tactic": r.tactic, "confidence": r.confidence,
                    "alternatives": [{"tactic": a, "confidence": c} for a, c in r.alternatives]})
    if as_json:
        click.echo(dump_json(out))
    else:
        for o in out:
            click.echo(f"{o['tactic'] or '-':<24} {o['confidence']:.2f}  {o['text']}")


COMMANDS = [classify]
