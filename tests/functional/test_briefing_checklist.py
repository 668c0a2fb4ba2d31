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


def test_a_fact_longer_than_the_pane_keeps_its_bullet(make_app) -> None:
    # project-milestone's first fact is wider than the case pane at 120 columns: Rich breaks lines at spaces only, so
    # " · " + the fact left the bullet alone on a line and began the fact on the next one (stop 49, seen in tmux)
    app = make_app(scenario="project-milestone", library=None)  # the shipped library: the frozen one has two scenarios

    async def flow() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            briefing = await wait_for_screen(pilot, BriefingScreen, focus="#checklist")
            case = briefing.query_one("#case-text")
            await wait_until(pilot, lambda: case.size.width > 0, "the case pane laid out")
            lines = [case.render_line(y).text.rstrip() for y in range(case.size.height)]
            bullets = [line for line in lines if line.lstrip().startswith("·")]
            assert len(bullets) == 5 and all(len(b.strip()) > 1 for b in bullets)
            assert any(b.strip().startswith("·已供钢材126万元") for b in bullets)

    asyncio.run(flow())
