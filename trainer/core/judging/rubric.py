"""The rubric as data: scoring/rubric.yaml → a validated Rubric.

The file holds the eight principles (weights, bases, course references), the parameters of
the three measured requirements (早/快/多) and the rules. Every rule names one of the fixed
kinds in ``rules.KINDS``; its params are checked against that kind's spec, its selectors
against the tactic catalogue, its message placeholders against a fixed list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trainer.core.content import catalogue
from trainer.core.content.library import ContentError, display_name, kind_dirs, read_yaml
from trainer.core.content.models import sha256_text
from trainer.core.content.spec import F, Int, List, Num, Obj, Problems, Spec, Str, Unique, did_you_mean
from trainer.core.content.yamlsafe import LoadError, YNode, parse_text
from trainer.core.judging import rules

PRINCIPLES = ("early", "fast", "more", "benefit", "courtesy", "restraint", "procedure", "lawful")
MEASURED = ("early", "fast", "more")  # 三个要求: computed from the outcome
GROUPS = ("三个要求", "五大原则")
#: placeholders a rule's message / suggestion may use
PLACEHOLDERS = ("turn", "tactic", "tactic_name", "move", "count", "missing", "archetype", "result")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class _Mapping(Spec):
    """Any mapping; the rule's kind checks it afterwards."""

    def __init__(self, doc: str = ""):
        self.doc = doc

    def check(self, node: YNode, out: Problems) -> bool:
        if not isinstance(node.value, dict):
            out.error(node, "expected a mapping of parameters")
            return False
        return True

    def schema(self) -> dict[str, Any]:
        return self._with_doc({"type": "object"})


PRINCIPLE_SPEC = Obj({
    "name": F(Str(max_len=20, doc="中文名, e.g. 有礼"), required=True),
    "group": F(Str(choices=GROUPS), required=True),
    "weight": F(Int(min=0, max=100, doc="share of the total; all weights add up to 100"), required=True),
    "base": F(Int(min=0, max=100, doc="start score of a rule-scored principle, before findings")),
    "course": F(Str(max_len=120), required=True),
    "meaning": F(Str(max_len=300)),
})

MEASURES_SPEC = Obj({
    "early": F(Obj({
        "per_day": F(Num(min=0, max=100, doc="points lost per day a written promise is due after today")),
        "floor": F(Int(min=0, max=100, doc="least credit for a written promise, however late")),
    })),
    "fast": F(Obj({
        "par_turns": F(Int(min=1, max=100, doc="turns that still earn the full score")),
        "per_turn": F(Num(min=0, max=100, doc="points lost per turn over par")),
        "floor": F(Int(min=0, max=100, doc="least score when something was recovered")),
    })),
})

RULE_SPEC = Obj({
    "id": F(Str(pattern=r"[a-z][a-z0-9_]*", pattern_hint="lower-case letters, digits and _"), required=True),
    "kind": F(Str(choices=tuple(rules.KINDS), doc="one of the rule kinds implemented in trainer/core/judging/rules.py"),
              required=True),
    "title": F(Str(max_len=40, doc="short name, e.g. 先礼后兵"), required=True),
    "principles": F(List(Str(choices=PRINCIPLES[3:]), min_items=1, scalar_ok=True), required=True),
    "points": F(Int(min=-100, max=100, doc="added to each principle at each hit (negative = costs)"), required=True),
    "max": F(Int(min=1, max=100, doc="at most this many hits per session (default 1)")),
    "archetypes": F(List(Str(max_len=20), min_items=1, scalar_ok=True,
                         doc="only for personas of these archetypes (e.g. 真没钱)")),
    "course": F(Str(max_len=120, doc="course reference, e.g. 账款回收八术·礼"), required=True),
    "message": F(Str(max_len=300, doc="what happened; placeholders {turn} {tactic_name} {move} …"), required=True),
    "suggestion": F(Str(max_len=300, doc="what the course suggests"), required=True),
    "params": F(_Mapping("parameters of the kind")),
})

RUBRIC_SPEC = Obj({
    "version": F(Int(min=1, max=10_000), required=True),
    "title": F(Str(max_len=80), required=True),
    "principles": F(Obj({k: F(PRINCIPLE_SPEC, required=True) for k in PRINCIPLES}), required=True),
    "measures": F(MEASURES_SPEC),
    "rules": F(List(RULE_SPEC, min_items=1), required=True),
}, doc="The scoring rubric: principles, weights and course rules")


@dataclass(frozen=True)
class Principle:
    key: str
    name: str
    group: str
    weight: int
    base: int
    course: str
    meaning: str = ""


@dataclass(eq=False)
class Rule:
    id: str
    kind: str
    title: str
    principles: tuple[str, ...]
    points: int
    course: str
    message: str
    suggestion: str
    max: int = 1
    archetypes: tuple[str, ...] = ()
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(eq=False)
class Rubric:
    version: int
    title: str
    principles: dict[str, Principle]
    measures: dict[str, dict[str, float]]
    rules: tuple[Rule, ...]
    path: str = ""
    sha256: str = ""


MEASURE_DEFAULTS: dict[str, dict[str, float]] = {"early": {"per_day": 1.5, "floor": 20}, "fast": {"par_turns": 6, "per_turn": 6, "floor": 10}}


def _check_placeholders(node: YNode, out: Problems) -> None:
    for m in _PLACEHOLDER.finditer(str(node.value)):
        if m.group(1) not in PLACEHOLDERS:
            out.error(node, f"unknown placeholder '{{{m.group(1)}}}'; use one of "
                            f"{', '.join('{' + p + '}' for p in PLACEHOLDERS)}{did_you_mean(m.group(1), PLACEHOLDERS)}")


def _selector_items(node: YNode, out: Problems) -> list[str] | None:
    ok = True
    items = []
    for it in node.value:
        v = it.value
        if v not in rules.SELECTOR_ITEMS:
            out.error(it, f"unknown tactic or group '{v}'{did_you_mean(v, rules.SELECTOR_ITEMS, catalogue.NAMES)}")
            ok = False
        items.append(v)
    return items if ok else None


def _build_params(k: rules.Kind, node: YNode | None, rule_node: YNode, out: Problems) -> dict[str, Any] | None:
    if node is None:
        node = YNode({}, rule_node.line, rule_node.col, rule_node.path)
    spec = Obj(k.params, extra_ok=())
    if not spec.check(node, out):
        return None
    params: dict[str, Any] = {}
    ok = True
    for name, child in node.value.items():
        if name in k.selectors:
            items = _selector_items(child, out)
            ok = ok and items is not None
            params[name] = rules.expand(items or [])
        elif name in k.itemwise:
            items = _selector_items(child, out)
            ok = ok and items is not None
            params[name] = [x for x in (items or [])]
            params[f"{name}_sets"] = [(x, rules.expand([x])) for x in (items or [])]
        else:
            params[name] = child.plain()
    return params if ok else None


def build_rubric(root: YNode, text: str, out: Problems) -> Rubric | None:
    """Check ``root`` against RUBRIC_SPEC and the rule kinds; build the Rubric. Problems go to ``out``."""
    if not RUBRIC_SPEC.check(root, out):
        return None
    v = root.value
    n_before = len(out.errors)
    principles: dict[str, Principle] = {}
    for key in PRINCIPLES:
        pv = v["principles"].value[key].value
        base = pv["base"].value if "base" in pv else 100
        principles[key] = Principle(key, pv["name"].value, pv["group"].value, pv["weight"].value, base,
                                    pv["course"].value, pv["meaning"].value if "meaning" in pv else "")
        want = "三个要求" if key in MEASURED else "五大原则"
        if principles[key].group != want:
            out.error(pv["group"], f"'{key}' belongs to {want}")
    total = sum(p.weight for p in principles.values())
    if total != 100:
        out.error(v["principles"], f"the principles' weights add up to {total}, not 100")
    measures = {k: dict(d) for k, d in MEASURE_DEFAULTS.items()}
    if "measures" in v:
        for k, node in v["measures"].value.items():
            measures[k].update(node.plain())
    rule_list: list[Rule] = []
    ids = Unique("rule id", out)
    for rn in v["rules"].value:
        rv = rn.value
        rid = rv["id"].value
        ids.check(rv["id"], f"line {rv['id'].line}")
        if rv["points"].value == 0:
            out.error(rv["points"], "points must not be 0: a rule either earns or costs")
        for key in ("message", "suggestion"):
            _check_placeholders(rv[key], out)
        k = rules.KINDS[rv["kind"].value]
        params = _build_params(k, rv.get("params"), rn, out)
        if params is None:
            continue
        rule_list.append(Rule(
            id=rid, kind=k.name, title=rv["title"].value,
            principles=tuple(dict.fromkeys(x.value for x in rv["principles"].value)), points=rv["points"].value,
            course=rv["course"].value, message=rv["message"].value, suggestion=rv["suggestion"].value,
            max=rv["max"].value if "max" in rv else 1,
            archetypes=tuple(x.value for x in rv["archetypes"].value) if "archetypes" in rv else (), params=params))
    if len(out.errors) > n_before:
        return None
    return Rubric(v["version"].value, v["title"].value, principles, measures, tuple(rule_list), path=root.path,
                  sha256=sha256_text(text))


def check_rubric_file(root: YNode, text: str, out: Problems) -> None:
    """For `trainer validate`: every problem of a rubric file, by file:line:col."""
    build_rubric(root, text, out)


def parse_rubric(text: str, path: str = "<rubric>") -> Rubric:
    """Build a rubric from text; raises LoadError (the first problem) when it is not valid."""
    root = parse_text(text, path)
    out = Problems()
    r = build_rubric(root, text, out)
    if r is None:
        p = out.errors[0]
        raise LoadError(p.path, p.line, p.col, p.message)
    return r


def rubric_file() -> Path | None:
    """The first scoring/rubric.yaml on the content search path."""
    for d in kind_dirs("scoring"):
        for name in ("rubric.yaml", "rubric.yml"):
            if (d / name).is_file():
                return d / name
    return None


_CACHE: dict[tuple[str, int, int], Rubric] = {}


def principle_names(rubric: Rubric | None = None) -> dict[str, str]:
    """key → 中文名 in the rubric's order: every display of the principles (TUI, leaderboard) reads
    them here, from the rubric file, instead of keeping its own copy."""
    r = rubric or load_rubric()
    return {k: p.name for k, p in r.principles.items()}


def load_rubric(path: Path | None = None) -> Rubric:
    """The rubric at ``path`` (default: the search path's). Raises ContentError on any problem."""
    path = path or rubric_file()
    if path is None:
        raise ContentError("trainer: no scoring/rubric.yaml found on the content path")
    try:
        st = path.stat()
    except OSError:
        raise ContentError(f"{display_name(path)}:1:1: no such file") from None
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    if key not in _CACHE:
        try:
            root, text = read_yaml(path)
        except LoadError as e:
            raise ContentError(str(e)) from None
        out = Problems()
        r = build_rubric(root, text, out)
        if r is None:
            raise ContentError(out.errors)
        _CACHE.clear()
        _CACHE[key] = r
    return _CACHE[key]


def tactic_name(tactic: str | None) -> str:
    if tactic is None:
        return "未识别的话"
    t = catalogue.BY_ID.get(tactic)
    return t.name if t else tactic

