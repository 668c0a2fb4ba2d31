"""The debtor's mood meters as bars, with the last turn's change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from trainer.core.engine.session import Session
from trainer.tui.text import pad

if TYPE_CHECKING:
    from textual import getters

    from trainer.tui.host import TrainerHost

BAR = 16


class Meters(Static):
    if TYPE_CHECKING:  # textual types self.app as App[object]; see trainer.tui.host
        app = getters.app(TrainerHost)

    def __init__(self, session: Session, **kw):
        super().__init__(**kw)
        self.session = session

    def render(self) -> Text:
        tr, s = self.app.tr, self.session
        out = Text()
        if not s.show_meters:
            out.append(tr("困难模式:看不到对方的心思。"), style="dim")
            return out
        last = s.turns[-1].deltas if s.turns else {}
        values = s.meter_values()
        for m in s.persona.meters:
            if m.hidden:
                continue
            v = values[m.name]
            filled = round(BAR * (v - m.min) / max(1, m.max - m.min))
            good = v >= 50 if m.good == "up" else v < 50
            out.append(pad(tr(m.label), 9), style="bold")
            out.append("█" * filled, style="green" if good else "red")
            out.append("░" * (BAR - filled), style="dim")
            out.append(f" {v:>3}")
            d = last.get(m.name, 0)
            if d:
                helps = (d > 0) == (m.good == "up")
                out.append(f" {d:+d}", style="bold green" if helps else "bold red")
            out.append("\n")
        out.rstrip()
        return out
