"""The recogniser: accuracy on the labelled sets, Traditional input, typos, gibberish, hostile, CLI."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from trainer.cli import main
from trainer.core import catalogue
from trainer.core.normalise import normalise, to_simplified
from trainer.core.phrases import load_default_library
from trainer.core.recognise import Recogniser, default_recogniser, evaluate, read_labelled
from trainer.core.session import Recognition

DATA = Path(__file__).resolve().parent.parent / "data"


def _rows(name: str) -> list[tuple[str, str]]:
    path = DATA / name
    return read_labelled(path.read_text(encoding="utf-8"), str(path))


@pytest.fixture(scope="module")
def rec() -> Recogniser:
    return default_recogniser()


def test_dev_set_accuracy(rec):
    report = evaluate(rec, _rows("utterances.tsv"))
    assert report["accuracy"] >= 0.90, report["confusions"][:10]


def test_holdout_accuracy(rec):
    report = evaluate(rec, _rows("utterances_holdout.tsv"))
    assert report["accuracy"] >= 0.85, report["confusions"]


def test_dev_set_shape():
    rows = _rows("utterances.tsv")
    assert len(rows) >= 330
    counts = Counter(label for label, _ in rows)
    assert set(counts) == set(catalogue.MOVE_IDS)
    assert min(counts.values()) >= 9
    traditional = [t for _, t in rows if to_simplified(t) != t]
    assert len(traditional) >= 0.20 * len(rows)


def test_dev_set_is_not_the_templates():
    templates = {t.text for t in load_default_library().templates}
    copies = [t for _, t in _rows("utterances.tsv") + _rows("utterances_holdout.tsv")
              if normalise(t).bare in templates]
    assert copies == []


def test_library_covers_every_tactic():
    lib = load_default_library()
    per = Counter(t.tactic for t in lib.templates)
    cued = {c.tactic for c in lib.cues}
    for tid in catalogue.MOVE_IDS:
        assert per[tid] >= 15, tid
        assert tid in cued, tid


@pytest.mark.parametrize("simplified, traditional, tactic", [
    ("我们先对一下账，看看还欠多少", "我們先對一下賬，看看還欠多少", "verify_balance"),
    ("律师函已经寄出去了，下周起诉", "律師函已經寄出去了，下週起訴", "legal_action"),
    ("签字盖章，写清楚还款日期", "簽字蓋章，寫清楚還款日期", "written_commitment"),
])
def test_traditional_equals_simplified(rec, simplified, traditional, tactic):
    a, b = rec.classify(simplified), rec.classify(traditional)
    assert a.tactic == b.tactic == tactic
    assert a.confidence == b.confidence


def test_full_width_and_spaces_do_not_matter(rec):
    assert rec.classify("分 期 付 款 可 以 吗 ？").tactic == "installment_plan"
    assert rec.classify("ＦＥＮＱＩ") == rec.classify("fenqi")


@pytest.mark.parametrize("text, tactic", [
    ("分其吧", "installment_plan"),
    ("能不能分其付", "installment_plan"),
    ("律帅函明天发", "legal_action"),
    ("盖张签子", "written_commitment"),
    ("对帐", "verify_balance"),
    ("停获", "stop_supply"),
])
def test_typos(rec, text, tactic):
    assert rec.classify(text).tactic == tactic


@pytest.mark.parametrize("text", ["今天天气不错", "asdf", "", "   ", "。。。", "😀😀😀", "你吃饭了吗", "这道菜太咸了"])
def test_gibberish_is_not_recognised(rec, text):
    r = rec.classify(text)
    assert r.tactic is None
    assert r.confidence < rec.threshold


def test_unrecognised_offers_alternatives(rec):
    weak = rec.classify("今天天气不错")  # nothing recognised, but the UI can still ask "did you mean …?"
    assert weak.tactic is None and weak.alternatives
    assert weak.confidence == weak.alternatives[0][1]
    assert all(conf < rec.threshold for _, conf in weak.alternatives)


@pytest.mark.parametrize("text", [
    "不还钱就砸你店", "再不给钱我找人收拾你", "你个王八蛋", "骗子！！！", "不還錢就砸了你的店", "你给我等着瞧",
])
def test_hostile(rec, text):
    assert rec.classify(text).tactic == "hostile"


def test_shouting_adds_to_hostile(rec):
    calm, loud = rec.scores("还钱"), rec.scores("还钱！！！！")
    assert loud["hostile"] > calm["hostile"]


def test_result_shape_and_determinism(rec):
    r = rec.classify("一次付不清的话，分三个月付吧")
    assert isinstance(r, Recognition)
    assert r.tactic == "installment_plan"
    assert 0 < r.confidence <= 1
    assert r.tactic not in [a for a, _ in r.alternatives]
    assert [c for _, c in r.alternatives] == sorted((c for _, c in r.alternatives), reverse=True)
    assert Recogniser().classify("一次付不清的话，分三个月付吧") == r


def test_classify_many_matches_classify(rec):
    texts = [t for _, t in _rows("utterances_holdout.tsv")][:30] + ["", "asdf"]
    assert rec.classify_many(texts) == [rec.classify(t) for t in texts]


def test_default_recogniser_is_cached():
    assert default_recogniser() is default_recogniser()


def test_instructor_file_extends_the_library(tmp_path, monkeypatch):
    extra = tmp_path / "phrases"
    extra.mkdir()
    (extra / "mine.yaml").write_text(
        "tactics:\n  praise:\n    cues:\n      - words: [顶呱呱]\n        weight: 1.5\n", encoding="utf-8")
    monkeypatch.setenv("TRAINER_PATH", str(tmp_path))
    assert default_recogniser().classify("顶呱呱").tactic is None
    assert Recogniser().classify("顶呱呱").tactic == "praise"


def test_read_labelled_rejects_unknown_labels():
    with pytest.raises(ValueError, match=r"x.tsv:2: unknown label 'praize' \(did you mean 'praise'\?\)"):
        read_labelled("# c\npraize\t您真厉害\n", "x.tsv")
    with pytest.raises(ValueError, match="x.tsv:1: expected"):
        read_labelled("praise 您真厉害\n", "x.tsv")


# ---------------------------------------------------------------- CLI
def test_cli_classify_json_contract():
    res = CliRunner().invoke(main, ["classify", "我们先对一下账", "asdf", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert [o["text"] for o in out] == ["我们先对一下账", "asdf"]
    for o in out:
        assert list(o) == ["text", "tactic", "confidence", "alternatives"]
        assert 0 <= o["confidence"] <= 1
        for a in o["alternatives"]:
            assert list(a) == ["tactic", "confidence"]
    assert out[0]["tactic"] == "verify_balance"
    assert out[1]["tactic"] is None


def test_cli_classify_eval(tmp_path):
    tsv = tmp_path / "x.tsv"
    tsv.write_text("installment_plan\t分三期付吧\npraise\t律师函明天到\nnone\tasdf\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["classify", "--eval", str(tsv)])
    assert res.exit_code == 0, res.output
    assert "accuracy: 66.7% (2/3)" in res.output
    assert "praise → legal_action  1  律师函明天到" in res.output


def test_cli_classify_eval_errors_are_one_line(tmp_path):
    tsv = tmp_path / "bad.tsv"
    tsv.write_text("nosuch\t你好\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["classify", "--eval", str(tsv)])
    assert res.exit_code == 2
    assert "bad.tsv:1: unknown label 'nosuch'" in res.output
    assert "Traceback" not in res.output
    res = CliRunner().invoke(main, ["classify", "--eval", str(tmp_path / "missing.tsv")])
    assert res.exit_code == 2 and "cannot read" in res.output


# ------------------------------------------------------------------ negation (a threat said not to happen)
@pytest.mark.parametrize("text", [
    "我们不会起诉你的,放心",
    "您放心,我们不会走法律程序",
    "我们绝不会停您的货",
    "您别担心,不至于打官司",
    "我們絕不會告你,放心吧",  # Traditional
])
def test_a_cancelled_threat_is_not_a_threat(rec, text):
    r = rec.classify(text)
    assert r.tactic not in ("legal_action", "legal_warning", "stop_supply"), (text, r)


@pytest.mark.parametrize(("text", "tactic"), [
    ("再拖下去,对您不会有好后果", "legal_warning"),  # 不会 negates the good outcome, not the threat
    ("不会再等了,下周就起诉", "legal_action"),  # the canceller is too far from the act
    ("我们也不想走到打官司那一步", "legal_warning"),  # 不想 still warns
    ("在款结清之前,我们不会再给你们任何项目供电缆了", "stop_supply"),  # a refusal on condition: a threat
])
def test_negation_keeps_real_threats(rec, text, tactic):
    assert rec.classify(text).tactic == tactic


def test_a_threat_said_plainly_elsewhere_still_counts(rec):
    r = rec.classify("我们不会马上起诉,但再不付款就只能起诉了")
    assert r.tactic in ("legal_action", "legal_warning"), r
