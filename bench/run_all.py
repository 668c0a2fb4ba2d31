"""`make bench`: every bench/bench_*.py in turn; exits non-zero if any missed its target."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failed = []
    for f in sorted(HERE.glob("bench_*.py")):
        r = subprocess.run([sys.executable, str(f)], cwd=HERE.parent)
        if r.returncode != 0:
            failed.append(f.name)
    print()
    if failed:
        print(f"benches that missed a target: {', '.join(failed)}")
        return 1
    print("every bench met its targets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
