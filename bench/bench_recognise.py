"""The recogniser per utterance vs the bare rapidfuzz search it is built on, over the dev set.

    python bench/bench_recognise.py [--repeat N]

Baseline: `process.extractOne(text, templates, scorer=fuzz.ratio)` over the same normalised
templates — the cost of the similarity search alone. The recogniser adds normalisation (OpenCC),
lexical cues, negation and the blend. Target: classify <= 4x the bare search (and the brief's
absolute ceiling, 2 ms per utterance, is printed beside it).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from harness import Bench
from rapidfuzz import fuzz, process

from trainer.core.language.recognise import Recogniser, read_labelled

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "utterances.tsv"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    bench = Bench("recogniser: one utterance")
    t0 = time.perf_counter()
    rec = Recogniser()
    build_ms = (time.perf_counter() - t0) * 1000
    texts = [t for _, t in read_labelled(DEV.read_text(encoding="utf-8"), str(DEV))]
    templates = [t.text for t in rec.library.templates]
    normalised = [rec.normalise(t).bare for t in texts]
    rec.classify(texts[0])  # warm up: OpenCC and rapidfuzz load lazily
    single: list[float] = []
    bare: list[float] = []
    for _ in range(args.repeat):
        for t, n in zip(texts, normalised, strict=True):
            s = time.perf_counter()
            rec.classify(t)
            single.append((time.perf_counter() - s) * 1000)
            s = time.perf_counter()
            process.extractOne(n, templates, scorer=fuzz.ratio)
            bare.append((time.perf_counter() - s) * 1000)
    bench.info(f"library: {len(templates)} templates, {len(rec.library.cues)} cues; built in {build_ms:.0f} ms")
    med = statistics.median(single)
    bench.ratio("classify (median)", med, "bare extractOne", statistics.median(bare), 4.0)
    bench.info(f"classify p95 {sorted(single)[int(len(single) * 0.95)]:.3f} ms over {len(single)} calls; "
               f"absolute ceiling 2 ms {'OK' if med <= 2 else 'MISSED'}")
    if med > 2:
        bench.missed.append("classify median over 2 ms")
    return bench.done()


if __name__ == "__main__":
    sys.exit(main())
