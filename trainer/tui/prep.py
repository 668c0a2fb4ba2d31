"""Display names shared by the screens; the course's 十大事先准备 and the principles' names come from the
rubric file (scoring/rubric.yaml), their one home, read when first shown."""

from collections.abc import Iterator, Mapping, Sequence

from trainer.core.content.lazy import LazyTuple


def _checklist() -> tuple[str, ...]:
    # deferred for start-up: the rubric's YAML is read when the checklist is first shown
    from trainer.core.judging.rubric import load_rubric
    return load_rubric().checklist


PREPARATIONS: Sequence[str] = LazyTuple(_checklist)

#: Chinese names of the outcome results and the scoring principles, for display
RESULTS = {
    "paid_in_full": "当场付清", "partial": "部分回收", "promise": "书面承诺", "no_progress": "没有进展",
    "broken_off": "不欢而散", "legal": "诉诸法律",
}


class _PrincipleNames(Mapping[str, str]):
    """key → 中文名 of the scoring principles, read from the rubric file when first shown (not at
    import: start-up stays free of YAML) — the rubric is their one home."""

    def _names(self) -> dict[str, str]:
        # deferred for start-up: the rubric's YAML is read when the names are first shown
        from trainer.core.judging.rubric import principle_names
        return principle_names()

    def __getitem__(self, key: str) -> str:
        return self._names()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())


PRINCIPLES: Mapping[str, str] = _PrincipleNames()
DIFFICULTIES = {"easy": "容易", "normal": "普通", "hard": "困难"}
