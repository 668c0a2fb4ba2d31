"""Validating 1,000 persona files vs a bare parse of the same files with PyYAML's C loader.

    python bench/bench_validate.py [N]

Prints both figures (best of 3) and the ratio; the target is validate <= 1.5x the bare C parse.
Validation = bounded read + strict UTF-8 + event-level safe parse with positions + spec check +
build + static analysis warnings, for every file.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness import Bench  # noqa: E402

import trainer.core.authoring.validate as V  # noqa: E402


def make_files(folder: Path, n: int) -> list[Path]:
    base = (ROOT / "personas" / "fake-broke.yaml").read_text(encoding="utf-8")
    files = []
    for i in range(n):
        p = folder / "personas" / f"p{i:04d}.yaml"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(base.replace("id: fake-broke", f"id: p{i:04d}", 1), encoding="utf-8")
        files.append(p)
    return files


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    bench = Bench(f"validate: {n} persona files")
    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(Path(tmp), n)
        size = sum(f.stat().st_size for f in files)

        def bare() -> None:
            for f in files:
                yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)

        def validate() -> None:
            problems = V.validate_paths([str(Path(tmp) / "personas")])
            assert not problems.errors, problems.errors[:3]

        t_bare, t_val = best(bare), best(validate)
        parallel_min, V.PARALLEL_MIN = V.PARALLEL_MIN, 10**9
        t_one = best(validate)
        V.PARALLEL_MIN = parallel_min
    bench.info(f"{size / n / 1024:.1f} KB per file")
    bench.ratio("trainer validate", t_val * 1000, "bare yaml.load(CSafeLoader)", t_bare * 1000, 1.5)
    bench.info(f"(in one process: {t_one:.3f} s, {t_one / t_bare:.2f}x the bare parse)")
    return bench.done()


if __name__ == "__main__":
    sys.exit(main())
