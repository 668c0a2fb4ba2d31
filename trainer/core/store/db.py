"""The local store: every session and every turn in SQLite, committed as it happens.

Lives in ``$TRAINER_HOME`` or the platform's user data folder. WAL mode and one commit per
turn mean a killed terminal loses nothing. A session is rebuilt by replaying its stored moves
with their stored tactics and seed (the engine is deterministic), so a better recogniser never
rewrites an old session.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the engine loads lazily: the UI's first screen must not wait for it
    from trainer.core.content.models import Persona, Scenario
    from trainer.core.engine.session import Session, Turn
    from trainer.core.language.recognition import Recognise

DB_NAME = "sessions.sqlite3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    scenario_id TEXT NOT NULL, scenario_sha TEXT NOT NULL, persona_sha TEXT NOT NULL,
    seed INTEGER NOT NULL, difficulty TEXT NOT NULL, trainee TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL, ended_at TEXT, result TEXT, total INTEGER,
    parent_id INTEGER REFERENCES sessions(id), parent_turn INTEGER);
CREATE TABLE IF NOT EXISTS turns(
    session_id INTEGER NOT NULL REFERENCES sessions(id), n INTEGER NOT NULL,
    move TEXT NOT NULL, tactic TEXT, confidence REAL NOT NULL, reply TEXT NOT NULL, state TEXT NOT NULL,
    json TEXT NOT NULL, PRIMARY KEY(session_id, n));
CREATE TABLE IF NOT EXISTS settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class StoreError(Exception):
    """A problem the user can cause (unknown session, unreadable store); str() is one line."""


def home() -> Path:
    """Where the user's sessions and scorecards live."""
    env = os.environ.get("TRAINER_HOME", "").strip()
    if env:
        return Path(env).expanduser()
    # deferred for start-up: `trainer history` and the picker read the store without loading this
    from platformdirs import user_data_dir
    return Path(user_data_dir("huikuan-dojo"))


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class SessionRow:
    id: int
    scenario_id: str
    scenario_sha: str
    persona_sha: str
    seed: int
    difficulty: str
    trainee: str
    created_at: str
    ended_at: str | None
    result: str | None
    total: int | None
    parent_id: int | None
    parent_turn: int | None
    turns: int = 0

    @property
    def finished(self) -> bool:
        return self.ended_at is not None

    def public(self) -> dict[str, Any]:
        return {"id": self.id, "scenario": self.scenario_id, "seed": self.seed, "difficulty": self.difficulty,
                "trainee": self.trainee, "created_at": self.created_at, "ended_at": self.ended_at,
                "finished": self.finished, "result": self.result, "total": self.total, "turns": self.turns,
                "parent_id": self.parent_id, "parent_turn": self.parent_turn,
                "scenario_sha": self.scenario_sha, "persona_sha": self.persona_sha}


@dataclass(frozen=True)
class TurnRow:
    n: int
    move: str
    tactic: str | None
    confidence: float
    reply: str
    state: str


_SESSION_COLS = ("s.id, s.scenario_id, s.scenario_sha, s.persona_sha, s.seed, s.difficulty, s.trainee, s.created_at, "
                 "s.ended_at, s.result, s.total, s.parent_id, s.parent_turn, "
                 "(SELECT COUNT(*) FROM turns t WHERE t.session_id = s.id)")


class Store:
    def __init__(self, path: Path | str | None = None, clock: Callable[[], str] = _now):
        self.path = Path(path) if path is not None else home() / DB_NAME
        self.clock = clock
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"{self.path}: cannot open the session store: {e}") from None

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------ writing
    def begin(self, scenario: Scenario, persona: Persona, seed: int, difficulty: str, trainee: str = "",
              parent_id: int | None = None, parent_turn: int | None = None) -> int:
        with self.db:
            return self._insert_session(scenario, persona, seed, difficulty, trainee, parent_id, parent_turn)

    def _insert_session(self, scenario: Scenario, persona: Persona, seed: int, difficulty: str, trainee: str,
                        parent_id: int | None, parent_turn: int | None) -> int:
        cur = self.db.execute(
            "INSERT INTO sessions(scenario_id, scenario_sha, persona_sha, seed, difficulty, trainee, created_at,"
            " parent_id, parent_turn) VALUES (?,?,?,?,?,?,?,?,?)",
            (scenario.id, scenario.sha256, persona.sha256, int(seed), difficulty, trainee, self.clock(),
             parent_id, parent_turn))
        assert cur.lastrowid is not None  # always set after an INSERT
        return int(cur.lastrowid)

    def record_turn(self, session_id: int, turn: Turn) -> None:
        """Commit one turn (call before the reply is shown)."""
        with self.db:
            self._insert_turn(session_id, turn)

    def _insert_turn(self, session_id: int, turn: Turn) -> None:
        self.db.execute(
            "INSERT INTO turns(session_id, n, move, tactic, confidence, reply, state, json) VALUES (?,?,?,?,?,?,?,?)",
            (session_id, turn.n, turn.move, turn.tactic, float(turn.confidence), turn.reply, turn.state,
             json.dumps(turn.public(), ensure_ascii=False, sort_keys=True)))

    def rewrite(self, session_id: int, session: Session) -> None:
        """Replace a session's stored turns and persona hash with ``session``'s (after a hot reload of the
        persona replayed the moves against the new file), in one transaction."""
        with self.db:
            self.db.execute("DELETE FROM turns WHERE session_id=?", (session_id,))
            self.db.execute("UPDATE sessions SET persona_sha=? WHERE id=?", (session.persona.sha256, session_id))
            for turn in session.turns:
                self._insert_turn(session_id, turn)

    def begin_attempt(self, session: Session, trainee: str, parent_id: int, parent_turn: int) -> int:
        """A new attempt that starts from turn ``parent_turn`` of session ``parent_id``: the session row and the
        turns it already carries, in one transaction (a crash leaves either the whole attempt or none of it)."""
        with self.db:
            sid = self._insert_session(session.scenario, session.persona, session.seed, session.difficulty, trainee,
                                       parent_id, parent_turn)
            for turn in session.turns:
                self._insert_turn(sid, turn)
        return sid

    def finish(self, session_id: int, result: str, total: int) -> None:
        with self.db:
            self.db.execute("UPDATE sessions SET ended_at=?, result=?, total=? WHERE id=?",
                            (self.clock(), result, int(total), session_id))

    def get_setting(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.db:
            self.db.execute("INSERT INTO settings(key, value) VALUES (?,?) "
                            "ON CONFLICT(key) DO UPDATE SET value=excluded.value", (key, value))

    # ------------------------------------------------------------ reading
    def sessions(self) -> list[SessionRow]:
        """Every session, oldest first, with its turn count."""
        rows = self.db.execute(f"SELECT {_SESSION_COLS} FROM sessions s ORDER BY s.id").fetchall()
        return [SessionRow(*r) for r in rows]

    def session(self, session_id: int) -> SessionRow | None:
        r = self.db.execute(f"SELECT {_SESSION_COLS} FROM sessions s WHERE s.id=?", (session_id,)).fetchone()
        return SessionRow(*r) if r else None

    def latest_unfinished(self) -> SessionRow | None:
        r = self.db.execute(f"SELECT {_SESSION_COLS} FROM sessions s WHERE s.ended_at IS NULL "
                            "ORDER BY s.id DESC LIMIT 1").fetchone()
        return SessionRow(*r) if r else None

    def turns(self, session_id: int) -> list[TurnRow]:
        rows = self.db.execute("SELECT n, move, tactic, confidence, reply, state FROM turns WHERE session_id=? "
                               "ORDER BY n", (session_id,)).fetchall()
        return [TurnRow(*r) for r in rows]

    def children(self, session_id: int) -> list[SessionRow]:
        rows = self.db.execute(f"SELECT {_SESSION_COLS} FROM sessions s WHERE s.parent_id=? ORDER BY s.id",
                               (session_id,)).fetchall()
        return [SessionRow(*r) for r in rows]

    def family(self, session_id: int) -> list[SessionRow]:
        """Every attempt related to ``session_id``: its first ancestor and all that ancestor's descendants,
        in the order they were started. Empty for an unknown id."""
        row = self.session(session_id)
        if row is None:
            return []
        seen = {row.id}
        while row.parent_id is not None:
            parent = self.session(row.parent_id)
            if parent is None or parent.id in seen:  # a hand-edited store could hold a cycle: stop, don't loop
                break
            seen.add(parent.id)
            row = parent
        out: list[SessionRow] = []
        todo, done = [row], set()
        while todo:
            r = todo.pop()
            if r.id in done:
                continue
            done.add(r.id)
            out.append(r)
            todo.extend(self.children(r.id))
        return sorted(out, key=lambda r: r.id)

    def find(self, ref: str | None) -> SessionRow:
        """A session by id (or the latest unfinished one when ref is None). Raises StoreError."""
        if ref is None:
            row = self.latest_unfinished()
            if row is None:
                raise StoreError("no unfinished session to resume; `trainer history` lists them")
            return row
        try:
            sid = int(ref)
        except ValueError:
            raise StoreError(f"'{ref}' is not a session id; `trainer history` lists them") from None
        row = self.session(sid)
        if row is None:
            raise StoreError(f"no session {sid}; `trainer history` lists them")
        return row


@dataclass
class Restored:
    session: Session
    row: SessionRow
    content_changed: bool  # the scenario or persona file changed since the session was played
    diverged_at: int | None  # first turn whose replayed reply differs from the stored one


def restore(store: Store, row: SessionRow, scenario: Scenario, persona: Persona,
            recognise: Recognise | None = None) -> Restored:
    """Rebuild a session by replaying its stored moves with their stored tactics and seed.
    ``recognise`` only serves the moves still to come: stored ones keep their stored tactic."""
    # deferred for start-up: `trainer history` and the picker read the store without loading this
    from trainer.core.engine.session import Session
    s = Session(scenario, persona, seed=row.seed, difficulty=row.difficulty, recognise=recognise)
    diverged = None
    for t in store.turns(row.id):
        turn = s.play_tactic(t.tactic, t.move, t.confidence)  # type: ignore[arg-type]
        if diverged is None and (turn is None or turn.reply != t.reply or turn.state != t.state):
            diverged = t.n
    changed = (scenario.sha256, persona.sha256) != (row.scenario_sha, row.persona_sha)
    return Restored(s, row, changed, diverged)
