"""The 十大事先准备 checklist in the briefing: an unticked box looks empty, a ticked one shows a tick (issue 14)."""

from __future__ import annotations

import asyncio

from trainer.core.judging.rubric import load_rubric
from trainer.tui.screens.briefing import TICKED, UNTICKED, BriefingScreen, Checklist
from trainer.tui.screens.picker import PickerScreen

from .tui_helpers import wait_for_screen, wait_until


def _box(checklist: Checklist, y: int) -> str:
    return checklist.render_line(y).text[:3]


def test_unticked_box_is_empty_and_ticked_box_has_a_tick(make_app) -> None:
    app = make_app()

    async def flow() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for_screen(pilot, PickerScreen, focus="#filter")
            await pilot.press("enter")
            briefing = await wait_for_screen(pilot, BriefingScreen, focus="#checklist")
            checklist = briefing.query_one(Checklist)
            assert checklist.option_count == len(load_rubric().checklist) == 10
            assert _box(checklist, 0)[1] == UNTICKED and "X" not in _box(checklist, 0)
            await pilot.press("down", "space")
            await wait_until(pilot, lambda: briefing.ticked == (2,), "the second preparation ticked")
            await wait_until(pilot, lambda: _box(checklist, 1)[1] == TICKED, "a tick in the second box")
            assert _box(checklist, 0)[1] == UNTICKED and _box(checklist, 2)[1] == UNTICKED

    asyncio.run(flow())
