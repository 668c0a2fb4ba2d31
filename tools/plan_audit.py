"""What the signed plan carries against what the trainee said: lines of play (YAML: scenario, lines[name, band, moves]),
each course-right line played once (seed 1); every item of its 回收计划表 is an amount the trainee named, near one
(within --near of it, but not it: the persona's share where his own figure was meant), or another.

    python tools/plan_audit.py tests/data/dev_play            # the development lines: tally, then each near miss
    python tools/plan_audit.py tests/data/dev_play --near 0.01

Issue 19 asks that when the debtor agrees, the outcome and the plan carry the trainee's amounts; a near miss is where
they do not (stop 53: quality-dispute signed 58.88万 for the trainee's 58.8万; bad-debt-signs' goods at the persona's
21.84万 where the trainee counted 21.6万).
"""
from __future__ import annotations

import argparse
import collections
import glob
from pathlib import Path

import yaml

from trainer.core.content.library import load_library
from trainer.core.judging.result import play_moves


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--near", type=float, default=0.03, help="how close (a share of the amount) counts as near")
    args = ap.parse_args()
    lib = load_library()
    tally: collections.Counter[str] = collections.Counter()
    misses: list[str] = []
    for path in sorted(glob.glob(str(Path(args.folder) / "*.yaml"))):
        doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        scenario = lib.scenarios[doc["scenario"]]
        persona = lib.persona_for(scenario)
        for line in doc["lines"]:
            if line.get("band") != "right":
                continue
            session, _ = play_moves(scenario, persona, [str(m) for m in line["moves"]], seed=1)
            outcome = session.outcome
            if outcome is None or not outcome.plan:
                continue
            tally["lines with a plan"] += 1
            named = {a for turn in session.turns for a in (turn.amounts or ())}
            for item in outcome.plan:
                amount = item["amount"]
                near = sorted(n for n in named if n != amount and abs(n - amount) <= args.near * max(n, amount))
                if amount in named:
                    tally["items the trainee named"] += 1
                elif near:
                    tally["near misses"] += 1
                    misses.append(f"{doc['scenario']:20s} {line['name']:24s} {outcome.state:18s} plan {amount:>9,} "
                                  f"named {', '.join(f'{n:,}' for n in near)}")
                else:
                    tally["other items"] += 1
    print(", ".join(f"{k} {v}" for k, v in tally.items()))
    print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
