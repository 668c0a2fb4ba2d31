"""`trainer classify`: recognise the tactics and slots of free text, or evaluate a labelled file."""

from __future__ import annotations

import datetime as dt

import click

from trainer.cli.common import dump_json, fail
from trainer.core.content.oserror import os_reason

MAX_FILE = 8 * 1024 * 1024


def _as_json(text: str, r) -> dict:
    return {"text": text, "tactic": r.tactic, "confidence": r.confidence,
            "alternatives": [{"tactic": a, "confidence": c} for a, c in r.alternatives], **r.heard()}


def _today(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"trainer: --today 要一个日期 YYYY-MM-DD,收到的是 '{value}'", 2)
    return None  # pragma: no cover - fail exits


@click.command("classify")
@click.argument("texts", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="输出 JSON 数组")
@click.option("--today", metavar="YYYY-MM-DD", help="相对日期(明天、这周五)以哪天为准(默认:今天)")
@click.option("--eval", "eval_file", metavar="FILE",
              help="用标注文件评估:每行「招式<TAB>话术」的 .tsv,或 tests/data/eval 的 JSONL(含招式、金额、日期、条件、让步)")
@click.option("--summary", is_flag=True,
              help="与 --eval 同用:只给数字,不列任何一句原话(读留出集时用,免得看到漏判的句子)")
def classify(texts: tuple[str, ...], as_json: bool, today: str | None, eval_file: str | None, summary: bool) -> None:
    """识别每句话术 TEXT 里的招式、金额、日期、条件和让步。"""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.language.recognise import default_recogniser

    day = _today(today)
    if eval_file:
        _evaluate(eval_file, as_json, day, summary)
        return
    if summary:
        fail("trainer: --summary 只和 --eval FILE 一起用", 2)
    if not texts:
        fail("trainer: 请至少给一句要识别的话(或用 --eval FILE)", 2)
    rec = default_recogniser()
    out = [_as_json(t, r) for t, r in zip(texts, rec.classify_many(list(texts), day), strict=True)]
    if as_json:
        click.echo(dump_json(out))
        return
    for o in out:
        alts = ", ".join(f"{a['tactic']} {a['confidence']:.2f}" for a in o["alternatives"])
        extra = [" + ".join(o["acts"][1:])] if len(o["acts"]) > 1 else []
        extra += [f"¥{a:,}" for a in o["amounts"]] + list(o["dates"])
        extra += ["有条件"] * o["conditional"] + ["让步"] * o["concession"]
        click.echo(f"{o['tactic'] or '-':<24} {o['confidence']:.2f}  {o['text']}"
                   + (f"   [{' · '.join(extra)}]" if extra else "") + (f"   ({alts})" if alts else ""))


def _evaluate(path: str, as_json: bool, day: dt.date | None, summary: bool = False) -> None:
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.language.recognise import (
        default_recogniser,
        format_report,
        read_jsonl,
        read_labelled,
        rows_from_tsv,
        score_rows,
    )

    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE + 1)
        if len(data) > MAX_FILE:
            fail(f"{path}: 文件超过 8 MB", 2)
        text = data.decode("utf-8-sig")
        first = next((line for line in text.splitlines() if line.strip()), "")
        rows = read_jsonl(text, path) if first.lstrip().startswith("{") else rows_from_tsv(read_labelled(text, path))
    except UnicodeDecodeError:
        fail(f"{path}: 不是有效的 UTF-8,请另存为 UTF-8", 2)
    except OSError as e:
        fail(f"{path}: 无法读取({os_reason(e)})", 2)
    except ValueError as e:
        fail(str(e), 2)
    # the evaluation sets are labelled against their own reference date (tests/data/eval/README.md)
    got = default_recogniser().classify_many([r["text"] for r in rows], day)
    report = score_rows(rows, got)
    conf = _confusions(report["misses"])
    if summary:  # a held-out set is read by its figures only: no line of it on the screen (stop 39)
        del report["misses"]
        conf = [{k: v for k, v in c.items() if k != "examples"} for c in conf]
    if as_json:
        report["accuracy"] = report["main_accuracy"]  # the old TSV report's names, kept
        report["correct"] = report["main_correct"]
        report["confusions"] = conf
        click.echo(dump_json(report))
        return
    click.echo(format_report(report))
    if conf and not summary:
        click.echo("混淆 (标注 → 识别, 次数, 例句):")
        for c in conf:
            click.echo(f"  {c['label']} → {c['predicted']}  {c['count']}  " + " | ".join(c["examples"]))


def _confusions(misses: list[dict]) -> list[dict]:
    by: dict[tuple[str, str], list[str]] = {}
    for m in misses:
        by.setdefault((m["want"] or "null", m["got"] or "null"), []).append(m["text"])
    ranked = sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [{"label": lab, "predicted": pred, "count": len(ex), "examples": ex[:3]} for (lab, pred), ex in ranked]


COMMANDS = [classify]
