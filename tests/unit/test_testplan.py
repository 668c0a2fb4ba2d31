"""The test-plan runner: loading (errors with file:line:col), checking, comparing, the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from trainer.cli import main
from trainer.core.authoring.testplan import PlanError, load_plan, run_plan

PERSONA = """\
id: tiny
name: 小王
archetype: 测试
meters:
  willingness: {label: 意愿, start: 10}
  irritation: {label: 烦躁, start: 0, good: down}
start: open
states:
  open: {label: 开场}
  paid: {label: 付了, ending: {result: paid_in_full, paid: 1.0}}
  gone: {label: 走了, ending: {result: broken_off}}
reactions:
  - on: direct_ask
    to: paid
    replies: [好,给你。]
  - on: hostile
    to: gone
    replies: [走!]
default:
  effects: {irritation: 1}
  replies: [嗯。, 哦。, 啊?]
"""

SCENARIO = """\
id: tiny-case
title: 测试
persona: tiny
difficulty: normal
turn_limit: 5
case: {company: 甲公司, contact: 王, role: 老板, owed: 10000, days_overdue: 3, debt_type: 厂家与厂家,
       contract_terms: 月结, known: [欠一万]}
goals: [收回]
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    (tmp_path / "personas").mkdir()
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "personas" / "tiny.yaml").write_text(PERSONA, encoding="utf-8")
    (tmp_path / "scenarios" / "tiny-case.yaml").write_text(SCENARIO, encoding="utf-8")
    (tmp_path / "plans").mkdir()
    return tmp_path


def write_plan(content: Path, body: str) -> Path:
    p = content / "plans" / "p.yaml"
    p.write_text("scenario: ../scenarios/tiny-case.yaml\nseeds: [1, 2]\n" + body, encoding="utf-8")
    return p


GOOD = """\
lines:
  - name: right
    moves: [direct_ask]
    expect: {result: paid_in_full, min_recovered: 1.0, max_turns: 1, visits: paid, ended: true}
  - name: wrong
    moves: [hostile]
    expect: {result: [broken_off], max_recovered: 0, not_visits: [paid]}
compare: {right: right, wrong: wrong, min_recovered_gap: 0.9}
"""


def test_passing_plan(content: Path) -> None:
    rep = run_plan(load_plan(write_plan(content, GOOD)))
    assert rep.ok, rep.failures
    assert [len(lr.runs) for lr in rep.lines] == [2, 2]
    assert rep.lines[0].mean_recovered == 1.0 and rep.lines[1].mean_recovered == 0.0


def test_failures_name_line_and_seed(content: Path) -> None:
    plan = write_plan(content, GOOD.replace("result: paid_in_full,", "result: partial,")
                      .replace("min_recovered_gap: 0.9", "min_recovered_gap: 0.9, min_score_gap: 100"))
    rep = run_plan(load_plan(plan))
    assert len(rep.failures) == 3  # two seeds of line 1, and the compare
    assert "p.yaml:4:5: right · 种子 1:结局 paid_in_full 不在 [partial]" in rep.failures[0]
    assert "种子 2" in rep.failures[1]
    assert "对比 'right' 与 'wrong':平均分差" in rep.failures[2]


@pytest.mark.parametrize(("body", "where", "message"), [
    (GOOD.replace("[direct_ask]", "[direct_ask, verify_balnce]"), ":5:25:",
     "未知的招式 'verify_balnce'(是不是 'verify_balance'?)"),
    (GOOD.replace("visits: paid,", "visits: piad,"), ":6:78:", "没有状态 'piad'(是不是 'paid'?)"),
    (GOOD.replace("wrong: wrong", "wrong: wrnog"), ":10:32:", "没有名为 'wrnog' 的路线(是不是 'wrong'?)"),
    (GOOD.replace("max_turns: 1", "max_trns: 1"), ":6:56:", "未知的键 'max_trns'(是不是 'max_turns'?)"),
    (GOOD.replace("max_recovered: 0,", "max_recovered: 0, min_recovered: 0.5,"), ":9:69:",
     "min_recovered 0.5 大于 max_recovered 0"),
    (GOOD.replace("name: wrong", "name: right"), ":7:11:", "路线名 'right' 已在"),
], ids=["tactic-typo", "state-typo", "compare-name", "key-typo", "empty-range", "duplicate-name"])
def test_load_errors_point_at_the_node(content: Path, body: str, where: str, message: str) -> None:
    with pytest.raises(PlanError) as e:
        load_plan(write_plan(content, body))
    assert where in str(e.value) and message in str(e.value), str(e.value)


def test_unknown_scenario(content: Path) -> None:
    p = content / "plans" / "q.yaml"
    p.write_text("scenario: no-such-case\nseeds: [1]\n" + GOOD, encoding="utf-8")
    with pytest.raises(PlanError, match=r"q.yaml:1:11: .*没有编号为 'no-such-case' 的场景"):
        load_plan(p)


def test_cli_exit_codes(content: Path) -> None:
    runner = CliRunner()
    good = write_plan(content, GOOD)
    r = runner.invoke(main, ["test", str(good), "-v"])
    assert r.exit_code == 0, r.output
    assert "通过 " in r.output and "对练 4 次:0 处不符" in r.output
    bad = write_plan(content, GOOD.replace("result: paid_in_full,", "result: legal,"))
    r = runner.invoke(main, ["test", str(bad)])
    assert r.exit_code == 1
    fails = [ln for ln in r.output.splitlines() if " · 种子 " in ln]
    assert len(fails) == 2 and "Traceback" not in r.output
    (content / "plans" / "p.yaml").write_text("scenario: [\n", encoding="utf-8")
    r = runner.invoke(main, ["test", str(content / "plans")])
    assert r.exit_code == 1 and "p.yaml:" in r.output and "Traceback" not in r.output


# ------------------------------------------------------------------ free text with the tactic it must be 识别为
FREE = """\
lines:
  - name: said
    moves:
      - say: 您好，打扰了，先谢谢您一直以来的照顾。
        expect_tactic: courtesy
      - say: 王总，今天能不能把这一万块货款结了？
        expect_tactic: direct_ask
      - say: 这句在结束之后，没有说出口
        expect_tactic: listen
      - 这一句没有断言
    expect: {result: paid_in_full, max_turns: 2}
"""


def test_free_text_moves_are_heard_as_the_expected_tactic(content: Path) -> None:
    plan = load_plan(write_plan(content, FREE))
    assert plan.lines[0].moves[1] == "王总，今天能不能把这一万块货款结了？"
    assert plan.lines[0].expect.tactics == ("courtesy", "direct_ask", "listen", None)
    rep = run_plan(plan)
    assert rep.ok, rep.failures  # the third move came after the ending: not played, not checked
    assert [h[1] for h in rep.lines[0].runs[0].heard] == ["courtesy", "direct_ask"]


def test_misheard_free_text_fails_naming_move_and_tactic(content: Path) -> None:
    rep = run_plan(load_plan(write_plan(content, FREE.replace("expect_tactic: direct_ask", "expect_tactic: timing"))))
    assert len(rep.failures) == 2  # one per seed
    assert "p.yaml:4:5: said · 种子 1:第 2 步“王总，今天能不能把这一万块货款…”识别为 direct_ask(0." in rep.failures[0]
    assert "不是 timing" in rep.failures[0]


def test_a_move_can_be_pinned_to_carry_several_acts_in_any_order(content: Path) -> None:
    # (a sentence that asks for the original contact and the papers at once is both, whichever the recogniser puts
    # first: expect_acts pins what it carries, expect_tactic its main act)
    said = FREE.replace("expect_tactic: direct_ask", "expect_acts: direct_ask")
    plan = load_plan(write_plan(content, said))
    assert plan.lines[0].expect.acts == ((), ("direct_ask",), (), ())
    assert plan.lines[0].expect.tactics == ("courtesy", None, "listen", None)
    assert run_plan(plan).ok
    rep = run_plan(load_plan(write_plan(content, FREE.replace("expect_tactic: direct_ask",
                                                                  "expect_acts: [direct_ask, timing]"))))
    assert len(rep.failures) == 2  # one per seed
    assert "第 2 步“王总，今天能不能把这一万块货款…”没听出 timing(听出 direct_ask" in rep.failures[0], rep.failures[0]


@pytest.mark.parametrize(("body", "where", "message"), [
    (FREE.replace("expect_tactic: courtesy", "expect_tactic: courtsey"), ":7:24:",
     "未知的招式 'courtsey'(是不是 'courtesy'?)"),
    (FREE.replace("say: 您好，打扰了，先谢谢您一直以来的照顾。", "say: verify_balance"), ":7:24:",
     "'verify_balance' 是招式编号:它总是被识别为它自己"),
    (FREE.replace("say: 您好，打扰了，先谢谢您一直以来的照顾。", "say: verify_balnce"), ":6:14:",
     "未知的招式 'verify_balnce'"),
    (FREE.replace("        expect_tactic: courtesy\n", ""), ":6:9:", "这句原话没写要识别成什么"),
    (FREE.replace("expect_tactic: courtesy", "expect_acts: [courtesy, praies]"), ":7:33:",
     "未知的招式 'praies'(是不是 'praise'?)"),
    (FREE.replace("expect_tactic: courtesy", "expect_tactic: courtesy\n        tactic: courtesy"), ":8:9:",
     "未知的键 'tactic'"),
], ids=["tactic-typo", "id-heard-as-other", "say-typo", "missing-expect", "acts-typo", "unknown-key"])
def test_free_text_move_errors_point_at_the_node(content: Path, body: str, where: str, message: str) -> None:
    with pytest.raises(PlanError) as e:
        load_plan(write_plan(content, body))
    assert where in str(e.value) and message in str(e.value), str(e.value)
