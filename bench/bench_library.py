"""`trainer list` and `trainer play` with 10,000 persona files in TRAINER_PATH (issue 17, item 7).

    python bench/bench_library.py [N]

Figures, each beside a baseline from the same run:
* `trainer list --json` (a process, as a user runs it) vs reading and SHA-256 hashing every file
  (the least any index that looks at the files must do). Target: ≤ 4x, and ≤ 10 s absolute.
* `trainer play fake-broke` with the N files vs the same play with none. Target: ≤ 4x.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness import Bench  # noqa: E402

TRAINER = [sys.executable, "-c", "from trainer.cli import main; main()"]


def make_files(folder: Path, n: int) -> list[Path]:
    base = (ROOT / "personas" / "fake-broke.yaml").read_text(encoding="utf-8")
    out = []
    (folder / "personas").mkdir(parents=True, exist_ok=True)
    for i in range(n):
        p = folder / "personas" / f"p{i:05d}.yaml"
        p.write_text(base.replace("id: fake-broke", f"id: p{i:05d}", 1), encoding="utf-8")
        out.append(p)
    return out


def run(args: list[str], env: dict[str, str], stdin: str = "") -> float:
    t = time.perf_counter()
    r = subprocess.run(TRAINER + args, env=env, input=stdin, capture_output=True, text=True, cwd=ROOT)
    took = time.perf_counter() - t
    if r.returncode != 0:
        raise SystemExit(f"trainer {' '.join(args)} failed ({r.returncode}): {r.stderr[-500:]}")
    return took


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    bench = Bench(f"library: {n} persona files in TRAINER_PATH")
    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(Path(tmp), n)
        env = dict(os.environ, TRAINER_PATH=tmp, TRAINER_HOME=str(Path(tmp) / "home"))
        bare_env = dict(os.environ, TRAINER_HOME=str(Path(tmp) / "home"))
        bare_env.pop("TRAINER_PATH", None)

        def read_and_hash() -> float:
            t = time.perf_counter()
            for f in files:
                hashlib.sha256(f.read_bytes()).hexdigest()
            return time.perf_counter() - t

        read_and_hash()  # warm the page cache for both
        lists, bases = [], []
        for _ in range(3):
            lists.append(run(["list", "--json"], env))
            bases.append(read_and_hash())
        lst, base = min(lists), min(bases)
        bench.ratio("trainer list --json", lst, "read + sha256 of every file", base, 4.0, unit="s")
        if lst > 10.0:
            bench.missed.append(f"trainer list took {lst:.1f} s > 10 s")
        bench.info(f"absolute: list {lst:.2f} s (target <= 10 s)")
        moves = "verify_balance\nrebut_excuse\n"
        plays, bare = [], []
        for _ in range(3):
            plays.append(run(["play", "fake-broke", "--moves", "-", "--json"], env, moves))
            bare.append(run(["play", "fake-broke", "--moves", "-", "--json"], bare_env, moves))
        bench.ratio(f"play with {n} files", min(plays), "play with none", min(bare), 4.0, unit="s")
    return bench.done()


if __name__ == "__main__":
    sys.exit(main())
