"""The negotiation: chat, free-text input, tactic palette, mood meters, coach, turn counter.

Each turn is committed to the store before its reply appears, so a killed terminal loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Static

from trainer.core.content import catalogue
from trainer.core.engine.session import DIFFICULTY, Session, Turn
from trainer.core.language.recognition import Recognition, as_picked
from trainer.tui.messages import SessionEnded
from trainer.tui.prep import DIFFICULTIES
from trainer.tui.screens.modals import DidYouMeanScreen, PaletteScreen, needs_asking
from trainer.tui.widgets.chat import ChatLog, heard_label, tactic_label
from trainer.tui.widgets.meters import Meters

if TYPE_CHECKING:
    from textual import getters

    from trainer.tui.host import TrainerHost


@dataclass
class Live:
    """A session being played and its id in the store."""

    session: Session
    session_id: int


class NegotiationScreen(Screen):
    if TYPE_CHECKING:  # textual types self.app as App[object]; see trainer.tui.host
        app = getters.app(TrainerHost)

    BINDINGS = [
        Binding("f2", "toggle_coach", "教练", id="negotiation.coach"),
        Binding("f3", "palette", "战术面板", id="negotiation.palette"),
        Binding("f8", "end", "结束并评分", id="negotiation.end"),
        Binding("f9", "rewind", "回到某回合", id="negotiation.rewind"),
        Binding("escape", "leave", "离开(可续)", id="negotiation.leave"),
    ]

    def __init__(self, live: Live, notice: str = ""):
        super().__init__()
        self.live, self.notice = live, notice
        self.coach_on = True  # on hard the panel says there are no hints
        self._typed_ahead = ""  # typed while "did you mean" was up, for the input once the move is settled

    @property
    def session(self) -> Session:
        return self.live.session

    def compose(self) -> ComposeResult:
        tr, s = self.app.tr, self.session
        yield Header()
        with Horizontal(id="negotiation"):
            with Vertical(id="talk"):
                scenes = {st.visit: st.scene for st in s.persona.states.values() if st.scene}
                yield ChatLog(s.turns, s.scenario.case.contact, scenes=scenes, today=s.scenario.case.date, id="chat")
                yield Static("", id="last-recognised", markup=False)
                move = Input(placeholder=tr("你要说的话(中文),或战术 id;F3 打开战术面板"), id="move",
                             disabled=s.ended)
                move.cursor_blink = self.app.cursor_blink
                yield move
                yield Button(tr("查看结果"), id="to-result", variant="success", classes="" if s.ended else "hidden")
            with Vertical(id="side"):
                yield Static(self.counter_text(), id="counter")
                yield Static(tr("对方心情"), classes="section-title", markup=False)
                yield Meters(s, id="meters")
                yield Static(tr("教练"), classes="section-title", id="coach-title", markup=False)
                yield Static(self.coach_text(), id="coach", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.app.tr(self.session.scenario.title)
        self.query_one("#coach").display = self.coach_on
        if self.notice:
            self.app.notify(self.app.tr(self.notice), severity="warning", timeout=8)
        if self.session.ended:
            self.query_one("#to-result").focus()
        else:
            self.query_one("#move").focus()
        if getattr(self.app, "watch_persona", False) and self.session.persona.path:
            # deferred for start-up: loaded when this screen first needs it, not when the app starts
            from trainer.core.engine.reload import PersonaWatcher
            self._watcher = PersonaWatcher(self.session.persona.path, self.session.persona)
            self._watch_error = ""
            self.set_interval(1.0, self.poll_persona)

    def poll_persona(self) -> None:
        """Hot reload: a changed persona file replaces the persona and replays the moves so far; a broken
        one keeps the old persona and shows the problem instead of crashing."""
        # deferred for start-up: loaded when this screen first needs it, not when the app starts
        from trainer.core.engine.reload import rebuild_session
        if self.session.ended:
            return
        r = self._watcher.poll()
        if r.changed and self._watcher.persona is not None:
            self.live.session = rebuild_session(self.session, self._watcher.persona)
            self.app.store.rewrite(self.live.session_id, self.session)  # the store follows the replay
            self.query_one("#meters", Meters).session = self.live.session
            chat = self.query_one(ChatLog)  # the replies on screen must be the replayed ones
            chat.remove_children()
            chat.visit = 1
            for turn in self.session.turns:
                chat.add_turn(turn)
            self.refresh_panels()
            self._watch_error = ""
            self.app.notify(self.app.tr("角色文件已重新加载,之前的每一步都已重放。"), markup=False)
            if self.session.ended:  # the new file ends the talk on a move already played
                self.app.finish_session(self.live)
                self.show_ending()
        elif r.problems.errors:
            msg = str(r.problems.errors[0])
            if msg != self._watch_error:
                self._watch_error = msg
                self.app.notify(msg, title=self.app.tr("角色文件有错,仍用旧版本"), severity="error",
                                timeout=10, markup=False)

    # ------------------------------------------------------------ panels
    def counter_text(self) -> Text:
        tr, s = self.app.tr, self.session
        out = Text()
        out.append(tr(f"回合 {len(s.turns)}/{s.scenario.turn_limit}"), style="bold")
        out.append(tr(f"  · 难度 {DIFFICULTIES.get(s.difficulty, s.difficulty)}"))
        if s.ended:
            out.append(tr("  · 已结束"), style="bold red")
        return out

    def coach_text(self) -> str:
        s = self.session
        if not DIFFICULTY[s.difficulty]["hints"]:
            return "困难模式不给提示。"
        parts = [s.hint()]
        if s.turns and s.turns[-1].note:
            parts.append(f"上一回合:{s.turns[-1].note}")
        return self.app.tr("\n\n".join(p for p in parts if p))

    def refresh_panels(self) -> None:
        self.query_one("#counter", Static).update(self.counter_text())
        self.query_one("#meters", Meters).refresh()
        self.query_one("#coach", Static).update(self.coach_text())

    # ------------------------------------------------------------ playing
    @on(Input.Submitted, "#move")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text or self.session.ended:
            return
        rec = self.session.recognise(text)
        if not needs_asking(rec):
            self.play(text, rec)
            return

        asked = DidYouMeanScreen(text, rec)

        def resolved(choice: tuple[str, object] | None) -> None:
            # what was typed on while the box was up goes back to the input once this move is settled
            self._typed_ahead += asked.typed
            if choice is None:
                self._restore_typed()
                return
            kind, value = choice
            if kind == "palette":
                self.open_palette(text)
            elif isinstance(value, Recognition):
                self.play(text, value)
            else:
                self._restore_typed()

        self.app.push_screen(asked, resolved)

    def _restore_typed(self) -> None:
        if self._typed_ahead:
            move = self.query_one("#move", Input)
            move.value += self._typed_ahead
            move.cursor_position = len(move.value)
            self._typed_ahead = ""

    def action_palette(self) -> None:
        if not self.session.ended:
            self.open_palette(self.query_one("#move", Input).value.strip())

    def open_palette(self, text: str) -> None:
        def picked(tactic: str | None) -> None:
            if tactic:
                # the trainee named the tactic: their words if any, else the catalogue's example line
                said = text or catalogue.BY_ID[tactic].example
                self.play(said, as_picked(self.session.recognise(said), tactic, 1.0))
            else:
                self._restore_typed()

        title = f"战术面板 — 为“{text}”选一个战术" if text else "战术面板 — 选一个战术,说出它的示范话术"
        self.app.push_screen(PaletteScreen(title), picked)

    def play(self, text: str, rec: Recognition) -> None:
        turn = self.session.play(text, rec)
        if turn is None:
            self._restore_typed()
            return
        store = self.app.store
        store.record_turn(self.live.session_id, turn)  # committed before the reply is shown
        if self.session.ended:
            self.app.finish_session(self.live)
        move = self.query_one("#move", Input)
        move.value = ""
        self._restore_typed()
        self.query_one(ChatLog).add_turn(turn)
        self.query_one("#last-recognised", Static).update(self.recognised_text(turn))
        self.refresh_panels()
        if self.session.ended:
            self.show_ending()
        else:
            move.focus()

    def recognised_text(self, turn: Turn) -> Text:
        """What was heard in the last move: every act (main first) and the figures named in it."""
        tr = self.app.tr
        if turn.tactic is None:
            heard = heard_label(turn, today=self.session.scenario.case.date).removeprefix(tactic_label(None))
            return Text(tr(f"上一句没有归入任何战术(置信度 {turn.confidence:.2f}){heard}"), style="yellow")
        return Text(tr(f"上一句识别为:{heard_label(turn, with_id=True)} — 置信度 {turn.confidence:.2f}"), style="cyan")

    def show_ending(self) -> None:
        o = self.session.outcome
        if o is not None:
            self.query_one(ChatLog).add_notice(f"—— 谈判结束:{o.summary} ——")
        self.query_one("#move", Input).disabled = True
        btn = self.query_one("#to-result", Button)
        btn.remove_class("hidden")
        btn.focus()

    @on(Button.Pressed, "#to-result")
    def _to_result(self) -> None:
        self.post_message(SessionEnded(self.live.session_id))

    def action_end(self) -> None:
        """End now and score what was played (an unfinished talk counts as no progress)."""
        if not self.session.ended:
            self.app.finish_session(self.live)
        self.post_message(SessionEnded(self.live.session_id))

    def action_leave(self) -> None:
        if not self.session.ended:
            self.app.notify(self.app.tr(f"已保存,可以用 trainer resume {self.live.session_id} 继续。"))
        self.app.go_home()

    def action_rewind(self) -> None:
        """Go back to an earlier turn and play on from there as a new attempt (this one is kept)."""
        if self.session.turns:
            self.app.ask_rewind(self.live)
        else:
            self.app.notify(self.app.tr("还没有说过话,没有可以回去的回合。"))

    def action_toggle_coach(self) -> None:
        self.coach_on = not self.coach_on
        self.query_one("#coach").display = self.coach_on
