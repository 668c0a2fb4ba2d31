"""补救不是让步: owning our own established defect, and no more, is scored as a remedy (rule remedy_of_defect).

Hand-made sessions (no persona, no recogniser): each turn's main act, side acts, amounts and text are written out,
with the scenario's disputed part (case.disputed). Exact expected scores are worked out by hand from docs/scoring.md.
The case is quality-dispute's: 64万 owed, the 0915 batch (5.2万) really bad; the ending signs the other 58.8万 (stop 53: 58.88万 before, the persona's share rounded to 0.92) — all that is rightly
owed (stop 63: the shares are of the debt less the disputed part).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from trainer.core.content.library import load_library
from trainer.core.content.models import build_scenario
from trainer.core.content.spec import Problems
from trainer.core.content.yamlsafe import parse_text
from trainer.core.judging.measures import rightly_owed
from trainer.core.judging.rubric import load_rubric
from trainer.core.judging.scoring import score_session

OWED = 640_000
DISPUTED = 52_000  # the 0915 batch
REST = 588_000  # OWED - DISPUTED, signed for in 21 days: a share of 0.91875


def session(turns: list[tuple[str, str, tuple[int, ...]]], disputed: int = DISPUTED, reason_turn: int | None = 1,
            result: str = "promise") -> Any:
    """``turns``: (acts joined by '+', the main one first; what the trainee said; the amounts named). Every turn
    moves the debtor on; the session ends with the rest of the debt signed for, due in 21 days."""
    out, state = [], "start"
    for n, (acts, text, amounts) in enumerate(turns, 1):
        a = tuple(acts.split("+"))
        out.append(SimpleNamespace(n=n, tactic=a[0], acts=a, move=text, state_before=state, state=f"s{n}",
                                   amounts=amounts, reply=f"回答{n}"))
        state = f"s{n}"
    committed = REST if result == "promise" else 0
    outcome = SimpleNamespace(result=result, owed=OWED, paid=0, committed=committed, promised=committed,
                              due_days=21, plan=[], recovered_ratio=committed / OWED)
    persona = SimpleNamespace(start="start", archetype="质量纠纷", hidden_reason=SimpleNamespace(reason=9))
    scenario = SimpleNamespace(case=SimpleNamespace(disputed=disputed))
    return SimpleNamespace(turns=out, outcome=outcome, persona=persona, scenario=scenario,
                           reason_found_turn=reason_turn)


def score(s: Any) -> Any:
    return score_session(s, load_rubric())


PROBE = ("probe_reason", "您说全都有问题,具体是哪几批、出了什么事?", ())
SORRY = ("apologize", "售后没回您的邮件,是我们的错,对不起。", ())
BATCH = ("valuable_concession", "0915那批配比有偏差,五万二的货,我们认,退换或者折价您定。", (52_000,))
DEAL = ("conditional_concession", "前提是其余五十八万八月底前付清。", (588_000,))
SIGN = ("written_commitment", "写下来,请您签字盖章。", ())


def rules_at(sc: Any) -> set[tuple[str, int | None]]:
    return {(f.rule, f.turn) for f in sc.findings}


# ------------------------------------------------------------------ the remedy, once the defect is established
def test_owning_the_bad_batch_after_probing_and_apologising_is_a_remedy() -> None:
    sc = score(session([PROBE, SORRY, BATCH, DEAL, SIGN]))
    # 有利 70 + 10 reason found (turn 1) + 10 remedy (turn 3) + 10 conditional concession taken = 100;
    # the old rubric charged turn 3 −15 (unconditional) and −10 (given): 70 + 10 − 15 − 10 + 10 = 65
    assert sc.principles["benefit"] == 100
    assert ("remedy_of_defect", 3) in rules_at(sc)
    assert not {r for r, _ in rules_at(sc)} & {"unconditional_concession", "concession_given"}
    # the share is of what is rightly owed, 64万 less the batch owned as ours (stop 63): 58.8万 / 58.8万 = 1.0
    # 能早 1.0 × (100 − 1.5 × 21) = 68.5 → 68; 能快 1.0 × 100 = 100; 能多 100;
    # 有礼 80, 有节 100, 有矩 60 + 10 reason + 20 verified (52000 + 588000 name the balance) + 20 signed → 100, 有法 100
    assert sc.principles == {"early": 68, "fast": 100, "more": 100, "benefit": 100, "courtesy": 80, "restraint": 100,
                             "procedure": 100, "lawful": 100}
    # total = (10×68 + 10×100 + 20×100)/100 + 1.0 × 12 × (100+80+100+100+100)/100 = 36.8 + 57.6 = 94.4 → 94
    # (stop 62, the share of the whole 64万, 0.91875: 63 / 92 / 92 and 33.9 + 52.92 → 87 — making good the bad batch,
    # as the scenario's goal asks, cost 7 points against a 100% no line could reach)
    assert sc.total == 94
    f = next(x for x in sc.findings if x.rule == "remedy_of_defect")
    assert f.points == 10 and f.principle == "benefit" and f.turn == 3
    assert "5.2万" in f.message and "补救" in f.message and f.reaction == "回答3"
    assert "有价值让步" in f.course and "抱怨" in f.course


def test_the_three_requirements_count_what_is_rightly_owed() -> None:
    # the same ending (58.8万 signed) in a scenario that declares no disputed part: a share of the whole 64万
    less, whole = score(session([PROBE, SORRY, BATCH, DEAL, SIGN])), score(session([PROBE, SORRY, BATCH, DEAL, SIGN],
                                                                                     disputed=0))
    assert (less.principles["more"], less.principles["fast"]) == (100, 100)
    assert (whole.principles["more"], whole.principles["fast"]) == (92, 92)  # 0.91875 × 100 → 92
    assert "应收(欠款 64万 减去确属我方问题的 5.2万)" in less.feedback["principles"]["more"]["why"]
    assert whole.feedback["principles"]["more"]["why"].endswith("/ 欠款")
    assert rightly_owed(OWED, DISPUTED) == REST and rightly_owed(OWED, 0) == OWED and rightly_owed(0, DISPUTED) == 0


def test_the_batch_named_earlier_and_owned_without_a_figure_is_a_remedy() -> None:
    """0915这批五万二 put on the table at the apology; 那批我们全部负责 later names no figure: still the batch."""
    named = ("apologize", "0915那批五万二的货是我们的问题,对不起。", (52_000,))
    owned = ("valuable_concession", "那批我们全部负责,退换或者折价都得。", ())
    sc = score(session([PROBE, named, owned, DEAL, SIGN]))
    assert sc.principles["benefit"] == 100 and ("remedy_of_defect", 3) in rules_at(sc)


def test_the_batch_owned_in_the_same_breath_as_asking_for_the_rest_is_a_remedy() -> None:
    """五十八万八 is asked for, not given: only amounts above the disputed part that are not the rest count."""
    both = ("valuable_concession", "0915那批五万二我们认,其余五十八万八月底前付清。", (52_000, 588_000))
    sc = score(session([PROBE, SORRY, both, DEAL, SIGN]))
    assert sc.principles["benefit"] == 100 and ("remedy_of_defect", 3) in rules_at(sc)


# ------------------------------------------------------------------ still a concession
def test_a_remedy_before_anything_was_checked_still_costs_benefit() -> None:
    """The same words as the first move: nothing probed, checked or apologised for before it."""
    sc = score(session([BATCH, SORRY, DEAL, SIGN], reason_turn=2))
    # 70 + 10 reason (turn 2) − 15 unconditional − 10 given (turn 1) + 10 conditional = 65
    assert sc.principles["benefit"] == 65
    assert {("unconditional_concession", 1), ("concession_given", 1)} <= rules_at(sc)
    assert "remedy_of_defect" not in {r for r, _ in rules_at(sc)}


def test_a_remedy_before_the_real_reason_is_out_still_costs_benefit() -> None:
    """Apologised first, but the debtor had not yet told what is really wrong (reason out only at turn 4)."""
    sc = score(session([SORRY, BATCH, DEAL, SIGN], reason_turn=4))
    assert sc.principles["benefit"] == 65  # 70 + 10 − 15 − 10 + 10
    assert ("unconditional_concession", 2) in rules_at(sc)


@pytest.mark.parametrize("text,amounts", [
    ("0915那批我们认,违约金也不收了。", ()),                      # the fee waived beside the batch
    ("那批我们认,利息和滞纳金都免了。", ()),
    ("0915那批我們認,違約金也不收了。", ()),                      # 繁體 the same
    ("零头也给您抹掉,这事就翻篇了。", ()),
    ("六批都打九折,让您六万四。", (64_000,)),                     # more than the disputed part
])
def test_waiving_fees_interest_or_more_than_the_defect_still_costs_benefit(text: str, amounts: tuple[int, ...]) -> None:
    named = ("apologize", "0915那批五万二是我们的问题,对不起。", (52_000,))
    sc = score(session([PROBE, named, ("valuable_concession", text, amounts), DEAL, SIGN]))
    assert sc.principles["benefit"] == 65  # 70 + 10 − 15 − 10 + 10
    assert {("unconditional_concession", 3), ("concession_given", 3)} <= rules_at(sc)


def test_the_disputed_part_never_named_is_not_a_remedy() -> None:
    vague = ("valuable_concession", "你们的损失我们多少补一点。", ())
    sc = score(session([PROBE, SORRY, vague, DEAL, SIGN]))
    assert sc.principles["benefit"] == 65


def test_a_scenario_without_a_disputed_part_keeps_the_old_rule() -> None:
    sc = score(session([PROBE, SORRY, BATCH, DEAL, SIGN], disputed=0))
    assert sc.principles["benefit"] == 65 and "remedy_of_defect" not in {r for r, _ in rules_at(sc)}
    assert sc.total == 83  # 33.9 + 0.91875 × 12 × 445 / 100 = 82.96


def test_a_second_real_concession_after_the_remedy_is_still_charged() -> None:
    extra = ("valuable_concession", "违约金我们也不要了。", ())
    sc = score(session([PROBE, SORRY, BATCH, extra, DEAL, SIGN]))
    # 70 + 10 reason + 10 remedy (turn 3) − 15 − 10 (turn 4) + 10 conditional = 75
    assert sc.principles["benefit"] == 75
    assert {("remedy_of_defect", 3), ("unconditional_concession", 4), ("concession_given", 4)} <= rules_at(sc)


# ------------------------------------------------------------------ the content
def test_only_quality_dispute_declares_a_disputed_part() -> None:
    """competitor-terms (a price war) and project-milestone (missing signatures: paperwork, not a defect) have no
    part of the debt in real dispute; quality-dispute's is the 0915 batch."""
    lib = load_library()
    declared = {sid: sc.case.disputed for sid, sc in lib.scenarios.items() if sc.case.disputed}
    assert declared == {"quality-dispute": 52_000}


SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "quality-dispute.yaml"


def test_a_disputed_part_not_below_the_debt_is_an_error_at_its_line() -> None:
    text = SCENARIO.read_text(encoding="utf-8").replace("disputed: 52000", "disputed: 640000")
    out = Problems()
    assert build_scenario(parse_text(text, "scenarios/quality-dispute.yaml"), text, out) is None
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "disputed: 640000" in ln)
    err = out.errors[0]
    assert (err.line, "disputed" in err.message, "owed" in err.message) == (line, True, True)
