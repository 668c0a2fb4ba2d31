"""The condition language of personas: tiny, declarative, interpreted here — never eval'd.

A condition is one line of text, e.g.::

    pressure >= 40
    used(verify_balance) and not used(legal_action)
    turn <= 6 or trust > 70
    used(法) >= 2          # a tactic group counts too
    last(情)               # the previous move was of group 情
    visited(exposed)       # the session has been in state `exposed`
    said(verify_balance)   # this move has verify_balance among its acts (main or side; a group counts too)
    repeats >= 2           # this move's tactic was already used twice before
    chance(0.3)            # drawn from the session's seeded RNG

Grammar (recursive descent, bounded by ``MAX_LEN``)::

    expr  := term ('or' term)*
    term  := factor ('and' factor)*
    factor:= 'not' factor | '(' expr ')' | atom
    atom  := NAME [OP NUMBER]          NAME is a meter, turn, repeats or streak
           | FUNC '(' ARG ')' [OP NUMBER]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol, Union

MAX_LEN = 300
OPS = (">=", "<=", "==", "!=", ">", "<")
FUNCS = ("used", "last", "visited", "chance", "said")
BUILTINS = ("turn", "repeats", "streak", "offer", "ask_total", "plan_total", "deadline_days", "plan_days", "conditional",
            "concession", "evidence", "rude")
#: offer: the largest amount named in this move as a share of the debt (0..1, 0 = none named);
#: ask_total: what this move asks for in all, as a share of the debt — instalments named together count as their sum,
#: a total named with its parts as the total, a part with 余款 as the whole debt (0 = no ask);
#: plan_total: the trainee's latest ask in the talk so far (an earlier move's, when this one names none), as a share of
#: the debt (0 = none yet) — a plan laid out before the signature still stands at it;
#: deadline_days: days from the talk to the earliest date named in this move (999 = none);
#: plan_days: the same for the talk so far — this move's date, else the earliest payment date the trainee named before
#: (999 = none): a signing move that writes down what was said (那就按刚才说的写下来) has the plan's date;
#: conditional / concession: 1 when the move ties its offer to a condition / gives something up
#: evidence: 1 when the move cites signed or stamped papers as evidence (送货单是他签的, 对账单盖的是公司公章)
#: rude: 1 when the move's hostility is rudeness only — an insult or a shout with nothing threatened; a threat, or the
#: id `hostile` typed as such, is 0, so `on: hostile` with `when: not rude` answers unlawful pressure

_TOKEN = re.compile(r"\s*(?:(?P<op>>=|<=|==|!=|>|<)|(?P<num>-?\d+(?:\.\d+)?)|(?P<lp>\()|(?P<rp>\))"
                    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*|[\u4e00-\u9fff]+))")


class ConditionError(ValueError):
    def __init__(self, message: str, offset: int = 0):
        super().__init__(message)
        self.offset = offset


class Context(Protocol):
    """What a condition can look at: implemented by the session."""

    def meter(self, name: str) -> float: ...
    def builtin(self, name: str) -> float: ...
    def used(self, what: str) -> int: ...
    def last(self, what: str) -> bool: ...
    def visited(self, state: str) -> bool: ...
    def chance(self, p: float) -> bool: ...
    def said(self, what: str) -> bool: ...


@dataclass(frozen=True)
class Compare:
    op: str
    value: float

    def test(self, x: float) -> bool:
        op, v = self.op, self.value
        return (x >= v if op == ">=" else x <= v if op == "<=" else x > v if op == ">"
                else x < v if op == "<" else x == v if op == "==" else x != v)


@dataclass(frozen=True)
class Atom:
    kind: str  # "meter" | "builtin" | "used" | "last" | "visited" | "chance" | "said"
    name: str  # meter name / builtin / function argument
    cmp: Compare | None
    offset: int

    def eval(self, ctx: Context) -> bool:
        k = self.kind
        if k == "meter":
            return self.cmp.test(ctx.meter(self.name)) if self.cmp else ctx.meter(self.name) > 0
        if k == "builtin":
            return self.cmp.test(ctx.builtin(self.name)) if self.cmp else ctx.builtin(self.name) > 0
        if k == "used":
            n = ctx.used(self.name)
            return self.cmp.test(n) if self.cmp else n >= 1
        if k == "last":
            return ctx.last(self.name)
        if k == "visited":
            return ctx.visited(self.name)
        if k == "chance":
            return ctx.chance(float(self.name))
        if k == "said":
            return ctx.said(self.name)
        raise AssertionError(k)  # pragma: no cover


@dataclass(frozen=True)
class Not:
    inner: Expr

    def eval(self, ctx: Context) -> bool:
        return not self.inner.eval(ctx)


@dataclass(frozen=True)
class And:
    parts: tuple[Expr, ...]

    def eval(self, ctx: Context) -> bool:
        return all(p.eval(ctx) for p in self.parts)


@dataclass(frozen=True)
class Or:
    parts: tuple[Expr, ...]

    def eval(self, ctx: Context) -> bool:
        return any(p.eval(ctx) for p in self.parts)


Expr = Union[Atom, Not, And, Or]


@dataclass(frozen=True)
class Condition:
    text: str
    expr: Expr

    def eval(self, ctx: Context) -> bool:
        return self.expr.eval(ctx)

    def atoms(self) -> list[Atom]:
        out: list[Atom] = []
        stack: list[Expr] = [self.expr]
        while stack:
            e = stack.pop()
            if isinstance(e, Atom):
                out.append(e)
            elif isinstance(e, Not):
                stack.append(e.inner)
            else:
                stack.extend(e.parts)
        return out


def _tokens(text: str) -> list[tuple[str, str, int]]:
    out, pos = [], 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            bad = text[pos:].lstrip()[:1]
            raise ConditionError(f"unexpected '{bad}'", len(text) - len(text[pos:].lstrip()))
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind), m.start(kind)))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.toks = _tokens(text)
        self.i = 0
        self.depth = 0

    def peek(self) -> tuple[str, str, int] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> tuple[str, str, int]:
        t = self.peek()
        if t is None:
            raise ConditionError("条件没写完就结束了", len(self.text))
        self.i += 1
        return t

    def expr(self) -> Expr:
        self.depth += 1
        if self.depth > 20:
            raise ConditionError("嵌套太深", 0)
        parts = [self.term()]
        while (t := self.peek()) and t[0] == "name" and t[1] == "or":
            self.take()
            parts.append(self.term())
        self.depth -= 1
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def term(self) -> Expr:
        parts = [self.factor()]
        while (t := self.peek()) and t[0] == "name" and t[1] == "and":
            self.take()
            parts.append(self.factor())
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def factor(self) -> Expr:
        kind, val, off = self.take()
        if kind == "name" and val == "not":
            return Not(self.factor())
        if kind == "lp":
            e = self.expr()
            k2, _, o2 = self.take()
            if k2 != "rp":
                raise ConditionError("这里缺少 ')'", o2)
            return e
        if kind != "name":
            raise ConditionError(f"这里应该是指标、turn、repeats、streak 或 {', '.join(FUNCS)}(…) 之一,却是 '{val}'", off)
        if val in FUNCS:
            k, _, o = self.take()
            if k != "lp":
                raise ConditionError(f"'{val}' 要在括号里写参数:{val}(…)", o)
            ka, arg, oa = self.take()
            if ka not in ("name", "num"):
                raise ConditionError(f"'{val}(…)' 括号里要写一个名字", oa)
            k, _, o = self.take()
            if k != "rp":
                raise ConditionError("这里缺少 ')'", o)
            if val == "chance":
                if ka != "num" or not 0 <= float(arg) <= 1:
                    raise ConditionError("chance(…) 的参数是 0 到 1 之间的概率", oa)
            cmp = self.compare() if val == "used" else None
            return Atom(val, arg, cmp, oa)
        kind_name = "builtin" if val in BUILTINS else "meter"
        return Atom(kind_name, val, self.compare(), off)

    def compare(self) -> Compare | None:
        t = self.peek()
        if t and t[0] == "op":
            self.take()
            k, v, o = self.take()
            if k != "num":
                raise ConditionError(f"'{t[1]}' 后面应该是数字", o)
            return Compare(t[1], float(v))
        return None


def parse(text: str) -> Condition:
    if not isinstance(text, str) or not text.strip():
        raise ConditionError("条件是空的", 0)
    if len(text) > MAX_LEN:
        raise ConditionError(f"条件超过 {MAX_LEN} 个字符", 0)
    p = _Parser(text)
    e = p.expr()
    rest = p.peek()
    if rest is not None:
        raise ConditionError(f"这里不该出现 '{rest[1]}'(多个条件用 'and' / 'or' 连接)", rest[2])
    return Condition(text, e)
