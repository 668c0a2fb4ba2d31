"""Snapshot tests: one class per screen at 120×40, cursor blink off, a private TRAINER_HOME,
fixed seed, fixed clock. Update with `pytest tests/functional/test_snapshots.py --snapshot-update`
after checking the new SVGs by eye."""

from __future__ import annotations

import pytest

from trainer.core.content.library import resolve_scenario
from trainer.core.engine.session import Session
from trainer.core.judging.scoring import Finding, Score
from trainer.core.store.db import DB_NAME, Store
from trainer.tui.app import build_app
from trainer.tui.screens.briefing import BriefingScreen
from trainer.tui.screens.compare import CompareScreen
from trainer.tui.screens.help import HelpScreen
from trainer.tui.screens.history import HistoryScreen
from trainer.tui.screens.modals import PaletteScreen, RewindScreen
from trainer.tui.screens.negotiation import NegotiationScreen
from trainer.tui.screens.picker import PickerScreen
from trainer.tui.screens.result import ResultScreen
from trainer.tui.widgets.scenario_card import ScenarioCard

from .tui_helpers import (
    fake_recognise,
    frozen_library,
    say,
    search_palette,
    wait_for_screen,
    wait_until,
)

SIZE = (120, 40)
WIN = ["courtesy", "verify_balance", "timing", "deadline_pressure", "written_commitment"]


def fixed_clock():
    n = 0

    def clock() -> str:
        nonlocal n
        n += 1
        return f"2026-11-{1 + n // 10:02d}T09:{n % 60:02d}:00+00:00"

    return clock


@pytest.fixture
def app(home):
    store = Store(home / DB_NAME, clock=fixed_clock())
    return build_app(seed=0, cursor_blink=False, recognise=fake_recognise, script="simplified", store=store,
                     library=frozen_library())


async def at_picker(pilot) -> PickerScreen:
    """Wait until the picker is up, its cards in place and the filter focused (keys typed next go there)."""
    picker = await wait_for_screen(pilot, PickerScreen, focus="#filter")
    await wait_until(pilot, lambda: picker.query(ScenarioCard), "the scenario cards")
    return picker


def shown_cards(picker: PickerScreen) -> list[str]:
    return [c.scenario.id for c in picker.visible_cards()]


async def to_negotiation(pilot, moves=(), difficulty=None):
    await at_picker(pilot)
    pilot.app.start_session("fake-broke", difficulty)
    await wait_for_screen(pilot, NegotiationScreen, focus="#move")
    for m in moves:
        await say(pilot, m)


class TestPicker:
    def test_picker(self, app, snap_compare):
        assert snap_compare(app, run_before=at_picker, terminal_size=SIZE)

    def test_picker_filtered(self, app, snap_compare):
        async def before(pilot):
            picker = await at_picker(pilot)
            await pilot.press(*"恶意")
            await wait_until(pilot, lambda: shown_cards(picker) == ["malicious-delay"], "the filter applied")

        assert snap_compare(app, run_before=before, terminal_size=SIZE)


class TestBriefing:
    def test_briefing(self, app, snap_compare):
        async def before(pilot):
            await at_picker(pilot)
            await pilot.press("enter")
            briefing = await wait_for_screen(pilot, BriefingScreen, focus="#checklist")
            await pilot.press("space", "down", "space")
            await wait_until(pilot, lambda: briefing.prepared == 2, "two preparations ticked")

        assert snap_compare(app, run_before=before, terminal_size=SIZE)


class TestNegotiation:
    def test_negotiation_after_three_turns(self, app, snap_compare):
        async def before(pilot):
            await to_negotiation(pilot, ["周总您好,打扰了,先谢谢您一直以来的照顾", "verify_balance", "timing"])

        assert snap_compare(app, run_before=before, terminal_size=SIZE)

    def test_did_you_mean(self, app, snap_compare):
        async def before(pilot):
            await to_negotiation(pilot, ["嗯……那个账"])

        assert snap_compare(app, run_before=before, terminal_size=SIZE)

    def test_hostility_heard_by_the_models_alone_is_asked_about(self, app, snap_compare):
        async def before(pilot):
            await to_negotiation(pilot, ["你家孩子放学一个人走那条小路,你可得看紧点"])

        assert snap_compare(app, run_before=before, terminal_size=SIZE)

    def test_palette_searched(self, app, snap_compare):
        async def before(pilot):
            await to_negotiation(pilot)
            await pilot.press("f3")
            await wait_for_screen(pilot, PaletteScreen)
            await search_palette(pilot, "让步")

        assert snap_compare(app, run_before=before, terminal_size=SIZE)

    def test_hard_hides_meters_and_hints(self, app, snap_compare):
        async def before(pilot):
            await to_negotiation(pilot, ["courtesy"], difficulty="hard")

        assert snap_compare(app, run_before=before, terminal_size=SIZE)


#: a fixed score, so the result screen's layout is tested apart from the (evolving) rubric
SCORE = Score(88, {"early": 100, "fast": 90, "more": 100, "benefit": 75, "courtesy": 100, "restraint": 60,
                   "procedure": 45, "lawful": 100},
              [Finding(2, "procedure", 20, "verified", "核对了余额", "十大事先准备"),
               Finding(4, "restraint", -20, "pressure", "[施压] 过早", "八术·吓"),
               Finding(None, "benefit", -10, "concession", "让步没有条件", "谈判僵局")])


class TestResult:
    def test_result(self, app, snap_compare):
        async def before(pilot):
            await to_result(pilot, WIN)

        assert snap_compare(app, run_before=before, terminal_size=SIZE)


async def to_result(pilot, moves):
    """Play ``moves`` and open the result screen with the fixed SCORE (the layout under test, not the rubric)."""
    await to_negotiation(pilot, moves)
    pilot.app.show(ResultScreen(pilot.app.screen.live, SCORE))
    await wait_for_screen(pilot, ResultScreen, focus="#export")


def stored(store, moves, seed, result=None, total=None):
    """A session of the frozen fake-broke in ``store``, finished when ``total`` is given; returns it and its id."""
    scenario, persona = resolve_scenario("fake-broke", frozen_library())
    s = Session(scenario, persona, seed=seed)
    sid = store.begin(scenario, persona, seed, s.difficulty)
    for m in moves:
        store.record_turn(sid, s.play_tactic(m))
    if total is not None:
        store.finish(sid, result or (s.outcome.result if s.outcome else "no_progress"), total)
    return s, sid


class TestHistory:
    def test_history(self, app, snap_compare):
        for i, moves in enumerate((WIN[:2] + ["legal_action"], WIN, WIN[:3])):
            stored(app.store, moves, seed=i, total=40 + 50 * i if i < 2 else None)

        async def before(pilot):
            await at_picker(pilot)
            await pilot.press("f4")
            await wait_for_screen(pilot, HistoryScreen, focus="#sessions")

        assert snap_compare(app, run_before=before, terminal_size=SIZE)


LOSING = ["courtesy", "verify_balance", "legal_warning", "legal_action"]


class TestRewind:
    def test_rewind_choices_after_a_lost_session(self, app, snap_compare):
        async def before(pilot):
            await to_result(pilot, LOSING)
            await pilot.press("b")
            await wait_for_screen(pilot, RewindScreen, focus="#rewind-options")

        assert snap_compare(app, run_before=before, terminal_size=SIZE)


class TestCompare:
    def test_two_attempts_side_by_side(self, app, snap_compare):
        from trainer.core.store.attempts import start_attempt
        store = app.store
        lost, pid = stored(store, LOSING, seed=0, result="legal", total=40)
        sid, retry = start_attempt(store, pid, lost, 3)
        for m in WIN[2:]:
            store.record_turn(sid, retry.play_tactic(m))
        store.finish(sid, retry.outcome.result, 90)

        async def before(pilot):
            await at_picker(pilot)
            await pilot.press("f4")
            await wait_for_screen(pilot, HistoryScreen, focus="#sessions")
            await pilot.press("c")
            await wait_for_screen(pilot, CompareScreen, focus="#compare-attempts")

        assert snap_compare(app, run_before=before, terminal_size=SIZE)


class TestHelp:
    def test_help(self, app, snap_compare):
        async def before(pilot):
            await at_picker(pilot)
            await pilot.press("f1")
            await wait_for_screen(pilot, HelpScreen)

        assert snap_compare(app, run_before=before, terminal_size=SIZE)


class TestTraditional:
    def test_briefing_in_traditional(self, app, snap_compare):
        async def before(pilot):
            picker = await at_picker(pilot)
            await pilot.press("f6")
            await wait_until(pilot, lambda: picker.focused is picker.query_one("#filter")
                             and "假沒錢" in str(picker.query_one(ScenarioCard).render()), "the picker in Traditional")
            await pilot.press("enter")
            await wait_for_screen(pilot, BriefingScreen, focus="#checklist")

        assert snap_compare(app, run_before=before, terminal_size=SIZE)
