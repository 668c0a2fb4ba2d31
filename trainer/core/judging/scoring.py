"""Scores a finished (or abandoned) session against the course, by the rubric in scoring/.

三个要求 (early, fast, more) are measured from the outcome with the rubric's parameters;
五大原则 (benefit, courtesy, restraint, procedure, lawful) start at the rubric's base and move by
the points of every finding. A finding is one hit of one rule on one principle, citing the turn.
The total is the weighted mean of the eight, with the rubric's weights (they add up to 100).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from trainer.core.engine.session import Session
from trainer.core.judging.rubric import MEASURED, PRINCIPLES, Rubric, Rule, check_rubric_file, load_rubric, tactic_name
from trainer.core.judging.rules import KINDS, Ctx, Hit, Move

__all__ = ["PRINCIPLES", "Finding", "Score", "check_rubric_file", "score_session"]

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
MOVE_SHOWN = 120  # characters of a move quoted in a finding


@dataclass
class Finding:
    turn: int | None
    principle: str
    points: int
    rule: str
    message: str
    course: str
    title: str = ""
    suggestion: str = ""
    tactic: str | None = None
    move: str = ""

    def public(self) -> dict[str, Any]:
        return {"turn": self.turn, "principle": self.principle, "points": self.points, "rule": self.rule,
                "message": self.message, "course": self.course, "title": self.title,
                "suggestion": self.suggestion, "tactic": self.tactic, "move": self.move}


@dataclass
class Score:
    total: int
    principles: dict[str, int]
    findings: list[Finding] = field(default_factory=list)
    feedback: dict[str, Any] = field(default_factory=dict)
    rubric_sha256: str = ""

    def public(self) -> dict[str, Any]:
        return {"total": self.total, "principles": dict(self.principles)}


def _clamp(x: float) -> int:
    return int(max(0, min(100, round(x))))


def render(template: str, values: dict[str, Any]) -> str:
    """Fill {name} placeholders — plain substitution, never str.format (no attribute access)."""
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), template)


# ------------------------------------------------------------------------------ 三个要求
def _measure(s: Session, rubric: Rubric) -> tuple[dict[str, int], dict[str, str]]:
    out = s.outcome
    ea, fa = rubric.measures["early"], rubric.measures["fast"]
    if out is None or out.owed <= 0:
        why = "谈判没有结束,没有收回任何款项,也没有书面承诺。"
        return {"early": 0, "fast": 0, "more": 0}, {"early": why, "fast": why, "more": why}
    paid_share, committed_share = out.paid / out.owed, out.committed / out.owed
    early = 100 * paid_share
    parts = [f"当场收回 {paid_share:.0%}"] if out.paid else []
    if committed_share > 0:
        later = [it for it in out.plan if it.get("due_days", 0) > 0]
        left = committed_share
        for it in later:
            share = min(left, it["amount"] / out.owed)
            credit = max(ea["floor"], 100 - ea["per_day"] * it["due_days"])
            early += share * credit
            left -= share
            parts.append(f"书面承诺 {share:.0%} 于 {it['due_days']} 天后")
        if left > 1e-9:  # a written promise without instalments: due_days of the ending
            early += left * max(ea["floor"], 100 - ea["per_day"] * out.due_days)
            parts.append(f"书面承诺 {left:.0%} 于 {out.due_days} 天后")
    elif out.promised:
        parts.append("口头承诺不算数(没有写下来)")
    ratio = out.recovered_ratio
    turns = len(s.turns)
    if ratio > 0:
        fast = max(fa["floor"], 100 - max(0, turns - fa["par_turns"]) * fa["per_turn"])
        fast_why = f"用了 {turns} 轮(标准 {fa['par_turns']:g} 轮,每多一轮 −{fa['per_turn']:g})"
    else:
        fast, fast_why = 0, f"用了 {turns} 轮,但没有收回款项或书面承诺"
    early_why = "、".join(parts) if parts else "没有收回款项,也没有书面承诺"
    return ({"early": _clamp(early), "fast": _clamp(fast), "more": _clamp(ratio * 100)},
            {"early": early_why, "fast": fast_why, "more": f"回收比例 {ratio:.0%}(已付 + 书面承诺)/ 欠款"})


# ------------------------------------------------------------------------------ rules
def context_of(s: Session) -> Ctx:
    result = s.outcome.result if s.outcome else "no_progress"
    return Ctx(moves=[Move(t.n, t.tactic, t.move) for t in s.turns], result=result, archetype=s.persona.archetype,
               reason_turn=s.reason_found_turn, has_hidden_reason=s.persona.hidden_reason is not None)


def _findings(rule: Rule, hits: list[Hit], ctx: Ctx) -> list[Finding]:
    out = []
    for h in hits[: rule.max]:
        m = h.move
        values = {"turn": m.n if m else "-", "tactic": (m.tactic or "-") if m else "-",
                  "tactic_name": tactic_name(m.tactic) if m else "-", "move": m.text[:MOVE_SHOWN] if m else "",
                  "archetype": ctx.archetype, "result": ctx.result, "count": "", "missing": ""}
        values.update(h.values)
        msg, sug = render(rule.message, values), render(rule.suggestion, values)
        for p in rule.principles:
            out.append(Finding(m.n if m else None, p, rule.points, rule.id, msg, rule.course, rule.title, sug,
                               m.tactic if m else None, m.text[:MOVE_SHOWN] if m else ""))
    return out


def apply_rules(ctx: Ctx, rubric: Rubric) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rubric.rules:
        if rule.archetypes and ctx.archetype not in rule.archetypes:
            continue
        findings.extend(_findings(rule, KINDS[rule.kind].fn(ctx, rule.params), ctx))
    # by turn (session-level findings last), the rubric's order within a turn: stable and deterministic
    return sorted(findings, key=lambda f: f.turn if f.turn is not None else 1 << 30)


# ------------------------------------------------------------------------------ feedback
def _moves_feedback(findings: list[Finding]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    items: dict[tuple[str, int | None], dict[str, Any]] = {}
    for f in findings:
        it = items.get((f.rule, f.turn))
        if it is None:
            it = items[(f.rule, f.turn)] = {
                "turn": f.turn, "move": f.move, "tactic": f.tactic, "tactic_name": tactic_name(f.tactic) if f.tactic
                else None, "rule": f.rule, "title": f.title, "principles": [], "points": 0, "message": f.message,
                "course": f.course, "suggestion": f.suggestion}
        it["principles"].append(f.principle)
        it["points"] += f.points
    ordered = list(items.values())
    best = sorted((i for i in ordered if i["points"] > 0 and i["turn"] is not None),
                  key=lambda i: (-i["points"], i["turn"]))[:3]
    change = sorted((i for i in ordered if i["points"] < 0),
                    key=lambda i: (i["points"], i["turn"] if i["turn"] is not None else 1 << 30))[:3]
    return best, change


def _principles_feedback(rubric: Rubric, scores: dict[str, int], why: dict[str, str],
                         findings: list[Finding]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in PRINCIPLES:
        p = rubric.principles[key]
        mine = [f for f in findings if f.principle == key]
        if key not in MEASURED:
            gained = sum(f.points for f in mine if f.points > 0)
            lost = sum(f.points for f in mine if f.points < 0)
            why[key] = f"基础分 {p.base},加 {gained},扣 {-lost}" + ("(封顶 100)" if p.base + gained + lost > 100
                                                                 else "(最低 0)" if p.base + gained + lost < 0 else "")
        out[key] = {"name": p.name, "score": scores[key], "weight": p.weight, "course": p.course, "why": why[key],
                    "findings": [{"rule": f.rule, "turn": f.turn, "points": f.points, "title": f.title}
                                 for f in mine]}
    return out


def score_session(s: Session, rubric: Rubric | None = None) -> Score:
    rubric = rubric or load_rubric()
    measured, why = _measure(s, rubric)
    findings = apply_rules(context_of(s), rubric)
    scores: dict[str, int] = {}
    for key in PRINCIPLES:
        if key in MEASURED:
            scores[key] = measured[key]
        else:
            scores[key] = _clamp(rubric.principles[key].base + sum(f.points for f in findings if f.principle == key))
    weights = {k: rubric.principles[k].weight for k in PRINCIPLES}
    total = _clamp(sum(scores[k] * weights[k] for k in PRINCIPLES) / max(1, sum(weights.values())))
    best, change = _moves_feedback(findings)
    feedback = {"principles": _principles_feedback(rubric, scores, why, findings), "best": best, "change": change}
    return Score(total, scores, findings, feedback, rubric.sha256)
