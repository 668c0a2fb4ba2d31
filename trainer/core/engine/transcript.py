"""What a session came to: its outcome and the hidden reason, as the contract's JSON gives them."""

from __future__ import annotations

from typing import Any

from trainer.core.engine.session import Session


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
