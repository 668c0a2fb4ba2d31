"""Every test plan in tests/plans/: one test per line of play (all its seeds), one per compare."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.core.authoring.testplan import PlanError, check_compare, load_plan, plan_files, run_line

PLANS_DIR = Path(__file__).parent / "plans"


def _cases() -> list:
    cases = []
    for f in plan_files([str(PLANS_DIR)]):
        try:
            plan = load_plan(f)
        except PlanError as e:
            cases.append(pytest.param(None, None, str(e), id=f"{f.stem}-load"))
            continue
        for i, line in enumerate(plan.lines, 1):
            cases.append(pytest.param(plan, line, None, id=f"{f.stem}-line{i}"))
        for j, c in enumerate(plan.compares, 1):
            cases.append(pytest.param(plan, c, None, id=f"{f.stem}-compare{j}"))
    return cases


@pytest.mark.parametrize(("plan", "item", "load_error"), _cases())
def test_plan(plan, item, load_error) -> None:
    assert load_error is None, load_error
    if hasattr(item, "moves"):
        rep = run_line(plan, item)
        assert rep.ok, "\n".join(rep.failures)
    else:
        msg = check_compare(item, run_line(plan, plan.line(item.right)), run_line(plan, plan.line(item.wrong)))
        assert msg is None, msg


# ------------------------------------------------------------------ the content bar of the core personas
CORE = ("fake-broke", "genuinely-broke", "triangular-debt")
DRILLED = ("direct_ask", "persist", "empathize", "legal_warning", "installment_plan", "conditional_concession")


@pytest.fixture(scope="module")
def library():
    from trainer.core.content.library import load_library
    return load_library()


@pytest.mark.parametrize("pid", CORE)
def test_core_persona_meets_the_content_bar(library, pid) -> None:
    from trainer.core.content import catalogue
    p = library.personas[pid]
    live = [s for s in p.states.values() if not s.terminal]
    assert len(p.states) >= 8 and len(p.endings) >= 4
    assert all(s.hint for s in live), "every live state has a coach hint"
    named = {t for r in p.reactions for t in r.on if t in catalogue.TACTIC_IDS}
    assert len(named) >= 20, sorted(set(catalogue.TACTIC_IDS) - named)
    assert all(len(r.replies) >= 3 for r in p.reactions), [r.line for r in p.reactions if len(r.replies) < 3]
    assert all(r.note for r in p.reactions), [r.line for r in p.reactions if not r.note]
    lines = [x for r in p.reactions for x in r.replies] + list(p.default_replies) + [x for a in p.auto for x in a.replies]
    assert len(lines) == len(set(lines)), "every reply is written once"
    assert p.hidden_reason and 1 <= p.hidden_reason.reason <= 13 and any(r.reveals for r in p.reactions)
    walk_out = [a for a in p.auto if any(c.text.replace(" ", "") == "irritation>=80" for c in a.when)]
    assert walk_out and p.states[walk_out[0].to].ending.result == "broken_off"


@pytest.mark.parametrize("pid", CORE)
def test_core_scenario_has_right_wrong_and_drill_plans(pid) -> None:
    plan = load_plan(PLANS_DIR / f"{pid}.yaml")
    names = [ln.name for ln in plan.lines]
    assert sum(n.startswith("课程正解") for n in names) >= 2 and sum(n.startswith("违背课程") for n in names) >= 2
    assert plan.compares and all((c.min_score_gap or 0) >= 15 for c in plan.compares if c.min_score_gap is not None)
    drill = load_plan(PLANS_DIR / f"repetition-{pid}.yaml")
    drilled = {ln.moves[0] for ln in drill.lines if len(set(ln.moves)) == 1 and len(ln.moves) >= 12
               and ln.expect.max_recovered is not None and ln.expect.max_recovered < 0.5}
    assert drilled >= set(DRILLED)
