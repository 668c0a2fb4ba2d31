"""Median milliseconds per utterance for the recogniser against the full phrase library.

    python bench/bench_recognise.py [--repeat N]

Target: ≤ 2 ms per utterance on one core (not a timed test). Prints single-call and batched
(``classify_many``, one rapidfuzz ``cdist``) figures over the dev set.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from trainer.core.recognise import Recogniser, read_labelled

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "utterances.tsv"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    t0 = time.perf_counter()
    rec = Recogniser()
    build_ms = (time.perf_counter() - t0) * 1000
    texts = [t for _, t in read_labelled(DEV.read_text(encoding="utf-8"), str(DEV))]
    rec.classify(texts[0])  # warm up: OpenCC and rapidfuzz load lazily
    single: list[float] = []
    for _ in range(args.repeat):
        for t in texts:
            s = time.perf_counter()
            rec.classify(t)
            single.append((time.perf_counter() - s) * 1000)
    batched = []
    for _ in range(args.repeat):
        s = time.perf_counter()
        rec.classify_many(texts)
        batched.append((time.perf_counter() - s) * 1000 / len(texts))
    print(f"library: {len(rec.library.templates)} templates, {len(rec.library.cues)} cues; build {build_ms:.0f} ms")
    print(f"classify: median {statistics.median(single):.3f} ms per utterance "
          f"(p95 {sorted(single)[int(len(single) * 0.95)]:.3f} ms, n={len(single)})")
    print(f"classify_many: median {statistics.median(batched):.3f} ms per utterance (batches of {len(texts)})")


if __name__ == "__main__":
    main()
