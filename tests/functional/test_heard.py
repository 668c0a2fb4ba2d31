"""The negotiation screen shows everything heard in the last move: every act and the figures named."""

from __future__ import annotations

import asyncio

from rich.cells import cell_len

from trainer.tui.screens.briefing import BriefingScreen
from trainer.tui.screens.negotiation import NegotiationScreen

from .tui_helpers import say, wait_for_screen, wait_until

#: four moves and their figures in one line (heard so by tui_helpers.LINES)
LONG = "王总您好,先对下账,一共三十八万,这周五前能付吗?如果今天签个确认单,滞纳金我们可以不收"
SHORT = "理解您的难处,咱们先把账对一下,一共三十八万,下周五前结清"


def after_one_move(make_app, scenario: str, line: str, check) -> None:
    """Start ``scenario``, say ``line``, then ``await check(pilot, screen, turn)``."""
    app = make_app(scenario=scenario)

    async def flow():
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for_screen(pilot, BriefingScreen)
            app.start_session(scenario)
            screen = await wait_for_screen(pilot, NegotiationScreen)
            turn = await say(pilot, line)
            assert turn is not None
            await check(pilot, screen, turn)

    asyncio.run(flow())


def test_the_last_move_shows_all_its_acts_and_figures(make_app):
    async def check(pilot, screen, turn):
        assert turn.answered == "verify_balance"  # the balance check moved the talk on
        shown = str(screen.query_one("#last-recognised").render())
        assert "共情式话术 (empathize) + 核对余额与付款形式" in shown
        assert "¥380,000 · 11月27日" in shown

    after_one_move(make_app, "fake-broke", SHORT, check)


def test_the_chat_bubble_shows_every_act_and_figure_of_its_move(make_app):
    """The transcript keeps what was heard in each move, not only the act the debtor answered: the bubble under a line
    of several moves names them all and the figures (it showed the main act alone)."""
    async def check(pilot, screen, turn):
        bubble = str(list(screen.query(".recognised"))[-1].render())
        assert "识别:" in bubble and "+ 核对余额与付款形式" in bubble and "¥380,000 · 11月27日" in bubble

    after_one_move(make_app, "fake-broke", SHORT, check)


def test_a_long_heard_line_wraps_instead_of_being_cut(make_app):
    """At 120 columns a move of four acts and its figures no longer fits one row: the line under the chat grows to
    show it all (it was one row high and cut the figures off)."""
    async def check(pilot, screen, turn):
        shown = screen.query_one("#last-recognised")
        assert cell_len(str(shown.render())) > shown.region.width  # more than a row to say
        await wait_until(pilot, lambda: shown.region.height >= 2, "the heard line wrapped")

    after_one_move(make_app, "malicious-delay", LONG, check)



def test_small_talk_shows_no_day_gone_by(make_app, monkeypatch):
    """A line heard as no tactic shows no day before the scenario's date: 昨天晚上 in small talk is no deadline, and
    听到:<yesterday> under it read as if it were (stop 47, in tmux). A day still to come is shown."""
    from trainer.core.language.recognition import Recognition
    from trainer.tui.screens.modals import DidYouMeanScreen

    from .tui_helpers import LINES

    line = "昨天晚上看球了吧?打得真精彩,下个月十五号还有一场。"
    monkeypatch.setitem(LINES, line, Recognition(None, 0.02, [("direct_ask", 0.02)], dates=("2000-01-01", "2099-12-31")))
    app = make_app(scenario="fake-broke")

    async def flow():
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for_screen(pilot, BriefingScreen)
            app.start_session("fake-broke")
            screen = await wait_for_screen(pilot, NegotiationScreen)
            assert await say(pilot, line) is None  # asked first: 就按原话说 leads
            await wait_for_screen(pilot, DidYouMeanScreen)
            await pilot.press("enter")
            await wait_until(pilot, lambda: len(screen.session.turns) == 1 and len(screen.query(".recognised")) == 1,
                             "the line played as said")
            shown = str(screen.query_one("#last-recognised").render())
            bubble = str(list(screen.query(".recognised"))[-1].render())
            for text in (shown, bubble):
                assert "1月1日" not in text and "12月31日" in text

    asyncio.run(flow())
