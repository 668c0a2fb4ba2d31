"""A scenario as a card on the picker: archetype, debt type, amount, days overdue, difficulty."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from trainer.tui.messages import ScenarioChosen
from trainer.tui.prep import DIFFICULTIES

if TYPE_CHECKING:
    from textual import getters

    from trainer.core.content.models import Persona, Scenario
    from trainer.tui.host import TrainerHost


def money(amount: int) -> str:
    return f"¥{amount:,}"


class ScenarioCard(Static, can_focus=True):
    if TYPE_CHECKING:  # textual types self.app as App[object]; see trainer.tui.host
        app = getters.app(TrainerHost)

    BINDINGS = [Binding("enter", "choose", "选这个场景", id="card.choose")]

    def __init__(self, scenario: Scenario, persona: Persona | None, **kw):
        super().__init__(**kw)
        self.scenario, self.persona = scenario, persona

    @property
    def haystack(self) -> str:
        """What typing in the filter matches against."""
        s, c = self.scenario, self.scenario.case
        arche = self.persona.archetype if self.persona else ""
        return " ".join((s.id, s.title, arche, c.debt_type, c.company, s.difficulty,
                         DIFFICULTIES.get(s.difficulty, ""), s.summary)).lower()

    def render(self) -> Text:
        tr = self.app.tr
        s, c = self.scenario, self.scenario.case
        arche = self.persona.archetype if self.persona else "?"
        out = Text()
        out.append(tr(arche), style="bold reverse")
        out.append("  ")
        out.append(tr(s.title), style="bold")
        out.append(f"  [{tr(s.id)}]\n", style="dim")
        out.append(tr(f"{c.debt_type} · 欠款 {money(c.owed)} · 逾期 {c.days_overdue} 天 · "
                      f"难度 {DIFFICULTIES.get(s.difficulty, s.difficulty)} · {s.turn_limit} 回合\n"))
        out.append(tr(s.summary), style="italic")
        return out

    def action_choose(self) -> None:
        self.post_message(ScenarioChosen(self.scenario.id))

    def on_click(self) -> None:
        self.action_choose()
