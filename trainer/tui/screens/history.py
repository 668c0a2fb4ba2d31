"""Past sessions with their scores over time; enter resumes an unfinished one or reopens a result,
c compares a session with its other attempts (rewinds and retries)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from trainer.tui.prep import DIFFICULTIES, RESULTS
from trainer.tui.widgets.trend import ScoreTrend

if TYPE_CHECKING:
    from textual import getters

    from trainer.tui.host import TrainerHost


class HistoryScreen(Screen):
    if TYPE_CHECKING:  # textual types self.app as App[object]; see trainer.tui.host
        app = getters.app(TrainerHost)

    BINDINGS = [
        Binding("escape", "app.pop_screen", "返回", id="history.back"),
        Binding("c", "compare", "对比尝试", id="history.compare"),
        Binding("v", "playback", "逐回合回放", id="history.playback"),
    ]

    def compose(self) -> ComposeResult:
        tr = self.app.tr
        rows = self.app.store.sessions()
        totals = [r.total for r in rows if r.finished and r.total is not None]
        yield Header()
        yield Static(tr(f"历次得分({len(totals)} 次完成的练习)"), classes="section-title", markup=False)
        if totals:
            yield ScoreTrend(totals, id="trend")
            best, last = max(totals), totals[-1]
            yield Static(tr(f"最高 {best} · 最近 {last} · 平均 {sum(totals) / len(totals):.0f}"), id="trend-text",
                         markup=False)
        else:
            yield Static(tr("还没有完成的练习。"), id="trend-text", markup=False)
        table: DataTable = DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(tr("回车:继续未完成的练习,或查看已完成的结果 · c:和同一练习的其他尝试并排对比 · v:逐回合回放"),
                     id="history-help", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        tr = self.app.tr
        table = self.query_one(DataTable)
        for label in ("编号", "开始时间", "场景", "难度", "回合", "结果", "总分", "来自"):
            table.add_column(tr(label))
        for r in reversed(self.app.store.sessions()):
            status = (Text(tr(RESULTS.get(r.result or "", r.result or "")))
                      if r.finished else Text(tr("未完成 · 可继续"), style="bold yellow"))
            table.add_row(str(r.id), r.created_at.replace("T", " ")[:16], tr(r.scenario_id),
                          tr(DIFFICULTIES.get(r.difficulty, r.difficulty)), str(r.turns), status,
                          "" if r.total is None else str(r.total),
                          "" if r.parent_id is None or r.parent_turn is None else tr(f"#{r.parent_id} 第{r.parent_turn + 1}回合起"),
                          key=str(r.id))
        table.focus()

    def selected(self) -> int | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return int(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))

    def action_compare(self) -> None:
        # deferred for start-up: loaded when this screen first needs it, not when the app starts
        from trainer.tui.screens.compare import CompareScreen
        sid = self.selected()
        if sid is not None:
            self.app.push_screen(CompareScreen(sid))

    def action_playback(self) -> None:
        """The selected session turn by turn with its findings pinned, read-only (the debrief view)."""
        sid = self.selected()
        if sid is not None:
            self.app.play_back(sid)

    @on(DataTable.RowSelected, "#sessions")
    def _open(self, event: DataTable.RowSelected) -> None:
        assert event.row_key.value is not None  # every row is added with its session id as key
        self.app.open_stored(int(event.row_key.value))
