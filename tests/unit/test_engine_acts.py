"""The engine plays everything heard in a move: every act, the amounts and dates. No textual here."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import yaml

from trainer.core.content.conditions import parse
from trainer.core.content.library import resolve_scenario
from trainer.core.content.models import Meter
from trainer.core.engine.session import Outcome, Session
from trainer.core.language.recognition import Recognition


def fake_broke(seed: int = 1) -> Session:
    sc, p = resolve_scenario("fake-broke")
    return Session(sc, p, seed=seed)


def test_an_act_the_state_waits_for_moves_the_talk_on_even_when_said_second():
    # in 'greeting', empathize keeps him where he is; verify_balance takes the talk to 'checked'
    s = fake_broke()
    assert s.state == "greeting"
    turn = s.play("理解您的难处,咱们先把账对一下", Recognition("empathize", 0.8, acts=("empathize", "verify_balance")))
    assert turn is not None
    assert (turn.tactic, turn.answered, turn.state) == ("empathize", "verify_balance", "checked")
    assert turn.acts == ("empathize", "verify_balance")


def test_a_side_word_does_not_end_the_talk_on_a_token():
    # fake-broke, crying_poor: giving in takes him to bargaining; sympathy there is what a 假没钱 debtor closes on
    # with a token (意思意思, a fifth of the debt). Said as its own move, it ends the talk so; said beside the move
    # that took him on, it is not "forward" (生意难做这个我信,不过…: stop 64, dev play fake-broke 11a 94 → 4 → 94)
    def crying_poor() -> Session:
        s = fake_broke()
        s.play("x", Recognition("courtesy", 0.9))
        assert s.state == "crying_poor"
        return s

    s = crying_poor()
    turn = s.play("x", Recognition("valuable_concession", 0.9, acts=("valuable_concession", "empathize")))
    assert turn is not None and (turn.answered, turn.state, s.ended) == ("valuable_concession", "bargaining", False)
    s = crying_poor()
    s.play("x", Recognition("valuable_concession", 0.9))
    turn = s.play("x", Recognition("empathize", 0.9))
    assert turn is not None and (turn.state, s.ended) == ("token", True)


def test_his_good_name_said_in_praise_is_answered_as_praise():
    # factory-to-factory, reception: 名 as a lever before any courtesy is 先兵后礼 (standoff); 名 said in praise
    # (东升一直是我们最看重的客户,马董在行业里的口碑大家都知道) is the course's 捧, whichever act the recogniser puts first
    def reception() -> Session:
        sc, p = resolve_scenario("factory-to-factory")
        return Session(sc, p, seed=1)

    for acts in (("reputation", "praise", "appeal_integrity"), ("praise", "reputation")):
        s = reception()
        turn = s.play("x", Recognition(acts[0], 0.9, acts=acts))
        assert turn is not None and (turn.tactic, turn.answered, turn.state) == (acts[0], "praise", "procedural")
        assert turn.acts == acts  # what was heard is kept as heard
    s = reception()
    turn = s.play("x", Recognition("reputation", 0.9, acts=("reputation", "appeal_integrity")))
    assert turn is not None and (turn.answered, turn.state) == ("reputation", "standoff")


def test_a_suit_held_over_him_on_a_condition_is_answered_as_the_warning():
    # stop 69 (dev play factory-to-factory 81d, 先礼后兵 told lawfully): 这个月要是定不下来,我们就按合同起诉 is heard as
    # the suit with the warning beside it — nothing is filed, the debtor answers the warning; a suit said with no
    # warning beside it is still the suit
    def exposed() -> Session:
        sc, p = resolve_scenario("factory-to-factory")
        return Session(sc, p, seed=1)

    s = exposed()
    turn = s.play("x", Recognition("legal_action", 0.9, acts=("legal_action", "legal_warning", "deadline_pressure")))
    assert turn is not None and turn.answered == "legal_warning" and s.state != "sued"
    assert turn.acts == ("legal_action", "legal_warning", "deadline_pressure")  # what was heard is kept as heard
    s = exposed()
    turn = s.play("x", Recognition("legal_action", 0.9, acts=("legal_action", "deadline_pressure")))
    assert turn is not None and turn.answered == "legal_action" and s.state == "sued"


def test_the_main_act_is_answered_first_and_a_later_act_then_carries_the_talk_on():
    # courtesy takes 'greeting' to 'crying_poor'; in 'crying_poor' verify_balance takes him on to 'checked'
    s = fake_broke()
    turn = s.play("x", Recognition("courtesy", 0.9, acts=("courtesy", "verify_balance")))
    assert turn is not None and (turn.tactic, turn.answered, turn.state) == ("courtesy", "verify_balance", "checked")
    assert s.visited("crying_poor") and s.history == ["verify_balance"]
    # both replies are heard, in order
    assert turn.reply.count(" ") >= 1


def test_a_later_act_that_would_talk_the_debtor_back_is_not_played_on_top():
    # in 'date_set' a soft word (ask_for_help) sends him to 'bargaining' (willingness and pressure fall):
    # deadline_pressure takes 'haggling' to 'date_set', the soft word after it is not played
    s = fake_broke()
    for m in ("courtesy", "probe_reason", "verify_balance", "timing", "rebut_excuse"):
        s.play(m)
    assert s.state == "haggling"
    turn = s.play("x", Recognition("deadline_pressure", 0.9, acts=("deadline_pressure", "ask_for_help")))
    assert turn is not None and (turn.answered, turn.state) == ("deadline_pressure", "date_set")


def test_a_side_act_that_would_talk_the_debtor_back_does_not_replace_a_main_act_that_keeps_him():
    # bad-debt-signs 'exposed': a firm ask for money keeps him where he is; a concession would let him
    # soothe the trainee ('soothed': stock and pressure fall). "别跟我说下个月,这次我没法给宽限" heard as
    # direct_ask with a concession beside it stays a firm ask
    sc, p = resolve_scenario("bad-debt-signs")
    s = Session(sc, p, seed=1)
    for m in ("timing", "verify_balance", "rebut_excuse"):
        s.play(m)
    assert s.state == "exposed"
    turn = s.play("x", Recognition("direct_ask", 0.9, acts=("direct_ask", "valuable_concession")))
    assert turn is not None and (turn.answered, turn.state) == ("direct_ask", "exposed")
    assert not s.visited("soothed")
    # said alone, the concession still soothes him
    turn = s.play("valuable_concession")
    assert turn is not None and turn.state == "soothed"


def test_an_offer_and_a_signature_in_one_move_close_the_deal():
    # 'haggling': written_commitment alone is refused; installment_plan moves him to 'amount_set', where the
    # signature is still refused (no date yet) — but in 'date_set' the offer reaches 'agreeing' and the
    # signature request of the same move takes him on to 'signing'
    s = fake_broke()
    for m in ("courtesy", "probe_reason", "verify_balance", "timing", "rebut_excuse", "deadline_pressure"):
        s.play(m)
    assert s.state == "date_set"
    turn = s.play("x", Recognition("written_commitment", 0.9, acts=("written_commitment", "installment_plan")))
    assert turn is not None and s.visited("agreeing") and turn.state == "signing"


def test_instalments_named_in_one_move_ask_for_their_sum():
    s = fake_broke()
    owed = s.scenario.case.owed  # 380,000
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(200_000, 180_000)))
    s.play("x", Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(owed, 60_000)))  # sum > debt: the max
    s.play("x", Recognition("verify_balance", 0.9, acts=("verify_balance",), amounts=(100_000,)))  # not an ask
    assert s.named_amounts == [380_000, owed]


def test_a_part_named_with_the_rest_on_its_own_term_asks_for_the_whole_debt():
    def ask(amounts: tuple[int, ...], remainder: bool) -> list[int]:
        s = fake_broke()
        s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=amounts,
                                remainder=remainder))
        return s.named_amounts
    owed = fake_broke().scenario.case.owed
    assert ask((200_000,), True) == [owed]  # 先付二十万,余款月底前付清
    assert ask((200_000,), False) == [200_000]
    assert ask((200_000, 100_000), True) == [300_000]  # the amounts named are the ask
    s = fake_broke()
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(50_000, 50_000, 60_000),
                            remainder=True, recurring=True))
    assert s.named_amounts == [owed]  # 先付5万,以后每月付5万,三月付清最后6万: a monthly plan to the end


def test_a_single_act_plays_exactly_as_a_tactic_id():
    a, b = fake_broke(3), fake_broke(3)
    for m in ("courtesy", "probe_reason", "verify_balance", "timing"):
        ta = a.play(m)
        tb = b.play("句子", Recognition(m, 0.9))
        assert ta is not None and tb is not None
        assert (ta.reply, ta.state, ta.deltas) == (tb.reply, tb.state, tb.deltas)


def test_every_act_heard_counts_for_used():
    s = fake_broke()
    s.play("x", Recognition("courtesy", 0.9, acts=("courtesy", "verify_balance", "direct_ask")))
    assert s.used("verify_balance") == 1 and s.used("direct_ask") == 1 and s.used("程序") == 1
    # repetition and streaks follow the act that was answered last (courtesy moved him, verify_balance on again)
    assert s.history == ["verify_balance"]


def test_slot_builtins_read_the_move_being_answered():
    s = fake_broke()
    owed = s.scenario.case.owed
    s._said = Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(owed // 2, owed * 10),
                          dates=("2026-11-27",), conditional=True, concession=False)
    assert s.builtin("offer") == 0.5  # the revenue figure (10x the debt) is not an offer
    assert s.scenario.case.date == "2026-11-02" and s.builtin("deadline_days") == 25
    assert s.builtin("conditional") == 1.0 and s.builtin("concession") == 0.0
    assert parse("offer >= 0.5 and conditional").eval(s)
    s._said = None
    assert s.builtin("offer") == 0.0 and s.builtin("deadline_days") == 999.0


def test_the_play_json_turn_carries_the_five_heard_fields():
    s = fake_broke()
    turn = s.play("courtesy")
    assert turn is not None
    pub = turn.public()
    assert {k: pub[k] for k in ("acts", "amounts", "dates", "conditional", "concession")} == {
        "acts": ["courtesy"], "amounts": [], "dates": [], "conditional": False, "concession": False}


COURSE_RIGHT = ["courtesy", "probe_reason", "verify_balance", "timing", "rebut_excuse", "ask_high_settle_middle",
                "deadline_pressure", "written_commitment", "persist", "timing"]


def test_the_agreement_carries_the_trainees_amount_and_date():
    plain = fake_broke(2)
    for m in COURSE_RIGHT:
        plain.play(m)
    # 喊高取中 settles in the middle: half paid now, 30% promised in writing for 30 days later
    assert plain.outcome is not None and (plain.outcome.result, plain.outcome.recovered_ratio) == ("partial", 0.8)
    s = fake_broke(2)
    owed = s.scenario.case.owed
    for m in COURSE_RIGHT:
        if m == "ask_high_settle_middle":  # settles for 300,000 of the debt, due on a named date
            s.play("先付三十万,下周五前", Recognition(m, 0.9, acts=(m,), amounts=(300_000,), dates=("2026-11-27",)))
        else:
            s.play(m)
    o = s.outcome
    assert o is not None
    assert o.paid + o.promised == 300_000 and sum(p["amount"] for p in o.plan) == 300_000
    # a complete ask (amount and date named) is agreed as asked and signed straight away: a promise of 300,000
    assert o.result == "promise" and o.recovered_ratio == round(300_000 / owed, 4)
    assert o.promised and o.due_date == "2026-11-27" and o.plan[-1]["due_date"] == "2026-11-27"


def test_amounts_outside_the_debt_do_not_change_the_deal():
    plain, s = fake_broke(2), fake_broke(2)
    for m in COURSE_RIGHT:
        plain.play(m)
        amounts = (200, 50_000_000) if m == "timing" else ()
        s.play(m, Recognition(m, 1.0, acts=(m,), amounts=amounts))
    assert s.outcome is not None and plain.outcome is not None
    assert s.outcome.public() == plain.outcome.public()


def test_figures_read_as_a_trainee_reads_them():
    from trainer.core.language.recognition import describe_figures

    assert describe_figures((380_000,), ("2026-12-04",), conditional=True) == "¥380,000 · 12月4日 · 附条件"
    assert describe_figures((), ()) == ""
    assert describe_figures((), ("not-a-date",), concession=True) == "让步"


def test_a_reply_echoes_the_trainees_figures():
    from .test_engine import MINI_PERSONA, build

    text = MINI_PERSONA.replace("replies: [对,账没错。]", "replies: ['行,{said_amount},{said_date}前给你。']")
    scenario, persona = build(text)
    s = Session(scenario, persona, seed=1)
    turn = s.play("先付八千,下周三前", Recognition("verify_balance", 0.9, acts=("verify_balance",), amounts=(8000,),
                                                 dates=(_plus(scenario.case.date, 5),)))
    assert turn is not None and turn.reply == f"行,8000元,{_md(_plus(scenario.case.date, 5))}前给你。"
    s2 = Session(scenario, persona, seed=1)
    t2 = s2.play("verify_balance")  # nothing named: the whole debt, and the agreed day
    assert t2 is not None and t2.reply == "行,1万,约定的日子前给你。"


def _plus(iso: str, days: int) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def _md(iso: str) -> str:
    _, m, d = iso.split("-")
    return f"{int(m)}月{int(d)}日"


def test_relative_dates_are_read_against_the_scenarios_date_not_the_clock():
    s = fake_broke()
    turn = s.play("周总您好,这笔款明天之前能结吗")
    assert turn is not None and s.scenario.case.date == "2026-11-02"
    assert "2026-11-03" in turn.dates


def test_an_amount_named_after_the_debtor_signed_does_not_cap_the_deal():
    # follow-up: the trainee asks for 180,000 in two instalments and the debtor signs the plan; collecting
    # the first instalment, the trainee reads the receipt out (十万收到了, a signature asked for): that is not
    # a new, lower ask — the deal stays at the signed 180,000
    def play(receipt_amounts: tuple[int, ...]) -> Session:
        sc, p = resolve_scenario("follow-up")
        s = Session(sc, p, seed=1)
        for m in ("state_purpose", "probe_reason", "remind_due_date", "verify_balance"):
            s.play(m)
        s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(100_000, 80_000),
                                dates=("2026-11-13", "2026-11-27")))
        s.play("签个字", Recognition("written_commitment", 0.9, acts=("written_commitment",)))
        assert s.state == "date_agreed"
        s.play("confirm_day_before")
        s.play("十万收到了,签个字", Recognition("written_commitment", 0.9, acts=("written_commitment",),
                                          amounts=receipt_amounts))
        s.play("polite_exit")
        return s

    plain, receipt = play(()), play((100_000,))
    assert plain.outcome is not None and receipt.outcome is not None
    assert receipt.named_amounts == [180_000]
    assert receipt.outcome.public() == plain.outcome.public()
    assert receipt.outcome.recovered_ratio == 1.0


def test_a_written_commitment_that_leaves_the_signature_ahead_does_not_fix_the_deal():
    # stop 69 (dev play project-milestone 82d): the project manager answers a first ask to sign (88.2万) by calling his
    # boss — 你把余款怎么付也写进去,一份计划我们签一回 — and the boss signs the plan of the part and the rest later: the
    # deal is that plan (126万), not the 88.2万 asked before anyone signed
    sc, p = resolve_scenario("project-milestone")
    assert "boss" in p.signature_ahead and "paid_part" not in p.signature_ahead
    s = Session(sc, p, seed=1)
    for m in ("state_purpose", "verify_balance", "timing"):
        s.play(m)
    s.play("x", Recognition("rebut_excuse", 0.9, acts=("rebut_excuse", "timing"), dates=(sc.case.date,)))
    assert s.state == "funds_found"
    s.play("x", Recognition("written_commitment", 0.9, acts=("written_commitment", "direct_ask"), amounts=(882_000,)))
    assert s.state == "boss" and not s.signed
    s.play("x", Recognition("written_commitment", 0.9, acts=("written_commitment", "installment_plan"),
                            amounts=(882_000, 378_000), dates=(_plus(sc.case.date, 10),), rest=True,
                            remainder=True))
    assert s.outcome is not None and s.outcome.result == "partial"
    assert s.named_amounts[-1] == 1_260_000
    assert s.outcome.recovered_ratio == 1.0


def test_a_total_named_with_its_parts_asks_for_the_total():
    s = fake_broke()  # 380,000 owed
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(180_000, 60_000, 60_000, 60_000)))
    assert s.named_amounts == [180_000]  # 剩下的十八万:六万、六万、六万 — not 360,000, not 180,000 + 60,000
    s = fake_broke()
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(180_000, 60_000, 60_000, 60_000),
                            remainder=True))
    assert s.named_amounts == [380_000]  # 剩下的十八万分三期付清: the rest of the debt
    s = fake_broke()
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(90_000, 90_000)))
    assert s.named_amounts == [180_000]  # 今天先付九万,剩下九万月底前: two instalments, not a total and its part
    s = fake_broke()
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",),
                            amounts=(80_000, 300_000, 100_000, 100_000, 100_000)))
    assert s.named_amounts == [380_000]  # 先付八万;剩下的三十万:十万、十万、十万 — the first payment and the rest


class _Probe:
    """Evaluates conditions against a session in the middle of a move, as choose_reaction does."""

    def __init__(self, s: Session, rec: Recognition):
        self.s, self.rec = s, rec

    def __call__(self, text: str) -> bool:
        self.s._said = self.rec
        try:
            return parse(text).eval(self.s)
        finally:
            self.s._said = None


def test_said_reads_every_act_of_the_move_being_answered_and_ask_total_its_whole_ask():
    s = fake_broke()
    ev = _Probe(s, Recognition("written_commitment", 0.9, acts=("written_commitment", "verify_balance"),
                               amounts=(200_000, 180_000)))
    assert ev("said(verify_balance)") and ev("said(written_commitment)") and ev("said(程序)")
    assert not ev("said(timing)") and not ev("used(verify_balance)")  # used() only sees earlier moves
    assert ev("ask_total >= 1") and not ev("offer >= 0.6")  # 380,000 of 380,000 in all; the largest part is 0.47
    assert _Probe(s, Recognition("direct_ask", 0.9, acts=("direct_ask",)))("ask_total == 0")
    assert not parse("said(timing)").eval(s)  # between moves nothing is being said


def test_a_flag_is_set_in_full_however_often_the_move_was_used():
    # a 0..1 meter is a flag: repetition decay (0.6 per earlier use) would round a second setting down to nothing
    sc, p = resolve_scenario("fake-broke")
    flag = Meter("noted", "记下", start=0, min=0, max=1, good="up", hidden=True)
    p = replace(p, meters=(*p.meters, flag))
    s = Session(sc, p, seed=1)
    s.history = ["courtesy", "courtesy"]
    deltas: dict[str, float] = {}
    s._apply((("noted", 1),), "courtesy", deltas)
    assert s.meters["noted"] == 1


def test_the_value_of_goods_taken_back_is_not_an_ask_and_a_conditional_offer_is_one():
    s = fake_broke()
    # 仓库里二十多万的货今天拉回去,您签个字: the amount values the stock, it does not cap the deal
    s.play("x", Recognition("take_back_stock", 0.9, acts=("take_back_stock", "written_commitment"), amounts=(200_000,)))
    assert s.named_amounts == []
    # 前提是剩下的三十八万本周五前付清,违约金就免了: the condition names what the trainee asks for
    s.play("x", Recognition("conditional_concession", 0.9, acts=("conditional_concession",), amounts=(380_000,),
                            dates=("2026-11-06",), conditional=True, concession=True))
    assert s.named_amounts == [380_000] and s.named_days


def test_a_take_back_move_that_also_asks_keeps_its_date():
    # 货按原价拉回去冲抵,余款四号前付清,您签个字 (dev line bad-debt-signs 16b: the date was dropped with the goods'
    # value, so the remainder fell back to the ending's default term)
    s = fake_broke()
    s.play("x", Recognition("take_back_stock", 0.9, acts=("take_back_stock", "written_commitment"), amounts=(80_000,),
                            dates=("2026-11-06",), pay_dates=("2026-11-06",)))  # 付清: the day is a payment's
    assert s.valued_amounts == [80_000] and s.named_amounts == [] and s.named_days
    # a take-back that asks for nothing names no date to hold him to
    s = fake_broke()
    s.play("x", Recognition("take_back_stock", 0.9, acts=("take_back_stock",), amounts=(80_000,), dates=("2026-11-06",)))
    assert s.named_days == []


def test_the_rest_after_goods_taken_back_settles_the_whole_debt():
    s = fake_broke()  # 380,000 owed
    # 这批货按原价拉回去抵账,拉回八万: the goods are valued, not asked for
    s.play("x", Recognition("take_back_stock", 0.9, acts=("take_back_stock",), amounts=(80_000,)))
    # 剩下的三十万:十万、十万、十万 — the rest after the offset
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(300_000, 100_000, 100_000, 100_000)))
    assert s.valued_amounts == [80_000] and s.named_amounts == [380_000]
    # an ask that is not the rest after the offset stays what it is
    s.play("x", Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(200_000,)))
    assert s.named_amounts[-1] == 200_000


def test_the_rest_named_after_a_part_asks_for_the_whole_debt():
    s = fake_broke()  # 380,000 owed
    s.play("x", Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(50_000,)))  # 先拿五万
    # later: 剩下三十三万分三期 — the rest of the debt after the first part
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(330_000,), rest=True))
    assert s.named_amounts == [50_000, 380_000]
    # a rest rounded down a little still means the whole (走掉十二三万, 剩下的差不多二十五万: 370,000 of 380,000)
    s = fake_broke()
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(120_000,)))
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(250_000,), rest=True))
    assert s.named_amounts[-1] == 380_000
    # … but not a rest that leaves a real gap (more than 5%), nor an amount not named as the rest
    s = fake_broke()
    s.play("x", Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(50_000,)))
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(300_000,), rest=True))
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(330_000,)))
    assert s.named_amounts == [50_000, 300_000, 330_000]


def test_the_whole_debt_named_in_a_take_back_move_is_the_balance_not_the_goods_value():
    s = fake_broke()  # 380,000 owed
    # 欠款三十八万,仓库里那批货八万拉回去冲抵
    s.play("x", Recognition("take_back_stock", 0.9, acts=("take_back_stock",), amounts=(380_000, 80_000)))
    assert s.valued_amounts == [80_000]


def test_a_signing_move_that_names_a_part_again_keeps_the_whole_plan():
    s = fake_broke()  # 380,000 owed
    # 先付五万,剩下三十三万分三期 (the whole debt), then: 把这笔五万和后面三期写成还款承诺书,您签个字
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(50_000, 330_000)))
    assert s.named_amounts == [380_000]
    s.play("x", Recognition("written_commitment", 0.9, acts=("written_commitment",), amounts=(50_000,)))
    assert s.named_amounts == [380_000]
    # a signing move with a figure never asked before is a new ask (that lower figure is what gets written)
    s.play("x", Recognition("written_commitment", 0.9, acts=("written_commitment",), amounts=(200_000,)))
    assert s.named_amounts == [380_000, 200_000]
    # a part of the whole debt he laid out, pressed again outside a signature (今天先付五万), is that part of the plan
    # (dev play project-milestone 24b: 节点后该付88万2千,剩下37万8千等主体验收 … 只要11月20号前88万2千到账 settled
    # the deal at 70%)
    s = fake_broke()
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(50_000, 330_000)))
    s.play("x", Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(50_000,)))
    assert s.named_amounts == [380_000]
    # a figure that was no part of it is a new, lower ask (喊高取中 settles there)
    s.play("x", Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(300_000,)))
    assert s.named_amounts == [380_000, 300_000]
    # and after an ask that is not the whole debt, a part of the old plan is an ask again
    s.play("x", Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(50_000,)))
    assert s.named_amounts == [380_000, 300_000, 50_000]


def test_a_part_of_the_whole_plan_broken_down_keeps_the_whole_plan():
    # stop 31 (dev play bad-debt-signs 30a): 货点了21.8万,余款还剩30.2万 … 今天先转10万,剩下20.2万12月3日前 … 只要今天这
    # 10万到账 — the rest split in two and its first piece pressed again are parts of the whole plan, not lower asks
    s = fake_broke()  # 380,000 owed
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(80_000, 300_000)))
    assert s.named_amounts == [380_000]
    s.play("x", Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(100_000, 200_000)))
    assert s.named_amounts == [380_000]
    s.play("x", Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(100_000,)))
    assert s.named_amounts == [380_000]
    # a total that was no part of the plan is still a new, lower ask
    s.play("x", Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(120_000, 130_000)))
    assert s.named_amounts == [380_000, 250_000]


def test_a_part_of_the_plan_laid_out_in_dated_instalments_is_how_the_plan_is_paid():
    # stop 46 (dev play quality-dispute 48b): 64万减掉这批5.2万,剩下58.8万 … 11月20号前付30万,11月30号前付清28.8万 — the
    # rest, a part of the plan said again, keeps the plan as the ask, and its dated pieces are how it is paid (the
    # 回收计划表 had carried one payment of the whole on the 20th)
    s = fake_broke(2)  # 380,000 owed, the talk on 2026-11-02
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(380_000, 80_000, 300_000)))
    assert s.named_amounts == [380_000]
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(200_000, 100_000),
                            dates=("2026-11-06", "2026-11-30")))
    assert s.named_amounts == [380_000]
    assert s.plan_parts == ((200_000, 4), (100_000, 28))
    # a part said again with no pieces of its own keeps those pieces
    s.play("x", Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(200_000,), dates=("2026-11-06",)))
    assert s.plan_parts == ((200_000, 4), (100_000, 28))


def test_a_fee_given_up_is_not_an_ask():
    s = fake_broke()  # 380,000 owed
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(200_000, 180_000)))
    assert s.named_amounts == [380_000]
    # 违约金六万八,只要这两期按时到账,这笔违约金我负责申请不收: the fee is what is given up
    s.play("x", Recognition("conditional_concession", 0.9, acts=("conditional_concession",), amounts=(68_000,),
                            fees=(68_000,), conditional=True, concession=True))
    assert s.named_amounts == [380_000]
    # the same figure as an ask (今天先付六万八) is an ask
    s.play("x", Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(68_000,)))
    assert s.named_amounts == [380_000, 68_000]


def _irritation_after_twice(first: str, second: str) -> float:
    s = fake_broke()
    for move in (first, second):
        s.play(move, Recognition("empathize", 0.9, acts=("empathize",)))
    assert s.state == "greeting"  # empathize keeps him where he is: only the meters move
    return s.meters["irritation"]


def test_saying_the_same_thing_again_tries_his_patience_but_new_substance_in_the_same_act_does_not():
    # quality-dispute 16c (dev play): five different moves heard as rebut_excuse wore his patience out and he
    # walked out of a settled deal. Only the same act in much the same words is nagging.
    _, p = resolve_scenario("fake-broke")
    same = _irritation_after_twice("理解您的难处,生意确实不好做", "理解您的难处,生意确实不好做!")
    other = _irritation_after_twice("理解您的难处,生意确实不好做", "您说的压款我信,这两年谁家都紧")
    assert same - other == p.repetition_penalty
    # a tactic id given twice is the same words
    assert _irritation_after_twice("empathize", "empathize") == same


def test_an_amount_written_off_is_not_an_ask():
    # quality-dispute 16c: 要折价就五万二全部冲掉 named what is given up; the deal carried 52,000 as the trainee's ask
    import datetime as dt

    from trainer.core.language.slots import extract_slots

    slots = extract_slots("要折价就五万二全部冲掉", dt.date(2026, 11, 9))
    assert slots.amounts == slots.fees == (52_000,)
    s = fake_broke()
    s.play("x", Recognition("conditional_concession", 0.9, acts=("conditional_concession",), amounts=(52_000,),
                            fees=slots.fees, conditional=True, concession=True))
    assert s.named_amounts == []


def test_only_the_payment_date_of_a_move_is_a_named_day():
    # 十二号前签证单补齐,您十六号前提交付款申请,八十八万二二十五号前到我们账上: the plan carried the paperwork's date
    s = fake_broke()
    start = s.scenario.case.date
    import datetime as dt

    day = dt.date.fromisoformat(start)
    iso = [(day + dt.timedelta(days=n)).isoformat() for n in (2, 6, 15)]
    s.play("x", Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(200_000,), dates=tuple(iso),
                            pay_dates=(iso[2],)))
    assert s.named_days == [15]
    # a move naming no payment date at all keeps every date it names (another ask: the same ask said again with a
    # new date moves its date instead, as the test of stop 41 below shows)
    s.play("x", Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(180_000,), dates=(iso[0],)))
    assert s.named_days == [15, 2]


def _bad_debt_goods_back() -> Session:
    """bad-debt-signs played to 'stock_back' (our goods taken back, the rest still owed), as dev line 21c heard it."""
    sc, p = resolve_scenario("bad-debt-signs")
    s = Session(sc, p, seed=1)
    for move, acts, amounts in (
            ("车上装的有没有我们的货?合同写明货款付清前货归我们。", ("take_back_stock", "remind_due_date", "direct_ask"), ()),
            ("还有二十多万我们的货在您仓库里,今天当场清点、拉回去。", ("take_back_stock", "direct_ask"), (200_000,)),
            ("这两周拉出去的货去了哪里?到底是什么情况?", ("probe_reason",), ()),
            ("我不是来吵架的,五年的交情我记得。", ("courtesy", "empathize"), ()),
            ("送货单合计欠52万;退回的货按单价冲减,差额对公付。", ("verify_balance", "remind_due_date", "take_back_stock"),
             (520_000,))):
        s.play(move, Recognition(acts[0], 0.9, acts=acts, amounts=amounts, dates=("2026-11-30",) if amounts else ()))
    assert s.state == "stock_back"
    return s


def test_when_no_act_moves_him_the_act_he_takes_most_to_heart_is_answered():
    # dev line bad-debt-signs 21c: 差额后天前付清,只要按时到账违约金不计;到不了,起诉和保全就递上去 — heard as a conditional
    # offer first. In 'stock_back' the offer alone gets a shrug (他随口答应); the legal warning with its way out puts
    # the papers on the table (papers +1), and that is what he answers; the signature then closes
    s = _bad_debt_goods_back()
    turn = s.play("x", Recognition("conditional_concession", 0.9, acts=("conditional_concession", "legal_warning"),
                                   conditional=True, concession=True))
    assert turn is not None and (turn.answered, turn.state) == ("legal_warning", "stock_back")
    assert s.meter("papers") == 1
    turn = s.play("written_commitment")
    assert turn is not None and turn.state == "stock_pledged"
    # without the warning beside it, the offer is answered as before and the signature is only a shrug
    s = _bad_debt_goods_back()
    turn = s.play("x", Recognition("conditional_concession", 0.9, acts=("conditional_concession",), conditional=True))
    assert turn is not None and turn.answered == "conditional_concession" and s.meter("papers") == 0


def test_a_signing_move_that_names_the_goods_value_again_keeps_the_whole_plan():
    # dev line genuinely-broke 21c: goods worth 五万 taken back, the rest in two parts, then 写下来:调货冲账5万、两笔现款的
    # 金额和日期 — the five was the goods' value, not a new, lower ask
    s = fake_broke()  # 380,000 owed
    s.play("x", Recognition("take_back_stock", 0.9, acts=("take_back_stock",), amounts=(80_000,)))
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(120_000, 180_000)))
    assert s.named_amounts == [380_000]
    s.play("x", Recognition("written_commitment", 0.9, acts=("written_commitment",), amounts=(80_000,)))
    assert s.named_amounts == [380_000]


def test_the_plan_carries_the_trainees_instalments_on_his_dates():
    # dev play quality-dispute i: 剩下五十八万八,11月20号先付三十万,11月30号付清二十八万八 — the plan said one payment
    # the day after the talk (a date named earlier for something else), not the trainee's two
    s = fake_broke(2)  # 380,000 owed, the talk on 2026-11-02
    for m in COURSE_RIGHT:
        if m == "ask_high_settle_middle":
            s.play("三十万分两笔:下周五先付二十万,月底前付清十万", Recognition(
                "installment_plan", 0.9, acts=("installment_plan",), amounts=(300_000, 200_000, 100_000),
                dates=("2026-11-06", "2026-11-30")))
        else:
            s.play(m)
    o = s.outcome
    assert o is not None and o.result == "promise" and o.promised == 300_000
    assert [(p["amount"], p["due_date"]) for p in o.plan] == [(200_000, "2026-11-06"), (100_000, "2026-11-30")]
    assert o.due_date == "2026-11-30" and abs(sum(p["share"] for p in o.plan) - 300_000 / o.owed) < 1e-3
    # parts that do not add up to what he promised leave the ending's plan as it is
    s = fake_broke(2)
    for m in COURSE_RIGHT:
        if m == "ask_high_settle_middle":
            s.play("先付二十万,月底前再付五万", Recognition("installment_plan", 0.9, acts=("installment_plan",),
                                                    amounts=(200_000, 50_000), dates=("2026-11-06", "2026-11-30")))
        else:
            s.play(m)
    assert s.outcome is not None and sum(p["amount"] for p in s.outcome.plan) == s.outcome.paid + s.outcome.promised


def test_plan_total_is_the_trainees_latest_ask_so_far():
    # project-milestone 8b (dev play): the whole debt laid out in two parts, then a signature naming no amount — the
    # signature is on that plan, not a middle settlement (``offer`` and ``ask_total`` only see the signing move)
    s = fake_broke()  # 380,000 owed
    assert s.builtin("plan_total") == 0.0
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(200_000, 180_000)))
    s._said = Recognition("written_commitment", 0.9, acts=("written_commitment",))
    assert s.builtin("plan_total") == 1.0 and s.builtin("ask_total") == 0.0 and s.builtin("offer") == 0.0
    assert parse("plan_total < 0.9").eval(s) is False


def test_plan_total_reads_the_rest_named_in_the_signing_move_itself():
    # stop 40 (dev play project-milestone 40a2): a part asked first (二十万 by Friday), then the signing move names the
    # rest (余款十八万也写清楚) — the plan is the whole debt while the debtor decides, not the part alone, and reading it
    # changes nothing of the session
    s = fake_broke()  # 380,000 owed
    s.play("x", Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(200_000,), dates=("2026-11-06",)))
    assert abs(s.builtin("plan_total") - 200_000 / 380_000) < 1e-9
    s._said = Recognition("written_commitment", 0.9, acts=("written_commitment", "installment_plan"),
                          amounts=(180_000,), rest=True)
    before = (list(s.named_amounts), set(s.asked_figures), s.whole_parts, list(s.named_days), s.plan_parts)
    assert s.builtin("plan_total") == 1.0 and parse("plan_total < 0.9").eval(s) is False
    assert (list(s.named_amounts), set(s.asked_figures), s.whole_parts, list(s.named_days), s.plan_parts) == before


def test_a_later_single_payment_replaces_the_instalments():
    s = fake_broke(2)  # 380,000 owed
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(200_000, 180_000),
                            dates=("2026-11-06", "2026-11-30")))
    assert s.plan_parts == ((200_000, 4), (180_000, 28))
    # 那就三十八万,二十号前一次付清
    s.play("y", Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(380_000,), dates=("2026-11-20",)))
    assert s.plan_parts == ()
    # a signature that names the total again, with no date, keeps a plan in parts
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(200_000, 180_000),
                            dates=("2026-11-06", "2026-11-30")))
    s.play("z", Recognition("written_commitment", 0.9, acts=("written_commitment",), amounts=(380_000,)))
    assert s.plan_parts == ((200_000, 4), (180_000, 28))
    # stop 47 (dev play genuinely-broke 49b): the same total bounded by a last day the plan keeps, said of the plan
    # (日期可以调,但总数38万、月底前付清这条不变) keeps its parts; a day before its last part does not
    for day, kept in (("2026-11-30", True), ("2026-11-20", False)):
        s = fake_broke(2)
        s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(200_000, 180_000),
                                dates=("2026-11-06", "2026-11-30")))
        s.play("w", Recognition("written_commitment", 0.9, acts=("written_commitment", "installment_plan"),
                                amounts=(380_000,), dates=(day,), pay_dates=(day,)))
        assert s.plan_parts == (((200_000, 4), (180_000, 28)) if kept else ())


def test_the_summary_names_the_deal_on_the_trainees_figures():
    # fake-broke 'promised' said 承诺七天内付清全部38万 whatever was agreed; it now renders the outcome
    s = fake_broke(2)
    for m in COURSE_RIGHT:
        if m == "ask_high_settle_middle":
            s.play("先付三十万,下周五前", Recognition(m, 0.9, acts=(m,), amounts=(300_000,), dates=("2026-11-27",)))
        else:
            s.play(m)
    o = s.outcome
    assert o is not None and o.result == "promise"
    assert "11月27日前付清30万" in o.summary and "{" not in o.summary


def test_a_signing_move_that_speaks_of_no_payment_names_no_payment_day():
    # project-milestone 8b (dev play): 明天我和老总一起去财务那边对接,您签字盖章 made 明天 the plan's date
    s = fake_broke()  # the talk on 2026-11-02
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(380_000,),
                            dates=("2026-11-20",), pay_dates=("2026-11-20",)))
    s.play("y", Recognition("written_commitment", 0.9, acts=("written_commitment",), dates=("2026-11-03",)))
    assert s.named_days == [18]
    # a signing move that does name a payment keeps its day
    s.play("z", Recognition("written_commitment", 0.9, acts=("written_commitment",), dates=("2026-11-25",),
                            pay_dates=("2026-11-25",)))
    assert s.named_days == [18, 23]


GOODS_AT_FIVE = (  # dev play genuinely-broke 21c: 5万 of the stock goes to a third dealer, the rest in two parts
    "刘姐,您好。我听同行讲,您撤了两条配送线,火锅那家客户也关门了——是不是这一下子把钱给卡住了?",
    "那就对上了,不是您不想给,是真周转不开。月底那天26万真能拿出来吗?咱说实话。",
    "仓库里压着的那十五万我们家的货,我牵头让邻市经销商从您这儿调5万块钱的货,货款直接冲咱这笔账,咱三家签个三方协议。",
    "先把账对清:三张送货单、两份对账单,一共26万;调货冲掉5万,还剩21万,您看对不?",
    "剩下21万分两笔:11月30号先8万,12月31号13万,都对公转账。只要您照这个走,违约金我去公司给您申请免了。",
    "那咱现在就写下来:调货冲账5万、两笔现款的金额和日期,您签字盖章。",
)


def _talk(scenario: str, moves: tuple[str, ...] | list[str]) -> Session:
    """The session after ``moves`` said in ``scenario`` (seed 1), heard by the recogniser, ended or not."""
    from trainer.core.judging.result import play_moves

    sc, p = resolve_scenario(scenario)
    return play_moves(sc, p, list(moves), seed=1)[0]


def _played(scenario: str, moves: tuple[str, ...] | list[str]) -> tuple[Outcome, list[tuple[int, str]]]:
    """The outcome of ``moves`` said in ``scenario`` (seed 1), and its plan as (amount, due date) rows."""
    s = _talk(scenario, moves)
    assert s.outcome is not None
    return s.outcome, [(x["amount"], x["due_date"]) for x in s.outcome.plan]


def test_goods_taken_back_carry_the_value_the_trainee_put_on_them():
    # the plan said 14.3万 of goods (the persona's 55%) where the trainee took back 5万 and laid out the 21万 left
    o, rows = _played("genuinely-broke", GOODS_AT_FIVE)  # 260,000 owed, the talk on 2026-11-02
    assert o.state == "stock_returned"
    assert rows == [(50_000, "2026-11-02"), (80_000, "2026-11-30"), (130_000, "2026-12-31")]
    assert (o.paid, o.promised, o.recovered_ratio) == (50_000, 210_000, 1.0)
    # a value that does not make the deal with his instalments (5万 + 8万 + 10万 of 26万) leaves the persona's share: 55%
    # of the whole (剩下21万 beside the 5万 of goods asks for all 26万)
    o, rows = _played("genuinely-broke", [m.replace("12月31号13万", "12月31号10万") for m in GOODS_AT_FIVE])
    assert o.state == "stock_returned" and (rows[0][0], o.paid) == (143_000, 143_000)


#: dev play triangular-debt 37b3 (course-right, a three-way deal): 12万 by 11月13号, 10万 by 11月30号, 华景's 20万 by 12月15号
THREE_WAY_PLAN = (
    "孙总,好久没来看您了!听说滨江华府上个月竣工验收了,恭喜恭喜,这么大的项目干下来真不容易。我今天来呢,还是为我们那42万的电缆款,想跟您一起想想办法。",
    "您是说,华景那边的钱没到,您这边也就没钱付我们,对吧?这个我真能理解,上下游一环扣一环,您夹在中间最难受。那我想问问,华景欠您的结算款,现在卡在哪一步了?",
    "您是说,审计结算还在走,华景说资金紧、要排到年底?不过孙总,我听圈里人说,华景资金再紧,材料款一向是优先保的,怕影响工期。您报上去的时候,电缆这一块有没有单列成材料款?",
    "您是说,都打包在安装工程款里了?那可就吃亏了。要不这样:我把五批电缆的送货单、验收单、发票复印件给您整理一套,您单独报一笔材料款;再不然,您出个委托书,让华景把这部分直接付给我们,三方签个字,您也省得垫钱。",
    # (stop 69: 得先去华景财务那边探探口风,今天定不下来,对吧? was heard as find_decision_maker until the models learned
    # r66a-r67b, and the talk then never reached the three-way plan this test is about — the move now asks for the man
    # who pays outright)
    "您是说,得先去华景财务那边探探口风?那请您约上华景管付款的领导,我们一起当面谈。那我们约个时间:11月5号星期四上午10点,我再过来,您把华景的回话告诉我,我们当场把方案写下来。资料我明天上午送到您办公室,11月4号下午我先给您打个电话。您看行吗?",
    "孙总早!上次我们说好的:我送资料,您去问华景材料款和委托付款的事,今天上午10点把方案定下来。资料3号一早就送到了,昨天下午电话里您说华景财务有回话了——他们怎么说?",
    "您是说,华景同意材料款单列,委托付款能做20万,12月中旬拨下来?太好了,这一趟没白跑。那剩下的22万,毕竟已经拖了120天,我回公司也得有个交代,您看11月13号之前从自己账上付清,行不行?",
    "您是说,这周能先挤出12万,剩下10万月底付?好,只要12万11月13号前到、10万11月30号前到,华景委托付款的20万12月15号前到,这120天的违约金2万5千2百块,我回去帮您申请免掉;有一笔没按时,就还是按合同算。",
    "那我们写下来:天工欠远东电缆42万;11月13号前付12万;11月30号前付10万;剩下20万由华景按三方委托书在12月15号前直接付给我们,华景没付到的话,天工自己在12月15号前补齐。孙总您签个字,盖上天工的公章,委托书我们也一起签。",
)


def test_a_part_he_pays_on_the_spot_comes_off_the_trainees_first_instalment():
    # stop 47: his ending pays a tenth on the spot (4.2万) of a deal the trainee laid out in full — the plan had the
    # persona's shares on days the trainee never named (25.2万 on 11月4号); now the trainee's dated parts, the first one
    # smaller by what is paid today
    o, rows = _played("triangular-debt", THREE_WAY_PLAN)  # 420,000 owed, the talk on 2026-11-02
    assert o.state == "three_way_signed"
    assert rows == [(42_000, "2026-11-02"), (78_000, "2026-11-13"), (100_000, "2026-11-30"), (200_000, "2026-12-15")]
    assert (o.paid, o.promised, o.due_date) == (42_000, 378_000, "2026-12-15")


def test_a_take_back_move_that_lays_out_the_whole_debt_asks_for_it():
    # dev play bad-debt-signs 26b: 剩下的29.6万 … 10万、19.6万 asked first, then 总欠款52万,今日退货冲抵22.4万,余款29.6万分两笔,
    # 您签字盖章 — the deal was scaled to the rest alone (57%)
    s = fake_broke()  # 380,000 owed
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(180_000, 80_000, 100_000)))
    assert s.named_amounts == [180_000]
    s.play("x", Recognition("written_commitment", 0.9, acts=("written_commitment", "take_back_stock"),
                            amounts=(380_000, 200_000, 180_000)))
    assert s.named_amounts == [180_000, 380_000] and 200_000 in s.valued_amounts
    # goods valued with no plan of the whole named are no ask (仓库里二十万的货今天拉回去)
    s = fake_broke()
    s.play("x", Recognition("take_back_stock", 0.9, acts=("take_back_stock", "direct_ask"), amounts=(200_000,)))
    assert s.named_amounts == [] and s.valued_amounts == [200_000]


def test_a_part_and_the_rest_with_its_breakdown_ask_for_the_whole():
    # dev play genuinely-broke v: 这一块如果能走掉十二三万,剩下的差不多十三万,分两次:六万五、六万五 — the 6.5万s are the
    # rest's breakdown, and part + rounded rest is the whole debt; the deal was scaled to 13万 (50%)
    s = fake_broke()  # 380,000 owed
    rec = Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(170_000, 200_000, 100_000, 100_000),
                      rest=True)
    assert s._ask(rec) == 380_000
    # without the rest named as such, the part and the total are what they are (the breakdown is still the total's)
    rec = Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(100_000, 170_000, 85_000, 85_000))
    assert s._ask(rec) == 270_000


def test_quality_dispute_an_apology_with_the_account_on_the_table_scopes_the_dispute():
    # stop 31 (dev play quality-dispute 8b): after the apology, 只有0915那批货值5万2 … 其余五批58万8 全部正常 heard as a
    # second apology still puts the numbers on the table, as a balance checked does: the dispute is scoped to that batch
    sc, persona = resolve_scenario("quality-dispute")
    s = Session(sc, persona, seed=1)
    s.play("x", Recognition("apologize", 0.9, acts=("apologize",)))
    assert s.state == "venting"
    s.play("x", Recognition("apologize", 0.9, acts=("apologize",), amounts=(52_000, 588_000)))
    assert s.state == "scoped"


def test_papers_cited_as_evidence_in_the_move_count_as_evidence_on_the_table():
    # stop 32 (dev play new-manager 16c): the new manager's "old debts belong to my predecessor" is answered by the
    # papers put on the table in the same breath (对账单盖的是公司公章) — not only after a separate balance check
    sc, p = resolve_scenario("new-manager")
    s = Session(sc, p, seed=1)
    s.play("x", Recognition("courtesy", 0.9, acts=("courtesy",)))
    assert s.state == "disowning"
    s._said = Recognition("rebut_excuse", 0.9, acts=("rebut_excuse",), papers=True)
    assert s.builtin("evidence") == 1.0 and parse("evidence").eval(s)
    turn = s.play("两份对账单盖的是公司公章,这是公司的债", Recognition("rebut_excuse", 0.9, acts=("rebut_excuse",), papers=True))
    assert turn is not None and turn.state == "documented"
    # asking to check the books face to face, with the papers already shown, gets the debt confirmed
    turn = s.play("请会计过来当面核一遍", Recognition("verify_balance", 0.9, acts=("verify_balance",)))
    assert turn is not None and turn.state == "confirmed"


def test_a_bare_rebuttal_with_no_papers_does_not_move_the_new_manager():
    sc, p = resolve_scenario("new-manager")
    s = Session(sc, p, seed=1)
    s.play("x", Recognition("courtesy", 0.9, acts=("courtesy",)))
    turn = s.play("内部协议对外无效", Recognition("rebut_excuse", 0.9, acts=("rebut_excuse",)))
    assert turn is not None and turn.state == "disowning"


def test_his_counter_said_back_and_a_part_of_the_plan_held_keep_the_plan():
    # stop 32 (dev play genuinely-broke 31b): 您讲第一期5万也紧、想先付3万 … 5万已经是底线 … 只要这4期都按时付 had summed
    # 5万 + 3万 + 5万 into a new ask of 13万, and the signed plan of 26万 was cut to half
    sc, p = resolve_scenario("genuinely-broke")
    s = Session(sc, p, seed=1)
    owed = sc.case.owed
    assert owed == 260_000
    plan = Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(50_000, 70_000, 70_000, 70_000),
                       dates=("2026-11-30", "2026-12-31", "2027-01-31", "2027-02-28"))
    s._note_figures(plan)
    assert s.named_amounts[-1] == owed
    held = Recognition("conditional_concession", 0.9, acts=("conditional_concession",), amounts=(50_000, 30_000, 50_000),
                       conditional=True, concession=True, fees=(30_000,))
    s._note_figures(held)
    assert s.named_amounts[-1] == owed


def test_the_cash_parts_of_a_plan_laid_out_with_the_goods_keep_the_plan():
    # stop 32 (dev play bad-debt-signs 31b): 退回23万的货冲抵,今天转9万,12月4号前转清20万 is the whole debt; a later
    # 前提是12月4号20万准时到账 names one part of that plan, not a new ask of 20万 (the deal had been cut to 20万)
    sc, p = resolve_scenario("bad-debt-signs")
    s = Session(sc, p, seed=1)
    owed = sc.case.owed
    assert owed == 520_000
    plan = Recognition("written_commitment", 0.9, acts=("written_commitment", "take_back_stock"),
                       amounts=(230_000, 90_000, 200_000), dates=("2026-12-04",), fees=(230_000,))
    s._note_figures(plan)
    assert s.named_amounts[-1] == owed and {90_000, 200_000} <= s.whole_parts
    part = Recognition("conditional_concession", 0.9, acts=("conditional_concession",), amounts=(200_000,),
                       dates=("2026-12-04",), conditional=True, concession=True)
    s._note_figures(part)
    assert s.named_amounts[-1] == owed


def test_figures_past_the_debt_of_which_some_make_the_whole_ask_for_the_whole():
    # stop 34 (dev play project-milestone 33a, competitor-terms 33b): more named than is owed, but some figures make the
    # whole debt — the others are quoted: a figure said twice, his counter-offer turned down
    s = fake_broke()  # 380,000 owed
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(80_000, 200_000, 100_000, 80_000)))
    assert s.named_amounts == [380_000]  # 余款八万…二十万、十万,余款八万: the 80,000 restated
    s = fake_broke()
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(50_000, 200_000, 100_000, 80_000)))
    assert s.named_amounts == [380_000]  # 五万太少了…二十万、十万、八万: his 50,000 turned down
    s = fake_broke()
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(250_000, 200_000)))
    assert s.named_amounts == [250_000]  # nothing makes the whole: the largest, as before


def test_the_balance_checked_with_no_when_is_no_ask():
    # stop 34 (plan freetext-fake-broke): 一共三十八万,您看对不对?以前都是转账付的吧? — a side direct_ask heard in a check
    # of the balance names what is owed; with a date it is an ask (先对下账,一共三十八万,这周五前能付吗)
    s = fake_broke()
    s.play("x", Recognition("verify_balance", 0.9, acts=("verify_balance", "direct_ask"), amounts=(380_000,)))
    assert s.named_amounts == []
    s = fake_broke()
    s.play("x", Recognition("verify_balance", 0.9, acts=("verify_balance", "direct_ask"), amounts=(380_000,),
                            dates=("2026-11-06",)))
    assert s.named_amounts == [380_000]


def test_today_named_as_the_day_of_the_visit_is_no_deadline():
    # stop 36 (dev play triangular-debt 36b): 今天来,主要还是为那42万 is why he came, not "42万 today"
    s = fake_broke()
    owed, today = s.scenario.case.owed, s.scenario.case.date
    s._said = Recognition("state_purpose", 0.9, acts=("state_purpose", "direct_ask"), amounts=(owed,), dates=(today,),
                          visit_today=True)
    assert s.builtin("deadline_days") == 999.0
    s._said = replace(s._said, visit_today=False)
    assert s.builtin("deadline_days") == 0.0
    s._said = replace(s._said, visit_today=True, pay_dates=(today,))  # 今天来,今天就付: a payment date stands
    assert s.builtin("deadline_days") == 0.0


def test_rude_reads_whether_the_hostility_threatens_nothing():
    s = fake_broke()
    s._said = Recognition("hostile", 0.9, acts=("hostile",), rude=True)
    assert s.builtin("rude") == 1.0 and parse("not rude").eval(s) is False
    s._said = Recognition("hostile", 0.9, acts=("hostile",))
    assert s.builtin("rude") == 0.0


def test_his_figure_quoted_back_is_not_part_of_our_ask():
    # stop 36 (dev play bad-debt-signs 37a3): 您是说最多8万…?那今天先转8万,剩下21.4万 asks 29.4万, not 37.4万
    s = fake_broke()
    rec = Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(80000, 80000, 214000),
                      quoted=(80000,))
    assert s._ask(rec) == 294000
    assert s._ask(replace(rec, quoted=())) == 374000


def test_a_date_for_the_papers_is_read_by_conditions_but_kept_out_of_the_plan():
    # stop 37 (dev play project-milestone p38b): 这个礼拜五之前,三张签证单全部补签好 — a persona reads the near date (说定几天内
    # 补齐, deadline_days), but the 回收计划表 must not sign the payment for that day
    s = fake_broke()
    friday = "2026-11-13"
    rec = Recognition("written_commitment", 0.9, acts=("written_commitment",), dates=(friday,), paper_dates=(friday,))
    s._said = rec
    days = (dt.date.fromisoformat(friday) - dt.date.fromisoformat(s.scenario.case.date)).days
    assert s.builtin("deadline_days") == float(days)
    assert s._pay_days(rec, for_plan=True) == [] and s._pay_days(rec) == [days]
    ask = Recognition("direct_ask", 0.9, acts=("direct_ask", "deadline_pressure"), dates=(friday,), paper_dates=(friday,))
    s._note_figures(ask)
    assert s.named_days == []


def test_an_ask_said_again_with_a_new_date_moves_its_date_and_a_part_paid_now_takes_its_date_with_it():
    # stop 41 (dev play project-milestone 40a2): 88.2万 asked by Friday (11-13), then again by the 30th — the 30th
    # stands; the debtor pays the 88.2万 on the spot, so neither date is the rest's (主体验收后六十天: his 60 days)
    sc, p = resolve_scenario("project-milestone")  # 1,260,000 owed, talk on 2026-11-10
    s = Session(sc, p, seed=1)
    s._note_figures(Recognition("conditional_concession", 0.9, acts=("conditional_concession", "direct_ask"),
                                amounts=(882_000,), dates=("2026-11-13",)))
    s._note_figures(Recognition("legal_warning", 0.9, acts=("legal_warning", "ask_high_settle_middle"),
                                amounts=(882_000,), dates=("2026-11-30",)))
    assert s.named_days == [20] and s.ask_days == {882_000: (20,)}
    s._note_figures(Recognition("written_commitment", 0.9, acts=("written_commitment", "installment_plan"),
                                amounts=(378_000,), rest=True))  # 余款三十七万八也一起写清楚:主体验收后六十天内付清
    ending = p.states["paid_part"].ending
    assert ending is not None
    s._finish(ending)
    assert s.outcome is not None
    assert [(i["amount"], i["due_date"]) for i in s.outcome.plan] == [(882_000, "2026-11-10"), (378_000, "2027-01-09")]


def test_the_whole_debt_asked_with_no_figure_is_an_ask_of_all_of_it():
    # stop 41: 前提是月底前全部付清 names no amount but asks for the whole debt — ask_total and offer read 1; a threat
    # about paying in full (不付清就起诉) asks for nothing
    s = fake_broke()
    s._said = Recognition("conditional_concession", 0.9, acts=("conditional_concession",), dates=("2026-11-30",),
                          conditional=True, concession=True, in_full=True)
    assert s.builtin("ask_total") == 1.0 and s.builtin("offer") == 1.0
    s._said = Recognition("legal_warning", 0.9, acts=("legal_warning",), in_full=True)
    assert s.builtin("ask_total") == 0.0 and s.builtin("offer") == 0.0
    s._said = None
    s.play("x", Recognition("conditional_concession", 0.9, acts=("conditional_concession",), dates=("2026-11-30",),
                            conditional=True, concession=True, in_full=True))
    assert s.named_amounts == [380_000]


def test_a_signing_move_writes_down_the_date_said_before():
    # stop 41 (held-out play17, read as states only: a new-manager line never ended): in amount_set the date was said in
    # an offer he did not take up yet (二十万12月20号前); "按刚才说的写下来" names no date of its own — plan_days has it
    sc, p = resolve_scenario("new-manager")
    s = Session(sc, p, seed=1)
    for m in ("courtesy", "verify_balance", "original_contact", "legal_warning", "ask_high_settle_middle"):
        s.play_tactic(m)
    assert s.state == "amount_set" and s.builtin("plan_days") == 999
    s.play("x", Recognition("conditional_concession", 0.9, acts=("conditional_concession",), amounts=(200_000,),
                            dates=("2026-12-20",), conditional=True, concession=True))
    assert s.state == "amount_set" and s.named_days == [34]
    s._said = Recognition("written_commitment", 0.9, acts=("written_commitment",))
    assert s.builtin("deadline_days") == 999 and s.builtin("plan_days") == 34
    s._said = None
    s.play("y", Recognition("written_commitment", 0.9, acts=("written_commitment",)))
    assert s.state == "settled"


def test_a_date_for_a_part_whose_rest_he_arranges_is_not_the_rests_date():
    # stop 42 (tmux, new-manager): 先付二十万,十二月二十号之前到账,剩下的您看怎么安排 — he signs 三成当场,余款三十天内; the
    # 20th was the part's date and the part is paid now, so the rest keeps his 30 days (12-16), not the 20th
    sc, p = resolve_scenario("new-manager")  # 350,000 owed, the talk on 2026-11-16
    s = Session(sc, p, seed=1)
    s._note_figures(Recognition("installment_plan", 0.9, acts=("installment_plan", "written_commitment"),
                                amounts=(200_000,), dates=("2026-12-20",), pay_dates=("2026-12-20",), remainder=True, rest_open=True))
    assert s.named_amounts == [350_000] and s.part_days == frozenset({34})
    ending = p.states["settled"].ending
    assert ending is not None and ending.paid > 0
    s._finish(ending)
    assert s.outcome is not None
    assert [(i["amount"], i["due_date"]) for i in s.outcome.plan] == [(105_000, "2026-11-16"), (245_000, "2026-12-16")]


def test_a_date_for_a_part_with_the_rest_on_our_term_is_still_the_plans():
    # the same first part with the rest on a term of ours (余款月底前付清) is a plan with that date: it stands
    sc, p = resolve_scenario("new-manager")
    s = Session(sc, p, seed=1)
    s._note_figures(Recognition("installment_plan", 0.9, acts=("installment_plan", "written_commitment"),
                                amounts=(200_000,), dates=("2026-12-20",), pay_dates=("2026-12-20",), remainder=True))
    assert s.part_days == frozenset()
    ending = p.states["settled"].ending
    assert ending is not None
    s._finish(ending)
    assert s.outcome is not None
    assert [(i["amount"], i["due_date"]) for i in s.outcome.plan] == [(105_000, "2026-11-16"), (245_000, "2026-12-20")]


def test_the_rest_asked_in_the_signing_move_after_a_part_asks_for_the_whole_plan():
    # stop 42 (dev play project-milestone 43a2): 88.2万 asked by the 27th, then 写下来:……付款最晚的日子,还有余款怎么付 —
    # the rest is asked too, so the plan signed is the whole debt in two parts (paid_part), not 88.2万 alone (promised)
    sc, p = resolve_scenario("project-milestone")  # 1,260,000 owed, talk on 2026-11-10
    s = Session(sc, p, seed=1)
    s.play_tactic("empathize")
    s.play_tactic("probe_reason")
    s.play("a", Recognition("apologize", 0.9, acts=("apologize", "find_decision_maker", "rebut_excuse")))
    assert s.state == "boss"
    s.play("b", Recognition("deadline_pressure", 0.9, acts=("deadline_pressure",), amounts=(882_000,),
                            dates=("2026-11-27",), pay_dates=("2026-11-27",)))
    assert s.state == "agreeing" and s.named_amounts == [882_000]
    s._said = Recognition("written_commitment", 0.9, acts=("written_commitment",), remainder=True, rest_open=True)
    assert s.builtin("plan_total") == 1.0
    s._said = Recognition("written_commitment", 0.9, acts=("written_commitment",))
    assert s.builtin("plan_total") == 0.7  # a signing move that names no rest keeps the part
    s._said = None
    s.play("c", Recognition("written_commitment", 0.9, acts=("written_commitment",), remainder=True, rest_open=True))
    assert s.state == "paid_part" and s.outcome is not None and s.outcome.recovered_ratio == 1.0


def test_a_signing_move_naming_the_first_part_of_a_plan_just_settled_signs_the_plan():
    # stop 43 (dev play project-milestone 29a): 那就定了:88.2万11月20号前付,余下37.8万按主体验收后60天内付 — then 付款计划
    # 我写好了,写明88.2万、11月20号前付. The whole plan is on record (plan_total 1.0), so he signs it, not "余款呢?"
    sc, p = resolve_scenario("project-milestone")
    s = Session(sc, p, seed=1)
    s.play_tactic("empathize")
    s.play_tactic("probe_reason")
    s.play("a", Recognition("apologize", 0.9, acts=("apologize", "find_decision_maker", "rebut_excuse")))
    s.play("b", Recognition("deadline_pressure", 0.9, acts=("deadline_pressure",), amounts=(882_000,),
                            dates=("2026-11-27",), pay_dates=("2026-11-27",)))
    assert s.state == "agreeing"
    s.play("c", Recognition("remind_due_date", 0.9, acts=("remind_due_date", "direct_ask"), amounts=(882_000, 378_000),
                            dates=("2026-11-20",), pay_dates=("2026-11-20",), rest=True))
    assert s.named_amounts[-1] == 1_260_000 and s.state == "agreeing"
    s.play("d", Recognition("written_commitment", 0.9, acts=("written_commitment", "remind_due_date"), amounts=(882_000,),
                            dates=("2026-11-20",), pay_dates=("2026-11-20",)))
    assert s.state == "paid_part" and s.outcome is not None and s.outcome.recovered_ratio == 1.0


def _follow_up_signed() -> Session:
    sc, p = resolve_scenario("follow-up")  # 180,000 owed, the first visit on 2026-11-09
    s = Session(sc, p, seed=1)
    s.play("a", Recognition("direct_ask", 0.9, acts=("direct_ask", "state_purpose"), amounts=(180_000,),
                            dates=("2026-11-13",), pay_dates=("2026-11-13",)))
    s.play("b", Recognition("verify_balance", 0.9, acts=("verify_balance", "written_commitment"), amounts=(180_000,)))
    assert s.state == "date_agreed"
    return s


def test_the_call_the_day_before_that_asks_him_to_pay_on_the_day_confirms_it():
    # stop 42 (dev play follow-up 43a1): 这回请您按日子给,别等我再跑第二趟 names neither the date nor the amount, but
    # it asks him to pay on the day agreed (the 13th, four days out) — that is the call the day before (十六大技巧10)
    s = _follow_up_signed()
    s.play("c", Recognition("direct_ask", 0.9, acts=("direct_ask", "praise", "rebut_excuse")))
    assert s.visited("confirmed") and not s.visited("unconfirmed")
    # a call of praise alone confirms nothing — once the first visit is over: after the goodbye (or a greeting that opens
    # the call). Warm words right after the signing are still the visit (stop 63, dev play 68a's thanks; stop 66, 56a's
    # favour asked and old memory told)
    s = _follow_up_signed()
    s.play("d", Recognition("praise", 0.9, acts=("praise",)))
    s.play("e", Recognition("praise", 0.9, acts=("praise",)))
    assert s.state == "date_agreed"
    s.play("f", Recognition("polite_exit", 0.9, acts=("polite_exit",)))
    assert s.state == "date_agreed"
    s.play("g", Recognition("praise", 0.9, acts=("praise",)))
    assert s.state == "unconfirmed"
    s = _follow_up_signed()
    s.play("d", Recognition("praise", 0.9, acts=("praise",)))
    s.play("e", Recognition("courtesy", 0.9, acts=("courtesy",)))
    assert s.state == "unconfirmed"


def test_a_word_of_thanks_right_after_the_signing_closes_the_first_visit_and_the_call_still_confirms():
    # stop 63 (dev play follow-up 68a): 好,多谢孙老板。新单的事,等这笔清了我们再慢慢喝茶谈 after he signed was taken as
    # the call the day before and the date "forgotten" (74, partial); the call that follows it confirms (90, paid in full)
    s = _follow_up_signed()
    s.play("多谢孙老板,新单的事以后再谈", Recognition("state_purpose", 0.9, acts=("state_purpose",)))
    assert s.state == "date_agreed" and not s.visited("unconfirmed")
    s.play("喂,孙老板,明天就是约好的日子", Recognition("confirm_day_before", 0.9, acts=("confirm_day_before",)))
    assert s.state == "confirmed"
    # a threat right after the signing is no word of thanks: he pays another supplier first
    s = _follow_up_signed()
    s.play("不按时给,我们就起诉", Recognition("legal_warning", 0.9, acts=("legal_warning",)))
    assert s.state == "unconfirmed"


def test_a_signing_move_that_lays_out_the_whole_plan_closes_the_deal_with_the_goods_taken_back():
    # stop 42 (dev play genuinely-broke 44a2): goods to be taken back agreed, then one move asks her to sign a plan of
    # dated instalments for the whole 26万 (11月30日前先付5万,之后每月各付7万,26万2月底前还清,退回的货款从最后几期里扣) —
    # the plan is the balance checked, so she signs (stock_returned); before, she wanted the balance checked first
    sc, p = resolve_scenario("genuinely-broke")  # 260,000 owed, the talk on 2026-11-02
    s = Session(sc, p, seed=1)
    s.play_tactic("courtesy")
    s.play_tactic("probe_reason")
    s.play("a", Recognition("help_customer_sell", 0.9, acts=("help_customer_sell",), amounts=(150_000,)))
    s.play("b", Recognition("help_customer_sell", 0.9, acts=("help_customer_sell", "take_back_stock", "valuable_concession"),
                            concession=True))
    assert s.state == "agreeing"
    s.play("c", Recognition("written_commitment", 0.9,
                            acts=("written_commitment", "direct_ask", "installment_plan", "take_back_stock"),
                            amounts=(50_000, 70_000, 260_000), dates=("2026-11-30", "2026-12-31", "2027-01-31", "2027-02-28"),
                            pay_dates=("2026-11-30", "2026-12-31", "2027-01-31", "2027-02-28")))
    assert s.state == "stock_returned" and s.outcome is not None and s.outcome.recovered_ratio == 1.0



def test_a_signing_move_whose_instalments_make_the_whole_debt_is_signed_when_cornered():
    # stop 42 (dev play malicious-delay 44a3): 就按刚才那三笔写:20万11月4日、16万11月16日、10万11月30日,你签字盖章 — its
    # largest part is 43% of the debt (offer), but it asks for all of it (ask_total): cornered, he signs
    sc, p = resolve_scenario("malicious-delay")  # 460,000 owed, the talk on 2026-11-02
    s = Session(sc, p, seed=1)
    for acts in (("rebut_excuse", "legal_warning"), ("rebut_excuse", "feigned_indifference"),
                 ("conditional_concession", "legal_warning", "stop_supply")):
        s.play("x", Recognition(acts[0], 0.9, acts=acts))
    assert s.state == "cornered"
    s.play("y", Recognition("written_commitment", 0.9, acts=("written_commitment", "installment_plan"),
                            amounts=(200_000, 160_000, 100_000), dates=("2026-11-04", "2026-11-16", "2026-11-30"),
                            pay_dates=("2026-11-04", "2026-11-16", "2026-11-30")))
    assert s.state == "promised" and s.outcome is not None and s.outcome.recovered_ratio == 1.0


def test_every_signing_gate_on_the_offer_also_takes_a_plan_whose_parts_make_it():
    # stop 42 (dev play malicious-delay 44a3): a signing move of instalments (20万、16万、10万 of 46万) names no part of half
    # the debt; a gate that asks for offer >= X must also take ask_total >= X, or the fullest plan is refused
    gaps = []
    for f in sorted((Path(__file__).resolve().parents[2] / "personas").glob("*.yaml")):
        for r in yaml.safe_load(f.read_text(encoding="utf-8")).get("reactions", []):
            on = r.get("on", r.get(True))
            on = on if isinstance(on, list) else [on]
            when = str(r.get("when", ""))
            if "offer <" in when:  # a band of offers (喊高取中's middle), not a gate
                continue
            for x in re.findall(r"(?<!not \()offer >= ([\d.]+)", when):
                if "written_commitment" in on and f"ask_total >= {x}" not in when:
                    gaps.append(f"{f.name}: {when}")
    assert gaps == []


def _fake_broke_signed(*moves: Recognition) -> list[tuple[int, str]]:
    """The 回收计划表 of fake-broke (380,000 owed, talk on 2026-11-02) when he signs after ``moves``: one promise, due
    in seven days unless the trainee named a day."""
    sc, p = resolve_scenario("fake-broke")
    s = Session(sc, p, seed=1)
    for m in moves:
        s._note_figures(m)
    ending = p.states["promised"].ending
    assert ending is not None and ending.paid == 0
    s._finish(ending)
    assert s.outcome is not None
    return [(i["amount"], i["due_date"]) for i in s.outcome.plan]


def test_a_promise_to_pay_today_is_due_today():
    # stop 42's item 4 (tmux, fake-broke): 今天11月2日下班前把38万转过来 — named_days dropped day 0, so the plan said
    # the persona's seven days (11-09)
    today = Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(380_000,), dates=("2026-11-02",),
                        pay_dates=("2026-11-02",), pays_today=True)
    assert _fake_broke_signed(today) == [(380_000, "2026-11-02")]
    # today said only as the day of the talk, with money in the clause (今天就为那38万来的): no date of his promise
    visit = replace(today, pays_today=False)
    assert _fake_broke_signed(visit) == [(380_000, "2026-11-09")]
    # a day named after today for the same ask stands (今天先付一部分 … 那就这周五前全部付清)
    friday = Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(380_000,), dates=("2026-11-06",),
                         pay_dates=("2026-11-06",))
    assert _fake_broke_signed(friday, today) == [(380_000, "2026-11-06")]


def test_a_plan_whose_first_part_is_due_today_is_signed_part_by_part():
    # dev play fake-broke 44a3: 还款承诺书:20万元11月2日、10万元11月9日、8万元11月20日 — he pays nothing on the spot, so the
    # part asked for today is a promise too: the plan is the trainee's three parts, not 38万 on the 9th
    plan = Recognition("written_commitment", 0.9, acts=("written_commitment", "installment_plan"),
                       amounts=(200_000, 100_000, 80_000), dates=("2026-11-02", "2026-11-09", "2026-11-20"),
                       pay_dates=("2026-11-02", "2026-11-09", "2026-11-20"), pays_today=True)
    assert _fake_broke_signed(plan) == [(200_000, "2026-11-02"), (100_000, "2026-11-09"), (80_000, "2026-11-20")]


def test_an_ask_below_his_offer_with_one_date_is_one_payment_on_that_date():
    # dev play triangular-debt 36b: 别"尽量"了,咱就定死:11月6号,10万,对公转账 — he signs his own four-part plan cut down to
    # the trainee's 10万; the 回收计划表 showed four parts of 2.5万 over four months instead of 10万 on the 6th
    sc, p = resolve_scenario("triangular-debt")
    s = Session(sc, p, seed=1)
    s._note_figures(Recognition("written_commitment", 0.9, acts=("written_commitment",), amounts=(100_000,),
                                dates=("2026-11-06",), pay_dates=("2026-11-06",)))
    ending = p.states["own_plan"].ending
    assert ending is not None and len(ending.plan) == 4
    s._finish(ending)
    assert s.outcome is not None
    assert [(i["amount"], i["due_date"], i["note"]) for i in s.outcome.plan] == [(100_000, "2026-11-06", "承诺付款")]
    # an ask of his whole offer or more keeps his instalments (the first on the trainee's date)
    s = Session(sc, p, seed=1)
    s._note_figures(Recognition("written_commitment", 0.9, acts=("written_commitment",), amounts=(420_000,),
                                dates=("2026-11-06",), pay_dates=("2026-11-06",)))
    s._finish(ending)
    assert s.outcome is not None and len(s.outcome.plan) == 4


def test_a_whole_plan_named_after_he_agreed_is_kept_for_the_signature():
    # dev play triangular-debt 35a (stop 49): agreed on face-for-substance, then a conditional two-instalment plan for
    # the whole 42万 — answered "这事先搁着" and signed as 喊高取中's middle (70%); the plan he heard is now what he signs
    sc, p = resolve_scenario("triangular-debt")
    s = Session(sc, p, seed=1)
    for m in (Recognition("courtesy", 0.9, acts=("courtesy", "verify_balance", "listen")),
              Recognition("rebut_excuse", 0.9, acts=("rebut_excuse", "find_decision_maker", "probe_reason")),
              Recognition("face_for_substance", 0.9, acts=("face_for_substance",)),
              Recognition("deadline_pressure", 0.9, acts=("deadline_pressure", "ask_high_settle_middle"),
                          amounts=(420_000,), dates=("2026-11-06",))):
        s.play("x", m)
    assert s.state == "agreeing"
    turn = s.play("x", Recognition("conditional_concession", 0.9, acts=("conditional_concession", "installment_plan"),
                                   amounts=(200_000, 220_000), dates=("2026-11-06", "2026-11-30"),
                                   conditional=True, concession=True))
    assert turn is not None and turn.state == "agreeing" and "搁着" not in turn.reply
    s.play("x", Recognition("written_commitment", 0.9, acts=("written_commitment",), amounts=(220_000,)))
    assert s.outcome is not None and s.outcome.recovered_ratio == 1.0


def test_a_reply_echoes_the_first_instalment_with_its_own_day():
    # 11月6日前20万, 11月30日前22万: the reply said "22万,11月6日前到" (the last amount with the first day)
    sc, p = resolve_scenario("triangular-debt")
    s = Session(sc, p, seed=1)
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(200_000, 220_000),
                            dates=("2026-11-06", "2026-11-30")))
    assert (s.values["said_amount"], s.values["said_date"]) == ("20万", "11月6日")
    # one amount with a first day and a last one (明天先付5万,剩下的月底): the amount goes with the first day, as before
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(50_000,),
                            dates=("2026-11-03", "2026-11-30")))
    assert (s.values["said_amount"], s.values["said_date"]) == ("5万", "11月3日")


def test_an_echo_of_instalments_leaves_out_the_total_and_the_fee():
    # the same pairing as the 回收计划表 (Session._instalments): a total named with its parts was echoed as the last
    # part with the first day (28.8万, 11月20日), and so was a fee said beside two dated parts
    sc, p = resolve_scenario("quality-dispute")  # owed 64万, talk on 2026-11-09
    s = Session(sc, p, seed=1)
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(588_000, 300_000, 288_000),
                            dates=("2026-11-20", "2026-11-30")))
    assert (s.values["said_amount"], s.values["said_date"]) == ("30万", "11月20日")
    assert s.plan_parts == ((300_000, 11), (288_000, 21))
    s2 = Session(sc, p, seed=1)
    s2.play("x", Recognition("conditional_concession", 0.9, acts=("conditional_concession", "installment_plan"),
                             amounts=(68_000, 200_000, 180_000), dates=("2026-11-20", "2026-11-30"),
                             fees=(68_000,), conditional=True, concession=True))
    assert (s2.values["said_amount"], s2.values["said_date"]) == ("20万", "11月20日")
    # a part paid today and the rest later: the rest and its day (a reply's "剩下的{said_date}"), as before
    s3 = Session(sc, p, seed=1)
    s3.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(300_000, 340_000),
                             dates=("2026-11-09", "2026-11-30"), pays_today=True))
    assert (s3.values["said_amount"], s3.values["said_date"]) == ("34万", "11月30日")
    # a "today" heard in 付清当天 beside two dated parts leaves a day over: the parts still pair off (only days to come)
    s4 = Session(sc, p, seed=1)
    s4.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(300_000, 340_000),
                             dates=("2026-11-20", "2026-11-30", "2026-11-09")))
    assert (s4.values["said_amount"], s4.values["said_date"]) == ("30万", "11月20日")


def test_a_rebuttal_with_his_signed_papers_on_the_table_exposes_the_malicious_debtor():
    # stop 50 (dev play malicious-delay 40a3, its verify_balance left out by --drop-side-act): 送货单、验收单都是您亲手签的,
    # 一共46万 answered his boasting with the papers, and he still asked "账你对过吗?单子呢?"
    sc, p = resolve_scenario("malicious-delay")
    s = Session(sc, p, seed=1)
    s.play("x", Recognition("praise", 0.9, acts=("praise",)))
    assert s.state == "bragging"
    bare = Session(sc, p, seed=1)
    bare.play("x", Recognition("praise", 0.9, acts=("praise",)))
    bare.play("x", Recognition("rebut_excuse", 0.9, acts=("rebut_excuse",), amounts=(460_000,)))
    assert bare.state == "bragging"  # a rebuttal with nothing on the table is still "空口无凭"
    turn = s.play("x", Recognition("rebut_excuse", 0.9, acts=("rebut_excuse",), amounts=(460_000,), papers=True))
    assert turn is not None and turn.state == "exposed" and s.meter("checked") == 1


def test_a_conditional_offer_after_pressure_settles_the_exposed_malicious_debtor():
    # stop 50 (dev play malicious-delay 6b, its probe_reason left out): the law and his name were raised before he
    # showed his hand; once exposed, 只要11月13号前付清46万,违约金全免 was answered as a concession made under no pressure
    sc, p = resolve_scenario("malicious-delay")  # owed 46万, talk on 2026-11-02

    def exposed(first: Recognition | None) -> Session:
        s = Session(sc, p, seed=1)
        s.play("x", Recognition("praise", 0.9, acts=("praise",)))
        if first is not None:
            s.play("x", first)
        s.play("x", Recognition("rebut_excuse", 0.9, acts=("rebut_excuse",), papers=True))
        assert s.state == "exposed"
        return s

    offer = Recognition("conditional_concession", 0.9, acts=("conditional_concession",), amounts=(460_000,),
                        dates=("2026-11-13",), conditional=True, concession=True)
    s = exposed(Recognition("legal_warning", 0.9, acts=("red_white_face", "legal_warning")))
    turn = s.play("x", offer)
    assert turn is not None and turn.state == "agreeing"
    # with no pressure before it, the same offer is still a concession he takes as a starting point
    s2 = exposed(None)
    turn = s2.play("x", offer)
    assert turn is not None and turn.state == "exposed"


def test_an_act_with_no_reaction_of_its_own_in_a_state_is_still_answered_in_its_own_terms():
    # stop 50: the group fallbacks answered an apology as flattery (supermarket: 你嘴真甜 23 times in dev play), a
    # well-timed visit and an open question with "这个跟我们财务对去" (project-milestone), and his name raised with
    # "叫你们经理来也行" (fake-broke) — each act now has a fallback of its own, before its group's
    for scenario, state, act in (("supermarket-chain", "cleared", "apologize"), ("project-milestone", "boss", "timing"),
                                 ("project-milestone", "site_office", "probe_reason"),
                                 ("fake-broke", "crying_poor", "reputation")):
        sc, p = resolve_scenario(scenario)
        s = Session(sc, p, seed=1)
        s.machine.set_state(state, model=s.model)
        turn = s.play(act)
        assert turn is not None and turn.reaction is not None
        assert act in p.reactions[turn.reaction].on, (scenario, state, act, p.reactions[turn.reaction].on)


def test_terms_laid_out_part_by_part_are_an_ask_however_the_move_is_heard():
    # stop 51 (dev play round 58, quality-dispute 58a): 这58.8万,11月20日付30万,11月30日付28.8万 was heard as a balance
    # check and a reminder of the due date — no asking act — so the plan was dropped and he signed the persona's single
    # payment. Parts each with its own day are the trainee's terms whatever the act
    laid_out = Recognition("verify_balance", 0.9, acts=("verify_balance", "remind_due_date"),
                           amounts=(380_000, 200_000, 180_000), dates=("2026-11-06", "2026-11-20"),
                           pay_dates=("2026-11-06", "2026-11-20"))
    assert _fake_broke_signed(laid_out) == [(200_000, "2026-11-06"), (180_000, "2026-11-20")]
    # a reminder with one date and no parts is still no ask (合同约定的付款日是10月30日)
    reminder = Recognition("remind_due_date", 0.9, acts=("remind_due_date",), amounts=(380_000,), dates=("2026-11-20",),
                           pay_dates=("2026-11-20",))
    assert _fake_broke_signed(reminder) == [(380_000, "2026-11-09")]


def test_terms_laid_out_part_by_part_may_start_today():
    # stop 52 (the gate of stop 51 read its days after today, the plan its days from today): 这38万,今天先付20万,11月20日
    # 付18万 heard with no asking act left one day for two parts, so the plan was dropped and he signed the persona's
    # single payment. A part paid today is a part of the terms
    today_first = Recognition("verify_balance", 0.9, acts=("verify_balance", "remind_due_date"),
                              amounts=(380_000, 200_000, 180_000), dates=("2026-11-02", "2026-11-20"),
                              pay_dates=("2026-11-02", "2026-11-20"), pays_today=True)
    assert _fake_broke_signed(today_first) == [(200_000, "2026-11-02"), (180_000, "2026-11-20")]
    # the same terms said with an ask were always the plan
    asked = replace(today_first, tactic="direct_ask", acts=("direct_ask",))
    assert _fake_broke_signed(asked) == [(200_000, "2026-11-02"), (180_000, "2026-11-20")]


def test_the_quality_dispute_signs_the_rest_after_the_bad_batch_to_the_yuan():
    # stop 53, found in the TUI: the trainee wrote down 剩下58.8万 (64万 less the 5.2万 batch) and the signed ending read
    # 其余58.88万 — the persona's share rounded to 0.92 of the debt
    moves = ["方总,先不谈钱,您把这几批漆到底出了什么问题跟我说说。",
             "留样复检了,九月0915那批5.2万的货配比确实有偏差,是我们的错,我先给您赔个不是。",
             "其余五批留样都正常,您出口验货也都过了,这58.8万还是得按合同结。",
             "0915那批5.2万我们折价,前提是剩下的58.8万这个月25号前对公转账付清,您看行不行?",
             "那就写下来:0915那批5.2万折价,剩下58.8万11月25号前付清,您在还款确认书上签字盖章。"]
    o, rows = _played("quality-dispute", moves)
    assert o.state == "settled" and o.promised == 640_000 - 52_000
    assert "其余58.8万" in o.summary and rows == [(588_000, "2026-11-25")]


BAD_DEBT_SET_OFF = ["钱老板,今天就办三件事:对账、拉回我们的货、定剩下的钱。",
                    "账是52万,送货单都在这儿。合同写着货款付清前货物归我们,库里我们那二十多万的货,今天点数拉回去冲账。",
                    "点完了,一共214000元,交接单您签字。52万扣掉21.4万,还剩306000元,后天12月2号打到我们对公账户。",
                    "只要2号306000元到账,违约金我做主免了;到不了,法务的保全申请就递上去。还款确认书金额日期都写好了,您签字盖章。"]


def test_goods_counted_and_set_off_against_the_debt_carry_the_trainees_count():
    # stop 53, dev play bad-debt-signs 23a: the count was said in a move with no word of the goods (点完了,是216000元 …
    # 52万扣掉21.6万,还剩304000元) and the plan carried the persona's 21.84万 and a rest of 30.16万 never named
    o, rows = _played("bad-debt-signs", BAD_DEBT_SET_OFF)  # 520,000 owed, the talk on 2026-11-30
    assert o.state == "stock_pledged"
    assert rows == [(214_000, "2026-11-30"), (306_000, "2026-12-02")]
    assert (o.paid, o.promised, o.recovered_ratio) == (214_000, 306_000, 1.0)


def _played_line(dev_play_moves, scenario: str, name: str) -> tuple[Outcome, list[tuple[int, str]]]:
    return _played(scenario, dev_play_moves(scenario, name))


def test_a_rest_broken_down_after_a_first_part_signs_as_the_trainee_laid_it_out(dev_play_moves):
    # stop 54, dev play genuinely-broke u: 十一月三十号前您先付八万;剩下的十八万,十二月十五号付八万,十二月三十一号付十万 —
    # four amounts (the rest's total among them) would not pair with three days, and he signed the persona's three shares
    o, rows = _played_line(dev_play_moves, "genuinely-broke", "course-right-u")  # 260,000 owed, the talk on 2026-11-02
    assert o.state == "full_plan"
    assert rows == [(80_000, "2026-11-30"), (80_000, "2026-12-15"), (100_000, "2026-12-31")]


def test_a_plan_for_the_whole_deal_that_starts_today_is_paid_as_laid_out(dev_play_moves):
    # stop 54, dev play genuinely-broke 55a: 今天先转3万;11月30号转5万,12月31号转8万,明年1月29号把最后10万结清 — he agreed
    # to it and paid the persona's 2.6万 now, and the later parts (23万 against the 23.4万 left) were not the trainee's
    o, rows = _played_line(dev_play_moves, "genuinely-broke", "course-right-55a")
    assert o.state == "sale_plan"
    assert rows == [(30_000, "2026-11-02"), (50_000, "2026-11-30"), (80_000, "2026-12-31"), (100_000, "2027-01-29")]
    assert (o.paid, o.promised, o.recovered_ratio) == (30_000, 230_000, 1.0)


def test_a_debtor_who_pays_it_all_now_is_not_held_to_the_trainees_instalments(dev_play_moves):
    # … but the persona's ending that pays the whole debt on the spot (今天30万,一周内16万 asked) still pays it all now
    # (stop 62: with the line models that learn r28a-r45b, 56b's talk agrees sooner and signs the trainee's parts; 66a
    # lays out the same parts — 今天付300000元,剩下160000元11月9日前付清 — and he pays it all)
    o, rows = _played_line(dev_play_moves, "malicious-delay", "course-right-66a")  # 460,000 owed
    assert o.state == "paid_full" and rows == [(460_000, "2026-11-02")]


def test_parts_named_without_days_take_the_days_the_trainee_named_before(dev_play_moves):
    # stop 54, dev play genuinely-broke 7c: 那就按10万、8万、8万三个日子写 — the days (11月30号 in one move, 12月15号 and
    # 12月31号 in the next) were named before the signing move, which named the parts alone; he pays the persona's 2.6万 now
    o, rows = _played_line(dev_play_moves, "genuinely-broke", "course-right-7c")
    assert o.state == "sale_plan"
    assert rows == [(26_000, "2026-11-02"), (74_000, "2026-11-30"), (80_000, "2026-12-15"), (80_000, "2026-12-31")]


def test_a_part_with_its_day_and_the_rest_on_its_own_term_is_an_ask(dev_play_moves):
    # stop 54, dev play project-milestone 65a: 11月20日前支付882000元;余款378000元按合同在主体验收后六十日内付清 was heard as
    # a reminder of the due date and dropped, so the signing that followed named one payment and he would not sign (0).
    # The day is the part's: paid on the spot, the rest keeps its own term (主体验收后六十日), not the 20th
    o, rows = _played_line(dev_play_moves, "project-milestone", "course-right-65a")  # 1,260,000 owed, talk on 2026-11-10
    assert o.state == "paid_part"
    assert rows == [(882_000, "2026-11-10"), (378_000, "2027-01-09")]


def test_a_part_asked_before_the_rest_is_laid_out_is_the_plans_first(dev_play_moves):
    # stop 54, dev play genuinely-broke 62c6: 哪怕3万元也好(today) … 剩余23万分三期:11月25日5万、12月25日8万、1月25日10万 …
    # 只要今天这3万元到账 … 欠款26万元,今天已付3万元,剩余23万元分三期: the 3万 said again dropped the plan, and the signing
    # move that names the whole, the part and the rest dropped it too
    o, rows = _played_line(dev_play_moves, "genuinely-broke", "course-right-62c6")
    assert o.state == "sale_plan"
    assert rows == [(30_000, "2026-11-02"), (50_000, "2026-11-25"), (80_000, "2026-12-25"), (100_000, "2027-01-25")]



#: dev play round 82d, genuinely-broke (260,000 owed, the talk on 2026-11-02): a part today, the rest left to be laid out
PART_TODAY_REST_OPEN = (
    "刘姐,上午好,今天就为咱那26万元货款来的,咱唠明白了、定下来,别的都好说。",
    "我听说撤了两条配送线,火锅店客户也关门了,是不是资金上遇着难处了?你跟我说实话,我好帮你想办法。",
    "你说等缓过来再说?刘姐,等是等不来的。仓库里咱那15万元的货,我帮你联系团餐客户走货,卖出一笔就回一笔款,咋样?",
    "今天先能付多少?哪怕3万元也是个态度,剩下的咱按月排开,写进协议。",
)


def test_a_part_asked_today_with_the_rest_left_open_is_what_he_pays_now():
    # stop 70: he agreed and paid the persona's 一成 (2.6万) on the spot; the 3万 asked is paid, the 4千 more comes off his
    # first later instalment and the deal stays the whole debt
    s = _talk("genuinely-broke", PART_TODAY_REST_OPEN)
    o = s.outcome
    assert o is not None and o.state == "sale_plan"
    assert [(x["amount"], x["due_days"]) for x in o.plan] == [(30_000, 0), (74_000, 15), (65_000, 45), (91_000, 75)]
    assert (o.paid, o.promised, o.recovered_ratio) == (30_000, 230_000, 1.0)
    assert "当场先转了3万" in o.summary


def test_a_part_asked_today_is_forgotten_once_the_whole_is_asked_on_one_day():
    # … but asked again as the whole by a day (那就月底前一次付清26万), the 3万 is no part of the plan any more
    s = _talk("genuinely-broke", (*PART_TODAY_REST_OPEN[:3], "今天先付3万元,剩下的咱按月排开。",
                                  "那就11月30日前一次付清26万元,咱写进协议。"))
    assert s.asked_today == 30_000 and 30_000 not in s.whole_parts


def test_a_part_by_its_day_then_the_rest_on_another_term_is_the_plan(dev_play_moves):
    # stop 65, dev play triangular-debt 37b1: 10万太少。15万,11月6号到账 … 剩下27万,我建议签个三方委托付款 … 直接付我们
    # 27万: the rest named twice in one move was counted twice, the part was dropped and the plan carried two halves of
    # 27万 (61 points); the part stands on its day and the rest on his term, the whole debt
    o, rows = _played_line(dev_play_moves, "triangular-debt", "course-right-37b1")
    assert o.state == "plan_signed" and o.recovered_ratio == 1.0
    assert rows == [(150_000, "2026-11-06"), (270_000, "2027-01-01")]


def test_a_rest_named_after_a_part_heard_as_no_ask_still_asks_for_the_whole(dev_play_moves):
    # stop 61: the part named in a move heard as checking the balance (其中40万元这一块双方的数是对得上的), then the rest on
    # its own (剩下的104400元…2027年1月10日付清): the rest was a new, smaller ask and the signed deal shrank to 104,400
    # (20% recovered, paid_full at 18 points under another hearing of dev play supermarket-chain 44a3)
    moves = dev_play_moves("supermarket-chain", "course-right-44a3")  # 520,000 owed
    moves[5] = "条码费和促销费那几项先放一边,其中40万元这一块双方的数是对得上的。"
    moves[7] = "返利冲抵、40万元、104400元,这几笔都清楚了。"
    o, rows = _played("supermarket-chain", moves)
    assert o.state == "paid_full"
    assert rows == [(520_000, "2026-11-24")]


def test_a_whole_plan_laid_out_after_a_quarrel_maps_the_chain_even_before_it_was_talked_through():
    # stop 65, dev play triangular-debt 38a3: the contract's fee cited at once (heard 法, 翻脸), then the whole plan laid
    # out — he stayed 翻脸 to the end, his signature answered with "要盖章的拿来" and nothing more. A plan with its amounts
    # and days moves the talk on; the id alone (no amount, no day) does not
    sc, p = resolve_scenario("triangular-debt")  # 420,000 owed, talk on 2026-11-02
    plan = Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(120_000, 300_000),
                       dates=("2026-11-13", "2026-12-15"), pay_dates=("2026-11-13", "2026-12-15"))
    s = Session(sc, p, seed=1)
    s.play_tactic("verify_balance")
    s.play_tactic("legal_warning")
    assert s.state == "defensive"
    s.play("x", plan)
    assert s.state == "chain_mapped"
    s = Session(sc, p, seed=1)
    s.play_tactic("verify_balance")
    s.play_tactic("legal_warning")
    s.play_tactic("installment_plan")
    assert s.state == "defensive"


# dev play round 76c (tests/data/dev_play_unseen, malicious-delay): the plan laid out part by part before the pressure
# told (in 图穷匕见, where an offer without 法 used moves nothing), then the legal warning, then 还款计划上写明金额和日期,请你
# 签字 with no figure in it — the signature was laughed off and the talk never closed (0)
PLAN_BEFORE_THE_PRESSURE = (
    "马老板,你好,我今天来是为46万元货款,合同六十天付款,现在逾期95天了。",
    "你讲货有质量问题所以压着,可四张送货单、验收单都是你本人签的字,合同写明七天内书面提异议,到今天一份都没有。",
    "你讲手头紧,可同行都晓得你刚在城东开了新仓库,上个月还提了新车,这说明资金周转是有的,弗是付弗起的问题。",
    "从今天起,新货等这笔款到账再发,这是公司的决定。",
    "我理解一下子拿46万元出来你要排一排:今天先付26万元,11月9日前付20万元。",
    "只要两笔按时到,逾期违约金我去申请免掉;拖了就按合同万分之五照算,必要时只好走法律程序。",
    "你是五金商会理事,讲信用的名声比这笔钱值钱,还款计划上写明金额和日期,请你签字、盖章。",
)


def test_a_plan_laid_out_before_the_pressure_is_signed_as_it_stands():
    o, rows = _played("malicious-delay", PLAN_BEFORE_THE_PRESSURE)  # 460,000 owed, the talk on 2026-11-02
    assert o.state == "promised"
    assert rows == [(260_000, "2026-11-02"), (200_000, "2026-11-09")]


def test_a_signature_asked_after_no_plan_is_still_laughed_off():
    # the same talk with the plan never laid out: a sum asked at the start is no plan to sign
    s = _talk("malicious-delay", [m for m in PLAN_BEFORE_THE_PRESSURE if "先付26万元" not in m])
    assert s.state != "promised"


def test_warm_words_after_the_signing_keep_the_first_visit_going(dev_play_moves):
    # dev play follow-up 56a: signed, then 你就当帮老弟一把 and an old memory (八年前…这话我一直记着) — the second was taken
    # as the day-before call with no confirmation, the date "forgotten", and the talk never closed (0). Warm words keep
    # the visit going until a goodbye; a greeting or a move of another kind then is the call (tests/plans/follow-up 半对)
    s = _talk("follow-up", dev_play_moves("follow-up", "course-right-56a"))
    assert [t.state for t in s.turns][5:9] == ["date_agreed", "date_agreed", "date_agreed", "confirmed"]
    assert not s.visited("unconfirmed") and s.state == "paid_full"


def _part(amount: int, day: str, act: str = "direct_ask", rest: bool = False) -> Recognition:
    """One part asked on its own with one day, as short moves lay a plan out (11月30日付15万元)."""
    return Recognition(act, 0.9, acts=(act,), amounts=(amount,), dates=(day,), pay_dates=(day,), rest=rest)


def test_parts_asked_one_move_at_a_time_that_make_the_whole_are_the_plan():
    # stop 68, dev play round 81b (genuinely-broke): 分四期:11月15日先付5万元 / 11月30日付6万元 / 12月31日付7万元 /
    # 2027年1月29日付最后8万元 — each move asked one part, the deal shrank to the last (8万) and the 回收计划表 carried
    # the persona's shares; the parts on their days are the plan, the whole the ask
    s = fake_broke()  # 380,000 owed, the talk on 2026-11-02
    s.play("x", _part(100_000, "2026-11-06", "installment_plan"))
    s.play("y", _part(120_000, "2026-11-20"))
    assert s.plan_parts == () and s.named_amounts[-1] == 120_000
    s.play("z", _part(160_000, "2026-11-30"))
    assert s.named_amounts[-1] == 380_000
    assert s.plan_parts == ((100_000, 4), (120_000, 18), (160_000, 28))
    assert sorted(s.named_days) == [4, 18, 28]


def test_the_rest_named_after_parts_asked_one_move_at_a_time_closes_the_plan():
    # stop 68, dev play round 81b (triangular-debt): 11月13日先付15万元 / 11月30日付15万元 / 12月15日付清余下12万元 — the
    # rest was read after one part only (15万 + 12万 is not the whole) and the signed plan was 12万
    s = fake_broke()
    s.play("x", _part(150_000, "2026-11-06"))
    s.play("y", _part(150_000, "2026-11-20"))
    rest = _part(80_000, "2026-11-30", rest=True)
    assert s._ask(rest) == 380_000
    s.play("z", rest)
    assert s.named_amounts[-1] == 380_000
    assert s.plan_parts == ((150_000, 4), (150_000, 18), (80_000, 28))


def test_parts_that_make_a_total_named_before_them_are_its_plan():
    # stop 68, dev play round 81b (quality-dispute, 64万 owed): 五批货款合共58.8万元 (after the 5.2万 batch set off), then
    # 11月20日前付30万元 and 11月30日前付28.8万元 — the deal shrank to 28.8万
    sc, p = resolve_scenario("quality-dispute")  # the talk on 2026-11-09
    s = Session(sc, p, seed=1)
    s.play("w", Recognition("verify_balance", 0.9, acts=("verify_balance", "direct_ask"), amounts=(588_000,)))
    s.play("x", _part(300_000, "2026-11-20"))
    s.play("y", _part(288_000, "2026-11-30"))
    assert s.named_amounts[-1] == 588_000
    assert s.plan_parts == ((300_000, 11), (288_000, 21))


def test_parts_that_make_no_total_stay_asks_of_their_own():
    # the same ask said again with a later day moves its day (这周五前二十万 … 最晚二十号,二十万), as before; parts that add
    # up to nothing named are each the ask of the moment
    s = fake_broke()
    s.play("x", _part(190_000, "2026-11-06"))
    s.play("y", _part(190_000, "2026-11-20"))  # the two make the whole, but it is one ask moved: no rest was named
    assert (s.named_amounts[-1], s.plan_parts, s.named_days) == (190_000, (), [18])
    s = fake_broke()
    s.play("x", _part(100_000, "2026-11-06"))
    s.play("y", _part(50_000, "2026-11-20"))
    assert (s.named_amounts[-1], s.plan_parts) == (50_000, ())
    # parts that make the whole said out of date order are the whole asked, but no plan of days
    s = fake_broke()
    s.play("x", _part(200_000, "2026-11-20"))
    s.play("y", _part(180_000, "2026-11-06"))
    assert (s.named_amounts[-1], s.plan_parts) == (380_000, ())


def test_the_rest_named_on_its_term_after_a_part_asked_is_an_ask_of_the_whole_however_heard():
    # stop 68, dev play round 80d (project-milestone, 126万 owed): 11月20号前付88.2万中不? … 余款37.8万按主体验收结 — heard
    # as a rebuttal, the rest was dropped: the boss agreed to the whole plan and signed the node payment alone (70%)
    sc, p = resolve_scenario("project-milestone")  # the talk on 2026-11-10
    s = Session(sc, p, seed=1)
    s.play("x", _part(882_000, "2026-11-20"))
    s.play("y", Recognition("rebut_excuse", 0.9, acts=("rebut_excuse",), amounts=(378_000,), rest=True))
    assert s.named_amounts[-1] == 1_260_000
    # a figure said as the rest with no part asked before it is no ask (剩下的37.8万还没到期 checks the balance)
    s = Session(sc, p, seed=1)
    s.play("y", Recognition("rebut_excuse", 0.9, acts=("rebut_excuse",), amounts=(378_000,), rest=True))
    assert s.named_amounts == []


def test_credit_terms_and_the_default_clause_together_keep_a_broke_debtors_plan():
    # stop 69 (dev play genuinely-broke 82c): the plan agreed, the late fee waived on the condition of paying on time,
    # the trainee puts both terms into the agreement in one breath — new goods paid on delivery meanwhile, the fee back
    # if an instalment is missed. That is the conditional concession's other half and a credit limit, not a threat:
    # she stays agreeing. The same two said before any plan still frighten her
    sc, p = resolve_scenario("genuinely-broke")
    both = Recognition("stop_supply", 0.9, acts=("stop_supply", "legal_warning"))
    s = Session(sc, p, seed=1)
    for m in ("courtesy", "probe_reason", "listen", "help_customer_sell", "conditional_concession"):
        s.play(m)
    s.play("x", Recognition("installment_plan", 0.9, acts=("installment_plan",), amounts=(60_000, 100_000, 100_000),
                            dates=(_plus(sc.case.date, 8), _plus(sc.case.date, 28), _plus(sc.case.date, 59))))
    assert s.state == "agreeing"
    s.play("x", both)
    assert s.state == "agreeing"
    s = Session(sc, p, seed=1)
    for m in ("courtesy", "probe_reason", "listen", "help_customer_sell"):
        s.play(m)
    s.play("x", both)
    assert s.state == "defensive"


def test_the_rest_laid_out_after_a_part_is_answered_as_the_plans_second_part():
    # stop 70, dev play round 80d (follow-up): 11月12号付10万中不? … 余下8万11月19号结清 — the rest (a whole plan with
    # the part before it) fell to the persona's fallback for 利 and he answered 让利啊?那我得算算账
    sc, p = resolve_scenario("follow-up")  # 180,000 owed, the talk on 2026-11-02
    s = Session(sc, p, seed=1)
    s.play("x", Recognition("direct_ask", 0.9, acts=("direct_ask",), amounts=(180_000,)))
    s.play("verify_balance")
    s.play("y", Recognition("direct_ask", 0.9, acts=("direct_ask", "remind_due_date")))
    assert s.state == "dated"
    s.play("z", _part(100_000, "2026-11-12", "installment_plan"))
    s.play("余下8万11月19号结清", _part(80_000, "2026-11-19", "installment_plan", rest=True))
    t = s.turns[-1]
    assert s.state == "dated" and "余款" in t.note, (t.reply, t.note)
    assert "让利" not in t.reply and "11月19日" in t.reply or "两笔" in t.reply


def test_the_boss_takes_a_part_asked_and_asks_how_the_rest_goes():
    # stop 70, dev play round 81b (project-milestone): before him, 11月20日前付88.2万元 drew 你们希望怎么付? and the signing
    # move that followed (唔该写明金额日期,签字盖章: no figure of its own) 先把事谈清楚再签 — the trainee never learned
    # that the plan lacked the rest; the boss takes the part and asks for the rest's node and day, both times
    sc, p = resolve_scenario("project-milestone")  # 1,260,000 owed, the talk on 2026-11-10
    s = Session(sc, p, seed=1)
    for m in ("direct_ask", "apologize", "timing", "find_decision_maker"):  # the papers mended, the funds and the boss found
        s.play(m)
    assert s.state == "boss", [t.state for t in s.turns]
    s.play("x", _part(882_000, "2026-11-20"))
    assert s.state == "boss" and "余款" in s.turns[-1].note, s.turns[-1].reply
    s.play("唔该写明金额日期,签字盖章", Recognition("written_commitment", 0.9, acts=("written_commitment",)))
    assert s.state == "boss" and "余款" in s.turns[-1].note, s.turns[-1].reply
