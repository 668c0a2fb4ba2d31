"""A whole session through the terminal UI, driven by Textual's Pilot: picker → briefing →
negotiation → result → exports → history → replay, and resume of an unfinished one."""

from __future__ import annotations

import asyncio

from textual.command import CommandInput, CommandList, CommandPalette

from trainer.core.store.db import Store
from trainer.tui.screens.briefing import BriefingScreen
from trainer.tui.screens.help import HelpScreen
from trainer.tui.screens.history import HistoryScreen
from trainer.tui.screens.modals import DidYouMeanScreen, PaletteScreen
from trainer.tui.screens.negotiation import NegotiationScreen
from trainer.tui.screens.picker import PickerScreen
from trainer.tui.screens.result import ResultScreen
from trainer.tui.screens.settings import SettingsScreen
from trainer.tui.widgets.scenario_card import ScenarioCard

from .tui_helpers import (
    say,
    search_palette,
    wait_for_notification,
    wait_for_query,
    wait_for_screen,
    wait_until,
)

SIZE = (120, 40)


def run(coro):
    return asyncio.run(coro)


def shown_cards(app) -> list[str]:
    return [c.scenario.id for c in app.screen.query(ScenarioCard) if c.display]


async def command(pilot, query: str, shown: str) -> None:
    """Open the command palette, type ``query`` and wait until its search has finished with a hit showing
    ``shown`` (the hits come from a worker; enter before they are listed would pick nothing)."""
    await pilot.press("ctrl+p")
    palette = await wait_for_screen(pilot, CommandPalette, focus="CommandInput")
    await pilot.press(*query)

    def listed() -> bool:
        if palette.query_one(CommandInput).value != query:
            return False
        if any(w.node is palette and not w.is_finished for w in pilot.app.workers):
            return False
        hits = palette.query_one(CommandList)
        return any(shown in str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count))

    await wait_until(pilot, listed, f"the command palette to list {shown!r} for {query!r}")


def test_full_session_from_picker_to_result(make_app, home):
    app = make_app()

    async def flow():
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, PickerScreen, focus="#filter")
            # typing filters the cards by archetype
            await pilot.press(*"假没钱")
            await wait_until(pilot, lambda: shown_cards(app) == ["fake-broke"], "the filter to leave fake-broke")
            await pilot.press("enter")

            briefing = await wait_for_screen(pilot, BriefingScreen, focus="#checklist")
            text = str(briefing.query_one("#case-text").render())
            assert "宏达建材商行" in text and "¥380,000" in text and "逾期" in text
            await pilot.press("space")  # tick the first preparation
            await wait_until(pilot, lambda: briefing.prepared == 1, "the first preparation ticked")
            await pilot.press("ctrl+s")  # first press only warns: nine left
            await wait_for_notification(pilot, "还有 9 项准备没勾选", severity="warning")
            assert app.screen is briefing
            await pilot.press("ctrl+a")
            await wait_until(pilot, lambda: briefing.prepared == 10, "every preparation ticked")
            await pilot.press("ctrl+s")

            screen = await wait_for_screen(pilot, NegotiationScreen)
            s = screen.session
            assert s.difficulty == "normal" and s.seed == 0
            assert s.prepared == tuple(range(1, 11))  # the ticks reach the session, so 有矩 counts them
            row = app.store.session(screen.live.session_id)
            assert row is not None and row.prepared == tuple(range(1, 11))
            start = s.meter_values()

            # 1. recognised with confidence ≥ 0.5: played at once
            await say(pilot, "周总您好,打扰了,先谢谢您一直以来的照顾")
            assert s.turns[-1].tactic == "courtesy"
            assert "courtesy" in str(screen.query_one("#last-recognised").render())
            assert s.meter_values() != start
            assert "1/14" in str(screen.query_one("#counter").render())

            # 2. not recognised: "是不是 …?" offers the alternatives
            assert await say(pilot, "嗯……那个账") is None
            assert isinstance(app.screen, DidYouMeanScreen)
            await pilot.press("enter")  # the first alternative: verify_balance
            await wait_until(pilot, lambda: app.screen is screen and len(s.turns) == 2, "the alternative played")
            assert app.screen is screen and s.turns[-1].tactic == "verify_balance"
            assert s.turns[-1].move == "嗯……那个账" and s.turns[-1].confidence == 0.31

            # 3. the tactic palette: search, pick, play the catalogue's example line
            await pilot.press("f3")
            await wait_for_screen(pilot, PaletteScreen)
            await search_palette(pilot, "timing")
            await pilot.press("enter")
            await wait_until(pilot, lambda: app.screen is screen and len(s.turns) == 3, "the picked tactic played")
            assert app.screen is screen and s.turns[-1].tactic == "timing"

            # 4. low confidence → asked; the trainee takes the palette instead
            assert await say(pilot, "今天就结了吧") is None
            assert isinstance(app.screen, DidYouMeanScreen)
            await pilot.press("up", "enter")  # last option: open the palette
            await wait_for_screen(pilot, PaletteScreen)
            await search_palette(pilot, "deadline")
            await pilot.press("enter")
            await wait_until(pilot, lambda: app.screen is screen and len(s.turns) == 4, "the picked tactic played")
            assert s.turns[-1].tactic == "deadline_pressure" and s.turns[-1].move == "今天就结了吧"

            # 5. a tactic id typed directly, which closes the deal
            await say(pilot, "written_commitment")
            assert s.ended and s.outcome.result == "paid_in_full"
            assert app.screen.query_one("#move").disabled
            await pilot.press("enter")  # the focused "查看结果" button

            result = await wait_for_screen(pilot, ResultScreen)
            assert "当场付清" in str(result.query_one("#outcome").render())
            # each finding on a turn quotes the debtor's reaction it rests on
            shown = str(result.query_one("#findings").render())
            quoted = [f.reaction for f in result.score.findings if f.turn and f.reaction]
            assert quoted and all(shown.count(f"对方:{q}") == 1 for q in quoted)  # once per turn
            assert result.query_one("#bars").principles == result.score.principles
            await pilot.press("e")  # no trainee name yet: settings first, then the export
            await wait_for_screen(pilot, SettingsScreen, focus="#trainee")
            await pilot.press(*"Wang", "enter")
            await wait_for_notification(pilot, "成绩单已导出")
            assert app.screen is result and app.store.get_setting("trainee") == "Wang"
            await pilot.press("p")
            await wait_for_notification(pilot, "回收计划表已导出")
            exported = sorted(p.name for p in (home / "scorecards").iterdir())
            assert len(exported) >= 2 and any(".plan.md" in n for n in exported)
            assert any(n.endswith((".scorecard.json", ".transcript.json")) for n in exported)

            await pilot.press("f4")
            history = await wait_for_screen(pilot, HistoryScreen)
            assert history.query_one("#sessions").row_count == 1
            await pilot.press("escape")  # back to the result, then replay
            await wait_until(pilot, lambda: app.screen is result, "the result screen again")
            await pilot.press("r")
            await wait_for_screen(pilot, NegotiationScreen)
            assert isinstance(app.screen, NegotiationScreen) and app.screen.session.turns == []
            return s.turns

    turns = run(flow())
    store = Store()
    first, replay = store.sessions()
    assert first.finished and first.result == "paid_in_full" and first.turns == 5 and first.total > 0
    assert [t.tactic for t in store.turns(first.id)] == [t.tactic for t in turns]
    assert replay.parent_id == first.id and replay.parent_turn == 0 and not replay.finished
    assert replay.seed == first.seed


def test_resume_continues_an_unfinished_session(make_app):
    async def play_two():
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            app.start_session("fake-broke")
            await wait_for_screen(pilot, NegotiationScreen)
            await say(pilot, "courtesy")
            await say(pilot, "verify_balance")
            await pilot.press("escape")  # leave: the session stays unfinished
            await wait_for_notification(pilot, "trainer resume 1")
            await wait_for_screen(pilot, PickerScreen)
            return [t.reply for t in app.store.turns(1)]

    replies = run(play_two())

    async def resume():
        app = make_app(resume=1)
        async with app.run_test(size=SIZE) as pilot:
            screen = await wait_for_screen(pilot, NegotiationScreen)
            s = screen.session
            assert [t.reply for t in s.turns] == replies
            await wait_for_query(pilot, ".bubble", count=4)  # the transcript is back on screen
            await say(pilot, "timing")
            return len(s.turns)

    assert run(resume()) == 3
    assert Store().session(1).turns == 3


def shown_in(picker, text: str) -> ScenarioCard | None:
    """The picker's first card once it shows ``text`` and the picker is done redrawing (the filter focused)."""
    card = picker.query_one(ScenarioCard)
    done = picker.focused is picker.query_one("#filter")
    return card if done and text in str(card.render()) else None


def test_toggling_traditional_converts_the_display_only(make_app):
    async def flow():
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            picker = await wait_for_screen(pilot, PickerScreen, focus="#filter")
            await pilot.press("f6")
            card = await wait_until(pilot, lambda: shown_in(picker, "假沒錢"), "the cards redrawn in Traditional")
            assert "假沒錢" in str(card.render())
            assert card.scenario.title.startswith("假没钱")  # the source stays Simplified
            assert app.store.get_setting("script") == "traditional"
            await pilot.press("f6")
            await wait_until(pilot, lambda: shown_in(picker, "假没钱"), "the cards redrawn in Simplified")
            assert "假没钱" in str(app.screen.query_one(ScenarioCard).render())

    run(flow())


def test_every_screen_reachable_by_keyboard_and_ctrl_q_quits(make_app):
    async def flow():
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            picker = await wait_for_screen(pilot, PickerScreen, focus="#filter")
            await pilot.press("f1")
            await wait_for_screen(pilot, HelpScreen)
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.screen is picker, "the picker again")
            await pilot.press("f5")
            await wait_for_screen(pilot, SettingsScreen)
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.screen is picker, "the picker again")
            await pilot.press("f7")
            await wait_until(pilot, lambda: app.theme == "textual-light", "the light theme")
            # the command palette has our entries, matched in Simplified even when showing Traditional
            await pilot.press("f6")
            await wait_until(pilot, lambda: shown_in(picker, "假沒錢"), "the cards redrawn in Traditional")
            await command(pilot, "历史", "歷史記錄")
            await pilot.press("enter")
            await wait_for_screen(pilot, HistoryScreen)
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.screen is picker, "the picker again")
            await command(pilot, "假没钱", "假沒錢")
            await pilot.press("enter")
            await wait_for_screen(pilot, BriefingScreen)
            assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.id == "fake-broke"
            await pilot.press("ctrl+q")
            await wait_until(pilot, lambda: not app.is_running, "the app to quit")
        return app.return_code

    assert run(flow()) in (0, None)


def test_unknown_resume_is_a_notice_not_a_crash(make_app):
    async def flow():
        app = make_app(resume=99)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await wait_for_screen(pilot, PickerScreen)
            await wait_for_notification(pilot, "没有编号为 99 的练习")
            assert any("没有编号为 99 的练习" in str(n.message) for n in app._notifications)

    run(flow())


def test_picker_loads_the_real_library_in_the_background(home):
    from trainer.tui.app import build_app

    async def flow():
        app = build_app(cursor_blink=False)
        async with app.run_test(size=SIZE) as pilot:
            picker = await wait_for_screen(pilot, PickerScreen)
            # the worker starts after the first refresh: wait for its cards, not for the workers running now
            await wait_until(pilot, lambda: picker.query(ScenarioCard) and not picker.query("#loading"),
                             "the scenario cards in place of the loading notice")
            ids = [c.scenario.id for c in app.screen.query(ScenarioCard)]
            assert "fake-broke" in ids and not app.screen.query("#loading")

    run(flow())


def test_settings_save_switches_the_script(make_app):
    """Saving the settings with 繁体显示 on switches the display (the toggle is a coroutine: it must be awaited)."""
    from textual.widgets import Switch

    async def flow():
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f5")
            assert type(app.screen).__name__ == "SettingsScreen"
            app.screen.query_one("#traditional", Switch).value = True
            await pilot.pause()
            app.screen.query_one("#save").press()
            await pilot.pause()
            await pilot.pause()
            assert app.tr.script == "traditional"
            assert app.store.get_setting("script") == "traditional"

    run(flow())
