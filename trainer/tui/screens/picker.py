"""The first screen: every scenario as one row, grouped by debt type, filtered as you type; the
highlighted scenario's details and the trainee's best score beside the list."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Static

from trainer.tui.messages import ScenarioChosen
from trainer.tui.widgets.scenario_card import ScenarioCard

if TYPE_CHECKING:
    from textual import getters

    from trainer.tui.host import TrainerHost


class GroupTitle(Static):
    """A debt type heading in the list (not focusable: the arrows skip it)."""

    def __init__(self, debt_type: str, label: str, **kw):
        super().__init__(label, markup=False, **kw)
        self.debt_type = debt_type


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
        yield Static(tr("打字筛选 · ↑↓ 选择 · 回车进入"), id="picker-help", markup=False)
        search = Input(placeholder=tr("筛选场景(类型、欠款类型、公司…)"), id="filter", compact=True)
        search.cursor_blink = self.app.cursor_blink
        yield search
        with Horizontal(id="picker-body"):
            with VerticalScroll(id="cards", can_focus=False):
                if self.app.library_loaded:
                    yield from self.cards()
                else:
                    yield Static(tr("正在载入场景…"), id="loading", markup=False)
            yield Static("", id="details", markup=False)
        yield Footer()

    def best_scores(self) -> dict[str, int]:
        """The trainee's best total per scenario, from the local store (finished sessions only)."""
        best: dict[str, int] = {}
        try:
            rows = self.app.store.sessions()
        except Exception:  # a store that cannot be read must not keep the picker from opening
            return best
        for r in rows:
            if r.finished and r.total is not None:
                best[r.scenario_id] = max(best.get(r.scenario_id, r.total), r.total)
        return best

    def cards(self) -> Iterator[Widget]:
        tr, lib = self.app.tr, self.app.library
        best = self.best_scores()
        by_type: dict[str, list[str]] = {}
        for sid in sorted(lib.scenarios):
            by_type.setdefault(lib.scenarios[sid].case.debt_type, []).append(sid)
        for debt_type in sorted(by_type):
            yield GroupTitle(debt_type, tr(debt_type), classes="group")
            for sid in by_type[debt_type]:
                sc = lib.scenarios[sid]
                yield ScenarioCard(sc, lib.personas.get(sc.persona_id), best.get(sid), id=f"card-{sid}",
                                   classes="card")
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
        else:
            self.call_after_refresh(self._show_first)

    def on_screen_resume(self) -> None:
        """Back from a session: the best scores may have changed."""
        best = self.best_scores()
        for card in self.query(ScenarioCard):
            if card.best != best.get(card.scenario.id):
                card.best = best.get(card.scenario.id)
                card.refresh()
        if isinstance(self.focused, ScenarioCard):
            self.show_details(self.focused)

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

    def show_details(self, card: ScenarioCard | None) -> None:
        self.query_one("#details", Static).update(card.details() if card is not None else "")

    def _show_first(self) -> None:
        cards = self.visible_cards()
        self.show_details(cards[0] if cards else None)

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        words = event.value.lower().split()
        for card in self.query(ScenarioCard):
            hay = card.haystack + " " + self.app.tr(card.haystack).lower()
            card.display = all(w in hay for w in words)
        shown = {c.scenario.case.debt_type for c in self.visible_cards()}
        for title in self.query(GroupTitle):
            title.display = title.debt_type in shown
        self._show_first()

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

    def action_jump(self, index: int) -> None:
        """Home / End: the first or the last scenario shown."""
        cards = self.visible_cards()
        if cards:
            cards[index].focus()
