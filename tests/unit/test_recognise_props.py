"""Property tests: any string at all gives a Recognition with a confidence in 0..1, never an error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.core.content import catalogue
from trainer.core.language.recognise import default_recogniser
from trainer.core.language.recognition import Recognition

REC = default_recogniser()

_pieces = st.sampled_from(["分期", "律师", "停货", "签字盖章", "！！", "？", "\x00", "\u202e", "\ud7ff", "😀", "𠀀",
                           "ｆｕｌｌ", "對帳", "\t", "\n", "¥", "ـ", "ั", "\ufeff", "a" * 50])
texts = st.one_of(
    st.text(max_size=200),
    st.lists(_pieces, max_size=30).map("".join),
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=80),
)


def _valid(r: Recognition) -> None:
    assert isinstance(r, Recognition)
    assert 0.0 <= r.confidence <= 1.0
    assert r.tactic is None or r.tactic in catalogue.MOVE_IDS
    for tactic, conf in r.alternatives:
        assert tactic in catalogue.MOVE_IDS and 0.0 <= conf <= 1.0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_gives_a_recognition(text):
    r = REC.classify(text)
    _valid(r)
    assert REC.classify(text) == r  # deterministic


@settings(max_examples=30, deadline=None)
@given(st.lists(texts, max_size=8))
def test_classify_many_agrees(batch):
    assert REC.classify_many(batch) == [REC.classify(t) for t in batch]


def test_huge_and_odd_inputs():
    for text in ["", "分期" * 50_000, "😀" * 100_000, "\x00" * 100_000, "a" * 100_000, "？" * 100_000,
                 "不还钱就砸你店" + "\u202e" * 10, "\ud800", "分\u200b期"]:
        _valid(REC.classify(text))
