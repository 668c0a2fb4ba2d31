"""Attempts: go back to an earlier turn of a session, play on from there, and compare the attempts.

A new attempt "from turn N" replays its parent's turns before N with their stored tactics and the
parent's seed and difficulty (the engine is deterministic, so it stands exactly where the parent
stood), then plays turn N anew. The store links it to its parent (``parent_id``; ``parent_turn`` =
the turns kept, N - 1); from turn 1 is a fresh start with the same seed. Comparison replays every attempt of a family
and scores it, so the figures always follow the current files and rubric.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from trainer.core.content.library import ContentError, Library, resolve_scenario
from trainer.core.engine.session import Session
from trainer.core.engine.transcript import outcome_of
from trainer.core.judging.rubric import Rubric, load_rubric
from trainer.core.judging.scoring import Score, score_session
from trainer.core.language.recognition import Recognise, as_picked
from trainer.core.store.db import SessionRow, Store, StoreError, restore

_START = re.compile(r"\s*#?(\d{1,9})\s*:\s*(\d{1,4})\s*")


class AttemptError(StoreError):
    """A rewind that cannot be done (unknown session, turn out of range); str() is one line."""


@dataclass(frozen=True)
class StartPoint:
    """Where a new attempt starts: at turn ``turn`` of session ``session_id`` (the turns before it kept)."""

    session_id: int
    turn: int


def parse_start(ref: str) -> StartPoint:
    """``"12:3"`` → StartPoint(12, 3): keep session 12's turns 1-2 and play turn 3 anew."""
    m = _START.fullmatch(ref or "")
    if not m or int(m.group(2)) < 1:
        raise AttemptError(f"--from '{ref}' 不是 练习:回合 的写法(例如 12:3 保留练习 12 的第 1-2 回合,"
                           "从第 3 回合重新走;回合从 1 数起;`trainer history` 列出全部练习)")
    return StartPoint(int(m.group(1)), int(m.group(2)))


def playable_turns(parent: Session) -> range:
    """The turns an attempt can start from: any played turn, or the next one while the talk is open."""
    return range(1, len(parent.turns) + (1 if parent.ended else 2))


def rewind(parent: Session, turn: int, recognise: Recognise | None = None) -> Session:
    """A new session standing where ``parent`` stood before turn ``turn`` (same scenario, persona, seed and
    difficulty; the earlier turns replayed with the tactics they were played with)."""
    allowed = playable_turns(parent)
    if turn not in allowed:
        raise AttemptError(f"第 {turn} 回合超出范围:那次练习有 {len(parent.turns)} 个回合"
                           + (",而且谈判已经结束" if parent.ended else "")
                           + f"(可选 {allowed.start}..{allowed.stop - 1})")
    s = Session(parent.scenario, parent.persona, seed=parent.seed, difficulty=parent.difficulty, recognise=recognise,
                prepared=parent.prepared)  # a retry is the same preparation, played again
    for t in parent.turns[: turn - 1]:
        s.play(t.move, as_picked(s.recognise(t.move), t.tactic, t.confidence))
    if s.ended:  # only if the files changed since and the replay now ends earlier
        s.close()
        raise AttemptError(f"按现在的内容文件重放,谈判在第 {turn} 回合之前就结束了;请选更早的回合")
    return s


def start_attempt(store: Store, parent_id: int, parent: Session, turn: int, trainee: str = "",
                  recognise: Recognise | None = None) -> tuple[int, Session]:
    """Rewind ``parent`` (stored as ``parent_id``) to just before ``turn`` and store the new attempt.
    Returns the new session's id and the session, ready to play ``turn``."""
    s = rewind(parent, turn, recognise)
    return store.begin_attempt(s, trainee, parent_id, turn - 1), s


def start_from_store(store: Store, row: SessionRow, turn: int, library: Library, trainee: str = "",
                     recognise: Recognise | None = None) -> tuple[int, Session]:
    """``trainer play --from SESSION:TURN``: restore the stored parent ``row``, then start the attempt."""
    try:
        scenario, persona = resolve_scenario(row.scenario_id, library)
    except ContentError as e:
        raise AttemptError(f"练习 {row.id}:{str(e).splitlines()[0]}") from None
    parent = restore(store, row, scenario, persona).session
    try:
        return start_attempt(store, row.id, parent, turn, trainee, recognise)
    except AttemptError as e:
        raise AttemptError(f"练习 {row.id}:{e}") from None
    finally:
        parent.close()


# ------------------------------------------------------------------------------ comparing
def divergence(a: Session, b: Session) -> int | None:
    """The first turn at which two attempts played differently (move or tactic); None if they are the same."""
    for x, y in zip(a.turns, b.turns, strict=False):
        if (x.tactic, x.move) != (y.tactic, y.move):
            return x.n
    if len(a.turns) != len(b.turns):
        return min(len(a.turns), len(b.turns)) + 1
    return None


@dataclass
class Attempt:
    row: SessionRow
    session: Session
    score: Score
    outcome: dict[str, Any]  # transcript.outcome_of(session)
    content_changed: bool = False
    parent: Attempt | None = None  # the attempt it was rewound from, when it is in the comparison
    diverged_at: int | None = None  # the first turn that differs from ``parent``

    def public(self) -> dict[str, Any]:
        o = self.outcome
        return {"id": self.row.id, "parent_id": self.row.parent_id, "parent_turn": self.row.parent_turn,
                "diverged_at": self.diverged_at, "finished": self.row.finished, "result": o["result"],
                "recovered_ratio": o["recovered_ratio"], "turns": len(self.session.turns),
                "total": self.score.total, "principles": dict(self.score.principles),
                "reason_found_turn": self.session.reason_found_turn, "content_changed": self.content_changed,
                "created_at": self.row.created_at}


@dataclass
class Comparison:
    attempts: list[Attempt]
    skipped: list[str] = field(default_factory=list)  # attempts that could not be replayed, and why

    def public(self) -> dict[str, Any]:
        turns = []
        for n in range(1, max((len(a.session.turns) for a in self.attempts), default=0) + 1):
            cells = {}
            for a in self.attempts:
                if n <= len(a.session.turns):
                    t = a.session.turns[n - 1]
                    cells[str(a.row.id)] = {"tactic": t.tactic, "move": t.move, "reply": t.reply, "state": t.state}
            turns.append({"n": n, "attempts": cells})
        return {"attempts": [a.public() for a in self.attempts], "turns": turns, "skipped": self.skipped}


def compare(store: Store, session_id: int, library: Library, rubric: Rubric | None = None) -> Comparison:
    """Every attempt in ``session_id``'s family, replayed and scored, each with where it left its parent."""
    rows = store.family(session_id)
    if not rows:
        raise AttemptError(f"没有编号为 {session_id} 的练习;`trainer history` 列出全部练习")
    rubric = rubric or load_rubric()
    out = Comparison([])
    for row in rows:
        try:
            scenario, persona = resolve_scenario(row.scenario_id, library)
        except ContentError as e:
            out.skipped.append(f"练习 {row.id}:{str(e).splitlines()[0]}")
            continue
        r = restore(store, row, scenario, persona)
        r.session.close()
        out.attempts.append(Attempt(row, r.session, score_session(r.session, rubric), outcome_of(r.session),
                                    r.content_changed))
    by_id = {a.row.id: a for a in out.attempts}
    for a in out.attempts:
        a.parent = by_id.get(a.row.parent_id) if a.row.parent_id is not None else None
        if a.parent is not None:
            a.diverged_at = divergence(a.parent.session, a.session)
    return out
