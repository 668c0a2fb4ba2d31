"""Issue 15's course moves: the added tactics after the contract's 32, how every debtor meets them,
喊高取中 landing in the middle, and a hard level that tests the trainee's resolve twice."""

from __future__ import annotations

import pytest

from trainer.core.content import catalogue
from trainer.core.content.library import load_library
from trainer.core.engine.session import Session

LIB = load_library()

CONTRACT_32 = (
    "direct_ask", "remind_due_date", "rebut_excuse", "appeal_integrity", "deadline_pressure",
    "courtesy", "listen", "empathize", "praise", "ask_for_help", "apologize",
    "conditional_concession", "valuable_concession", "ask_high_settle_middle", "installment_plan",
    "help_customer_sell", "face_for_substance", "feigned_indifference",
    "legal_warning", "legal_action", "stop_supply",
    "persist", "red_white_face", "escalate_manager", "third_party", "original_contact", "find_decision_maker",
    "reputation", "probe_reason", "verify_balance", "written_commitment", "timing",
)
ADDED = ("state_purpose", "confirm_day_before", "polite_exit", "be_first_creditor", "take_back_stock",
         "property_preservation")


def play(scenario_id: str, moves: list[str], seed: int = 1, difficulty: str | None = None) -> Session:
    sc = LIB.scenarios[scenario_id]
    s = Session(sc, LIB.persona_for(sc), seed=seed, difficulty=difficulty)
    for m in moves:
        if s.ended:
            break
        s.play_tactic(m)
    return s


def test_the_contract_ids_come_first_and_unchanged():
    assert catalogue.TACTIC_IDS[:32] == CONTRACT_32
    assert catalogue.CONTRACT_TACTIC_COUNT == 32
    assert set(ADDED) <= set(catalogue.TACTIC_IDS[32:])
    for tid in ADDED:
        t = catalogue.BY_ID[tid]
        assert t.name and t.group in catalogue.GROUPS and t.source and t.example


@pytest.mark.parametrize("scenario_id", sorted(LIB.scenarios))
def test_stating_the_purpose_first_is_a_good_opening(scenario_id):
    """讨账十招·拜访时首先提出收款的目的: every debtor has its own answer, never a worse one than 直截了当."""
    s = play(scenario_id, ["state_purpose"])
    d = play(scenario_id, ["direct_ask"])
    turn = s.turns[0]
    assert not s.ended and turn.reaction is not None
    persona = LIB.persona_for(LIB.scenarios[scenario_id])
    assert "state_purpose" in persona.reactions[turn.reaction].tactics
    assert turn.deltas.get("irritation", 0) <= min(3, max(0, d.turns[0].deltas.get("irritation", 0)))


@pytest.mark.parametrize("scenario_id", sorted(LIB.scenarios))
def test_a_polite_exit_is_never_punished(scenario_id):
    """清款后礼貌离去: saying thank-you and goodbye never angers a debtor or ends the talk on its own."""
    for prefix in ([], ["courtesy"], ["courtesy", "verify_balance"]):
        s = play(scenario_id, prefix + ["polite_exit"])
        if len(s.turns) == len(prefix) + 1:
            assert s.turns[-1].deltas.get("irritation", 0) <= 0
            assert s.outcome is None or s.outcome.result != "broken_off"


def test_bad_debt_right_line_takes_back_stock_then_preserves_property():
    s = play("bad-debt-signs", ["courtesy", "timing", "verify_balance", "rebut_excuse", "take_back_stock",
                                "take_back_stock", "third_party", "property_preservation", "written_commitment"])
    assert s.outcome is not None and s.outcome.state == "secured" and s.outcome.recovered_ratio >= 0.9
    assert [t.state for t in s.turns][4:8] == ["stock_deal", "stock_back", "traced", "preserved"]


def test_property_preservation_before_the_assets_are_traced_only_warns_him():
    s = play("bad-debt-signs", ["courtesy", "timing", "verify_balance", "property_preservation"])
    assert s.state == "counted" and s.turns[-1].deltas["stock"] < 0


def test_genuinely_broke_debtor_gives_our_stock_back():
    s = play("genuinely-broke", ["courtesy", "listen", "empathize", "verify_balance", "installment_plan",
                                 "take_back_stock", "written_commitment"])
    states = [t.state for t in s.turns]
    if "opening_up" not in states and "seeking" not in states:
        pytest.skip("this line does not open her up; see the plan for the course line")
    assert s.outcome is not None and s.outcome.state == "stock_returned"
    assert s.outcome.paid == round(0.55 * s.scenario.case.owed)


@pytest.mark.parametrize("scenario_id, state", [("malicious-delay", "exposed"), ("fake-broke", "exposed")])
def test_being_first_among_creditors_moves_a_debtor_with_money(scenario_id, state):
    line = {"malicious-delay": ["courtesy", "verify_balance", "rebut_excuse", "be_first_creditor"],
            "fake-broke": ["courtesy", "probe_reason", "verify_balance", "timing", "be_first_creditor"]}[scenario_id]
    s = play(scenario_id, line)
    assert s.turns[-1].state_before == state and s.turns[-1].state != state
    assert s.turns[-1].deltas["pressure"] > 0


@pytest.mark.parametrize("scenario_id", ["fake-broke", "factory-to-factory", "new-manager", "malicious-delay",
                                         "triangular-debt", "competitor-terms", "project-milestone",
                                         "supermarket-chain"])
def test_ask_high_settle_middle_alone_settles_in_the_middle(scenario_id):
    persona = LIB.persona_for(LIB.scenarios[scenario_id])
    ending = persona.states["met_middle"].ending
    assert ending is not None and ending.result == "partial"
    assert 0.6 <= ending.paid + ending.committed <= 0.85
    assert any("ask_high_settle_middle" in c.text for r in persona.reactions for c in r.when if r.to == "met_middle")


def test_fake_broke_ask_high_ends_in_the_middle_not_in_full():
    s = play("fake-broke", ["courtesy", "probe_reason", "verify_balance", "timing", "rebut_excuse",
                            "ask_high_settle_middle", "deadline_pressure", "written_commitment", "persist"])
    assert s.outcome is not None and s.outcome.result == "partial" and 0.7 <= s.outcome.recovered_ratio <= 0.85


RIGHT_FAKE = ["courtesy", "probe_reason", "verify_balance", "timing", "rebut_excuse", "face_for_substance",
              "deadline_pressure", "written_commitment", "persist"]
RIGHT_MALICIOUS = ["courtesy", "verify_balance", "rebut_excuse", "stop_supply", "reputation", "legal_warning",
                   "conditional_concession", "written_commitment"]


@pytest.mark.parametrize("scenario_id, line, stall, hold", [
    ("fake-broke", RIGHT_FAKE, "wavering", ["rebut_excuse", "persist"]),
    ("malicious-delay", RIGHT_MALICIOUS, "reneging", ["rebut_excuse", "written_commitment"]),
])
def test_hard_tests_resolve_twice(scenario_id, line, stall, hold):
    normal = play(scenario_id, line)
    assert normal.outcome is not None and normal.outcome.recovered_ratio >= 0.9
    assert stall not in {t.state for t in normal.turns}
    hard = play(scenario_id, line, difficulty="hard")
    assert hard.state == stall and not hard.ended  # the second stall, after the first agreement
    held = play(scenario_id, line + hold, difficulty="hard")
    assert held.outcome is not None and held.outcome.recovered_ratio >= 0.9


@pytest.mark.parametrize("scenario_id, limit", [("fake-broke", 11), ("malicious-delay", 10)])
def test_hard_has_fewer_turns(scenario_id, limit):
    sc = LIB.scenarios[scenario_id]
    assert limit < sc.turn_limit
    soft = ["listen", "praise"] * 10
    hard = play(scenario_id, soft, difficulty="hard")
    normal = play(scenario_id, soft)
    assert hard.ended and len(hard.turns) <= limit
    assert len(normal.turns) > limit or normal.outcome is None or normal.outcome.result != "no_progress"


@pytest.mark.parametrize("scenario_id", ["fake-broke", "malicious-delay"])
def test_hard_meters_are_hidden(scenario_id):
    s = play(scenario_id, [], difficulty="hard")
    persona = LIB.persona_for(LIB.scenarios[scenario_id])
    assert not s.show_meters
    # the hard-mode meters are hidden (fake-broke also keeps a hidden bookkeeping meter, 'settled')
    assert {"hard", "retest"} <= {m.name for m in persona.meters if m.hidden}
    assert play(scenario_id, []).meters["retest"] == 0 and s.meters["retest"] == 1
