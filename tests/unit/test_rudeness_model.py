"""The rudeness model (ngram_rude.npy): rudeness heard in words no insult list holds, from a model that never learned a
threat — so it hears contempt, never calls care hostile, and never calls a threat merely rude."""
from __future__ import annotations

import datetime as dt
import hashlib
import json

import numpy as np
import pytest

from trainer.core.language import train
from trainer.core.language.model import BUCKETS, RUDENESS_LABELS, RUDENESS_META, RUDENESS_WEIGHTS, ActModel
from trainer.core.language.recognise import RUDE_ALONE, RUDE_FELT, Recogniser

from .test_hostility_model import _saying

TODAY = dt.date(2026, 12, 1)
#: the hostility model unsure of every line (below its own bars, and below the veiled threat's): what is heard as
#: hostile then is the rudeness model's doing
CALM = _saying(0.3, 0.1)
#: a line about the money with no insult any list holds and nothing threatened
ABOUT_THE_MONEY = "就你们这点规模,还欠着我们十二万不给"
#: a line with no word of the debt, the dealings or how he carries on
NO_TOPIC = "呵,这厂子居然还开着呢"


def _rude(p: float) -> ActModel:
    """A rudeness model that gives every text the same probability (bias only)."""
    w = np.zeros((BUCKETS + 1, len(RUDENESS_LABELS)), np.float32)
    w[-1] = [np.log(p / (1 - p))]
    return ActModel(RUDENESS_LABELS, w)


def _hear(line: str, rude: float) -> tuple[tuple[str, ...], bool, float]:
    heard = Recogniser(hostility_model=CALM, rudeness_model=_rude(rude)).classify(line, TODAY)
    return heard.acts, heard.rude, heard.confidence


def test_rudeness_about_the_money_is_heard_from_its_bar_as_rude_and_not_outright() -> None:
    assert "hostile" not in Recogniser(hostility_model=CALM, rudeness_model=False).classify(ABOUT_THE_MONEY, TODAY).acts
    assert "hostile" not in _hear(ABOUT_THE_MONEY, RUDE_FELT - 0.02)[0]
    acts, rude, confidence = _hear(ABOUT_THE_MONEY, RUDE_FELT + 0.02)
    assert acts[0] == "hostile" and rude and confidence == pytest.approx(RUDE_FELT + 0.02, abs=0.01)
    heard = Recogniser(hostility_model=CALM, rudeness_model=_rude(0.95)).classify(ABOUT_THE_MONEY, TODAY)
    assert not heard.outright  # the did-you-mean box may still ask


def test_a_line_on_no_topic_of_the_talk_needs_the_model_surer() -> None:
    assert "hostile" not in _hear(NO_TOPIC, (RUDE_FELT + RUDE_ALONE) / 2)[0]
    acts, rude, _ = _hear(NO_TOPIC, RUDE_ALONE + 0.02)
    assert acts[0] == "hostile" and rude


@pytest.mark.parametrize("line", [
    "你要是再拖,后果自负",  # a threat's shape: the law's and the hostility model's to hear
    "你那个铺子哪天突然起了火,可别怪我没提醒你早点买保险。",  # harm left hanging (law.hints_harm)
])
def test_it_never_calls_a_threat_merely_rude(line: str) -> None:
    assert not _hear(line, 0.99)[1]


@pytest.mark.parametrize("line", [
    "我还担心你身体出什么事了,这阵子电话都打不通",  # worry for him
    "你再说我唱歌跑调,下回KTV我就不叫你了",  # friends' banter
    "我在你公司楼下等了两个钟头了,今天一定要见到你",  # 紧盯不放 at his office
])
def test_care_banter_and_lawful_pressing_stay_out_of_it_however_sure_the_model(line: str) -> None:
    assert "hostile" not in _hear(line, 0.99)[0]


def test_it_is_read_only_beside_a_hostility_model() -> None:
    assert Recogniser(hostility_model=False, rudeness_model=_rude(0.99)).rudeness_model is None


@pytest.mark.parametrize("line", [
    # written for this test (stop 59), in no dev set: contempt no insult list holds
    "这点钱都拖,你们公司是要饭的啊?",
    "你们这种公司早晚关门,谁跟你们合作谁倒霉",
])
def test_the_shipped_model_hears_contempt_no_list_holds(line: str) -> None:
    assert "hostile" not in Recogniser(rudeness_model=False).classify(line, TODAY).acts
    heard = Recogniser().classify(line, TODAY)
    assert heard.acts[0] == "hostile" and heard.rude


@pytest.mark.parametrize("line", [
    "您上周刚提了新车,这钱不是拿不出来,是不想先给我们吧?",  # 看穿, firm and lawful
    "王总,您这账拖了三个月,我们财务天天追着我问,您给个准话吧",
    "您做事一向爽快,这次怎么拖成这样了?",
    "哈哈你这酒量也太差了,三杯就倒,下回别喝了",
])
def test_the_shipped_model_leaves_firm_lawful_lines_and_teasing_alone(line: str) -> None:
    assert "hostile" not in Recogniser().classify(line, TODAY).acts


def test_the_shipped_rudeness_model_is_reproduced_up_to_date_and_never_saw_a_measure_set() -> None:
    texts, rude, _ = train.rudeness_rows(train.ROOT)
    w = train.train_rudeness(texts, rude)
    assert w.astype(np.float16).tobytes() == np.load(RUDENESS_WEIGHTS, allow_pickle=False).tobytes()
    meta = json.loads(RUDENESS_META.read_text(encoding="utf-8"))
    for rel, digest in meta["trained_on"].items():
        assert hashlib.sha256((train.ROOT / rel).read_bytes()).hexdigest() == digest, \
            f"{rel} changed since the rudeness model was trained: run `python -m trainer.core.language.train --rudeness`"
    assert not [p for p in meta["trained_on"] if "eval" in p or "holdout" in p]
    # r68a on stay the measure of writers it never read (r46a-r63b joined at stop 67, r64a-r65b at 68, r66a-r67b at 69)
    assert not any(p.startswith(f"tests/data/dev_r{n}") for p in meta["trained_on"] for n in range(68, 100))


def test_it_never_learns_a_threat() -> None:
    texts, rude, files = train.rudeness_rows(train.ROOT)
    learned = set(texts)
    threats = {str(r["text"]) for f in files if f.suffix == ".jsonl" for r in train.read_rows(f)
               if "hostile" in r["acts"] and r.get("kind") != "rude"}  # type: ignore[operator]
    assert threats and not threats & learned
    assert 0 < rude.sum() < len(texts)
