"""One move on tactic ids vs a bare `transitions` trigger on a machine of the same size.

    python bench/bench_engine.py

The baseline is the library's own floor: one trigger with one condition on a plain Machine with as
many states as the persona. A move adds recognition of the id, reaction choice, effects, the
transcript and the session's RNG. Target: a move <= 6x the bare trigger; a new Session
(add_model on the cached machine) <= 6x a bare add_model.
"""

from __future__ import annotations

import random
import statistics
import sys
import time

from harness import Bench
from transitions import Machine

from trainer.core.content import catalogue
from trainer.core.content.library import resolve_scenario
from trainer.core.engine.session import Session


def bare_machine(states: list[str]) -> Machine:
    m = Machine(model=None, states=states, initial=states[0], auto_transitions=False)
    for i, s in enumerate(states):
        m.add_transition("go", s, states[(i + 1) % len(states)], conditions=[lambda *a, **k: True])
    return m


class Model:
    pass


def main(n: int = 10_000) -> int:
    bench = Bench("engine: one move, one new session")
    scenario, persona = resolve_scenario("fake-broke")
    bare = bare_machine(list(persona.states))
    rng = random.Random(0)
    moves: list[float] = []
    triggers: list[float] = []
    t_new: list[float] = []
    t_add: list[float] = []
    s = None
    while len(moves) < n:
        if s is None or s.ended:
            if s is not None:
                s.close()
            t0 = time.perf_counter()
            s = Session(scenario, persona, seed=len(moves))
            t_new.append(time.perf_counter() - t0)
            m = Model()
            t0 = time.perf_counter()
            bare.add_model(m)
            t_add.append(time.perf_counter() - t0)
            bare.remove_model(m)
        move = rng.choice(catalogue.TACTIC_IDS)
        t0 = time.perf_counter()
        s.play(move)
        moves.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        m.trigger("go")
        triggers.append(time.perf_counter() - t0)
    moves.sort()
    bench.ratio("move (median)", statistics.median(moves) * 1e3, "bare trigger", statistics.median(triggers) * 1e3,
                6.0)
    bench.info(f"move p95 {moves[int(n * 0.95)] * 1e3:.3f} ms, max {moves[-1] * 1e3:.3f} ms over {n} moves")
    bench.ratio("new Session (median)", statistics.median(t_new) * 1e3, "bare add_model",
                statistics.median(t_add) * 1e3, 6.0)
    return bench.done()


if __name__ == "__main__":
    sys.exit(main())
