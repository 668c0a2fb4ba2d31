"""The held-out read, in figures only: no line of a held-out set is ever printed (tests/data/eval/README.md).

    python tools/heldout.py                                  # every sentence set and every folder of lines of play
    python tools/heldout.py --leave-out sentences30 play32   # sets written this stop and not to be read yet
    python tools/heldout.py --sentences-only                 # (or --play-only)
    python tools/heldout.py --json                           # the same figures as one JSON object

Why a tool (stop 56): the protocol — read a fresh set once, before any change, then only after the last change to the
hearing, and count the looks — was run for thirty stops from scripts outside the repository; the next engineer must be
able to repeat a read exactly, and a script that prints aggregates only is how a held-out set stays unread.

Sentences (``tests/data/eval/sentences*.jsonl``, not the labellers' re-labellings): per set the main act and small talk
heard hostile; pooled over every set, the main act, the acts with recall >= 85% (every act of every line, as
``trainer classify --eval``), the slots, hostile recall and lawful lines called hostile; for the newest set (by number),
the same and its rude and unlawful lines heard hostile. Lines of play (``tests/data/eval/play``, ``play2`` …): per
folder, course-right lines whose median score over seeds 1-5 is >= 85, and unlawful lines whose median 有法 is below
100. All sets are read against their reference date, 2026-12-01 (sentences) or the scenario's date (play).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from trainer.core.content.library import load_library
from trainer.core.judging.result import play_medians
from trainer.core.language.recognise import default_recogniser, read_jsonl, score_rows

EVAL = Path("tests/data/eval")
TODAY = dt.date(2026, 12, 1)
RIGHT = 85  # a course-right line of play reaches this score
HOSTILE = "hostile"


def _number(path: Path) -> int:
    m = re.search(r"(\d+)$", path.stem)  # sentences29.jsonl, play29
    return int(m.group(1)) if m else 1


def sentence_sets(leave_out: set[str]) -> list[Path]:
    return sorted((p for p in EVAL.glob("sentences*.jsonl")
                   if re.fullmatch(r"sentences\d*", p.stem) and p.stem not in leave_out), key=_number)


def play_folders(leave_out: set[str]) -> list[Path]:
    return sorted((p for p in EVAL.glob("play*") if p.is_dir() and re.fullmatch(r"play\d*", p.name)
                   and p.name not in leave_out), key=_number)


def _hostility(rows: list[dict[str, Any]], heard: list[Any]) -> dict[str, list[int]]:
    """Per kind of line, [lines, heard hostile]: gold-hostile lines by their kind (rude, unlawful …), small talk (no
    act), and lawful lines (an act, none hostile)."""
    out: dict[str, list[int]] = {}
    for row, r in zip(rows, heard, strict=True):
        acts = list(row.get("acts", []))
        kind = str(row.get("kind", "?")) if HOSTILE in acts else ("small talk" if not acts else "lawful")
        tally = out.setdefault(kind, [0, 0])
        tally[0] += 1
        tally[1] += HOSTILE in r.acts
    return out


def _figures(rows: list[dict[str, Any]], heard: list[Any]) -> dict[str, Any]:
    rep = score_rows(rows, heard)
    recall = {a: v["recall"] for a, v in rep["per_act"].items() if v["gold"]}
    host = _hostility(rows, heard)
    gold_hostile = rep["per_act"].get(HOSTILE, {"gold": 0, "recall": 0.0})
    return {
        "lines": rep["total"], "main_correct": rep["main_correct"], "main_accuracy": rep["main_accuracy"],
        "acts_at_85": sum(v >= 0.85 for v in recall.values()), "acts": len(recall),
        "below_85": {a: v for a, v in sorted(recall.items(), key=lambda kv: kv[1]) if v < 0.85},
        "slots": {f: v["accuracy"] for f, v in rep["slots"].items() if v["total"]},
        "hostile_recall": gold_hostile["recall"] if gold_hostile["gold"] else None,
        "small_talk_hostile": host.get("small talk", [0, 0])[::-1],
        "lawful_hostile": host.get("lawful", [0, 0])[::-1],
        "by_kind": {k: v[::-1] for k, v in sorted(host.items()) if k not in ("small talk", "lawful")},
    }


def read_sentences(leave_out: set[str]) -> dict[str, Any]:
    rec = default_recogniser()
    sets = sentence_sets(leave_out)
    pooled_rows: list[dict[str, Any]] = []
    pooled_heard: list[Any] = []
    per_set: dict[str, Any] = {}
    for path in sets:
        rows = read_jsonl(path.read_text(encoding="utf-8"), str(path))
        heard = rec.classify_many([str(r["text"]) for r in rows], TODAY)
        per_set[path.stem] = _figures(rows, heard)
        pooled_rows += rows
        pooled_heard += heard
    return {"sets": per_set, "pooled": _figures(pooled_rows, pooled_heard) if pooled_rows else None,
            "newest": sets[-1].stem if sets else None}


def read_play(leave_out: set[str]) -> dict[str, Any]:
    lib = load_library()
    out: dict[str, Any] = {}
    for folder in play_folders(leave_out):
        right = [0, 0]
        unlawful = [0, 0]
        below: list[str] = []
        for f in sorted(folder.glob("*.yaml")):
            doc = yaml.safe_load(f.read_text(encoding="utf-8"))
            sc = lib.scenarios[doc["scenario"]]
            persona = lib.persona_for(sc)
            for line in doc["lines"]:
                band = str(line["band"])
                if band not in ("right", "unlawful"):
                    continue
                med = play_medians(sc, persona, [str(m) for m in line["moves"]])
                if band == "right":
                    ok = med.score >= RIGHT
                    right[0] += ok
                    right[1] += 1
                    if not ok:  # the scenario, the line's name and its score: never its words
                        below.append(f"{doc['scenario']} {line['name']} {med.score:.0f}")
                else:
                    unlawful[0] += med.lawful < 100
                    unlawful[1] += 1
        out[folder.name] = {"course_right_at_85": right, "unlawful_costing_lawful": unlawful, "below_85": below}
    return out


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{v:.1%}"


def report(sent: dict[str, Any] | None, play: dict[str, Any] | None) -> str:
    lines: list[str] = []
    if sent and sent["pooled"]:
        for name, f in sent["sets"].items():
            st = f["small_talk_hostile"]
            lines.append(f"{name:14s} main act {_pct(f['main_accuracy'])} ({f['main_correct']}/{f['lines']})"
                         f"  small talk heard hostile {st[0]}/{st[1]}")
        for title, f in (("POOLED", sent["pooled"]), (f"NEWEST {sent['newest']}", sent["sets"][sent["newest"]])):
            lines += [
                f"{title}: main act {_pct(f['main_accuracy'])} ({f['main_correct']}/{f['lines']}); acts >= 85% "
                f"{f['acts_at_85']} of {f['acts']}; hostile recall {_pct(f['hostile_recall'])}",
                "  below 85%: " + ", ".join(f"{a} {_pct(v)}" for a, v in f["below_85"].items()),
                "  slots: " + ", ".join(f"{k} {_pct(v)}" for k, v in f["slots"].items()),
                f"  small talk heard hostile {f['small_talk_hostile'][0]}/{f['small_talk_hostile'][1]}; lawful lines "
                f"called hostile {f['lawful_hostile'][0]}/{f['lawful_hostile'][1]}; hostile heard by kind "
                + ", ".join(f"{k} {a}/{b}" for k, (a, b) in f["by_kind"].items()),
            ]
    if play:
        ok = n = 0
        for name, f in play.items():
            (a, b), (c, d) = f["course_right_at_85"], f["unlawful_costing_lawful"]
            ok, n = ok + a, n + b
            lines.append(f"{name:8s} course-right >= 85: {a}/{b}" + (f"  unlawful costing 有法: {c}/{d}" if d else "")
                         + (f"  below: {'; '.join(f['below_85'])}" if f["below_85"] else ""))
        lines.append(f"ALL PLAY course-right >= 85: {ok}/{n}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="held-out figures, never a line")
    ap.add_argument("--leave-out", nargs="*", default=[], metavar="SET",
                    help="sets not to read (e.g. sentences30 play32: written this stop, read at the next)")
    only = ap.add_mutually_exclusive_group()
    only.add_argument("--sentences-only", action="store_true")
    only.add_argument("--play-only", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    leave = set(a.leave_out)
    sent = None if a.play_only else read_sentences(leave)
    play = None if a.sentences_only else read_play(leave)
    if a.json:
        print(json.dumps({"sentences": sent, "play": play}, ensure_ascii=False, indent=1))
    else:
        print(report(sent, play))
    return 0


if __name__ == "__main__":
    sys.exit(main())
