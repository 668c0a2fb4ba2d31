"""The shipped n-gram model is what `make model` builds from the current files, and never saw the held-out set."""

from __future__ import annotations

import hashlib
import json

import numpy as np

from trainer.core.language import train
from trainer.core.language.model import META, WEIGHTS, NgramModel, grams, load_model


def test_shipped_model_is_up_to_date():
    meta = json.loads(META.read_text(encoding="utf-8"))
    for rel, digest in meta["trained_on"].items():
        assert hashlib.sha256((train.ROOT / rel).read_bytes()).hexdigest() == digest, \
            f"{rel} changed since the model was trained: run `make model` and commit trainer/core/language/ngram_model.*"


def test_training_is_deterministic_and_reproduces_the_shipped_weights():
    tpl = train.templates(train.ROOT)
    dev = [(train.main_act(r), str(r["text"])) for f in train.dev_files(train.ROOT) for r in train.read_rows(f)]
    labels = train.labels_for(tpl)
    w1 = train.train(tpl + dev, labels).astype(np.float16)
    w2 = train.train(tpl + dev, labels).astype(np.float16)
    assert w1.tobytes() == w2.tobytes()
    assert w1.tobytes() == np.load(WEIGHTS, allow_pickle=False).tobytes()


def test_never_trained_on_held_out_sets():
    meta = json.loads(META.read_text(encoding="utf-8"))
    assert not [p for p in meta["trained_on"] if "eval" in p or "holdout" in p]


def test_grams_and_probabilities():
    assert grams("") == grams("")
    assert len(grams("ab")) == len({"^a", "ab", "b$", "a", "b", "^ab", "ab$"})
    model = load_model()
    assert isinstance(model, NgramModel)
    p = model.proba(["分三期付吧", "", "x" * 2000])
    assert p.shape == (3, len(model.labels))
    assert np.allclose(p.sum(axis=1), 1.0)
    assert model.labels[int(np.argmax(p[0]))] == "installment_plan"


def test_cross_validated_dev_figures():
    # each dev line scored by a model that never saw it (5 folds): the honest dev measure, unlike
    # test_dev_set_accuracy, whose lines the cues were tuned on and the model is trained on.
    # Measured on 2026-12-01: every dev line 90.7%, the JSONL (natural) lines 81.3% (834 lines). With the second
    # writer's 873 lines and four more writers' 1,371 (3,078 in all, most never seen by the cues): 83.7% / 81.1%
    # after the hearing work of that night; floors a little below. With dev_multi.jsonl (925 long lines of two to four
    # acts, whose main act is often a judgement call): 82.1% / 80.8%.
    every, jsonl = train.cv_report(train.ROOT)
    assert every["main_accuracy"] >= 0.81
    assert jsonl["main_accuracy"] >= 0.79
    assert every["offtopic_hostile"] == 0
    # 96.1% with the new writers, who differ on past and recurring dates (昨天, 每月10号); 93.8% with dev_multi.jsonl,
    # whose writers leave out a 今天 that only tells when the visit is (今天来就一个事), which the recogniser and the
    # held-out writer count as a date: floor 0.93
    assert every["slots"]["dates"]["accuracy"] >= 0.93
