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
        raise LoadError(path, line, col, f"control character U+{ord(m.group()):04X} is not allowed")


def decode(path: str, data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise LoadError(path, 1, 1, f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,}")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        before = data[: e.start]
        line = before.count(b"\n") + 1
        col = e.start - (before.rfind(b"\n") + 1) + 1
        raise LoadError(path, line, col, f"not valid UTF-8 (byte 0x{data[e.start]:02x}); save the file as UTF-8") from None
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
            raise LoadError(path, e.line, e.col, f"nesting deeper than {MAX_DEPTH} levels") from None
        try:
            return _parse_events(text, path, yaml.SafeLoader)
        except _ParserNesting as again:  # pragma: no cover - the pure parser has no limit today
            raise LoadError(path, again.line, again.col, f"nesting deeper than {MAX_DEPTH} levels") from None


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
                    raise LoadError(path, mark.line + 1, mark.column + 1, f"explicit tags ({tag}) are not allowed")
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
                    raise LoadError(path, line, col, f"explicit tags ({ev.tag}) are not allowed")
                if len(stack) >= MAX_DEPTH:
                    raise LoadError(path, line, col, f"nesting deeper than {MAX_DEPTH} levels")
                stack.append([YNode({} if et is _MAP_START else [], line, col, path), None])
                nodes += 1
            elif et is _ALIAS:
                mark = ev.start_mark
                raise LoadError(path, mark.line + 1, mark.column + 1,
                                f"aliases (*{ev.anchor}) are not allowed; write the value out "
                                "(this also rules out '<<: *anchor' merge keys)")
            elif et is _DOC_START:
                documents += 1
                if documents > 1:
                    mark = ev.start_mark
                    raise LoadError(path, mark.line + 1, mark.column + 1,
                                    "only one YAML document per file (found a second '---')")
            if nodes > MAX_NODES:
                raise LoadError(path, 1, 1, f"more than {MAX_NODES:,} values in one file")
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = e.problem or e.context or "YAML syntax error"
        if "nesting depth" in problem:
            raise _ParserNesting(line, col) from None
        raise LoadError(path, line, col, f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as e:  # pragma: no cover - unmarked errors are rare
        raise LoadError(path, 1, 1, f"YAML error: {e}") from None
    if root is None:
        raise LoadError(path, 1, 1, "the file is empty")
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
            raise LoadError(path, node.line, node.col, "mapping keys must be plain text, not a mapping or list")
        key = node.value
        if key is None:
            key = ""
        node.value = str(key) if not isinstance(key, bool) else str(key).lower()
        if node.value in container.value:
            first = container.keys[node.value]
            raise LoadError(path, node.line, node.col,
                            f"duplicate key '{node.value}' (first at line {first.line}); "
                            "YAML would silently keep only the last one")
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
            why = " (no such file)" if not p.exists() else " (it is a folder)" if p.is_dir() else ""
            raise LoadError(name, 1, 1, f"not a regular file{why}")
        size = p.stat().st_size
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as e:
        raise LoadError(name, 1, 1, f"cannot read: {e.strerror or e}") from None
    if len(data) > MAX_BYTES:
        raise LoadError(name, 1, 1, f"file is {max(size, len(data)):,} bytes; the limit is {MAX_BYTES:,}")
    return decode(name, data)


def load_file(path: str | Path, display: str | None = None) -> YNode:
    """Read and parse a YAML file. ``display`` is the name used in messages."""
    name = display or str(path)
    return parse_text(read_text(path, name), name, checked=True)
