"""`trainer classify`: recognise the tactic of free text, or evaluate a labelled file."""

from __future__ import annotations

import click

from trainer.cli.common import dump_json, fail


def _as_json(text: str, r) -> dict:
    return {"text": text, "tactic": r.tactic, "confidence": r.confidence,
            "alternatives": [{"tactic": a, "confidence": c} for a, c in r.alternatives]}


@click.command("classify")
@click.argument("texts", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="输出 JSON 数组")
@click.option("--eval", "eval_file", metavar="FILE.tsv",
              help="用标注文件评估(每行:招式<TAB>话术):准确率和混淆")
def classify(texts: tuple[str, ...], as_json: bool, eval_file: str | None) -> None:
    """识别每句话术 TEXT 属于哪个招式。"""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.language.recognise import default_recogniser

    if eval_file:
        _evaluate(eval_file, as_json)
        return
    if not texts:
        fail("trainer: give at least one TEXT to classify (or --eval FILE.tsv)", 2)
    rec = default_recogniser()
    out = [_as_json(t, r) for t, r in zip(texts, rec.classify_many(list(texts)), strict=True)]
    if as_json:
        click.echo(dump_json(out))
        return
    for o in out:
        alts = ", ".join(f"{a['tactic']} {a['confidence']:.2f}" for a in o["alternatives"])
        click.echo(f"{o['tactic'] or '-':<24} {o['confidence']:.2f}  {o['text']}" + (f"   ({alts})" if alts else ""))


def _evaluate(path: str, as_json: bool) -> None:
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.language.recognise import default_recogniser, evaluate, read_labelled

    try:
        with open(path, "rb") as fh:
            data = fh.read(8 * 1024 * 1024 + 1)
        if len(data) > 8 * 1024 * 1024:
            fail(f"{path}: larger than 8 MB", 2)
        rows = read_labelled(data.decode("utf-8-sig"), path)
    except UnicodeDecodeError:
        fail(f"{path}: not valid UTF-8", 2)
    except OSError as e:
        fail(f"{path}: cannot read: {e.strerror or e}", 2)
    except ValueError as e:
        fail(str(e), 2)
    report = evaluate(default_recogniser(), rows)
    if as_json:
        click.echo(dump_json(report))
        return
    click.echo(f"accuracy: {report['accuracy']:.1%} ({report['correct']}/{report['total']})")
    if report["confusions"]:
        click.echo("confusions (label → predicted, count, examples):")
    for c in report["confusions"]:
        click.echo(f"  {c['label']} → {c['predicted']}  {c['count']}  " + " | ".join(c["examples"]))


COMMANDS = [classify]
