"""Rewind and retry without the UI: the engine, the store's attempt family, `play --from`, `history --compare`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from trainer.cli import main
from trainer.core.content.library import load_library, resolve_scenario
from trainer.core.engine.session import Session
from trainer.core.language.recognition import Recognition
from trainer.core.store.attempts import AttemptError, compare, divergence, parse_start, rewind, start_attempt
from trainer.core.store.db import DB_NAME, Store

LOSING = ["courtesy", "probe_reason", "legal_warning", "legal_action"]
WINNING_FROM_3 = ["verify_balance", "timing", "rebut_excuse", "ask_high_settle_middle", "deadline_pressure",
                  "written_commitment", "timing"]


@pytest.fixture(scope="module")
def lib():
    return load_library()


@pytest.fixture
def fake_broke(lib):
    return resolve_scenario("fake-broke", lib)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / DB_NAME, clock=lambda: "2026-11-23T09:00:00+00:00")
    yield s
    s.close()


def played(scenario, persona, moves, seed=5):
    s = Session(scenario, persona, seed=seed)
    for m in moves:
        s.play(m)
    return s


def stored(store, scenario, persona, moves, seed=5):
    s = Session(scenario, persona, seed=seed)
    sid = store.begin(scenario, persona, seed, s.difficulty)
    for m in moves:
        store.record_turn(sid, s.play(m))
    return sid, s


def test_parse_start():
    assert parse_start("12:3") == parse_start(" #12 : 3 ")
    assert (parse_start("12:3").session_id, parse_start("12:3").turn) == (12, 3)
    for bad in ("12", "12:0", "a:3", "12:3:4", "", "12:-1"):
        with pytest.raises(AttemptError, match="练习:回合"):
            parse_start(bad)


def test_rewind_stands_exactly_where_the_parent_stood(fake_broke):
    parent = played(*fake_broke, LOSING + ["persist"], seed=11)
    for turn in range(1, len(parent.turns) + 1):
        s = rewind(parent, turn)
        assert [t.public() for t in s.turns] == [t.public() for t in parent.turns[: turn - 1]]
        assert s.meter_values() == (parent.turns[turn - 2].meters if turn > 1 else s.meter_values())
        assert s.rng.getstate() == played(*fake_broke, parent.moves[: turn - 1], seed=11).rng.getstate()
        s.close()


def test_rewind_keeps_hand_picked_tactics(fake_broke):
    parent = Session(*fake_broke, seed=2)
    parent.play("随便说一句", Recognition("verify_balance", 0.4))
    parent.play("courtesy")
    s = rewind(parent, 2)
    assert s.turns[0].tactic == "verify_balance" and s.turns[0].move == "随便说一句"


def test_rewind_range_is_checked(fake_broke):
    lost = played(*fake_broke, LOSING)
    assert lost.ended
    with pytest.raises(AttemptError, match=r"第 5 回合超出范围.*已经结束\(可选 1\.\.4\)"):
        rewind(lost, 5)
    with pytest.raises(AttemptError, match="超出范围"):
        rewind(lost, 0)
    open_talk = played(*fake_broke, LOSING[:2])
    assert len(rewind(open_talk, 3).turns) == 2  # the next turn of an open talk: a branch at the end


def test_lost_session_rewound_to_turn_3_wins(store, fake_broke):
    pid, lost = stored(store, *fake_broke, LOSING)
    assert lost.outcome.result == "legal"
    sid, s = start_attempt(store, pid, lost, 3, trainee="小王")
    for m in WINNING_FROM_3:
        store.record_turn(sid, s.play(m))
    assert s.outcome.result == "paid_in_full"
    row = store.session(sid)
    assert (row.parent_id, row.parent_turn, row.seed, row.difficulty, row.trainee) == (pid, 2, 5, "normal", "小王")
    assert [t.tactic for t in store.turns(sid)] == LOSING[:2] + WINNING_FROM_3
    c = compare(store, sid, load_library())
    first, second = c.attempts
    assert (first.diverged_at, second.diverged_at) == (None, 3)
    assert first.public()["result"] == "legal" and second.public()["result"] == "paid_in_full"
    assert second.score.total > first.score.total
    assert second.public()["reason_found_turn"] is not None


def test_divergence_is_computed_not_assumed(fake_broke):
    a = played(*fake_broke, LOSING)
    b = rewind(a, 2)
    b.play("probe_reason")  # the same move again: they still agree at turn 2
    b.play("verify_balance")
    assert divergence(a, b) == 3
    assert divergence(a, a) is None
    assert divergence(a, played(*fake_broke, LOSING[:2])) == 3  # one is a prefix of the other


def test_family_links_every_rewind_and_survives_a_cycle(store, fake_broke):
    pid, lost = stored(store, *fake_broke, LOSING)
    a, sa = start_attempt(store, pid, lost, 2)
    b, _ = start_attempt(store, a, played(*fake_broke, LOSING[:1]), 1)
    other, _ = stored(store, *fake_broke, ["courtesy"])
    for sid in (pid, a, b):
        assert [r.id for r in store.family(sid)] == [pid, a, b]
    assert [r.id for r in store.family(other)] == [other]
    assert store.family(999) == []
    with store.db:  # a hand-edited store: a parent loop must not hang
        store.db.execute("UPDATE sessions SET parent_id=? WHERE id=?", (b, pid))
    assert {r.id for r in store.family(a)} == {pid, a, b}


def test_begin_attempt_is_all_or_nothing(store, fake_broke, monkeypatch):
    pid, lost = stored(store, *fake_broke, LOSING)
    s = rewind(lost, 4)
    original = store._insert_turn
    calls = []

    def failing(session_id, turn):
        calls.append(turn.n)
        if len(calls) == 2:
            raise RuntimeError("disk gone")
        original(session_id, turn)

    monkeypatch.setattr(store, "_insert_turn", failing)
    with pytest.raises(RuntimeError):
        store.begin_attempt(s, "", pid, 3)
    assert [r.id for r in store.sessions()] == [pid]  # no half-made attempt left behind


# ------------------------------------------------------------------------------ CLI
def cli(args, input=None):
    return CliRunner().invoke(main, args, input=input)


def test_play_save_then_from_then_compare(tmp_path, monkeypatch):
    monkeypatch.setenv("TRAINER_HOME", str(tmp_path))
    r = cli(["play", "fake-broke", "--moves", "-", "--seed", "4", "--save", "--json"], "\n".join(LOSING))
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["session_id"] == 1 and "已保存为练习 1" in r.stderr
    r = cli(["play", "fake-broke", "--moves", "-", "--from", "1:3", "--json"], "\n".join(WINNING_FROM_3))
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["session_id"] == 2 and d["parent"] == {"id": 1, "turn": 3} and d["seed"] == 4
    assert [t["tactic"] for t in d["turns"]] == LOSING[:2] + WINNING_FROM_3
    assert d["outcome"]["result"] == "paid_in_full"
    # the same thing twice gives the same transcript: replayable
    again = json.loads(cli(["play", "fake-broke", "--moves", "-", "--from", "1:3", "--json"],
                           "\n".join(WINNING_FROM_3)).stdout)
    assert again["turns"] == d["turns"] and again["score"] == d["score"]
    h = json.loads(cli(["history", "--json"]).stdout)
    assert [(s["id"], s["parent_id"], s["parent_turn"]) for s in h["sessions"]] == [(1, None, None), (2, 1, 2),
                                                                                 (3, 1, 2)]
    assert "重来自练习 1 的第 3 回合" in cli(["history"]).stdout
    c = json.loads(cli(["history", "--compare", "2", "--json"]).stdout)
    assert [(a["id"], a["diverged_at"], a["result"]) for a in c["attempts"]] == [
        (1, None, "legal"), (2, 3, "paid_in_full"), (3, 3, "paid_in_full")]
    assert c["turns"][2]["attempts"]["1"]["tactic"] == "legal_warning"
    text = cli(["history", "--compare", "1"]).stdout
    assert "分岔回合" in text and "#1 第3回合" in text


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "1:9"], "第 9 回合超出范围"),
    (["--from", "1:0"], "不是 练习:回合 的写法"),
    (["--from", "7:2"], "没有编号为 7 的练习"),
    (["--from", "1:2", "--seed", "3"], "请去掉 --seed / --difficulty"),
])
def test_play_from_errors_are_one_line(tmp_path, monkeypatch, args, message):
    monkeypatch.setenv("TRAINER_HOME", str(tmp_path))
    assert cli(["play", "fake-broke", "--moves", "-", "--save"], "\n".join(LOSING)).exit_code == 0
    r = cli(["play", "fake-broke", "--moves", "-", *args], "courtesy\n")
    assert r.exit_code == 2 and message in r.stderr
    assert r.stderr.startswith("trainer: ") and len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.output


def test_play_from_another_scenario_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("TRAINER_HOME", str(tmp_path))
    cli(["play", "fake-broke", "--moves", "-", "--save"], "\n".join(LOSING))
    r = cli(["play", "genuinely-broke", "--moves", "-", "--from", "1:2"], "courtesy\n")
    assert r.exit_code == 2 and "的场景是 'fake-broke',不是 'genuinely-broke'" in r.stderr
    assert len(json.loads(cli(["history", "--json"]).stdout)["sessions"]) == 1  # nothing stored
