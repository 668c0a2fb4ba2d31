"""Test plans: lines of play with expected outcomes, run over several seeds.

A plan (``tests/plans/<scenario>.yaml``) says how a scenario must answer course-right and
course-wrong play, so content authors can check a persona the way a trainer would::

    scenario: fake-broke            # id or path (relative to the plan file, then the cwd)
    seeds: [1, 2, 3, 4, 5]
    difficulty: normal              # optional; default the scenario's
    lines:
      - name: 课程正解:核对余额后把握时机
        moves: [courtesy, probe_reason, verify_balance, timing, written_commitment]
        expect: {result: [paid_in_full, promise], min_score: 70, min_recovered: 0.8, max_turns: 10,
                 visits: [exposed], not_visits: [walked_out]}
    compare: {right: "课程正解…", wrong: "违背课程…", min_score_gap: 15}   # mean over seeds

A move is a tactic id or free text; free text may carry the tactic the recogniser must hear in it,
``{say: 咱们先把账对一下, expect_tactic: verify_balance}``, so a plan pins the recogniser as well.

Every expectation is checked per seed; ``compare`` is checked on the means over the seeds.
Failures carry the plan's ``file:line:col`` so they read like any other content error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean
from typing import Any

from trainer.core.content import catalogue
from trainer.core.content.library import ContentError, Library, display_name, load_library, read_yaml, resolve_scenario
from trainer.core.content.models import DIFFICULTIES, RESULTS, Persona, Scenario
from trainer.core.content.spec import AnyOf, Bool, F, Int, List, Num, Obj, Problem, Problems, Str, Unique, did_you_mean
from trainer.core.content.yamlsafe import LoadError, YNode
from trainer.core.judging.result import play_moves

EXPECT_SPEC = Obj({
    "result": F(List(Str(choices=RESULTS), min_items=1, scalar_ok=True, doc="允许的结果")),
    "min_score": F(Int(min=0, max=100, doc="总分(`score.total`)至少")),
    "max_score": F(Int(min=0, max=100, doc="总分(`score.total`)至多")),
    "min_recovered": F(Num(min=0, max=1, doc="回收比例(`outcome.recovered_ratio`)至少")),
    "max_recovered": F(Num(min=0, max=1, doc="回收比例(`outcome.recovered_ratio`)至多")),
    "min_turns": F(Int(min=0, max=1000, doc="打过的回合数至少")),
    "max_turns": F(Int(min=0, max=1000, doc="打过的回合数至多")),
    "visits": F(List(Str(), min_items=1, scalar_ok=True, doc="会话必须经过的状态")),
    "not_visits": F(List(Str(), min_items=1, scalar_ok=True, doc="会话不许进入的状态")),
    "ended": F(Bool(doc="招式用完之前谈判已走到结局")),
    "reason_found": F(Bool(doc="触发过带 `reveals: true` 的反应(问出了隐藏原因)")),
}, doc="每个种子下都必须满足的条件")

MOVE_SPEC = Obj({
    "say": F(Str("学员输入的中文原话", max_len=400), required=True),
    "expect_tactic": F(Str("识别器必须从这句话里听出的主招式 id")),
    "expect_acts": F(List(Str(), min_items=1, scalar_ok=True,
                          doc="识别器必须从这句话里听出的招式 id(都要在听出的招式里,主次不论)")),
}, doc="一句原话和它必须被识别成的招式(`expect_tactic` 主招式,`expect_acts` 一句话里的几招,至少写一个)")

LINE_SPEC = Obj({
    "name": F(Str(max_len=120, doc="打法的名称,不可重复"), required=True),
    "moves": F(List(AnyOf((Str("招式 id 或中文原话", max_len=400), MOVE_SPEC)), min_items=1),
               required=True),
    "expect": F(EXPECT_SPEC, required=True),
    "seeds": F(List(Int(min=0, max=2**31), min_items=1, doc="覆盖计划的种子")),
    "difficulty": F(Str(choices=DIFFICULTIES, doc="覆盖计划的难度")),
    "note": F(Str(max_len=400, doc="这条打法为什么必须这样收场(课程思想)")),
})

COMPARE_SPEC = Obj({
    "right": F(Str(doc="课程正解打法的名称"), required=True),
    "wrong": F(Str(doc="反面打法的名称"), required=True),
    "min_score_gap": F(Num(min=0, max=100, doc="正解的平均分减反面的平均分,至少")),
    "min_recovered_gap": F(Num(min=-1, max=1, doc="正解的平均回收比例减反面的,至少")),
})

PLAN_SPEC = Obj({
    "scenario": F(Str(doc="场景 id 或场景文件的路径"), required=True),
    "seeds": F(List(Int(min=0, max=2**31), min_items=1), required=True),
    "difficulty": F(Str(choices=DIFFICULTIES)),
    "lines": F(List(LINE_SPEC, min_items=1), required=True),
    "compare": F(AnyOf((COMPARE_SPEC, List(COMPARE_SPEC, min_items=1)))),
}, doc="测试计划:几条打法,以及每条在各种子下必须达到的结果")

# an ASCII identifier-like move that is no tactic id is a typo, not free text
_TACTIC_LIKE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


class PlanError(Exception):
    """A plan that cannot be loaded; ``str()`` is one line per problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Expect:
    result: tuple[str, ...] = ()
    min_score: int | None = None
    max_score: int | None = None
    min_recovered: float | None = None
    max_recovered: float | None = None
    min_turns: int | None = None
    max_turns: int | None = None
    visits: tuple[str, ...] = ()
    not_visits: tuple[str, ...] = ()
    ended: bool | None = None
    reason_found: bool | None = None
    tactics: tuple[str | None, ...] = ()  # per move: the tactic it must be heard as (None: not checked)
    acts: tuple[tuple[str, ...], ...] = ()  # per move: the acts it must be heard to carry, in any order (): not checked


@dataclass(frozen=True)
class PlanLine:
    name: str
    moves: tuple[str, ...]
    expect: Expect
    seeds: tuple[int, ...]
    difficulty: str | None
    where: str  # file:line:col of the line
    note: str = ""


@dataclass(frozen=True)
class Compare:
    right: str
    wrong: str
    min_score_gap: float | None
    min_recovered_gap: float | None
    where: str


@dataclass
class Plan:
    path: str
    scenario: Scenario
    persona: Persona
    lines: tuple[PlanLine, ...]
    compares: tuple[Compare, ...]

    def line(self, name: str) -> PlanLine:
        return next(ln for ln in self.lines if ln.name == name)


#: per turn of a run: the move, its tactic, the confidence, every act heard in it
Heard = tuple[tuple[str, str | None, float, tuple[str, ...]], ...]


@dataclass(frozen=True)
class SeedRun:
    seed: int
    result: str
    score: int
    recovered: float
    turns: int
    ended: bool
    visited: frozenset[str]
    reason_found: bool
    final_state: str
    heard: Heard = ()  # per turn: the move, its tactic, the confidence, every act heard in it


@dataclass
class LineReport:
    line: PlanLine
    runs: list[SeedRun] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # one line per failing seed

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def mean_score(self) -> float:
        return mean(r.score for r in self.runs) if self.runs else 0.0

    @property
    def mean_recovered(self) -> float:
        return mean(r.recovered for r in self.runs) if self.runs else 0.0

    def summary(self) -> dict[str, Any]:
        results: dict[str, int] = {}
        for r in self.runs:
            results[r.result] = results.get(r.result, 0) + 1
        return {"name": self.line.name, "where": self.line.where, "ok": self.ok,
                "mean_score": round(self.mean_score, 1), "mean_recovered": round(self.mean_recovered, 3),
                "mean_turns": round(mean(r.turns for r in self.runs), 1) if self.runs else 0,
                "results": results, "failures": list(self.failures)}


@dataclass
class PlanReport:
    plan: Plan
    lines: list[LineReport]
    compare_failures: list[str]

    @property
    def failures(self) -> list[str]:
        return [f for lr in self.lines for f in lr.failures] + self.compare_failures

    @property
    def ok(self) -> bool:
        return not self.failures


# ---------------------------------------------------------------- loading

def _where(node: YNode) -> str:
    return f"{node.path}:{node.line}:{node.col}"


def _strs(node: YNode | None) -> tuple[str, ...]:
    return () if node is None else tuple(str(n.value) for n in node.value)


def _resolve(ref_node: YNode, plan_path: Path, lib: Library | None) -> tuple[Scenario, Persona]:
    ref = str(ref_node.value)
    try:
        if ref.endswith((".yaml", ".yml")):
            cand = plan_path.parent / ref
            return resolve_scenario(str(cand) if cand.is_file() else ref, lib)
        return resolve_scenario(ref, lib or load_library())
    except ContentError as e:
        msg = str(e).splitlines()[0] if str(e) else "无法载入场景"
        raise PlanError([Problem(ref_node.path, ref_node.line, ref_node.col, "error", msg)]) from None


def _moves(nodes: list[YNode], out: Problems) -> tuple[tuple[str, ...], tuple[str | None, ...],
                                                        tuple[tuple[str, ...], ...]]:
    """The moves' texts, and per move the tactic it must be heard as (None where the plan does not say) and the
    acts it must be heard to carry (() where the plan does not say)."""
    moves: list[str] = []
    tactics: list[str | None] = []
    acts: list[tuple[str, ...]] = []
    for m in nodes:
        said, want, carry = ((m.value["say"], m.value.get("expect_tactic"), m.value.get("expect_acts"))
                             if m.kind == "mapping" else (m, None, None))
        word = str(said.value).strip()
        if _TACTIC_LIKE.fullmatch(word) and word not in catalogue.MOVE_IDS:
            out.error(said, f"未知的招式 '{word}'{did_you_mean(word, catalogue.MOVE_IDS, catalogue.NAMES)}")
        if m.kind == "mapping" and want is None and carry is None:
            out.error(m, "这句原话没写要识别成什么:写 expect_tactic(主招式)或 expect_acts(一句话里的几招)")
        wants = [want] if want is not None else []
        wants += carry.value if carry is not None else []
        for w in wants:
            tactic = str(w.value).strip()
            if tactic not in catalogue.MOVE_IDS:
                out.error(w, f"未知的招式 '{tactic}'{did_you_mean(tactic, catalogue.MOVE_IDS, catalogue.NAMES)}")
            elif word in catalogue.MOVE_IDS and word != tactic:
                out.error(w, f"'{word}' 是招式编号:它总是被识别为它自己")
        moves.append(str(said.value))
        tactics.append(str(want.value).strip() if want is not None else None)
        acts.append(tuple(str(w.value).strip() for w in carry.value) if carry is not None else ())
    return tuple(moves), tuple(tactics), tuple(acts)


def load_plan(path: str | Path, lib: Library | None = None) -> Plan:
    """Read and check a plan; raises PlanError (every problem as file:line:col)."""
    path = Path(path)
    try:
        root, _ = read_yaml(path)
    except LoadError as e:
        raise PlanError([Problem(e.path, e.line, e.col, "error", e.message)]) from None
    out = Problems()
    plan = build_plan(root, path, lib, out)
    if plan is None or out.errors:
        raise PlanError(out.errors)
    return plan


def check_plan_file(root: YNode, text: str, out: Problems) -> None:
    """For `trainer validate`: every problem of a test plan, by file:line:col (the plan is not run)."""
    build_plan(root, Path(root.path), None, out)


def build_plan(root: YNode, path: Path, lib: Library | None, out: Problems) -> Plan | None:
    """A checked plan, or None with the problems in ``out``."""
    if not PLAN_SPEC.check(root, out):
        return None
    v = root.value
    try:
        scenario, persona = _resolve(v["scenario"], path, lib)
    except PlanError as e:
        out.extend(e.problems)
        return None
    seeds = tuple(n.value for n in v["seeds"].value)
    difficulty = v["difficulty"].value if v.get("difficulty") else None

    lines: list[PlanLine] = []
    names = Unique("路线名", out)
    for ln in v["lines"].value:
        lv = ln.value
        name = lv["name"].value
        names.check(lv["name"], _where(ln))
        moves, tactics, acts = _moves(lv["moves"].value, out)
        ev = lv["expect"].value
        for key in ("visits", "not_visits"):
            for s in ev[key].value if key in ev else []:
                if s.value not in persona.states:
                    out.error(s, f"角色 '{persona.id}' 没有状态 '{s.value}'{did_you_mean(s.value, persona.states)}")
        for lo, hi in (("min_score", "max_score"), ("min_recovered", "max_recovered"), ("min_turns", "max_turns")):
            if lo in ev and hi in ev and ev[lo].value > ev[hi].value:
                out.error(ev[lo], f"{lo} {ev[lo].value} 大于 {hi} {ev[hi].value}:没有一次对练能通过")

        def g(key: str, ev: dict[str, YNode] = ev) -> Any:
            return ev[key].value if key in ev else None

        expect = Expect(result=_strs(ev.get("result")), min_score=g("min_score"), max_score=g("max_score"),
                        min_recovered=g("min_recovered"), max_recovered=g("max_recovered"),
                        min_turns=g("min_turns"), max_turns=g("max_turns"), visits=_strs(ev.get("visits")),
                        not_visits=_strs(ev.get("not_visits")), ended=g("ended"), reason_found=g("reason_found"),
                        tactics=tactics if any(tactics) else (), acts=acts if any(acts) else ())
        lines.append(PlanLine(
            name=name, moves=moves, expect=expect,
            seeds=tuple(n.value for n in lv["seeds"].value) if "seeds" in lv else seeds,
            difficulty=lv["difficulty"].value if "difficulty" in lv else difficulty,
            where=_where(ln), note=lv["note"].value if "note" in lv else ""))

    compares: list[Compare] = []
    cnode = v.get("compare")
    if cnode is not None:
        for cn in cnode.value if isinstance(cnode.value, list) else [cnode]:
            cv = cn.value
            for key in ("right", "wrong"):
                if cv[key].value not in names.first:
                    out.error(cv[key], f"没有名为 '{cv[key].value}' 的路线{did_you_mean(cv[key].value, names.first)}")
            if "min_score_gap" not in cv and "min_recovered_gap" not in cv:
                out.error(cn, "compare 需要 min_score_gap 或 min_recovered_gap")
            compares.append(Compare(cv["right"].value, cv["wrong"].value,
                                    cv["min_score_gap"].value if "min_score_gap" in cv else None,
                                    cv["min_recovered_gap"].value if "min_recovered_gap" in cv else None,
                                    _where(cn)))
    if out.errors:
        return None
    return Plan(display_name(path), scenario, persona, tuple(lines), tuple(compares))


# ---------------------------------------------------------------- running

def play_seed(plan: Plan, line: PlanLine, seed: int) -> SeedRun:
    s, score = play_moves(plan.scenario, plan.persona, list(line.moves), seed=seed, difficulty=line.difficulty)
    o = s.outcome
    return SeedRun(seed=seed, result=o.result if o else "no_progress", score=score.total,
                   recovered=o.recovered_ratio if o else 0.0, turns=len(s.turns), ended=s.ended,
                   visited=frozenset(s.visited_states), reason_found=s.reason_found_turn is not None,
                   final_state=s.state, heard=tuple((t.move, t.tactic, t.confidence, tuple(t.acts)) for t in s.turns))


def check_run(e: Expect, r: SeedRun) -> list[str]:
    """What a run got wrong against the expectation; empty when it passes."""
    bad = []
    if e.result and r.result not in e.result:
        bad.append(f"结局 {r.result} 不在 [{', '.join(e.result)}] 之中")
    if e.min_score is not None and r.score < e.min_score:
        bad.append(f"得分 {r.score} < {e.min_score}")
    if e.max_score is not None and r.score > e.max_score:
        bad.append(f"得分 {r.score} > {e.max_score}")
    if e.min_recovered is not None and r.recovered < e.min_recovered - 1e-9:
        bad.append(f"回收 {r.recovered:.0%} < {e.min_recovered:.0%}")
    if e.max_recovered is not None and r.recovered > e.max_recovered + 1e-9:
        bad.append(f"回收 {r.recovered:.0%} > {e.max_recovered:.0%}")
    if e.min_turns is not None and r.turns < e.min_turns:
        bad.append(f"{r.turns} 回合 < {e.min_turns}")
    if e.max_turns is not None and r.turns > e.max_turns:
        bad.append(f"{r.turns} 回合 > {e.max_turns}")
    missed = [s for s in e.visits if s not in r.visited]
    if missed:
        bad.append(f"从未到过 {', '.join(missed)}")
    entered = [s for s in e.not_visits if s in r.visited]
    if entered:
        bad.append(f"到过 {', '.join(entered)}")
    if e.ended is not None and r.ended != e.ended:
        bad.append("谈判没有结束" if e.ended else f"谈判结束了({r.final_state})")
    if e.reason_found is not None and r.reason_found != e.reason_found:
        bad.append("隐藏原因始终没有露出" if e.reason_found else "隐藏原因露出来了")
    return bad + _misheard(e.tactics, r.heard) + _unheard(e.acts, r.heard)


def _step(i: int, move: str) -> str:
    """A move as a failure names it: its number and its first words."""
    return f"第 {i + 1} 步“{move if len(move) <= 16 else move[:15] + '…'}”"


def _misheard(want: tuple[str | None, ...], heard: Heard) -> list[str]:
    """Free-text moves the recogniser heard as another tactic. Moves after the ending are never played,
    so, as for tactic ids, they are not checked (``ended`` / ``min_turns`` pin the length)."""
    return [f"{_step(i, move)}识别为 {got or '无招式'}({conf:.2f}),不是 {tactic}"
            for i, ((move, got, conf, _), tactic) in enumerate(zip(heard, want, strict=False))
            if tactic is not None and got != tactic]


def _unheard(want: tuple[tuple[str, ...], ...], heard: Heard) -> list[str]:
    """Free-text moves in which the recogniser missed an act the plan says they carry (main or side, in any order)."""
    bad = []
    for i, (wanted, (move, _, _, got)) in enumerate(zip(want, heard, strict=False)):
        if missing := [a for a in wanted if a not in got]:
            bad.append(f"{_step(i, move)}没听出 {'、'.join(missing)}(听出 {' + '.join(got) or '无招式'})")
    return bad


def run_line(plan: Plan, line: PlanLine) -> LineReport:
    rep = LineReport(line)
    for seed in line.seeds:
        r = play_seed(plan, line, seed)
        rep.runs.append(r)
        bad = check_run(line.expect, r)
        if bad:
            rep.failures.append(f"{line.where}: {line.name} · 种子 {seed}:{';'.join(bad)}"
                                f"({r.turns} 回合后停在 {r.final_state})")
    return rep


def check_compare(c: Compare, right: LineReport, wrong: LineReport) -> str | None:
    bad = []
    gap = right.mean_score - wrong.mean_score
    if c.min_score_gap is not None and gap < c.min_score_gap:
        bad.append(f"平均分差 {gap:.1f} < {c.min_score_gap:g}"
                   f"({right.mean_score:.1f} 对 {wrong.mean_score:.1f})")
    rgap = right.mean_recovered - wrong.mean_recovered
    if c.min_recovered_gap is not None and rgap < c.min_recovered_gap - 1e-9:
        bad.append(f"平均回收差 {rgap:.0%} < {c.min_recovered_gap:.0%}"
                   f"({right.mean_recovered:.0%} 对 {wrong.mean_recovered:.0%})")
    if not bad:
        return None
    return f"{c.where}: 对比 '{c.right}' 与 '{c.wrong}':{';'.join(bad)}"


def run_plan(plan: Plan) -> PlanReport:
    reports = [run_line(plan, ln) for ln in plan.lines]
    by_name = {r.line.name: r for r in reports}
    cfails = [f for c in plan.compares if (f := check_compare(c, by_name[c.right], by_name[c.wrong]))]
    return PlanReport(plan, reports, cfails)


def plan_files(paths: list[str]) -> list[Path]:
    """Plan files named directly or found (``*.yaml``/``*.yml``, sorted) in the folders named."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(f for f in path.rglob("*") if f.suffix in (".yaml", ".yml") and f.is_file()))
        else:
            out.append(path)
    return out
