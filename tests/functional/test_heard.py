"""The negotiation screen shows everything heard in the last move: every act and the figures named."""

from __future__ import annotations

import asyncio

from trainer.tui.screens.briefing import BriefingScreen
from trainer.tui.screens.negotiation import NegotiationScreen

from .tui_helpers import say, wait_for_screen


def test_the_last_move_shows_all_its_acts_and_figures(make_app):
    app = make_app(scenario="fake-broke")

    async def flow():
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for_screen(pilot, BriefingScreen)
            app.start_session("fake-broke")
            screen = await wait_for_screen(pilot, NegotiationScreen)
            turn = await say(pilot, "理解您的难处,咱们先把账对一下,一共三十八万,下周五前结清")
            assert turn is not None and turn.answered == "verify_balance"  # the balance check moved the talk on
            shown = str(screen.query_one("#last-recognised").render())
            assert "共情式话术 (empathize) + 核对余额与付款形式" in shown
            assert "¥380,000 · 11月27日" in shown

    asyncio.run(flow())
