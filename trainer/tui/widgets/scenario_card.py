"""A scenario as one compact row of the picker (title, difficulty, best score); the picker shows the
highlighted row's details beside the list."""

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

    # the row's own arrows: a scrolling container around the rows would otherwise take ↑/↓/Home/End first
    BINDINGS = [
        Binding("enter", "choose", "选这个场景", id="card.choose"),
        Binding("down", "screen.move(1)", "下一个", show=False),
        Binding("up", "screen.move(-1)", "上一个", show=False),
        Binding("home", "screen.jump(0)", "第一个", show=False),
        Binding("end", "screen.jump(-1)", "最后一个", show=False),
    ]

    def __init__(self, scenario: Scenario, persona: Persona | None, best: int | None = None, **kw):
        super().__init__(**kw)
        self.scenario, self.persona, self.best = scenario, persona, best

    @property
    def haystack(self) -> str:
        """What typing in the filter matches against."""
        s, c = self.scenario, self.scenario.case
        arche = self.persona.archetype if self.persona else ""
        return " ".join((s.id, s.title, arche, c.debt_type, c.company, s.difficulty,
                         DIFFICULTIES.get(s.difficulty, ""), s.summary)).lower()

    def render(self) -> Text:
        tr = self.app.tr
        s = self.scenario
        best = Text(f" {tr('最好')} {self.best}" if self.best is not None else "", style="green")
        out = Text(no_wrap=True, overflow="ellipsis")
        out.append(f"{tr(DIFFICULTIES.get(s.difficulty, s.difficulty))} ", style="dim")
        out.append(tr(s.title), style="bold" if self.has_focus else "")
        # one row: the title gives way (cut by terminal cells, with …) so the best score stays in sight
        room = self.content_size.width - best.cell_len
        if room > 0 and out.cell_len > room:
            out.truncate(room, overflow="ellipsis")
        return out + best

    def details(self) -> Text:
        """The highlighted scenario, in full, for the pane beside the list."""
        tr = self.app.tr
        s, c = self.scenario, self.scenario.case
        arche = self.persona.archetype if self.persona else "?"
        out = Text()
        out.append(tr(s.title) + "\n", style="bold")
        out.append(f"{s.id}\n", style="dim")
        out.append(tr(f"类型 {arche} · {c.debt_type}\n"))
        out.append(tr(f"{c.company} · {c.contact}({c.role})\n"))
        out.append(tr(f"欠款 {money(c.owed)} · 逾期 {c.days_overdue} 天\n"))
        out.append(tr(f"难度 {DIFFICULTIES.get(s.difficulty, s.difficulty)} · {s.turn_limit} 回合\n"))
        out.append(tr(f"最好成绩 {self.best} 分\n") if self.best is not None else tr("还没练过\n"),
                   style="green" if self.best is not None else "dim")
        out.append("\n")
        out.append(tr(s.summary), style="italic")
        return out

    def on_focus(self) -> None:
        show = getattr(self.screen, "show_details", None)
        if show is not None:
            show(self)

    def action_choose(self) -> None:
        self.post_message(ScenarioChosen(self.scenario.id))

    def on_click(self) -> None:
        self.action_choose()
