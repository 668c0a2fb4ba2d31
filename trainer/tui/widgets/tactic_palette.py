"""The tactic palette: the catalogue grouped 理/情/利/法/人/程序, searchable; picking posts TacticPicked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from trainer.core.content import catalogue
from trainer.tui.messages import TacticPicked

if TYPE_CHECKING:
    from textual import getters

    from trainer.tui.host import TrainerHost


def matches(t: catalogue.Tactic, query: str, tr=str) -> bool:
    """Substring match on id, name, example and group, in the source script and the displayed one."""
    q = query.strip().lower()
    fields = (t.id, t.name, t.example, t.group, catalogue.GROUP_NAMES[t.group])
    return not q or any(q in s.lower() or q in tr(s).lower() for s in fields)


class TacticPalette(Vertical):
    if TYPE_CHECKING:  # textual types self.app as App[object]; see trainer.tui.host
        app = getters.app(TrainerHost)

    def compose(self) -> ComposeResult:
        search = Input(placeholder=self.app.tr("搜索战术:名称、id 或话术…"), id="tactic-search")
        search.cursor_blink = self.app.cursor_blink
        yield search
        yield OptionList(id="tactic-list")

    def on_mount(self) -> None:
        self.refill("")

    def refill(self, query: str) -> None:
        tr = self.app.tr
        ol = self.query_one(OptionList)
        ol.clear_options()
        options: list[Option] = []
        for group in catalogue.GROUPS:
            found = [t for t in catalogue.TACTICS if t.group == group and matches(t, query, tr)]
            if not found:
                continue
            options.append(Option(Text(tr(f"── {group} · {catalogue.GROUP_NAMES[group]}"), style="bold"),
                                  disabled=True))
            for t in found:
                prompt = Text()
                prompt.append(tr(t.name), style="bold")
                prompt.append(f"  {t.id}\n", style="dim")
                prompt.append(tr(f"  “{t.example}”"), style="italic")
                options.append(Option(prompt, id=t.id))
        ol.add_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        ol.highlighted = first

    @on(Input.Changed, "#tactic-search")
    def _search(self, event: Input.Changed) -> None:
        self.refill(event.value)

    @on(Input.Submitted, "#tactic-search")
    def _pick_highlighted(self, event: Input.Submitted) -> None:
        ol = self.query_one(OptionList)
        if ol.highlighted is not None:
            option_id = ol.get_option_at_index(ol.highlighted).id
            assert option_id is not None  # every tactic option carries its id
            self.post_message(TacticPicked(option_id))

    @on(OptionList.OptionSelected, "#tactic-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(TacticPicked(event.option.id))

    def on_key(self, event) -> None:
        # arrows in the search box move through the list, so typing + ↓ + enter is enough
        ol = self.query_one(OptionList)
        if self.query_one(Input).has_focus and event.key in ("down", "up"):
            event.prevent_default()
            event.stop()
            (ol.action_cursor_down if event.key == "down" else ol.action_cursor_up)()
