"""Start-up of the headless commands, each beside the bare import of the libraries it needs (same run).

Each measurement is a fresh interpreter, median of N runs, interleaved with its baseline. The baseline
imports exactly the third-party top-level packages the command itself ends up importing (found by a
probe run), so the ratio is the cost of the trainer's own code.
Targets (issue 18): `trainer --help` ≤ 1.3×, `trainer classify` ≤ 2× (the compiled phrase-library cache warm,
as after the first run); `trainer list --json` and `classify` with a cold cache (every run in a fresh
TRAINER_HOME, so the library is built from the YAML and the cache written) are reported.

    python bench/bench_cli_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import Bench

ROOT = Path(__file__).resolve().parents[1]

RUN = """
import sys, json
sys.argv = ["trainer", *json.loads(sys.argv[1])]
from trainer.cli import main
try:
    main()
except SystemExit:
    pass
if {probe}:
    std = set(sys.stdlib_module_names)
    top = sorted({{m.split(".")[0] for m in sys.modules}} - std - {{"trainer", "__main__", "_distutils_hack"}})
    # only real packages (a module with a file): not interpreter internals such as cython_runtime
    real = [m for m in top if not m.startswith("_") and getattr(sys.modules.get(m), "__file__", None)]
    print("\\nMODULES", json.dumps(real))
"""

CLASSIFY = ["classify", "周总您好,打扰了,先谢谢您一直以来的照顾"]
CASES = [  # (what, args, target ratio or None, cold: a fresh TRAINER_HOME per run, so no phrase cache)
    ("trainer --help", ["--help"], 1.3, False),
    ("trainer classify", CLASSIFY, 2.0, False),
    ("trainer classify (cold phrase cache)", CLASSIFY, None, True),
    ("trainer list --json", ["list", "--json"], None, False),
]


def run(code: str, args: list[str], env: dict[str, str]) -> tuple[float, str]:
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", code, json.dumps(args)], cwd=ROOT, env=env, capture_output=True,
                       text=True, check=True)
    return time.perf_counter() - t, r.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    bench = Bench("start-up: headless commands vs the bare import of their libraries")
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, TRAINER_HOME=home, PYTHONPATH=str(ROOT))
        for what, argv, target, cold in CASES:
            _, out = run(RUN.format(probe=True), argv, env)  # also warms the disk cache (and the phrase cache)
            modules = json.loads(out.rsplit("MODULES", 1)[1])
            bare = "import " + ", ".join(modules) if modules else "pass"
            cmd, base = [], []
            for i in range(args.runs):
                cmd_env = dict(env, TRAINER_HOME=os.path.join(home, f"cold-{i}")) if cold else env
                cmd.append(run(RUN.format(probe=False), argv, cmd_env)[0])
                base.append(run(bare, [], env)[0])
            c, b = statistics.median(cmd) * 1000, statistics.median(base) * 1000
            label = f"bare `{bare}`"
            if target is None:
                bench.info(f"{what}: {c:.0f} ms | {label}: {b:.0f} ms | ratio {c / b:.2f}x (reported)")
            else:
                bench.ratio(f"{what} (median of {args.runs})", c, label, b, target)
    return bench.done()


if __name__ == "__main__":
    sys.exit(main())
