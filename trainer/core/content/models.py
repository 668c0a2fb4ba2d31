"""Validated models: Persona, Scenario and their parts, built from YNode trees.

``PERSONA_SPEC`` / ``SCENARIO_SPEC`` are the single source of the file formats: the loader
checks files against them and ``trainer schema`` prints them as JSON Schema.
Semantic checks (cross references, conditions, placeholders) live in ``build_persona`` and
``build_scenario``, each problem pointing at the node that caused it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from trainer.core.content import catalogue
from trainer.core.content.conditions import BUILTINS, FUNCS, Condition, ConditionError
from trainer.core.content.conditions import parse as parse_condition
from trainer.core.content.spec import Bool, F, Int, List, Map, Num, Obj, Problems, Str, did_you_mean
from trainer.core.content.yamlsafe import YNode

RESULTS = ("paid_in_full", "partial", "promise", "no_progress", "broken_off", "legal")
DIFFICULTIES = ("easy", "normal", "hard")
DEBT_TYPES = ("工程项目型", "政企机构应收款", "厂商与商场超市", "厂家与厂家", "厂商与经销商")
SLUG = r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*"
ID_HINT = "只用小写字母和数字,单词之间用 - 或 _ 连接"
PLACEHOLDERS = ("company", "contact", "role", "owed", "owed_wan", "days_overdue", "debt_type", "our_company",
                "said_amount", "said_date")
#: said_amount / said_date: the amount and date the trainee named in this move (or last named in the talk;
#: else the whole debt and 约定的日子) — so a reply can echo the trainee's own figures
#: an ending's summary may also name the outcome as settled on the trainee's figures (never the persona's shares):
#: deal_amount (paid now + promised), paid_amount, promised_amount and due_date (the last instalment's day, 12月4日)
OUTCOME_PLACEHOLDERS = ("deal_amount", "paid_amount", "promised_amount", "due_date")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

_TACTIC_OR_GROUP = Str("招式 id(如 `verify_balance`)、招式组(理 情 利 法 人 程序)或 `hostile`")
_REPLIES = List(Str("欠款人说的话", max_len=400), min_items=1, scalar_ok=True,
                doc="几种说法的台词;会话按种子随机挑一句,尽量不重复")
_WHEN = List(Str("一个条件,如 `pressure >= 40 and used(verify_balance)`", max_len=300),
             scalar_ok=True, doc="条件;全部成立才生效")
_EFFECTS = Map(Int("指标的变化量", min=-100, max=100), key_pattern=r"[a-z][a-z0-9_]*",
               doc="指标变化,如 `{willingness: 10, irritation: -5}`")

ENDING_SPEC = Obj({
    "result": F(Str(choices=RESULTS, doc="谈判的结果"), required=True),
    "paid": F(Num(min=0, max=1, doc="当场付清的欠款比例(0..1)")),
    "committed": F(Num(min=0, max=1, doc="约定了日期的承诺付款比例(0..1)")),
    "due_days": F(Int(min=0, max=3650, doc="承诺的款项还有几天到期")),
    "plan": F(List(Obj({
        "share": F(Num(min=0, max=1, doc="占欠款的比例"), required=True),
        "due_days": F(Int(min=0, max=3650, doc="从会话日期起算的天数"), required=True),
        "note": F(Str(max_len=200, doc="这一期的说明")),
        "goods": F(Bool(doc="这一期以取回的本公司库存抵款:学员给货定了价,这一期就按学员的定价,其余挪到后面各期")),
    }), doc="协议的分期付款,用于回收计划表")),
    "summary": F(Str(max_len=400, doc="结果页上的一句话总结")),
}, doc="有它,这个状态就是结局")

STATE_SPEC = Obj(doc="一个状态:`label`、`hint`;带 `ending` 的是结局", fields={
    "label": F(Str(max_len=60, doc="给学员看的简短名称"), required=True),
    "hint": F(Str(max_len=400, doc="此刻的课程提示")),
    "ending": F(ENDING_SPEC),
    "visit": F(Int(min=1, max=9, doc="这个状态属于第几次拜访(多次拜访的场景:1 = 第一次谈,2 = 下一次 …);默认 1")),
    "scene": F(Str(max_len=20, doc="这次拜访的方式,拜访开始时显示:面谈、电话、微信 …")),
})

METER_SPEC = Obj(doc="一个隐藏指标(付款意愿、客情、压力、烦躁……)", fields={
    "label": F(Str(max_len=20, doc="中文名,如 付款意愿"), required=True),
    "start": F(Int(min=-1000, max=1000, doc="初值"), required=True),
    "min": F(Int(min=-1000, max=1000, doc="下限(默认 0)")),
    "max": F(Int(min=-1000, max=1000, doc="上限(默认 100)")),
    "good": F(Str(choices=("up", "down"), doc="哪个方向对学员有利:`up` 越高越好,`down` 越低越好(默认 `up`)")),
    "hidden": F(Bool(doc="从不显示,连“容易”难度也不显示")),
})

REACTION_SPEC = Obj({
    "on": F(List(_TACTIC_OR_GROUP, min_items=1, scalar_ok=True,
                 doc="这条反应回应的招式或招式组"), required=True),
    "in": F(List(Str(), min_items=1, scalar_ok=True, doc="在哪些状态下生效(默认:所有非结局状态)")),
    "when": F(_WHEN),
    "effects": F(_EFFECTS),
    "to": F(Str(doc="转到的状态(默认:留在原状态)")),
    "replies": F(_REPLIES, required=True),
    "note": F(Str(max_len=400, doc="欠款人为什么这样反应,复盘时显示")),
    "reveals": F(Bool(doc="这条反应让欠款人说出了隐藏原因")),
})

AUTO_SPEC = Obj({
    "when": F(_WHEN, required=True),
    "in": F(List(Str(), min_items=1, scalar_ok=True, doc="在哪些状态下检查(默认:所有非结局状态)")),
    "to": F(Str(doc="转到的状态"), required=True),
    "replies": F(_REPLIES, required=True),
    "note": F(Str(max_len=400, doc="为什么这样转,复盘时显示")),
}, doc="一条自动规则:每回合之后检查,条件成立就转到 `to`")

DIFF_SPEC = Obj({
    "meters": F(Map(Int(min=-1000, max=1000, doc="加到这个指标初值上的数"), doc="加到各指标的初值上")),
}, doc="这一难度对指标初值的调整")

PERSONA_SPEC = Obj({
    "id": F(Str(pattern=SLUG, pattern_hint=ID_HINT, doc="唯一编号:小写字母、数字,单词之间用 `-` 或 `_`"),
            required=True),
    "name": F(Str(max_len=60, doc="学员看到的称呼,如 周老板"), required=True),
    "archetype": F(Str(max_len=20, doc="类型,如 假没钱 / 恶意拖欠"), required=True),
    "summary": F(Str(max_len=600, doc="一句话介绍这个欠款人")),
    "hidden_reason": F(Obj({
        "reason": F(Int(min=1, max=13, doc="课程“客户不付款的13个原因”之一(1..13)"), required=True),
        "truth": F(Str(max_len=400, doc="真实情况,复盘时揭晓"), required=True),
        "cover": F(Str(max_len=400, doc="欠款人嘴上的理由"), required=True),
    }, doc="隐藏原因:学员要自己问出来,复盘时揭晓")),
    "meters": F(Map(METER_SPEC, min_items=1, doc="隐藏指标:键是指标 id(如 `willingness`)"), required=True),
    "start": F(Str(doc="开场状态"), required=True),
    "out_of_time": F(Str(doc="回合用完时进入的结局状态")),
    "repetition": F(Obj({
        "decay": F(Num(min=0, max=1, doc="之前每用过一次,这一招的好效果就乘以它一次")),
        "meter": F(Str(doc="重复时上升的指标(默认 `irritation`)")),
        "penalty": F(Int(min=0, max=50, doc="之前每用过一次,给这个指标加的值")),
    }, doc="同一招反复用的代价:越用越不灵")),
    "difficulty": F(Obj({d: F(DIFF_SPEC) for d in DIFFICULTIES},
                        doc="各难度(`easy` / `normal` / `hard`)对指标初值的调整")),
    "states": F(Map(STATE_SPEC, min_items=2, doc="状态:键是状态 id;带 `ending` 的是结局"), required=True),
    "reactions": F(List(REACTION_SPEC, doc="对学员招式的反应:从上往下找第一条匹配的(写具体招式的优先于写招式组的)"),
                   required=True),
    "auto": F(List(AUTO_SPEC, doc="自动规则:每回合之后检查,指标到了阈值自动转状态")),
    "default": F(Obj({
        "effects": F(_EFFECTS),
        "replies": F(_REPLIES, required=True),
    }, doc="没有任何反应匹配时的回答"), required=True),
}, doc="欠款人角色:隐藏指标、状态和对招式的反应")

CASE_SPEC = Obj(doc="案子:欠款方、金额、逾期、合同条款和学员事先掌握的信息", fields={
    "company": F(Str(max_len=60, doc="欠款的公司"), required=True),
    "contact": F(Str(max_len=30, doc="对方联系人,如 钱国富"), required=True),
    "role": F(Str(max_len=30, doc="联系人的职务,如 老板"), required=True),
    "our_company": F(Str(max_len=60, doc="我方公司(学员代表的一方)")),
    "owed": F(Int(min=1, max=10**12, doc="欠款金额(元)"), required=True),
    "disputed": F(Int(min=1, max=10**12, doc="欠款里真有争议的那一部分(元):我方确有问题的货,如坏掉的那一批。问清原因、"
                                              "道歉核实之后只认下这一部分、不多让,评分算作补救,不算让步;须小于欠款")),
    "days_overdue": F(Int(min=0, max=36500, doc="逾期天数"), required=True),
    "debt_type": F(Str(choices=DEBT_TYPES, doc="欠款类型(课程的五类应收款之一)"), required=True),
    "contract_terms": F(Str(max_len=600, doc="合同里的付款条款"), required=True),
    "relationship": F(Str(max_len=400, doc="双方的合作关系和往来情况")),
    "date": F(Str(pattern=r"\d{4}-\d{2}-\d{2}", pattern_hint="YYYY-MM-DD", doc="故事里的会话日期")),
    "known": F(List(Str(max_len=400), min_items=1, doc="学员事先知道的情况"), required=True),
})

SCENARIO_SPEC = Obj({
    "id": F(Str(pattern=SLUG, pattern_hint=ID_HINT, doc="唯一编号(可以和角色 id 不同)"), required=True),
    "title": F(Str(max_len=80, doc="学员在选择列表里看到的标题"), required=True),
    "persona": F(Str(pattern=SLUG, pattern_hint=ID_HINT, doc="用哪个角色(角色 id)"), required=True),
    "summary": F(Str(max_len=600, doc="一句话背景")),
    "difficulty": F(Str(choices=DIFFICULTIES, doc="默认难度:`easy` / `normal` / `hard`"), required=True),
    "turn_limit": F(Int(min=3, max=100, doc="回合上限,用完按角色的 `out_of_time` 结束"), required=True),
    "case": F(CASE_SPEC, required=True),
    "goals": F(List(Str(max_len=300), min_items=1, doc="这次练习的目标,给学员看"), required=True),
    "meters": F(Map(Int(min=-1000, max=1000, doc="这个指标的初值"), doc="指标初值,覆盖角色里的")),
}, doc="场景:一个角色加一个具体案例")


# ---------------------------------------------------------------- models

@dataclass(frozen=True)
class Meter:
    name: str
    label: str
    start: int
    min: int = 0
    max: int = 100
    good: str = "up"
    hidden: bool = False


@dataclass(frozen=True)
class Installment:
    share: float
    due_days: int
    note: str = ""
    #: paid in the company's own stock taken back (取回本公司的库存产品): its amount is the value the trainee put on the goods
    goods: bool = False


@dataclass(frozen=True)
class Ending:
    result: str
    paid: float = 0.0
    committed: float = 0.0
    due_days: int = 0
    plan: tuple[Installment, ...] = ()
    summary: str = ""


@dataclass(frozen=True)
class State:
    name: str
    label: str
    hint: str = ""
    ending: Ending | None = None
    visit: int = 1  # several visits: the state's visit number (a new visit starts when the talk enters it)
    scene: str = ""

    @property
    def terminal(self) -> bool:
        return self.ending is not None


@dataclass(frozen=True)
class Reaction:
    index: int
    on: tuple[str, ...]  # tactic ids and group names as written
    tactics: frozenset[str]  # expanded to tactic ids
    states: tuple[str, ...]  # expanded; empty never
    when: tuple[Condition, ...]
    effects: tuple[tuple[str, int], ...]
    to: str | None
    replies: tuple[str, ...]
    note: str = ""
    reveals: bool = False
    line: int = 0
    specificity: int = 0  # 0 tactic, 1 group


@dataclass(frozen=True)
class AutoRule:
    index: int
    when: tuple[Condition, ...]
    states: tuple[str, ...]
    to: str
    replies: tuple[str, ...]
    note: str = ""
    line: int = 0


@dataclass(frozen=True)
class HiddenReason:
    reason: int
    truth: str
    cover: str


@dataclass(frozen=True)
class Persona:
    id: str
    name: str
    archetype: str
    summary: str
    meters: tuple[Meter, ...]
    start: str
    states: dict[str, State]
    reactions: tuple[Reaction, ...]
    auto: tuple[AutoRule, ...]
    default_effects: tuple[tuple[str, int], ...]
    default_replies: tuple[str, ...]
    out_of_time: str | None = None
    hidden_reason: HiddenReason | None = None
    repetition_decay: float = 0.6
    repetition_meter: str = "irritation"
    repetition_penalty: int = 4
    difficulty: dict[str, dict[str, int]] = field(default_factory=dict)
    path: str = ""
    sha256: str = ""

    def meter(self, name: str) -> Meter:
        return next(m for m in self.meters if m.name == name)

    @property
    def endings(self) -> dict[str, State]:
        return {k: s for k, s in self.states.items() if s.terminal}

    @cached_property
    def signature_ahead(self) -> frozenset[str]:
        """The states short of an ending where a written commitment can still end the talk: a debtor moved there by
        one has not signed yet — 行,这笔我认…你把余款怎么付也写进去,一份计划我们签一回 takes the project manager to his
        boss, who signs later (dev play project-milestone 82d)."""
        return frozenset(state for r in self.reactions
                         if "written_commitment" in r.tactics and r.to is not None and self.states[r.to].terminal
                         for state in r.states if not self.states[state].terminal)

    def __hash__(self) -> int:
        return hash((self.id, self.sha256))


@dataclass(frozen=True)
class Case:
    company: str
    contact: str
    role: str
    owed: int
    days_overdue: int
    debt_type: str
    contract_terms: str
    known: tuple[str, ...]
    relationship: str = ""
    our_company: str = "我们公司"
    date: str = "2026-11-02"
    #: the part of the debt in real dispute (yuan: our established defect, e.g. the bad batch); 0 = none
    disputed: int = 0


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    persona_id: str
    summary: str
    difficulty: str
    turn_limit: int
    case: Case
    goals: tuple[str, ...]
    meters: dict[str, int]
    path: str = ""
    sha256: str = ""


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _s(node: YNode | None, default: Any = "") -> Any:
    return default if node is None else node.value


def _list(node: YNode | None) -> list[YNode]:
    return [] if node is None else list(node.value)


def check_placeholders(node: YNode, out: Problems, allowed: tuple[str, ...] = PLACEHOLDERS) -> None:
    for m in _PLACEHOLDER.finditer(str(node.value)):
        if m.group(1) not in allowed:
            out.error(node, f"文字里有未知的占位符 '{{{m.group(1)}}}'{did_you_mean(m.group(1), allowed)};"
                            f"可用的有 {', '.join('{' + a + '}' for a in allowed)}")


def render(text: str, values: dict[str, str]) -> str:
    """Fill ``{placeholder}`` from the case. Only exact names; nothing is evaluated."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def _expand_moves(node: YNode, out: Problems) -> set[str]:
    word = node.value
    if word in catalogue.MOVE_IDS:
        return {word}
    if word in catalogue.GROUPS:
        return set(catalogue.tactics_in(word))
    if word in ("any", "*"):
        return set(catalogue.MOVE_IDS)
    choices = list(catalogue.MOVE_IDS) + list(catalogue.GROUPS)
    out.error(node, f"未知的招式 '{word}'{did_you_mean(word, choices, catalogue.NAMES)};`trainer tactics` 列出全部招式")
    return set()


_WHAT_ZH = {"state": "状态"}


def _state_ref(node: YNode | None, states: dict[str, Any], out: Problems, what: str = "state") -> str | None:
    if node is None:
        return None
    name = node.value
    if name not in states:
        out.error(node, f"未知的{_WHAT_ZH.get(what, what)} '{name}'{did_you_mean(name, states)}")
        return None
    return str(name)


def _conditions(node: YNode | None, meters: set[str], states: dict[str, Any], out: Problems) -> tuple[Condition, ...]:
    conds = []
    for c in _list(node):
        try:
            cond = parse_condition(c.value)
        except ConditionError as e:
            out.error(c, f"条件 '{c.value}' 写得不对:{e}")
            continue
        for a in cond.atoms():
            if a.kind == "meter" and a.name not in meters:
                choices = sorted(meters) + list(BUILTINS)
                out.error(c, f"条件里有未知的指标 '{a.name}'{did_you_mean(a.name, choices)}")
            elif a.kind in ("used", "last", "said") and a.name not in catalogue.MOVE_IDS and a.name not in catalogue.GROUPS:
                out.error(c, f"条件里有未知的招式 '{a.name}'"
                             f"{did_you_mean(a.name, list(catalogue.MOVE_IDS) + list(catalogue.GROUPS), catalogue.NAMES)}")
            elif a.kind == "visited" and a.name not in states:
                out.error(c, f"条件里有未知的状态 '{a.name}'{did_you_mean(a.name, states)}")
        conds.append(cond)
    return tuple(conds)


def _effects(node: YNode | None, meters: set[str], out: Problems) -> tuple[tuple[str, int], ...]:
    if node is None:
        return ()
    eff = []
    for k, v in node.value.items():
        if k not in meters:
            out.error(node.keys[k], f"未知的指标 '{k}'{did_you_mean(k, meters)}")
            continue
        eff.append((k, int(v.value)))
    return tuple(eff)


def _replies(node: YNode | None, out: Problems) -> tuple[str, ...]:
    reps = []
    for r in _list(node):
        check_placeholders(r, out)
        reps.append(str(r.value))
    return tuple(reps)


def _build_meters(meters_node: YNode, out: Problems) -> tuple[Meter, ...]:
    meters: list[Meter] = []
    for name, mn in meters_node.value.items():
        mv = mn.value
        lo, hi = _s(mv.get("min"), 0), _s(mv.get("max"), 100)
        start = mv["start"].value
        if lo >= hi:
            out.error(mn, f"指标 '{name}':min {lo} 必须小于 max {hi}")
        elif not lo <= start <= hi:
            out.error(mv["start"], f"指标 '{name}':start {start} 不在 {lo}..{hi} 之内")
        meters.append(Meter(name, mv["label"].value, start, lo, hi, _s(mv.get("good"), "up"), _s(mv.get("hidden"), False)))
    reserved = (*BUILTINS, *FUNCS, "and", "or", "not")
    for name, mn in meters_node.value.items():
        if name in reserved:  # a condition would read the builtin, never the meter
            out.error(mn, f"指标名 '{name}' 是条件里的保留字({'、'.join(reserved)}),换个名字")
    return tuple(meters)


def _build_ending(en: YNode, out: Problems) -> Ending:
    ev = en.value
    plan = tuple(Installment(p.value["share"].value, p.value["due_days"].value, _s(p.value.get("note")),
                             bool(_s(p.value.get("goods"), False)))
                 for p in _list(ev.get("plan")))
    paid, committed = _s(ev.get("paid"), 0.0), _s(ev.get("committed"), 0.0)
    if paid + committed > 1.0 + 1e-9:
        out.error(en, f"paid {paid} + committed {committed} 超过了全部欠款(1.0)")
    if plan and abs(sum(p.share for p in plan) - (paid + committed)) > 0.01:
        out.warning(ev["plan"], "plan 各期的 share 加起来不等于 paid + committed")
    if "summary" in ev:
        check_placeholders(ev["summary"], out, PLACEHOLDERS + OUTCOME_PLACEHOLDERS)
    return Ending(ev["result"].value, paid, committed, _s(ev.get("due_days"), 0), plan, _s(ev.get("summary")))


def _build_states(states_node: YNode, out: Problems) -> dict[str, State]:
    states: dict[str, State] = {}
    for name, sn in states_node.value.items():
        sv = sn.value
        ending = _build_ending(sv["ending"], out) if "ending" in sv else None
        if "hint" in sv:
            check_placeholders(sv["hint"], out)
        states[name] = State(name, sv["label"].value, _s(sv.get("hint")), ending, _s(sv.get("visit"), 1),
                             _s(sv.get("scene")))
    return states


def _check_start_and_end(v: dict[str, YNode], states: dict[str, State], out: Problems) -> tuple[str | None, str | None]:
    start = _state_ref(v["start"], states, out)
    if start and states[start].terminal:
        out.error(v["start"], f"开始状态 '{start}' 是一个结局")
    out_of_time = _state_ref(v.get("out_of_time"), states, out)
    if out_of_time and not states[out_of_time].terminal:
        out.error(v["out_of_time"], f"out_of_time 状态 '{out_of_time}' 必须是结局")
    if not any(s.terminal for s in states.values()):
        out.error(v["states"], "没有一个状态是结局;谈判必须能够结束")
    return start, out_of_time


def _states_in(node: YNode | None, states: dict[str, State], out: Problems) -> tuple[str, ...]:
    """The live states an `in:` list names (default: every live state); endings are refused."""
    if node is None:
        return tuple(k for k, s in states.items() if not s.terminal)
    res = []
    for s in _list(node):
        name = _state_ref(s, states, out)
        if name is None:
            continue
        if states[name].terminal:
            out.error(s, f"状态 '{name}' 是结局;结局之后不会再发生任何事")
            continue
        res.append(name)
    return tuple(res)


def _build_reaction(i: int, rn: YNode, meter_names: set[str], states: dict[str, State], out: Problems) -> Reaction:
    rv = rn.value
    tactics: set[str] = set()
    spec = 0  # 0 = names a tactic; 1 = names a group or `any` (tried after tactic-specific reactions)
    for t in _list(rv["on"]):
        tactics |= _expand_moves(t, out)
        if t.value not in catalogue.MOVE_IDS:
            spec = 1
    return Reaction(
        index=i, on=tuple(t.value for t in _list(rv["on"])), tactics=frozenset(tactics),
        states=_states_in(rv.get("in"), states, out), when=_conditions(rv.get("when"), meter_names, states, out),
        effects=_effects(rv.get("effects"), meter_names, out), to=_state_ref(rv.get("to"), states, out),
        replies=_replies(rv["replies"], out), note=_s(rv.get("note")),
        reveals=_s(rv.get("reveals"), False), line=rn.line, specificity=spec)


def _build_auto(i: int, an: YNode, meter_names: set[str], states: dict[str, State], out: Problems) -> AutoRule:
    av = an.value
    to = _state_ref(av["to"], states, out)
    return AutoRule(i, _conditions(av["when"], meter_names, states, out), _states_in(av.get("in"), states, out),
                    to or "", _replies(av["replies"], out), _s(av.get("note")), an.line)


def _repetition_meter(v: dict[str, YNode], meters_node: YNode, meter_names: set[str], out: Problems) -> str:
    rv = v["repetition"].value if v.get("repetition") else {}
    name: str = _s(rv.get("meter"), "irritation")
    if name not in meter_names:
        where = rv.get("meter") or meters_node
        out.error(where, f"repetition 的指标 '{name}' 不是已定义的指标{did_you_mean(name, meter_names)}"
                  + ("" if rv.get("meter") else "(请定义 'irritation' 指标,或设置 repetition.meter)"))
    return name


def _build_difficulty(node: YNode | None, meter_names: set[str], out: Problems) -> dict[str, dict[str, int]]:
    diff: dict[str, dict[str, int]] = {}
    for d, dn in (node.value.items() if node else ()):
        mm = dn.value.get("meters")
        diff[d] = {}
        for k, kv in (mm.value.items() if mm else ()):
            if k not in meter_names:
                out.error(mm.keys[k], f"未知的指标 '{k}'{did_you_mean(k, meter_names)}")
            diff[d][k] = kv.value
    return diff


def build_persona(root: YNode, text: str, out: Problems) -> Persona | None:
    """Check ``root`` against PERSONA_SPEC and build the Persona; problems go to ``out``."""
    before = len(out.errors)  # ``out`` may be shared by many files: only this file's errors count
    if not PERSONA_SPEC.check(root, out):
        return None
    v = root.value
    meters = _build_meters(v["meters"], out)
    meter_names = {m.name for m in meters}
    states = _build_states(v["states"], out)
    start, out_of_time = _check_start_and_end(v, states, out)
    reactions = tuple(_build_reaction(i, rn, meter_names, states, out) for i, rn in enumerate(_list(v["reactions"])))
    autos = tuple(_build_auto(i, an, meter_names, states, out) for i, an in enumerate(_list(v.get("auto"))))
    rep = v["repetition"].value if v.get("repetition") else {}
    rep_meter = _repetition_meter(v, v["meters"], meter_names, out)
    diff = _build_difficulty(v.get("difficulty"), meter_names, out)
    hr = v.get("hidden_reason")
    hidden = HiddenReason(hr.value["reason"].value, hr.value["truth"].value, hr.value["cover"].value) if hr else None
    dv = v["default"].value
    default_effects, default_replies = _effects(dv.get("effects"), meter_names, out), _replies(dv["replies"], out)
    if len(out.errors) > before:
        return None
    return Persona(
        id=v["id"].value, name=v["name"].value, archetype=v["archetype"].value, summary=_s(v.get("summary")),
        meters=meters, start=start or "", states=states, reactions=reactions, auto=autos,
        default_effects=default_effects, default_replies=default_replies,
        out_of_time=out_of_time, hidden_reason=hidden,
        repetition_decay=_s(rep.get("decay"), 0.6), repetition_meter=rep_meter,
        repetition_penalty=_s(rep.get("penalty"), 4), difficulty=diff, path=root.path, sha256=sha256_text(text))


#: story dates the engine can add ``due_days`` (≤ 3650) to and print
DATE_YEARS = (1900, 2200)


def check_date(node: YNode, out: Problems) -> bool:
    """``node`` holds YYYY-MM-DD (the spec checked the shape): is it a real calendar day?"""
    try:
        d = date.fromisoformat(str(node.value))
    except ValueError:
        out.error(node, f"日期 '{node.value}' 不存在(月份 01–12,日期按当月天数),格式 YYYY-MM-DD")
        return False
    if not DATE_YEARS[0] <= d.year <= DATE_YEARS[1]:
        out.error(node, f"日期 '{node.value}' 的年份须在 {DATE_YEARS[0]}–{DATE_YEARS[1]} 之间")
        return False
    return True


def build_scenario(root: YNode, text: str, out: Problems) -> Scenario | None:
    if not SCENARIO_SPEC.check(root, out):
        return None
    v = root.value
    cv = v["case"].value
    if "date" in cv and not check_date(cv["date"], out):
        return None
    if "disputed" in cv and cv["disputed"].value >= cv["owed"].value:
        out.error(cv["disputed"], f"disputed({cv['disputed'].value})应小于欠款 owed({cv['owed'].value}):"
                                  "争议的只是欠款的一部分")
        return None
    case = Case(
        company=cv["company"].value, contact=cv["contact"].value, role=cv["role"].value,
        owed=cv["owed"].value, days_overdue=cv["days_overdue"].value, debt_type=cv["debt_type"].value,
        contract_terms=cv["contract_terms"].value, known=tuple(k.value for k in cv["known"].value),
        relationship=_s(cv.get("relationship")), our_company=_s(cv.get("our_company"), "我们公司"),
        date=_s(cv.get("date"), "2026-11-02"), disputed=_s(cv.get("disputed"), 0))
    meters = {k: n.value for k, n in v["meters"].value.items()} if v.get("meters") else {}
    return Scenario(
        id=v["id"].value, title=v["title"].value, persona_id=v["persona"].value, summary=_s(v.get("summary")),
        difficulty=v["difficulty"].value, turn_limit=v["turn_limit"].value, case=case,
        goals=tuple(g.value for g in v["goals"].value), meters=meters, path=root.path, sha256=sha256_text(text))


def wan_text(yuan: int) -> str:
    """An amount the way the course writes it: 38万, 12.5万, 1.2亿, 8000元 — never in exponent notation."""
    if yuan < 10_000:
        return f"{yuan}元"
    if yuan >= 10**12:
        return f"{_decimal(yuan, 10**12)}万亿"
    if yuan >= 100_000_000:
        return f"{_decimal(yuan, 100_000_000)}亿"
    return f"{_decimal(yuan, 10_000)}万"


def _decimal(yuan: int, unit: int) -> str:
    whole, rest = divmod(yuan, unit)
    frac = f"{rest * 10_000 // unit:04d}".rstrip("0")  # at most four decimals, cut (not rounded up)
    return f"{whole:,}" + (f".{frac}" if frac else "")


def case_values(case: Case) -> dict[str, str]:
    return {
        "company": case.company, "contact": case.contact, "role": case.role,
        "owed": f"{case.owed:,}", "owed_wan": wan_text(case.owed),
        "days_overdue": str(case.days_overdue), "debt_type": case.debt_type, "our_company": case.our_company,
    }
