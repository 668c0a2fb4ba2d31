"""Issue 15, several visits: the follow-up scenario spans three visits (面谈 → 电话 → 面谈), headless,
in a scorecard that replays, and through the store."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from trainer.cli import main
from trainer.core.competition.scorecard import read_card, verify_card, write_scorecard
from trainer.core.content.library import load_library, resolve_scenario
from trainer.core.engine.session import Session
from trainer.core.judging.rubric import load_rubric
from trainer.core.store.db import DB_NAME, Store, home, restore

#: the course-right line: verify, a date in writing, confirm by phone the day before, collect, receipt, goodbye
RIGHT = ["courtesy", "verify_balance", "probe_reason", "deadline_pressure", "written_commitment",
         "confirm_day_before", "timing", "written_commitment", "polite_exit"]
#: the same first visit, closed with a word of thanks, but the phone call is small talk: he "forgets" and pays another
#: supplier first (stop 63: the word right after he signed still closes the first visit; the next is the call)
SKIP = ["courtesy", "verify_balance", "deadline_pressure", "written_commitment", "courtesy", "courtesy",
        "deadline_pressure", "direct_ask", "written_commitment"]


@pytest.fixture(scope="module")
def follow_up():
    return resolve_scenario("follow-up", load_library())


def play(scenario, persona, moves, seed=1):
    s = Session(scenario, persona, seed=seed)
    for m in moves:
        s.play_tactic(m)
    return s


def test_the_states_are_spread_over_three_visits_with_their_scenes(follow_up):
    _, persona = follow_up
    scenes = {st.visit: st.scene for st in persona.states.values() if st.ending is None}
    assert scenes == {1: "面谈", 2: "电话", 3: "面谈"}


def test_headless_play_json_carries_visits_one_two_three_in_order():
    r = CliRunner().invoke(main, ["play", "follow-up", "--moves", "-", "--seed", "1", "--json"],
                           "\n".join(RIGHT) + "\n")
    assert r.exit_code == 0, r.output
    played = json.loads(r.stdout)
    visits = [t["visit"] for t in played["turns"]]
    assert visits == sorted(visits) and set(visits) == {1, 2, 3}
    # the signed date moves the talk to the phone call; the confirmation to the third visit
    assert [t["visit"] for t in played["turns"]] == [1, 1, 1, 1, 2, 3, 3, 3, 3]
    assert played["turns"][4]["state"] == "date_agreed" and played["turns"][5]["state"] == "confirmed"
    assert played["outcome"]["result"] == "paid_in_full" and played["outcome"]["recovered_ratio"] == 1.0


def test_skipping_the_call_the_day_before_recovers_less(follow_up):
    scenario, persona = follow_up
    right, skip = play(scenario, persona, RIGHT), play(scenario, persona, SKIP)
    assert right.outcome is not None and skip.outcome is not None
    assert "unconfirmed" in {t.state for t in skip.turns} and "confirmed" not in {t.state for t in skip.turns}
    assert skip.outcome.result == "partial" and skip.outcome.recovered_ratio == pytest.approx(0.8)
    assert right.outcome.recovered_ratio == 1.0
    assert [t.visit for t in skip.turns] == [1, 1, 1, 2, 2, 3, 3, 3, 3]


def test_after_payment_the_receipt_and_the_goodbye_cost_nothing(follow_up):
    scenario, persona = follow_up
    s = play(scenario, persona, RIGHT)
    receipt, goodbye = s.turns[-2], s.turns[-1]
    assert (receipt.state, goodbye.state) == ("receipted", "paid_full")
    assert receipt.deltas.get("irritation", 0) <= 0 and goodbye.deltas.get("irritation", 0) <= 0


def test_a_scorecard_of_three_visits_verifies_by_replay(tmp_path, follow_up):
    scenario, persona = follow_up
    s = play(scenario, persona, RIGHT, seed=4)
    write_scorecard(s, tmp_path / "card.json", "小王", "一组")
    card, _ = read_card(tmp_path / "card.json")
    assert [t["visit"] for t in card["transcript"]] == [t.visit for t in s.turns]
    verify_card(card, load_library(), load_rubric(), same_files=True)  # raises CardError on any difference


def test_store_round_trip_keeps_turns_and_visits(tmp_path, monkeypatch, follow_up):
    monkeypatch.setenv("TRAINER_HOME", str(tmp_path / "home"))
    scenario, persona = follow_up
    store = Store(home() / DB_NAME, clock=lambda: "2026-11-09T09:00:00+00:00")
    try:
        live = Session(scenario, persona, seed=2)
        sid = store.begin(scenario, persona, 2, live.difficulty, "小王")
        for m in RIGHT:
            store.record_turn(sid, live.play_tactic(m))
        r = restore(store, store.session(sid), scenario, persona)
    finally:
        store.close()
    assert r.diverged_at is None and not r.content_changed
    assert [t.public() for t in r.session.turns] == [t.public() for t in live.turns]
    assert [t.visit for t in r.session.turns] == [1, 1, 1, 1, 2, 3, 3, 3, 3]
    assert r.session.outcome is not None and r.session.outcome.result == "paid_in_full"
