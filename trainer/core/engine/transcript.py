"""Playing a list of moves headlessly and the contract's result JSON."""

from __future__ import annotations

from typing import Any

from trainer.core.content.models import Persona, Scenario
from trainer.core.engine.session import Recognise, Session
from trainer.core.judging.scoring import Score, score_session


def play_moves(scenario: Scenario, persona: Persona, moves: list[str], seed: int = 0,
               difficulty: str | None = None, recognise: Recognise | None = None) -> tuple[Session, Score]:
    s = Session(scenario, persona, seed=seed, difficulty=difficulty, recognise=recognise)
    for m in moves:
        s.play(m)
    s.close()
    return s, score_session(s)


def outcome_of(s: Session) -> dict[str, Any]:
    if s.outcome is not None:
        return s.outcome.public()
    owed = s.scenario.case.owed
    return {"result": "no_progress", "owed": owed, "paid": 0, "committed": 0, "recovered_ratio": 0.0,
            "promised": 0, "in_writing": False, "due_days": 0, "due_date": None, "plan": [],
            "state": s.state, "summary": "谈判没有结束:动作用完了,对方还没有表态。", "turns": len(s.turns)}


def hidden_reason_of(s: Session) -> dict[str, Any] | None:
    """The persona's hidden reason (course reason 1..13) and the turn it was found, or None."""
    hr = s.persona.hidden_reason
    return {"reason": hr.reason, "found_turn": s.reason_found_turn} if hr else None


def result_json(s: Session, score: Score) -> dict[str, Any]:
    return {
        "scenario": s.scenario.id,
        "persona": s.persona.id,
        "seed": s.seed,
        "difficulty": s.difficulty,
        "turns": [t.public() for t in s.turns],
        "outcome": outcome_of(s),
        "score": score.public(),
        "findings": [f.public() for f in score.findings],
        "feedback": score.feedback,
        "ended": s.ended,
        "ignored_moves": s.ignored,
        "hidden_reason": hidden_reason_of(s),
    }
