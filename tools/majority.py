"""Held-out act labels by majority of three readers (python tools/majority.py [--set sentences2] [--write]).

tests/data/eval/sentences.jsonl carries its writer's acts; labeller1/2.jsonl the same 311 texts labelled again,
independently, by two course-only labellers who saw only the text (never the writer's labels, the recogniser or its
output). An act is in the majority labels when at least two of the three readers name it; the main act is the one at
least two put first (else the writer's). Slots are the writer's. Prints the pairwise agreement; ``--write`` writes
tests/data/eval/sentences.majority.jsonl, for `trainer classify --eval`. ``--set sentences2``: the second held-out
set, its labellers' files sentences2.labeller1/2.jsonl, its majority file sentences2.majority.jsonl.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "data" / "eval"
sys.path.insert(0, str(ROOT / "tools"))
from agreement import agreement  # noqa: E402


def labels(name: str) -> dict[int, list[str]]:
    return {r["id"]: r["acts"] for r in map(json.loads, (EVAL / name).read_text(encoding="utf-8").splitlines())}


def majority(readers: list[list[str]]) -> list[str]:
    votes = Counter(a for acts in readers for a in set(acts))
    kept = [a for a in dict.fromkeys(a for acts in readers for a in acts) if votes[a] >= 2]
    firsts = Counter(acts[0] for acts in readers if acts)
    top = [a for a, n in firsts.most_common() if n >= 2]
    main = top[0] if top else (readers[0][0] if readers[0] else None)
    if main is None or main not in kept:
        return kept
    return [main] + [a for a in kept if a != main]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--set", default="sentences", choices=("sentences", "sentences2", "sentences17"))
    args = ap.parse_args()
    rows = [json.loads(x) for x in (EVAL / f"{args.set}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    writer = {i: r["acts"] for i, r in enumerate(rows)}
    prefix = "" if args.set == "sentences" else f"{args.set}."
    l1, l2 = labels(f"{prefix}labeller1.jsonl"), labels(f"{prefix}labeller2.jsonl")
    for name, a, b in (("writer vs labeller 1", writer, l1), ("writer vs labeller 2", writer, l2),
                       ("labeller 1 vs labeller 2", l1, l2)):
        m, d, per = agreement(a, b)
        low = sorted((v, k) for k, v in per.items() if v < 0.85)
        print(f"{name}: main act {m:.1%}, acts (Dice) {d:.1%}; {len(low)} of {len(per)} acts below 85%"
              + (": " + ", ".join(f"{k} {v:.0%}" for v, k in low) if low else ""))
    out = [dict(r, acts=majority([writer[i], l1[i], l2[i]])) for i, r in enumerate(rows)]
    changed = sum(o["acts"] != r["acts"] for o, r in zip(out, rows, strict=True))
    print(f"majority labels differ from the writer's on {changed} of {len(rows)} lines")
    if args.write:
        (EVAL / f"{args.set}.majority.jsonl").write_text(
            "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
