"""The course's 十大事先准备 (ten things to prepare before collecting), as checklist items."""

from collections.abc import Iterator, Mapping

PREPARATIONS: tuple[str, ...] = (
    "弄清楚对方的付款日期",
    "先和对方核对货款余额",
    "和对方确认付款形式",
    "在对方付款日当天准时去收",
    "动身前一天先跟对方打招呼",
    "对方不在时,确认谁能具体办理",
    "拿捏好收款的态度和措辞",
    "带齐送货单、欠条等单据",
    "具备充分的票据知识",
    "收不回来时,及时检讨自己的技巧和谈吐",
)

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
