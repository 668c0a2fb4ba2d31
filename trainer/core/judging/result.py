"""Headless play of a list of moves, scored, and the contract's result JSON (it carries the score)."""

from __future__ import annotations

from typing import Any

from trainer.core.content.models import Persona, Scenario
from trainer.core.engine.session import Session
from trainer.core.engine.transcript import hidden_reason_of, outcome_of
from trainer.core.judging.scoring import Score, score_session
from trainer.core.language.recognition import Recognise


def play_moves(scenario: Scenario, persona: Persona, moves: list[str], seed: int = 0,
               difficulty: str | None = None, recognise: Recognise | None = None,
               prepared: tuple[int, ...] | None = None) -> tuple[Session, Score]:
    s = Session(scenario, persona, seed=seed, difficulty=difficulty, recognise=recognise, prepared=prepared)
    for m in moves:
        s.play(m)
    s.close()
    return s, score_session(s)


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
