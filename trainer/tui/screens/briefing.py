"""The briefing: the case, the goals, the ten preparations to tick, and the difficulty."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import Button, Footer, Header, RadioButton, RadioSet, SelectionList, Static

from trainer.core.content.models import Persona, Scenario
from trainer.tui.messages import StartRequested
from trainer.tui.prep import DIFFICULTIES, PREPARATIONS
from trainer.tui.widgets.scenario_card import money

if TYPE_CHECKING:
    from textual import getters

    from trainer.tui.host import TrainerHost


#: what a checklist box shows: ticked, and left unticked (empty: a dim X read as a tick)
TICKED, UNTICKED = "✓", " "


class Checklist(SelectionList[int]):
    """The 十大事先准备 as a selection list whose boxes show a tick only when ticked (Textual's own list shows
    an X in every box, dimmed when unticked, which reads as ticked)."""

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        index = self.scroll_offset.y + y
        if not 0 <= index < self.option_count:
            return line
        segments = list(line)
        if len(segments) < 3:
            return line
        mark = TICKED if self.get_option_at_index(index).value in self.selected else UNTICKED
        inner = segments[1]
        segments[1] = Segment(mark, inner.style, inner.control)
        return Strip(segments, line.cell_length)


class BriefingScreen(Screen):
    if TYPE_CHECKING:  # textual types self.app as App[object]; see trainer.tui.host
        app = getters.app(TrainerHost)

    BINDINGS = [
        Binding("ctrl+s", "start", "开始谈判", id="briefing.start"),
        Binding("ctrl+a", "tick_all", "全部勾选", id="briefing.tick_all"),
        Binding("escape", "app.pop_screen", "返回", id="briefing.back"),
    ]

    def __init__(self, scenario: Scenario, persona: Persona):
        super().__init__()
        self.scenario, self.persona = scenario, persona
        self._warned = False

    def case_text(self) -> Text:
        tr, s, c = self.app.tr, self.scenario, self.scenario.case
        out = Text()
        out.append(tr(s.title) + "\n", style="bold")
        out.append(tr(s.summary) + "\n\n", style="italic")
        rows = [("对方公司", c.company), ("联系人", f"{c.contact}({c.role})"), ("我方", c.our_company),
                ("欠款", money(c.owed)), ("逾期", f"{c.days_overdue} 天"), ("欠款类型", c.debt_type),
                ("合同条款", c.contract_terms), ("合作关系", c.relationship), ("类型", self.persona.archetype)]
        for k, v in rows:
            if v:
                out.append(f"{tr(k)}:", style="bold")
                out.append(tr(v) + "\n")
        out.append("\n" + tr("你已经知道的") + "\n", style="bold underline")
        # no space after the bullet: Rich breaks lines at spaces only, so a fact longer than the pane (Chinese has no
        # spaces) left its bullet alone on a line and began on the next one; bullet and fact as one word fold in place
        for k in c.known:
            out.append(" ·" + tr(k) + "\n")
        out.append("\n" + tr("目标") + "\n", style="bold underline")
        for g in s.goals:
            out.append(" ◎" + tr(g) + "\n")
        out.rstrip()
        return out

    def compose(self) -> ComposeResult:
        tr = self.app.tr
        yield Header()
        with Horizontal(id="briefing"):
            with VerticalScroll(id="case"):
                yield Static(self.case_text(), id="case-text")
            with Vertical(id="prep"):
                yield Static(tr("十大事先准备 — 出发前逐项勾选(空格)"), classes="section-title", markup=False)
                yield Checklist(*[(tr(f"{i}. {p}"), i) for i, p in enumerate(PREPARATIONS, 1)], id="checklist")
                yield Static(tr("难度"), classes="section-title", markup=False)
                with RadioSet(id="difficulty"):
                    for key, label in DIFFICULTIES.items():
                        yield RadioButton(tr(label), value=key == self.scenario.difficulty, id=f"diff-{key}")
                yield Button(tr("开始谈判 (ctrl+s)"), id="start", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#checklist").focus()

    @property
    def difficulty(self) -> str:
        rs = self.query_one(RadioSet)
        btn = rs.pressed_button
        return btn.id.removeprefix("diff-") if btn and btn.id else self.scenario.difficulty

    @property
    def prepared(self) -> int:
        return len(self.ticked)

    @property
    def ticked(self) -> tuple[int, ...]:
        """The preparations ticked (1-based, the rubric's checklist order): what `score_session(prepared=…)` takes."""
        return tuple(sorted(self.query_one("#checklist", SelectionList).selected))

    def action_tick_all(self) -> None:
        self.query_one("#checklist", SelectionList).select_all()

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        missing = len(PREPARATIONS) - self.prepared
        if missing and not self._warned:
            self._warned = True  # a second press starts anyway: the checklist is a habit, not a lock
            self.app.notify(self.app.tr(f"还有 {missing} 项准备没勾选。再按一次开始,或先补上。"),
                            severity="warning")
            return
        self.post_message(StartRequested(self.scenario.id, self.difficulty, self.prepared, self.ticked))
