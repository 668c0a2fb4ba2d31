"""A tuple read when first used: lists that live in a content file (the rubric's principle keys, the
十大事先准备 checklist) are shown by screens whose import must not read YAML (start-up)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import overload


class LazyTuple(Sequence[str]):
    def __init__(self, load: Callable[[], tuple[str, ...]]) -> None:
        self._load = load

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[str]: ...

    def __getitem__(self, i: int | slice) -> str | Sequence[str]:
        return self._load()[i]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())

    def __eq__(self, other: object) -> bool:
        return tuple(self) == (tuple(other) if isinstance(other, (tuple, list, LazyTuple)) else other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._load())
