"""Static analysis of a built persona: the warnings `trainer validate` adds to the hard errors.

Nothing here plays the persona; it reads the reactions as a graph (the same first-match order
machine.py gives transitions) and the conditions as intervals over the meters' ranges:

* reactions and auto rules that can never fire — every (tactic, state) they answer is taken
  first by an unconditional reaction, or their conditions are impossible given meter ranges;
* states no line of play reaches from the start (endings get their own message);
* non-terminal states with no way out: no ending can be reached from them by any reaction or
  auto rule (only the turn limit ends the talk there).

The graph is optimistic (every condition that *can* hold is assumed to), so a warning here is
certain; `trainer simulate` explores what actually happens.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from trainer.core.content.conditions import And, Atom, Compare, Condition, Expr, Not, Or
from trainer.core.content.models import AutoRule, Persona, Reaction
from trainer.core.content.spec import Problem, Problems
from trainer.core.content.yamlsafe import YNode

INF = float("inf")


# ---------------------------------------------------------------- conditions over intervals

@dataclass(frozen=True)
class Interval:
    """A set of reals lo..hi; ``lo_open``/``hi_open`` exclude the bound."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def empty(self) -> bool:
        return self.lo > self.hi or (self.lo == self.hi and (self.lo_open or self.hi_open))

    def meet(self, other: Interval) -> Interval:
        lo, lo_open = max((self.lo, self.lo_open), (other.lo, other.lo_open))
        hi, hi_open = min((self.hi, not self.hi_open), (other.hi, not other.hi_open))
        return Interval(lo, hi, lo_open, not hi_open)


def _cmp_interval(cmp: Compare) -> list[Interval]:
    v = cmp.value
    return {
        ">=": [Interval(v, INF)], ">": [Interval(v, INF, lo_open=True)],
        "<=": [Interval(-INF, v)], "<": [Interval(-INF, v, hi_open=True)],
        "==": [Interval(v, v)], "!=": [Interval(-INF, v, hi_open=True), Interval(v, INF, lo_open=True)],
    }[cmp.op]


def _negate(cmp: Compare) -> Compare:
    return Compare({">=": "<", ">": "<=", "<=": ">", "<": ">=", "==": "!=", "!=": "=="}[cmp.op], cmp.value)


class Ranges:
    """What each quantity a condition reads can be: meters by their min..max, counts >= 0."""

    def __init__(self, persona: Persona):
        self.meters = {m.name: Interval(m.min, m.max) for m in persona.meters}

    def of(self, atom: Atom) -> Interval | None:
        if atom.kind == "meter":
            return self.meters.get(atom.name, Interval(-INF, INF))
        if atom.kind == "builtin":
            return Interval(1, INF) if atom.name == "turn" else Interval(0, INF)
        if atom.kind == "used":
            return Interval(0, INF)
        return None  # last / visited / chance: handled as truth values


def _atom_bounds(atom: Atom, want: bool) -> tuple[str, list[Interval]] | None:
    """The intervals of the atom's quantity where it evaluates to ``want``."""
    if atom.kind not in ("meter", "builtin", "used"):
        return None
    cmp = atom.cmp or (Compare(">=", 1) if atom.kind == "used" else Compare(">", 0))
    return f"{atom.kind}:{atom.name}", _cmp_interval(cmp if want else _negate(cmp))


def can_be(expr: Expr, want: bool, ranges: Ranges) -> bool:
    """False only when ``expr`` can certainly never evaluate to ``want``."""
    if isinstance(expr, Not):
        return can_be(expr.inner, not want, ranges)
    if isinstance(expr, Atom):
        if expr.kind == "chance":
            p = float(expr.name)
            return p > 0 if want else p < 1
        bounds = _atom_bounds(expr, want)
        if bounds is None:
            return True
        dom = ranges.of(expr)
        return dom is None or any(not dom.meet(iv).empty() for iv in bounds[1])
    parts = expr.parts
    conj = isinstance(expr, Or) != want  # And-wanting-True or Or-wanting-False: every part must agree
    if not conj:
        return any(can_be(p, want, ranges) for p in parts)
    if not all(can_be(p, want, ranges) for p in parts):
        return False
    return _joint(parts, want, ranges)


def _joint(parts: tuple[Expr, ...], want: bool, ranges: Ranges) -> bool:
    """Conjunction of atoms on the same quantity, e.g. ``pressure > 60 and pressure < 40``."""
    per: dict[str, list[Interval]] = {}
    doms: dict[str, Interval] = {}
    for p in parts:
        atom, w = p, want
        while isinstance(atom, Not):
            atom, w = atom.inner, not w
        if not isinstance(atom, Atom):
            continue
        b = _atom_bounds(atom, w)
        if b is None or len(b[1]) != 1:
            continue
        key, (iv,) = b
        doms.setdefault(key, ranges.of(atom))  # type: ignore[arg-type]
        per.setdefault(key, []).append(iv)
    for key, ivs in per.items():
        acc = doms[key]
        for iv in ivs:
            acc = acc.meet(iv)
        if acc.empty():
            return False
    return True


def _all_hold(conds: tuple[Condition, ...], ranges: Ranges) -> tuple[bool, bool]:
    """(can all hold together, certainly all hold)."""
    if not conds:
        return True, True
    joint = And(tuple(c.expr for c in conds))
    possible = can_be(joint, True, ranges)
    certain = not any(can_be(c.expr, False, ranges) for c in conds)
    return possible, certain


# ---------------------------------------------------------------- the persona as a graph

@dataclass
class Graph:
    """Edges the persona can take, after dropping rules that can never fire."""

    persona: Persona
    dead_reactions: dict[int, str]  # reaction index -> why it never fires
    dead_autos: dict[int, str]
    edges: dict[str, set[str]]  # state -> next states (reactions and auto rules, not the clock)
    reachable: set[str]

    def can_end_from(self) -> set[str]:
        """States from which some ending is reachable without the turn limit."""
        back: dict[str, set[str]] = {s: set() for s in self.persona.states}
        for a, tos in self.edges.items():
            for b in tos:
                back[b].add(a)
        good = {s for s, st in self.persona.states.items() if st.terminal}
        todo = deque(good)
        while todo:
            s = todo.popleft()
            for a in back[s]:
                if a not in good:
                    good.add(a)
                    todo.append(a)
        return good


def machine_order(persona: Persona) -> list[Reaction]:
    """The order machine.py offers reactions to transitions: tactic-specific before group, then file order."""
    return sorted(persona.reactions, key=lambda r: (r.specificity, r.index))


def build_graph(persona: Persona) -> Graph:
    ranges = Ranges(persona)
    dead: dict[int, str] = {}
    taken: dict[tuple[str, str], Reaction] = {}  # (tactic, state) -> first unconditional reaction
    for r in machine_order(persona):
        possible, certain = _all_hold(r.when, ranges)
        pairs = [(t, s) for t in sorted(r.tactics) for s in r.states]
        if not possible:
            dead[r.index] = "按各指标的取值范围,它的条件永远不可能同时成立"
        elif pairs and all(p in taken for p in pairs):
            first = min((taken[p] for p in pairs), key=lambda q: q.line)
            dead[r.index] = (f"它应对的每个招式和状态都先被第 {first.line} 行的反应接走了"
                             "(先按具体招式的反应,再按招式组的反应,同类按文件顺序)")
        if certain and r.index not in dead:
            for p in pairs:
                taken.setdefault(p, r)
    dead_autos = {}
    for rule in persona.auto:
        if not _all_hold(rule.when, ranges)[0]:
            dead_autos[rule.index] = "按各指标的取值范围,它的条件永远不可能同时成立"
    edges: dict[str, set[str]] = {s: set() for s in persona.states}
    for r in persona.reactions:
        if r.index not in dead and r.to:
            for s in r.states:
                if s != r.to:
                    edges[s].add(r.to)
    for rule in persona.auto:
        if rule.index not in dead_autos and rule.to:
            for s in rule.states:
                if s != rule.to:
                    edges[s].add(rule.to)
    reachable = {persona.start}
    todo = deque([persona.start])
    while todo:
        s = todo.popleft()
        for b in sorted(edges[s]):
            if b not in reachable:
                reachable.add(b)
                todo.append(b)
    if persona.out_of_time and any(not persona.states[s].terminal for s in reachable):
        reachable.add(persona.out_of_time)
    return Graph(persona, dead, dead_autos, edges, reachable)


# ---------------------------------------------------------------- lints (registered in validate)

def _warn(out: Problems, node: YNode | None, persona: Persona, message: str) -> None:
    if node is None:
        out.append(Problem(persona.path, 1, 1, "warning", message))
    else:
        out.warning(node, message)


def _item(root: YNode, key: str, i: int) -> YNode | None:
    n = root.get(key)
    if n is None or not isinstance(n.value, list) or i >= len(n.value):
        return None
    return cast(YNode, n.value[i])


def _state_node(root: YNode, name: str) -> YNode | None:
    n = root.get("states")
    return n.keys.get(name) if n is not None else None


def lint_rules(persona: Persona, root: YNode, out: Problems, graph: Graph | None = None) -> None:
    g = graph or build_graph(persona)
    for i, why in sorted(g.dead_reactions.items()):
        r = persona.reactions[i]
        _warn(out, _item(root, "reactions", i), persona, f"应对 {', '.join(r.on)} 的反应永远不会触发:{why}")
    for i, why in sorted(g.dead_autos.items()):
        _warn(out, _item(root, "auto", i), persona, f"转到 '{persona.auto[i].to}' 的自动规则永远不会触发:{why}")


def lint_states(persona: Persona, root: YNode, out: Problems, graph: Graph | None = None) -> None:
    g = graph or build_graph(persona)
    can_end = g.can_end_from()
    for name, st in persona.states.items():
        node = _state_node(root, name)
        if name not in g.reachable:
            what = "结局" if st.terminal else "状态"
            _warn(out, node, persona, f"{what} '{name}' 永远到不了:从开始状态 '{persona.start}' 出发,"
                                      f"没有能触发的反应或自动规则通向它")
        elif not st.terminal and name not in can_end:
            how = "没有反应或自动规则能离开它" if not g.edges[name] else \
                "从它出发到不了任何结局"
            clock = f";只有回合上限能结束谈判('{persona.out_of_time}')" if persona.out_of_time else ""
            _warn(out, node, persona, f"死路:状态 '{name}' — {how}{clock}")


def _reads(expr: Expr, builtin: str) -> bool:
    if isinstance(expr, Atom):
        return expr.kind == "builtin" and expr.name == builtin
    if isinstance(expr, Not):
        return _reads(expr.inner, builtin)
    return any(_reads(p, builtin) for p in expr.parts)


def lint_threats(persona: Persona, root: YNode, out: Problems, graph: Graph | None = None) -> None:
    """A state where `hostile` has only one answer treats a threat like an insult.

    The course wants unlawful pressure met with the law (有法, 不做出过激行为): a persona answers a
    threat with a legal counter-move (`when: not rude`) and an insult with a rebuke. A state whose
    hostile reactions never read `rude` gives both the same reply, which teaches the wrong thing.
    """
    g = graph or build_graph(persona)
    hostile = [r for r in machine_order(persona) if "hostile" in r.tactics and r.index not in g.dead_reactions]
    split = {s for r in hostile if any(_reads(c.expr, "rude") for c in r.when) for s in r.states}
    for r in hostile:
        alone = [s for s in r.states if s not in split and not persona.states[s].terminal]
        if alone:
            split.update(alone)  # one warning per state, at the first reaction that answers it
            _warn(out, _item(root, "reactions", r.index), persona,
                  f"状态 {', '.join(alone)} 里,威胁和辱骂得到同一种反应:加一条应对 hostile、带 `when: not rude` "
                  "的反应,用法律反制回应威胁(报警、录音、律师函),辱骂仍用这一条")


def lint_persona(persona: Persona, root: YNode, out: Problems) -> None:
    g = build_graph(persona)
    lint_rules(persona, root, out, g)
    lint_states(persona, root, out, g)
    lint_threats(persona, root, out, g)


#: registered into validate.PERSONA_LINTS: (persona, root node, problems) -> None
LINTS: list[Callable[[Persona, YNode, Problems], None]] = [lint_persona]


def group_label(r: Reaction | AutoRule) -> str:
    """Short edge label: the tactic ids / groups a reaction answers (auto rules: their conditions)."""
    if isinstance(r, AutoRule):
        return " and ".join(c.text for c in r.when)
    return ", ".join(r.on)


# ---------------------------------------------------------------- diagrams (`trainer graph`)

_GOOD_RESULTS = ("paid_in_full", "partial", "promise")


@dataclass(frozen=True)
class Edge:
    src: str
    dst: str
    label: str
    auto: bool
    conditional: bool


def diagram_edges(persona: Persona) -> list[Edge]:
    """Edges between different states, one per (from, to, kind); reactions that never fire are left out."""
    g = build_graph(persona)
    merged: dict[tuple[str, str, bool, bool], list[str]] = {}
    for r in persona.reactions:
        if r.index in g.dead_reactions or not r.to:
            continue
        for s in r.states:
            if s != r.to:
                names = merged.setdefault((s, r.to, False, bool(r.when)), [])
                names.extend(x for x in r.on if x not in names)
    for rule in persona.auto:
        if rule.index in g.dead_autos:
            continue
        for s in rule.states:
            names = merged.setdefault((s, rule.to, True, True), [])
            if s != rule.to and group_label(rule) not in names:
                names.append(group_label(rule))
    return [Edge(a, b, (" / " if auto else ", ").join(names), auto, cond)
            for (a, b, auto, cond), names in merged.items() if names]


def _ending_note(persona: Persona, name: str) -> str:
    st = persona.states[name]
    note = st.ending.result if st.ending is not None else ""
    if name == persona.out_of_time:
        note += " · 时间到"
    return note


#: the legend written as comment lines at the top of `trainer graph` (Mermaid `%%`, dot `//`)
GRAPH_LEGEND = ("实线 = 反应(标注招式 id / 招式组,* 表示有条件),",
                "虚线 = 自动规则(auto),双圈 = 结局;停留在原状态的反应不画")


def to_mermaid(persona: Persona) -> str:
    def q(text: str) -> str:
        return text.replace('"', "#quot;")

    lines = [f"%% {persona.id}: {persona.name}({persona.archetype})",
             *(f"%% {line}" for line in GRAPH_LEGEND),
             "flowchart LR",
             '  start_((开始)) --> s_' + persona.start]
    for name, st in persona.states.items():
        if st.terminal:
            lines.append(f'  s_{name}((("{q(st.label)}<br/>{name} · {_ending_note(persona, name)}")))')
        else:
            lines.append(f'  s_{name}["{q(st.label)}<br/>{name}"]')
    for e in diagram_edges(persona):
        label = q(e.label + (" *" if e.conditional and not e.auto else ""))
        arrow = "-.->" if e.auto else "-->"
        lines.append(f'  s_{e.src} {arrow}|"{label}"| s_{e.dst}')
    lines.append("  classDef win fill:#e8f5e9,stroke:#2e7d32,stroke-width:2px")
    lines.append("  classDef lose fill:#ffebee,stroke:#c62828,stroke-width:2px")
    for name, st in persona.endings.items():
        cls = "win" if st.ending is not None and st.ending.result in _GOOD_RESULTS else "lose"
        lines.append(f"  class s_{name} {cls}")
    return "\n".join(lines) + "\n"


def to_dot(persona: Persona) -> str:
    def q(*parts: str) -> str:  # a quoted dot string; parts on separate lines
        return '"' + "\\n".join(p.replace("\\", "\\\\").replace('"', '\\"') for p in parts) + '"'

    lines = [f"// {persona.id}: {persona.name}({persona.archetype})",
             *(f"// {line}" for line in GRAPH_LEGEND),
             f"digraph {q(persona.id)} {{",
             '  rankdir=LR; node [shape=box, style=rounded, fontname="sans-serif"];',
             '  edge [fontname="sans-serif", fontsize=10];',
             "  __start [shape=point, width=0.15];",
             f"  __start -> {q(persona.start)};"]
    for name, st in persona.states.items():
        if st.terminal:
            color = "#2e7d32" if st.ending is not None and st.ending.result in _GOOD_RESULTS else "#c62828"
            lines.append(f"  {q(name)} [shape=doublecircle, color={q(color)}, "
                         f"label={q(st.label, name + ' · ' + _ending_note(persona, name))}];")
        else:
            lines.append(f"  {q(name)} [label={q(st.label, name)}];")
    for e in diagram_edges(persona):
        label = e.label + (" *" if e.conditional and not e.auto else "")
        style = ", style=dashed" if e.auto else ""
        lines.append(f"  {q(e.src)} -> {q(e.dst)} [label={q(label)}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
