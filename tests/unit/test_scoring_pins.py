"""Exact scores, written by hand from docs/scoring.md: one table per principle, and the total.

A transcript here is built by hand (no persona): its moves, whether the debtor moved on at each, and
the ending's money. Change a formula or a rubric number and one of these fails.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.core.content import catalogue
from trainer.core.judging.rubric import load_rubric
from trainer.core.judging.rules import Ctx, Move
from trainer.core.judging.scoring import score_session

OWED = 1000
#: in these hand-made sessions a move of these tactics names the whole balance (一共一千块), others name no amount
NAMES_BALANCE = ("state_purpose",)


def session(moves: list[str | tuple[str, bool]], result: str | None = "no_progress", paid: int = 0,
            committed: int = 0, promised: int | None = None, due_days: int = 0,
            plan: list[tuple[int, int]] | None = None, archetype: str = "测试") -> Any:
    """A hand-made session: each move is a tactic id (the debtor moves on to a new state) or (tactic, moved_on);
    ``a+b`` is one move of several acts, the main one first."""
    turns, state = [], "start"
    for n, m in enumerate(moves, 1):
        said, moved = (m, True) if isinstance(m, str) else m
        acts = tuple(said.split("+"))
        after = f"s{n}" if moved else state
        turns.append(SimpleNamespace(n=n, tactic=acts[0], acts=acts, move=said, state_before=state, state=after,
                                     amounts=(OWED,) if acts[0] in NAMES_BALANCE else (), reply=f"回答{n}"))
        state = after
    outcome = None
    if result is not None:
        outcome = SimpleNamespace(result=result, owed=OWED, paid=paid, committed=committed,
                                  promised=committed if promised is None else promised, due_days=due_days,
                                  plan=[{"amount": a, "due_days": d} for a, d in (plan or [])],
                                  recovered_ratio=min(1.0, (paid + committed) / OWED))
    persona = SimpleNamespace(start="start", archetype=archetype, hidden_reason=None)
    return SimpleNamespace(turns=turns, outcome=outcome, persona=persona, reason_found_turn=None)


def score(s: Any, prepared: Any = None) -> Any:
    return score_session(s, load_rubric(), prepared=prepared)


# ------------------------------------------------------------------ 能早不晚 (paid_early: per_day 1.5, floor 20)
@pytest.mark.parametrize("kw,want", [
    ({"result": "paid_in_full", "paid": 1000}, 100),                       # all on the spot
    ({"result": "promise", "committed": 1000, "due_days": 10}, 85),        # 100 − 1.5×10
    ({"result": "promise", "committed": 1000, "due_days": 60}, 20),        # max(20, 100 − 90): the floor
    ({"result": "partial", "paid": 500, "committed": 500, "due_days": 20,
      "plan": [(500, 0), (500, 20)]}, 85),                                  # 50 + 0.5 × (100 − 30)
    ({"result": "partial", "paid": 200, "committed": 600, "plan": [(200, 0), (300, 10), (300, 40)]}, 58),
    # 20 + 0.3 × (100 − 15) + 0.3 × (100 − 60) = 57.5 → 58 (round half to even)
    ({"result": "promise", "committed": 0, "promised": 1000, "due_days": 7}, 0),  # spoken, not signed
    ({"result": "no_progress"}, 0),
    ({"result": None}, 0),                                                   # never ended
])
def test_early(kw: dict[str, Any], want: int) -> None:
    assert score(session(["courtesy"], **kw)).principles["early"] == want


# ------------------------------------------------------------------ 能快不慢 (pace: par 6, per_turn 6, floor 10)
@pytest.mark.parametrize("n,kw,want", [
    (6, {"result": "paid_in_full", "paid": 1000}, 100),
    (7, {"result": "paid_in_full", "paid": 1000}, 94),      # one turn over par: −6
    (9, {"result": "paid_in_full", "paid": 1000}, 82),
    (30, {"result": "paid_in_full", "paid": 1000}, 10),     # the floor
    (3, {"result": "partial", "paid": 500}, 50),            # fast, but half: × 0.5
    (3, {"result": "partial", "paid": 50}, 5),              # 5% in three turns is not fast: × 0.05
    (8, {"result": "promise", "committed": 1000, "due_days": 7}, 88),
    (3, {"result": "no_progress"}, 0),                      # stopping early never pays
    (2, {"result": "promise", "committed": 0, "promised": 1000}, 0),
])
def test_fast(n: int, kw: dict[str, Any], want: int) -> None:
    assert score(session(["listen"] * n, **kw)).principles["fast"] == want


# ------------------------------------------------------------------ 能多不少 (recovered)
@pytest.mark.parametrize("kw,want", [
    ({"result": "paid_in_full", "paid": 1000}, 100),
    ({"result": "partial", "paid": 300, "committed": 200}, 50),
    ({"result": "partial", "paid": 333}, 33),
    ({"result": "promise", "committed": 0, "promised": 1000}, 0),   # a spoken promise is not money
    ({"result": "legal"}, 0),
])
def test_more(kw: dict[str, Any], want: int) -> None:
    assert score(session(["courtesy"], **kw)).principles["more"] == want


# ------------------------------------------------------------------ 有利 benefit (base 70)
SIGNED = {"result": "promise", "committed": 1000, "due_days": 10}


@pytest.mark.parametrize("moves,kw,arch,want", [
    (["courtesy", "direct_ask"], {}, "测试", 70),
    (["courtesy", "valuable_concession"], {}, "测试", 45),              # −15 unconditional, −10 given
    (["courtesy"] + ["valuable_concession"] * 4, {}, "测试", 10),       # −15×2 (max 2), −10×3 (max 3)
    (["verify_balance", "conditional_concession", "written_commitment"], SIGNED, "测试", 80),  # +10 taken
    (["verify_balance", ("conditional_concession", False), "written_commitment"], SIGNED, "测试", 70),  # not taken
    (["courtesy", "hostile"], {"result": "broken_off"}, "测试", 30),      # −40
    (["courtesy", "direct_ask", "legal_action"], {"result": "legal"}, "测试", 50),  # −20
    (["courtesy", "empathize", "listen"], {}, "恶意拖欠", 50),           # −20 only soft
    (["courtesy", "empathize", "valuable_concession", "listen"], {}, "恶意拖欠", 25),  # −20 −15 −10
    (["courtesy", "empathize"], {}, "假没钱", 60),                       # −10 tears
    (["verify_balance", "timing", "written_commitment"], SIGNED, "假没钱", 85),  # +15 timing, taken
    (["listen", "installment_plan", "written_commitment"], SIGNED, "真没钱", 85),  # +15
    (["courtesy", "stop_supply"], {}, "真没钱", 55),                      # −15 threat
    (["probe_reason", "third_party", "written_commitment"], SIGNED, "三角债", 85),  # +15 accepted
    (["probe_reason", "third_party"], {}, "三角债", 70),                  # rejected: nothing recovered
])
def test_benefit(moves: list[Any], kw: dict[str, Any], arch: str, want: int) -> None:
    assert score(session(moves, archetype=arch, **kw)).principles["benefit"] == want


# ------------------------------------------------------------------ 有礼 courtesy (base 80)
@pytest.mark.parametrize("moves,want", [
    (["courtesy"], 100),                    # +20 opening
    (["direct_ask", "courtesy"], 80),       # not an opening
    (["listen+courtesy"], 100),             # a greeting said beside the main act still opens with 礼 (credit: contains)
    (["direct_ask+courtesy"], 100),
    (["legal_warning", "courtesy"], 60),    # −20 先兵后礼
    (["praise", "hostile"], 65),            # +20 −35
    (["hostile", "hostile", "hostile"], 0),  # −105, clamped
])
def test_courtesy(moves: list[str], want: int) -> None:
    assert score(session(moves)).principles["courtesy"] == want


# ------------------------------------------------------------------ 有节 restraint (base 100)
@pytest.mark.parametrize("moves,arch,want", [
    (["courtesy", "direct_ask"], "测试", 100),
    (["direct_ask", "remind_due_date", "legal_warning"], "测试", 90),   # −10 skipped 情
    (["persist", "persist", "persist"], "测试", 92),                    # −8 repetition
    (["persist", "persist", "valuable_concession", "persist"], "测试", 92),  # a concession does not break the run
    (["persist"] * 9, "测试", 92),                                       # one run counts once
    ((["persist"] * 3 + ["listen"]) * 4, "测试", 76),                    # four runs: −8×3 (max 3)
    (["legal_warning"], "测试", 80),                                     # −20 先兵后礼
    (["hostile"], "测试", 65),
    (["courtesy", "legal_warning"], "真没钱", 75),                        # −10 skipped 理, −15 threat
    (["courtesy", "take_back_stock"], "坏账征兆", 100),                  # 坏账征兆: secure the goods at once
    (["courtesy", "take_back_stock"], "测试", 90),                        # elsewhere it skips 理
    (["courtesy", "direct_ask+stop_supply"], "测试", 100),                # a side act is never charged
])
def test_restraint(moves: list[str], arch: str, want: int) -> None:
    assert score(session(moves, archetype=arch)).principles["restraint"] == want


# ------------------------------------------------------------------ 有矩 procedure (base 60, unprepared −3)
@pytest.mark.parametrize("moves,kw,prepared,want", [
    (["courtesy", "direct_ask"], {}, None, 30),                               # −30 unsigned
    (["courtesy", "verify_balance", "written_commitment"], SIGNED, None, 100),  # +20 verified, +20 signed
    (["courtesy", ("verify_balance", False), "written_commitment"], SIGNED, None, 50),  # balance not taken: −30
    (["courtesy", "direct_ask", "written_commitment"], SIGNED, None, 50),     # −30 unverified, +20 signed
    (["courtesy", "verify_balance", "direct_ask"], {"result": "paid_in_full", "paid": 1000}, None, 80),  # no paper
    (["courtesy", "direct_ask", "verify_balance"], {"result": "paid_in_full", "paid": 1000}, None, 30),  # too late
    (["courtesy", "direct_ask+verify_balance", "written_commitment"], SIGNED, None, 100),  # 对账 said in passing counts
    (["courtesy", "direct_ask+verify_balance+written_commitment"], SIGNED, None, 100),  # checked and signed in one breath
    (["courtesy", ("direct_ask+verify_balance", False), "written_commitment"], SIGNED, None, 50),  # … if taken
    (["courtesy", "state_purpose", "written_commitment"], SIGNED, None, 100),  # the whole balance named and taken
    (["courtesy", ("state_purpose", False), "written_commitment"], SIGNED, None, 50),  # named, not taken: −30
    (["courtesy", "written_commitment"], {"result": "promise", "committed": 0, "promised": 1000}, None, 0),
    # asked to sign, spoken promise only: −30 unverified, −30 unsigned, no +20
    (["courtesy", "direct_ask"], {}, range(1, 11), 30),                        # all ten ticked: nothing off
    (["courtesy", "direct_ask"], {}, [1, 2, 3, 4, 5, 6, 7], 21),               # three unticked: −9
    (["courtesy", "direct_ask"], {}, [], 0),                                   # none: −30
])
def test_procedure(moves: list[Any], kw: dict[str, Any], prepared: Any, want: int) -> None:
    assert score(session(moves, **kw), prepared=prepared).principles["procedure"] == want


LADDER = ["courtesy", "direct_ask", "remind_due_date", "stop_supply", "legal_warning"]


# ------------------------------------------------------------------ 有法 lawful (base 100)
@pytest.mark.parametrize("moves,kw,arch,want", [
    (["hostile"], {}, "测试", 40),                                              # −60
    (["legal_action", "hostile"], {"result": "legal"}, "测试", 10),             # −30 law first, −60
    (["courtesy", "direct_ask", "legal_action"], {"result": "legal"}, "测试", 80),  # −30 ladder skipped, +10 理情
    (LADDER + ["hostile", "legal_action"], {"result": "legal"}, "测试", 60),    # −60, +10 after ladder, +10 理情
    (["direct_ask", "courtesy", "remind_due_date", "stop_supply", "legal_warning", "hostile", "legal_action"],
     {"result": "legal"}, "测试", 20),                                           # 理 before 情: out of order, −30
    (["courtesy", "legal_action"], {"result": "partial", "paid": 500}, "坏账征兆", 100),  # 坏账: secure at once
    (["courtesy", "direct_ask", "remind_due_date+stop_supply", "legal_warning", "legal_action"], {"result": "legal"},
     "测试", 100),  # one move climbs two steps: +10 after the ladder (−30 if it climbed one), capped at 100
])
def test_lawful(moves: list[str], kw: dict[str, Any], arch: str, want: int) -> None:
    assert score(session(moves, archetype=arch, **kw)).principles["lawful"] == want


# ------------------------------------------------------------------ the total
def test_total_nothing_recovered_is_zero_whatever_the_manners() -> None:
    s = score(session(["courtesy", "verify_balance", "probe_reason"]))
    assert s.principles["courtesy"] == 100 and s.total == 0


def test_total_outcome_plus_conduct_times_recovered() -> None:
    # 8 turns, signed for all, due in 10 days: early 85, fast 88, more 100 → outcome = 8.5 + 8.8 + 20 = 37.3
    # conduct: benefit 70, courtesy 100, restraint 100, procedure 100, lawful 100 → 0.12 × 470 = 56.4
    moves = ["courtesy", "verify_balance", "listen", "praise", "probe_reason", "timing", "direct_ask",
             "written_commitment"]
    s = score(session(moves, **SIGNED))
    assert [s.principles[k] for k in ("early", "fast", "more", "benefit", "courtesy", "restraint", "procedure",
                                      "lawful")] == [85, 88, 100, 70, 100, 100, 100, 100]
    assert s.total == 94  # round(37.3 + 1.0 × 56.4) = round(93.7)


def test_total_half_recovered_halves_the_conduct() -> None:
    # 2 turns, half paid on the spot: early 50, fast 50, more 50 → outcome 5 + 5 + 10 = 20
    # conduct: benefit 70, courtesy 100 (+20), restraint 100, procedure 0 (unverified −30, unsigned −30), lawful 100
    s = score(session(["courtesy", "direct_ask"], result="partial", paid=500))
    assert s.principles["procedure"] == 0
    assert s.total == 42  # round(20 + 0.5 × 0.12 × (70 + 100 + 100 + 0 + 100)) = round(20 + 22.2)


# ------------------------------------------------------------------ property: concessions never pay
_PLAIN = [t for t in catalogue.MOVE_IDS if t != "valuable_concession"]
_RESULTS = [("no_progress", 0, 0), ("paid_in_full", 1000, 0), ("promise", 0, 1000), ("partial", 400, 300),
            ("legal", 0, 0), ("broken_off", 0, 0)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PLAIN), st.booleans()), min_size=0, max_size=14),
       st.lists(st.integers(0, 14), min_size=1, max_size=4), st.sampled_from(_RESULTS),
       st.sampled_from(["测试", "假没钱", "真没钱", "恶意拖欠", "三角债", "坏账征兆"]), st.integers(0, 60))
def test_a_line_with_concessions_never_outscores_it_without(line: list[tuple[str, bool]], at: list[int],
                                                            res: tuple[str, int, int], arch: str, due: int) -> None:
    """The same debtor, the same ending: inserting concessions (which he does not move on from) never raises the
    total nor any principle."""
    result, paid, committed = res
    with_c: list[Any] = list(line)
    for i in sorted(at, reverse=True):
        with_c.insert(min(i, len(with_c)), ("valuable_concession", False))
    kw = {"result": result, "paid": paid, "committed": committed, "due_days": due}
    without = score(session(list(line), archetype=arch, **kw))
    conceded = score(session(with_c, archetype=arch, **kw))
    assert conceded.total <= without.total
    for key, v in conceded.principles.items():
        assert v <= without.principles[key], key


# ------------------------------------------------------------------ principles are data
def test_a_ninth_principle_is_a_rubric_edit() -> None:
    """Add a principle to the file (a measure, weights re-balanced, a rule on it): the score has nine keys."""
    from trainer.core.judging.rubric import parse_rubric, rubric_file
    path = rubric_file()
    assert path is not None
    text = path.read_text(encoding="utf-8").replace("    weight: 20\n", "    weight: 15\n", 1)
    text = text.replace("\n# 账款回收十大事先准备", "\n  patience:\n    name: 有恒\n    group: 五大原则\n    weight: 5\n"
                        "    measure: findings\n    params: {base: 50}\n    course: 测试·有恒\n"
                        "\n# 账款回收十大事先准备", 1)
    text = text.replace("    principles: [courtesy, restraint]\n    points: -35",
                        "    principles: [courtesy, restraint, patience]\n    points: -35", 1)
    rubric = parse_rubric(text, "rubric.yaml")
    assert list(rubric.principles)[-1] == "patience"
    s = score_session(session(["courtesy", "hostile"]), rubric)
    assert list(s.principles) == list(rubric.principles) and len(s.principles) == 9
    assert s.principles["patience"] == 15  # 50 − 35
    assert s.feedback["principles"]["patience"]["name"] == "有恒"


def test_the_balance_is_named_at_once_or_in_its_parts():
    ctx = Ctx([], "promise", "测试", owed=640_000)
    assert ctx.names_balance(Move(1, "verify_balance", "x", amounts=(640_000,)))
    assert ctx.names_balance(Move(1, "verify_balance", "x", amounts=(52_000, 588_000)))  # 0915这批五万二,其余五十八万八
    assert not ctx.names_balance(Move(1, "verify_balance", "x", amounts=(588_000,)))
    # two parts of the balance beside another figure in the same move (quality-dispute o: 5.2万 + 58.8万, and 30万)
    assert ctx.names_balance(Move(1, "verify_balance", "x", amounts=(52_000, 588_000, 300_000)))
    assert not ctx.names_balance(Move(1, "verify_balance", "x", amounts=(52_000, 300_000, 100_000)))
    assert not Ctx([], "promise", "测试").names_balance(Move(1, "verify_balance", "x", amounts=(640_000,)))  # owed unknown
    # over two moves: 0915这批五万二, later 其余五十八万八 — the later one completes it
    parts = [Move(1, "apologize", "a", amounts=(52_000,)), Move(2, "courtesy", "b"), Move(3, "direct_ask", "c", amounts=(588_000,))]
    assert ctx.balance_in_parts(parts) is parts[2]
    assert ctx.balance_in_parts(parts[:2]) is None
    # the part named first may have gone unanswered; the completing part must be one he accepted (dev play
    # quality-dispute 7b: 复检是0915那批五万二 heard as no act, then 其余五十八万八 accepted)
    assert ctx.balance_in_parts(parts, [parts[2]]) is parts[2]
    assert ctx.balance_in_parts(parts, [parts[0]]) is None


def test_repetition_is_the_same_act_in_much_the_same_words() -> None:
    # quality-dispute 16b (dev play): three different rebuttals in a row were 车轱辘话 (−8 有节)
    s = session(["rebut_excuse", "rebut_excuse", "rebut_excuse"])
    texts = ("其余五批留样复检都合格,报告在这里", "合同约定质量异议要在到货十五天内书面提出", "您仓库和车间一起取样,送第三方检测")
    for t, text in zip(s.turns, texts, strict=True):
        t.move = text
    assert score(s).principles["restraint"] == 100
    for t in s.turns:  # the same words three times is
        t.move = "您这是借口,钱还是得付"
    assert score(s).principles["restraint"] == 92


def test_all_he_asked_for_paid_on_the_spot_needs_no_paper():
    # dev play supermarket-chain 26b: 48.4万 agreed (the rebate rightly the debtor's) and paid the same day; the
    # ending was scaled to his ask, so "partial", and 没有落到纸面 charged −30 for a promise that did not exist
    from trainer.core.judging.rules import Ctx, signed

    last = Move(1, "direct_ask", "x")
    p = {"fires_when": "unsigned", "unless_results": ["paid_in_full"]}
    assert signed(Ctx([last], "partial", "测试", paid_share=0.93), p)
    assert not signed(Ctx([last], "partial", "测试", paid_share=0.93, paid_as_agreed=True), p)


def test_the_rest_named_in_the_deal_after_the_part_in_dispute_is_the_balance_checked():
    # dev play quality-dispute t: 0915那一批货值五万二,这批货我们认 (accepted), then the deal itself: 剩下的五十八万八,
    # 十一月三十号前先付三十万… — 没对账就成交 charged −30 though the balance was on the table in two parts
    from trainer.core.judging.rules import before_deal

    p = {"needs": ("verify_balance",), "anchor": ("written_commitment",), "results": ("promise",),
         "fires_when": "missing", "reaction": "accepted", "or_names_balance": True}
    part = Move(5, "apologize", "a", amounts=(52_000,), moved_on=True)
    deal = Move(8, "conditional_concession", "b", amounts=(588_000, 300_000, 288_000), moved_on=True)
    assert before_deal(Ctx([part, deal], "promise", "测试", owed=640_000), p) == []
    # the rest alone, with no part named before it, is no check
    assert before_deal(Ctx([Move(5, "apologize", "a", moved_on=True), deal], "promise", "测试", owed=640_000), p)
