"""The 十大事先准备 ticked before the talk ride on the session: scored (有矩), stored, carried by the card."""

from __future__ import annotations

import json

import pytest

from trainer.core.competition.scorecard import CardError, parse_card, verify_card, write_scorecard
from trainer.core.content.library import load_library
from trainer.core.engine.session import Session
from trainer.core.judging.rubric import load_rubric
from trainer.core.judging.scoring import score_session
from trainer.core.store.db import Store, restore

RIGHT = ["courtesy", "probe_reason", "verify_balance", "timing", "rebut_excuse", "ask_high_settle_middle",
         "deadline_pressure", "written_commitment", "timing"]


def played(prepared):
    lib = load_library()
    sc = lib.scenarios["fake-broke"]
    s = Session(sc, lib.persona_for(sc), seed=3, prepared=prepared)
    for m in RIGHT:
        s.play(m)
    return lib, s


def test_the_session_carries_what_was_ticked_into_the_score():
    # 有矩 loses 3 points per unticked item (scoring/rubric.yaml: checklist_findings); hand-computed: 10 ticked → 90,
    # 2 ticked → 66, none ticked → 60; not known (None) costs nothing
    procedure = {p: score_session(played(p)[1]).principles["procedure"] for p in [tuple(range(1, 11)), (1, 2), ()]}
    assert procedure == {tuple(range(1, 11)): 90, (1, 2): 66, (): 60}
    _, s = played(None)
    assert s.prepared is None and score_session(s).principles["procedure"] == 90
    assert score_session(s, prepared=()).principles["procedure"] == 60  # an explicit argument still wins


def test_a_card_carries_prepared_and_verifies_by_replay(tmp_path):
    lib, s = played((1, 2, 3))
    write_scorecard(s, tmp_path / "c.json", "张三", "一组")
    card = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert card["prepared"] == [1, 2, 3]
    verify_card(card, lib, load_rubric())
    card["prepared"] = list(range(1, 11))  # ticking more afterwards changes the replayed score: rejected
    with pytest.raises(CardError, match="分数与重放不一致"):
        verify_card(card, lib, load_rubric())
    for bad in ("all", [0], [True], list(range(1, 60))):
        with pytest.raises(CardError, match="prepared"):
            parse_card(json.dumps({**card, "prepared": bad}, ensure_ascii=False).encode())


def test_the_store_keeps_what_was_ticked_for_resume(tmp_path):
    lib, s = played((2, 5))
    store = Store(tmp_path / "s.sqlite3")
    sid = store.begin(s.scenario, s.persona, s.seed, s.difficulty, "张三", prepared=s.prepared)
    for t in s.turns:
        store.record_turn(sid, t)
    row = store.session(sid)
    assert row is not None and row.prepared == (2, 5)
    again = restore(store, row, s.scenario, s.persona).session
    assert again.prepared == (2, 5) and score_session(again).total == score_session(s).total
