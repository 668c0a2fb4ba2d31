"""Headless play of a list of moves, scored, and the contract's result JSON (it carries the score)."""

from __future__ import annotations

from dataclasses import dataclass
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


#: the seeds a line of play is measured over (tools/play_lines.py, tools/heldout.py): a persona's choices vary by seed
MEASURE_SEEDS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class LineMedians:
    """A line of play over ``MEASURE_SEEDS``: the medians of its score, the share recovered, its 有法 score and the moves
    left unsaid when the talk ended first."""
    score: float
    recovered: float
    lawful: float
    unsaid: float


def play_medians(scenario: Scenario, persona: Persona, moves: list[str]) -> LineMedians:
    # deferred: only the measuring tools need it, not the trainer's start-up
    import statistics

    runs = [play_moves(scenario, persona, moves, seed=seed) for seed in MEASURE_SEEDS]
    return LineMedians(statistics.median(score.total for _, score in runs),
                       statistics.median(s.outcome.recovered_ratio if s.outcome else 0 for s, _ in runs),
                       statistics.median(score.principles["lawful"] for _, score in runs),
                       statistics.median(len(moves) - len(s.turns) for s, _ in runs))


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
