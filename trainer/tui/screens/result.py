"""The result: outcome, money recovered, the eight principle scores, findings by turn, exports, replay."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from trainer.core.engine.transcript import outcome_of
from trainer.core.judging.scoring import Score
from trainer.tui.prep import PRINCIPLES
from trainer.tui.screens.negotiation import Live
from trainer.tui.widgets.chat import tactic_label
from trainer.tui.widgets.outcome import outcome_text as outcome_block
from trainer.tui.widgets.score_bars import ScoreBars

if TYPE_CHECKING:
    from textual import getters

    from trainer.tui.host import TrainerHost


class ResultScreen(Screen):
    if TYPE_CHECKING:  # textual types self.app as App[object]; see trainer.tui.host
        app = getters.app(TrainerHost)

    BINDINGS = [
        Binding("e", "export_scorecard", "导出成绩单", id="result.export"),
        Binding("p", "export_plan", "导出回收计划表", id="result.plan"),
        Binding("r", "retry", "再练一次", id="result.retry"),
        Binding("b", "rewind", "回到某回合", id="result.rewind"),
        Binding("escape", "app.go_home", "选场景", id="result.home"),
    ]

    def __init__(self, live: Live, score: Score):
        super().__init__()
        self.live, self.score = live, score

    @property
    def has_deal(self) -> bool:
        o = outcome_of(self.live.session)
        return bool(o["plan"]) or bool(o["paid"] or o["promised"])

    def outcome_text(self) -> Text:
        tr, s = self.app.tr, self.live.session
        o = outcome_of(s)
        summary = o["summary"] if s.ended else "你提前结束了谈判,对方还没有表态。"
        out = outcome_block(tr, o, self.score.total, len(s.turns), summary, self.score.feedback.get("cap"))
        hr = s.persona.hidden_reason
        if hr:
            out.append("\n" + tr("真相:") + tr(hr.truth), style="italic")
            found = s.reason_found_turn
            out.append(tr(f"(第 {found} 回合摸清)" if found else "(你没有摸清)"), style="dim")
        out.rstrip()
        return out

    def findings_text(self) -> Text:
        tr = self.app.tr
        out = Text()
        turns = {t.n: t for t in self.live.session.turns}
        if not self.score.findings:
            out.append(tr("没有扣分项。"), style="green")
        quoted: set[int | None] = set()
        for f in sorted(self.score.findings, key=lambda f: (f.turn or 0, f.principle)):
            where = tr(f"第{f.turn}回合") if f.turn else tr("全局")
            out.append(f"{where:<6} ", style="bold")
            out.append(f"{tr(PRINCIPLES.get(f.principle, f.principle))} {f.points:+d}  ",
                       style="red" if f.points < 0 else "green")
            out.append(tr(f.message))
            if f.turn in turns:
                out.append(tr(f"  «{tactic_label(turns[f.turn].tactic)}»"), style="dim")
            out.append(tr(f"  — {f.course}\n"), style="dim italic")
            reaction = getattr(f, "reaction", "")
            if reaction and f.turn not in quoted:  # what the debtor said to that move, once per turn
                quoted.add(f.turn)
                out.append(tr(f"        对方:{reaction}\n"), style="dim")
            suggestion = getattr(f, "suggestion", "")
            if suggestion:
                out.append(tr(f"        建议:{suggestion}\n"), style="cyan")
        out.rstrip()
        return out

    def compose(self) -> ComposeResult:
        tr = self.app.tr
        yield Header()
        with VerticalScroll(id="result"):
            yield Static(self.outcome_text(), id="outcome")
            yield Static(tr("八项原则"), classes="section-title", markup=False)
            yield ScoreBars(self.score.principles, id="bars")
            yield Static(tr("逐回合点评"), classes="section-title", markup=False)
            yield Static(self.findings_text(), id="findings")
        with Vertical(id="result-bottom"):
            yield Static("", id="exported", markup=False)
            with Horizontal(id="result-actions"):
                yield Button(tr("导出成绩单 (e)"), id="export", variant="primary")
                yield Button(tr("导出回收计划表 (p)"), id="plan", disabled=not self.has_deal)
                yield Button(tr("再练一次 (r)"), id="retry")
                yield Button(tr("回到某回合 (b)"), id="rewind", disabled=not self.live.session.turns)
                yield Button(tr("选场景 (esc)"), id="home")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.app.tr(self.live.session.scenario.title)
        self.query_one("#export").focus()

    def _said(self, message: str) -> None:
        self.query_one("#exported", Static).update(self.app.tr(message))
        self.app.notify(self.app.tr(message))

    @on(Button.Pressed, "#export")
    def action_export_scorecard(self) -> None:
        if not self.app.store.get_setting("trainee"):
            # a scorecard names its trainee: ask once, then export
            # deferred for start-up: loaded when this screen first needs it, not when the app starts
            from trainer.tui.screens.settings import SettingsScreen
            self.app.notify(self.app.tr("先填写学员姓名(和团队),保存后导出。"))
            self.app.push_screen(SettingsScreen(), lambda _: self._export_if_named())
            return
        self._export()

    def _export_if_named(self) -> None:
        if self.app.store.get_setting("trainee"):
            self._export()

    def _export(self) -> None:
        path = self.app.export_scorecard(self.live)
        if path:
            self._said(f"成绩单已导出:{path}")

    @on(Button.Pressed, "#plan")
    def action_export_plan(self) -> None:
        if not self.has_deal:
            self.app.notify(self.app.tr("没有谈成付款,没有回收计划表可导出。"), severity="warning")
            return
        path = self.app.export_plan(self.live)
        if path:
            self._said(f"回收计划表已导出:{path}")

    @on(Button.Pressed, "#retry")
    def action_retry(self) -> None:
        self.app.retry(self.live)

    @on(Button.Pressed, "#rewind")
    def action_rewind(self) -> None:
        if self.live.session.turns:
            self.app.ask_rewind(self.live)

    @on(Button.Pressed, "#home")
    def _home(self) -> None:
        self.app.go_home()


