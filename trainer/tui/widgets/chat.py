"""The transcript as a chat: the trainee's line, the tactic recognised, the debtor's reply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import VerticalScroll
from textual.widgets import Static

from trainer.core.content import catalogue
from trainer.core.engine.session import Turn
from trainer.core.language.recognition import describe_figures

if TYPE_CHECKING:
    from textual import getters

    from trainer.tui.host import TrainerHost


def tactic_label(tactic: str | None) -> str:
    if tactic is None:
        return "未识别"
    t = catalogue.BY_ID[tactic]
    return f"{t.group}·{t.name}"


def heard_label(turn: Turn, with_id: bool = False, today: str = "") -> str:
    """What was heard in a move: the main act with its group (and id), every other act, then the figures
    (利·有条件让步 + 核对余额与付款形式 + 直截了当 · ¥380,000 · 12月4日 · 附条件) — a long line holds several moves, and the
    trainee should see that each was heard, not only the one the debtor answered. A move heard as no tactic shows no
    day before ``today`` (the scenario's date, ISO): 昨晚看新闻了吧? is small talk, and 听到:11月1日 under it read as if
    the trainer had taken yesterday for a deadline (stop 47, in tmux)."""
    dates = turn.dates if turn.tactic is not None or not today else tuple(d for d in turn.dates if d >= today)
    figures = describe_figures(turn.amounts, dates, turn.conditional, turn.concession)
    if turn.tactic is None:
        return tactic_label(None) + (f" · 听到:{figures}" if figures else "")
    others = [catalogue.BY_ID[a].name for a in turn.acts if a != turn.tactic and a in catalogue.BY_ID]
    main = tactic_label(turn.tactic) + (f" ({turn.tactic})" if with_id else "")
    return main + "".join(f" + {name}" for name in others) + (f" · {figures}" if figures else "")


def visit_notice(visit: int, scene: str = "") -> str:
    names = "一二三四五六七八九"
    n = names[visit - 1] if 1 <= visit <= 9 else str(visit)
    return f"—— 第{n}次拜访" + (f" · {scene}" if scene else "") + " ——"


class ChatLog(VerticalScroll):
    if TYPE_CHECKING:  # textual types self.app as App[object]; see trainer.tui.host
        app = getters.app(TrainerHost)

    def __init__(self, turns: list[Turn], contact: str, scenes: dict[int, str] | None = None, today: str = "", **kw):
        super().__init__(**kw)
        self.initial, self.contact, self.today = list(turns), contact, today  # today: the scenario's date
        self.scenes = scenes or {}  # visit number → how it happens (面谈, 电话 …), for scenarios over several visits
        self.visit = 1

    def on_mount(self) -> None:
        for t in self.initial:
            self.add_turn(t, scroll=False)
        self.scroll_end(animate=False)

    def bubbles(self, turn: Turn) -> list[Static]:
        tr = self.app.tr
        rec = f"{heard_label(turn, today=self.today)}  {turn.confidence:.2f}"
        return [
            Static(tr(f"你 · 第{turn.n}回合\n{turn.move}"), classes="bubble me", markup=False),
            Static(tr(f"识别:{rec}"), classes="recognised" + (" unclear" if turn.tactic is None else ""),
                   markup=False),
            Static(tr(f"{self.contact}\n{turn.reply}"), classes="bubble them", markup=False),
        ]

    def add_turn(self, turn: Turn, scroll: bool = True) -> None:
        self.mount_all(self.bubbles(turn))
        if turn.visit > self.visit:  # the talk moved on to the next visit: say so between the turns
            self.visit = turn.visit
            scene = self.scenes.get(turn.visit, "")
            self.mount(Static(self.app.tr(visit_notice(turn.visit, scene)), classes="notice", markup=False))
        if scroll:
            self.call_after_refresh(self.scroll_end, animate=False)

    def add_notice(self, text: str) -> None:
        self.mount(Static(self.app.tr(text), classes="notice", markup=False))
        self.call_after_refresh(self.scroll_end, animate=False)
