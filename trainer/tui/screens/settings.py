"""Settings: trainee name and team (for scorecards) and the script shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Switch

if TYPE_CHECKING:
    from textual import getters

    from trainer.tui.host import TrainerHost


class SettingsScreen(ModalScreen[None]):
    if TYPE_CHECKING:  # textual types self.app as App[object]; see trainer.tui.host
        app = getters.app(TrainerHost)

    BINDINGS = [Binding("escape", "dismiss", "关闭", id="settings.close")]

    def compose(self) -> ComposeResult:
        tr, store = self.app.tr, self.app.store
        with Vertical(id="settings-box", classes="modal-box"):
            yield Label(tr("学员姓名(导出成绩单用)"))
            yield Input(store.get_setting("trainee"), id="trainee")
            yield Label(tr("团队"))
            yield Input(store.get_setting("team"), id="team")
            yield Label(tr("繁体显示"))
            yield Switch(self.app.tr.traditional, id="traditional")
            yield Button(tr("保存"), id="save", variant="primary")

    def on_mount(self) -> None:
        for inp in self.query(Input):
            inp.cursor_blink = self.app.cursor_blink
        self.query_one("#trainee").focus()

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def _save(self) -> None:
        store = self.app.store
        store.set_setting("trainee", self.query_one("#trainee", Input).value.strip())
        store.set_setting("team", self.query_one("#team", Input).value.strip())
        want = "traditional" if self.query_one("#traditional", Switch).value else "simplified"
        self.dismiss()
        if want != self.app.tr.script:
            self.app.call_later(self.app.action_toggle_script)  # a coroutine: called bare it never ran
