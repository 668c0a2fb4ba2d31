"""The store under load and faults: busy waits and bounded retries, disk full, read-only, schema versions."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest
from click.testing import CliRunner

from trainer.cli import main
from trainer.core.content.library import load_library, resolve_scenario
from trainer.core.engine.session import Session
from trainer.core.language.recognition import Recognition
from trainer.core.store import db
from trainer.core.store.db import (
    DB_NAME,
    RETRIES,
    SCHEMA,
    SCHEMA_VERSION,
    Store,
    StoreError,
    StoreVersionError,
    StoreWriteError,
)

MOVES = ["courtesy", "probe_reason", "verify_balance", "timing", "rebut_excuse", "ask_high_settle_middle",
         "deadline_pressure", "written_commitment", "persist"]
MOVES_TEXT = "\n".join(MOVES) + "\n"


@pytest.fixture
def fake_broke():
    return resolve_scenario("fake-broke", load_library())


@pytest.fixture
def sleeps(monkeypatch):
    """The backoff's pauses, recorded instead of slept."""
    out: list[float] = []
    monkeypatch.setattr(db.time, "sleep", out.append)
    return out


def session_with_turns(store, scenario, persona, n):
    s = Session(scenario, persona, seed=1)
    sid = store.begin(scenario, persona, 1, s.difficulty)
    for m in MOVES[:n]:
        store.record_turn(sid, s.play(m, Recognition(m, 1.0)))
    return s, sid


class Busy:
    """A connection on which the first ``fails`` INSERTs find the database locked (another writer)."""

    def __init__(self, real, fails):
        self.real, self.fails = real, fails

    def execute(self, sql, *args):
        if sql.lstrip().upper().startswith("INSERT") and self.fails > 0:
            self.fails -= 1
            raise sqlite3.OperationalError("database is locked")
        return self.real.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self.real, name)

    def __enter__(self):
        return self.real.__enter__()

    def __exit__(self, *exc):
        return self.real.__exit__(*exc)


def test_a_busy_store_is_waited_for_and_retried_with_growing_pauses(tmp_path, fake_broke, sleeps):
    store = Store(tmp_path / DB_NAME)
    scenario, persona = fake_broke
    store.db = Busy(store.db, fails=4)
    s = Session(scenario, persona, seed=1)
    sid = store.begin(scenario, persona, 1, s.difficulty)  # four busy answers, then it goes through
    store.record_turn(sid, s.play("courtesy", Recognition("courtesy", 1.0)))
    assert [r.turns for r in store.sessions()] == [1]
    assert len(sleeps) == 4
    for i, pause in enumerate(sleeps):  # doubling from the first, each jittered by ±50 %
        base = min(db._BACKOFF_FIRST * 2 ** i, db._BACKOFF_MAX)
        assert base * 0.5 <= pause <= base * 1.5


def test_a_store_busy_for_too_long_is_one_line_after_bounded_retries(tmp_path, fake_broke, sleeps):
    store = Store(tmp_path / DB_NAME)
    scenario, persona = fake_broke
    store.db = Busy(store.db, fails=10 ** 6)
    with pytest.raises(StoreWriteError) as e:
        store.begin(scenario, persona, 1, "normal")
    assert len(sleeps) == RETRIES
    assert "被别的程序占用" in str(e.value) and "\n" not in str(e.value)
    assert store.db.fails == 10 ** 6 - RETRIES - 1


def test_disk_full_is_a_store_write_error_and_the_turns_before_it_stay(tmp_path, fake_broke):
    path = tmp_path / DB_NAME
    store = Store(path)
    scenario, persona = fake_broke
    s, sid = session_with_turns(store, scenario, persona, 3)
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite now answers SQLITE_FULL, as on a full disk
    turn = s.play("timing", Recognition("timing", 1.0))
    big = dataclasses.replace(turn, move="我们再谈谈" * 20000)
    with pytest.raises(StoreWriteError, match="磁盘已满") as e:
        store.record_turn(sid, big)
    assert "\n" not in str(e.value)
    store.close()
    again = Store(path)
    assert [t.move for t in again.turns(sid)] == MOVES[:3]


def test_a_read_only_store_is_one_line_on_write(tmp_path, fake_broke):
    store = Store(tmp_path / DB_NAME)
    scenario, persona = fake_broke
    store.db.execute("PRAGMA query_only = 1")  # as a read-only file does (root may write any file, so no chmod)
    with pytest.raises(StoreWriteError, match="只读") as e:
        store.begin(scenario, persona, 1, "normal")
    assert "\n" not in str(e.value)


def test_seed_beyond_64_bits_is_a_store_error_not_an_overflow(tmp_path, fake_broke):
    store = Store(tmp_path / DB_NAME)
    scenario, persona = fake_broke
    with pytest.raises(StoreError, match="超出范围"):
        store.begin(scenario, persona, 2 ** 63, "normal")
    assert store.sessions() == []


# ------------------------------------------------------------ schema versions
def test_a_new_store_has_the_current_schema_version(tmp_path):
    store = Store(tmp_path / DB_NAME)
    assert store.schema_version() == SCHEMA_VERSION == 3


def test_an_unversioned_store_is_migrated_and_keeps_its_sessions(tmp_path):
    path = tmp_path / DB_NAME
    old = sqlite3.connect(path)
    old.executescript(SCHEMA)  # the tables as written before versions existed (user_version 0)
    old.execute("INSERT INTO sessions(scenario_id, scenario_sha, persona_sha, seed, difficulty, created_at) "
                "VALUES ('fake-broke', 'a', 'b', 3, 'normal', '2026-01-01T00:00:00+00:00')")
    old.commit()
    old.close()
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert [(r.id, r.scenario_id, r.seed) for r in store.sessions()] == [(1, "fake-broke", 3)]
    indexes = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "sessions_parent" in indexes


def newer_store(path):
    d = sqlite3.connect(path)
    d.executescript("CREATE TABLE sessions(id INTEGER PRIMARY KEY, uuid TEXT); PRAGMA user_version = 7;")
    d.close()


def test_a_store_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / DB_NAME
    newer_store(path)
    with pytest.raises(StoreVersionError, match="更新版本") as e:
        Store(path)
    assert "\n" not in str(e.value) and "7" in str(e.value)
    d = sqlite3.connect(path)
    assert d.execute("PRAGMA user_version").fetchone()[0] == 7
    assert d.execute("PRAGMA journal_mode").fetchone()[0] != "wal"  # not even switched to WAL
    assert [r[0] for r in d.execute("SELECT name FROM sqlite_master")] == ["sessions"]


@pytest.mark.parametrize("args", [["history"], ["history", "--json"], ["resume"],
                                  ["play", "fake-broke", "--moves", "-", "--save"]])
def test_history_play_and_resume_refuse_a_newer_store_in_one_line(tmp_path, monkeypatch, args):
    monkeypatch.setenv("TRAINER_HOME", str(tmp_path))
    newer_store(tmp_path / DB_NAME)
    r = CliRunner().invoke(main, args, input=MOVES_TEXT)
    assert r.exit_code in (1, 2) and isinstance(r.exception, SystemExit), r.output
    lines = [x for x in r.output.splitlines() if x.strip()]
    assert len(lines) == 1 and "更新版本" in lines[0], r.output


# ------------------------------------------------------------ headless play with --save
def test_headless_disk_full_is_one_line_non_zero_and_keeps_committed_turns(tmp_path, monkeypatch):
    monkeypatch.setenv("TRAINER_HOME", str(tmp_path))
    real = Store._insert_turn
    calls = []

    def fills_up(self, session_id, turn):
        calls.append(turn.n)
        if len(calls) > 3:
            raise sqlite3.OperationalError("database or disk is full")
        real(self, session_id, turn)

    monkeypatch.setattr(Store, "_insert_turn", fills_up)
    r = CliRunner().invoke(main, ["play", "fake-broke", "--moves", "-", "--save", "--json"], input=MOVES_TEXT)
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit), r.output
    lines = [x for x in r.output.splitlines() if x.strip()]
    assert len(lines) == 1 and "磁盘已满" in lines[0] and "已保存 3 回合" in lines[0]
    monkeypatch.setattr(Store, "_insert_turn", real)
    rows = Store(tmp_path / DB_NAME).sessions()
    assert [(r.turns, r.finished) for r in rows] == [(3, False)]  # resumable


def test_headless_read_only_store_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("TRAINER_HOME", str(tmp_path))
    real = Store._open

    def read_only(self):
        real(self)
        self.db.execute("PRAGMA query_only = 1")

    monkeypatch.setattr(Store, "_open", read_only)
    r = CliRunner().invoke(main, ["play", "fake-broke", "--moves", "-", "--save"], input=MOVES_TEXT)
    assert r.exit_code == 2 and isinstance(r.exception, SystemExit), r.output
    lines = [x for x in r.output.splitlines() if x.strip()]
    assert len(lines) == 1 and "只读" in lines[0]


def test_seed_out_of_range_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("TRAINER_HOME", str(tmp_path))
    r = CliRunner().invoke(main, ["play", "fake-broke", "--moves", "-", "--seed", str(2 ** 63), "--save"],
                           input=MOVES_TEXT)
    assert r.exit_code == 2 and isinstance(r.exception, SystemExit), r.output
    assert "超出范围" in r.output and str(2 ** 63 - 1) in r.output
    r = CliRunner().invoke(main, ["play", "fake-broke", "--moves", "-", "--seed", str(2 ** 63 - 1), "--save",
                                  "--json"], input=MOVES_TEXT)
    assert r.exit_code == 0, r.output


def test_a_store_in_a_read_only_folder_is_read_but_never_written(tmp_path, fake_broke, monkeypatch):
    """On a read-only disk SQLite cannot make the WAL's side files, so the store opens immutable: history
    reads it, a write is one line. (Simulated: the tests may run as root, who can write any folder.)"""
    path = tmp_path / DB_NAME
    scenario, persona = fake_broke
    first = Store(path)
    session_with_turns(first, scenario, persona, 2)
    first.close()

    def cannot_open(self):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(Store, "_open", cannot_open)
    monkeypatch.setattr(db.os, "access", lambda p, mode: False)
    store = Store(path)
    assert store.read_only and [r.turns for r in store.sessions()] == [2]
    with pytest.raises(StoreWriteError, match="只读") as e:
        store.begin(scenario, persona, 1, "normal")
    assert "\n" not in str(e.value)


def test_a_version_2_store_gains_the_prepared_column_and_keeps_its_sessions(tmp_path):
    path = tmp_path / DB_NAME
    old = sqlite3.connect(path)
    old.executescript(SCHEMA)
    old.execute("INSERT INTO sessions(scenario_id, scenario_sha, persona_sha, seed, difficulty, created_at) "
                "VALUES ('fake-broke', 'a', 'b', 3, 'normal', '2026-01-01T00:00:00+00:00')")
    old.execute("PRAGMA user_version = 2")
    old.commit()
    old.close()
    store = Store(path)
    assert store.schema_version() == 3
    (row,) = store.sessions()
    assert (row.id, row.seed, row.prepared) == (1, 3, None)  # written before the checklist was kept: not known
