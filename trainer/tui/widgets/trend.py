"""Scores over time as vertical bars on a fixed 0–100 scale (one column per finished session)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

ROWS = 5
BLOCKS = " ▁▂▃▄▅▆▇█"


class ScoreTrend(Static):
    def __init__(self, totals: list[int], **kw):
        super().__init__(**kw)
        self.totals = totals

    def render(self) -> Text:
        width = max(1, (self.size.width - 5) // 3)
        shown = self.totals[-width:]
        out = Text()
        for r in range(ROWS - 1, -1, -1):
            out.append("100 " if r == ROWS - 1 else "  0 " if r == 0 else "    ", style="dim")
            out.append("│", style="dim")
            for v in shown:
                fill = max(0, min(8, round(v / 100 * ROWS * 8) - r * 8))
                style = "green" if v >= 80 else "yellow" if v >= 50 else "red"
                out.append(BLOCKS[fill] * 2 + " ", style=style)
            out.append("\n")
        out.rstrip()
        return out
