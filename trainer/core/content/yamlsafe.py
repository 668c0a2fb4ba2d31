"""Bounded, alias-free, line-tracked YAML loading.

Files come from instructors (and anyone else), so they are treated as hostile:

* bytes are capped (``MAX_BYTES``) and must be strict UTF-8 with no control characters;
* the document is read as a *stream of parser events* (libyaml's C parser when present),
  never composed by PyYAML: its composer recurses (``RecursionError`` at ~1,000 levels,
  and the C composer segfaults on deep flow nesting), so we build our own tree
  iteratively and stop at ``MAX_DEPTH``;
* aliases (and so ``<<: *base`` merges) are refused, which rules out alias bombs;
* explicit tags (``!!python/object`` …) are refused — nothing in a file names code;
* duplicate keys are errors, not silently "last one wins";
* every node keeps its ``line:col`` (1-based) so any later check can point at it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from trainer.core.content.oserror import os_reason

_EventLoader: type[yaml.CSafeLoader] | type[yaml.SafeLoader]
try:  # libyaml's event parser is ~7x faster; it is only used for events, never composed
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - pure-Python fallback
    from yaml import SafeLoader as _EventLoader

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 50
MAX_NODES = 200_000

# C0 controls except TAB/LF/CR, DEL, C1 controls, and the bidi overrides that can disguise text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: the same in a decoded scalar, plus CR: the parser turns line breaks into LF, so a CR there came from an escape
_DECODED_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")



#: PyYAML's problem texts, in Chinese (pattern → template; groups are the quoted characters)
_YAML_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(a), b) for a, b in (
    (r"^did not find expected key$", "这里应该是一个键(检查缩进是否对齐)"),
    (r"^did not find expected '-' indicator$", "这里应该是列表项 '-'(检查缩进是否对齐)"),
    (r"^did not find expected (.+)$", "这里缺少 {0}"),
    (r"^could not find expected (.+)$", "这里缺少 {0}"),
    (r"^mapping values are not allowed (here|in this context)$", "这里不能出现 ':' 后接值(缩进不对,或值里有未加引号的冒号)"),
    (r"^found character (.+) that cannot start any token$", "字符 {0} 不能出现在这里(缩进请用空格,不要用 Tab)"),
    (r"^found unexpected end of stream$", "文件意外结束(引号或括号没有闭合)"),
    (r"^found unexpected ':'$", "这里多了一个 ':'"),
    (r"^expected (.+), but found (.+)$", "这里应该是 {0},却是 {1}"),
    (r"^found undefined tag handle (.+)$", "未定义的标签 {0}"),
    (r"^found unknown escape character (.+)$", "未知的转义字符 {0}"),
    (r"^found a tab character (.+)$", "这里有 Tab 字符(缩进请用空格)"),
    (r"^found character that cannot start any token$", "这里的字符不能开头(缩进请用空格,不要用 Tab)"),
    (r"^while scanning (.+)$", "读到这里出错"),
    (r"^while parsing (.+)$", "读到这里出错"),
))
_YAML_WORDS = {"<block end>": "块结束", "<block mapping start>": "映射开头", "<stream end>": "文件结尾",
               "<document start>": "文档开头", "<block sequence start>": "列表开头", "<scalar>": "值",
               "<flow mapping end>": "'}'", "<flow sequence end>": "']'", "<block collection start>": "块开头",
               "the node content": "值", "key": "键", "the node": "值", "<flow mapping start>": "'{'",
               "<flow sequence start>": "'['", "<anchor>": "锚点", "<alias>": "别名", "<tag>": "标签"}


def yaml_problem_zh(problem: str) -> str:
    """PyYAML's problem text in Chinese; one it has no words for becomes a general hint (never English)."""
    for pattern, template in _YAML_PROBLEMS:
        m = pattern.match(problem.strip())
        if m:
            parts = [_YAML_WORDS.get(g.strip(), g.strip()) for g in m.groups()]
            parts = [" 或 ".join(x.strip() for x in p.split(" or ")) for p in parts]
            if all(not re.search("[A-Za-z]{2,}", re.sub(r"'[^']*'", "", p)) for p in parts):
                return template.format(*parts)
            return template.split("{")[0].rstrip("字符 ") + "这里的写法" if "{" in template else template
    return "这里的写法无法解析(检查缩进、冒号、引号和括号)"


class LoadError(Exception):
    """A problem with a file, always printable as ``file:line:col: message``."""

    def __init__(self, path: str, line: int, col: int, message: str):
        super().__init__(f"{path}:{line}:{col}: {message}")
        self.path, self.line, self.col, self.message = path, line, col, message


@dataclass(eq=False, slots=True)
class YNode:
    """A YAML node: ``value`` is a dict[str, YNode], list[YNode] or a scalar."""

    value: Any
    line: int
    col: int
    path: str
    keys: dict[str, YNode] = field(default_factory=dict)  # key nodes of a mapping, for positions
    quoted: bool = False

    @property
    def kind(self) -> str:
        if isinstance(self.value, dict):
            return "mapping"
        if isinstance(self.value, list):
            return "list"
        return "scalar"

    def where(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"

    def error(self, message: str) -> LoadError:
        return LoadError(self.path, self.line, self.col, message)

    def get(self, key: str) -> YNode | None:
        return self.value.get(key) if isinstance(self.value, dict) else None

    def plain(self) -> Any:
        """The node as plain Python data (iterative: safe on any depth we accept)."""
        if not isinstance(self.value, (dict, list)):
            return self.value
        out: Any = {} if isinstance(self.value, dict) else []
        stack: list[tuple[YNode, Any]] = [(self, out)]
        while stack:
            node, target = stack.pop()
            items = node.value.items() if isinstance(node.value, dict) else enumerate(node.value)
            for k, child in items:
                if isinstance(child.value, (dict, list)):
                    sub: Any = {} if isinstance(child.value, dict) else []
                    stack.append((child, sub))
                    val = sub
                else:
                    val = child.value
                if isinstance(target, dict):
                    target[k] = val
                else:
                    target.append(val)
        return out

    def walk(self) -> Iterator[YNode]:
        stack = [self]
        while stack:
            n = stack.pop()
            yield n
            if isinstance(n.value, dict):
                stack.extend(reversed(list(n.value.values())))
            elif isinstance(n.value, list):
                stack.extend(reversed(n.value))


_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9][0-9_]*)?\.[0-9]+(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$")


#: a plain scalar can only be null, a bool or a number if it starts with one of these (most are words)
_SPECIAL_START = frozenset("~nNtTfF+-.0123456789")


def _resolve_plain(text: str) -> Any:
    """YAML 1.2 core-schema resolution of a plain scalar (no yes/no/on/off booleans, no dates)."""
    if text and text[0] not in _SPECIAL_START:
        return text
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text.replace("_", ""))
    if _FLOAT.match(text):
        return float(text.replace("_", ""))
    return text


def check_text(path: str, text: str) -> None:
    m = _CONTROL.search(text)
    if m:
        before = text[: m.start()]
        line = before.count("\n") + 1
        col = m.start() - (before.rfind("\n") + 1) + 1
        raise LoadError(path, line, col, f"不允许控制字符 U+{ord(m.group()):04X}")


def decode(path: str, data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise LoadError(path, 1, 1, f"文件有 {len(data):,} 字节,上限是 {MAX_BYTES:,} 字节")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        before = data[: e.start]
        line = before.count(b"\n") + 1
        col = e.start - (before.rfind(b"\n") + 1) + 1
        raise LoadError(path, line, col, f"不是有效的 UTF-8(字节 0x{data[e.start]:02x});请把文件另存为 UTF-8") from None
    check_text(path, text)
    return text


_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_MAP_START, _SEQ_START = yaml.MappingStartEvent, yaml.SequenceStartEvent
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_DOC_START = yaml.DocumentStartEvent


def parse_text(text: str, path: str = "<string>", *, checked: bool = False) -> YNode:
    """Parse one YAML document into a YNode tree, enforcing every rule in the module doc."""
    if not checked:
        check_text(path, text)
    try:
        return _parse_events(text, path, _EventLoader)
    except _ParserNesting as e:
        # libyaml >= 0.2.6 (PyYAML 6.0.4's wheels) refuses ~1,000 levels in its scanner, before
        # any event reaches our own 50-level check. Re-read with the pure-Python parser, which
        # streams: it meets level 51 at once, so the message (and its position) is always ours.
        if _EventLoader is yaml.SafeLoader:  # pragma: no cover - no C parser installed
            raise LoadError(path, e.line, e.col, f"嵌套超过 {MAX_DEPTH} 层") from None
        try:
            return _parse_events(text, path, yaml.SafeLoader)
        except _ParserNesting as again:  # pragma: no cover - the pure parser has no limit today
            raise LoadError(path, again.line, again.col, f"嵌套超过 {MAX_DEPTH} 层") from None


class _ParserNesting(Exception):
    """The YAML parser itself refused the nesting depth (its own limit, not ours)."""

    def __init__(self, line: int, col: int):
        super().__init__(line, col)
        self.line, self.col = line, col


def _parse_events(text: str, path: str, loader: Any) -> YNode:
    """The event loop. It is hot (most of `trainer validate`): dispatch on the exact event type."""
    root: YNode | None = None
    stack: list[list[Any]] = []  # [container node, pending key node or None]
    nodes = 0
    documents = 0
    ev: Any  # dispatched on its exact event class below, which the type checker cannot follow
    try:
        for ev in yaml.parse(text, Loader=loader):
            et = type(ev)
            if et is _SCALAR:
                tag = ev.tag
                mark = ev.start_mark
                if tag is not None and tag != "!":
                    raise LoadError(path, mark.line + 1, mark.column + 1, f"不允许显式标签({tag})")
                plain = ev.implicit[0] and not ev.style
                if ev.style == '"':  # escapes (\e, \x1b, \u202e …) decode to what the raw-text check never saw
                    bad = _DECODED_CONTROL.search(ev.value)
                    if bad:
                        raise LoadError(path, mark.line + 1, mark.column + 1,
                                        f"双引号字符串解码后含控制字符 U+{ord(bad.group()):04X}"
                                        "(\\e、\\a、\\x1b、\\r 之类的转义不允许)")
                node = YNode(_resolve_plain(ev.value) if plain else ev.value, mark.line + 1, mark.column + 1, path,
                             quoted=not plain)
                nodes += 1
                if stack:
                    _attach(stack, node, path)
                else:
                    root = node
            elif et in _ENDS:
                done = stack.pop()[0]
                if stack:
                    _attach(stack, done, path)
                else:
                    root = done
            elif et is _MAP_START or et is _SEQ_START:
                mark = ev.start_mark
                line, col = mark.line + 1, mark.column + 1
                if ev.tag is not None and ev.tag != "!":
                    raise LoadError(path, line, col, f"不允许显式标签({ev.tag})")
                if len(stack) >= MAX_DEPTH:
                    raise LoadError(path, line, col, f"嵌套超过 {MAX_DEPTH} 层")
                stack.append([YNode({} if et is _MAP_START else [], line, col, path), None])
                nodes += 1
            elif et is _ALIAS:
                mark = ev.start_mark
                raise LoadError(path, mark.line + 1, mark.column + 1,
                                f"不允许别名(*{ev.anchor});请把值直接写出来"
                                "(所以 '<<: *anchor' 合并键也不能用)")
            elif et is _DOC_START:
                documents += 1
                if documents > 1:
                    mark = ev.start_mark
                    raise LoadError(path, mark.line + 1, mark.column + 1,
                                    "一个文件只能有一个 YAML 文档(这里出现了第二个 '---')")
            if nodes > MAX_NODES:
                raise LoadError(path, 1, 1, f"一个文件里的值超过 {MAX_NODES:,} 个")
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = e.problem or e.context or ""
        if "nesting depth" in problem:
            raise _ParserNesting(line, col) from None
        raise LoadError(path, line, col, f"YAML 语法错误:{yaml_problem_zh(problem)}") from None
    except yaml.YAMLError:  # pragma: no cover - unmarked errors are rare
        raise LoadError(path, 1, 1, "YAML 错误:无法解析这个文件") from None
    if root is None:
        raise LoadError(path, 1, 1, "文件是空的")
    return root


def _attach(stack: list[list[Any]], node: YNode, path: str) -> None:
    if not stack:
        return
    top = stack[-1]
    container: YNode = top[0]
    if isinstance(container.value, list):
        container.value.append(node)
        return
    if top[1] is None:  # this node is a key
        if isinstance(node.value, (dict, list)):
            raise LoadError(path, node.line, node.col, "键只能是普通文字,不能是映射或列表")
        key = node.value
        if key is None:
            key = ""
        node.value = str(key) if not isinstance(key, bool) else str(key).lower()
        if node.value in container.value:
            first = container.keys[node.value]
            raise LoadError(path, node.line, node.col,
                            f"键 '{node.value}' 重复(第一次在第 {first.line} 行);"
                            "YAML 会悄悄只保留最后一个")
        top[1] = node
    else:
        keynode: YNode = top[1]
        container.value[keynode.value] = node
        container.keys[keynode.value] = keynode
        top[1] = None


def read_text(path: str | Path, display: str | None = None) -> str:
    """Bounded read (never more than MAX_BYTES + 1, even from a device or pipe) + strict decode."""
    p = Path(path)
    name = display or str(path)
    try:
        if not p.is_file():
            why = "(文件不存在)" if not p.exists() else "(这是文件夹)" if p.is_dir() else ""
            raise LoadError(name, 1, 1, f"不是普通文件{why}")
        size = p.stat().st_size
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as e:
        raise LoadError(name, 1, 1, f"无法读取:{os_reason(e)}") from None
    if len(data) > MAX_BYTES:
        raise LoadError(name, 1, 1, f"文件有 {max(size, len(data)):,} 字节,上限是 {MAX_BYTES:,} 字节")
    return decode(name, data)


def load_file(path: str | Path, display: str | None = None) -> YNode:
    """Read and parse a YAML file. ``display`` is the name used in messages."""
    name = display or str(path)
    return parse_text(read_text(path, name), name, checked=True)
