"""Regexes compiled on first need, skipped outright when the text cannot hold a match.

Why: compiling the recogniser's ~250 patterns (law, slots, the phrase library's cues) was a third of
`trainer classify`'s own start-up, and a one-line classify needs few of them. Each pattern has
*anchors*: a set of characters at least one of which appears in every string it can match (worked
out from the parsed pattern, so it is a proof, not a guess). A text with none of them cannot match, so
the pattern is neither compiled nor run for it. Anchors come from a table shipped beside the model
(`anchors.json`, rebuilt by `python -m trainer.core.language.train`) or, for the phrase library, from
its on-disk cache; a pattern missing from both is compiled at once and works as before.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

TABLE = Path(__file__).with_name("anchors.json")
MAX_RANGE = 64  # a class wider than this ([一-龥], \d's kin) is no anchor: nearly any text has one
_NO: frozenset[str] = frozenset()  # "no anchors known: always run"

_table: dict[str, str | None] | None = None
REGISTRY: list[LazyPattern] = []  # every module-level pattern, for the shipped table and its test


def _key(pattern: str, flags: int) -> str:
    return f"{flags}:{pattern}"


def _shipped() -> dict[str, str | None]:
    global _table
    if _table is None:
        try:
            data = json.loads(TABLE.read_text(encoding="utf-8"))
            _table = {k: v for k, v in data.items() if isinstance(k, str) and (v is None or isinstance(v, str))}
        except (OSError, ValueError, AttributeError):
            _table = {}
    return _table


def anchors(pattern: str, flags: int = 0) -> str | None:
    """Characters one of which every match of ``pattern`` contains, sorted; None when there is no such set."""
    # deferred for start-up: the parser is needed only on a cold path (building the table or the phrase cache)
    from re import _parser  # type: ignore[attr-defined]

    if flags & re.IGNORECASE:
        return None
    parsed = _parser.parse(pattern, flags)
    if parsed.state.flags & re.IGNORECASE:
        return None
    need = _need(parsed, _parser)
    return "".join(sorted(need)) if need else None


def _need(seq: Any, p: Any) -> set[str] | None:
    """The smallest anchor set among the items every match passes through."""
    best: set[str] | None = None
    for op, av in seq:
        s = _item(op, av, p)
        if s is not None and (best is None or len(s) < len(best)):
            best = s
    return best


def _item(op: Any, av: Any, p: Any) -> set[str] | None:
    c = p  # the parser module holds the opcode constants
    if op is c.LITERAL:
        return {chr(av)}
    if op is c.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is c.LITERAL:
                chars.add(chr(a))
            elif o is c.RANGE and a[1] - a[0] < MAX_RANGE:
                chars.update(chr(x) for x in range(a[0], a[1] + 1))
            else:  # NEGATE, CATEGORY, a wide range: anything may match
                return None
        return chars or None
    if op is c.SUBPATTERN:
        group, add_flags, _del, sub = av
        return None if add_flags & re.IGNORECASE else _need(sub, p)
    if op is c.BRANCH:
        sets = [_need(b, p) for b in av[1]]
        if any(s is None for s in sets):
            return None
        return set().union(*sets)  # type: ignore[arg-type]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        lo, _hi, sub = av
        return _need(sub, p) if lo >= 1 else None
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _need(av, p)
    if op is c.ASSERT:  # a positive look-around: its text is in the string, if not in the match
        return _need(av[1], p)
    return None  # ANY, AT, CATEGORY, NOT_LITERAL, ASSERT_NOT, GROUPREF …


#: the last text searched and its set of characters
_LAST: tuple[str | None, frozenset[str]] = (None, frozenset())


class LazyPattern:
    """A ``re.Pattern`` look-alike: compiled on the first text that holds one of its anchors."""

    __slots__ = ("pattern", "flags", "_rx", "_anchors")

    def __init__(self, pattern: str, flags: int = 0, anchor_chars: str | None | frozenset[str] = _NO,
                 compiled: re.Pattern[str] | None = None) -> None:
        self.pattern, self.flags = pattern, flags
        self._rx: re.Pattern[str] | None = compiled
        self._anchors: frozenset[str] | None = None if anchor_chars is _NO else _as_set(anchor_chars)
        if anchor_chars is _NO:
            key = _key(pattern, flags)
            table = _shipped()
            if key in table:
                self._anchors = _as_set(table[key])
            else:  # unknown pattern: compile now, as plain re would, and always run it
                self._rx = re.compile(pattern, flags)

    @property
    def anchor_chars(self) -> str | None:
        """The anchors as stored (None: none known, always run)."""
        return None if self._anchors is None else "".join(sorted(self._anchors))

    def _ready(self, text: str) -> re.Pattern[str] | None:
        """The compiled pattern, or None when ``text`` cannot hold a match."""
        if self._anchors is not None:
            # one text is searched by many patterns in a row: its characters are gathered once
            # (read once into a local, so another thread replacing it cannot pair this text with other characters;
            # the tuple holds the text, so an ``is`` match is the same text)
            global _LAST
            last = _LAST
            if last[0] is not text:
                last = _LAST = (text, frozenset(text))
            if self._anchors.isdisjoint(last[1]):
                return None
        if self._rx is None:
            self._rx = re.compile(self.pattern, self.flags)
        return self._rx

    def compiled(self) -> re.Pattern[str]:
        if self._rx is None:
            self._rx = re.compile(self.pattern, self.flags)
        return self._rx

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        rx = self._ready(text)
        return rx.search(text, *args) if rx is not None else None

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        rx = self._ready(text)
        return rx.match(text, *args) if rx is not None else None

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        rx = self._ready(text)
        return rx.fullmatch(text, *args) if rx is not None else None

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        rx = self._ready(text)
        return rx.finditer(text, *args) if rx is not None else iter(())

    def findall(self, text: str, *args: int) -> list[Any]:
        rx = self._ready(text)
        return rx.findall(text, *args) if rx is not None else []

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        rx = self._ready(text)
        return rx.sub(repl, text, count) if rx is not None else text

    def split(self, text: str, maxsplit: int = 0) -> list[str | Any]:
        rx = self._ready(text)
        return rx.split(text, maxsplit) if rx is not None else [text]

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def _as_set(chars: str | None | frozenset[str]) -> frozenset[str] | None:
    return None if chars is None else frozenset(chars)


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """A module-level pattern: anchors from the shipped table (registered, so the table can be rebuilt)."""
    lp = LazyPattern(pattern, flags)
    REGISTRY.append(lp)
    return lp


def build_table() -> dict[str, str | None]:
    """The shipped table for every registered pattern (import the modules that define them first)."""
    return {_key(lp.pattern, lp.flags): anchors(lp.pattern, lp.flags) for lp in REGISTRY}


def write_table(path: Path = TABLE) -> int:
    table = build_table()
    path.write_text(json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return len(table)
