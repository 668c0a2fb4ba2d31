"""What every bench shares: each figure is printed beside a baseline measured in the same run,
and a missed target ratio makes the bench exit non-zero.

Ratios, not absolute times: CI machines and laptops differ by 3x, but a figure and its baseline
measured side by side on the same machine, interleaved, move together.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable


class Bench:
    def __init__(self, title: str) -> None:
        self.title = title
        self.missed: list[str] = []
        print(f"## {title}")

    def ratio(self, what: str, value: float, baseline_what: str, baseline: float, target: float,
              unit: str = "ms") -> float:
        """Print ``value`` beside ``baseline`` and their ratio; record a miss if ratio > target."""
        r = value / baseline if baseline > 0 else float("inf")
        ok = r <= target
        print(f"  {what}: {value:.3f} {unit}  |  {baseline_what}: {baseline:.3f} {unit}  |  "
              f"ratio {r:.2f}x (target <= {target:.2f}x)  {'OK' if ok else 'MISSED'}")
        if not ok:
            self.missed.append(f"{what}: {r:.2f}x > {target:.2f}x")
        return r

    def info(self, line: str) -> None:
        print(f"  {line}")

    def done(self) -> int:
        if self.missed:
            print(f"  MISSED {len(self.missed)} target(s): " + "; ".join(self.missed))
            return 1
        print("  all targets met")
        return 0


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def interleaved(a: Callable[[], object], b: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median ms of ``a`` and of ``b``, run alternately so background load hits both alike."""
    ta, tb = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        a()
        ta.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        b()
        tb.append((time.perf_counter() - t) * 1000)
    return statistics.median(ta), statistics.median(tb)


def main_exit(code: int) -> None:
    sys.exit(code)
