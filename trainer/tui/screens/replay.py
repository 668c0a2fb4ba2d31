"""Read-only playback of a past session (`trainer replay CARD`): the instructor's debrief.

Turns are revealed one at a time, with the findings pinned to the turn on show in the side
panel; End shows every turn and the outcome. No input box: nothing here changes the card.
Everything from the card is untrusted: it passes through ``app.tr`` (escapes stripped) and is
shown as literal text (``markup=False`` / rich Text), so ``[bold]`` stays ``[bold]``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from trainer.core.competition.scorecard import CardError
from trainer.core.store.playback import PinnedFinding, Playback, PlaybackTurn, load_playback
from trainer.tui.prep import DIFFICULTIES, PRINCIPLES
from trainer.tui.widgets.chat import tactic_label
from trainer.tui.widgets.outcome import outcome_text as outcome_block

if TYPE_CHECKING:
    from textual import getters

    from trainer.tui.host import TrainerHost


class ReplayScreen(Screen):
    if TYPE_CHECKING:  # textual types self.app as App[object]; see trainer.tui.host
        app = getters.app(TrainerHost)

    BINDINGS = [
        Binding("right,space,n", "next", "下一回合", id="replay.next"),
        Binding("left,p", "previous", "上一回合", id="replay.previous"),
        Binding("home", "start", "从头", id="replay.start"),
        Binding("end", "end", "全部与结局", id="replay.end"),
        Binding("escape,q", "leave", "离开", id="replay.leave"),
    ]

    def __init__(self, playback: Playback, exit_on_leave: bool = False):
        super().__init__()
        self.playback, self.exit_on_leave = playback, exit_on_leave
        self.position = 0  # 0 = before the first turn; 1..N = turns shown; N + 1 = every turn and the outcome

    @property
    def last(self) -> int:
        return len(self.playback.turns)

    @property
    def at_end(self) -> bool:
        return self.position > self.last

    # ------------------------------------------------------------ composing
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.head_text(), id="replay-head")
        with Horizontal(id="replay"):
            with VerticalScroll(id="replay-chat", can_focus=False):
                yield Static(self.app.tr("按 → 或空格逐回合播放,End 看全部和结局。"), id="replay-hint",
                             classes="notice", markup=False)
                for t in self.playback.turns:
                    with Vertical(id=f"replay-turn-{t.n}", classes="replay-turn"):
                        yield from self.bubbles(t)
                yield Static(self.outcome_text(), id="replay-outcome")
            with VerticalScroll(id="replay-side", can_focus=False):
                yield Static("", id="replay-counter", markup=False)
                yield Static("", id="replay-panel")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.app.tr(f"回放 · {self.playback.scenario_title}")
        self.show_position()

    def head_text(self) -> Text:
        tr, pb = self.app.tr, self.playback
        out = Text()
        out.append(tr(pb.trainee), style="bold")
        if pb.team:
            out.append(" · " + tr(pb.team))
        out.append(" · " + tr(pb.scenario_title))
        out.append(tr(f" · 总分 {pb.total}"), style="bold")
        if pb.session_id is not None:
            out.append(tr(f"  本机练习 #{pb.session_id}"), style="cyan")
        elif pb.verified:
            out.append(tr("  ✓ 已核验"), style="green")
        else:
            out.append(tr(f"  ⚠ 未核验:{pb.problem}"), style="yellow")
        difficulty = DIFFICULTIES.get(pb.difficulty, pb.difficulty)
        out.append(tr(f"\n对手 {pb.persona_name} · 难度 {difficulty} · 种子 {pb.seed} · {pb.created_at}"),
                   style="dim")
        return out

    def bubbles(self, t: PlaybackTurn) -> list[Static]:
        tr = self.app.tr
        return [
            Static(tr(f"你 · 第{t.n}回合\n{t.move}"), classes="bubble me", markup=False),
            Static(tr(f"识别:{tactic_label(t.tactic)}  {t.confidence:.2f}"),
                   classes="recognised" + (" unclear" if t.tactic is None else ""), markup=False),
            Static(tr(f"{self.playback.persona_name}\n{t.reply}"), classes="bubble them", markup=False),
        ]

    def outcome_text(self) -> Text:
        tr, pb, o = self.app.tr, self.playback, self.playback.outcome
        out = outcome_block(tr, o, pb.total, self.last, o.get("summary") or "")
        hr = pb.hidden_reason
        if hr:
            out.append("\n" if out.plain.endswith("\n") else "\n\n")
            out.append(tr(f"真实原因 · 客户不回款第 {hr['reason']} 条:{hr['label']}"), style="bold")
            if hr["truth"]:
                out.append("\n" + tr(hr["truth"]), style="italic")
            found = hr["found_turn"]
            out.append(tr(f"\n第 {found} 回合摸清" if found else "\n学员没有摸清"), style="green" if found else "yellow")
        return out

    # ------------------------------------------------------------ the side panel
    def finding_text(self, f: PinnedFinding, out: Text) -> None:
        tr = self.app.tr
        out.append(f"{tr(PRINCIPLES.get(f.principle, f.principle))} {f.points:+d}",
                   style="bold red" if f.points < 0 else "bold green")
        if f.title:
            out.append("  " + tr(f.title), style="bold")
        out.append("\n" + tr(f.message) + "\n")
        if f.course:
            out.append(tr(f"— {f.course}\n"), style="dim italic")
        if f.suggestion:
            out.append(tr(f"建议:{f.suggestion}\n"), style="cyan")
        out.append("\n")

    def panel_text(self) -> Text:
        tr, pb = self.app.tr, self.playback
        out = Text()
        if self.position == 0:
            out.append(tr(f"{pb.trainee} 的这一场共 {self.last} 回合。\n"))
            out.append(tr("每一回合的点评会在这里出现。"), style="dim")
            return out
        if self.at_end:
            out.append(tr("全局点评\n"), style="bold underline")
            for f in pb.session_findings:
                self.finding_text(f, out)
            if not pb.session_findings:
                out.append(tr("没有全局点评。\n\n"), style="dim")
            out.append(tr("八项原则\n"), style="bold underline")
            for key, value in pb.principles.items():
                out.append(tr(f"{PRINCIPLES.get(key, key)} {value}\n"))
            out.rstrip()
            return out
        t = pb.turns[self.position - 1]
        out.append(tr(f"识别:{tactic_label(t.tactic)}  {t.confidence:.2f}\n"), style="bold")
        if t.note:
            out.append(tr(t.note) + "\n", style="dim")
        hr = pb.hidden_reason
        if hr and hr["found_turn"] == t.n:
            out.append(tr("★ 这一回合摸清了对方不回款的真实原因\n"), style="green")
        out.append("\n")
        findings = pb.findings_at(t.n)
        for f in findings:
            self.finding_text(f, out)
        if not findings:
            out.append(tr("这一回合没有点评。"), style="dim")
        out.rstrip()
        return out

    def counter_text(self) -> str:
        shown = min(self.position, self.last)
        return self.app.tr(f"第 {shown}/{self.last} 回合" + (" · 结局" if self.at_end else ""))

    # ------------------------------------------------------------ stepping
    def show_position(self) -> None:
        shown = min(self.position, self.last)
        self.query_one("#replay-hint").display = self.position == 0
        for t in self.playback.turns:
            self.query_one(f"#replay-turn-{t.n}").display = t.n <= shown
        self.query_one("#replay-outcome").display = self.at_end
        self.query_one("#replay-counter", Static).update(self.counter_text())
        self.query_one("#replay-panel", Static).update(self.panel_text())
        self.query_one("#replay-side", VerticalScroll).scroll_home(animate=False)
        self.call_after_refresh(self._scroll_chat)

    def _scroll_chat(self) -> None:
        chat = self.query_one("#replay-chat", VerticalScroll)
        if self.at_end:
            chat.scroll_end(animate=False)
        elif self.position == 0:
            chat.scroll_home(animate=False)
        else:
            chat.scroll_to_widget(self.query_one(f"#replay-turn-{self.position}"), animate=False)

    def go(self, position: int) -> None:
        position = max(0, min(self.last + 1, position))
        if position != self.position:
            self.position = position
            self.show_position()

    def action_next(self) -> None:
        self.go(self.position + 1)

    def action_previous(self) -> None:
        self.go(self.position - 1)

    def action_start(self) -> None:
        self.go(0)

    def action_end(self) -> None:
        self.go(self.last + 1)

    def action_leave(self) -> None:
        if self.exit_on_leave:
            self.app.exit()
        else:
            self.app.pop_screen()


def open_replay(app: App, path: Path | str) -> None:
    """Open the card at ``path`` on top of the current screen (``trainer replay``: leaving exits the app)."""
    try:
        playback = load_playback(path, lib=app.library)  # type: ignore[attr-defined]
    except CardError as e:
        app.fail(f"{path}: {e}")  # type: ignore[attr-defined]
        return
    app.push_screen(ReplayScreen(playback, exit_on_leave=True))
