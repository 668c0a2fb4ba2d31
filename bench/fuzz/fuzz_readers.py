"""Fuzz the scorecard reader and the recogniser (bench/fuzz/harness.py; not in CI).

    python bench/fuzz/fuzz_readers.py [N] [cards|classify]     (N inputs per target, default 100,000)

``cards``: parse_card on mutated real scorecards and arbitrary JSON — expected: a CardError (one line).
``classify``: the recogniser on arbitrary text — expected: a Recognition, never an exception.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from hypothesis import strategies as st

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE), str(ROOT)]

from fuzz_loader import main  # noqa: E402
from harness import Target, register  # noqa: E402

from trainer.core.competition.scorecard import CardError, parse_card, write_scorecard  # noqa: E402
from trainer.core.content.library import load_library  # noqa: E402
from trainer.core.engine.session import Session  # noqa: E402
from trainer.core.language.recognise import default_recogniser  # noqa: E402


def _real_card() -> bytes:
    lib = load_library()
    sc = lib.scenarios["fake-broke"]
    s = Session(sc, lib.persona_for(sc), seed=1)
    for m in ("courtesy", "周总您好,先对一下账,一共三十八万", "timing", "written_commitment"):
        s.play(m)
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "c.json"
        write_scorecard(s, p, "张三", "一组")
        return p.read_bytes()


CARD = _real_card()
JSONISH = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
                       lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner,
                                                                                    max_size=5), max_leaves=30)


@st.composite
def card_bytes(draw: st.DrawFn) -> bytes:
    kind = draw(st.integers(0, 2))
    if kind == 0:  # a real card with one field replaced by anything
        card = json.loads(CARD)
        key = draw(st.sampled_from(sorted(card)))
        card[key] = draw(JSONISH)
        return json.dumps(card, ensure_ascii=False).encode()
    if kind == 1:  # a real card's bytes cut and spliced
        i, j = sorted(draw(st.lists(st.integers(0, len(CARD)), min_size=2, max_size=2)))
        return CARD[:i] + draw(st.binary(max_size=20)) + CARD[j:]
    return json.dumps(draw(JSONISH)).encode()


def read(data: bytes) -> None:
    parse_card(data)


_REC = default_recogniser()


def classify(text: str) -> None:
    r = _REC.classify(text)
    assert r.tactic is None or r.tactic in r.acts or not r.acts, r


register(Target("cards", card_bytes(), read, expected=(CardError,)))
register(Target("classify", st.text(max_size=300), classify, expected=()))

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] if len(sys.argv) > 2 else (sys.argv[1:] or ["100000"]) + ["cards", "classify"]))
