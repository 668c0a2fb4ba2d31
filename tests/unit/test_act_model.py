"""The act lister: a one-vs-rest logistic regression over the line's n-grams that says which acts a line holds."""

from __future__ import annotations

import datetime as dt

import numpy as np

from trainer.core.language.model import BUCKETS, ActModel, _shipped, fit_acts, grams, load_act_model
from trainer.core.language.recognise import Recogniser

TODAY = dt.date(2026, 12, 1)


def _model_saying(labels: tuple[str, ...], probs: dict[str, float]) -> ActModel:
    """An act lister that gives every text the same probabilities (bias only)."""
    w = np.zeros((BUCKETS + 1, len(labels)), np.float32)
    w[-1] = -20.0
    for lab, p in probs.items():
        w[-1, labels.index(lab)] = np.log(p / (1 - p))
    return ActModel(labels, w)


def test_fit_learns_a_separable_toy_problem_the_same_way_twice() -> None:
    bares = ["分三期付", "分两期付吧", "律师函已经发了", "我们已经起诉了", "今天天气不错"] * 4
    targets = np.zeros((len(bares), 2), np.float32)
    for i, b in enumerate(bares):
        targets[i, 0] = "期" in b
        targets[i, 1] = "律师" in b or "起诉" in b
    w1 = fit_acts(bares, targets, steps=60)
    w2 = fit_acts(bares, targets, steps=60)
    assert w1.tobytes() == w2.tobytes()
    model = ActModel(("installment_plan", "legal_action"), w1)
    p = model.proba(["分四期付", "律师函发出去了", "今天天气不错"])
    assert p.shape == (3, 2) and ((p >= 0) & (p <= 1)).all()
    assert p[0, 0] > 0.5 > p[0, 1]
    assert p[1, 1] > 0.5 > p[1, 0]
    assert p[2].max() < 0.5


def test_a_row_is_scaled_by_its_number_of_grams() -> None:
    labels = ("a",)
    w = np.zeros((BUCKETS + 1, 1), np.float32)
    w[grams("分期")] = 1.0
    p = ActModel(labels, w).proba(["分期", ""])
    n = len(grams("分期"))
    assert np.isclose(p[0, 0], 1 / (1 + np.exp(-n / np.sqrt(n))))
    assert np.isclose(p[1, 0], 0.5)  # no n-grams: the bias alone


def test_the_shipped_act_lister_is_loaded_with_the_shipped_model() -> None:
    model = load_act_model()
    assert model is not None
    assert Recogniser().act_model is model
    assert Recogniser(model=None).act_model is None


def test_an_act_the_lister_is_sure_of_joins_the_acts() -> None:
    base = Recogniser()
    line = "王总,那笔十二万的货款,这周五之前能不能先付了?"
    without = base.classify(line, TODAY)
    assert "praise" not in without.acts
    rec = Recogniser(act_model=_model_saying(base.labels, {"praise": 0.9}))
    got = rec.classify(line, TODAY)
    assert "praise" in got.acts and got.acts[0] == without.tactic
    assert Recogniser(act_model=_model_saying(base.labels, {"praise": 0.3})).classify(line, TODAY).acts == without.acts


def test_a_threat_must_still_be_said() -> None:
    # the lister's sense of style never adds a threat or hostility the line does not say in words of its own
    labels = Recogniser().labels
    rec = Recogniser(act_model=_model_saying(labels, {"legal_warning": 0.99, "hostile": 0.99, "legal_action": 0.99}))
    got = rec.classify("我们不会起诉的,您放心,这笔十二万咱们慢慢商量", TODAY)
    assert not {"legal_warning", "legal_action", "hostile"} & set(got.acts)


def test_the_lister_weighs_in_on_the_main_act_among_close_candidates() -> None:
    base = Recogniser()
    line = "我理解您现在资金紧张,那先把这十二万对一下账吧"
    got = base.classify(line, TODAY)
    runner_up = got.alternatives[0][0]
    rec = Recogniser(act_model=_model_saying(base.labels, {runner_up: 0.99}))
    assert rec.classify(line, TODAY).tactic == runner_up
    # a tactic outside the candidates is never made the main act
    far = next(lab for lab in base.labels if lab not in {got.tactic, *(a for a, _ in got.alternatives), "hostile"})
    assert Recogniser(act_model=_model_saying(base.labels, {far: 0.99})).classify(line, TODAY).tactic == got.tactic


def test_a_missing_or_misshapen_model_file_is_none_not_a_crash(tmp_path) -> None:
    assert _shipped(tmp_path / "missing.npy") is None
    bad = tmp_path / "bad.npy"
    np.save(bad, np.zeros((3, 2), np.float16))
    assert _shipped(bad) is None  # not BUCKETS + 1 rows × the labels
    junk = tmp_path / "junk.npy"
    junk.write_bytes(b"\x93NUMPY not really")
    assert _shipped(junk) is None
    assert Recogniser(act_model=False).classify("这周五前先付五万", TODAY).tactic is not None
