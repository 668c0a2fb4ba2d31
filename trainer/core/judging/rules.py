"""The fixed set of rule *kinds* the rubric's rules are written in.

A rule in scoring/rubric.yaml names a kind; the kind is a plain Python function looked up in
``KINDS`` by that name — never evaluated, never imported from a string. Each kind reads the
whole transcript (sequence-aware) and returns hits: the turn it cites plus values for the
rule's message. Points, principles and texts stay in the YAML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from trainer.core.content import catalogue
from trainer.core.content.models import RESULTS
from trainer.core.content.spec import Bool, F, Int, List, Spec, Str
from trainer.core.engine.session import WHOLE_SLACK, is_whole, says_again
from trainer.core.language.normalise import to_simplified

#: one selector item: a tactic id, a group of the catalogue, or `hostile`
SELECTOR_ITEMS: tuple[str, ...] = catalogue.MOVE_IDS + catalogue.GROUPS
#: what a rule may ask of the debtor's reaction to a move
REACTIONS: tuple[str, ...] = ("any", "accepted")


@dataclass(frozen=True)
class Move:
    """What a rule sees of a turn."""

    n: int
    tactic: str | None
    text: str
    state_before: str = ""
    state: str = ""
    #: the debtor went along: the reaction moved him to a state not visited before (fresh ground)
    moved_on: bool = False
    #: every act heard in the move, the main one (``tactic``) first
    acts: tuple[str, ...] = ()
    #: the amounts named in the move (yuan)
    amounts: tuple[int, ...] = ()
    #: what the debtor answered (a finding quotes it: the reaction that supports the finding)
    reply: str = ""
    #: the hostility was rudeness only: an insult or a shout with no threat (costs 有礼, not 有法)
    rude: bool = False

    @property
    def every(self) -> tuple[str, ...]:
        """The main act and the side acts, once each (a hand-made move may have a tactic and no act list)."""
        return tuple(dict.fromkeys(a for a in (self.tactic, *self.acts) if a))

    def did(self, ids: frozenset[str] | set[str] | tuple[str, ...]) -> bool:
        """The move *contains* one of ``ids`` as its main act or a side act. Rules credit a step the trainee
        took (对账, 讲理, 先礼) this way — 先对下账,一共三十八万,这周五前能付吗 did verify the balance — while a
        move is *charged* only for its main act: the act list leans towards listing too much, and a penalty
        should rest on what the move mainly did."""
        return any(a in ids for a in self.every)


@dataclass
class Ctx:
    """The transcript as the rules see it."""

    moves: list[Move]
    result: str
    archetype: str
    reason_turn: int | None = None
    has_hidden_reason: bool = False
    #: what the ending holds: share of the debt paid, and committed *in writing* (the debtor signed)
    paid_share: float = 0.0
    committed_share: float = 0.0
    #: the debt of the scenario (yuan; 0 = not known)
    owed: int = 0
    #: the part of the debt in real dispute: our established defect, e.g. the bad batch (yuan; 0 = none declared)
    disputed: int = 0
    #: the turns whose concession is a remedy of the established defect (the rubric's `remedy` rules; filled by
    #: scoring.apply_rules before the other rules run, so a rule with `except_remedy` can leave them alone)
    remedies: frozenset[int] = frozenset()
    #: the debtor paid on the spot all the trainee last asked for (nothing is left to promise on paper)
    paid_as_agreed: bool = False

    def is_balance(self, amount: int) -> bool:
        """``amount`` is the whole debt, within 1% (never, when the debt is not known) — the engine's test of an ask."""
        return is_whole(amount, self.owed)

    def balance_in_parts(self, moves: list[Move], completing: list[Move] | None = None) -> Move | None:
        """The move that completes the whole balance named in two parts over the talk (0915这批五万二 … then 其余
        五十八万八, of 64万): the later of the first two moves whose amounts add up to it, else None. ``completing``:
        the moves that may complete it (default ``moves``) — the earlier part may be any move of ``moves``."""
        for j, later in enumerate(moves):
            if completing is not None and later not in completing:
                continue
            for earlier in moves[:j]:
                if any(self.is_balance(a + b) for a in earlier.amounts for b in later.amounts):
                    return later
        return None

    def names_balance(self, m: Move) -> bool:
        """The move names the whole balance, at once or in its parts: 26万货款的事, or 0915这批五万二,
        其余五十八万八 (of 64万) put the number on the table — also when the move names other figures beside the
        two parts (五万二 + 五十八万八, and the 三十万 due this week)."""
        a = m.amounts
        return (any(self.is_balance(x) for x in a) or (len(a) >= 2 and self.is_balance(sum(a)))
                or any(self.is_balance(x + y) for x, y in combinations(a, 2)))

    @property
    def last(self) -> Move | None:
        return self.moves[-1] if self.moves else None

    @property
    def recovered(self) -> float:
        return min(1.0, self.paid_share + self.committed_share)

    @property
    def signed(self) -> bool:
        """The debtor put a promise in writing: the ending commits money on paper."""
        return self.committed_share > 0

    def accepted(self, m: Move) -> bool:
        """The debtor took the move: his reaction moved him on to fresh ground, and the session ended with
        money paid or signed for (an offer he answered and then walked away from was not accepted)."""
        return m.moved_on and self.recovered > 0


@dataclass
class Hit:
    move: Move | None
    values: dict[str, Any] = field(default_factory=dict)


KindFn = Callable[[Ctx, dict[str, Any]], list[Hit]]


@dataclass(frozen=True)
class Kind:
    name: str
    doc: str
    fn: KindFn
    params: dict[str, F]
    selectors: tuple[str, ...]  # params that are move selectors (expanded to tactic-id sets)
    itemwise: tuple[str, ...] = ()  # params whose every item is a selector of its own (→ "<name>_sets")


KINDS: dict[str, Kind] = {}


@dataclass
class Selector(List):
    """A move selector: tactic ids and groups, expanded to a set of tactic ids (kept apart from other lists
    by its type, not by its description, which is the instructor's Chinese)."""


def _selector(doc: str) -> Selector:
    return Selector(Str(doc="招式 id、招式组(理 情 利 法 人 程序)或 `hostile`"), min_items=1, scalar_ok=True,
                    doc=doc)


def _results(doc: str) -> List:
    return List(Str(choices=RESULTS), min_items=1, scalar_ok=True, doc=doc)


def kind(name: str, doc: str, params: dict[str, F], itemwise: tuple[str, ...] = ()) -> Callable[[KindFn], KindFn]:
    """Register a kind; params made by `_selector` (a `Selector`) are selectors."""
    def register(fn: KindFn) -> KindFn:
        sels = tuple(k for k, f in params.items() if isinstance(f.spec, Selector) and k not in itemwise)
        KINDS[name] = Kind(name, doc, fn, params, sels, itemwise)
        return fn
    return register


def expand(items: list[str]) -> frozenset[str]:
    """Selector items → the tactic ids they stand for (groups expand to their tactics)."""
    out: set[str] = set()
    for it in items:
        if it in catalogue.GROUPS:
            out.update(catalogue.tactics_in(it))
        else:
            out.add(it)
    return frozenset(out)


def _hit(m: Move | None, **values: Any) -> Hit:
    return Hit(m, values)


# ------------------------------------------------------------------------------------ kinds
@kind("before_any", "fires at a move of `moves` played before any move of `needs` (先礼后兵; 先有条件再让步)",
      {"moves": F(_selector("不可抢先出的招式"), required=True),
       "needs": F(_selector("必须先出其中之一的招式"), required=True),
       "except_remedy": F(Bool(doc="`true`:对我方确有问题那一部分的补救(见 `remedy` 类规则)不算"))})
def before_any(ctx: Ctx, p: dict[str, Any]) -> list[Hit]:
    out, seen = [], False
    for m in ctx.moves:
        if p.get("except_remedy") and m.n in ctx.remedies:
            continue
        if m.tactic in p["moves"] and not seen:
            out.append(_hit(m))
        seen = seen or m.did(p["needs"])
    return out


@kind("escalation", "at the first move of `at`: `followed` fires if every step of `expect` came before it; "
      "`skipped` fires if some but not all did (none at all is before_any's case)",
      {"at": F(_selector("最后一步的招式(施之以法)"), required=True),
       "expect": F(List(Str(), min_items=1, doc="应在之前出现的各步,每步是一个招式或招式组"), required=True),
       "fires_when": F(Str(choices=("followed", "skipped")), required=True)},
      itemwise=("expect",))
def escalation(ctx: Ctx, p: dict[str, Any]) -> list[Hit]:
    for i, m in enumerate(ctx.moves):
        if m.tactic in p["at"]:
            before = {a for x in ctx.moves[:i] for a in x.every}
            missing = [name for name, ids in p["expect_sets"] if not ids & before]
            if p["fires_when"] == "followed" and not missing:
                return [_hit(m)]
            if p["fires_when"] == "skipped" and missing and len(missing) < len(p["expect_sets"]):
                return [_hit(m, missing="、".join(missing))]
            return []
    return []


def _deal_move(ctx: Ctx, p: dict[str, Any]) -> Move | None:
    if ctx.result not in p["results"]:  # no agreement, nothing to check (asking alone earns nothing)
        return None
    # the last anchor move (the deal as sealed: a signature asked for early on a quality conclusion, or refused and asked
    # again once the balance was checked, is not the deal — dev play round 57, quality-dispute 57c5); else the turn the
    # debtor last moved on (to the ending, in a real session)
    moved = [m for m in ctx.moves if m.moved_on]
    return next((m for m in reversed(ctx.moves) if m.tactic in p["anchor"]), moved[-1] if moved else ctx.last)


@kind("before_deal", "when the result is an agreement (one of `results`), checks `needs` came before it (the last "
      "`anchor` move, else the last turn the debtor moved on; an anchor move that also does `needs` counts): `present` "
      "cites the needs move, `missing` the agreement",
      {"needs": F(_selector("达成协议之前必须出的招式"), required=True),
       "anchor": F(_selector("敲定协议的招式"), required=True),
       "results": F(_results("算作达成协议的结果"), required=True),
       "fires_when": F(Str(choices=("present", "missing")), required=True),
       "reaction": F(Str(choices=REACTIONS, doc="`accepted`:`needs` 的招式要欠款人接受了才算")),
       "or_names_balance": F(Bool(doc="`true`:说出全部欠款金额(差不超过 1%)、欠款人接受了的一句也算"))})
def before_deal(ctx: Ctx, p: dict[str, Any]) -> list[Hit]:
    deal = _deal_move(ctx, p)
    if deal is None:
        return []
    strict = p.get("reaction") == "accepted"
    named = bool(p.get("or_names_balance"))
    taken = [m for m in ctx.moves if m.n < deal.n and (not strict or m.moved_on)]
    prior = next((m for m in taken if m.did(p["needs"]) or (named and ctx.names_balance(m))), None)
    if prior is None and deal.did(p["needs"]) and len(deal.every) > 1 and deal.did(p["anchor"]):
        # checked and settled in one breath (金额对好五十八万八,这周五前对公转账,您签字): the check opens the deal;
        # a check alone on the last turn is still too late
        prior = deal
    if prior is None and named:
        # the balance named in two parts: the part that completes it must be one he accepted, or the deal itself (剩下的
        # 五十八万八 … 您签字, as a check said in the deal's own breath counts); the part named first need not have moved
        # him on (复检是0915那批五万二 may go unanswered). Dev play quality-dispute 7b, t
        prior = ctx.balance_in_parts([m for m in ctx.moves if m.n <= deal.n], [*taken, deal])
    if p["fires_when"] == "present":
        return [_hit(prior)] if prior else []
    return [] if prior else [_hit(deal)]


@kind("missing_by_end", "fires at the last turn when no move of `needs` was played, unless the result is one of "
      "`unless_results` (入袋为安)",
      {"needs": F(_selector("结束之前必须出的招式"), required=True),
       "unless_results": F(_results("出现这些结果时不算违反"))})
def missing_by_end(ctx: Ctx, p: dict[str, Any]) -> list[Hit]:
    if ctx.last is None or ctx.result in p.get("unless_results", ()):
        return []
    if any(m.did(p["needs"]) for m in ctx.moves):
        return []
    return [_hit(ctx.last)]


@kind("move", "fires at each move of `moves` (optionally only `after` / `before` some other move, within the "
      "first `within_turns` turns, or when the session ended in one of `results`)",
      {"moves": F(_selector("触发这条规则的招式"), required=True),
       "after": F(_selector("只在其中之一出过之后才算")),
       "before": F(_selector("只在其中任何一招都还没出时才算")),
       "within_turns": F(Int(min=1, max=100)),
       "results": F(_results("只在会话以其中之一结束时才算")),
       "reaction": F(Str(choices=REACTIONS, doc="`accepted`:只算欠款人接受了的招式")),
       "except_remedy": F(Bool(doc="`true`:对我方确有问题那一部分的补救(见 `remedy` 类规则)不算")),
       "side_acts": F(Bool(doc="`true`:招式作为一句话里的附带行为出现也算(只给加分规则用:扣分只看主招)")),
       "unlawful": F(Bool(doc="`true`:只算越过法律的过激言行(威胁、纠缠、曝光、堵门……),单纯的辱骂、吼叫不算"))})
def move(ctx: Ctx, p: dict[str, Any]) -> list[Hit]:
    if "results" in p and ctx.result not in p["results"]:
        return []
    out = []
    seen: set[str | None] = set()
    for m in ctx.moves:
        ok = m.did(p["moves"]) if p.get("side_acts") else m.tactic in p["moves"]
        if ok and "after" in p:
            ok = bool(p["after"] & seen)
        if ok and "before" in p:
            ok = not (p["before"] & seen)
        if ok and "within_turns" in p:
            ok = m.n <= p["within_turns"]
        if ok and p.get("reaction") == "accepted":
            ok = ctx.accepted(m)
        if ok and p.get("except_remedy"):
            ok = m.n not in ctx.remedies
        if ok and p.get("unlawful"):
            ok = not m.rude
        if ok and m.tactic not in p["moves"]:  # a side act credited: the finding names it, not the main act
            out.append(_hit(m, tactic=next(a for a in m.every if a in p["moves"])))
        elif ok:
            out.append(_hit(m))
        seen.update(m.every)
    return out


@kind("only_moves", "fires at the last turn when at least `min_turns` moves were recognised and all were in `moves` "
      "(e.g. only 动之以情 against 恶意拖欠)",
      {"moves": F(_selector("唯一出过的招式"), required=True),
       "min_turns": F(Int(min=1, max=100)),
       "ignore": F(_selector("跳过不计的招式,当作没出过"))})
def only_moves(ctx: Ctx, p: dict[str, Any]) -> list[Hit]:
    known = [m for m in ctx.moves if m.tactic and m.tactic not in p.get("ignore", ())]
    if len(known) >= p.get("min_turns", 3) and all(m.tactic in p["moves"] for m in known):
        return [_hit(ctx.last, count=len(known))]
    return []


@kind("repetition", "fires when one tactic is played `streak` times in a row (once per run; with `same_words`, in much the same words), except `except`; "
      "moves of `ignore` are transparent: they neither count nor break a run",
      {"streak": F(Int(min=2, max=100), required=True),
       "except": F(_selector("从不算作重复的招式")),
       "ignore": F(_selector("跳过不计的招式,当作没出过")),
       "same_words": F(Bool(doc="`true`:还要说法也差不多(同一招、几乎同样的话;招式编号照算)才接着算,换了新内容就重新数"))})
def repetition(ctx: Ctx, p: dict[str, Any]) -> list[Hit]:
    out, run, prev, prev_text = [], 0, None, ""
    for m in ctx.moves:
        if m.tactic in p.get("ignore", ()):
            continue
        same = m.tactic is not None and m.tactic == prev
        if same and p.get("same_words"):
            same = says_again(prev_text, m.text)
        run = run + 1 if same else 1
        prev, prev_text = m.tactic, m.text
        if m.tactic and run == p["streak"] and m.tactic not in p.get("except", ()):
            out.append(_hit(m, count=run))
    return out


@kind("ending", "fires at the last turn when the result is one of `results`",
      {"results": F(_results("触发这条规则的结果"), required=True)})
def ending(ctx: Ctx, p: dict[str, Any]) -> list[Hit]:
    return [_hit(ctx.last)] if ctx.result in p["results"] else []


@kind("hidden_reason", "`found` fires at the turn the persona's hidden reason came out; `missed` at the last turn "
      "when it never did (行动前了解原因)",
      {"fires_when": F(Str(choices=("found", "missed")), required=True)})
def hidden_reason(ctx: Ctx, p: dict[str, Any]) -> list[Hit]:
    if not ctx.has_hidden_reason or not ctx.moves:
        return []
    if p["fires_when"] == "found":
        m = next((x for x in ctx.moves if x.n == ctx.reason_turn), None)
        return [_hit(m)] if m else []
    return [] if ctx.reason_turn else [_hit(ctx.last)]


@kind("ladder", "at the first move of `at`: walks the moves before it through `steps` in order (each step a tactic "
      "or group; a step counts at its first move after the previous step): `followed` fires when every step came, "
      "in order; `skipped` when some did not (先礼后兵: the law after courtesy, reason, reminders, stopping supply "
      "and a warning is course-right; the law first is not)",
      {"at": F(_selector("最后一级台阶的招式(诉诸法律)"), required=True),
       "steps": F(List(Str(), min_items=1, doc="之前应按顺序走过的各级台阶"), required=True),
       "fires_when": F(Str(choices=("followed", "skipped")), required=True)},
      itemwise=("steps",))
def ladder(ctx: Ctx, p: dict[str, Any]) -> list[Hit]:
    for i, m in enumerate(ctx.moves):
        if m.tactic in p["at"]:
            step = 0
            steps = p["steps_sets"]
            for x in ctx.moves[:i]:
                # one move may climb several steps (提醒付款日,不付就停货), each of its acts at most one
                unused = list(x.every)
                while step < len(steps) and (a := next((a for a in unused if a in steps[step][1]), None)):
                    unused.remove(a)
                    step += 1
            missing = [catalogue.BY_ID[name].name if name in catalogue.BY_ID else name for name, _ in steps[step:]]
            if p["fires_when"] == "followed":
                return [] if missing else [_hit(m)]
            return [_hit(m, missing="、".join(missing))] if missing else []
    return []


@kind("signed", "at the last turn: `signed` fires when the debtor's ending commits money in writing (he signed); "
      "`unsigned` when it does not, unless the result is one of `unless_results` or everything was paid (all the "
      "debt, or all the trainee last asked for, on the spot) "
      "(入袋为安: a signature is the debtor's act, not the trainee's request)",
      {"fires_when": F(Str(choices=("signed", "unsigned")), required=True),
       "unless_results": F(_results("没有签字也不算违反的结果")),
       "moves": F(_selector("请对方签字的招式:`signed` 指向欠款人接受的最后一招(没有则指向最后一回合)"))})
def signed(ctx: Ctx, p: dict[str, Any]) -> list[Hit]:
    if ctx.last is None:
        return []
    if p["fires_when"] == "signed":
        if not ctx.signed:
            return []
        asked = [m for m in ctx.moves if m.tactic in p.get("moves", ()) and m.moved_on]
        return [_hit(asked[-1] if asked else ctx.last)]
    if ctx.signed or ctx.paid_share >= 1 or ctx.paid_as_agreed or ctx.result in p.get("unless_results", ()):
        return []
    return [_hit(ctx.last)]


@kind("remedy", "a move of `moves` that makes good our own established defect: the scenario declares the disputed "
      "part (`case.disputed`); a move of `established_by` (问清原因、核对、道歉) came before it, the debtor's hidden "
      "reason was out by then, the disputed part was named by its value (at that move or before), the move names no "
      "amount above it (the whole debt or the rest beside it is asked for, not given) and none of the `beyond` words (fees, interest waived). Fires at each such move; the rules "
      "with `except_remedy` do not charge it",
      {"moves": F(_selector("算作补救的让步招式"), required=True),
       "established_by": F(_selector("之前必须出过其中之一(问清原因、核对、道歉),争议才算确立"), required=True),
       "beyond": F(List(Str(min_len=1, max_len=20), doc="这句话里出现其中之一(违约金、利息…),让的就超出了那一部分,仍算让步"))})
def remedy(ctx: Ctx, p: dict[str, Any]) -> list[Hit]:
    if ctx.disputed <= 0:
        return []
    out, established, named = [], False, False
    beyond = p.get("beyond", ())
    for m in ctx.moves:
        named = named or any(is_whole(a, ctx.disputed) for a in m.amounts)
        reason_out = not ctx.has_hidden_reason or (ctx.reason_turn is not None and ctx.reason_turn <= m.n)
        # an amount the move *asks* for — the whole debt, or the rest beside the disputed part — gives nothing away
        given = [a for a in m.amounts if not (ctx.is_balance(a) or is_whole(a, ctx.owed - ctx.disputed))]
        within = all(a <= ctx.disputed * (1 + WHOLE_SLACK) for a in given)
        if m.tactic in p["moves"] and established and named and reason_out and within:
            text = to_simplified(m.text)  # 違約金 is 违约金: the words are matched on simplified text
            if not any(to_simplified(w) in text for w in beyond):
                out.append(_hit(m))
        established = established or m.did(p["established_by"])
    return out


def param_specs(k: Kind) -> dict[str, Spec]:
    return {name: f.spec for name, f in k.params.items()}
