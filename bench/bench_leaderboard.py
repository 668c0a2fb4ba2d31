"""Re-verifying N scorecards by replay: time and memory, beside reading + hashing the same files.

    python bench/bench_leaderboard.py [N] [WORKERS]      # defaults: 5000 cards, 2 workers

Writes N distinct cards (different trainees, teams, seeds and lines of play, some in free Chinese
text) to a temporary folder, then runs `verify_all` over the folder in a child process with WORKERS
worker processes, sampling the resident memory of that process and its workers together.

Targets (issue 16): 5,000 cards in <= 10 s wall and <= 200 MB (the whole process tree) on 2 cores.
Printed beside them, from the same run: reading + hashing the files (the floor of any check that
looks at every byte) and the CPU seconds the verification used, so a loaded machine can be told
from a slow verifier. A missed target exits non-zero.
"""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from harness import Bench

from trainer.core.competition.scorecard import write_scorecard
from trainer.core.content.library import load_library
from trainer.core.engine.session import Session
from trainer.core.judging.rubric import load_rubric

SECONDS = 10.0
MEGABYTES = 200.0

LINES = [
    ["courtesy", "probe_reason", "verify_balance", "timing", "rebut_excuse", "ask_high_settle_middle",
     "deadline_pressure", "written_commitment", "timing"],
    ["courtesy", "verify_balance", "timing", "installment_plan", "written_commitment"],
    ["legal_warning", "empathize", "valuable_concession", "installment_plan", "persist", "persist", "persist"],
    ["您好周总,打扰了", "咱们先对一下账,一共三十八万对不对", "听说您昨天刚收到工程款", "今天是我们公司结账日",
     "那咱们把刚才说的写下来,您签个字"],
    ["direct_ask", "hostile", "apologize", "verify_balance", "conditional_concession", "written_commitment"],
]

CHILD = """
import sys, time
from trainer.core.competition.leaderboard import verify_all
t = time.perf_counter()
board = verify_all([sys.argv[1]], workers=int(sys.argv[2]))
print(time.perf_counter() - t, len(board.accepted), len(board.rejected), len(board.individuals), len(board.teams))
"""


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


def read_and_hash(folder: Path) -> None:
    for f in sorted(folder.glob("*.json")):
        hashlib.sha256(f.read_bytes()).hexdigest()


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except OSError:
            pass
    return out


def verify_in_child(folder: Path, workers: int) -> tuple[float, float, float, list[str]]:
    """(wall seconds, peak MB of the process tree, CPU seconds, the child's printed figures)."""
    before = os.times()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(workers)], stdout=subprocess.PIPE,
                            text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_rss_kb(p) for p in _tree(proc.pid)))
            time.sleep(0.02)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    figures = out.split()
    return float(figures[0]), peak / 1024, cpu, figures[1:]


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    bench = Bench(f"leaderboard: re-verify {n} scorecards with {workers} workers")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_cards(folder, n)
        size = sum(f.stat().st_size for f in folder.glob("*.json"))
        t0 = time.perf_counter()
        read_and_hash(folder)
        hashing = time.perf_counter() - t0
        wall, peak, cpu, (accepted, rejected, people, teams) = verify_in_child(folder, workers)
    if int(rejected) or int(accepted) != n:
        print(f"  verification rejected {rejected} of {n} honest cards")
        return 1
    bench.info(f"{n} cards, {size / 1e6:.1f} MB; reading + hashing them: {hashing * 1000:.0f} ms")
    bench.info(f"verify_all: {wall:.2f} s wall ({wall / n * 1000:.2f} ms per card), {cpu:.2f} s CPU in "
               f"{workers} workers; {wall / max(hashing, 1e-9):.0f}x reading + hashing; load average "
               f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    bench.info(f"peak memory (process + workers): {peak:.0f} MB = {peak * 1024 / n:.1f} KB per card")
    bench.info(f"ranked {people} individuals and {teams} teams")
    for what, value, limit, unit in (("wall time", wall, SECONDS, "s"), ("peak memory", peak, MEGABYTES, "MB")):
        ok = value <= limit
        print(f"  {what}: {value:.1f} {unit} (target <= {limit:.0f} {unit})  {'OK' if ok else 'MISSED'}")
        if not ok:
            bench.missed.append(f"{what} {value:.1f} {unit} > {limit:.0f} {unit}")
    return bench.done()


if __name__ == "__main__":
    sys.exit(main())
