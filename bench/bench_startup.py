"""Time from process start to the first screen: the trainer's picker vs a minimal Textual app.

Each measurement is a fresh interpreter (imports included), headless at 120×40, median of N runs;
"first screen" = the first refresh after that screen mounted (for both apps).
Target: the trainer ≤ 1.5× the minimal app.

    python bench/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from harness import Bench

ROOT = Path(__file__).resolve().parents[1]

MINIMAL = """
import time; t0 = time.perf_counter()
import asyncio
from textual.app import App
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

painted = []

class Hello(Screen):  # pushed on mount, like the trainer's picker, and timed the same way
    def compose(self):
        yield Header(); yield Static("hello"); yield Footer()

    def on_mount(self):
        self.call_after_refresh(lambda: painted.append(time.perf_counter() - t0))

class Minimal(App):
    def on_mount(self):
        self.push_screen(Hello())

async def main():
    app = Minimal()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print(painted[0])

asyncio.run(main())
"""

TRAINER = """
import time; t0 = time.perf_counter()
import asyncio
from trainer.tui.app import build_app
from trainer.tui.screens.picker import PickerScreen

painted = []
mount = PickerScreen.on_mount

def on_mount(self):  # the picker's first frame on screen
    mount(self)
    self.call_after_refresh(lambda: painted.append(time.perf_counter() - t0))

PickerScreen.on_mount = on_mount

async def main():
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query("ScenarioCard"), "no cards"
        print(painted[0], time.perf_counter() - t0)

asyncio.run(main())
"""


def measure(code: str, runs: int, home: str) -> list[list[float]]:
    """Per run: seconds to the first screen (and, for the trainer, to the scenario cards)."""
    env = dict(os.environ, TRAINER_HOME=home, PYTHONPATH=str(ROOT))
    out = []
    for _ in range(runs):
        r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                           check=True)
        out.append([float(x) for x in r.stdout.strip().splitlines()[-1].split()])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as home:
        measure(TRAINER, 1, home)  # warm the disk cache and create the store once
        mins, runs = [], []
        for _ in range(args.runs):  # interleaved, so background load hits both alike
            mins += measure(MINIMAL, 1, home)
            runs += measure(TRAINER, 1, home)
        minimal = statistics.median(r[0] for r in mins)
        trainer = statistics.median(r[0] for r in runs)
        cards = statistics.median(r[1] for r in runs)
    bench = Bench("start-up: the picker's first screen")
    bench.ratio(f"trainer picker (median of {args.runs})", trainer * 1000, "minimal textual app", minimal * 1000, 1.5)
    bench.info(f"scenario cards in {cards * 1000:.0f} ms (content loads in a thread after the first paint)")
    return bench.done()


if __name__ == "__main__":
    sys.exit(main())
