"""Lazily compiled regexes with anchors (start-up): a pattern is skipped only for a text it cannot match.

The anchors are a proof about the parsed pattern; these tests hold every shipped pattern to it, on the dev
lines and on hypothesis texts built from the pattern's own characters with its anchors left out.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.core.language import lazyre, phrases, recognise, train  # noqa: F401 - registers every pattern
from trainer.core.language.lazyre import LazyPattern, anchors
from trainer.core.language.normalise import normalise


def every_pattern() -> list[tuple[str, int, str | None]]:
    cues = [c.regex for c in phrases.load_default_library().cues if c.regex is not None]
    return [(lp.pattern, lp.flags, anchors(lp.pattern, lp.flags)) for lp in [*lazyre.REGISTRY, *cues]]


PATTERNS = every_pattern()


@pytest.mark.parametrize(("pattern", "want"), [
    ("ab|cd", "ac"), ("a?b", "b"), ("x{0,2}", None), (".{0,3}x", "x"), ("[^x]", None), ("(?i)x", None),
    (r"\d+万", "万"), ("(?=中)国", "中"), ("(甲|乙)?丙(丁|戊)", "丙"), (r"[一-龥]", None), ("(a|b?)c", "c"),
    ("(a|b?)", None), (r"\s*(遍|趟)", "趟遍"), ("(?<!不)免", "免"), ("(?!不)免", "免"), ("[1-3]号", "号"),
])
def test_anchors_of_small_patterns(pattern: str, want: str | None) -> None:
    assert anchors(pattern) == want


def test_shipped_table_is_up_to_date() -> None:
    shipped = json.loads(lazyre.TABLE.read_text(encoding="utf-8"))
    assert shipped == lazyre.build_table(), \
        "a pattern changed: run `python -m trainer.core.language.train` and commit trainer/core/language/anchors.json"


def test_every_shipped_pattern_has_its_anchors_from_the_table() -> None:
    # none of them falls back to compiling at import
    table = json.loads(lazyre.TABLE.read_text(encoding="utf-8"))
    assert all(f"{lp.flags}:{lp.pattern}" in table for lp in lazyre.REGISTRY)
    assert sum(lp.anchor_chars is not None for lp in lazyre.REGISTRY) >= 0.9 * len(lazyre.REGISTRY)


def test_a_text_that_matches_holds_an_anchor_on_every_dev_line() -> None:
    texts = [str(r["text"]) for f in train.dev_files(train.ROOT) for r in train.read_rows(f)][::3]
    texts += [normalise(t).bare for t in texts] + [normalise(t).marked for t in texts]
    for pattern, flags, chars in PATTERNS:
        if chars is None:
            continue
        rx = re.compile(pattern, flags)
        for t in texts:
            if rx.search(t):
                assert not set(chars).isdisjoint(t), (pattern, t)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_no_match_without_an_anchor(data: st.DataObject) -> None:
    pattern, flags, chars = data.draw(st.sampled_from([p for p in PATTERNS if p[2] is not None]))
    assert chars is not None
    alphabet = sorted(set(pattern + "0123456789万元号月周天") - set(chars)) or ["x"]
    text = data.draw(st.text(alphabet=alphabet, max_size=40))
    assert re.compile(pattern, flags).search(text) is None


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_lazy_pattern_answers_as_re_does(data: st.DataObject) -> None:
    pattern, flags, chars = data.draw(st.sampled_from(PATTERNS))
    text = data.draw(st.text(alphabet=sorted(set(pattern + "0123456789万元号月周天")), max_size=40))
    lazy, rx = LazyPattern(pattern, flags, chars), re.compile(pattern, flags)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in rx.finditer(text)]
    assert (lazy.search(text) or rx.search(text)) is None or lazy.search(text).span() == rx.search(text).span()
    assert lazy.sub("#", text) == rx.sub("#", text)
    assert lazy.split(text) == rx.split(text)
    assert bool(lazy.match(text)) == bool(rx.match(text)) and bool(lazy.fullmatch(text)) == bool(rx.fullmatch(text))
    assert lazy.findall(text) == rx.findall(text)


def test_a_pattern_not_in_the_table_is_compiled_at_once_and_always_run() -> None:
    lp = LazyPattern("这句不在表里(吧)?")
    assert lp.anchor_chars is None and lp._rx is not None
    assert lp.search("这句不在表里吧") is not None


def test_an_unreadable_table_means_no_anchors_not_a_crash(tmp_path, monkeypatch) -> None:
    bad = tmp_path / "anchors.json"
    bad.write_text("[1, 2", encoding="utf-8")
    monkeypatch.setattr(lazyre, "TABLE", bad)
    monkeypatch.setattr(lazyre, "_table", None)
    lp = LazyPattern(lazyre.REGISTRY[0].pattern)
    assert lp.anchor_chars is None and lp.search("x") is None


def test_the_characters_of_the_last_text_are_never_read_for_another() -> None:
    """The anchor check reuses the character set of the text searched just before (bench_recognise: 2.2 → 1.6 ms);
    texts that alternate, or an equal text that is another object, must each be read for themselves."""
    lp = LazyPattern("起诉", 0, "起")
    a, b = "我们会起诉", "今天天气好"
    for _ in range(3):
        assert lp.search(a) is not None and lp.search(b) is None
    assert LazyPattern("天气", 0, "天").search(b) is not None and lp.search("".join(["起", "诉"])) is not None


def test_the_character_cache_holds_under_threads() -> None:
    import threading
    lp = LazyPattern("起诉", 0, "起")
    texts = ["我们会起诉", "今天天气好"] * 200
    wrong: list[str] = []

    def run() -> None:
        for t in texts:
            if (lp.search(t) is not None) != ("起诉" in t):
                wrong.append(t)
    workers = [threading.Thread(target=run) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert wrong == []
