"""Scores a finished (or abandoned) session against the course's principles.

First cut: the eight contract keys from simple course rules; weights from scoring/rubric.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import catalogue
from .session import Session

PRINCIPLES = ("early", "fast", "more", "benefit", "courtesy", "restraint", "procedure", "lawful")
WEIGHTS = {"early": 10, "fast": 10, "more": 20, "benefit": 12, "courtesy": 12, "restraint": 12,
           "procedure": 12, "lawful": 12}


@dataclass
class Finding:
    turn: int | None
    principle: str
    points: int
    rule: str
    message: str
    course: str

    def public(self) -> dict[str, Any]:
        return {"turn": self.turn, "principle": self.principle, "points": self.points, "rule": self.rule,
                "message": self.message, "course": self.course}


@dataclass
class Score:
    total: int
    principles: dict[str, int]
    findings: list[Finding] = field(default_factory=list)

    def public(self) -> dict[str, Any]:
        return {"total": self.total, "principles": dict(self.principles)}


def _clamp(x: float) -> int:
    return int(max(0, min(100, round(x))))


def score_session(s: Session) -> Score:
    out = s.outcome
    tactics = [t.tactic for t in s.turns]
    findings: list[Finding] = []
    p: dict[str, float] = {k: 100.0 for k in PRINCIPLES}
    result = out.result if out else "no_progress"
    ratio = out.recovered_ratio if out else 0.0
    p["more"] = ratio * 100
    if out and out.paid >= out.owed:
        p["early"] = 100
    elif out and (out.paid or out.committed):
        p["early"] = 95 - min(60, out.due_days) if out.committed else 70
    else:
        p["early"] = 0
    p["fast"] = 100 - max(0, len(s.turns) - 8) * 6 if ratio > 0 else 0
    first_soft = next((i for i, t in enumerate(tactics) if t and catalogue.BY_ID[t].group in ("理", "情")), None)
    for i, t in enumerate(tactics, 1):
        if t == catalogue.HOSTILE:
            for k in ("courtesy", "restraint", "lawful"):
                p[k] -= 35
                findings.append(Finding(i, k, -35, "hostile", "过激言行", "清收逾期账款的十大方法·不做出过激行为"))
        elif t and catalogue.BY_ID[t].group == "法" and (first_soft is None or first_soft > i - 1):
            p["courtesy"] -= 20
            p["restraint"] -= 20
            findings.append(Finding(i, "courtesy", -20, "force_before_courtesy", "先兵后礼", "账款回收八术·礼"))
        elif t == "valuable_concession" and "conditional_concession" not in tactics[:i]:
            p["benefit"] -= 10
    if "verify_balance" not in tactics:
        p["procedure"] -= 40
    if "written_commitment" not in tactics:
        p["procedure"] -= 40
    if result == "broken_off":
        p["benefit"] -= 40
    if result == "legal":
        p["lawful"] -= 10
        p["benefit"] -= 20
    principles = {k: _clamp(v) for k, v in p.items()}
    total = _clamp(sum(principles[k] * WEIGHTS[k] for k in PRINCIPLES) / sum(WEIGHTS.values()))
    return Score(total, principles, findings)
