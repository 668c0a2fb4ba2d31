"""Attempts side by side: one session and every rewind or retry of it (its family).

Top: one column per attempt — outcome, money, total, the eight principle scores, where it left its
parent. Bottom: the tactics turn by turn, the turn where each attempt diverged marked with ◆.
Every attempt is replayed and scored afresh (core.attempts.compare), so the figures follow today's rubric.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from trainer.core.store.attempts import Attempt, Comparison
from trainer.tui.prep import PRINCIPLES, RESULTS
from trainer.tui.widgets.chat import tactic_label

if TYPE_CHECKING:
    from textual import getters

    from trainer.tui.host import TrainerHost

DIVERGED = "◆"


class CompareScreen(Screen):
    if TYPE_CHECKING:  # textual types self.app as App[object]; see trainer.tui.host
        app = getters.app(TrainerHost)

    BINDINGS = [Binding("escape", "app.pop_screen", "返回", id="compare.back")]

    def __init__(self, session_id: int):
        super().__init__()
        self.session_id = session_id
        self.comparison: Comparison | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="compare-title", classes="section-title", markup=False)
        yield DataTable(id="compare-attempts", cursor_type="row", zebra_stripes=True)
        yield Static("", id="compare-divergence", markup=False)
        yield Static(self.app.tr("逐回合的战术"), classes="section-title", markup=False)
        yield DataTable(id="compare-turns", cursor_type="row", zebra_stripes=True)
        yield Static(self.app.tr(f"{DIVERGED} 这次尝试和上一版分岔的回合 · 灰色:照原样重放的回合 · esc 返回"),
                     id="compare-help", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        # deferred for start-up: loaded when this screen first needs it, not when the app starts
        from trainer.core.content.library import ContentError
        from trainer.core.store.attempts import compare
        from trainer.core.store.db import StoreError
        try:
            self.comparison = compare(self.app.store, self.session_id, self.app.library)
        except (StoreError, ContentError) as e:
            self.app.fail(str(e).splitlines()[0])
            self.app.pop_screen()
            return
        self.fill()
        self.query_one("#compare-attempts").focus()

    # ------------------------------------------------------------ tables
    def column_label(self, a: Attempt) -> str:
        tr = self.app.tr
        mark = " ◀" if a.row.id == self.session_id else ""
        if a.row.parent_id is None:
            return f"#{a.row.id}{mark}"
        assert a.row.parent_turn is not None  # stored together with parent_id
        return tr(f"#{a.row.id}(#{a.row.parent_id}·{a.row.parent_turn + 1}起){mark}")

    def fill(self) -> None:
        tr, c = self.app.tr, self.comparison
        assert c is not None
        attempts = c.attempts
        first = attempts[0].session if attempts else None
        title = f"尝试对比 · {first.scenario.title} · {len(attempts)} 次尝试" if first else "尝试对比"
        self.query_one("#compare-title", Static).update(tr(title))
        if first:
            self.sub_title = tr(first.scenario.title)
        table = self.query_one("#compare-attempts", DataTable)
        table.add_column(tr("项目"), key="what")
        for a in attempts:
            table.add_column(self.column_label(a), key=str(a.row.id))
        for label, values, mark_best in self.metric_rows(attempts):
            best = max(raw for _, raw in values) if mark_best and len(attempts) > 1 else None
            cells = [Text(shown, style="bold green" if best is not None and raw == best else "")
                     for shown, raw in values]
            table.add_row(tr(label), *cells)
        self.query_one("#compare-divergence", Static).update(self.divergence_text(attempts))
        turns = self.query_one("#compare-turns", DataTable)
        turns.add_column(tr("回合"), key="n")
        for a in attempts:
            turns.add_column(f"#{a.row.id}", key=str(a.row.id))
        for n in range(1, max((len(a.session.turns) for a in attempts), default=0) + 1):
            turns.add_row(str(n), *(self.turn_cell(a, n) for a in attempts))
        turns.add_row(tr("结局"), *(Text(tr(RESULTS.get(a.outcome["result"], a.outcome["result"])), style="bold")
                                    for a in attempts))

    def metric_rows(self, attempts: list[Attempt]):
        """(label, [(shown, raw)], whether the highest raw value is marked best) per row."""
        tr = self.app.tr
        pub = [a.public() for a in attempts]
        rows = [
            ("结果", [(tr(RESULTS.get(p["result"], p["result"])), None) for p in pub], False),
            ("回收", [(f"{p['recovered_ratio']:.0%}", p["recovered_ratio"]) for p in pub], True),
            ("总分", [(str(p["total"]), p["total"]) for p in pub], True),
            ("回合数", [(str(p["turns"]), p["turns"]) for p in pub], False),
            ("摸清原因", [(tr(f"第{p['reason_found_turn']}回合") if p["reason_found_turn"] else tr("没有"), None)
                          for p in pub], False),
            ("分岔回合", [("-" if a.diverged_at is None else tr(f"第{a.diverged_at}回合"), None) for a in attempts],
             False),
        ]
        for key, label in PRINCIPLES.items():
            rows.append((f"{label} {key}", [(str(p["principles"][key]), p["principles"][key]) for p in pub], True))
        return rows

    def divergence_text(self, attempts: list[Attempt]) -> Text:
        tr = self.app.tr
        out = Text()
        for a in attempts:
            parent = a.parent
            if parent is None:
                continue
            n = a.diverged_at
            if n is None:
                out.append(tr(f"#{a.row.id} 和 #{parent.row.id} 走法完全相同。\n"), style="dim")
                continue
            out.append(f"#{a.row.id} ", style="bold")
            out.append(tr(f"在第 {n} 回合和 #{parent.row.id} 分岔:原来「{_tactic_at(parent, n)}」,这次「{_tactic_at(a, n)}」;"
                          f"总分 {parent.score.total} → {a.score.total}\n"))
        out.rstrip()
        return out

    def turn_cell(self, a: Attempt, n: int) -> Text:
        if n > len(a.session.turns):
            return Text("")
        t = a.session.turns[n - 1]
        label = self.app.tr(tactic_label(t.tactic))
        if a.diverged_at == n:
            return Text(f"{DIVERGED} {label}", style="bold yellow")
        kept = a.row.parent_turn or 0
        return Text(f"  {label}", style="dim" if n <= kept else "")


def _tactic_at(a: Attempt, n: int) -> str:
    return tactic_label(a.session.turns[n - 1].tactic) if n <= len(a.session.turns) else "(已结束)"
