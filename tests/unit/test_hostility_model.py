"""The hostility model (ngram_hostile.npy): hostility heard as a whole where no word list reaches, rude or unlawful."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest

from trainer.core.language import train
from trainer.core.language.intent import load_intent_model
from trainer.core.language.law import mandarin
from trainer.core.language.model import (
    BUCKETS,
    CLAUSE_WEIGHTS,
    HOSTILITY_LABELS,
    HOSTILITY_WEIGHTS,
    META,
    ActModel,
    NgramModel,
    grams,
    load_act_model,
    load_model,
)
from trainer.core.language.normalise import normalise
from trainer.core.language.recognise import FELT_BUSINESS, FELT_HOSTILE, VEILED_FELT, Recogniser
from trainer.core.language.recognition import Recognition

TODAY = dt.date(2026, 12, 1)


def _saying(hostile: float, unlawful: float) -> ActModel:
    """A hostility model that gives every text the same two probabilities (bias only). The tests here read its bars
    alone, with no rudeness model beside it (``rudeness_model=False``): that one has its own (test_rudeness_model)."""
    w = np.zeros((BUCKETS + 1, len(HOSTILITY_LABELS)), np.float32)
    w[-1] = [np.log(p / (1 - p)) for p in (hostile, unlawful)]
    return ActModel(HOSTILITY_LABELS, w)


# a line with no insult, no cue of hostility and no law pattern, about the money (words no list holds)
PLAIN = "就你们这点规模,还欠着我们十二万不给"


def test_the_model_hears_hostility_the_lists_miss_and_says_rude_or_unlawful() -> None:
    assert "hostile" not in Recogniser(rudeness_model=False, hostility_model=False).classify(PLAIN, TODAY).acts
    rude = Recogniser(rudeness_model=False, hostility_model=_saying(0.95, 0.1)).classify(PLAIN, TODAY)
    assert rude.tactic == "hostile" and rude.rude and rude.confidence == pytest.approx(0.95, abs=0.01)
    threat = Recogniser(rudeness_model=False, hostility_model=_saying(0.95, 0.9)).classify(PLAIN, TODAY)
    assert threat.tactic == "hostile" and not threat.rude


def test_hostility_heard_by_the_model_alone_is_not_outright_and_an_insult_is() -> None:
    # stop 57: the TUI asks about hostility the models alone heard (``Recognition.outright``)
    by_model = Recogniser(rudeness_model=False, hostility_model=_saying(0.9, 0.9)).classify(PLAIN, TODAY)
    assert by_model.tactic == "hostile" and not by_model.outright
    insult = Recogniser(rudeness_model=False, hostility_model=_saying(0.1, 0.1)).classify("废物,连个款都付不出来", TODAY)
    assert insult.tactic == "hostile" and insult.outright
    threat = Recogniser(rudeness_model=False, hostility_model=_saying(0.1, 0.1)).classify("再不还钱,我就去你家门口拉横幅", TODAY)
    assert threat.tactic == "hostile" and threat.outright and not threat.rude


def test_below_its_bar_or_away_from_the_money_or_in_his_words_the_model_hears_nothing() -> None:
    assert "hostile" not in Recogniser(rudeness_model=False, hostility_model=_saying(FELT_HOSTILE - 0.05, 0.9)).classify(PLAIN, TODAY).acts
    sure = Recogniser(rudeness_model=False, hostility_model=_saying(0.99, 0.9))
    # small talk is never hostile; his own words said back are not the trainee's move
    assert "hostile" not in sure.classify("今天天气真不错,您最近身体还好吧", TODAY).acts
    assert "hostile" not in sure.classify("您刚才说我们是来抢钱的,那咱们就把十二万的账摆出来看", TODAY).acts


def test_a_line_about_the_dealings_needs_the_model_surer_than_one_about_the_money() -> None:
    # stop 40 (dev_r25b): contempt for the man and his firm with no word of the money (你这个经理当得,连个字都不敢签)
    line = "你这个经理当得,连个字都不敢签,还不如回去种田"
    assert "hostile" not in Recogniser(rudeness_model=False, hostility_model=_saying(FELT_BUSINESS - 0.02, 0.1)).classify(line, TODAY).acts
    assert Recogniser(rudeness_model=False, hostility_model=_saying(FELT_BUSINESS + 0.05, 0.1)).classify(line, TODAY).tactic == "hostile"
    # small talk about neither the money nor the dealings stays out of it, however sure the model
    assert "hostile" not in Recogniser(rudeness_model=False, hostility_model=_saying(0.99, 0.1)).classify("你们门口那棵银杏黄得真好看", TODAY).acts


def _deaf(model: NgramModel) -> NgramModel:
    """``model`` with its hostile column silenced: since stop 60 the line and clause models learn the later sets' rude
    lines and hear rudeness said in words themselves; a test of the hostility model's own bars needs them deaf to it."""
    w = model.weights.copy()
    w[:, model.labels.index("hostile")] = -60.0
    return NgramModel(model.labels, w)


def _only_the_hostility_model(hostility_model: ActModel) -> Recogniser:
    """The shipped recogniser with line and clause models deaf to hostility (``_deaf``): what it hears as hostile, the
    hostility model, the law or a list heard."""
    line, clause = load_model(), load_model(CLAUSE_WEIGHTS)
    assert line is not None and clause is not None
    return Recogniser(model=_deaf(line), clause_model=_deaf(clause), act_model=load_act_model(),
                      hostility_model=hostility_model, intent_model=load_intent_model(), rudeness_model=False)


def _heard_only_above(line: str, bar: float, unlawful: float) -> Recognition:
    """The line heard with the hostility model just above ``bar`` (asserted hostile), after asserting it is not
    hostile just below (line and clause models deaf to hostility: ``_only_the_hostility_model``)."""
    assert "hostile" not in _only_the_hostility_model(_saying(bar - 0.02, unlawful)).classify(line, TODAY).acts
    heard = _only_the_hostility_model(_saying(bar + 0.05, unlawful)).classify(line, TODAY)
    assert heard.tactic == "hostile"
    return heard


class _SureOfOneReading(ActModel):
    """A hostility model sure of one text only (and lukewarm about every other)."""

    def __init__(self, text: str) -> None:
        super().__init__(HOSTILITY_LABELS, np.zeros((BUCKETS + 1, len(HOSTILITY_LABELS)), np.float32))
        self.ids = sorted(set(grams(normalise(text).bare)))

    def proba_grams(self, ids_per_text: list[list[int]]) -> np.ndarray:
        return np.array([[0.95, 0.1] if sorted(set(ids)) == self.ids else [0.3, 0.1] for ids in ids_per_text])


def test_a_line_in_dialect_is_felt_as_its_mandarin_reading_is_when_that_says_more() -> None:
    # stop 57: the model learned from far more Mandarin than any dialect (dev, with the mandarin reading from 0.9: 16
    # threats and insults in Hokkien, Wu and Gan words heard, one line of banter, two threats lost by the intent model)
    line = "汝欠阮的钱拖了半年,汝这个人真无路用"
    assert mandarin(normalise(line).marked) == "你欠我们的钱拖了半年你这个人真无路用"
    sure_of_mandarin = _SureOfOneReading("你欠我们的钱拖了半年你这个人真无路用")
    heard = _only_the_hostility_model(sure_of_mandarin).classify(line, TODAY)
    assert heard.tactic == "hostile" and heard.rude
    sure_of_nothing = _SureOfOneReading("今天天气不错")
    assert "hostile" not in _only_the_hostility_model(sure_of_nothing).classify(line, TODAY).acts


@pytest.mark.parametrize("line", [
    "跟你这号人讲道理就是浪费时间,一句实话都没有",
    "懒得跟你磨嘴皮子,你那套说辞留着哄别人去吧",
    "你這種人講不聽,同你講嘢真係嘥口水",
])
def test_contempt_for_how_he_carries_on_in_the_talk_needs_the_model_as_sure_as_for_the_dealings(line: str) -> None:
    # stop 57 (dev r23a-r51b: 44 rude lines with no word of the money or the dealings — his reasoning, his excuses, the
    # time he wastes — and the model at ≥ 0.85; none heard before)
    assert _heard_only_above(line, FELT_BUSINESS, unlawful=0.1).rude


@pytest.mark.parametrize("line", [
    "我就喜欢跟你这种人打交道,说一是一",  # praise of him
    "你再说我唱歌跑调,下回KTV我就不叫你了",  # banter about a song
])
def test_friendly_lines_about_him_stay_out_of_it_however_sure_the_model(line: str) -> None:
    assert "hostile" not in Recogniser(rudeness_model=False, hostility_model=_saying(0.99, 0.1)).classify(line, TODAY).acts


@pytest.mark.parametrize("line", [
    # dev_r26a / r27a / r25b: harm left hanging over him, his family or his property, or his family's day recited
    # (said with 冇得, the first now reads as the law's on its Mandarin reading: test_recognise's dialect tests)
    "您那台新车天天停在店门口,晚上也没个人看着,哪天被划了砸了,可就说不清了。",
    "听说您每个礼拜六都带孙子去中山公园玩,人多,孩子一眨眼就不见了,您可看紧了。",
    "你那个铺子哪天突然起了火,可别怪我没提醒你早点买保险。",
])
def test_a_veiled_threat_is_heard_unlawful_when_the_model_leans_that_way(line: str) -> None:
    # a threat, not rudeness, whatever the model's second say
    assert not _heard_only_above(line, VEILED_FELT, unlawful=0.2).rude


@pytest.mark.parametrize("line", [
    "晚上一个人盘仓库,记得叫保安陪着,万一摔倒了都有人知道。",  # dev_r27a: a safeguard said, no money — care
    "路上车多,您慢点开,出点事可就麻烦了。",  # a remedy
    "您家孩子在哪上学呀?我闺女也快上小学了。",  # no harm, no routine
])
def test_care_of_the_same_shape_is_not_a_threat(line: str) -> None:
    assert "hostile" not in Recogniser(rudeness_model=False, hostility_model=_saying(VEILED_FELT + 0.2, 0.9)).classify(line, TODAY).acts


def test_the_shipped_hostility_model_is_reproduced_and_never_saw_held_out_data() -> None:
    tpl = train.templates(train.ROOT)
    rows = train.hostility_rows(train.ROOT)
    w = train.train_hostility(tpl, rows)
    assert w.astype(np.float16).tobytes() == np.load(HOSTILITY_WEIGHTS, allow_pickle=False).tobytes()
    meta = json.loads(META.read_text(encoding="utf-8"))
    assert {f"tests/data/{f.name}" for f in train.hostility_files(train.ROOT)} <= set(meta["trained_on"])
    assert not [p for p in meta["trained_on"] if "eval" in p or "holdout" in p]


def test_hostility_heard_by_a_cue_is_rude_or_unlawful_as_the_model_says() -> None:
    # stop 39: hostility heard by a cue word alone (横) counted as unlawful; the model's second column now tells
    # (5-fold dev, per-fold models: rude lines called rude 80 → 91 of 95, unlawful lines called rude 0 of 248 both)
    line = "欠钱不还还这么横,你们老板是属螃蟹的吧?三十八万什么时候给"
    assert not Recogniser(rudeness_model=False, hostility_model=False).classify(line, TODAY).rude
    # (the model sure of the hostility, 0.8: at 0.5 the line models retrained at stop 43 hear the ask in it first)
    rude = Recogniser(rudeness_model=False, hostility_model=_saying(0.8, 0.1)).classify(line, TODAY)
    assert rude.tactic == "hostile" and rude.rude
    unlawful = Recogniser(rudeness_model=False, hostility_model=_saying(0.8, 0.9)).classify(line, TODAY)
    assert unlawful.tactic == "hostile" and not unlawful.rude
