"""Fuzz the moves reader (`trainer play --moves FILE|-`) with hypothesis: 100,000 inputs by default.

Not part of the test suite or CI (`python bench/fuzz/fuzz_moves.py [N]`, a few minutes). Every input must end
as moves or as one InputError line; anything else is a traceback and makes the run exit 1. The inputs mix
raw bytes, text in every encoding the reader knows (UTF-8 with and without a BOM, GB18030, UTF-16/32 with a
BOM), text in ones it must refuse (UTF-16 without a BOM, Latin-1), control characters and bidi overrides,
over-long lines and too many lines. Prints the counts per outcome.
"""

from __future__ import annotations

import codecs
import sys
import traceback
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from trainer.cli.common import MAX_MOVE_CHARS, MAX_MOVES, InputError, decode_moves  # noqa: E402

TACTICS = ["courtesy", "probe_reason", "verify_balance", "timing", "persist", "#comment", "", "  "]
CHINESE = "周总您好这笔账什么时候能结我们是老朋友了先礼后兵核对余额写下来签字盖章,。?!"
ODD = "\x00\x07\x1b\x7f\x85\x9b\u200b\u202e\u2066\u2028\ufeff\ud800\r\t\x0b\x0c"

line = st.one_of(
    st.sampled_from(TACTICS),
    st.text(st.sampled_from(CHINESE), max_size=30),
    st.text(max_size=30),  # any code point, surrogates included
    st.text(st.sampled_from(CHINESE + ODD + "ab ["), max_size=30),
    st.integers(MAX_MOVE_CHARS - 2, MAX_MOVE_CHARS + 2).map(lambda n: "好" * n),
)
text = st.one_of(
    st.lists(line, max_size=40).map("\n".join),
    st.lists(st.sampled_from(TACTICS[:5]), min_size=MAX_MOVES - 2, max_size=MAX_MOVES + 2).map("\n".join),
    st.lists(line, max_size=20).map("\r\n".join),
)
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1"]


@st.composite
def encoded(draw) -> bytes:
    enc = draw(st.sampled_from(ENCODINGS))
    return draw(text).encode(enc, errors=draw(st.sampled_from(["replace", "ignore", "surrogatepass"]))
                             if enc.startswith("utf-8") else "replace")


BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]
inputs = st.one_of(
    st.binary(max_size=400),
    encoded(),
    st.tuples(st.sampled_from(BOMS), st.binary(max_size=200)).map(b"".join),  # a BOM, then anything
    st.tuples(encoded(), st.binary(max_size=8), encoded()).map(b"".join),  # a bad byte in the middle
)

counts: Counter[str] = Counter()
crashes: list[str] = []


def outcome(data: bytes) -> str:
    try:
        moves, notice = decode_moves(data, "fuzz.txt")
    except InputError as e:
        msg = str(e)
        if "\n" in msg or not msg.startswith("fuzz.txt"):
            return "bad error line"
        for key, label in (("开头标明", "refused: BOM but not that encoding"), ("控制字符", "refused: control character"),
                           ("UTF-16", "refused: UTF-16 without BOM"), ("GB18030", "refused: no known encoding"),
                           ("步上限", "refused: too many moves"), ("字上限", "refused: move too long")):
            if key in msg:
                return label
        return "refused: other"
    assert len(moves) <= MAX_MOVES and all(0 < len(m) <= MAX_MOVE_CHARS for m in moves)
    return f"accepted{' with a notice' if notice else ''}"


def run(n: int) -> int:
    @settings(max_examples=n, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(inputs)
    def fuzz(data: bytes) -> None:
        try:
            counts[outcome(data)] += 1
        except Exception:  # a traceback: counted and kept, the run goes on
            counts["TRACEBACK"] += 1
            if len(crashes) < 5:
                crashes.append(f"{data[:80]!r}\n{traceback.format_exc()}")

    fuzz()
    total = sum(counts.values())
    print(f"## fuzz: moves reader (decode_moves), {total:,} inputs")
    for key, value in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {key}: {value:,}")
    for c in crashes:
        print(c)
    return 1 if counts["TRACEBACK"] or counts["bad error line"] else 0


if __name__ == "__main__":
    sys.exit(run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
