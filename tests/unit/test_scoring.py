"""Scoring against the course: the rubric as data, sequence-aware rules, feedback."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.core.content import catalogue
from trainer.core.content.library import load_library
from trainer.core.content.spec import Problems
from trainer.core.content.yamlsafe import parse_text
from trainer.core.judging.result import play_moves, result_json
from trainer.core.judging.rubric import PRINCIPLES, check_rubric_file, load_rubric, parse_rubric, rubric_file
from trainer.core.judging.rules import Ctx, Move
from trainer.core.judging.scoring import apply_rules, capped_by, render, score_session, total_of

LADDER = ["courtesy", "direct_ask", "remind_due_date", "stop_supply", "legal_warning", "legal_action"]
RIGHT = ["courtesy", "probe_reason", "verify_balance", "timing", "rebut_excuse", "ask_high_settle_middle",
         "deadline_pressure", "written_commitment", "timing"]  # timing: the fresh money, paid in full
WRONG = ["legal_warning", "hostile", "empathize", "valuable_concession", "installment_plan", "empathize"]


@pytest.fixture(scope="module")
def rubric():
    return load_rubric()


@pytest.fixture(scope="module")
def fake_broke():
    lib = load_library()
    sc = lib.scenarios["fake-broke"]
    return sc, lib.persona_for(sc)


def play(fake_broke, moves, seed=7):
    sc, persona = fake_broke
    return play_moves(sc, persona, moves, seed=seed)


# ------------------------------------------------------------------ course-right vs course-wrong
def test_course_right_beats_course_wrong_and_findings_say_why(fake_broke):
    s_right, right = play(fake_broke, RIGHT)
    s_wrong, wrong = play(fake_broke, WRONG)
    assert right.total >= 90 and wrong.total <= 45, (right.total, wrong.total)
    good = {f.rule for f in right.findings}
    # paid in full on the spot: nothing is left to sign, so no in_writing finding is owed
    assert {"courteous_opening", "verified_before_deal", "fake_broke_timing"} <= good
    assert all(f.points > 0 for f in right.findings)
    bad = {(f.rule, f.turn) for f in wrong.findings}
    assert ("force_before_courtesy", 1) in bad  # 先兵后礼 on the first turn
    assert ("hostile", 2) in bad
    assert ("fake_broke_tears", 3) in bad  # tears believed on 假没钱
    assert ("unconditional_concession", 4) in bad
    assert any(r == "not_in_writing" for r, _ in bad)
    for key in ("courtesy", "restraint", "lawful", "benefit", "procedure"):
        assert wrong.principles[key] < right.principles[key], key
    # every finding explains itself: course reference, message, suggestion
    for f in wrong.findings:
        assert f.course and f.message and f.suggestion and f.points < 0


def test_hostile_costs_courtesy_restraint_and_lawful(fake_broke):
    _, base = play(fake_broke, ["courtesy", "verify_balance"])
    _, hot = play(fake_broke, ["courtesy", "hostile"])
    hits = [f for f in hot.findings if f.rule in ("hostile", "hostile_unlawful")]
    assert {f.principle for f in hits} == {"courtesy", "restraint", "lawful"} and {f.turn for f in hits} == {2}
    for key in ("courtesy", "restraint"):
        assert hot.principles[key] <= base.principles[key] - 35
    assert hot.principles["lawful"] <= 40  # one unlawful act: 有法 ≤ 40


@pytest.mark.parametrize("line, unlawful", [
    # stop 35: rudeness that threatens nothing costs 有礼 and 有节 (the issue: "rudeness that is not unlawful costs
    # 有礼"); a threat, however veiled, or an insult with a consequence held over him, costs 有法 as well
    ("废物,连个款都付不出来,还开什么公司!", False),
    ("你算个什么东西,也配跟我谈账期?", False),
    ("你这饭馆还想不想开了?十二万,周五前见。", True),
    ("你再装死,我就把你店门锁了!", True),
    ("骗子!今天不给钱,后果你自己想。", True),
])
def test_rudeness_costs_courtesy_and_threats_the_law(fake_broke, line, unlawful):
    _, hot = play(fake_broke, ["courtesy", line])
    rules = {f.rule: f for f in hot.findings if f.turn == 2}
    assert "hostile" in rules and rules["hostile"].points == -35
    assert ("hostile_unlawful" in rules) is unlawful
    assert (hot.principles["lawful"] <= 40) is unlawful
    for key in ("courtesy", "restraint"):
        assert hot.principles[key] <= 65


def test_unlawful_pressure_caps_the_total_whatever_the_deal(rubric, dev_play_moves):
    # dev play supermarket-chain unlawful-46 (stop 44): the buyer takes a threat of calls at 2 a.m., then signs the
    # reconciled 52万 — the talk recovers everything, so 有法 40 alone left it at 79
    lib = load_library()
    sc = lib.scenarios["supermarket-chain"]
    s, score = play_moves(sc, lib.persona_for(sc), dev_play_moves("supermarket-chain", "unlawful-46"), seed=1)
    assert s.outcome is not None and s.outcome.recovered_ratio == 1.0
    p = score.principles
    assert (p["early"], p["fast"], p["more"], p["lawful"]) == (98, 100, 100, 40)
    # by hand: outcome (10×98 + 10×100 + 20×100)/100 = 39.8; conduct 12×(benefit + courtesy + restraint + procedure +
    # lawful)/100 × recovered 1.0 — the uncapped total; the rule's cap (30) is what stands
    conduct = 12 * (p["benefit"] + p["courtesy"] + p["restraint"] + p["procedure"] + p["lawful"]) / 100
    assert total_of(rubric, p, 1.0) == round(39.8 + conduct) > 30
    assert score.total == 30
    assert score.feedback["cap"] == {"rule": "hostile_unlawful", "title": "越过法律的线", "total": 30}
    cap = capped_by(rubric, score.findings)
    assert cap is not None and cap[1] == 30


def test_rudeness_alone_caps_nothing(fake_broke, rubric):
    _, hot = play(fake_broke, ["courtesy", "废物,连个款都付不出来,还开什么公司!"])
    assert capped_by(rubric, hot.findings) is None and "cap" not in hot.feedback


def test_a_hostile_id_counts_as_unlawful(fake_broke):
    # played as a tactic id nothing tells rudeness from a threat: the law's rule still applies
    _, hot = play(fake_broke, ["courtesy", "hostile"])
    assert any(f.rule == "hostile_unlawful" for f in hot.findings)


def test_measures_early_fast_more(fake_broke):
    s, score = play(fake_broke, RIGHT)
    o = s.outcome
    assert score.principles["more"] == round(o.recovered_ratio * 100)
    if o.result == "paid_in_full":
        assert score.principles["early"] == 100
    # fewer turns is faster; nothing recovered is 0
    slow_s, slow = play(fake_broke, ["courtesy", "listen", "praise", "probe_reason", "listen", "remind_due_date",
                                     "verify_balance", "timing", "rebut_excuse", "ask_high_settle_middle",
                                     "deadline_pressure", "written_commitment", "timing"])
    assert slow_s.outcome.recovered_ratio == o.recovered_ratio  # the same deal, only slower
    _, none = play(fake_broke, ["courtesy"])
    assert slow.principles["fast"] < score.principles["fast"]
    assert none.principles["fast"] == 0 and none.principles["more"] == 0 and none.principles["early"] == 0


@pytest.mark.parametrize("moves", [WRONG, RIGHT, RIGHT[:-1]])
def test_total_is_outcome_plus_conduct_scaled_by_the_recovered_share(fake_broke, rubric, moves):
    s, score = play(fake_broke, moves)
    w = {k: rubric.principles[k].weight for k in PRINCIPLES}
    assert sum(w.values()) == 100
    outcome = sum(score.principles[k] * w[k] for k in ("early", "fast", "more")) / 100
    conduct = sum(score.principles[k] * w[k] for k in ("benefit", "courtesy", "restraint", "procedure", "lawful")) / 100
    ratio = s.outcome.recovered_ratio if s.outcome else 0.0
    assert score.total == round(outcome + ratio * conduct)


def test_result_json_has_feedback_best_and_change(fake_broke):
    s, score = play(fake_broke, WRONG)
    d = result_json(s, score)
    fb = d["feedback"]
    assert set(fb["principles"]) == set(PRINCIPLES)
    assert all(0 <= p["score"] <= 100 and p["why"] for p in fb["principles"].values())
    assert fb["change"] and len(fb["change"]) <= 3 and fb["best"] == []
    first = fb["change"][0]
    assert first["turn"] == 2 and first["move"] == "hostile" and first["suggestion"] and first["course"]
    assert d["findings"] and {"turn", "principle", "points", "rule", "message", "course"} <= set(d["findings"][0])
    _, right = play(fake_broke, RIGHT)
    assert len(right.feedback["best"]) == 3 and right.feedback["change"] == []
    assert all(b["points"] > 0 and b["turn"] for b in right.feedback["best"])


# ------------------------------------------------------------------ each rule on a crafted line
# rule id → (archetype, moves, result, reason_turn, expected turn)
CRAFTED = {
    "courteous_opening": ("假没钱", ["courtesy", "direct_ask"], "no_progress", None, 1),
    "force_before_courtesy": ("假没钱", ["probe_reason", "legal_warning"], "no_progress", None, 2),
    "escalation_followed": ("恶意拖欠", ["direct_ask", "courtesy", "stop_supply"], "no_progress", None, 3),
    "escalation_skipped": ("恶意拖欠", ["direct_ask", "remind_due_date", "legal_warning"], "no_progress", None, 3),
    "lawsuit_first": ("恶意拖欠", ["courtesy", "direct_ask", "legal_action"], "legal", None, 3),
    "lawsuit_after_ladder": ("恶意拖欠", LADDER, "legal", None, 6),
    "hostile": ("假没钱", ["courtesy", "hostile"], "no_progress", None, 2),
    "hostile_unlawful": ("假没钱", ["courtesy", "hostile"], "no_progress", None, 2),
    "concession_given": ("假没钱", ["courtesy", "valuable_concession"], "no_progress", None, 2),
    "repetition": ("假没钱", ["direct_ask", "persist", "persist", "persist"], "no_progress", None, 4),
    "conditional_concession": ("假没钱", ["verify_balance", "conditional_concession"], "promise", None, 2),
    "unconditional_concession": ("假没钱", ["courtesy", "valuable_concession"], "no_progress", None, 2),
    "broken_off": ("假没钱", ["courtesy", "direct_ask", "hostile"], "broken_off", None, 3),
    "ended_in_court": ("恶意拖欠", ["courtesy", "legal_action"], "legal", None, 2),
    "verified_before_deal": ("假没钱", ["courtesy", "verify_balance", "written_commitment"], "promise", None, 2),
    "deal_without_verifying": ("假没钱", ["courtesy", "direct_ask", "written_commitment"], "promise", None, 3),
    "in_writing": ("假没钱", ["courtesy", "written_commitment"], "promise", None, 2),
    "not_in_writing": ("假没钱", ["courtesy", "direct_ask"], "no_progress", None, 2),
    "reason_found": ("假没钱", ["verify_balance", "timing"], "no_progress", 2, 2),
    "reason_missed": ("假没钱", ["courtesy", "listen", "praise"], "no_progress", None, 3),
    "fake_broke_tears": ("假没钱", ["courtesy", "empathize"], "no_progress", None, 2),
    "fake_broke_timing": ("假没钱", ["verify_balance", "timing"], "partial", None, 2),
    "genuinely_broke_threat": ("真没钱", ["courtesy", "legal_warning"], "no_progress", None, 2),
    "genuinely_broke_help": ("真没钱", ["listen", "installment_plan"], "promise", None, 2),
    "malicious_soft_only": ("恶意拖欠", ["courtesy", "empathize", "listen"], "no_progress", None, 3),
    "triangular_third_party": ("三角债", ["probe_reason", "third_party"], "partial", None, 2),
    # 质量纠纷 (DISPUTED): after the apology, the bad batch owned by its value (tactic@amount) is a remedy
    "remedy_of_defect": ("质量纠纷", ["apologize", "valuable_concession@52000"], "promise", 1, 2),
}

# the same lines, changed so that the rule must NOT fire
NOT_FIRING = {
    "courteous_opening": ("假没钱", ["direct_ask", "courtesy"], "no_progress", None),
    "force_before_courtesy": ("假没钱", ["courtesy", "legal_warning"], "no_progress", None),
    "escalation_skipped": ("恶意拖欠", ["direct_ask", "courtesy", "legal_warning"], "no_progress", None),
    "lawsuit_first": ("恶意拖欠", LADDER, "legal", None),  # the law after the full 先礼后兵 ladder
    "lawsuit_after_ladder": ("恶意拖欠", ["courtesy", "direct_ask", "stop_supply", "legal_action"], "legal", None),
    "repetition": ("假没钱", ["persist", "persist", "direct_ask", "persist"], "no_progress", None),
    "unconditional_concession": ("假没钱", ["conditional_concession", "valuable_concession"], "no_progress", None),
    "deal_without_verifying": ("假没钱", ["verify_balance", "written_commitment"], "promise", None),
    "not_in_writing": ("假没钱", ["courtesy", "direct_ask"], "paid_in_full", None),
    "in_writing": ("假没钱", ["courtesy", "written_commitment"], "no_progress", None),  # asked, not signed
    "verified_before_deal": ("假没钱", ["verify_balance", "written_commitment"], "no_progress", None),
    "fake_broke_tears": ("真没钱", ["courtesy", "empathize"], "no_progress", None),
    "fake_broke_timing": ("假没钱", ["timing", "verify_balance"], "no_progress", None),
    "genuinely_broke_threat": ("假没钱", ["courtesy", "legal_warning"], "no_progress", None),
    "malicious_soft_only": ("恶意拖欠", ["courtesy", "empathize", "stop_supply"], "no_progress", None),
    "remedy_of_defect": ("质量纠纷", ["valuable_concession@52000", "apologize"], "promise", 1),  # nothing checked first
}
# more counter-examples: offers the debtor did not take earn no credit (rules fire on the reaction, not the label)
NOT_FIRING_MORE = {
    "triangular_third_party": ("三角债", ["probe_reason", "third_party"], "no_progress", None),
    "genuinely_broke_help": ("真没钱", ["listen", "installment_plan"], "broken_off", None),
    "conditional_concession": ("假没钱", ["verify_balance", "conditional_concession"], "no_progress", None),
    "lawsuit_first": ("坏账征兆", ["courtesy", "legal_action"], "partial", None),  # 坏账: secure it at once
    # the deal is the last signature asked for: one asked early (a quality conclusion signed by both, dev play round 57)
    # and the balance checked before the deal is sealed is no deal without verifying
    "deal_without_verifying": ("质量纠纷", ["written_commitment", "verify_balance", "written_commitment"], "promise", None),
}

#: share paid, share committed in writing, for a crafted line's result
SHARES = {"paid_in_full": (1.0, 0.0), "partial": (0.5, 0.5), "promise": (0.0, 1.0)}


#: the part of the debt in real dispute (case.disputed) of a crafted line, by archetype (none elsewhere)
DISPUTED = {"质量纠纷": 52000}


def _ctx(archetype, moves, result, reason_turn, moved_on=True):
    """``tactic@amount`` is a move naming that amount."""
    paid, committed = SHARES.get(result, (0.0, 0.0))
    parts = [t.split("@") for t in moves]
    return Ctx([Move(i, p[0], f"说法{i}", moved_on=moved_on, amounts=tuple(int(a) for a in p[1:]))
                for i, p in enumerate(parts, 1)], result, archetype, reason_turn, True, paid, committed,
               owed=640000 if archetype in DISPUTED else 0, disputed=DISPUTED.get(archetype, 0))


def test_every_rubric_rule_has_a_crafted_line(rubric):
    assert set(CRAFTED) == {r.id for r in rubric.rules}


@pytest.mark.parametrize("rule_id", sorted(CRAFTED))
def test_rule_fires_on_crafted_line_citing_the_turn(rubric, rule_id):
    archetype, moves, result, reason_turn, turn = CRAFTED[rule_id]
    hits = [f for f in apply_rules(_ctx(archetype, moves, result, reason_turn), rubric) if f.rule == rule_id]
    assert hits, f"{rule_id} did not fire"
    assert {f.turn for f in hits} == {turn}
    rule = next(r for r in rubric.rules if r.id == rule_id)
    assert {f.principle for f in hits} == set(rule.principles)
    assert all(f.course == rule.course and f.points == rule.points and "{" not in f.message for f in hits)
    assert all(f.move == f"说法{turn}" for f in hits)


@pytest.mark.parametrize("rule_id,case", sorted(NOT_FIRING.items()) + sorted(NOT_FIRING_MORE.items()))
def test_rule_does_not_fire_on_the_counter_example(rubric, rule_id, case):
    hits = [f for f in apply_rules(_ctx(*case), rubric) if f.rule == rule_id]
    assert hits == []


@pytest.mark.parametrize("rule_id,case", [
    ("triangular_third_party", ("三角债", ["probe_reason", "third_party"], "partial", None)),
    ("conditional_concession", ("假没钱", ["verify_balance", "conditional_concession"], "promise", None)),
    ("verified_before_deal", ("假没钱", ["courtesy", "verify_balance", "written_commitment"], "promise", None)),
])
def test_a_move_the_debtor_did_not_move_on_from_earns_nothing(rubric, rule_id, case):
    """The same line, but the debtor's reaction left him where he was: no acceptance, no credit."""
    hits = [f for f in apply_rules(_ctx(*case, moved_on=False), rubric) if f.rule == rule_id]
    assert hits == []


def test_in_writing_needs_the_debtors_signature_not_the_request(rubric):
    asked = ["courtesy", "verify_balance", "written_commitment"]
    signed = [f for f in apply_rules(_ctx("假没钱", asked, "promise", None), rubric) if f.rule == "in_writing"]
    assert [f.turn for f in signed] == [3]
    refused = apply_rules(_ctx("假没钱", asked, "no_progress", None), rubric)
    assert not [f for f in refused if f.rule == "in_writing"]
    assert [f.turn for f in refused if f.rule == "not_in_writing"] == [3]


def test_rule_max_limits_hits(rubric):
    moves = ["courtesy"] + ["valuable_concession"] * 3
    hits = [f for f in apply_rules(_ctx("假没钱", moves, "no_progress", None), rubric)
            if f.rule == "unconditional_concession"]
    assert [f.turn for f in hits] == [2, 3]  # max: 2


# ------------------------------------------------------------------ the rubric file
def test_repository_rubric_is_valid_with_the_eight_keys(rubric):
    path = rubric_file()
    assert path is not None and path.name == "rubric.yaml"
    text = path.read_text(encoding="utf-8")
    out = Problems()
    check_rubric_file(parse_text(text, str(path)), text, out)
    assert not out.errors, out
    assert tuple(rubric.principles) == PRINCIPLES
    assert {rubric.principles[k].name for k in PRINCIPLES} == {
        "能早不晚", "能快不慢", "能多不少", "有利", "有礼", "有节", "有矩", "有法"}


def _problems(text):
    out = Problems()
    check_rubric_file(parse_text(text, "scoring/rubric.yaml"), text, out)
    return out.errors


def _line_of(text, needle):
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize("old,new,expect", [
    ("kind: before_any", "kind: befor_any", "是不是 'before_any'"),
    ("moves: [hostile]", "moves: [hostle]", "未知的招式或招式组 'hostle'(是不是 'hostile'?)"),
    ("points: -35", "points: 0", "points 不能是 0"),
    ("title: 过激行为", "titel: 过激行为", "未知的键 'titel'(是不是 'title'?)"),
    ("message: 第{turn}轮说了过激的话", "message: 第{turn.__class__}轮说了过激的话", "未知的占位符"),
    ("params: {streak: 3,", "params: {streek: 3,", "未知的键 'streek'"),
    ("principles: [courtesy, restraint]", "principles: [courtesy, restrain]", "restraint"),
    ("measure: pace", "measure: paces", "是不是 'pace'"),
    ("params: {base: 60, unprepared: -3}", "params: {base: 60, unprepard: -3}", "未知的键 'unprepard'"),
])
def test_rubric_errors_point_at_file_line_col(old, new, expect):
    text = rubric_file().read_text(encoding="utf-8")
    assert old in text
    bad = text.replace(old, new, 1)
    errors = _problems(bad)
    assert errors, f"{new!r} was accepted"
    assert any(expect in e.message for e in errors), [str(e) for e in errors]
    e = next(e for e in errors if expect in e.message)
    assert e.path == "scoring/rubric.yaml" and e.line == _line_of(bad, new) and e.col >= 1
    assert str(e).startswith(f"scoring/rubric.yaml:{e.line}:{e.col}: 错误:")


def test_rubric_weights_must_add_up_to_100():
    text = rubric_file().read_text(encoding="utf-8").replace("weight: 20", "weight: 25", 1)
    assert any("加起来是 105" in e.message for e in _problems(text))


def test_duplicate_rule_id_is_an_error():
    text = rubric_file().read_text(encoding="utf-8").replace("- id: in_writing", "- id: hostile", 1)
    assert any("规则编号 'hostile' 已在" in e.message for e in _problems(text))


def test_parse_rubric_raises_one_line_error():
    from trainer.core.content.yamlsafe import LoadError
    with pytest.raises(LoadError) as e:
        parse_rubric("version: 1\ntitle: x\n", "r.yaml")
    assert str(e.value).startswith("r.yaml:1:1:")


def test_render_is_plain_substitution():
    assert render("第{turn}轮 {tactic.__class__} {nope}", {"turn": 3}) == "第3轮 {tactic.__class__} {nope}"


# ------------------------------------------------------------------ properties
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(catalogue.MOVE_IDS), min_size=0, max_size=16), st.integers(0, 50))
def test_any_line_scores_in_range_and_deterministically(fake_broke, moves, seed):
    s1, a = play(fake_broke, moves, seed)
    _, b = play(fake_broke, moves, seed)
    assert a.public() == b.public() and [f.public() for f in a.findings] == [f.public() for f in b.findings]
    assert 0 <= a.total <= 100 and all(isinstance(v, int) and 0 <= v <= 100 for v in a.principles.values())
    assert all(f.turn is None or 1 <= f.turn <= len(s1.turns) for f in a.findings)


def test_score_session_is_deterministic_for_same_session(fake_broke):
    s, a = play(fake_broke, RIGHT)
    assert score_session(s).public() == a.public()


# ------------------------------------------------------------------ docs and `trainer validate`
def test_docs_list_every_rule_and_weight(rubric, repo_root):
    doc = (repo_root / "docs" / "scoring.md").read_text(encoding="utf-8")
    for r in rubric.rules:
        assert f"`{r.id}`" in doc, r.id
    for key, p in rubric.principles.items():
        row = next(line for line in doc.splitlines() if line.startswith(f"| `{key}` |"))
        assert f"| {p.weight} |" in row and (key in ("early", "fast", "more") or f"基础分 {p.base}" in row), key


def test_cli_validate_rubric(tmp_path, repo_root):
    from click.testing import CliRunner

    from trainer.cli import main
    ok = CliRunner().invoke(main, ["validate", str(repo_root / "scoring")])
    assert ok.exit_code == 0, ok.output
    (tmp_path / "scoring").mkdir()
    text = (repo_root / "scoring" / "rubric.yaml").read_text(encoding="utf-8").replace("moves: [hostile]",
                                                                                          "moves: [hostil]")
    (tmp_path / "scoring" / "rubric.yaml").write_text(text, encoding="utf-8")
    bad = CliRunner().invoke(main, ["validate", str(tmp_path / "scoring")])
    line = _line_of(text, "moves: [hostil]")
    assert bad.exit_code == 1 and f"rubric.yaml:{line}:" in bad.output and "是不是 'hostile'" in bad.output


def test_every_finding_on_a_turn_quotes_the_debtors_reaction(fake_broke):
    # issue 14: a finding cites the turn, the course and the reaction that supports it
    s, score = play(fake_broke, WRONG)
    on_turns = [f for f in score.findings if f.turn is not None]
    assert on_turns
    for f in on_turns:
        assert f.reaction == s.turns[f.turn - 1].reply[:120]
        assert f.public()["reaction"] == f.reaction and f.course
    assert all(f.reaction == "" for f in score.findings if f.turn is None)
    change = score.feedback["change"]
    assert change and all(i["reaction"] == (s.turns[i["turn"] - 1].reply[:120] if i["turn"] else "") for i in change)
