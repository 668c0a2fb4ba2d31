"""The picker by keyboard, as a trainee expects (issue 18): ↓/↑ move between scenarios (the scrolling list
must not take the arrows), Home/End, Enter opens the highlighted one; every scenario fits at 80×24,
grouped by debt type, with the trainee's best score."""

from __future__ import annotations

import asyncio

from trainer.core.content.library import load_library
from trainer.tui.screens.briefing import BriefingScreen
from trainer.tui.screens.picker import GroupTitle, PickerScreen
from trainer.tui.widgets.scenario_card import ScenarioCard

from .tui_helpers import frozen_library, wait_for_screen, wait_until

SMALL = (80, 24)


def run(coro):
    return asyncio.run(coro)


async def at_picker(pilot) -> PickerScreen:
    picker = await wait_for_screen(pilot, PickerScreen, focus="#filter")
    await wait_until(pilot, lambda: picker.query(ScenarioCard), "the scenario rows")
    return picker


def focused_id(app) -> str | None:
    f = app.screen.focused
    return f.scenario.id if isinstance(f, ScenarioCard) else None


def test_arrows_move_between_scenarios_and_enter_opens_the_highlighted_one(make_app):
    lib = load_library()
    app = make_app(library=lib)

    async def go():
        async with app.run_test(size=SMALL) as pilot:
            picker = await at_picker(pilot)
            order = [c.scenario.id for c in picker.visible_cards()]
            assert len(order) >= 12
            await pilot.press("down")
            await wait_until(pilot, lambda: focused_id(app) == order[0], "the first row focused")
            for i in range(1, 8):
                await pilot.press("down")
                await wait_until(pilot, lambda i=i: focused_id(app) == order[i], f"row {i} focused")
            await pilot.press("up")
            await wait_until(pilot, lambda: focused_id(app) == order[6], "back up one row")
            await pilot.press("end")
            await wait_until(pilot, lambda: focused_id(app) == order[-1], "End: the last row")
            await pilot.press("home")
            await wait_until(pilot, lambda: focused_id(app) == order[0], "Home: the first row")
            for _ in range(7):
                await pilot.press("down")
            await wait_until(pilot, lambda: focused_id(app) == order[7], "the eighth row")
            await pilot.press("enter")
            briefing = await wait_for_screen(pilot, BriefingScreen)
            assert briefing.scenario.id == order[7]

    run(go())


def test_every_scenario_is_visible_at_80x24_grouped_by_debt_type(make_app):
    lib = load_library()
    app = make_app(library=lib)

    async def go():
        async with app.run_test(size=SMALL) as pilot:
            picker = await at_picker(pilot)
            box = picker.query_one("#cards")
            rows = list(picker.query(ScenarioCard))
            assert len(rows) == len(lib.scenarios)
            bottom = box.region.y + box.region.height
            for row in rows:
                assert box.region.y <= row.region.y < bottom, f"{row.scenario.id} is off screen"
            titles = [t.debt_type for t in picker.query(GroupTitle)]
            assert titles == sorted({s.case.debt_type for s in lib.scenarios.values()})
            assert not box.max_scroll_y

    run(go())


def test_best_score_per_scenario_comes_from_the_store(make_app, home):
    from trainer.core.store.db import DB_NAME, Store
    lib = frozen_library()
    store = Store(home / DB_NAME)
    sc = lib.scenarios["fake-broke"]
    for total in (41, 77, 63):
        sid = store.begin(sc, lib.personas[sc.persona_id], 0, "normal")
        store.finish(sid, "promise", total)
    app = make_app(store=store)

    async def go():
        async with app.run_test(size=SMALL) as pilot:
            picker = await at_picker(pilot)
            card = picker.query_one("#card-fake-broke", ScenarioCard)
            assert card.best == 77
            assert "最好 77" in str(card.render())
            assert picker.query_one("#card-malicious-delay", ScenarioCard).best is None
            await pilot.press("down")
            await wait_until(pilot, lambda: "最好成绩 77 分" in str(picker.query_one("#details").render()),
                             "the details of the highlighted scenario")

    run(go())
