"""The intent model (intent.py): unlawful pressure heard from the parts of a line — who, whose, what is done — where no
law pattern holds the sentence, only when nothing else decided and the hostility model leans that way."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.core.language import intent, train
from trainer.core.language.intent import FEATURES, INTENT_FLOOR, INTENT_META, INTENT_UNLAWFUL, IntentModel, features
from trainer.core.language.law import unlawful
from trainer.core.language.recognise import Recogniser, default_recogniser

# a hostility model that gives every text the same two probabilities: the stub the hostility model's own tests use
from .test_hostility_model import _saying as _felt

TODAY = dt.date(2026, 12, 1)

# threats in words no law pattern holds (written for this test, not taken from any set): our people and a warning left
# hanging; his wife alone at home and our "brothers" sent to "help"
THREATS = ("我手下几个兄弟早就看你不顺眼了,天黑了你走路留点神。",
           "你老婆一个人在家带孩子挺辛苦吧?改天我叫几个兄弟上门帮帮忙。")
# care for his family, in the same parts (his family, his home, a visit, the money)
CARE = ("听说你家老爷子住院了,要不要我帮你联系个好医生?",
        "你闺女今年高考吧?孩子读书辛苦,你多陪陪她,钱的事咱们下个月再说。")


def _saying(p: float) -> IntentModel:
    """An intent model that gives every line the same probability (bias only)."""
    w = np.zeros(len(FEATURES) + 1, np.float32)
    w[-1] = math.log(p / (1 - p))
    return IntentModel(w)


def test_the_shipped_model_is_trained_on_these_features() -> None:
    meta = json.loads(INTENT_META.read_text(encoding="utf-8"))
    assert tuple(meta["features"]) == FEATURES and meta["parts"] == intent.PARTS
    model = intent.load_intent_model()
    assert model is not None and model.weights.shape == (len(FEATURES) + 1,)
    assert np.isfinite(model.weights).all()
    # it learned from the sets before r40a only: r40a-r44a stay the measure of writers it never read
    assert not any(name.startswith(f"tests/data/dev_r{n}") for name in meta["trained_on"] for n in range(40, 45))


def test_the_shipped_model_is_up_to_date() -> None:
    # as the n-gram models' (test_ngram_model): a dev file it learned from changed since — a dev play round appended,
    # say — and the shipped record no longer says what it was trained on
    meta = json.loads(INTENT_META.read_text(encoding="utf-8"))
    for rel, digest in meta["trained_on"].items():
        assert hashlib.sha256((train.ROOT / rel).read_bytes()).hexdigest() == digest, \
            f"{rel} changed since the intent model was trained: run `python -m trainer.core.language.train --intent`"


def test_the_shipped_model_is_what_the_recogniser_hears_now():
    # stop 63: stop 62's line models changed what the recogniser hears before the intent model, and the shipped model
    # was not rebuilt — `make model` gave another one. It learns the lines nothing else heard, so a hearing change
    # retrains it (python -m trainer.core.language.train --intent), as a changed clause model is. Float tolerance, not
    # bytes: its gradient steps run on the machine's BLAS
    x, y, _ = train.intent_rows(train.ROOT)
    meta = json.loads(INTENT_META.read_text(encoding="utf-8"))
    assert (meta["rows"], meta["unlawful"]) == (len(y), int(y.sum()))
    shipped = np.load(intent.INTENT_WEIGHTS, allow_pickle=False)
    np.testing.assert_allclose(train.train_intent(x.astype(np.float64), y), shipped, rtol=0, atol=1e-4)


@pytest.mark.parametrize("text", THREATS)
def test_a_threat_no_pattern_holds_is_heard_as_unlawful_by_its_parts(text: str) -> None:
    rec = default_recogniser()
    assert unlawful(rec.normalise(text).marked) == ()
    assert "hostile" not in Recogniser(intent_model=False).classify(text, TODAY).acts
    heard = rec.classify(text, TODAY)
    assert heard.tactic == "hostile" and not heard.rude and heard.confidence >= INTENT_UNLAWFUL


@pytest.mark.parametrize("text", CARE)
def test_care_in_the_same_parts_is_not_hostile(text: str) -> None:
    assert "hostile" not in default_recogniser().classify(text, TODAY).acts


def test_it_decides_only_what_nothing_else_did_and_only_where_the_hostility_model_leans() -> None:
    line = "我表弟这几天老在你们小区转悠"  # no pattern, no cue, no insult
    sure = _saying(0.99)
    heard = Recogniser(rudeness_model=False, hostility_model=_felt(0.5, 0.5), intent_model=sure).classify(line, TODAY)
    assert heard.tactic == "hostile" and not heard.rude and heard.confidence == pytest.approx(0.99, abs=0.01)
    # below its floor the parts are not read; below its bar nothing is heard
    assert "hostile" not in Recogniser(rudeness_model=False, hostility_model=_felt(INTENT_FLOOR - 0.05, 0.5), intent_model=sure) \
        .classify(line, TODAY).acts
    assert "hostile" not in Recogniser(rudeness_model=False, hostility_model=_felt(0.5, 0.5), intent_model=_saying(INTENT_UNLAWFUL - 0.02)) \
        .classify(line, TODAY).acts
    # friends' banter and care for his health are never its to decide
    for text in ("周六来我家喝酒,不来我就上你家把你拖出来,哈哈", "你这阵子可得注意身体,别熬坏了"):
        assert "hostile" not in Recogniser(rudeness_model=False, hostility_model=_felt(0.7, 0.5), intent_model=sure).classify(text, TODAY).acts
    # no hostility model, no intent model: it reads the hostility model's probabilities
    assert Recogniser(hostility_model=False, intent_model=sure).intent_model is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.lists(st.text(max_size=30), max_size=6),
       st.tuples(st.floats(0, 1), st.floats(0, 1)))
def test_features_are_one_finite_row_for_any_text(line: str, clauses: list[str], felt: tuple[float, float]) -> None:
    row = features(line, clauses, felt)
    assert row.shape == (len(FEATURES),) and np.isfinite(row).all()
    assert set(np.unique(row[3:])) <= {0.0, 1.0}


def test_training_is_deterministic() -> None:
    rng = np.random.default_rng(0)
    x = (rng.random((60, len(FEATURES))) > 0.7).astype(np.float64)
    y = (x[:, 5] > 0).astype(np.float64)
    a, b = train.train_intent(x, y), train.train_intent(x, y)
    assert a.tobytes() == b.tobytes() and a.shape == (len(FEATURES) + 1,)


def test_a_model_trained_on_other_features_is_left_off(tmp_path, monkeypatch) -> None:
    meta = tmp_path / "intent.json"
    meta.write_text(json.dumps({"features": list(FEATURES[:-1])}), encoding="utf-8")
    monkeypatch.setattr(intent, "INTENT_META", meta)
    intent.load_intent_model.cache_clear()
    try:
        assert intent.load_intent_model() is None
    finally:
        intent.load_intent_model.cache_clear()


def test_the_report_counts_what_it_adds_per_set_and_kind(tmp_path) -> None:
    data = tmp_path / "tests" / "data"
    data.mkdir(parents=True)
    lines = [{"text": THREATS[0], "acts": ["hostile"], "kind": "unlawful"},
             {"text": CARE[0], "acts": [], "kind": "care"}]
    (data / "dev_r40a.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    assert train.intent_report(tmp_path) == [("dev_r40a.jsonl", {"care": (1, 0, 0), "unlawful": (1, 0, 1)})]
