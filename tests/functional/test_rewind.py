"""Rewind and retry in the terminal UI: lose, go back to turn 3, win, compare both attempts in History."""

from __future__ import annotations

import asyncio

from textual.widgets import DataTable, OptionList

from trainer.core.store.db import Store
from trainer.tui.screens.briefing import BriefingScreen
from trainer.tui.screens.compare import DIVERGED, CompareScreen
from trainer.tui.screens.history import HistoryScreen
from trainer.tui.screens.modals import RewindScreen
from trainer.tui.screens.negotiation import NegotiationScreen
from trainer.tui.screens.result import ResultScreen

from .tui_helpers import say, wait_for_notification, wait_for_screen, wait_until

SIZE = (120, 40)
LOSING = ["courtesy", "probe_reason", "legal_warning", "legal_action"]
WINNING_FROM_3 = ["verify_balance", "timing", "deadline_pressure", "written_commitment"]


async def started(pilot, moves=()) -> None:
    """Past the picker and the briefing (tested elsewhere) into fake-broke, ``moves`` played."""
    await wait_for_screen(pilot, BriefingScreen)  # the app opens fake-broke's briefing
    pilot.app.start_session("fake-broke")
    await wait_for_screen(pilot, NegotiationScreen)
    for move in moves:
        await say(pilot, move)


def cells(table: DataTable, row: int) -> list[str]:
    return [str(c) for c in table.get_row_at(row)]


def test_lost_session_rewound_to_turn_3_wins_and_history_compares_both(make_app):
    app = make_app(scenario="fake-broke")

    async def flow():
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot, LOSING)
            lost = app.screen.session
            assert lost.ended and lost.outcome.result == "legal" and lost.outcome.recovered_ratio == 0
            await pilot.press("enter")
            await wait_for_screen(pilot, ResultScreen)

            await pilot.press("b")  # back to a turn
            rewind = await wait_for_screen(pilot, RewindScreen, focus="#rewind-options")
            options = rewind.query_one(OptionList)
            assert options.option_count == 4  # turns 1..4 of an ended talk, no "next turn"
            third = str(options.get_option_at_index(2).prompt)
            assert third.startswith("从第 3 回合重来") and "法·严肃式" in third and "legal_warning" in third  # what was said there, and its tactic
            options.highlighted = 2  # "从第 3 回合重来"
            await pilot.press("enter")

            screen = await wait_for_screen(pilot, NegotiationScreen)
            assert screen.live.session_id == 2
            retry = screen.session
            assert [t.tactic for t in retry.turns] == LOSING[:2]  # turns 1-2 as they were
            assert [t.reply for t in retry.turns] == [t.reply for t in lost.turns[:2]]
            assert "回合 2/" in str(screen.query_one("#counter").render())
            for move in WINNING_FROM_3:
                await say(pilot, move)
            assert retry.outcome.result == "paid_in_full" and retry.reason_found_turn == 4

            await pilot.press("f4")
            history = await wait_for_screen(pilot, HistoryScreen, focus="#sessions")
            table = history.query_one("#sessions", DataTable)
            assert table.row_count == 2
            assert "#1 第3回合起" in cells(table, 0)  # newest first: the retry names where it came from
            await pilot.press("c")

            compare = await wait_for_screen(pilot, CompareScreen)
            attempts = compare.query_one("#compare-attempts", DataTable)
            assert [str(c.label) for c in attempts.columns.values()] == ["项目", "#1", "#2(#1·3起) ◀"]
            rows = {cells(attempts, i)[0]: cells(attempts, i)[1:] for i in range(attempts.row_count)}
            assert rows["结果"] == ["诉诸法律", "当场付清"]
            assert rows["回收"] == ["0%", "100%"]
            assert rows["分岔回合"] == ["-", "第3回合"]
            assert int(rows["总分"][1]) > int(rows["总分"][0])
            assert rows["摸清原因"] == ["没有", "第4回合"]
            # bug: the best value was picked by comparing the shown strings ("90" beat "100", "5%" beat "100%")
            for i in range(attempts.row_count):
                label, *values = attempts.get_row_at(i)
                if str(label).split()[-1] in ("early", "fast", "more", "benefit", "courtesy", "restraint",
                                              "procedure", "lawful") or str(label) in ("回收", "总分"):
                    numbers = [float(str(v).rstrip("%")) for v in values]
                    best = [str(v.style) == "bold green" for v in values]
                    assert best == [n == max(numbers) for n in numbers], (label, numbers, best)
            assert "在第 3 回合和 #1 分岔" in str(compare.query_one("#compare-divergence").render())
            turns = compare.query_one("#compare-turns", DataTable)
            third = cells(turns, 2)
            assert third[0] == "3" and third[2].startswith(DIVERGED) and not third[1].startswith(DIVERGED)
            assert cells(turns, turns.row_count - 1)[1:] == ["诉诸法律", "当场付清"]

    asyncio.run(flow())
    store = Store()
    first, second = store.sessions()
    assert first.result == "legal" and second.result == "paid_in_full"
    assert (second.parent_id, second.parent_turn, second.seed) == (first.id, 2, first.seed)
    assert [t.tactic for t in store.turns(second.id)] == LOSING[:2] + WINNING_FROM_3


def test_rewinding_a_live_session_keeps_it_resumable(make_app):
    app = make_app(scenario="fake-broke")

    async def flow():
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot)
            first = app.screen
            await pilot.press("f9")  # nothing said yet: a notice, no modal
            await wait_for_notification(pilot, "还没有说过话")
            assert isinstance(app.screen, NegotiationScreen)
            for move in LOSING[:3]:
                await say(pilot, move)
            await pilot.press("f9")
            rewind = await wait_for_screen(pilot, RewindScreen, focus="#rewind-options")
            options = rewind.query_one(OptionList)
            assert options.option_count == 4  # turns 1..3, and "turn 4" branches off here
            assert options.highlighted == 3
            await pilot.press("escape")  # cancel: still the same session
            await wait_until(pilot, lambda: app.screen is first, "the negotiation again")
            assert isinstance(app.screen, NegotiationScreen) and app.screen.live.session_id == 1
            await pilot.press("f9")
            rewind = await wait_for_screen(pilot, RewindScreen, focus="#rewind-options")
            rewind.query_one(OptionList).highlighted = 1
            await pilot.press("enter")
            await wait_until(pilot, lambda: app.screen is not rewind and app.screen is not first,
                             "the screen of the new attempt")
            await wait_for_screen(pilot, NegotiationScreen)
            assert app.screen.live.session_id == 2 and len(app.screen.session.turns) == 1

    asyncio.run(flow())
    store = Store()
    first, second = store.sessions()
    assert not first.finished and first.turns == 3  # left behind as it was: resumable
    assert (second.parent_id, second.parent_turn, second.turns) == (1, 1, 1)


def test_history_plays_a_stored_session_back_read_only(make_app):
    from trainer.tui.screens.replay import ReplayScreen

    app = make_app(scenario="fake-broke")

    async def flow():
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot, LOSING)
            await pilot.press("f4")
            await wait_for_screen(pilot, HistoryScreen, focus="#sessions")
            await pilot.press("v")
            screen = await wait_for_screen(pilot, ReplayScreen)
            assert not screen.query("#move")  # read-only: no input
            assert "本机练习 #1" in str(screen.query_one("#replay-head").render())
            assert [t.tactic for t in screen.playback.turns] == LOSING
            assert "对簿公堂" in [f.title for f in screen.playback.findings_at(4)]  # pinned to the turn it happened
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.screen is not screen, "the replay to close")
            assert isinstance(app.screen, HistoryScreen)  # from History, leaving goes back, not out

    asyncio.run(flow())
