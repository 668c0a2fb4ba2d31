"""Static warnings (analysis.py) and the explorer (simulate.py) on small hand-made personas."""


import pytest

from trainer.core.authoring.simulate import check_fork, simulate
from trainer.core.content.analysis import build_graph, lint_persona, to_dot, to_mermaid
from trainer.core.content.library import load_library
from trainer.core.content.models import build_persona
from trainer.core.content.spec import Problems
from trainer.core.content.yamlsafe import parse_text

from .test_engine import MINI_PERSONA, build


def lint(text):
    out = Problems()
    root = parse_text(text, "p.yaml")
    p = build_persona(root, text, out)
    assert p is not None, [str(x) for x in out]
    lint_persona(p, root, out)
    return [str(x) for x in out.warnings]


def with_reactions(extra: str, base: str = MINI_PERSONA) -> str:
    """``base`` with extra reactions appended to its list."""
    return base.replace("auto:\n", extra.lstrip("\n") + "auto:\n", 1)


def test_mini_persona_is_clean():
    assert lint(MINI_PERSONA) == []


def test_shadowed_reaction_warns_with_its_line_and_the_shadower():
    text = with_reactions("""
  - on: verify_balance
    in: talk
    effects: {willingness: 99}
    replies: [不会出现。]
""")
    warns = lint(text)
    assert len(warns) == 1, warns
    first = text.splitlines().index("  - on: verify_balance") + 1
    assert "永远不会触发" in warns[0] and f"先被第 {first} 行的反应接走了" in warns[0]
    line = int(warns[0].split(":")[1])
    assert text.splitlines()[line - 1].strip() == "- on: verify_balance"


def test_group_reaction_does_not_shadow_a_later_specific_one():
    # `on: 法` comes first in the file, but tactic-specific reactions are tried before groups
    text = with_reactions("""
  - on: legal_warning
    effects: {irritation: 5}
    replies: [好好说。]
""")
    assert lint(text) == []


def test_conditional_earlier_reaction_does_not_shadow():
    text = MINI_PERSONA.replace("  - on: verify_balance\n", "  - on: verify_balance\n    when: turn > 2\n", 1)
    assert "when: turn > 2" in text
    text = with_reactions("""
  - on: verify_balance
    replies: [先别对账。]
""", text)
    assert lint(text) == []


@pytest.mark.parametrize("cond", ["willingness > 100", "irritation < 0", "willingness >= 60 and willingness < 50",
                                  "used(legal_warning) < 0", "chance(0)", "not (willingness <= 100)",
                                  "turn < 1"])
def test_impossible_conditions_warn(cond):
    text = with_reactions(f"""
  - on: listen
    when: "{cond}"
    replies: [听着呢。]
""")
    warns = lint(text)
    assert any("永远不可能同时成立" in w for w in warns), warns


@pytest.mark.parametrize("cond", ["willingness >= 100", "irritation <= 0", "willingness > 10 or willingness > 200",
                                  "not used(legal_warning)", "chance(0.5)", "willingness != 50"])
def test_possible_conditions_do_not_warn(cond):
    text = with_reactions(f"""
  - on: listen
    when: "{cond}"
    replies: [听着呢。]
""")
    assert lint(text) == []


def test_unreachable_state_and_ending():
    old = "  gone: {label: 走了, ending: {result: broken_off}}"
    assert old in MINI_PERSONA
    text = MINI_PERSONA.replace(old, old + "\n  island: {label: 孤岛}\n  sued: {label: 告了, ending: {result: legal}}")
    warns = lint(text)
    assert any("状态 'island' 永远到不了" in w for w in warns), warns
    assert any("结局 'sued' 永远到不了" in w for w in warns), warns
    assert all(w.startswith("p.yaml:") for w in warns)


def test_dead_end_state_warns():
    # `agreed` loses its way out: the only reaction from it is made impossible
    text = MINI_PERSONA.replace("when: willingness >= 40", "when: willingness >= 400")
    assert lint(text) and not any("死路" in w for w in lint(text))  # walking out is still a way out
    text = text.replace("  - when: irritation >= 80\n", "  - when: irritation >= 80\n    in: talk\n")
    warns = lint(text)
    assert any("死路:状态 'agreed' — 没有反应或自动规则能离开它" in w for w in warns), warns
    assert any("永远不可能同时成立" in w for w in warns)


def test_impossible_auto_rule_warns_and_its_ending_is_unreached():
    text = MINI_PERSONA.replace("irritation >= 80", "irritation >= 180")
    warns = lint(text)
    assert any("转到 'gone' 的自动规则永远不会触发" in w for w in warns), warns
    assert any("结局 'gone' 永远到不了" in w for w in warns), warns


def test_graph_edges_and_styles():
    _, p = build()
    g = build_graph(p)
    assert g.edges["talk"] == {"agreed", "gone"} and g.reachable == set(p.states)
    mm = to_mermaid(p)
    assert mm.splitlines()[3] == "flowchart LR"
    assert 's_talk -->|"verify_balance"| s_agreed' in mm
    assert 's_agreed -->|"written_commitment *"| s_paid' in mm
    assert 's_talk -.->|"irritation >= 80"| s_gone' in mm
    assert "s_paid(((" in mm and "class s_paid win" in mm and "class s_gone lose" in mm
    dot = to_dot(p)
    assert '"paid" [shape=doublecircle' in dot
    assert '"talk" -> "gone" [label="irritation >= 80", style=dashed];' in dot
    assert dot.rstrip().endswith("}")


# ---------------------------------------------------------------- simulate

def test_fork_plays_exactly_like_replay():
    lib = load_library()
    sc = lib.scenarios["fake-broke"]
    p = lib.persona_for(sc)
    for moves in (["courtesy", "probe_reason", "verify_balance", "timing", "direct_ask", "written_commitment"],
                  ["praise", "empathize", "legal_warning", "hostile", "apologize", "installment_plan"]):
        for seed in (0, 3):
            assert check_fork(sc, p, moves, seed)


def test_simulate_mini_finds_endings_shortest_lines_and_is_deterministic():
    s, p = build()
    r1 = simulate(s, p, seed=2, max_nodes=500, games=50)
    r2 = simulate(s, p, seed=2, max_nodes=500, games=50)
    assert r1 == r2
    assert r1["reachable_states"] == ["talk", "agreed", "paid", "gone"]
    assert r1["unreached_states"] == [] and r1["dead_ends"] == []
    paid = r1["endings"]["paid"]
    # verify_balance (+30 → 40), then written_commitment (needs willingness >= 40)
    assert paid["reached"] and paid["shortest"] == ["verify_balance", "written_commitment"]
    assert r1["endings"]["gone"]["turns"] == 2  # two 法 moves: irritation 10 + 50 + 50 → walks out
    assert r1["best_line"]["result"] == "paid_in_full" and r1["best_line"]["recovered_ratio"] == 1.0
    assert r1["course_policy"]["win"] is True
    assert 0 <= r1["random_play"]["win_rate"] <= 1 and r1["random_play"]["games"] == 50
    assert r1["exhaustive"]["complete"] is True


def test_simulate_reports_unreached_ending_and_dead_end():
    text = MINI_PERSONA.replace("when: willingness >= 40", "when: willingness >= 400")
    text = text.replace("  - when: irritation >= 80\n", "  - when: irritation >= 80\n    in: talk\n")
    s, p = build(text)
    r = simulate(s, p, seed=0, max_nodes=300, games=20)
    assert r["endings"]["paid"]["reached"] is False and "paid" in r["unreached_states"]
    assert r["dead_ends"] == ["agreed"]
    assert r["random_play"]["win_rate"] == 0


def test_simulate_shipped_scenario_reaches_its_win_within_validate_budget():
    # the budget validate uses (300 nodes, 50 games) still finds the win; its speed is in bench/
    lib = load_library()
    sc = lib.scenarios["fake-broke"]
    r = simulate(sc, lib.persona_for(sc), seed=1, max_nodes=300, games=50)
    assert r["endings"]["paid_full"]["reached"]


def test_hostile_with_one_answer_warns_that_threats_and_insults_get_the_same_reply():
    text = with_reactions("""
  - on: hostile
    effects: {irritation: 30}
    replies: [你怎么骂人?]
""")
    warns = lint(text)
    assert len(warns) == 1, warns
    assert "威胁和辱骂得到同一种反应" in warns[0] and "when: not rude" in warns[0]
    line = int(warns[0].split(":")[1])
    assert text.splitlines()[line - 1].strip() == "- on: hostile"


def test_hostile_with_a_threat_twin_is_clean():
    text = with_reactions("""
  - on: hostile
    when: not rude
    effects: {irritation: 30}
    replies: [你这是威胁,我报警了。]
  - on: hostile
    effects: {irritation: 30}
    replies: [你怎么骂人?]
""")
    assert lint(text) == []
