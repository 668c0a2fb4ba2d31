"""A small declarative spec language for the YAML formats.

One spec drives both strict validation of a YNode tree (unknown keys, wrong types, ranges,
did-you-mean) and the JSON Schema (draft 2020-12) that editors use, so the two never drift.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from trainer.core.content.yamlsafe import YNode


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    col: int
    severity: str  # "error" | "warning"
    message: str

    def __str__(self) -> str:
        # one line whatever a message quotes from the file: line breaks and control characters are escaped
        message = self.message.translate(_ONE_LINE) if _NEEDS_ESCAPE.search(self.message) else self.message
        return f"{self.path}:{self.line}:{self.col}: {SEVERITY_NAMES.get(self.severity, self.severity)}:{message}"


#: how a problem's severity reads on screen (the JSON keeps "error" / "warning")
SEVERITY_NAMES = {"error": "错误", "warning": "警告"}

_NEEDS_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_ONE_LINE = {c: f"\\x{c:02x}" for c in [*range(0x20), *range(0x7f, 0xa0)]} | {
    0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t", 0x2028: "\\u2028", 0x2029: "\\u2029"}


class Problems(list[Problem]):
    def error(self, node: YNode, message: str) -> None:
        self.append(Problem(node.path, node.line, node.col, "error", message))

    def warning(self, node: YNode, message: str) -> None:
        self.append(Problem(node.path, node.line, node.col, "warning", message))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if p.severity == "warning"]


class Unique:
    """Ids or names that must not repeat within one file. Checked in file order, inside the caller's own
    loop, so the problems keep their order (a loader may report only the first)."""

    def __init__(self, what: str, out: Problems):
        self.what, self.out = what, out  # what: "rule id", "line name" …
        self.first: dict[str, str] = {}

    def check(self, node: YNode, where: str) -> None:
        """``node`` holds the name; ``where`` is how a later repeat points back at this use ("line 7")."""
        name = str(node.value)
        if name in self.first:
            self.out.error(node, f"{self.what} '{name}' 已在 {self.first[name]} 用过")
        self.first[name] = where


def did_you_mean(word: str, choices: Iterable[str], names: Mapping[str, str] | None = None) -> str:
    """A `(是不是 'x'?)` hint, or "". With ``names`` (id → 中文名), a word that is no close id is
    also looked up among the names, and that hint shows both: `(是不是 'red_white_face' 红白脸 / 双簧?)`."""
    word = str(word)
    choices = [c for c in choices if c != word]  # never "did you mean" the very word refused
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        low = word.lower()
        close = [c for c in choices if low and (low in c.lower() or c.lower() in low)][:1]
    if close:
        return f"(是不是 '{close[0]}'?)"
    if names and word:
        # a Chinese name (or part of one) for an id: 红白脸 → red_white_face
        by_name = [i for i in choices if i in names and (word in names[i] or names[i] in word)]
        if not by_name:
            hit = difflib.get_close_matches(word, [names[i] for i in choices if i in names], n=1, cutoff=0.5)
            by_name = [i for i in choices if hit and names.get(i) == hit[0]]
        if by_name:
            return f"(是不是 '{by_name[0]}' {names[by_name[0]]}?)"
    return ""


def shown(v: object, limit: int = 40) -> str:
    """A value quoted inside a one-line message: line breaks and tabs escaped, long text cut."""
    t = str(v).replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return t if len(t) <= limit else t[: limit - 1] + "…"


class Spec:
    doc: str = ""

    def check(self, node: YNode, out: Problems) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _with_doc(self, d: dict[str, Any]) -> dict[str, Any]:
        if self.doc:
            d["description"] = self.doc
        return d


def _typename(node: YNode) -> str:
    v = node.value
    if isinstance(v, dict):
        return "映射"
    if isinstance(v, list):
        return "列表"
    if v is None:
        return "空值(null)"
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, (int, float)):
        return f"数字 {v}"
    return f"文字 '{v}'" if len(str(v)) < 30 else "一段文字"


@dataclass
class Str(Spec):
    doc: str = ""
    min_len: int = 1
    max_len: int = 2000
    pattern: str | None = None
    pattern_hint: str = ""
    choices: tuple[str, ...] | None = None

    def check(self, node: YNode, out: Problems) -> bool:
        v = node.value
        if isinstance(v, (int, float)) and not isinstance(v, bool) and self.choices is None and self.pattern is None:
            node.value = str(v)  # a bare number where text is expected is fine (e.g. a role "3")
            v = node.value
        if not isinstance(v, str):
            out.error(node, f"这里应该是文字,却是{_typename(node)}")
            return False
        if self.choices is not None and v not in self.choices:
            out.error(node, f"'{shown(v)}' 不是以下之一:{', '.join(self.choices)}{did_you_mean(v, self.choices)}")
            return False
        if len(v.strip()) < self.min_len:
            out.error(node, "不能为空")
            return False
        if len(v) > self.max_len:
            out.error(node, f"文字超过 {self.max_len} 个字符")
            return False
        if self.pattern and not re.fullmatch(self.pattern, v):
            out.error(node, f"'{shown(v)}' 不是有效的值{':' + self.pattern_hint if self.pattern_hint else ''}")
            return False
        return True

    def schema(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": "string"}
        if self.choices is not None:
            d["enum"] = list(self.choices)
        else:
            d["minLength"] = self.min_len
            d["maxLength"] = self.max_len
            if self.pattern:
                d["pattern"] = f"^(?:{self.pattern})$"
        return self._with_doc(d)


@dataclass
class Num(Spec):
    doc: str = ""
    min: float | None = None
    max: float | None = None
    integer: bool = False

    def check(self, node: YNode, out: Problems) -> bool:
        v = node.value
        ok = isinstance(v, int) if self.integer else isinstance(v, (int, float))
        if isinstance(v, bool) or not ok:
            out.error(node, f"这里应该是{'整数' if self.integer else '数字'},却是{_typename(node)}")
            return False
        if self.min is not None and v < self.min:
            out.error(node, f"{v} 小于最小值 {self.min:g}")
            return False
        if self.max is not None and v > self.max:
            out.error(node, f"{v} 大于最大值 {self.max:g}")
            return False
        return True

    def schema(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": "integer" if self.integer else "number"}
        if self.min is not None:
            d["minimum"] = self.min
        if self.max is not None:
            d["maximum"] = self.max
        return self._with_doc(d)


def Int(doc: str = "", min: float | None = None, max: float | None = None) -> Num:
    return Num(doc=doc, min=min, max=max, integer=True)


@dataclass
class Bool(Spec):
    doc: str = ""

    def check(self, node: YNode, out: Problems) -> bool:
        if not isinstance(node.value, bool):
            out.error(node, f"这里应该是 true 或 false,却是{_typename(node)}")
            return False
        return True

    def schema(self) -> dict[str, Any]:
        return self._with_doc({"type": "boolean"})


@dataclass
class List(Spec):
    item: Spec
    doc: str = ""
    min_items: int = 0
    max_items: int = 10_000
    scalar_ok: bool = False  # accept a single item where a list is expected

    def check(self, node: YNode, out: Problems) -> bool:
        if not isinstance(node.value, list):
            if self.scalar_ok and not isinstance(node.value, dict):
                node.value = [YNode(node.value, node.line, node.col, node.path, quoted=node.quoted)]
            else:
                out.error(node, f"这里应该是列表,却是{_typename(node)}")
                return False
        if len(node.value) < self.min_items:
            out.error(node, f"至少要有 {self.min_items} 项")
            return False
        if len(node.value) > self.max_items:
            out.error(node, f"最多 {self.max_items} 项")
            return False
        ok = True
        for child in node.value:
            ok = self.item.check(child, out) and ok
        return ok

    def schema(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": "array", "items": self.item.schema()}
        if self.min_items:
            d["minItems"] = self.min_items
        d = self._with_doc(d)
        if self.scalar_ok:  # the description also on the anyOf itself: editors show that one on hover
            return self._with_doc({"anyOf": [d, self.item.schema()]})
        return d


@dataclass
class Map(Spec):
    """A mapping with free keys (ids), each value of one spec."""

    value: Spec
    doc: str = ""
    key_pattern: str = r"[a-z][a-z0-9_]*"
    key_hint: str = "只用小写字母、数字和 _,以字母开头"
    min_items: int = 0

    def check(self, node: YNode, out: Problems) -> bool:
        if not isinstance(node.value, dict):
            out.error(node, f"这里应该是映射(键: 值),却是{_typename(node)}")
            return False
        ok = True
        if len(node.value) < self.min_items:
            out.error(node, f"至少要有 {self.min_items} 项")
            ok = False
        for key, child in node.value.items():
            if not re.fullmatch(self.key_pattern, key):
                out.error(node.keys[key], f"'{key}' 不是有效的名称:{self.key_hint}")
                ok = False
            ok = self.value.check(child, out) and ok
        return ok

    def schema(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": "object", "additionalProperties": False,
                             "patternProperties": {f"^(?:{self.key_pattern})$": self.value.schema()}}
        if self.min_items:
            d["minProperties"] = self.min_items
        return self._with_doc(d)


@dataclass
class F:
    """A field of an Obj."""

    spec: Spec
    required: bool = False


@dataclass
class Obj(Spec):
    fields: dict[str, F]
    doc: str = ""
    extra_ok: tuple[str, ...] = field(default=("$schema",))

    def check(self, node: YNode, out: Problems) -> bool:
        if not isinstance(node.value, dict):
            out.error(node, f"这里应该是映射(键: 值),却是{_typename(node)}")
            return False
        ok = True
        for key, child in node.value.items():
            if key in self.fields:
                ok = self.fields[key].spec.check(child, out) and ok
            elif key not in self.extra_ok:
                out.error(node.keys[key], f"未知的键 '{key}'{did_you_mean(key, self.fields)}")
                ok = False
        for name, f in self.fields.items():
            if f.required and name not in node.value:
                out.error(node, f"缺少必填的键 '{name}'")
                ok = False
        return ok

    def schema(self) -> dict[str, Any]:
        props = {k: f.spec.schema() for k, f in self.fields.items()}
        for k in self.extra_ok:
            props[k] = {"type": "string"}
        d: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
        req = [k for k, f in self.fields.items() if f.required]
        if req:
            d["required"] = req
        return self._with_doc(d)


@dataclass
class AnyOf(Spec):
    """Accepts the first spec whose *shape* fits (scalar / list / mapping)."""

    options: tuple[Spec, ...]
    doc: str = ""

    def check(self, node: YNode, out: Problems) -> bool:
        for opt in self.options:
            trial = Problems()
            if opt.check(node, trial):
                return True
        # report against the option of the node's shape, else the first
        for opt in self.options:
            if (isinstance(opt, (Obj, Map)) and node.kind == "mapping") or (
                    isinstance(opt, List) and node.kind == "list"):
                return opt.check(node, out)
        return self.options[0].check(node, out)

    def schema(self) -> dict[str, Any]:
        return self._with_doc({"anyOf": [o.schema() for o in self.options]})


def json_schema(spec: Spec, title: str, schema_id: str) -> dict[str, Any]:
    d = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": schema_id, "title": title}
    d.update(spec.schema())
    return d
