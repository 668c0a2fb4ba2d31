"""A threat draws the law, an insult a rebuke: every persona answers unlawful pressure with a legal counter-move
(报警, 录音, 律师, 法务) and plain rudeness in its own way (the issue: "draws a reaction (the talk ends, or a legal
counter-threat)"). Engine only — no Textual."""

from __future__ import annotations

import pytest

from trainer.core.content.library import load_library
from trainer.core.engine.session import Session

LIB = load_library()
THREATS = ["再不还钱,我就找人天天去你家门口等你儿子放学。", "今天不给钱,我就把你的照片挂到网上去,让大家都认识认识你。"]
INSULTS = ["废物,连个款都付不出来!", "你算个什么东西,也配跟我谈账期?"]
LEGAL = ("报警", "录", "律师", "法务", "告你", "法律", "派出所", "110", "保卫科", "法院", "公安", "犯法", "违法", "纪检", "警")


def _hostile_turn(scenario_id: str, line: str):
    sc = LIB.scenarios[scenario_id]
    s = Session(sc, LIB.persona_for(sc), seed=3)
    s.play("courtesy")
    turn = s.play(line)
    assert turn.tactic == "hostile", (scenario_id, line, turn.tactic)
    return s, turn


@pytest.mark.parametrize("scenario_id", sorted(LIB.scenarios))
@pytest.mark.parametrize("line", THREATS)
def test_a_threat_draws_a_legal_counter_move(scenario_id, line):
    s, turn = _hostile_turn(scenario_id, line)
    assert not turn.rude
    assert "越过法律的线" in turn.note, (scenario_id, turn.note)
    assert any(w in turn.reply for w in LEGAL), (scenario_id, turn.reply)


@pytest.mark.parametrize("scenario_id", sorted(LIB.scenarios))
@pytest.mark.parametrize("line", INSULTS)
def test_an_insult_draws_a_rebuke_not_the_law(scenario_id, line):
    s, turn = _hostile_turn(scenario_id, line)
    assert turn.rude
    assert "越过法律的线" not in turn.note, (scenario_id, turn.note)


@pytest.mark.parametrize("scenario_id", sorted(LIB.scenarios))
def test_a_second_threat_ends_or_hardens_the_talk(scenario_id):
    # the first threat moves him to his hostile state; a second one, where the persona has an ending for it, ends
    # the talk — never does a threat talk him round
    sc = LIB.scenarios[scenario_id]
    s = Session(sc, LIB.persona_for(sc), seed=3)
    s.play("courtesy")
    first = s.play(THREATS[0])
    second = s.play(THREATS[1])
    assert first.deltas.get("trust", 0) <= 0 or first.deltas.get("irritation", 0) > 0, first.deltas
    assert second.tactic == "hostile" and "越过法律的线" in second.note


def test_a_hostile_id_is_answered_as_a_threat():
    # typed as an id, nothing tells rudeness from a threat: the debtor answers the worse
    sc = LIB.scenarios["supermarket-chain"]
    s = Session(sc, LIB.persona_for(sc), seed=3)
    s.play("courtesy")
    turn = s.play("hostile")
    assert not turn.rude and "越过法律的线" in turn.note


@pytest.mark.parametrize("scenario_id", sorted(LIB.scenarios))
@pytest.mark.parametrize("line", INSULTS)
def test_an_insult_as_the_first_word_is_rudeness_not_pressure(scenario_id, line):
    # stop 39 (tmux, fake-broke): an insult opening the talk drew the note of a legal warning given too early
    # (先兵后礼:一见面就施压) — rudeness costs 礼, it is no lever
    sc = LIB.scenarios[scenario_id]
    turn = Session(sc, LIB.persona_for(sc), seed=3).play(line)
    assert turn.tactic == "hostile" and turn.rude
    assert "施压" not in turn.note and "越过法律的线" not in turn.note, (scenario_id, turn.note)
