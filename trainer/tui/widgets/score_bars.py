"""The eight principle scores as a horizontal bar chart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from trainer.tui.prep import PRINCIPLES
from trainer.tui.text import pad

if TYPE_CHECKING:
    from textual import getters

    from trainer.tui.host import TrainerHost

WIDTH = 40


class ScoreBars(Static):
    if TYPE_CHECKING:  # textual types self.app as App[object]; see trainer.tui.host
        app = getters.app(TrainerHost)

    def __init__(self, principles: dict[str, int], **kw):
        super().__init__(**kw)
        self.principles = principles

    def render(self) -> Text:
        tr = self.app.tr
        out = Text()
        for key, label in PRINCIPLES.items():
            v = int(self.principles.get(key, 0))
            n = round(WIDTH * v / 100)
            style = "green" if v >= 80 else "yellow" if v >= 50 else "red"
            out.append(pad(tr(label), 9), style="bold")
            out.append(f"{key:<10}", style="dim")
            out.append("█" * n, style=style)
            out.append("░" * (WIDTH - n), style="dim")
            out.append(f" {v:>3}\n")
        out.rstrip()
        return out
