"""The local store: every session and every turn in SQLite, committed as it happens.

Lives in ``$TRAINER_HOME`` or the platform's user data folder. WAL mode and one commit per
turn mean a killed terminal loses nothing. A session is rebuilt by replaying its stored moves
with their stored tactics and seed (the engine is deterministic), so a better recogniser never
rewrites an old session.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from trainer.core.content.oserror import os_reason

if TYPE_CHECKING:  # the engine loads lazily: the UI's first screen must not wait for it
    from trainer.core.content.models import Persona, Scenario
    from trainer.core.engine.session import Session, Turn
    from trainer.core.language.recognition import Recognise

DB_NAME = "sessions.sqlite3"

# The schema's version, kept in PRAGMA user_version. 0 = a store written before versions existed (the tables of
# version 1, unmarked). Each step in MIGRATIONS takes a store from version n - 1 to n, in one transaction; a store
# from a newer program (user_version > SCHEMA_VERSION) is refused, never read or written.
SCHEMA_VERSION = 3

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

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: tuple(stmt.strip() for stmt in SCHEMA.split(";") if stmt.strip()),  # the first schema (also a new store)
    2: ("CREATE INDEX IF NOT EXISTS sessions_parent ON sessions(parent_id)",),  # attempts: family(), children()
    3: ("ALTER TABLE sessions ADD COLUMN prepared TEXT",),  # the 十大事先准备 ticked: JSON list, NULL = not known
}

SEED_MIN, SEED_MAX = -(2 ** 63), 2 ** 63 - 1  # a seed is stored as SQLite's signed 64-bit INTEGER

# Waiting on a busy store: SQLite's own busy handler waits up to BUSY_TIMEOUT seconds for a lock; a write that
# still finds the store busy (or hits SQLITE_BUSY at once, as a snapshot upgrade can) is tried again, at most
# RETRIES more times, after a growing, jittered pause. Every write is one short transaction.
BUSY_TIMEOUT = 5.0
RETRIES = 8
_BACKOFF_FIRST, _BACKOFF_MAX = 0.02, 1.0
_jitter = random.Random()  # the store's own: never the session's seeded RNG (transcripts stay deterministic)

_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26

class StoreError(Exception):
    """A problem the user can cause (unknown session, unreadable store); str() is one line."""


class StoreWriteError(StoreError):
    """A write that did not happen (disk full, read-only store, busy for too long). Everything committed
    before it is still there: each turn is its own transaction."""


class StoreVersionError(StoreError):
    """The store was written by a newer version of the program (its schema version is higher than ours)."""


def _code(e: sqlite3.Error) -> int | None:
    code = getattr(e, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _is_busy(e: sqlite3.Error) -> bool:
    return _code(e) in (_BUSY, _LOCKED) or (_code(e) is None and "locked" in str(e))


def explain(e: BaseException, path: Path) -> str:
    """One line, in Chinese, for a failure of the store at ``path``."""
    code = _code(e) if isinstance(e, sqlite3.Error) else None
    text = str(e)
    if code == _FULL or "disk is full" in text or getattr(e, "errno", None) == 28:  # 28 = ENOSPC
        return (f"{path}: 磁盘已满,练习记录没能保存(之前已保存的回合都还在;"
                "腾出空间后可用 `trainer resume` 接着练)")
    if code == _READONLY or "readonly" in text or "read-only" in text:
        return (f"{path}: 练习记录库是只读的,无法保存(检查该文件及其文件夹的写权限,"
                "或用环境变量 TRAINER_HOME 换一个文件夹)")
    if code in (_BUSY, _LOCKED) or "locked" in text:
        return (f"{path}: 练习记录库被别的程序占用,等了 {BUSY_TIMEOUT * (RETRIES + 1):.0f} 秒以上仍未释放,"
                "这一步没能保存;稍后再试")
    if code in (_NOTADB, _CORRUPT):
        return f"{path}: 这不是回款道场的练习记录库,或文件已损坏({text})"
    if code == _IOERR and _disk_nearly_full(path):  # SQLite says "disk I/O error" when it cannot grow -wal/-shm
        return (f"{path}: 磁盘已满,练习记录库无法写入(之前已保存的回合都还在;"
                "腾出空间后可用 `trainer resume` 接着练)")
    if code == _CANTOPEN and path.parent.is_dir() and not os.access(path.parent, os.W_OK):
        return (f"{path}: 练习记录库所在的文件夹是只读的,无法保存(检查写权限,"
                "或用环境变量 TRAINER_HOME 换一个文件夹)")
    if code in (_CANTOPEN, _IOERR) or isinstance(e, OSError):
        why = os_reason(e) if isinstance(e, OSError) else text
        return f"{path}: 无法打开练习记录库({why})"
    return f"{path}: 练习记录库出错({text})"


def _disk_nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < 256 * 1024
    except OSError:
        return False


P = ParamSpec("P")
R = TypeVar("R")


def _reads(method: Callable[Concatenate[Store, P], R]) -> Callable[Concatenate[Store, P], R]:
    """A read of the store: an SQLite failure becomes a one-line StoreError."""
    @wraps(method)
    def guarded(self: Store, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as e:
            raise StoreError(explain(e, self.path)) from None
    return guarded


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
    prepared_json: str | None = None

    @property
    def prepared(self) -> tuple[int, ...] | None:
        """The 十大事先准备 ticked before the talk (None = not known)."""
        if self.prepared_json is None:
            return None
        try:
            items = json.loads(self.prepared_json)
        except ValueError:
            return None
        return tuple(int(i) for i in items if isinstance(i, int)) if isinstance(items, list) else None

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
                 "(SELECT COUNT(*) FROM turns t WHERE t.session_id = s.id), s.prepared")


class Store:
    def __init__(self, path: Path | str | None = None, clock: Callable[[], str] = _now):
        self.path = Path(path) if path is not None else home() / DB_NAME
        self.clock = clock
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # autocommit: every write names its own transaction (BEGIN IMMEDIATE in _write), kept short
            self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
        except (OSError, sqlite3.Error) as e:
            raise StoreError(explain(e, self.path)) from None
        self.read_only = False
        try:
            self._open()
        except StoreError:
            self.db.close()
            raise
        except sqlite3.Error as e:
            self.db.close()
            if not (self.path.is_file() and not os.access(self.path.parent, os.W_OK)):
                raise StoreError(explain(e, self.path)) from None
            self._open_read_only()

    def _open_read_only(self) -> None:
        """A store in a folder we may not write (a read-only disk or mount): SQLite cannot make the WAL's side
        files there, so open it immutable and read-only. History still reads it; every write is refused in one
        line (StoreWriteError, "只读")."""
        try:
            self.db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                      timeout=BUSY_TIMEOUT, isolation_level=None)
            version = self.schema_version()
        except sqlite3.Error as e:
            raise StoreError(explain(e, self.path)) from None
        if version > SCHEMA_VERSION:
            self.db.close()
            raise StoreVersionError(self._newer(version))
        self.read_only = True

    def _newer(self, version: int) -> str:
        return (f"{self.path}: 练习记录库来自更新版本的回款道场(库版本 {version},本程序只认到 {SCHEMA_VERSION}),"
                "未读取也未改动;请升级 trainer,或用环境变量 TRAINER_HOME 换一个文件夹")

    def _open(self) -> None:
        """Check the schema version first (a newer store is refused before anything is written), then WAL mode
        and the migrations a store older than this program needs. A current store is opened without a write."""
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreVersionError(self._newer(version))
        self.db.execute("PRAGMA synchronous=FULL")
        if version < SCHEMA_VERSION or self._retry(lambda: self.db.execute("PRAGMA journal_mode").fetchone()[0]) != "wal":
            self._retry(lambda: self.db.execute("PRAGMA journal_mode=WAL"))
        if version < SCHEMA_VERSION:
            self._write(self._migrate)

    def schema_version(self) -> int:
        return int(self._retry(lambda: self.db.execute("PRAGMA user_version").fetchone()[0]))

    def _migrate(self) -> None:
        """Inside the write transaction: read the version again (another process may have migrated meanwhile)."""
        version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:  # pragma: no cover - a newer program migrated it between our two reads
            raise StoreVersionError(f"{self.path}: 练习记录库刚被更新版本的回款道场升级(库版本 {version});请升级 trainer")
        for step in range(version + 1, SCHEMA_VERSION + 1):
            for stmt in MIGRATIONS[step]:
                self.db.execute(stmt)
        self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------ transactions
    def _retry(self, op: Callable[[], R]) -> R:
        """``op`` again after a growing, jittered pause while SQLite says busy or locked, at most RETRIES times."""
        delay = _BACKOFF_FIRST
        for attempt in range(RETRIES + 1):
            try:
                return op()
            except sqlite3.OperationalError as e:
                if not _is_busy(e) or attempt == RETRIES:
                    raise
            time.sleep(delay * (0.5 + _jitter.random()))
            delay = min(delay * 2, _BACKOFF_MAX)
        raise AssertionError("unreachable")  # pragma: no cover

    def _write(self, body: Callable[[], R]) -> R:
        """Run ``body`` in one short BEGIN IMMEDIATE transaction (the write lock is taken up front, so a busy
        store is waited for and retried rather than failing half-way). Raises StoreWriteError in one line;
        nothing of ``body`` is kept then, and everything committed before is untouched."""
        def attempt() -> R:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                out = body()
                self.db.execute("COMMIT")
            except BaseException:
                if self.db.in_transaction:
                    try:
                        self.db.execute("ROLLBACK")
                    except sqlite3.Error:  # pragma: no cover - SQLite rolled back already (e.g. on disk full)
                        pass
                raise
            return out
        try:
            return self._retry(attempt)
        except sqlite3.Error as e:
            raise StoreWriteError(explain(e, self.path)) from None
        except OSError as e:  # pragma: no cover - SQLite reports I/O as sqlite3 errors; a hook may raise OSError
            raise StoreWriteError(explain(e, self.path)) from None

    # ------------------------------------------------------------ writing
    def begin(self, scenario: Scenario, persona: Persona, seed: int, difficulty: str, trainee: str = "",
              parent_id: int | None = None, parent_turn: int | None = None,
              prepared: tuple[int, ...] | None = None) -> int:
        return self._write(lambda: self._insert_session(scenario, persona, seed, difficulty, trainee, parent_id,
                                                        parent_turn, prepared))

    def _insert_session(self, scenario: Scenario, persona: Persona, seed: int, difficulty: str, trainee: str,
                        parent_id: int | None, parent_turn: int | None,
                        prepared: tuple[int, ...] | None = None) -> int:
        if not SEED_MIN <= int(seed) <= SEED_MAX:
            raise StoreError(f"种子 {seed} 超出范围:能保存的种子是 {SEED_MIN} 到 {SEED_MAX} 之间的整数")
        cur = self.db.execute(
            "INSERT INTO sessions(scenario_id, scenario_sha, persona_sha, seed, difficulty, trainee, created_at,"
            " parent_id, parent_turn, prepared) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (scenario.id, scenario.sha256, persona.sha256, int(seed), difficulty, trainee, self.clock(),
             parent_id, parent_turn, None if prepared is None else json.dumps(sorted(set(prepared)))))
        assert cur.lastrowid is not None  # always set after an INSERT
        return int(cur.lastrowid)

    def record_turn(self, session_id: int, turn: Turn) -> None:
        """Commit one turn (call before the reply is shown)."""
        self._write(lambda: self._insert_turn(session_id, turn))

    def _insert_turn(self, session_id: int, turn: Turn) -> None:
        self.db.execute(
            "INSERT INTO turns(session_id, n, move, tactic, confidence, reply, state, json) VALUES (?,?,?,?,?,?,?,?)",
            (session_id, turn.n, turn.move, turn.tactic, float(turn.confidence), turn.reply, turn.state,
             json.dumps(turn.public(), ensure_ascii=False, sort_keys=True)))

    def rewrite(self, session_id: int, session: Session) -> None:
        """Replace a session's stored turns and persona hash with ``session``'s (after a hot reload of the
        persona replayed the moves against the new file), in one transaction."""
        def body() -> None:
            self.db.execute("DELETE FROM turns WHERE session_id=?", (session_id,))
            self.db.execute("UPDATE sessions SET persona_sha=? WHERE id=?", (session.persona.sha256, session_id))
            for turn in session.turns:
                self._insert_turn(session_id, turn)
        self._write(body)

    def begin_attempt(self, session: Session, trainee: str, parent_id: int, parent_turn: int) -> int:
        """A new attempt that starts from turn ``parent_turn`` of session ``parent_id``: the session row and the
        turns it already carries, in one transaction (a crash leaves either the whole attempt or none of it)."""
        def body() -> int:
            sid = self._insert_session(session.scenario, session.persona, session.seed, session.difficulty, trainee,
                                       parent_id, parent_turn, session.prepared)
            for turn in session.turns:
                self._insert_turn(sid, turn)
            return sid
        return self._write(body)

    def finish(self, session_id: int, result: str, total: int) -> None:
        self._write(lambda: self.db.execute("UPDATE sessions SET ended_at=?, result=?, total=? WHERE id=?",
                                            (self.clock(), result, int(total), session_id)))

    @_reads
    def get_setting(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        self._write(lambda: self.db.execute("INSERT INTO settings(key, value) VALUES (?,?) "
                                            "ON CONFLICT(key) DO UPDATE SET value=excluded.value", (key, value)))

    # ------------------------------------------------------------ reading
    @_reads
    def sessions(self) -> list[SessionRow]:
        """Every session, oldest first, with its turn count."""
        rows = self.db.execute(f"SELECT {_SESSION_COLS} FROM sessions s ORDER BY s.id").fetchall()
        return [SessionRow(*r) for r in rows]

    @_reads
    def session(self, session_id: int) -> SessionRow | None:
        r = self.db.execute(f"SELECT {_SESSION_COLS} FROM sessions s WHERE s.id=?", (session_id,)).fetchone()
        return SessionRow(*r) if r else None

    @_reads
    def latest_unfinished(self) -> SessionRow | None:
        r = self.db.execute(f"SELECT {_SESSION_COLS} FROM sessions s WHERE s.ended_at IS NULL "
                            "ORDER BY s.id DESC LIMIT 1").fetchone()
        return SessionRow(*r) if r else None

    @_reads
    def turns(self, session_id: int) -> list[TurnRow]:
        rows = self.db.execute("SELECT n, move, tactic, confidence, reply, state FROM turns WHERE session_id=? "
                               "ORDER BY n", (session_id,)).fetchall()
        return [TurnRow(*r) for r in rows]

    @_reads
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
                raise StoreError("没有未完成的练习可以继续;`trainer history` 列出全部练习")
            return row
        try:
            sid = int(ref)
        except ValueError:
            raise StoreError(f"'{ref}' 不是练习编号;`trainer history` 列出全部练习") from None
        row = self.session(sid)
        if row is None:
            raise StoreError(f"没有编号为 {sid} 的练习;`trainer history` 列出全部练习")
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
    s = Session(scenario, persona, seed=row.seed, difficulty=row.difficulty, recognise=recognise,
                prepared=row.prepared)
    diverged = None
    for t in store.turns(row.id):
        turn = s.play_tactic(t.tactic, t.move, t.confidence)  # type: ignore[arg-type]
        if diverged is None and (turn is None or turn.reply != t.reply or turn.state != t.state):
            diverged = t.n
    changed = (scenario.sha256, persona.sha256) != (row.scenario_sha, row.persona_sha)
    return Restored(s, row, changed, diverged)
