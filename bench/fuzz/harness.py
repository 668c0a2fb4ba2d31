"""A small fuzz harness on hypothesis: targets register here, `run` feeds each N inputs and counts.

Not part of CI (100,000 inputs per target take minutes). A target is a function of one input that
either returns, or raises one of its *expected* exceptions (a clean one-line error); anything else is
a traceback, and an input that takes longer than ``SLOW_S`` is counted as a hang. The report prints
the counts and the first few failing inputs; the exit code is non-zero if any traceback or hang.

Add a target from any module:

    from harness import Target, register
    register(Target("moves", strategy, fn, expected=(MovesError,)))
"""

from __future__ import annotations

import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SLOW_S = 2.0


@dataclass
class Target:
    name: str
    strategy: st.SearchStrategy[Any]
    fn: Callable[[Any], object]
    expected: tuple[type[BaseException], ...] = ()


@dataclass
class Report:
    name: str
    inputs: int = 0
    ok: int = 0
    clean_errors: int = 0
    tracebacks: int = 0
    hangs: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.name}: {self.inputs:,} inputs · {self.ok:,} parsed · {self.clean_errors:,} clean one-line errors"
                f" · {self.tracebacks} tracebacks · {self.hangs} hangs")


TARGETS: dict[str, Target] = {}


def register(t: Target) -> None:
    TARGETS[t.name] = t


def run(t: Target, n: int, seed: int = 0) -> Report:
    rep = Report(t.name)

    @settings(max_examples=n, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck), phases=["generate"])
    @given(t.strategy)
    def one(x: Any) -> None:
        rep.inputs += 1
        start = time.perf_counter()
        try:
            t.fn(x)
            rep.ok += 1
        except t.expected as e:
            rep.clean_errors += 1
            msg = str(e)
            if "\n" in msg.strip() or not msg.strip():
                rep.tracebacks += 1  # an expected type but not one clean line
                if len(rep.examples) < 5:
                    rep.examples.append(f"multi-line or empty error {msg!r} for input {x!r:.300}")
        except Exception as e:  # noqa: BLE001 - the point is to count whatever escapes
            rep.tracebacks += 1
            rep.kinds[type(e).__name__] += 1
            if len(rep.examples) < 5:
                rep.examples.append(f"{type(e).__name__}: {e} for input {x!r:.300}\n"
                                    + "".join(traceback.format_exc(limit=-4)))
        if time.perf_counter() - start > SLOW_S:
            rep.hangs += 1
            if len(rep.examples) < 5:
                rep.examples.append(f"slow ({time.perf_counter() - start:.1f} s) for input {x!r:.300}")

    one()
    return rep
