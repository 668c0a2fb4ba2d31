"""Chinese in the footer arrives whole (issue 18: "p   出回收计划表", "再练  次").

The cause: a widget docked at the bottom (the result screen's buttons) lay under the footer's row; the
compositor cuts every row at every widget's edge, and a cut through a double-width character turns it
into two spaces. Each screen's last row must show every footer description intact."""

from __future__ import annotations

import asyncio

from trainer.tui.screens.negotiation import NegotiationScreen
from trainer.tui.screens.result import ResultScreen

from .test_snapshots import SIZE, WIN, app, at_picker, to_negotiation, to_result  # noqa: F401 - fixture

FOOTER_ROW = SIZE[1] - 1


def footer_text(pilot) -> str:
    return pilot.app.screen._compositor.render_strips()[FOOTER_ROW].text


def descriptions(pilot) -> list[str]:
    return [str(k.description) for k in pilot.app.screen.query("FooterKey") if k.description]


def check(pilot) -> None:
    row = footer_text(pilot)
    missing = [d for d in descriptions(pilot) if d not in row and d != "palette"]
    # the footer may be too narrow for the last ones; every one that started must be whole
    started = [d for d in missing if d[:1] in row]
    assert not started, (row, started)
    assert "  出" not in row and "  次" not in row, row


def test_result_footer_keeps_its_chinese(app):  # noqa: F811 - the fixture
    async def go():
        async with app.run_test(size=SIZE) as pilot:
            await to_result(pilot, WIN)
            await pilot.pause()
            row = footer_text(pilot)
            assert "导出回收计划表" in row and "再练一次" in row and "回到某回合" in row, row
            check(pilot)
            assert isinstance(pilot.app.screen, ResultScreen)

    asyncio.run(go())


def test_picker_and_negotiation_footers_keep_their_chinese(app):  # noqa: F811 - the fixture
    async def go():
        async with app.run_test(size=SIZE) as pilot:
            await at_picker(pilot)
            check(pilot)
            await to_negotiation(pilot, WIN[:2])
            assert isinstance(pilot.app.screen, NegotiationScreen)
            check(pilot)

    asyncio.run(go())
