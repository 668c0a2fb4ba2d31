"""Re-verifying N scorecards by replay vs replaying the same games directly.

    python bench/bench_leaderboard.py [N]

Writes N distinct cards (different trainees, teams, seeds and lines of play, some in free
Chinese text) to a temporary folder, then times `verify_all` over the folder. Baseline: the same
N games played straight from their move lists (the irreducible work of a replay). Target:
verify_all <= 1.5x the bare replays; reading + hashing the files is printed for scale.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from harness import Bench

from trainer.core.competition.leaderboard import verify_all
from trainer.core.competition.scorecard import replay, write_scorecard
from trainer.core.content.library import load_library
from trainer.core.engine.session import Session
from trainer.core.judging.rubric import load_rubric

LINES = [
    ["courtesy", "probe_reason", "verify_balance", "timing", "rebut_excuse", "ask_high_settle_middle",
     "deadline_pressure", "written_commitment", "timing"],
    ["courtesy", "verify_balance", "timing", "installment_plan", "written_commitment"],
    ["legal_warning", "empathize", "valuable_concession", "installment_plan", "persist", "persist", "persist"],
    ["您好周总,打扰了", "咱们先对一下账,一共三十八万对不对", "听说您昨天刚收到工程款", "今天是我们公司结账日",
     "那咱们把刚才说的写下来,您签个字"],
    ["direct_ask", "hostile", "apologize", "verify_balance", "conditional_concession", "written_commitment"],
]


def make_cards(folder: Path, n: int) -> None:
    lib = load_library()
    sc = lib.scenarios["fake-broke"]
    persona = lib.persona_for(sc)
    rubric = load_rubric()
    rng = random.Random(1)
    for i in range(n):
        line = list(LINES[i % len(LINES)])
        if rng.random() < 0.5:
            line.insert(rng.randrange(len(line)), rng.choice(["listen", "praise", "remind_due_date"]))
        s = Session(sc, persona, seed=i)
        for m in line:
            s.play(m)
        s.close()
        write_scorecard(s, folder / f"card{i:04d}.json", f"学员{i % 97}", f"第{i % 8 + 1}组", rubric)


def bare_replays(folder: Path) -> None:
    """Each card's game played and scored again, with no checks, comparison or ranking."""
    lib = load_library()
    rubric = load_rubric()
    for f in sorted(folder.glob("*.json")):
        replay(json.loads(f.read_text(encoding="utf-8")), lib, rubric)


def read_and_hash(folder: Path) -> None:
    for f in sorted(folder.glob("*.json")):
        hashlib.sha256(f.read_bytes()).hexdigest()


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    bench = Bench(f"leaderboard: re-verify {n} scorecards")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_cards(folder, n)
        t0 = time.perf_counter()
        read_and_hash(folder)
        t1 = time.perf_counter()
        bare_replays(folder)
        t2 = time.perf_counter()
        board = verify_all([str(folder)])
        t3 = time.perf_counter()
    assert not board.rejected, board.rejected[:3]
    bench.ratio("verify_all", (t3 - t2) * 1000, "bare replays", (t2 - t1) * 1000, 1.5)
    bench.info(f"{(t3 - t2) / n * 1000:.2f} ms per card; reading + hashing the files: {(t1 - t0) * 1000:.0f} ms "
               f"({(t3 - t2) / max(t1 - t0, 1e-9):.0f}x less than verifying)")
    bench.info(f"ranked {len(board.individuals)} individuals and {len(board.teams)} teams")
    return bench.done()


if __name__ == "__main__":
    sys.exit(main())
