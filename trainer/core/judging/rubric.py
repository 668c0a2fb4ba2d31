"""The rubric as data: scoring/rubric.yaml → a validated Rubric.

The file holds the principles (key, 中文名, group, weight, measure with its params, course
reference), the 十大事先准备 checklist and the rules. Every principle names one of the fixed
measures in ``measures.MEASURES``; every rule one of the fixed kinds in ``rules.KINDS``; their
params are checked against the measure's / kind's spec, selectors against the tactic catalogue,
message placeholders against a fixed list. No principle key is written in code: the file's
order and keys are the score's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trainer.core.content import catalogue
from trainer.core.content.lazy import LazyTuple
from trainer.core.content.library import ContentError, display_name, kind_dirs, read_yaml
from trainer.core.content.models import sha256_text
from trainer.core.content.spec import F, Int, List, Map, Obj, Problems, Spec, Str, Unique, did_you_mean
from trainer.core.content.yamlsafe import LoadError, YNode, parse_text
from trainer.core.judging import measures, rules

#: 三个要求 are the outcome; 五大原则 the conduct, which weighs in scaled by the recovered share
GROUPS = ("三个要求", "五大原则")
OUTCOME_GROUP, CONDUCT_GROUP = GROUPS
#: placeholders a rule's message / suggestion may use
PLACEHOLDERS = ("turn", "tactic", "tactic_name", "move", "count", "missing", "archetype", "result", "disputed")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class _Mapping(Spec):
    """Any mapping; the rule's kind checks it afterwards."""

    def __init__(self, doc: str = ""):
        self.doc = doc

    def check(self, node: YNode, out: Problems) -> bool:
        if not isinstance(node.value, dict):
            out.error(node, "这里应该是参数的映射(键: 值)")
            return False
        return True

    def schema(self) -> dict[str, Any]:
        return self._with_doc({"type": "object"})


PRINCIPLE_SPEC = Obj(doc="一条原则:中文名、组别、权重、计分方式和课程出处", fields={
    "name": F(Str(max_len=20, doc="中文名,如 有礼"), required=True),
    "group": F(Str(choices=GROUPS, doc="三个要求(结果)或 五大原则(过程表现,按回收比例折算)"), required=True),
    "weight": F(Int(min=0, max=100, doc="占总分的权重;所有权重加起来是 100"), required=True),
    "measure": F(Str(choices=tuple(measures.MEASURES), doc="计分方式:`trainer/core/judging/measures.py` 里的一种"), required=True),
    "params": F(_Mapping("计分方式的参数")),
    "course": F(Str(max_len=120, doc="课程出处,如 账款回收的三个要求·能早不晚"), required=True),
    "meaning": F(Str(max_len=300, doc="这条原则的意思和算法,给学员看")),
})

RULE_SPEC = Obj({
    "id": F(Str(pattern=r"[a-z][a-z0-9_]*", pattern_hint="只用小写字母、数字和 _", doc="规则编号:小写字母、数字和 _"),
            required=True),
    "kind": F(Str(choices=tuple(rules.KINDS), doc="规则类型:`trainer/core/judging/rules.py` 里实现的一种"),
              required=True),
    "title": F(Str(max_len=40, doc="简短名称,如 先礼后兵"), required=True),
    "principles": F(List(Str(pattern=r"[a-z][a-z0-9_]*", doc="用 `findings` 计分的原则的键"),
                         min_items=1, scalar_ok=True, doc="命中时加减分的原则"), required=True),
    "points": F(Int(min=-100, max=100, doc="每命中一次加到各原则上的分(负数为扣分)"), required=True),
    "max": F(Int(min=1, max=100, doc="每次会话最多计几次(默认 1)")),
    "cap": F(Int(min=0, max=100, doc="命中一次,本场总分就不超过这个数(如越过法律的线:收回再多也不算合格)")),
    "archetypes": F(List(Str(max_len=20), min_items=1, scalar_ok=True,
                         doc="只对这些类型的角色生效(如 真没钱)")),
    "not_archetypes": F(List(Str(max_len=20), min_items=1, scalar_ok=True,
                             doc="对这些类型的角色不生效(如 坏账迹象:要立即行动)")),
    "course": F(Str(max_len=120, doc="课程出处,如 账款回收八术·礼"), required=True),
    "message": F(Str(max_len=300, doc="发生了什么;可用占位符 `{turn}` `{tactic_name}` `{move}` …"), required=True),
    "suggestion": F(Str(max_len=300, doc="课程给出的建议"), required=True),
    "params": F(_Mapping("规则类型的参数")),
})

RUBRIC_SPEC = Obj({
    "version": F(Int(min=1, max=10_000, doc="评分细则的版本号"), required=True),
    "title": F(Str(max_len=80, doc="评分细则的标题"), required=True),
    "principles": F(Map(PRINCIPLE_SPEC, min_items=1, doc="键 → 原则;这些键就是成绩里各原则的键"),
                    required=True),
    "checklist": F(List(Str(max_len=60), min_items=1, doc="账款回收十大事先准备:简报里的准备清单,按课程顺序"), required=True),
    "rules": F(List(RULE_SPEC, min_items=1, doc="课程规则:学员的招式命中时给原则加分或扣分"), required=True),
}, doc="评分细则:原则、权重、计分方式、准备清单和课程规则")


@dataclass(frozen=True)
class Principle:
    key: str
    name: str
    group: str
    weight: int
    measure: str
    params: dict[str, Any]
    course: str
    meaning: str = ""

    @property
    def base(self) -> int:
        """Start score of a findings-measured principle (100 for the others)."""
        return int(self.params.get("base", 100))

    @property
    def outcome(self) -> bool:
        return self.group == OUTCOME_GROUP


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
    #: a finding of this rule caps the session's total (None: no cap)
    cap: int | None = None
    params: dict[str, Any] = field(default_factory=dict)
    not_archetypes: tuple[str, ...] = ()


@dataclass(eq=False)
class Rubric:
    version: int
    title: str
    principles: dict[str, Principle]
    checklist: tuple[str, ...]
    rules: tuple[Rule, ...]
    path: str = ""
    sha256: str = ""



def _check_placeholders(node: YNode, out: Problems) -> None:
    for m in _PLACEHOLDER.finditer(str(node.value)):
        if m.group(1) not in PLACEHOLDERS:
            out.error(node, f"未知的占位符 '{{{m.group(1)}}}';可用的有 "
                            f"{', '.join('{' + p + '}' for p in PLACEHOLDERS)}{did_you_mean(m.group(1), PLACEHOLDERS)}")


def _selector_items(node: YNode, out: Problems) -> list[str] | None:
    ok = True
    items = []
    for it in node.value:
        v = it.value
        if v not in rules.SELECTOR_ITEMS:
            out.error(it, f"未知的招式或招式组 '{v}'{did_you_mean(v, rules.SELECTOR_ITEMS, catalogue.NAMES)}")
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
    for key, pn in v["principles"].value.items():
        pv = pn.value
        m = measures.MEASURES[pv["measure"].value]
        pnode = pv.get("params") or YNode({}, pn.line, pn.col, pn.path)
        if not Obj(m.params, extra_ok=()).check(pnode, out):
            continue
        principles[key] = Principle(key, pv["name"].value, pv["group"].value, pv["weight"].value, m.name,
                                    pnode.plain(), pv["course"].value, pv["meaning"].value if "meaning" in pv else "")
        if m.outcome != (principles[key].group == OUTCOME_GROUP):
            want = OUTCOME_GROUP if m.outcome else CONDUCT_GROUP
            out.error(pv["measure"], f"measure '{m.name}' 属于 {want} 组的原则,不是 "
                                     f"{principles[key].group} 组")
    total = sum(p.weight for p in principles.values())
    if total != 100:
        out.error(v["principles"], f"各原则的 weight 加起来是 {total},不是 100")
    by_findings = [k for k, p in principles.items() if p.measure == "findings"]
    rule_list: list[Rule] = []
    ids = Unique("规则编号", out)
    for rn in v["rules"].value:
        rv = rn.value
        rid = rv["id"].value
        ids.check(rv["id"], f"第 {rv['id'].line} 行")
        if rv["points"].value == 0:
            out.error(rv["points"], "points 不能是 0:一条规则要么加分,要么扣分")
        for key in ("message", "suggestion"):
            _check_placeholders(rv[key], out)
        for pn in rv["principles"].value:
            if pn.value not in by_findings:
                out.error(pn, f"'{pn.value}' 不是按评语计分的原则;可用的有 "
                              f"{', '.join(by_findings)}{did_you_mean(pn.value, by_findings)}")
        k = rules.KINDS[rv["kind"].value]
        params = _build_params(k, rv.get("params"), rn, out)
        if params is None:
            continue
        rule_list.append(Rule(
            id=rid, kind=k.name, title=rv["title"].value,
            principles=tuple(dict.fromkeys(x.value for x in rv["principles"].value)), points=rv["points"].value,
            course=rv["course"].value, message=rv["message"].value, suggestion=rv["suggestion"].value,
            max=rv["max"].value if "max" in rv else 1, cap=rv["cap"].value if "cap" in rv else None,
            archetypes=tuple(x.value for x in rv["archetypes"].value) if "archetypes" in rv else (), params=params,
            not_archetypes=tuple(x.value for x in rv["not_archetypes"].value) if "not_archetypes" in rv else ()))
    if len(out.errors) > n_before:
        return None
    checklist = tuple(str(x.value) for x in v["checklist"].value)
    return Rubric(v["version"].value, v["title"].value, principles, checklist, tuple(rule_list), path=root.path,
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


def principle_keys(rubric: Rubric | None = None) -> tuple[str, ...]:
    """The principles' keys in the rubric's order: the keys of every score."""
    return tuple((rubric or load_rubric()).principles)


#: the principles' keys (from the rubric file; kept for the displays that iterate over them)
PRINCIPLES: Sequence[str] = LazyTuple(principle_keys)


def principle_names(rubric: Rubric | None = None) -> dict[str, str]:
    """key → 中文名 in the rubric's order: every display of the principles (TUI, leaderboard) reads
    them here, from the rubric file, instead of keeping its own copy."""
    r = rubric or load_rubric()
    return {k: p.name for k, p in r.principles.items()}


def load_rubric(path: Path | None = None) -> Rubric:
    """The rubric at ``path`` (default: the search path's). Raises ContentError on any problem."""
    path = path or rubric_file()
    if path is None:
        raise ContentError("trainer: 内容路径上没有找到 scoring/rubric.yaml")
    try:
        st = path.stat()
    except OSError:
        raise ContentError(f"{display_name(path)}:1:1: 文件不存在") from None
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

