"""Time to re-verify 1,000 scorecards by replay (target: ≤ 10 s on a 2-core machine).

    python bench/bench_leaderboard.py [N]

Writes N distinct cards (different trainees, teams, seeds and lines of play, some in free
Chinese text) to a temporary folder, then times `verify_all` over the folder.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from trainer.core.content import load_library
from trainer.core.leaderboard import verify_all
from trainer.core.rubric import load_rubric
from trainer.core.scorecard import write_scorecard
from trainer.core.session import Session

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


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        make_cards(folder, n)
        t1 = time.perf_counter()
        board = verify_all([str(folder)])
        t2 = time.perf_counter()
    assert not board.rejected, board.rejected[:3]
    print(f"wrote {n} scorecards in {t1 - t0:.2f} s")
    print(f"re-verified {len(board.accepted)} scorecards by replay in {t2 - t1:.2f} s "
          f"({(t2 - t1) / n * 1000:.2f} ms each; target ≤ 10 s for 1,000)")
    print(f"ranked {len(board.individuals)} individuals and {len(board.teams)} teams")


if __name__ == "__main__":
    main()
