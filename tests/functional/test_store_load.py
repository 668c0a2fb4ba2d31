"""50 headless `play --save` at once against one store: every session and every turn is kept, none dies."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

from trainer.core.store.db import DB_NAME, SCHEMA_VERSION

MOVES = ["courtesy", "probe_reason", "verify_balance", "timing", "rebut_excuse", "ask_high_settle_middle",
         "deadline_pressure", "written_commitment", "persist"]
N = 50


def test_fifty_parallel_saving_sessions_lose_nothing(tmp_path):
    moves = tmp_path / "moves.txt"
    moves.write_text("\n".join(MOVES) + "\n", encoding="utf-8")
    env = dict(os.environ, TRAINER_HOME=str(tmp_path / "home"))
    procs = [subprocess.Popen([sys.executable, "-m", "trainer", "play", "fake-broke", "--moves", str(moves),
                               "--save", "--seed", str(i), "--json"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for i in range(N)]
    outputs = [p.communicate() for p in procs]  # in turn: a process waiting on a full pipe holds no store lock
    errors = [(p.returncode, err.decode()) for p, (_, err) in zip(procs, outputs, strict=True)]
    failed = [(code, err) for code, err in errors if code != 0]
    assert failed == [], failed[:3]
    assert not any("locked" in err or "Traceback" in err for _, err in errors)
    d = sqlite3.connect(tmp_path / "home" / DB_NAME)
    rows = d.execute("SELECT s.seed, s.ended_at IS NOT NULL, (SELECT COUNT(*) FROM turns t WHERE t.session_id = s.id)"
                     " FROM sessions s ORDER BY s.seed").fetchall()
    assert len(rows) == N and {seed for seed, _, _ in rows} == set(range(N))
    assert all(finished for _, finished, _ in rows)  # no partial sessions
    played = {i: len(json.loads(out)["turns"]) for i, (out, _) in enumerate(outputs)}
    assert {seed: turns for seed, _, turns in rows} == played  # every turn played is stored
    assert d.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
