"""The fixed set of *measures*: how one principle's 0..100 score is computed.

Each principle in scoring/rubric.yaml names a measure (``measure: pace``) and gives its params;
the measure is a plain Python function looked up in ``MEASURES`` by that name — never evaluated,
never imported from a string. Adding a principle is a rubric edit plus, if none of these fits,
one more function here. The formulas are written out in docs/scoring.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from trainer.core.content.models import wan_text
from trainer.core.content.spec import F, Int, Num


@dataclass(frozen=True)
class Facts:
    """What a measure sees of a finished session: money, time, and the findings' points on its principle."""

    owed: int = 0
    #: the part of the debt in real dispute, our own established defect (case.disputed): not owed, so not counted
    #: as unrecovered — a course-right line in quality-dispute makes good the bad batch and signs for the rest
    disputed: int = 0
    paid: int = 0
    committed: int = 0  # promised *in writing* (the debtor signed)
    promised: int = 0  # promised at all (a spoken promise is not counted)
    due_days: int = 0
    plan: tuple[tuple[int, int], ...] = ()  # (amount, due_days) of each instalment of the ending
    turns: int = 0
    points: tuple[int, ...] = ()  # the findings' points on this principle

    @property
    def due(self) -> int:
        """What the trainee can rightly collect: the debt less the disputed part owned as ours."""
        return rightly_owed(self.owed, self.disputed)

    @property
    def paid_share(self) -> float:
        return self.paid / self.due if self.due > 0 else 0.0

    @property
    def committed_share(self) -> float:
        return self.committed / self.due if self.due > 0 else 0.0

    @property
    def recovered(self) -> float:
        """Share of the debt paid or committed in writing, 0..1."""
        return min(1.0, self.paid_share + self.committed_share)


def rightly_owed(owed: int, disputed: int) -> int:
    """The debt less the part in real dispute (when one is declared and smaller than the debt): the whole the three
    requirements and the recovered share are counted against."""
    return owed - disputed if 0 < disputed < owed else owed


MeasureFn = Callable[[Facts, dict[str, Any]], tuple[float, str]]


@dataclass(frozen=True)
class Measure:
    name: str
    doc: str
    fn: MeasureFn
    params: dict[str, F]
    #: True for measures read off the outcome (money and time); False for those made of findings
    outcome: bool
    defaults: dict[str, float] = field(default_factory=dict)


MEASURES: dict[str, Measure] = {}


def measure(name: str, doc: str, params: dict[str, F], outcome: bool,
            defaults: dict[str, float] | None = None) -> Callable[[MeasureFn], MeasureFn]:
    def register(fn: MeasureFn) -> MeasureFn:
        MEASURES[name] = Measure(name, doc, fn, params, outcome, dict(defaults or {}))
        return fn
    return register


def _p(p: dict[str, Any], m: str, key: str) -> float:
    return float(p.get(key, MEASURES[m].defaults[key]))


@measure("paid_early", "能早不晚: 100 × the share paid on the spot, plus each share committed in writing × "
         "max(floor, 100 − per_day × its due days); a spoken promise earns nothing",
         {"per_day": F(Num(min=0, max=100, doc="书面承诺的到期日每晚一天扣的分")),
          "floor": F(Int(min=0, max=100, doc="书面承诺最少得的分,再晚也不低于它"))},
         outcome=True, defaults={"per_day": 1.5, "floor": 20})
def paid_early(f: Facts, p: dict[str, Any]) -> tuple[float, str]:
    if f.owed <= 0 or (f.paid <= 0 and f.committed <= 0):
        why = "没有收回款项,也没有书面承诺" + (";口头承诺不算数(没有签字)" if f.promised else "")
        return 0.0, why
    per_day, floor = _p(p, "paid_early", "per_day"), _p(p, "paid_early", "floor")
    score = 100 * f.paid_share
    parts = [f"当场收回 {f.paid_share:.0%}"] if f.paid else []
    left = f.committed_share
    for amount, days in f.plan:
        if days <= 0 or left <= 1e-9:
            continue
        share = min(left, amount / f.due)
        score += share * max(floor, 100 - per_day * days)
        left -= share
        parts.append(f"书面承诺 {share:.0%} 于 {days} 天后")
    if left > 1e-9:  # a written promise without instalments: the ending's due days
        score += left * max(floor, 100 - per_day * f.due_days)
        parts.append(f"书面承诺 {left:.0%} 于 {f.due_days} 天后")
    return score, "、".join(parts)


@measure("pace", "能快不慢: recovered share × max(floor, 100 − per_turn × turns over par_turns); "
         "nothing recovered is 0, so stopping early never pays",
         {"par_turns": F(Int(min=1, max=100, doc="不扣速度分的标准回合数")),
          "per_turn": F(Num(min=0, max=100, doc="超过标准回合后每多一回合扣的分")),
          "floor": F(Int(min=0, max=100, doc="速度分的下限,再慢也不低于它"))},
         outcome=True, defaults={"par_turns": 6, "per_turn": 6, "floor": 10})
def pace(f: Facts, p: dict[str, Any]) -> tuple[float, str]:
    par, per_turn, floor = _p(p, "pace", "par_turns"), _p(p, "pace", "per_turn"), _p(p, "pace", "floor")
    if f.recovered <= 0:
        return 0.0, f"用了 {f.turns} 轮,但没有收回款项或书面承诺"
    speed = max(floor, 100 - max(0.0, f.turns - par) * per_turn)
    return f.recovered * speed, (f"用了 {f.turns} 轮(标准 {par:g} 轮,每多一轮 −{per_turn:g}),"
                                 f"速度分 {speed:g} × 回收比例 {f.recovered:.0%}")


@measure("recovered", "能多不少: 100 × (paid + committed in writing) / owed (less the disputed part owned as ours)", {},
         outcome=True)
def recovered(f: Facts, p: dict[str, Any]) -> tuple[float, str]:
    of = "欠款" if f.due == f.owed else f"应收(欠款 {wan_text(f.owed)} 减去确属我方问题的 {wan_text(f.disputed)})"
    return 100 * f.recovered, f"回收比例 {f.recovered:.0%}(已付 + 书面承诺)/ {of}"


@measure("findings", "base + the points of every finding on the principle (rules; and, with `unprepared`, "
         "the 十大事先准备 checklist: `unprepared` points per unticked item)",
         {"base": F(Int(min=0, max=100, doc="起始分(计入规则命中之前)"), required=True),
          "unprepared": F(Int(min=-100, max=0, doc="十大事先准备每漏勾一项扣的分(已知准备清单时)"))},
         outcome=False)
def findings(f: Facts, p: dict[str, Any]) -> tuple[float, str]:
    base = int(p["base"])
    gained = sum(x for x in f.points if x > 0)
    lost = sum(x for x in f.points if x < 0)
    raw = base + gained + lost
    return float(raw), f"基础分 {base},加 {gained},扣 {-lost}" + (
        "(封顶 100)" if raw > 100 else "(最低 0)" if raw < 0 else "")
