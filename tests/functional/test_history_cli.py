"""`trainer history --json` and `trainer resume` from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from trainer.core.content.library import load_library, resolve_scenario
from trainer.core.engine.session import Session
from trainer.core.store.db import Store

ROOT = Path(__file__).resolve().parents[2]


def trainer(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, TRAINER_HOME=str(home), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "trainer", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)


def seed_store(home: Path) -> tuple[int, int]:
    store = Store(home / "sessions.sqlite3")
    scenario, persona = resolve_scenario("fake-broke", load_library())
    ids = []
    for finished, moves in ((True, ["courtesy", "verify_balance", "timing", "deadline_pressure", "written_commitment"]),
                            (False, ["courtesy", "probe_reason"])):
        s = Session(scenario, persona, seed=2)
        sid = store.begin(scenario, persona, 2, s.difficulty, "小李")
        for m in moves:
            store.record_turn(sid, s.play_tactic(m))
        if finished:
            store.finish(sid, s.outcome.result if s.outcome else "no_progress", 90)
        ids.append(sid)
    store.close()
    return ids[0], ids[1]


def test_history_json_lists_past_and_unfinished_with_turn_counts(tmp_path):
    done, open_ = seed_store(tmp_path)
    r = trainer(tmp_path, "history", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    by_id = {s["id"]: s for s in data["sessions"]}
    assert by_id[done]["turns"] == 5 and by_id[done]["finished"] and by_id[done]["total"] == 90
    assert by_id[open_]["turns"] == 2 and not by_id[open_]["finished"] and by_id[open_]["result"] is None
    assert data["unfinished"] == 1 and by_id[open_]["scenario"] == "fake-broke" and by_id[open_]["seed"] == 2


def test_history_json_on_an_empty_store(tmp_path):
    r = trainer(tmp_path, "history", "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["sessions"] == []


def test_resume_with_nothing_to_resume_is_one_line(tmp_path):
    r = trainer(tmp_path, "resume")
    assert r.returncode == 1 and r.stderr.strip() == \
        "trainer: 没有未完成的练习可以继续;`trainer history` 列出全部练习"
    done, _ = seed_store(tmp_path)
    r = trainer(tmp_path, "resume", str(done))
    assert r.returncode == 1 and "已经结束" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = trainer(tmp_path, "resume", "77")
    assert r.returncode == 1 and r.stderr.strip() == "trainer: 没有编号为 77 的练习;`trainer history` 列出全部练习"
