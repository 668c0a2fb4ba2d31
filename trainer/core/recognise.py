"""Free Chinese text → tactic. (First cut: rapidfuzz against the catalogue's names and
examples; the phrase-library recogniser replaces it.)"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process

from . import catalogue
from .session import Recognition

THRESHOLD = 0.35


class Recogniser:
    def __init__(self) -> None:
        self.choices: list[str] = []
        self.labels: list[str] = []
        for t in catalogue.TACTICS:
            for text in (t.name, t.example):
                self.choices.append(text)
                self.labels.append(t.id)

    def classify(self, text: str) -> Recognition:
        text = (text or "").strip()
        if not text:
            return Recognition(None, 0.0)
        best: dict[str, float] = {}
        for _, score, i in process.extract(text, self.choices, scorer=fuzz.partial_ratio, limit=10):
            lab = self.labels[i]
            best[lab] = max(best.get(lab, 0.0), score / 100)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked or ranked[0][1] < THRESHOLD:
            return Recognition(None, ranked[0][1] if ranked else 0.0, ranked[:3])
        return Recognition(ranked[0][0], round(ranked[0][1], 3), ranked[1:4])


@lru_cache(maxsize=1)
def default_recogniser() -> Recogniser:
    return Recogniser()
