"""A whole session through the terminal UI, driven by Textual's Pilot: picker → briefing →
negotiation → result → exports → history → replay, and resume of an unfinished one."""

from __future__ import annotations

import asyncio

from trainer.core.store.db import Store
from trainer.tui.screens.briefing import BriefingScreen
from trainer.tui.screens.history import HistoryScreen
from trainer.tui.screens.modals import DidYouMeanScreen, PaletteScreen
from trainer.tui.screens.negotiation import NegotiationScreen
from trainer.tui.screens.picker import PickerScreen
from trainer.tui.screens.result import ResultScreen
from trainer.tui.widgets.scenario_card import ScenarioCard

from .tui_helpers import say

SIZE = (120, 40)


def run(coro):
    return asyncio.run(coro)


def test_full_session_from_picker_to_result(make_app, home):
    app = make_app()

    async def flow():
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, PickerScreen)
            # typing filters the cards by archetype
            await pilot.press(*"假没钱")
            await pilot.pause()
            shown = [c.scenario.id for c in app.screen.query(ScenarioCard) if c.display]
            assert shown == ["fake-broke"]
            await pilot.press("enter")
            await pilot.pause()

            assert isinstance(app.screen, BriefingScreen)
            text = str(app.screen.query_one("#case-text").render())
            assert "宏达建材商行" in text and "¥380,000" in text and "逾期" in text
            await pilot.press("space")  # tick the first preparation
            assert app.screen.prepared == 1
            await pilot.press("ctrl+s")  # first press only warns: nine left
            await pilot.pause()
            assert isinstance(app.screen, BriefingScreen)
            await pilot.press("ctrl+a", "ctrl+s")
            await pilot.pause()

            screen = app.screen
            assert isinstance(screen, NegotiationScreen)
            s = screen.session
            assert s.difficulty == "normal" and s.seed == 0
            start = s.meter_values()

            # 1. recognised with confidence ≥ 0.5: played at once
            await say(pilot, "周总您好,打扰了,先谢谢您一直以来的照顾")
            assert s.turns[-1].tactic == "courtesy"
            assert "courtesy" in str(screen.query_one("#last-recognised").render())
            assert s.meter_values() != start
            assert "1/14" in str(screen.query_one("#counter").render())

            # 2. not recognised: "did you mean …?" offers the alternatives
            await say(pilot, "嗯……那个账")
            assert isinstance(app.screen, DidYouMeanScreen)
            await pilot.press("enter")  # the first alternative: verify_balance
            await pilot.pause()
            assert app.screen is screen and s.turns[-1].tactic == "verify_balance"
            assert s.turns[-1].move == "嗯……那个账" and s.turns[-1].confidence == 0.31

            # 3. the tactic palette: search, pick, play the catalogue's example line
            await pilot.press("f3")
            await pilot.pause()
            assert isinstance(app.screen, PaletteScreen)
            await pilot.press(*"timing", "enter")
            await pilot.pause()
            assert app.screen is screen and s.turns[-1].tactic == "timing"

            # 4. low confidence → asked; the trainee takes the palette instead
            await say(pilot, "今天就结了吧")
            assert isinstance(app.screen, DidYouMeanScreen)
            await pilot.press("up", "enter")  # last option: open the palette
            await pilot.pause()
            assert isinstance(app.screen, PaletteScreen)
            await pilot.press(*"deadline", "enter")
            await pilot.pause()
            assert s.turns[-1].tactic == "deadline_pressure" and s.turns[-1].move == "今天就结了吧"

            # 5. a tactic id typed directly, which closes the deal
            await say(pilot, "written_commitment")
            assert s.ended and s.outcome.result == "paid_in_full"
            assert app.screen.query_one("#move").disabled
            await pilot.press("enter")  # the focused "查看结果" button
            await pilot.pause()

            assert isinstance(app.screen, ResultScreen)
            result = app.screen
            assert "当场付清" in str(result.query_one("#outcome").render())
            assert result.query_one("#bars").principles == result.score.principles
            await pilot.press("e")  # no trainee name yet: settings first, then the export
            await pilot.pause()
            assert type(app.screen).__name__ == "SettingsScreen"
            await pilot.press(*"Wang", "enter")
            await pilot.pause()
            assert app.screen is result and app.store.get_setting("trainee") == "Wang"
            await pilot.press("p")
            await pilot.pause()
            exported = sorted(p.name for p in (home / "scorecards").iterdir())
            assert len(exported) >= 2 and any(".plan.md" in n for n in exported)
            assert any(n.endswith((".scorecard.json", ".transcript.json")) for n in exported)

            await pilot.press("f4")
            await pilot.pause()
            assert isinstance(app.screen, HistoryScreen)
            assert app.screen.query_one("#sessions").row_count == 1
            await pilot.press("escape", "r")  # back to the result, then replay
            await pilot.pause()
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
            await pilot.pause()
            await say(pilot, "courtesy")
            await say(pilot, "verify_balance")
            await pilot.press("escape")  # leave: the session stays unfinished
            await pilot.pause()
            assert isinstance(app.screen, PickerScreen)
            return [t.reply for t in app.store.turns(1)]

    replies = run(play_two())

    async def resume():
        app = make_app(resume=1)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, NegotiationScreen)
            s = app.screen.session
            assert [t.reply for t in s.turns] == replies
            assert len(app.screen.query(".bubble")) == 4  # the transcript is back on screen
            await say(pilot, "timing")
            return len(s.turns)

    assert run(resume()) == 3
    assert Store().session(1).turns == 3


def test_toggling_traditional_converts_the_display_only(make_app):
    async def flow():
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f6")
            await pilot.pause()
            card = app.screen.query_one(ScenarioCard)
            assert "假沒錢" in str(card.render())
            assert card.scenario.title.startswith("假没钱")  # the source stays Simplified
            assert app.store.get_setting("script") == "traditional"
            await pilot.press("f6")
            await pilot.pause()
            assert "假没钱" in str(app.screen.query_one(ScenarioCard).render())

    run(flow())


def test_every_screen_reachable_by_keyboard_and_ctrl_q_quits(make_app):
    async def flow():
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f1")
            assert type(app.screen).__name__ == "HelpScreen"
            await pilot.press("escape", "f5")
            assert type(app.screen).__name__ == "SettingsScreen"
            await pilot.press("escape", "f7")
            assert app.theme == "textual-light"
            # the command palette has our entries, matched in Simplified even when showing Traditional
            await pilot.press("f6", "ctrl+p", *"历史")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HistoryScreen)
            await pilot.press("escape", "ctrl+p", *"假没钱")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.id == "fake-broke"
            await pilot.press("ctrl+q")
            await pilot.pause()
        return app.return_code

    assert run(flow()) in (0, None)


def test_unknown_resume_is_a_notice_not_a_crash(make_app):
    async def flow():
        app = make_app(resume=99)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, PickerScreen)
            assert any("no session 99" in str(n.message) for n in app._notifications)

    run(flow())


def test_picker_loads_the_real_library_in_the_background(home):
    from trainer.tui.app import build_app

    async def flow():
        app = build_app(cursor_blink=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
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
