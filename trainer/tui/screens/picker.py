"""The first screen: scenarios as cards, filtered as you type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from trainer.tui.messages import ScenarioChosen
from trainer.tui.widgets.scenario_card import ScenarioCard

if TYPE_CHECKING:
    from textual import getters

    from trainer.tui.host import TrainerHost


class PickerScreen(Screen):
    if TYPE_CHECKING:  # textual types self.app as App[object]; see trainer.tui.host
        app = getters.app(TrainerHost)

    BINDINGS = [
        Binding("down", "move(1)", "下一个", id="picker.down", show=False),
        Binding("up", "move(-1)", "上一个", id="picker.up", show=False),
    ]

    def compose(self) -> ComposeResult:
        tr = self.app.tr
        yield Header()
        yield Static(tr("选一个场景开始练习 — 直接打字筛选(原型、欠款类型、公司…),↑↓ 选择,回车进入"),
                     id="picker-help", markup=False)
        search = Input(placeholder=tr("筛选场景…"), id="filter")
        search.cursor_blink = self.app.cursor_blink
        yield search
        with VerticalScroll(id="cards"):
            if self.app.library_loaded:
                yield from self.cards()
            else:
                yield Static(tr("正在载入场景…"), id="loading", markup=False)
        yield Footer()

    def cards(self):
        tr, lib = self.app.tr, self.app.library
        for sid in sorted(lib.scenarios):
            sc = lib.scenarios[sid]
            yield ScenarioCard(sc, lib.personas.get(sc.persona_id), id=f"card-{sid}", classes="card")
        if not lib.scenarios:
            yield Static(tr("没有找到任何场景:检查 scenarios/ 文件夹或 TRAINER_PATH。"), markup=False)
        if lib.problems.errors:
            yield Static(tr(f"{len(lib.problems.errors)} 处内容文件错误,相关文件已跳过(trainer validate 查看)"),
                         id="picker-problems", markup=False)

    def on_mount(self) -> None:
        self.query_one("#filter", Input).focus()
        if not self.app.library_loaded:
            # the first screen paints at once; the content (~100 ms of YAML) loads in a thread after it
            self.call_after_refresh(self.run_worker, self._load, thread=True, exclusive=True, group="library")

    def _load(self) -> None:
        try:
            self.app.library  # noqa: B018 - loads and caches
        except Exception as e:  # a broken install must leave a readable screen, not a traceback
            self.app.call_from_thread(self._failed, f"{type(e).__name__}: {e}")
            return
        self.app.call_from_thread(self._populate)  # type: ignore[arg-type]  # mypy solves textual's T | Awaitable[T] to Never for a coroutine function

    def _failed(self, message: str) -> None:
        self.query_one("#loading", Static).update(self.app.tr(f"载入场景失败:{message}"))

    async def _populate(self) -> None:
        box = self.query_one("#cards")
        await box.remove_children()
        await box.mount_all(list(self.cards()))
        self._filter(Input.Changed(self.query_one("#filter", Input), self.query_one("#filter", Input).value))

    def visible_cards(self) -> list[ScenarioCard]:
        return [c for c in self.query(ScenarioCard) if c.display]

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        words = event.value.lower().split()
        for card in self.query(ScenarioCard):
            hay = card.haystack + " " + self.app.tr(card.haystack).lower()
            card.display = all(w in hay for w in words)

    @on(Input.Submitted, "#filter")
    def _enter(self, event: Input.Submitted) -> None:
        cards = self.visible_cards()
        if cards:
            self.post_message(ScenarioChosen(cards[0].scenario.id))
        else:
            self.app.notify(self.app.tr("没有符合的场景"), severity="warning")

    def action_move(self, step: int) -> None:
        cards = self.visible_cards()
        if not cards:
            return
        focused = self.focused
        i = cards.index(focused) if focused in cards else (-1 if step > 0 else len(cards))
        j = i + step
        if j < 0:
            self.query_one("#filter", Input).focus()
        else:
            cards[min(j, len(cards) - 1)].focus()
