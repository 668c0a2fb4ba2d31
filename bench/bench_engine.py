"""Median time of one move over 10,000 moves on tactic ids (target ≤ 1 ms). A figure, not a test.

    python bench/bench_engine.py
"""

from __future__ import annotations

import random
import statistics
import time

from trainer.core import catalogue
from trainer.core.content import resolve_scenario
from trainer.core.session import Session


def main(n: int = 10_000) -> None:
    scenario, persona = resolve_scenario("fake-broke")
    rng = random.Random(0)
    times: list[float] = []
    t_new: list[float] = []
    s = None
    while len(times) < n:
        if s is None or s.ended:
            if s is not None:
                s.close()
            t0 = time.perf_counter()
            s = Session(scenario, persona, seed=len(times))
            t_new.append(time.perf_counter() - t0)
        move = rng.choice(catalogue.TACTIC_IDS)
        t0 = time.perf_counter()
        s.play(move)
        times.append(time.perf_counter() - t0)
    times.sort()
    print(f"moves: {n}  median {statistics.median(times) * 1e3:.3f} ms  "
          f"p95 {times[int(n * 0.95)] * 1e3:.3f} ms  max {times[-1] * 1e3:.3f} ms")
    print(f"sessions: {len(t_new)}  median new Session (add_model) {statistics.median(t_new) * 1e3:.3f} ms")


if __name__ == "__main__":
    main()
