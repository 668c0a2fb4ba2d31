"""Score bands (issue 14): every shipped scenario has tests/plans/bands-<scenario>.yaml (run by tests/test_plans.py
for the total's bounds); here: the plans cover every scenario and every kind of line, and an unlawful line leaves
有法 at 40 or less on every seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.core.authoring.testplan import load_plan
from trainer.core.content.library import load_library
from trainer.core.judging.result import play_moves

PLANS = Path(__file__).parents[1] / "plans"
KINDS = {"闲聊": 15, "让步": 40, "违法": 30, "顺序颠倒": 30}


def _scenarios() -> list[str]:
    return sorted(load_library().scenarios)


def test_every_shipped_scenario_has_a_bands_plan() -> None:
    have = sorted(p.stem.removeprefix("bands-") for p in PLANS.glob("bands-*.yaml"))
    assert have == _scenarios()


@pytest.mark.parametrize("sid", _scenarios())
def test_bands_plan_has_each_kind_of_line_with_its_bound(sid: str) -> None:
    plan = load_plan(PLANS / f"bands-{sid}.yaml")
    assert all(ln.seeds == (1, 2, 3, 4, 5) for ln in plan.lines)
    for kind, bound in KINDS.items():
        lines = [ln for ln in plan.lines if ln.name.startswith(kind)]
        assert lines and all(ln.expect.max_score is not None and ln.expect.max_score <= bound for ln in lines), kind
    right = [ln for ln in plan.lines if ln.name.startswith("课程正解")]
    assert right and all((ln.expect.min_score or 0) >= 85 for ln in right)


@pytest.mark.parametrize("sid", _scenarios())
def test_unlawful_line_leaves_lawful_at_40_or_less(sid: str) -> None:
    plan = load_plan(PLANS / f"bands-{sid}.yaml")
    for line in (ln for ln in plan.lines if ln.name.startswith("违法")):
        for seed in line.seeds:
            _, score = play_moves(plan.scenario, plan.persona, list(line.moves), seed=seed)
            assert score.principles["lawful"] <= 40 and score.total <= 30, (line.name, seed, score.principles)
