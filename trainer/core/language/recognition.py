"""What the recogniser hands the engine: a tactic (or None) with its confidence.

Kept apart from `recognise` (numpy, rapidfuzz, the phrase library) so a session played on
tactic ids never loads them: `trainer play --moves` on ids starts without the recogniser."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Recognition:
    tactic: str | None
    confidence: float
    alternatives: list[tuple[str, float]] = field(default_factory=list)


Recognise = Callable[[str], Recognition]
