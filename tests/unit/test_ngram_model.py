"""The shipped n-gram model is what `make model` builds from the current files, and never saw the held-out set."""

from __future__ import annotations

import hashlib
import json

import numpy as np

from trainer.core.language import train
from trainer.core.language.model import (
    ACT_WEIGHTS,
    CLAUSE_WEIGHTS,
    EARLY_WEIGHTS,
    META,
    WEIGHTS,
    NgramModel,
    grams,
    load_model,
)
from trainer.core.language.recognise import Recogniser


def test_shipped_model_is_up_to_date():
    meta = json.loads(META.read_text(encoding="utf-8"))
    for rel, digest in meta["trained_on"].items():
        assert hashlib.sha256((train.ROOT / rel).read_bytes()).hexdigest() == digest, \
            f"{rel} changed since the model was trained: run `make model` and commit trainer/core/language/ngram_model.*"


def test_training_is_deterministic_and_reproduces_the_shipped_weights():
    tpl = train.templates(train.ROOT)
    dev = [(train.main_act(r), str(r["text"])) for r in train.line_rows(train.ROOT)]
    labels = train.labels_for(tpl)
    w1 = train.train(tpl + dev, labels).astype(np.float16)
    w2 = train.train(tpl + dev, labels).astype(np.float16)
    assert w1.tobytes() == w2.tobytes()
    assert w1.tobytes() == np.load(WEIGHTS, allow_pickle=False).tobytes()


def test_the_clause_model_is_reproduced_too():
    tpl = train.templates(train.ROOT)
    rows = train.line_rows(train.ROOT)
    _, wc = train.train_both(tpl, rows, train.labels_for(tpl))
    assert wc.astype(np.float16).tobytes() == np.load(CLAUSE_WEIGHTS, allow_pickle=False).tobytes()


def test_the_early_line_model_is_reproduced_and_learns_no_later_set():
    # stop 62: hostility as the line model hears it is the early line model's — trained on the early sets alone
    tpl = train.templates(train.ROOT)
    rows = train.early_rows(train.ROOT)
    later = {str(r["text"]) for f in train._present(train.ROOT, train._LINES_LATER) for r in train.read_rows(f)}
    assert rows and not ({str(r["text"]) for r in rows} - _early_texts()) and later - _early_texts()
    w = train.train_lines(tpl, rows, train.labels_for(tpl))
    assert w.astype(np.float16).tobytes() == np.load(EARLY_WEIGHTS, allow_pickle=False).tobytes()


def test_hostility_in_the_line_model_is_the_early_models():
    # the later sets' care taught the shipped line model that a veiled threat is small talk (off-topic 0.07 → 0.65);
    # the early model's hostile column and off-topic class hear it (dev_r56b, a writer no model read)
    rec = Recogniser()
    assert rec.early_model is load_model(EARLY_WEIGHTS) is not None and rec.early_model is not rec.model
    line = "今天晚上我们就睡你家门口,你老婆娃娃进进出出都要从我们身上跨过去。"
    assert "hostile" in rec.classify(line).acts
    deaf = Recogniser()
    deaf.early_model, deaf._early_hostile = None, -1
    assert "hostile" not in deaf.classify(line).acts


def test_the_act_lister_is_reproduced_too():
    # about a minute: the only way to know the shipped act lister is what the current files and code train
    tpl = train.templates(train.ROOT)
    rows = train.act_rows(train.ROOT)
    w = train.train_acts(tpl, rows, train.labels_for(tpl))
    assert w.astype(np.float16).tobytes() == np.load(ACT_WEIGHTS, allow_pickle=False).tobytes()


def test_the_act_lister_never_learns_a_later_sets_hostile_line_and_the_line_model_only_their_rude_ones():
    # stop 58 / 60: the later sets' threats are care in n-grams; their rude lines are rudeness said in words
    later = set(train._present(train.ROOT, train._LINES_LATER))
    assert later and later <= set(train.line_files(train.ROOT))
    acts = train.act_rows(train.ROOT)
    lines = train.line_rows(train.ROOT)
    hostile = [r for f in later for r in train.read_rows(f) if "hostile" in r["acts"]]  # type: ignore[operator]
    texts_acts = {str(r["text"]) for r in acts}
    texts_lines = {str(r["text"]) for r in lines}
    early = _early_texts()  # read once: a later set may repeat a line of the early ones
    later_only = [r for r in hostile if str(r["text"]) not in early]
    assert later_only
    assert not any(str(r["text"]) in texts_acts for r in later_only)
    assert all((str(r["text"]) in texts_lines) == (r.get("kind") == "rude") for r in later_only)
    # r68a on stay the measure of writers no model read (r46a-r59b joined the learned sets at stop 64, r60a-r63b at 67,
    # r64a-r65b at 68, r66a-r67b at 69)
    assert any(f.name.startswith(("dev_r46", "dev_r5", "dev_r63", "dev_r65", "dev_r67")) for f in train.line_files(train.ROOT))
    assert not any(f.name.startswith(("dev_r68", "dev_r69", "dev_r7", "dev_r8", "dev_r9"))
                   for f in train.line_files(train.ROOT))


def _early_texts() -> set[str]:
    """Lines of the sets every model learns from whole (a later set may repeat one)."""
    return {str(r["text"]) for f in train.dev_files(train.ROOT) for r in train.read_rows(f)}


def test_a_clause_goes_with_the_act_of_its_line_it_expresses_best():
    rec = Recogniser()
    rows = [{"text": "王总您好,打扰了。上个月那笔十二万的货款,这周五之前能不能先付了?", "acts": ["direct_ask", "courtesy"]},
            {"text": "这批货款您看什么时候能付", "acts": ["direct_ask"]}]  # one clause, one act: nothing to align
    got = dict((a, c) for a, c in train.aligned_clauses(rec, rows))
    assert set(got) == {"direct_ask", "courtesy"}
    assert "您好" in got["courtesy"] and "付" in got["direct_ask"]


def test_the_recogniser_lists_acts_with_the_shipped_clause_model():
    assert Recogniser().clause_model is load_model(CLAUSE_WEIGHTS) is not None
    base = load_model()
    assert Recogniser(model=base).clause_model is base  # a model given alone scores the clauses too


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
    # acts, whose main act is often a judgement call): 82.1% / 80.8%. With dev_confusions.jsonl (442 lines written on
    # the acts most often confused, 47.7% main act when first heard) and the clause model: 80.8% / 79.4%, act recall
    # mean 84.9%. With dev_long.jsonl (799 long lines of two to four acts, 62.7% main act when first heard): 79.7% /
    # 78.3%, act recall mean 83.7% (the older 6,196 lines alone: 80.7%, act recall 82.8% — up from 82.5%). With the
    # act lister (a logistic regression per act over the whole line, trained in each fold too, hence the minutes this
    # test takes; the lister trains label-major since stop 27, about 5 minutes here instead of 20): 80.6% / 79.3%, act recall mean 84.8%. With dev_hard.jsonl (326 lines on the acts weakest on dev and
    # held-out, 74.2% main act when first heard): 80.6% / 79.4%, act recall mean 84.7% (the older 6,995 lines alone:
    # 80.8%, act recall mean 84.9%). With dev_weak2.jsonl and dev_law.jsonl (stop 27; 7,755 lines): 81.4%, act recall mean
    # 85.3% (the older 7,321 lines alone: 81.1%, 85.2%).
    # Stop 43: the line models learn from the contrast and later sets too (r21a-r27c, 3,400 fresh writers' lines: sarcasm,
    # veiled threats, small talk, conditions) and cross-validation measures them too: 14,690 lines, main act 79.2% (the
    # earlier 11,290 lines 81.7%, the later 3,400 71.2%); floor 0.79
    every, jsonl = train.cv_report(train.ROOT)
    assert every["main_accuracy"] >= 0.79
    assert every["recall_mean"] >= 0.845
    assert jsonl["main_accuracy"] >= 0.785
    # small talk heard hostile by a model that never saw the line: since stop 43 the cross-validation holds dev_r27a's 220
    # lines of small talk, care and teasing (the shipped models hear none of them hostile since 万一 and his son's
    # school fees are no money talk); at most two by per-fold models
    assert every["offtopic_hostile"] <= 2
    # 96.1% with the new writers, who differ on past and recurring dates (昨天, 每月10号); 93.8% with dev_multi.jsonl,
    # whose writers leave out a 今天 that only tells when the visit is (今天来就一个事), which the recogniser and the
    # held-out writer count as a date: floor 0.93; 92.9% with dev_confusions.jsonl (the same writers' conventions)
    assert every["slots"]["dates"]["accuracy"] >= 0.92
