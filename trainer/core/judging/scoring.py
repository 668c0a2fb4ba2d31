"""Scores a finished (or abandoned) session against the course, by the rubric in scoring/.

Each principle is scored by the measure the rubric names for it (judging/measures.py): the
三个要求 from the money actually paid or signed for and when; the 五大原则 from their base and
the points of every finding (a finding is one hit of one rule on one principle, citing the turn).
Outcome first: the 五大原则 part of the total is multiplied by the recovered share, so good
manners cannot make a result out of nothing (docs/scoring.md has the formula).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from trainer.core.content.models import wan_text
from trainer.core.engine.session import Session
from trainer.core.judging.measures import MEASURES, Facts, rightly_owed
from trainer.core.judging.rubric import PRINCIPLES, Rubric, Rule, check_rubric_file, load_rubric, tactic_name
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
    #: the debtor's answer to the cited move: the reaction the finding rests on ('' for a session-level finding)
    reaction: str = ""

    def public(self) -> dict[str, Any]:
        return {"turn": self.turn, "principle": self.principle, "points": self.points, "rule": self.rule,
                "message": self.message, "course": self.course, "title": self.title,
                "suggestion": self.suggestion, "tactic": self.tactic, "move": self.move, "reaction": self.reaction}


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


# ------------------------------------------------------------------------------ facts
def facts_of(s: Session, points: tuple[int, ...] = ()) -> Facts:
    """The money and time of a session, as the measures see them (no outcome yet: nothing)."""
    o = s.outcome
    if o is None:
        return Facts(turns=len(s.turns), points=points)
    plan = tuple((int(it.get("amount", 0)), int(it.get("due_days", 0))) for it in o.plan)
    return Facts(owed=o.owed, disputed=_disputed(s), paid=o.paid, committed=o.committed, promised=o.promised,
                 due_days=o.due_days, plan=plan, turns=len(s.turns), points=points)


def _disputed(s: Session) -> int:
    scenario = getattr(s, "scenario", None)  # a hand-made session (tests) may come without a scenario
    return scenario.case.disputed if scenario is not None else 0


# ------------------------------------------------------------------------------ rules
def context_of(s: Session) -> Ctx:
    """The transcript as the rules see it, with the debtor's reactions: the state each move led to, whether it
    moved him on to fresh ground, and what the ending holds (paid, and committed in writing = signed)."""
    o = s.outcome
    result = o.result if o else "no_progress"
    seen = {s.persona.start}
    moves = []
    for t in s.turns:
        moves.append(Move(t.n, t.tactic, t.move, t.state_before, t.state,
                          moved_on=t.state != t.state_before and t.state not in seen, acts=tuple(t.acts),
                          amounts=tuple(t.amounts), reply=t.reply, rude=bool(getattr(t, "rude", False))))
        seen.add(t.state)
    owed = o.owed if o and o.owed > 0 else 0
    disputed = _disputed(s)
    due = rightly_owed(owed, disputed)  # the shares, as the measures', of what is rightly owed
    return Ctx(moves=moves, result=result, archetype=s.persona.archetype, reason_turn=s.reason_found_turn,
               has_hidden_reason=s.persona.hidden_reason is not None,
               paid_share=o.paid / due if o and due else 0.0, committed_share=o.committed / due if o and due else 0.0,
               owed=owed, disputed=disputed,
               paid_as_agreed=bool(getattr(s, "paid_as_agreed", False)))


def _findings(rule: Rule, hits: list[Hit], ctx: Ctx) -> list[Finding]:
    out = []
    for h in hits[: rule.max]:
        m = h.move
        values = {"turn": m.n if m else "-", "tactic": (m.tactic or "-") if m else "-",
                  "tactic_name": tactic_name(m.tactic) if m else "-", "move": m.text[:MOVE_SHOWN] if m else "",
                  "archetype": ctx.archetype, "result": ctx.result, "count": "", "missing": "",
                  "disputed": wan_text(ctx.disputed) if ctx.disputed > 0 else "-"}
        values.update(h.values)
        if "tactic" in h.values and "tactic_name" not in h.values:  # a rule that names another act of the move
            values["tactic_name"] = tactic_name(h.values["tactic"])
        msg, sug = render(rule.message, values), render(rule.suggestion, values)
        for p in rule.principles:
            out.append(Finding(m.n if m else None, p, rule.points, rule.id, msg, rule.course, rule.title, sug,
                               m.tactic if m else None, m.text[:MOVE_SHOWN] if m else "",
                               m.reply[:MOVE_SHOWN] if m else ""))
    return out


CHECKLIST_RULE = "checklist"
CHECKLIST_COURSE = "账款回收十大事先准备"


def checklist_findings(rubric: Rubric, prepared: Collection[int] | None) -> list[Finding]:
    """The 十大事先准备 left unticked (``prepared``: the numbers ticked, 1-based; None = not known, no finding):
    one session-level finding on each principle whose measure has ``unprepared`` points."""
    if prepared is None:
        return []
    items = rubric.checklist
    missing = [i for i in range(1, len(items) + 1) if i not in prepared]
    if not missing:
        return []
    names = "、".join(f"{i}. {items[i - 1]}" for i in missing)
    out = []
    for key, p in rubric.principles.items():
        per = int(p.params.get("unprepared", 0))
        if per:
            out.append(Finding(None, key, per * len(missing), CHECKLIST_RULE,
                               f"出发前十大事先准备还有 {len(missing)} 项没做:{names}。", CHECKLIST_COURSE,
                               "事先准备没做足", "出发前逐项准备:付款日、余额、付款形式、单据都核清楚,"
                               "临场才不会被对方牵着走。"))
    return out


def _applies(rule: Rule, ctx: Ctx) -> bool:
    return not ((rule.archetypes and ctx.archetype not in rule.archetypes) or ctx.archetype in rule.not_archetypes)


def apply_rules(ctx: Ctx, rubric: Rubric) -> list[Finding]:
    # remedies first: a concession that makes good our own established defect is not charged as one by the rules
    # with `except_remedy` (every hit counts here, not only the first `max`, which limits the remedy's own points)
    ctx.remedies = frozenset(h.move.n for rule in rubric.rules if rule.kind == "remedy" and _applies(rule, ctx)
                             for h in KINDS[rule.kind].fn(ctx, rule.params) if h.move is not None)
    findings: list[Finding] = []
    for rule in rubric.rules:
        if not _applies(rule, ctx):
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
                "course": f.course, "suggestion": f.suggestion, "reaction": f.reaction}
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
    for key, p in rubric.principles.items():
        mine = [f for f in findings if f.principle == key]
        out[key] = {"name": p.name, "score": scores[key], "weight": p.weight, "course": p.course, "why": why[key],
                    "findings": [{"rule": f.rule, "turn": f.turn, "points": f.points, "title": f.title}
                                 for f in mine]}
    return out


def measure_principles(s: Session, rubric: Rubric, findings: list[Finding]) -> tuple[dict[str, int], dict[str, str]]:
    """Each principle's 0..100 score by its measure, and why."""
    scores: dict[str, int] = {}
    why: dict[str, str] = {}
    for key, p in rubric.principles.items():
        points = tuple(f.points for f in findings if f.principle == key)
        raw, why[key] = MEASURES[p.measure].fn(facts_of(s, points), p.params)
        scores[key] = _clamp(raw)
    return scores, why


def total_of(rubric: Rubric, scores: dict[str, int], recovered: float) -> int:
    """Outcome first: total = Σ(三个要求 weight × score)/100 + recovered × Σ(五大原则 weight × score)/100.
    Conduct raises or lowers a real result; with nothing recovered it adds nothing."""
    outcome = sum(p.weight * scores[k] for k, p in rubric.principles.items() if p.outcome) / 100
    conduct = sum(p.weight * scores[k] for k, p in rubric.principles.items() if not p.outcome) / 100
    return _clamp(outcome + max(0.0, min(1.0, recovered)) * conduct)


def capped_by(rubric: Rubric, findings: Collection[Finding]) -> tuple[Rule, int] | None:
    """The lowest cap among the rules that fired (``Rule.cap``), with its rule; None when no fired rule caps."""
    fired = {f.rule for f in findings}
    caps = [(r, r.cap) for r in rubric.rules if r.cap is not None and r.id in fired]
    return min(caps, key=lambda rc: rc[1]) if caps else None


def cap_note(cap: dict[str, Any]) -> str:
    """How a capped total is told beside it (``feedback["cap"]``): (越过法律的线:总分封顶 30)."""
    return f"({cap.get('title', '')}:总分封顶 {cap.get('total')})"


def score_session(s: Session, rubric: Rubric | None = None, prepared: Collection[int] | None = None) -> Score:
    """Score a session. ``prepared``: the 十大事先准备 ticked in the briefing (1-based numbers); default: the
    session's own (`Session.prepared`); None there too = not known (a headless game without --prepared),
    which costs nothing."""
    rubric = rubric or load_rubric()
    if prepared is None:
        prepared = getattr(s, "prepared", None)  # what the trainee ticked in the briefing, kept on the session
    ctx = context_of(s)
    findings = apply_rules(ctx, rubric) + checklist_findings(rubric, prepared)
    scores, why = measure_principles(s, rubric, findings)
    total = total_of(rubric, scores, ctx.recovered)
    cap = capped_by(rubric, findings)
    best, change = _moves_feedback(findings)
    feedback = {"principles": _principles_feedback(rubric, scores, why, findings), "best": best, "change": change,
                "recovered": round(ctx.recovered, 4)}
    if cap is not None and total > cap[1]:
        # the law is always on, whatever the persona does next: a deal reached after unlawful pressure (he took the
        # threat and still signed) is no pass — 受胁迫 a promise can be undone (民法典第一百五十条)
        total = cap[1]
        feedback["cap"] = {"rule": cap[0].id, "title": cap[0].title, "total": cap[1]}
    if prepared is not None:
        feedback["prepared"] = sorted(i for i in prepared if 1 <= i <= len(rubric.checklist))
    return Score(total, scores, findings, feedback, rubric.sha256)
