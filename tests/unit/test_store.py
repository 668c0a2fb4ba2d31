"""The session store: a commit per turn, resume by replay with the stored tactics and seed."""

from __future__ import annotations

import sqlite3

import pytest

from trainer.core.content.library import load_library, resolve_scenario
from trainer.core.engine.session import Session
from trainer.core.language.recognition import Recognition
from trainer.core.store.db import DB_NAME, Store, StoreError, home, restore

MOVES = ["courtesy", "probe_reason", "verify_balance", "timing", "rebut_excuse", "ask_high_settle_middle",
         "deadline_pressure", "written_commitment", "timing"]


@pytest.fixture
def fake_broke():
    return resolve_scenario("fake-broke", load_library())


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / DB_NAME, clock=lambda: "2026-11-02T09:00:00+00:00")
    yield s
    s.close()


def play_stored(store, scenario, persona, moves, seed=3, difficulty="normal"):
    s = Session(scenario, persona, seed=seed, difficulty=difficulty)
    sid = store.begin(scenario, persona, seed, difficulty, "小王")
    for m in moves:
        turn = s.play(m, Recognition(m, 1.0)) if m in MOVES else s.play(m)
        store.record_turn(sid, turn)
    return s, sid


def test_home_honours_trainer_home(monkeypatch, tmp_path):
    monkeypatch.setenv("TRAINER_HOME", str(tmp_path / "h"))
    assert home() == tmp_path / "h"
    monkeypatch.delenv("TRAINER_HOME")
    assert home().name == "huikuan-dojo"


def test_wal_and_each_turn_visible_to_another_connection_at_once(store, fake_broke):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    scenario, persona = fake_broke
    s = Session(scenario, persona, seed=1)
    sid = store.begin(scenario, persona, 1, s.difficulty)
    other = sqlite3.connect(store.path)
    for i, m in enumerate(MOVES[:3], 1):
        store.record_turn(sid, s.play_tactic(m))
        # a second reader (as after a crash) already sees the turn: it was committed, not buffered
        assert other.execute("SELECT COUNT(*) FROM turns WHERE session_id=?", (sid,)).fetchone()[0] == i
    other.close()


def test_sessions_list_turn_counts_and_finish(store, fake_broke):
    scenario, persona = fake_broke
    s1, a = play_stored(store, scenario, persona, MOVES[:2])
    s2, b = play_stored(store, scenario, persona, MOVES)
    assert s2.ended and not s1.ended
    store.finish(b, s2.outcome.result, 97)
    rows = {r.id: r for r in store.sessions()}
    assert rows[a].turns == 2 and not rows[a].finished and rows[a].result is None
    assert rows[b].turns == 9 and rows[b].finished and rows[b].result == "paid_in_full" and rows[b].total == 97
    assert rows[a].trainee == "小王" and rows[a].scenario_sha == scenario.sha256
    assert store.latest_unfinished().id == a
    pub = rows[b].public()
    assert pub["turns"] == 9 and pub["finished"] is True and pub["scenario"] == "fake-broke"


def test_restore_replays_every_turn_identically(store, fake_broke):
    scenario, persona = fake_broke
    live, sid = play_stored(store, scenario, persona, MOVES[:3], seed=11, difficulty="easy")
    r = restore(store, store.find(None), scenario, persona)
    assert r.diverged_at is None and not r.content_changed
    assert r.session.seed == 11 and r.session.difficulty == "easy"
    assert [t.public() for t in r.session.turns] == [t.public() for t in live.turns]
    assert r.session.meter_values() == live.meter_values()
    # and it carries on exactly as the original would have
    assert r.session.play_tactic("deadline_pressure").reply == live.play_tactic("deadline_pressure").reply


def test_restore_uses_stored_tactic_not_a_new_recognition(store, fake_broke):
    scenario, persona = fake_broke
    s = Session(scenario, persona, seed=0)
    sid = store.begin(scenario, persona, 0, s.difficulty)
    # the trainee's words, recognised (back then) as verify_balance
    store.record_turn(sid, s.play("这句话今天的识别器未必认得", Recognition("verify_balance", 0.61)))
    r = restore(store, store.session(sid), scenario, persona)
    t = r.session.turns[0]
    assert (t.move, t.tactic, t.confidence) == ("这句话今天的识别器未必认得", "verify_balance", 0.61)
    assert store.turns(sid)[0].tactic == "verify_balance"


def test_restore_notices_changed_content(store, fake_broke):
    scenario, persona = fake_broke
    _, sid = play_stored(store, scenario, persona, MOVES[:2])
    store.db.execute("UPDATE sessions SET persona_sha='old' WHERE id=?", (sid,))
    store.db.commit()
    assert restore(store, store.session(sid), scenario, persona).content_changed


def test_find_errors_are_one_line(store):
    with pytest.raises(StoreError, match="没有未完成的练习"):
        store.find(None)
    with pytest.raises(StoreError, match="没有编号为 42 的练习"):
        store.find("42")
    with pytest.raises(StoreError, match="不是练习编号"):
        store.find("abc")


def test_settings_round_trip(store):
    assert store.get_setting("script", "simplified") == "simplified"
    store.set_setting("script", "traditional")
    store.set_setting("script", "simplified")
    assert store.get_setting("script") == "simplified"


def test_unopenable_store_is_a_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="无法打开练习记录库"):
        Store(blocker / "sub" / DB_NAME)
