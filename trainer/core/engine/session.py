"""A Session: one trainee against one persona in one scenario, seeded and deterministic.

The session is the *model* of the persona's cached machine. It owns the meters, the turn
count, the moves so far and a ``random.Random(seed)`` — the only source of chance — so the
same scenario + moves + seed always gives the same transcript.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from functools import partial
from itertools import combinations, pairwise
from typing import Any

from trainer.core.content import catalogue
from trainer.core.content.models import (
    AutoRule,
    Ending,
    Installment,
    Persona,
    Reaction,
    Scenario,
    case_values,
    render,
    wan_text,
)
from trainer.core.engine.machine import (
    TIME_UP_TRIGGER,
    UNCLEAR,
    DebtorModel,
    auto_trigger,
    machine_for,
    reaction_trigger,
    reactions_for,
)
from trainer.core.language.recognition import Recognise, Recognition

#: difficulty presets: added to meter starts (in the meter's *bad* direction for hard),
#: and a multiplier on meter changes that hurt the trainee.
DIFFICULTY = {
    "easy": {"shift": -10, "harm": 0.75, "show_meters": True, "hints": True},
    "normal": {"shift": 0, "harm": 1.0, "show_meters": True, "hints": True},
    "hard": {"shift": 10, "harm": 1.25, "show_meters": False, "hints": False},
}


#: a move at least this close in wording (rapidfuzz ratio, 0-100) to an earlier move of the same act says it again
SAID_AGAIN = 60
#: how close an amount (or a sum of parts) must come to the debt to be the whole debt
WHOLE_SLACK = 0.01
#: how far the trainee's count of goods taken back may stand from the persona's value of them and still be that count
GOODS_COUNTED = 0.1
#: how far a rest named after a part may fall short of the whole debt and still mean it (十二三万 read at its low end)
REST_SLACK = 0.05


def _plain(move: str) -> str:
    """A move's words only: no punctuation, spaces or case (wording is compared on these)."""
    return "".join(ch for ch in move.lower() if ch.isalnum())


def says_again(earlier: str, move: str) -> bool:
    """``move`` says ``earlier`` again: the same words, or nearly (rapidfuzz ratio ≥ SAID_AGAIN on words only)."""
    a, b = _plain(earlier), _plain(move)
    if a == b:
        return True
    from rapidfuzz import fuzz  # deferred for start-up: games on tactic ids never compare wordings

    return bool(fuzz.ratio(a, b) >= SAID_AGAIN)


def owed_share(amount: int, owed: int) -> bool:
    """An amount that can be an ask: between 5% and 100% of the debt (not the freight, not a total above it)."""
    return owed * 0.05 <= amount <= owed


def _breakdown(amounts: list[int], i: int) -> int:
    """How many of the amounts right after ``amounts[i]`` are its breakdown — the most, two at least, that add up to it
    (剩下的十三万分两次:六万五、六万五) — or 0 when none do."""
    return next((k for k in range(len(amounts) - i - 1, 1, -1) if sum(amounts[i + 1:i + 1 + k]) == amounts[i]), 0)


def is_whole(amount: int, owed: int, slack: float = WHOLE_SLACK) -> bool:
    """``amount`` is the whole debt ``owed``, within ``slack`` of it (never, when the debt is not known)."""
    return owed > 0 and abs(amount - owed) <= owed * slack


#: a main act the debtor answers as another act heard beside it, the side acts after it:
ANSWERED_AS = {
    # his good name said in praise is praise — the course's 捧, 适当赞美、引导式赞美 (您在行业里口碑大家都知道, 同行都讲您
    # 最讲信用): the writers label 名 there, and a debtor does not hear 先兵后礼 in it. 名 as a lever (传出去对您不好, 失信
    # 名单) is answered as 名 whenever praise does not move him
    "reputation": "praise",
    # a suit held over him on a condition (这个月要是定不下来,我们就按合同起诉): the writers label 诉诸法律, and the
    # recogniser hears the warning beside it (recognise: a suit under a condition) — nothing is filed yet, so the debtor
    # answers the warning; the suit plays only where the warning does not move him and it takes him forward (dev play
    # round 81d: 先礼后兵 told lawfully ended "sued" at its last warning)
    "legal_action": "legal_warning",
}


def answer_order(acts: tuple[str, ...]) -> tuple[str, ...]:
    """The acts of one move in the order the debtor answers them: as heard (the main act first), except a main act
    heard beside the act it is answered as (``ANSWERED_AS``): that act first (the side acts are heard after the main
    one)."""
    first = ANSWERED_AS.get(acts[0]) if len(acts) > 1 else None
    if first is not None and first in acts:
        return (first, *(a for a in acts if a != first))
    return acts


#: the share of the debt an ending must hold (paid and committed) for a side act to lead there (``_ending_holds``)
HELD_ENDING = 0.5


@dataclass
class Turn:
    n: int
    move: str
    tactic: str | None
    confidence: float
    reply: str
    state: str
    state_before: str
    meters: dict[str, int]
    deltas: dict[str, int]
    reaction: int | None  # index in the persona's reactions; None = default
    auto: int | None = None
    note: str = ""
    repeats: int = 0
    revealed: bool = False
    # everything heard in the move (the contract's five fields) and the act the debtor answered
    acts: tuple[str, ...] = ()
    amounts: tuple[int, ...] = ()
    dates: tuple[str, ...] = ()
    conditional: bool = False
    concession: bool = False
    answered: str | None = None
    visit: int = 1  # the visit the turn ended in (a scenario over several visits)
    rude: bool = False  # the hostility heard was rudeness only (Recognition.rude); not in the play JSON

    def public(self) -> dict[str, Any]:
        """The contract's turn object (plus our extra fields)."""
        return {"n": self.n, "move": self.move, "tactic": self.tactic, "confidence": round(self.confidence, 3),
                "reply": self.reply, "state": self.state, "state_before": self.state_before,
                "meters": dict(self.meters), "deltas": dict(self.deltas), "reaction": self.reaction,
                "auto": self.auto, "note": self.note, "repeats": self.repeats, "revealed": self.revealed,
                "acts": list(self.acts), "amounts": list(self.amounts), "dates": list(self.dates),
                "conditional": self.conditional, "concession": self.concession, "answered": self.answered,
                "visit": self.visit}


@dataclass
class Outcome:
    result: str
    owed: int
    paid: int
    committed: int
    recovered_ratio: float
    promised: int = 0
    in_writing: bool = False
    due_days: int = 0
    due_date: str | None = None
    plan: list[dict[str, Any]] = field(default_factory=list)
    state: str = ""
    summary: str = ""
    turns: int = 0

    def public(self) -> dict[str, Any]:
        return asdict(self)


#: every field the trainee's figures are kept in, as ``Session.figures`` copies them
Figures = tuple[list[int], set[int], list[int], frozenset[int], list[int], dict[int, tuple[int, ...]],
                tuple[tuple[int, int], ...], frozenset[int], int | None, tuple[tuple[int, int], ...]]

ASKING = catalogue.ASKING
#: acts whose amounts are the value of something else, never an ask: 仓库里二十多万的货今天拉回去 names the goods
VALUING = frozenset({"take_back_stock"})
#: a side act whose reaction (staying, as the main act's does) helps the trainee by at least this much more on the meters
#: is the one answered. Dev lines of play (433): 10 → 426 in the band (bad-debt-signs 21c 0 → 86, n 82 → 87), 5 the same, 20 → 424;
#: plans 0 failed
SIDE_MARGIN = 10


def _plan_item(start: date, amount: int, share: float, days: int, note: str) -> dict[str, Any]:
    """One line of the 回收计划表: an amount due ``days`` after the talk (``start``)."""
    return {"amount": amount, "share": share, "due_days": days, "due_date": (start + timedelta(days=days)).isoformat(),
            "note": note}


def _set_amount(item: dict[str, Any], amount: int, owed: int) -> None:
    """A 回收计划表 row (``_plan_item``) given another amount, its share of the debt with it."""
    item.update(amount=amount, share=round(amount / owed, 4))


def _is(act: str, what: str) -> bool:
    """``act`` is the tactic ``what``, or of the group ``what`` (hostile belongs to no tactic group)."""
    if what in catalogue.GROUPS:
        return act in catalogue.MOVE_IDS and act != catalogue.HOSTILE and catalogue.group_of(act) == what
    return act == what


class Session:
    def __init__(self, scenario: Scenario, persona: Persona, seed: int = 0, difficulty: str | None = None,
                 recognise: Recognise | None = None, prepared: tuple[int, ...] | None = None):
        self.scenario, self.persona, self.seed = scenario, persona, int(seed)
        #: the 十大事先准备 ticked before the talk (1-based), None = not known; judging scores it (有矩)
        self.prepared = tuple(sorted(set(prepared))) if prepared is not None else None
        self.difficulty = difficulty or scenario.difficulty
        if self.difficulty not in DIFFICULTY:
            raise ValueError(f"未知的难度 '{self.difficulty}'")
        self.rng = random.Random(self.seed)
        self._recognise = recognise
        self.values = case_values(scenario.case)
        self.meters: dict[str, float] = self._start_meters()
        self.turns: list[Turn] = []
        self.moves: list[str] = []  # raw moves, including ignored ones
        self.history: list[str | None] = []  # tactic per played turn
        self.history_moves: list[str] = []  # the move of each played turn, beside ``history``
        self.visited_states: set[str] = {persona.start}
        self.reply_use: dict[tuple[str, int], list[int]] = {}
        self.ignored = 0
        self.outcome: Outcome | None = None
        self.reason_found_turn: int | None = None
        self.named_amounts: list[int] = []  # amounts the trainee named (yuan), in order
        self.asked_figures: set[int] = set()  # every single figure of those asks (the parts of a plan, too)
        self.valued_amounts: list[int] = []  # values the trainee put on goods taken back (yuan)
        #: the figures of the trainee's last ask when it was for the whole debt (先付五万,剩下三十三万分三期): its parts
        self.whole_parts: frozenset[int] = frozenset()
        self.named_days: list[int] = []  # dates the trainee named, as days after the talk
        #: the days each ask was last named with (ask in yuan → its days): an ask said again with another date moves
        #: its date (这周五前八十八万二 … 最晚十一月三十号,八十八万二) instead of adding one, and a part the debtor pays on the
        #: spot takes its date with it rather than handing it on to the next instalment
        self.ask_days: dict[int, tuple[int, ...]] = {}
        # the instalments of the trainee's last dated plan, (amount, days after the talk) in the order said; a tuple,
        # replaced whole (never changed in place), so a forked session (simulate) may share it
        self.plan_parts: tuple[tuple[int, int], ...] = ()
        #: the last part (not the whole debt) the trainee asked to be paid today (今天先付3万): the first instalment of a rest
        #: laid out in the move after it
        self.asked_today: int | None = None
        #: the days named for a first part whose rest he was asked to arrange (先付二十万,十二月二十号前,剩下的您看怎么安排):
        #: the part's dates, never the rest's — spent when he pays the first part on the spot
        self.part_days: frozenset[int] = frozenset()
        #: the parts asked one move at a time since the last ask of the whole, each with its one day, (amount, days after
        #: the talk) in the order said (11月13日先付15万元 … 11月30日付15万元): with the rest named after them (12月15日付清
        #: 余下12万元) they are the plan — short moves lay a plan out a part per move (dev play round 81b, stop 68)
        self.part_trail: tuple[tuple[int, int], ...] = ()
        #: the debtor has signed on the trainee's figures (a written_commitment he answered by moving on, not to a
        #: state where a signature still lies ahead: ``_signs``): from then on the figures are the deal — an amount
        #: read off a receipt (十万收到了) changes nothing
        self.signed = False
        #: the debtor paid on the spot all the trainee last asked for (a paid_in_full ending, scaled to his ask): with
        #: nothing left to pay later there is no promise to put on paper (the scorer's 没有落到纸面 reads it)
        self.paid_as_agreed = False
        self.heard: list[tuple[str, ...]] = []  # every act heard per played turn: used(…) counts them all
        # the move whose reaction is being chosen, and what the trainee said in it: conditions read them
        self._current: str | None = None
        self._said: Recognition | None = None
        self.model = DebtorModel(self)
        self.machine = machine_for(persona)
        self.machine.add_model(self.model, initial=persona.start)
        self._closed = False

    # ------------------------------------------------------------ setup
    def _start_meters(self) -> dict[str, float]:
        preset = DIFFICULTY[self.difficulty]
        out: dict[str, float] = {}
        own = self.persona.difficulty.get(self.difficulty)
        for m in self.persona.meters:
            v = float(self.scenario.meters.get(m.name, m.start))
            if own is not None:
                v += own.get(m.name, 0)
            elif not m.hidden:
                shift = preset["shift"]
                v += shift if m.good == "down" else -shift
            out[m.name] = max(m.min, min(m.max, v))
        return out

    @property
    def state(self) -> str:
        return str(self.model.state)

    @property
    def visit(self) -> int:
        """The visit the talk is in now (1 unless the persona spans several visits)."""
        return self.persona.states[self.state].visit

    @property
    def ended(self) -> bool:
        return self.outcome is not None

    @property
    def show_meters(self) -> bool:
        return bool(DIFFICULTY[self.difficulty]["show_meters"])

    def meter_values(self) -> dict[str, int]:
        return {k: int(round(v)) for k, v in self.meters.items()}

    # ------------------------------------------------------------ condition context
    def meter(self, name: str) -> float:
        return self.meters.get(name, 0.0)

    def builtin(self, name: str) -> float:
        if name == "turn":
            return len(self.turns) + 1
        if name == "repeats":
            return self.history.count(self._current) if self._current else 0
        if name == "streak":
            n = 0
            for t in reversed(self.history):
                if t != self._current:
                    break
                n += 1
            return n
        said = self._said
        if name == "offer":  # the largest amount named in this move, as a share of the debt (0 = none)
            owed = self.scenario.case.owed
            named = [a for a in (said.amounts if said else ()) if 0 < a <= owed]
            if not named and said and self._ask(said) == owed:
                return 1.0  # all of it, asked with no figure (前提是月底前全部付清)
            return max(named) / owed if named else 0.0
        if name == "ask_total":  # what this move asks for in all, as a share of the debt (0 = no ask)
            ask = self._ask(said) if said else None
            return ask / self.scenario.case.owed if ask else 0.0
        if name == "plan_total":  # the trainee's latest ask so far, this move's own included, as a share of the debt
            named = self._named_with(said) if said else self.named_amounts
            return named[-1] / self.scenario.case.owed if named else 0.0
        if name == "deadline_days":  # days from the talk to the earliest payment date named in this move (999 = none)
            return float(min(self._move_days(said) or [999]))
        if name == "plan_days":  # this move's earliest payment date, else the earliest the trainee named before (999 = none)
            return float(min(self._move_days(said) or self.named_days or [999]))
        if name == "conditional":
            return 1.0 if said and said.conditional else 0.0
        if name == "concession":
            return 1.0 if said and said.concession else 0.0
        if name == "evidence":
            return 1.0 if said and said.papers else 0.0
        if name == "rude":  # hostility that threatens nothing (an insult, a shout): the debtor's answer differs
            return 1.0 if said and said.rude else 0.0
        return 0.0

    def _move_days(self, said: Recognition | None) -> list[int]:
        """The payment dates named in the move being answered, as days after the talk (none in the past)."""
        return [d for d in self._pay_days(said) if d >= 0] if said else []

    def _named_with(self, rec: Recognition) -> list[int]:
        """The asks on record once this move's figures are kept (as after the reaction): a move that names the rest
        after a part asked before (余款三十七万八也一起写清楚 after 八十八万二) asks for the whole plan, and ``plan_total``
        reads it so — not the part alone (dev play project-milestone 40a2 met "the middle" on a full plan). Nothing
        of the session changes."""
        if self.signed:
            return self.named_amounts
        kept = self.figures()
        try:
            self._note_figures(rec)
            return list(self.named_amounts)
        finally:
            self.set_figures(kept)

    def figures(self) -> Figures:
        """Copies of every field the trainee's figures are kept in (all that ``_note_figures`` writes): for reading
        a move's figures without keeping them, and for a forked session (simulate). A field added there joins here."""
        return (list(self.named_amounts), set(self.asked_figures), list(self.valued_amounts), self.whole_parts,
                list(self.named_days), dict(self.ask_days), self.plan_parts, self.part_days, self.asked_today,
                self.part_trail)

    def set_figures(self, kept: Figures) -> None:
        (self.named_amounts, self.asked_figures, self.valued_amounts, self.whole_parts, self.named_days,
         self.ask_days, self.plan_parts, self.part_days, self.asked_today, self.part_trail) = kept

    def _days_until(self, iso: str) -> int | None:
        try:
            return (date.fromisoformat(iso) - date.fromisoformat(self.scenario.case.date)).days
        except ValueError:
            return None

    def _pay_days(self, rec: Recognition, for_plan: bool = False) -> list[int]:
        """The days after the talk of a move's payment dates (all its dates when none speaks of paying, but for today
        named as the day of the visit: 今天来,主要是为那42万). A plan leaves out the dates for paperwork too (签证单13号前
        补签好 is no payment date), where a condition still reads them (deadline_days: 说定几天内补齐); the callers bound
        them as they need (the past, today, ten years out)."""
        dates = rec.pay_dates or tuple(x for x in rec.dates if not (rec.visit_today and x == self.scenario.case.date)
                                       and not (for_plan and x in rec.paper_dates))
        return [d for d in (self._days_until(x) for x in dates) if d is not None]

    def used(self, what: str) -> int:
        """How often ``what`` (a tactic or a group) was heard so far — every act of a move counts."""
        return sum(1 for turn in self.heard for a in turn if _is(a, what))

    def said(self, what: str) -> bool:
        """``what`` (a tactic or a group) is among the acts of the move being answered, main or side: a state can
        answer "签字,这是对账单" as one move, where ``used()`` only sees the moves before it."""
        return any(_is(a, what) for a in (self._said.acts if self._said else ()))

    def last(self, what: str) -> bool:
        t = self.history[-1] if self.history else None
        return t is not None and _is(t, what)

    def visited(self, state: str) -> bool:
        return state in self.visited_states

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    # ------------------------------------------------------------ the debtor's choices
    def choose_reaction(self, tactic: str | None) -> Reaction | None:
        """The persona's answer to ``tactic`` now: the first reaction, in the persona's order
        (tactic-specific, then group, then file order), whose conditions all hold; None = the default.
        Conditions read the session as it stands before the turn; ``chance()`` draws from its RNG."""
        state = self.state
        self._current = tactic
        try:
            for r in reactions_for(self.persona, tactic or UNCLEAR):
                if state in r.states and all(c.eval(self) for c in r.when):
                    return r
            return None
        finally:
            self._current = None

    def choose_auto(self) -> AutoRule | None:
        """The first automatic rule (meter thresholds: irritation >= 80 → walks out …) that holds now."""
        state = self.state
        for rule in self.persona.auto:
            if state in rule.states and all(c.eval(self) for c in rule.when):
                return rule
        return None

    def _said_again(self, tactic: str, move: str) -> int:
        """How many earlier moves answered as ``tactic`` this move says again: the same act in much the same
        words (a tactic id given twice is always the same words). The same act with new substance (other
        evidence, a new offer, the next step of the plan) is not nagging, so it does not try his patience."""
        return sum(1 for t, m in zip(self.history, self.history_moves, strict=False)  # a test may set history alone
                   if t == tactic and says_again(m, move))

    def _apply(self, effects: tuple[tuple[str, int], ...], tactic: str | None, deltas: dict[str, float],
               move: str = "") -> None:
        """Meter effects of the reaction: help decays with every use of the tactic, harm scales with
        difficulty, and saying the same thing again (see ``_said_again``) costs the repetition meter."""
        repeats = self.history.count(tactic) if tactic else 0
        decay = self.persona.repetition_decay ** repeats
        harm = DIFFICULTY[self.difficulty]["harm"]
        for name, delta in effects:
            m = self.persona.meter(name)
            if m.max - m.min <= 1:  # a flag (0..1) is set or cleared, never worn down by repetition
                self._change(name, delta, deltas)
                continue
            self._change(name, delta * (decay if self._helps(name, delta) else harm), deltas)
        again = self._said_again(tactic, move) if repeats and tactic else 0
        if again and tactic:
            pm = self.persona.meter(self.persona.repetition_meter)
            pen = self.persona.repetition_penalty * again
            self._change(pm.name, pen if pm.good == "down" else -pen, deltas)

    def _change(self, name: str, delta: float, deltas: dict[str, float]) -> None:
        m = self.persona.meter(name)
        before = self.meters[name]
        after = max(m.min, min(m.max, before + delta))
        self.meters[name] = after
        deltas[name] = deltas.get(name, 0.0) + (after - before)

    def _move(self, trigger: str) -> None:
        self.model.trigger(trigger)
        self.visited_states.add(self.state)

    # ------------------------------------------------------------ play
    def recognise(self, move: str) -> Recognition:
        text = move.strip()
        if text in catalogue.MOVE_IDS:
            return Recognition(text, 1.0, acts=(text,))
        if self._recognise is None:
            # deferred for start-up: games on tactic ids never load the recogniser (numpy, rapidfuzz)
            from trainer.core.language.recognise import default_recogniser
            # relative dates (明天, 这周五) are read against the scenario's date, never the clock: replays agree
            self._recognise = partial(default_recogniser().classify, today=date.fromisoformat(self.scenario.case.date))
        return self._recognise(text)

    def play(self, move: str, recognition: Recognition | None = None) -> Turn | None:
        """Play one trainee move (a tactic id or free text). Returns None once the session has ended."""
        self.moves.append(move)
        if self.ended:
            self.ignored += 1
            return None
        rec = recognition or self.recognise(move)
        if rec.tactic and not rec.acts:  # a tactic chosen by hand (palette, did-you-mean, a card's pick)
            rec = replace(rec, acts=(rec.tactic,))
        return self._play(move, rec)

    def play_tactic(self, tactic: str, text: str | None = None, confidence: float = 1.0) -> Turn | None:
        return self.play(text or tactic, Recognition(tactic, confidence))

    def _pick_reply(self, key: tuple[str, int], variants: tuple[str, ...]) -> str:
        """A variant not yet said in this session if there is one, else one of the least used."""
        used = self.reply_use.setdefault(key, [0] * len(variants))
        said = {t.reply for t in self.turns}
        fresh = [i for i, v in enumerate(variants) if render(v, self.values) not in said]
        pool = fresh or list(range(len(variants)))
        least = min(used[i] for i in pool)
        candidates = [i for i in pool if used[i] == least]
        i = candidates[self.rng.randrange(len(candidates))]
        used[i] += 1
        return render(variants[i], self.values)

    def _play(self, move: str, rec: Recognition) -> Turn:
        """One turn, top to bottom: what was heard → the debtor's reaction → its effects → the
        transition → the reply → automatic rules → the record → the ending, if any."""
        tactic = rec.tactic if rec.tactic in catalogue.MOVE_IDS else None
        acts = tuple(a for a in rec.acts if a in catalogue.MOVE_IDS) or ((tactic,) if tactic else ())
        before = self.state
        n = len(self.turns) + 1
        # the reaction: to the main act, unless it leaves the debtor where he is and another act of the
        # same move is one he answers by moving on, for the better (a state waiting for one move still hears
        # it when it comes second, so a complete offer moves the talk on; a side word heard in a firm move —
        # "这次我没法给宽限" heard as a concession too — does not talk him back); then the first act he
        # answers at all. Hostility is answered as itself: a threat with a deadline in it is not a deadline he
        # can answer instead (今天不给钱,我就把你的照片挂到网上去 is no direct_ask to him)
        self._said = rec
        heard_first = acts[:1] == (tactic,)
        order = answer_order(acts) if heard_first else acts
        answered = order[0] if heard_first else tactic
        reaction = self.choose_reaction(answered)
        hostile = tactic == catalogue.HOSTILE
        if not hostile and (reaction is None or reaction.to is None):
            fallback: tuple[str, Reaction] | None = None
            stay = self._net(reaction.effects if reaction else self.persona.default_effects)
            for act in order[1:]:
                r = self.choose_reaction(act)
                if r is not None and r.to is not None and self._no_worse(r, stay):
                    answered, reaction = act, r
                    break
                if r is not None and fallback is None:
                    fallback = (act, r)
            else:
                if reaction is None and fallback is not None:
                    answered, reaction = fallback
                elif reaction is not None:
                    # no act moves him: the one he takes most to heart is answered (a legal warning with a way out,
                    # said beside a conditional offer, is what a debtor who is about to close hears, not the offer)
                    for act in order[1:]:
                        r = self.choose_reaction(act)
                        if r is not None and r.to is None and self._net(r.effects) >= stay + SIDE_MARGIN:
                            answered, reaction, stay = act, r, self._net(r.effects)
        repeats = self.history.count(answered) if answered else 0
        signs = answered == "written_commitment" and reaction is not None and self._signs(reaction)
        # what it does to the meters
        deltas: dict[str, float] = {}
        self._apply(reaction.effects if reaction else self.persona.default_effects, answered, deltas, move)
        # the transition (the machine only moves: the choice was made above)
        self._move(reaction_trigger(reaction))
        # the reply: a variant not yet said in this session, able to echo the trainee's figures
        self._echo(rec)
        if reaction is not None:
            reply = self._pick_reply(("r", reaction.index), reaction.replies)
            note, idx = reaction.note, reaction.index
            revealed = reaction.reveals and self.reason_found_turn is None
        else:
            reply = self._pick_reply(("d", 0), self.persona.default_replies)
            note, idx, revealed = "", None, False
        # a move of several acts: once the debtor has moved, the acts not yet answered are heard again in
        # the new state, and each that takes him forward (see _forward) plays too — "六号先付二十万,
        # 余款二十号前付清,您签个字" is the offer and the signature in one breath
        if reaction is not None and reaction.to is not None and not hostile \
                and not self.persona.states[self.state].terminal:
            rest = [a for a in acts if a != answered]
            while rest and not self.persona.states[self.state].terminal:
                for act in rest:
                    r = self.choose_reaction(act)
                    if r is not None and self._forward(r):
                        self._apply(r.effects, act, deltas, move)
                        self._move(reaction_trigger(r))
                        reply = f"{reply} {self._pick_reply(('r', r.index), r.replies)}"
                        answered, note, idx = act, r.note, r.index
                        signs = signs or (act == "written_commitment" and self._signs(r))
                        if r.reveals and self.reason_found_turn is None:
                            revealed = True
                        rest.remove(act)
                        break
                else:
                    break
        self.history.append(answered)
        self.history_moves.append(move)
        self.heard.append(acts)
        self._said = None
        if not self.signed:
            self._note_figures(rec)
        self.signed = self.signed or signs
        if revealed:
            self.reason_found_turn = n
        # automatic transitions on meter thresholds, checked after the reaction
        auto_idx = None
        if not self.persona.states[self.state].terminal:
            rule = self.choose_auto()
            if rule is not None:
                self._move(auto_trigger(rule))
                reply = f"{reply} {self._pick_reply(('a', rule.index), rule.replies)}"
                auto_idx = rule.index
                note = note or rule.note
        turn = Turn(n=n, move=move, tactic=tactic, confidence=float(rec.confidence), reply=reply, state=self.state,
                    state_before=before, meters=self.meter_values(),
                    deltas={k: int(round(v)) for k, v in deltas.items() if round(v)},
                    reaction=idx, auto=auto_idx, note=note, repeats=repeats, revealed=revealed,
                    acts=acts, amounts=tuple(rec.amounts), dates=tuple(rec.dates), conditional=rec.conditional,
                    concession=rec.concession, answered=answered, visit=self.persona.states[self.state].visit,
                    rude=rec.rude and tactic == "hostile")
        self.turns.append(turn)
        # the ending: a terminal state, or the turn limit
        st = self.persona.states[self.state]
        if st.terminal:
            self._finish(st.ending)
        elif n >= self.scenario.turn_limit:
            if self.persona.out_of_time:
                self._move(TIME_UP_TRIGGER)
                turn.state = self.state
                turn.visit = self.persona.states[self.state].visit
                self._finish(self.persona.states[self.state].ending)
            else:
                self._finish(Ending("no_progress", summary="时间到了,对方没有给出任何付款承诺。"))
        return turn

    def _signs(self, r: Reaction) -> bool:
        """A written commitment answered by ``r`` is the debtor's signature: it moves him on, and not to a state where
        a written commitment still lies ahead of the ending (``Persona.signature_ahead``) — there he has agreed to
        put it in writing, not signed, and the figures asked after it still make the deal."""
        return r.to is not None and r.to not in self.persona.signature_ahead

    def _forward(self, r: Reaction) -> bool:
        """A reaction that takes the debtor forward: to a state not visited yet in this talk, and either to an
        ending that holds at least half the debt (``_ending_holds``) or with meter changes that help the trainee more
        than they hurt (a later act that would only talk him back — 松口回缩 after a soft word — is not played on top
        of the main one)."""
        if r.to is None or r.to in self.visited_states:
            return False
        holds = self._ending_holds(r)
        return holds if holds is not None else self._net(r.effects) > 0

    def _no_worse(self, r: Reaction, stay: int) -> bool:
        """A side act's reaction that moves the debtor without doing the trainee more harm than the main act's
        own answer (``stay``, its net meter change): to an ending that holds at least half the debt, or with a net
        meter change at least as good — a side word does not talk him back where the main act kept him."""
        holds = self._ending_holds(r)
        return holds if holds is not None else self._net(r.effects) >= stay

    def _ending_holds(self, r: Reaction) -> bool | None:
        """Whether the ending ``r`` leads to holds at least half the debt; None when ``r`` leads to no ending. A
        token (意思意思), a haircut or a deal given away holds money too, but a side word that ends the talk there
        has not taken the debtor forward: 生意难做这个我信,不过…工程款刚到 heard with empathize beside the rebuttal
        is no licence for a 假没钱 debtor to close on 5%."""
        assert r.to is not None
        ending = self.persona.states[r.to].ending
        return None if ending is None else ending.paid + ending.committed >= HELD_ENDING

    def _net(self, effects: tuple[tuple[str, int], ...]) -> int:
        """Meter changes summed as the trainee sees them: what helps counts up, what hurts counts down."""
        return sum(abs(delta) if self._helps(name, delta) else -abs(delta) for name, delta in effects)

    def _helps(self, name: str, delta: float) -> bool:
        """A change of meter ``name`` by ``delta`` is good for the trainee (the meter's good direction)."""
        return (delta > 0) == (self.persona.meter(name).good == "up")

    # ------------------------------------------------------------ ending
    def _echo(self, rec: Recognition) -> None:
        """{said_amount} and {said_date} for this turn's replies: this move's figures, else the talk's last. A move that
        lays out instalments is echoed by its first part still to come, with that part's own day — the part the
        回收计划表 carries first (今天先转20万,剩下28万12月4号前 → 28万, 12月4日: a reply's "剩下的{said_date}" is the
        rest's day; 11月6日前20万,11月30日前22万 → 20万, 11月6日, not the last amount with the first day, stop 49)."""
        owed = self.scenario.case.owed
        coming = [(d, a) for a, d in self._instalments(rec, self._days_ahead(rec))]
        if coming:
            day, amount = min(coming)
            amounts, days = [amount], [day]
        else:
            amounts = [a for a in rec.amounts if owed_share(a, owed)] or self.named_amounts[-1:]
            days = [d for d in self._pay_days(rec) if d > 0] or self.named_days[-1:]
        self.values["said_amount"] = wan_text(amounts[-1]) if amounts else self.values["owed_wan"]
        if days:
            due = date.fromisoformat(self.scenario.case.date) + timedelta(days=min(days))
            self.values["said_date"] = f"{due.month}月{due.day}日"
        else:
            self.values["said_date"] = "约定的日子"

    def _note_figures(self, rec: Recognition) -> None:
        """Keep the amounts and dates the trainee asks for: an agreement is made on them. Only a move that
        asks or offers counts (a balance being checked, a late fee being cited, the debtor's own income are
        figures, not an ask), and only amounts between 5% and 100% of the debt (not the freight)."""
        acts = set(rec.acts or ((rec.tactic,) if rec.tactic else ()))
        figures = [a for a in rec.amounts if owed_share(a, self.scenario.case.owed)]
        # a fee, the goods' value or his own figure said back can be no part of a plan
        parts = frozenset(a for a in figures if a not in rec.fees)
        if acts & VALUING:
            # the whole debt named in a take-back move (欠款52万,退货冲抵) is the balance, not what the goods are worth
            self.valued_amounts += [a for a in figures if not self._whole(a)]
            if acts & ASKING:  # 货拉回去冲抵,余款四号前付清,您签个字: the goods are valued, the date is still asked for
                ask = self._ask(rec)
                self._note_days(rec, ask)
                # and a plan for the whole debt laid out with the goods (总欠款52万,退货冲抵22.4万,余款29.6万分两笔) is
                # the ask: it raises an earlier ask of the rest alone to the whole (dev play bad-debt-signs 26b)
                if ask is not None and self._whole(ask):
                    if not self.named_amounts or self.named_amounts[-1] < ask:
                        self.named_amounts.append(ask)
                    # its cash parts are parts of that plan (今天转9万,12月4号前20万 … 前提是4号那20万准时到账)
                    self.whole_parts = parts
            return
        if not acts & ASKING and len(self._instalments(rec, self._plan_days(rec))) < 2 and not self._whole_laid_out(rec) \
                and not self._rest_of_last_ask(rec):
            # terms laid out part by part, each with its day (这58.8万,11月20日付30万,11月30日付28.8万), are an ask however
            # the move is heard — a plan read as a reminder of the due date was dropped (dev play round 58, quality-dispute
            # 58a: he agreed to it and signed the persona's one payment instead). Read on the plan's own days, today's
            # part included (今天先付20万,11月20日付18万), as ``_note_parts`` reads them
            return
        if rec.tactic == "verify_balance" and acts & ASKING == {"direct_ask"} and not rec.dates:
            # the balance checked with no when (一共三十八万,您看对不对?以前都是转账付的吧?) names what is owed, not an ask:
            # an ask while checking says by when (先对下账,一共三十八万,这周五前能付吗)
            return
        ask = self._ask(rec)
        ours = self._ours(rec)
        trail = self.part_trail
        if ask is not None and not self._restates(acts, ask, [a for a in figures if a in parts]):
            earlier = self.named_amounts[-1] if self.named_amounts else None
            self.named_amounts.append(ask)
            self._note_parts(rec, ask)
            self.whole_parts = parts if self._whole(ask) else frozenset()
            self._part_asked_before(rec, ask, earlier)
            pays_today = 0 in self._plan_days(rec)
            if not self._whole(ask) and pays_today:
                self.asked_today = ask
            elif rec.remainder and pays_today and len(set(ours)) == 1 and not self._whole(ours[0]):
                # a part today with the rest still to be laid out (今天先能付多少?哪怕3万元…剩下的咱按月排开): that part is
                # what he pays today when he agrees (dev play round 82d, genuinely-broke, paid the persona's 2.6万)
                self.asked_today = ours[0]
        elif ask is not None and ask in self.whole_parts:
            # a part of the plan broken down (余款30.2万 … 今天先转10万,剩下20.2万): its pieces are parts of the plan too
            self.whole_parts |= parts
            # and, dated piece by piece (64万减掉5.2万剩58.8万 … 11月20号前付30万,11月30号前付清28.8万), they are how the
            # plan is paid: the 回收计划表 carries them (dev play quality-dispute 48b had one payment of 58.88万 on the 20th)
            self._note_parts(rec, ask, keep=True)
        self.asked_figures.update(figures)
        self._note_days(rec, ask)
        self._note_trail(rec, ask, ours, trail)
        if ask is not None and len(ours) == 2 and self._one_day(ask) is not None and self._whole_laid_out(rec):
            # one day said with a part and the rest on its own term (11月20日前支付882000元;余款378000元…主体验收后六十日内): the
            # day is the part's — paid on the spot, it spends the day, which is not the rest's (dev play project-milestone 65b)
            self.ask_days[ours[0]] = self.ask_days[ask]

    def _note_trail(self, rec: Recognition, ask: int | None, ours: list[int], trail: tuple[tuple[int, int], ...]) -> None:
        """Keep ``part_trail``: a part of the debt asked on its own with one later day joins it, and the trail becomes the
        plan the 回收计划表 carries — the parts on their days, in date order — when its parts add up to the whole debt (分四期:
        11月15日先付5万元 … 12月31日付7万元 … 2027年1月29日付最后8万元) or to a total named before them (五批货款合共58.8万元 …
        11月20日前付30万元 … 11月30日前付28.8万元), or when the rest is named after them (15万 on the 13th, 15万 on the 30th,
        余下12万 on 12月15日: closed by the rest, the same figure asked again on a later day is the next part, not the first
        moved). Any other ask ends it."""
        if ask is None:
            return
        days = [d for d in self._plan_days(rec) if d > 0]
        one = len(set(ours)) == 1 and len(days) == 1
        self.part_trail = ()
        if one and not self._whole(ask):
            plan = (*trail, (ask, days[0]))
            total = self._trail_total(plan)
            if total is None:
                self.part_trail = plan
                return
            if self.named_amounts and self.named_amounts[-1] == ask:
                self.named_amounts[-1] = total
            else:
                self.named_amounts.append(total)
        elif one and rec.rest and self._whole(ask) and self._rest_of_trail(ours[0], trail):
            plan = (*trail, (ours[0], days[0]))
        else:
            return
        if all(a[1] < b[1] for a, b in pairwise(plan)):
            self.plan_parts = plan
            self.whole_parts |= {a for a, _ in plan}
            self.named_days += [d for _, d in plan if d not in self.named_days]

    def _trail_total(self, plan: tuple[tuple[int, int], ...]) -> int | None:
        """What parts asked one move at a time (two at least) add up to: the whole debt, or a total of half the debt or
        more named in an earlier move (the balance left after a set-off, checked before the plan); None otherwise — and
        None when a part is the one before it again (这周五前十九万 … 最晚二十号,十九万 moves the day of one ask: only the
        rest named after it makes it a second part)."""
        if len(plan) < 2 or any(a == b for (a, _), (b, _) in pairwise(plan)):
            return None
        owed = self.scenario.case.owed
        total = sum(a for a, _ in plan)
        if self._whole(total, REST_SLACK):
            return owed
        named = {a for a in self._figures_said() if a >= owed / 2}
        return next((v for v in sorted(named) if is_whole(total, v)), None)

    def _part_asked_before(self, rec: Recognition, ask: int, earlier: int | None) -> None:
        """The rest laid out after a part asked in the move before (今天先付3万 … 剩下23万分三期:11月25日5万、12月25日8万、1月25日
        10万): that part is a part of the whole plan — said again (只要今天这3万元到账) it keeps the plan — and, asked for
        today, its first instalment (dev play genuinely-broke 62c6 signed the persona's shares)."""
        if earlier is None or not self._whole(ask) or self._whole(earlier) or earlier in self.whole_parts:
            return
        own = sum(a for a, _ in self.plan_parts) if self.plan_parts else max(self._ours(rec), default=0)
        if not self._whole(own + earlier, REST_SLACK):
            return
        self.whole_parts |= {earlier}
        if self.asked_today == earlier and self.plan_parts and min(d for _, d in self.plan_parts) > 0:
            self.plan_parts = ((earlier, 0), *self.plan_parts)

    def _rest_of_last_ask(self, rec: Recognition) -> bool:
        """The rest named on its own term after a part asked just before (11月20号前付88.2万中不? … 余款37.8万按主体验收结):
        the whole plan is asked, however the move is heard — read as a rebuttal it was dropped, and the deal signed was the
        part alone (dev play round 80d, project-milestone, stop 68)."""
        ours = self._ours(rec)
        last = self.named_amounts[-1] if self.named_amounts else None
        return (rec.rest and len(set(ours)) == 1 and last is not None and not self._whole(last)
                and self._whole(ours[0] + last, REST_SLACK))

    def _whole_laid_out(self, rec: Recognition) -> bool:
        """A part with its day and the rest on its own term, together the whole debt (11月20日前支付882000元;余款378000元按合同
        在主体验收后六十日内付清): terms laid out, an ask however the move is heard — read as a reminder of the due date, it
        was dropped and the signing that followed was refused for naming one payment only (dev play project-milestone 65a)."""
        ours = self._ours(rec)
        return len(ours) >= 2 and (rec.rest or rec.remainder) and bool(rec.pay_dates) and self._whole(sum(ours))

    def _note_days(self, rec: Recognition, ask: int | None) -> None:
        # a date for the paperwork said in the same breath (十二号前签证单补齐,二十五号前到账) is not a payment date; nor
        # is the date of a signing move that speaks of no payment at all (明天我和老总一起去财务那边对接,您签字盖章)
        if not rec.pay_dates and "written_commitment" in rec.acts:
            return
        # today counts when the move pays on it (今天下班前转过来 is a promise due today), not as the day things are
        # settled (今天把这事定下来); a part paid on the spot spends it at the end
        # (and only for an ask of the whole given no date before: 今天到账多少 in the signing move dates nothing new)
        today = rec.pays_today and ask is not None and self._whole(ask) and ask not in self.ask_days
        days = [d for d in self._pay_days(rec, for_plan=True) if 0 < d <= 3660 or (d == 0 and today)]
        if ask is not None and days:
            for d in self.ask_days.get(ask, ()):  # the same ask with a new date: the new date stands (月底可以,再晚不行)
                if d in self.named_days:
                    self.named_days.remove(d)
            self.ask_days[ask] = tuple(days)
            ours = self._ours(rec)
            if rec.rest_open and self._whole(ask) and len(ours) == 1:
                self.part_days = frozenset(days)
            elif ours:  # a new dated ask of its own figures: no part waits on an open rest any more
                self.part_days = frozenset()
        self.named_days += days

    def _note_parts(self, rec: Recognition, ask: int, keep: bool = False) -> None:
        """An ask of two instalments or more, each with its own date, said in date order: the plan the 回收计划表
        carries when the debtor agrees to it. A later ask of another total, or with a date of its own
        (那就三十八万二十号前一次付清), replaces it — unless ``keep``: a part of the plan said again keeps the plan's
        parts when it lays out none of its own."""
        days = self._plan_days(rec)
        parts = self._instalments(rec, days)
        if not days and not parts:
            parts = self._on_days_named(rec, ask)
            days = [d for _, d in parts]
        if parts and days == sorted(days):
            self.plan_parts = parts
        elif self.plan_parts and not keep:
            total = sum(a for a, _ in self.plan_parts)
            # the same total bounded by a last day the plan keeps, said of the plan (日期可以调,但总数26万、年底前付清这条不变
            # after four dated parts of 26万 to 12月25日): the plan stands — not 那就三十八万二十号前一次付清, no plan said
            same = (ask == total and "installment_plan" in rec.acts and bool(days)
                    and min(days) >= self.plan_parts[-1][1])
            # … or the plan written down in its totals (欠款26万元,今天已付3万元,剩余23万元分三期的日期和金额,签字盖章): a signing
            # move naming the plan's total and parts of it, on no day but today or the plan's own (dev play genuinely-broke
            # 62c6) — not the total alone with a day of its own (那就三十八万,二十号前一次付清 … 签字)
            named = [a for a in self._ours(rec) if a != total]
            plan_days = {d for _, d in self.plan_parts}
            same = same or (ask == total and "written_commitment" in rec.acts and bool(named)
                            and all(a in self.whole_parts for a in named) and all(d == 0 or d in plan_days for d in days))
            if (days or ask != total) and not same:
                self.plan_parts = ()

    def _on_days_named(self, rec: Recognition, ask: int) -> tuple[tuple[int, int], ...]:
        """Instalments named with no days of their own, for the days the trainee has named (按10万、8万、8万三个日子写 after
        11月30号 in one move and 12月15号、12月31号 in the next): the plan when they ask for the whole debt and there are as
        many of them as later days named in the whole talk, paired in order — a day more or less and it is no plan
        (dev play genuinely-broke 7c signed the persona's shares)."""
        days = sorted({d for d in self.named_days if d > 0})
        parts = self._instalments(rec, days)
        return parts if parts and self._whole(ask) and self._whole(sum(a for a, _ in parts)) else ()

    def _instalments(self, rec: Recognition, days: list[int]) -> tuple[tuple[int, int], ...]:
        """The instalments a move lays out, each amount of ours paired with one of ``days`` (its payment days, in the
        order said: ``_plan_days``, or ``_days_ahead`` for the echo — a "today" read into 付清当天 would leave a day
        over), e.g. 今天先转二十万,剩下二十八万十二月四号前: two or more, one to one; () when they don't pair off. A total
        named with its parts (剩下五十八万八:三十万、二十八万八) is left out (not its day, if it has one: which of the days
        is the total's — 42万 … 11月6日前10万、13日前5万、27万30日前、12月10日前兜底 — the figures alone cannot tell). Read
        by the plan (``_note_parts``) and by the reply's echo, so the debtor answers the part the 回收计划表 will carry."""
        amounts = self._ours(rec)
        top = max(amounts, default=0)
        if len(amounts) >= 3 and 2 * top == sum(amounts):
            amounts.remove(top)
        else:
            # a total whose breakdown follows it, after a first part (十一月三十号前先付八万;剩下的十八万,十二月十五号付八万,
            # 十二月三十一号付十万): the breakdown is the instalments, the total is none (dev play genuinely-broke u signed the
            # persona's three shares: four amounts would not pair with three days)
            at = next((i for i in range(len(amounts) - 2) if _breakdown(amounts, i)), None)
            if at is not None:
                del amounts[at]
        if len(amounts) >= 2 and len(amounts) == len(days):
            return tuple(zip(amounts, days, strict=True))
        return ()

    def _plan_days(self, rec: Recognition) -> list[int]:
        """A move's payment days a plan can hold: today to ten years out, no paperwork dates."""
        return [d for d in self._pay_days(rec, for_plan=True) if 0 <= d <= 3660]

    def _days_ahead(self, rec: Recognition) -> list[int]:
        """A move's payment days after today: the days its instalments are still to come on, which the echo answers (a
        "today" read into 付清当天 would leave a day over)."""
        return [d for d in self._plan_days(rec) if d > 0]

    def _restates(self, acts: set[str], ask: int, figures: list[int]) -> bool:
        """A move that names again only parts of a plan already asked for keeps that plan as the ask (``figures``: its
        amounts that can be an ask). A signing move writes the plan down (把这笔五万和后面三期写成还款承诺书), whatever part
        it names, the value put on goods taken back included (写下来:调货冲账5万、两笔现款的金额和日期); any move when it
        asks for one part of the whole debt he laid out last; any other asking move only when its figures are parts of
        that whole."""
        if not self.named_amounts or ask >= self.named_amounts[-1]:
            return False
        if ask in self.whole_parts:
            # one part of the whole-debt plan he laid out, said again or now broken down (退货冲抵21.8万,余款30.2万 …
            # 今天先转10万,剩下20.2万12月3日前): the plan stands, whatever kind of move says it
            return True
        # any asking move that names again only parts of the whole debt he laid out (节点后该付88万2千,剩下37万8千等主体
        # 验收 … 只要11月20号前88万2千到账) asks for that part of the plan, not a lower total
        if "written_commitment" not in acts:
            return bool(figures) and all(a in self.whole_parts for a in figures)
        return all(a in self.asked_figures or a in self.valued_amounts for a in figures)

    def _ours(self, rec: Recognition) -> list[int]:
        """The amounts of a move that can be ours to ask, in order: within the debt, no fee (违约金六万八 … 申请不收 is
        what a concession gives up), and not his figure quoted back to him (您是说最多8万…? — once per time quoted:
        the same figure said again as ours, 那今天先转8万, stays)."""
        owed = self.scenario.case.owed
        named = [a for a in rec.amounts if owed_share(a, owed) and a not in rec.fees]
        for a in rec.quoted:
            if a in named:
                named.remove(a)
        return named

    def _ask(self, rec: Recognition) -> int | None:
        """What one move asks for in all, in yuan (None: no amount between 5% and 100% of the debt named).
        Instalments named together (先付三十万,余下十六万月底前) ask for their sum; a total named with its parts
        (剩下的十八万:六万、六万、六万) for the total; a part named with the rest on its own term
        (先付八十八万二,余款按验收节点付; 剩下的十八万分三期) for the whole debt."""
        owed = self.scenario.case.owed
        named = self._ours(rec)
        if not named:
            # the whole debt asked for with no figure (前提是月底前全部付清): an ask of all of it — in an asking move, not
            # in one that takes goods back (货款付清前货归我们 is the contract cited)
            acts = set(rec.acts)
            if not acts & ASKING or acts & VALUING:
                return None
            # the rest asked after a part asked before (写下来:……付款最晚的日子,还有余款怎么付 after 88.2万 by the 27th):
            # the whole plan — the part and the rest (dev play project-milestone 43a2)
            rest_too = rec.remainder and bool(self.named_amounts) and self.named_amounts[-1] < owed
            return owed if rec.in_full or rest_too else None
        top = max(named)
        parts = list(named)
        parts.remove(top)
        if len(parts) >= 2 and sum(parts) == top:  # a total and its breakdown (two parts at least: 九万、九万 is two)
            named = [top]
        else:
            # a total whose breakdown follows it, beside another part (这一块走掉十二万,剩下的十三万分两次:六万五、六万五):
            # the breakdown is the total's, not more money
            at = named.index(top) + 1
            k = _breakdown(named, at - 1)
            if k:
                named = named[:at] + named[at + k:]
        # a part named with the rest on its own term (余款月底前付清), or a monthly plan to the end (每月付五万,
        # 三月付清最后六万): the whole debt
        if (rec.remainder and len(named) == 1) or rec.recurring:
            return owed
        # a first payment and the rest named as its own total (先付八万;剩下的十八万:六万、六万、六万)
        if any(self._whole(top + a) for a in parts):
            return owed
        if sum(named) > owed and any(self._whole(sum(c)) for k in range(len(named) - 1, 1, -1)
                                     for c in combinations(named, k)):
            # more named than is owed, but some of the figures make the whole debt: those are the plan, the others are
            # quoted — a figure said twice (余款37.8万…11月20号前60万,11月30号前28.2万,余款37.8万), his counter-offer
            # turned down (十万太少了…20万、15万、13万)
            return owed
        ask = sum(named) if sum(named) <= owed else top
        # the rest named on its own after a part named earlier (先拿五万 … 剩下二十一万分三期; 走掉十二三万, 剩下的差不多十三万):
        # the whole debt, within REST_SLACK — the trainee rounds the rest, he does not mean to leave a gap
        # (the part may have been named in a move heard as no ask — 先把40万元确认下来,12月10日付 read as checking the
        # balance: 剩下的104400元…1月10日付清 was then a new, smaller ask and the deal shrank to it, stop 61)
        # (the rest may be named twice in the move: 剩下27万…华景拨款时直接付我们27万 is one figure, dev play triangular-debt 37b1)
        if rec.rest and len(set(named)) == 1:
            earlier = (*self.named_amounts, *self.valued_amounts,
                       *self._figures_said())
            if any(self._whole(ask + v, REST_SLACK) for v in earlier) or self._rest_of_trail(ask):
                return owed
        # a part and the rest named together, the rest rounded (走掉十二三万,剩下的差不多十三万): the whole debt
        if rec.rest and len(named) >= 2 and self._whole(ask, REST_SLACK):
            return owed
        # the rest after the goods taken back (拉回8万抵账,剩下的18万分三期): the whole debt is settled
        if any(self._whole(ask + v) for v in self.valued_amounts):
            return owed
        return ask

    def _figures_said(self) -> list[int]:
        """Every amount within the debt named in the moves played so far (a part, a total, a balance checked)."""
        owed = self.scenario.case.owed
        return [a for t in self.turns for a in t.amounts if owed_share(a, owed)]

    def _rest_of_trail(self, rest: int, trail: tuple[tuple[int, int], ...] | None = None) -> bool:
        """``rest`` is what is left after the parts asked one move at a time before it (``part_trail``)."""
        trail = self.part_trail if trail is None else trail
        return bool(trail) and self._whole(rest + sum(a for a, _ in trail), REST_SLACK)

    def _one_day(self, amount: int) -> int | None:
        """The one day the trainee asked ``amount`` by (``ask_days``); None when he gave it no day, or several."""
        days = self.ask_days.get(amount, ())
        return days[0] if len(days) == 1 else None

    def _whole(self, amount: int, slack: float = WHOLE_SLACK) -> bool:
        return is_whole(amount, self.scenario.case.owed, slack)

    def _finish(self, ending: Ending | None) -> None:
        """Settle the outcome. When the debtor agrees, the trainee's own figures carry the deal: the debtor
        never gives more than the last amount the trainee asked for (喊高取中 settles where the trainee
        settled), and the dates the trainee named replace the persona's default due days, in order."""
        assert ending is not None
        owed = self.scenario.case.owed
        deal = ending.result in ("paid_in_full", "partial", "promise") and ending.paid + ending.committed > 0
        scale = 1.0
        if deal and self.named_amounts:
            asked = self.named_amounts[-1]
            scale = min(1.0, asked / (owed * (ending.paid + ending.committed)))
        result = "partial" if ending.result == "paid_in_full" and scale < 1.0 else ending.result
        self.paid_as_agreed = ending.result == "paid_in_full" and not ending.committed
        paid = int(round(owed * ending.paid * scale))
        promised = int(round(owed * ending.committed * scale))
        in_writing = self.used("written_commitment") > 0
        start = date.fromisoformat(self.scenario.case.date)
        named_days = sorted(set(self.named_days)) if deal else []
        plan: list[dict[str, Any]] = []
        shares: tuple[Installment | tuple[float, int, str], ...] = ending.plan or tuple(
            x for x in (
                (ending.paid, 0, "当场支付") if ending.paid else None,
                (ending.committed, ending.due_days, "承诺付款") if ending.committed else None,
            ) if x)
        # each part of his plan as (share, due days, note, paid in goods), however the persona wrote it
        terms = [(i.share, i.due_days, i.note, i.goods) if isinstance(i, Installment) else (*i, False) for i in shares]
        for share, days, _, _ in terms:
            # a part he pays on the spot that the trainee had asked by a date (八十八万二,最晚十一月三十号 … 第一笔我现在就
            # 让财务付): that date is spent on it — it is not the date of the instalment after it
            spent = self.ask_days.get(int(round(owed * share * scale)), ()) if days <= 0 else ()
            named_days = [d for d in named_days if d not in spent]
        if terms and self.part_days and terms[0][1] <= 0:
            # he pays a first part now: the date the trainee gave a part whose rest he left to him is spent on it — the
            # rest keeps his own term (先付二十万,十二月二十号前,剩下的您看怎么安排 → 三成当场,余款三十天内)
            named_days = [d for d in named_days if d not in self.part_days]
        after_today = [d for d in named_days if d > 0]
        if after_today or any(days <= 0 for _, days, _, _ in terms):
            # today is his promise's day only when no later day was named (今天下班前把38万转过来: in 今天先付26万,16号
            # 前付清20万 the whole is due on the 16th), and never when he pays a part on the spot (that is what it was
            # asked for, not a later instalment's day)
            named_days = after_today
        later = 0  # how many committed (later) instalments have taken a named date
        due_days = ending.due_days
        goods: int | None = None  # the plan's line paid in goods taken back
        for share, days, note, in_goods in terms:
            if days > 0 and later < len(named_days):
                days = due_days = named_days[later]  # a promise to pay today (day 0) is due today
                later += 1
            elif days > 0:
                due_days = days
            if in_goods and days <= 0 and goods is None:
                goods = len(plan)
            plan.append(_plan_item(start, int(round(owed * share * scale)), round(share * scale, 4), days, note))
        if deal:
            if goods is not None:
                paid, promised = self._goods_at_trainees_value(plan, goods, paid, promised)
            else:
                paid, promised = self._trainees_part_now(plan, paid, promised)
            plan = self._trainees_instalments(plan, promised, start, shrunk=scale < 1.0)
            if plan and any(item["due_days"] > 0 for item in plan):
                due_days = max(item["due_days"] for item in plan)
        committed = promised if in_writing else 0
        due = start + timedelta(days=due_days) if promised else None
        self.values.update(deal_amount=wan_text(paid + promised), paid_amount=wan_text(paid),
                           promised_amount=wan_text(promised), due_date=f"{due.month}月{due.day}日" if due else "约定的日子")
        self.outcome = Outcome(
            result=result, owed=owed, paid=paid, committed=committed,
            recovered_ratio=round(min(1.0, (paid + committed) / owed), 4), promised=promised,
            in_writing=in_writing, due_days=due_days,
            due_date=due.isoformat() if due else None,
            plan=plan, state=self.state, summary=render(ending.summary, self.values), turns=len(self.turns))
        self.close()

    def _goods_at_trainees_value(self, plan: list[dict[str, Any]], goods: int, paid: int,
                                 promised: int) -> tuple[int, int]:
        """The goods taken back (``plan[goods]``, paid now) at the value the trainee put on them, when his figures say
        which value that is: one he named on the goods (仓库里那批约十五万的货收回去冲账 … 其中五万块的货拉回去) that
        with his dated instalments makes the whole deal (五万退货冲账以后还剩二十一万:六万、七万、八万). The deal's total
        stays; what the goods do not cover moves to the later instalments (the trainee's, when they add up). Otherwise
        the persona's share. Returns (paid, promised)."""
        owed = self.scenario.case.owed
        rest = sum(a for a, d in self.plan_parts if d > 0)
        total = paid + promised
        value = next((v for v in reversed(self.valued_amounts)
                      if 0 < v < total and abs(v + rest - total) <= WHOLE_SLACK * owed), None) if rest else None
        if value is None:
            value = self._goods_set_off(plan[goods]["amount"], total)
        if value is None:
            return paid, promised
        moved = value - plan[goods]["amount"]
        _set_amount(plan[goods], value, owed)
        later = [item for item in plan if item["due_days"] > 0]
        if later:  # the plan still adds up to the deal when no instalments of the trainee's replace the persona's
            last = later[-1]["amount"] - moved
            _set_amount(later[-1], last, owed)
        return paid + moved, promised - moved

    def _trainees_part_now(self, plan: list[dict[str, Any]], paid: int, promised: int) -> tuple[int, int]:
        """What is paid on the spot as the trainee laid it out, when his dated plan is for the whole deal and starts
        today (今天先转3万;11月30号转5万,12月31号转8万,明年1月29号把最后10万结清): the debtor agreed to that plan, so he
        pays its first part now, not the persona's share of the deal (2.6万), and the rest follows on the trainee's
        days (``_trainees_instalments``). Only for a deal paid partly now in cash, in one part. Returns (paid, promised)."""
        owed = self.scenario.case.owed
        now = [item for item in plan if item["due_days"] <= 0]
        today = sum(a for a, d in self.plan_parts if d <= 0)
        later = sum(a for a, d in self.plan_parts if d > 0)
        total = paid + promised
        part = self.asked_today
        if not self.plan_parts and part is not None and part in self.whole_parts and len(now) == 1 and self._whole(total):
            return self._part_today_rest_open(plan, now[0], part, paid, promised)
        if len(now) != 1 or not today or not later or today == paid or promised <= 0 \
                or abs(today + later - total) > WHOLE_SLACK * owed:
            return paid, promised
        _set_amount(now[0], today, owed)
        return today, total - today

    def _part_today_rest_open(self, plan: list[dict[str, Any]], now: dict[str, Any], part: int, paid: int,
                              promised: int) -> tuple[int, int]:
        """``part``, the trainee's ask for today of a whole plan whose rest he left to be laid out (今天先付3万,剩下的按月
        排开), paid on the spot (``now``) instead of the persona's share: what it pays more or less comes off or goes onto
        his first later instalment, so the deal's total stays. The persona's share when that instalment would not stay
        above nothing. Returns (paid, promised)."""
        owed = self.scenario.case.owed
        moved = part - paid
        first = next((item for item in plan if item["due_days"] > 0), None)
        if first is None or not moved or first["amount"] - moved <= 0:
            return paid, promised
        _set_amount(now, part, owed)
        _set_amount(first, first["amount"] - moved, owed)
        return paid + moved, promised - moved

    def _goods_set_off(self, goods: int, total: int) -> int | None:
        """The goods' value as the trainee set it off against the deal in one move — the whole less his count of the goods
        leaves the rest (点完了,是216000元 … 52万扣掉21.6万,还剩304000元): of two amounts he named together that make the
        deal, the one that is his count of the goods the persona values at ``goods`` (within GOODS_COUNTED of it: a
        count, not a cash part of a plan). Stop 53, dev play bad-debt-signs: the count was said in a move with no word
        of the goods, and the plan carried the persona's 21.84万 and a rest of 30.16万 the trainee never named."""
        owed = self.scenario.case.owed
        for turn in reversed(self.turns):
            figures = [a for a in turn.amounts if 0 < a < total]
            counts = [v for v in figures if abs(v - goods) <= GOODS_COUNTED * goods
                      and any(r != v and abs(v + r - total) <= WHOLE_SLACK * owed for r in figures)]
            if counts:
                return min(counts, key=lambda v: (abs(v - goods), v))
        return None

    def _trainees_instalments(self, plan: list[dict[str, Any]], promised: int, start: date,
                              shrunk: bool = False) -> list[dict[str, Any]]:
        """The later instalments as the trainee laid them out (his amounts on his dates), when they add up to what the
        debtor promised (within WHOLE_SLACK of the debt): the persona's ending says how much is paid now and how much
        later, the trainee's plan how the later part is split. ``shrunk``: the deal was cut down to the trainee's last
        ask — when that ask had one date and nothing is paid on the spot, it is one payment on that date, not the
        persona's instalments made smaller (定死:11月6号,10万 signed as four parts of 2.5万 over four months before).
        Otherwise ``plan`` as it is."""
        owed = self.scenario.case.owed
        now = [item for item in plan if item["due_days"] <= 0]
        # with nothing paid on the spot, a part the trainee asked for today is a promise too (20万今天、10万9日、8万20日)
        later = [(a, d) for a, d in self.plan_parts if d > 0 or not now]
        if not later and shrunk and not now and len(plan) > 1 and self.named_amounts:
            ask = self.named_amounts[-1]
            day = self._one_day(ask)
            if day is not None and abs(ask - promised) <= 1:
                later = [(ask, day)]
        if not later and not now and len(plan) > 1 and promised > 0 and self._whole(promised):
            # a part asked for by its day, then the rest on another term in a later move (15万,11月6号到账 … 剩下27万 … 华景
            # 拨款时直接付我们): the part on its day, the rest on his last day (dev play triangular-debt 37b1 carried two
            # halves of the whole)
            last = plan[-1]["due_days"]
            dated = [(a, d) for a in sorted(self.whole_parts) if (d := self._one_day(a)) is not None and 0 < d < last]
            if len(dated) == 1 and dated[0][0] < promised:
                later = [dated[0], (promised - dated[0][0], last)]
        paid_now = sum(item["amount"] for item in now)
        asked = sum(a for a, _ in later)
        if now and later and promised > 0 and abs(asked - promised - paid_now) <= WHOLE_SLACK * owed < abs(asked - promised):
            # his plan for the whole deal, and he pays a part of it on the spot: that part comes off the trainee's first
            # instalments, which keep their dates (5万 on the 10th, 7万 on the 25th … with 2.6万 paid today: 2.4万 on the
            # 10th — dev play genuinely-broke 49b carried the persona's four shares instead)
            left, rest = paid_now, []
            for a, d in later:
                take = min(a, left)
                left -= take
                if a > take:
                    rest.append((a - take, d))
            later = rest
        if not later or promised <= 0 or abs(sum(a for a, _ in later) - promised) > WHOLE_SLACK * owed:
            return plan
        notes = [item["note"] for item in plan if item["due_days"] > 0]
        amounts = [a for a, _ in later]
        amounts[-1] += promised - sum(amounts)  # the rounding the trainee allowed himself goes into the last one
        return now + [_plan_item(start, a, round(a / owed, 4), d, notes[i] if len(notes) == len(later)
                                  else f"第{i + 1}期" if len(later) > 1 else "承诺付款")
                      for i, (a, (_, d)) in enumerate(zip(amounts, later, strict=True))]

    def close(self) -> None:
        """Leave the shared machine (it holds strong references to its models)."""
        if not self._closed:
            self.machine.remove_model(self.model)
            self._closed = True

    def __del__(self) -> None:  # pragma: no cover - best effort
        try:
            self.close()
        except Exception:
            pass

    def hint(self) -> str:
        return render(self.persona.states[self.state].hint, self.values)
