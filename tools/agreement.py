"""How far do labellers agree on the acts of a line? (python tools/agreement.py [--cv])

tests/data/agreement/lines.jsonl: 200 lines of tests/data/dev_multi.jsonl (150 of two to four acts, 50 of one or
none) with the acts their writer gave them; labeller1/2.jsonl: the same lines labelled again, independently, by two
course-only labellers who saw only the text. Per pair: main act agreement, and act agreement as Dice (2|A∩B| /
(|A|+|B|), over every act of every line; per act where it occurs 8 times or more). ``--cv`` adds the recogniser,
each line heard by a model trained without it (5-fold, as `train --cv`; takes a few minutes).
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "agreement"


def load(name: str) -> dict[int, list[str]]:
    return {r["id"]: r["acts"] for r in map(json.loads, (DATA / name).read_text(encoding="utf-8").splitlines())}


def agreement(a: dict[int, list[str]], b: dict[int, list[str]]) -> tuple[float, float, dict[str, float]]:
    both, na, nb = Counter(), Counter(), Counter()
    main = 0
    for i, acts in a.items():
        x, y = set(acts), set(b.get(i, []))
        main += acts[:1] == b.get(i, [])[:1]
        na.update(x)
        nb.update(y)
        both.update(x & y)
    per = {k: 2 * both[k] / (na[k] + nb[k]) for k in set(na) | set(nb) if na[k] + nb[k] >= 8}
    return main / len(a), 2 * sum(both.values()) / (sum(na.values()) + sum(nb.values())), per


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cv", action="store_true")
    args = ap.parse_args()
    lines = [json.loads(x) for x in (DATA / "lines.jsonl").read_text(encoding="utf-8").splitlines()]
    who = {"writer": {r["id"]: r["writer"] for r in lines}, "labeller 1": load("labeller1.jsonl"),
           "labeller 2": load("labeller2.jsonl")}
    if args.cv:
        # deferred: only --cv needs the recogniser and its cross-validation
        from trainer.core.language import train

        rows, got = train.cv_recognitions(train.ROOT)
        heard = {str(r["text"]): list(g.acts) for r, g in zip(rows, got, strict=True)}
        who["recogniser (5-fold)"] = {r["id"]: heard.get(r["text"], []) for r in lines}
    names = list(who)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            m, dice, per = agreement(who[a], who[b])
            low = sorted(per.items(), key=lambda kv: (kv[1], kv[0]))
            print(f"{a} vs {b}: main act {m:.1%}, acts (Dice) {dice:.1%}; acts below 85%: "
                  f"{sum(v < 0.85 for _, v in low)} of {len(low)}")
            print("    " + ", ".join(f"{k} {v:.0%}" for k, v in low[:10]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
