"""`trainer replay CARD` in the terminal UI: stepping through a past session read-only, the findings
appearing at their turn, hostile card text shown literally, and one snapshot of the screen."""

from __future__ import annotations

import asyncio
import dataclasses
import json

import pytest

from trainer.core.competition.scorecard import build_card, dumps, write_scorecard
from trainer.core.content.library import resolve_scenario
from trainer.core.engine.session import Session
from trainer.core.judging.rubric import load_rubric
from trainer.core.judging.scoring import Finding, Score
from trainer.core.store.playback import playback_from_card
from trainer.tui.screens.picker import PickerScreen
from trainer.tui.screens.replay import ReplayScreen

from .tui_helpers import frozen_library, wait_for_screen, wait_until

SIZE = (120, 40)
WIN = ["courtesy", "probe_reason", "verify_balance", "timing", "deadline_pressure", "written_commitment"]


def run(coro):
    return asyncio.run(coro)


def session(moves=WIN, seed=0) -> Session:
    scenario, persona = resolve_scenario("fake-broke", frozen_library())
    s = Session(scenario, persona, seed=seed)
    for m in moves:
        s.play(m)
    return s


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def at(pilot, screen: ReplayScreen, position: int) -> None:
    """Wait until the replay has stepped to ``position`` (0 = before the first turn, N + 1 = the end)."""
    await wait_until(pilot, lambda: screen.position == position, f"the replay at position {position}")


def test_stepping_pins_each_finding_to_its_turn(make_app, tmp_path):
    path = tmp_path / "card.json"
    card = write_scorecard(session(), path, "张三", "一组")
    # a finding whose message belongs to one turn only: it must appear at that turn and nowhere else
    by_turn = {}
    for f in card["findings"]:
        by_turn.setdefault(f["turn"], []).append(f["message"])
    turn, message = next((n, m) for n, ms in sorted(by_turn.items(), key=lambda x: -(x[0] or 0))
                         if n and n > 1 for m in ms if sum(m in v for v in by_turn.values()) == 1)
    app = make_app(replay=path)

    async def flow():
        async with app.run_test(size=SIZE) as pilot:
            screen = await wait_for_screen(pilot, ReplayScreen)
            assert screen.playback.verified
            head = text_of(app, "#replay-head")
            assert "张三" in head and "一组" in head and f"总分 {card['score']['total']}" in head and "✓" in head
            assert not app.screen.query("Input")  # read-only
            for n in range(1, len(WIN) + 1):
                await pilot.press("right")
                await at(pilot, screen, n)
                assert text_of(app, "#replay-counter") == f"第 {n}/{len(WIN)} 回合"
                shown = [t.n for t in screen.playback.turns if screen.query_one(f"#replay-turn-{t.n}").display]
                assert shown == list(range(1, n + 1))
                panel = text_of(app, "#replay-panel")
                assert (message in panel) == (n == turn), (n, turn, panel)
                assert "识别:" in panel
            await pilot.press("left", "p")
            await at(pilot, screen, len(WIN) - 2)
            assert text_of(app, "#replay-counter") == f"第 {len(WIN) - 2}/{len(WIN)} 回合"
            await pilot.press("end")
            await at(pilot, screen, len(WIN) + 1)
            assert screen.query_one("#replay-outcome").display
            outcome = text_of(app, "#replay-outcome")
            found = card["hidden_reason"]["found_turn"]
            assert "当场付清" in outcome or "书面承诺" in outcome
            assert "上周刚收到开发商" in outcome and f"第 {found} 回合摸清" in outcome
            await pilot.press("home")
            await at(pilot, screen, 0)
            assert text_of(app, "#replay-counter") == f"第 0/{len(WIN)} 回合"
            assert not screen.query_one("#replay-turn-1").display
            await pilot.press("q")  # started by `trainer replay`: leaving ends the app
            await wait_until(pilot, lambda: not app.is_running, "the app to end")
            assert app.return_code == 0 and not app.is_running

    run(flow())


def test_escape_pops_when_opened_inside_the_app(make_app, tmp_path):
    path = tmp_path / "card.json"
    card = write_scorecard(session(), path, "张三", "一组")
    app = make_app()

    async def flow():
        async with app.run_test(size=SIZE) as pilot:
            picker = await wait_for_screen(pilot, PickerScreen)
            app.push_screen(ReplayScreen(playback_from_card(card, lib=frozen_library())))
            screen = await wait_for_screen(pilot, ReplayScreen)
            await pilot.press("space", "n")
            await at(pilot, screen, 2)
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.screen is picker, "the picker again")
            assert isinstance(app.screen, PickerScreen) and app.is_running

    run(flow())


def test_hostile_card_text_is_shown_literally(make_app, tmp_path):
    card = write_scorecard(session(), tmp_path / "ok.json", "张三", "一组")
    card["transcript"][0]["move"] = "[bold red]x[/] \x1b[31m红字\x1b[0m"
    card["transcript"][0]["reply"] = "[/]\x1b]0;title\x07没钱[link=http://x]点[/link]"
    card["transcript"][0]["note"] = "[/bold]"
    first = next(f for f in card["findings"] if f["turn"] == 1)
    first["message"] = "[red]假[/red]\x1b[2J清屏"
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(card, ensure_ascii=False), encoding="utf-8")
    app = make_app(replay=path)

    async def flow():
        async with app.run_test(size=SIZE) as pilot:
            screen = await wait_for_screen(pilot, ReplayScreen)
            assert not screen.playback.verified  # edited: shown, with the reason it is not verified
            assert "⚠" in text_of(app, "#replay-head") and "对话记录与重放" in text_of(app, "#replay-head")
            await pilot.press("right")
            await at(pilot, screen, 1)
            bubbles = [str(w.render()) for w in screen.query("#replay-turn-1 Static")]
            assert "[bold red]x[/] 红字" in bubbles[0]
            assert "[/]没钱[link=http://x]点[/link]" in bubbles[2]
            panel = text_of(app, "#replay-panel")
            assert "[red]假[/red]清屏" in panel and "[/bold]" in panel
            assert not any("\x1b" in b for b in bubbles + [panel])
            await pilot.press("end")  # every turn and the outcome shown, hostile text and all
            await at(pilot, screen, len(WIN) + 1)

    run(flow())


#: a fixed score and clock, so the snapshot moves only when the replay screen itself changes
SCORE = Score(88, {"early": 100, "fast": 90, "more": 100, "benefit": 75, "courtesy": 100, "restraint": 60,
                   "procedure": 45, "lawful": 100},
              [Finding(3, "procedure", 20, "verified", "核对了余额,账对清了", "十大事先准备",
                       title="核对余额", suggestion="对账在前,施压在后。"),
               Finding(3, "restraint", -10, "pressure", "[施压] 稍早", "八术·吓"),
               Finding(None, "benefit", -10, "concession", "让步没有条件", "谈判僵局")])


@pytest.fixture
def snapshot_app(make_app):
    card = build_card(session(), SCORE, "张三", "一组", load_rubric(), created_at="2026-11-02T09:00:00+00:00")
    card = json.loads(dumps(card))
    pb = dataclasses.replace(playback_from_card(card, lib=frozen_library(), verify=False), verified=True)
    app = make_app()

    async def open_at(pilot, keys, position):
        await wait_for_screen(pilot, PickerScreen)
        app.push_screen(ReplayScreen(pb, exit_on_leave=True))
        screen = await wait_for_screen(pilot, ReplayScreen)
        await pilot.press(*keys)
        await at(pilot, screen, position)

    return app, open_at


class TestReplaySnapshot:
    def test_replay_at_turn_three(self, snapshot_app, snap_compare):
        app, open_at = snapshot_app

        async def before(pilot):
            await open_at(pilot, ["right"] * 3, 3)

        assert snap_compare(app, run_before=before, terminal_size=SIZE)

    def test_replay_at_the_end(self, snapshot_app, snap_compare):
        app, open_at = snapshot_app

        async def before(pilot):
            await open_at(pilot, ["end"], len(WIN) + 1)

        assert snap_compare(app, run_before=before, terminal_size=SIZE)
