"""Leaving the terminal UI: sessions left behind leave the shared machine, a failed store write ends the app
in Chinese with a non-zero code (the turns before it kept), SIGTERM restores the terminal, no UI without one."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys

import pytest
from textual.widgets import Input

from trainer.core.engine import machine
from trainer.core.store.db import Store
from trainer.tui.screens.negotiation import NegotiationScreen
from trainer.tui.screens.picker import PickerScreen

from .tui_helpers import say, wait_for_screen, wait_until

SIZE = (120, 40)
LINE = "周总您好,打扰了,先谢谢您一直以来的照顾"


async def negotiating(pilot):
    pilot.app.start_session("fake-broke")
    return await wait_for_screen(pilot, NegotiationScreen)


def models() -> int:
    return machine.cache_info()["models"]


def test_sessions_left_rewound_or_quit_leave_the_shared_machine(make_app):
    app = make_app(scenario="fake-broke")
    before = models()

    async def flow():
        async with app.run_test(size=SIZE) as pilot:
            await negotiating(pilot)
            await say(pilot, LINE)
            await say(pilot, LINE)
            for sid, turn in ((2, 2), (3, 1), (4, 2)):  # rewound three times: each leaves the one before behind
                app.rewind(app.screen.live, turn)
                await wait_until(pilot, lambda sid=sid: isinstance(app.screen, NegotiationScreen)
                                 and app.screen.is_mounted and app.screen.live.session_id == sid, f"attempt #{sid}")
                await say(pilot, LINE)
            assert models() == before + 1  # only the session on screen is in the machine
            await pilot.press("escape")  # leave it (resumable)
            await wait_for_screen(pilot, PickerScreen)
            assert models() == before
            await negotiating(pilot)
            await say(pilot, LINE)
            assert models() == before + 1
            await pilot.press("ctrl+q")  # quit with a session open
        assert models() == before

    asyncio.run(flow())
    assert [r.turns for r in Store().sessions()] == [2, 2, 1, 2, 1]


def test_a_store_that_fails_mid_session_stops_the_app_non_zero_in_chinese_and_keeps_the_turns_before(make_app):
    app = make_app(scenario="fake-broke")

    async def flow():
        async with app.run_test(size=SIZE) as pilot:
            screen = await negotiating(pilot)
            await say(pilot, LINE)

            def disk_full(*args):
                raise sqlite3.OperationalError("database or disk is full")

            app.store._insert_turn = disk_full  # the next turn's write fails as on a full disk
            box = screen.query_one("#move", Input)
            box.value = LINE
            box.post_message(Input.Submitted(box, LINE))  # as enter does (a key press would wait on an exiting app)
            await wait_until(pilot, lambda: app.return_code is not None, "the app to stop")

    asyncio.run(flow())
    assert app.return_code == 1
    assert "这一步没能保存" in app.exit_message and "磁盘已满" in app.exit_message
    assert "\n" not in app.exit_message
    assert [r.turns for r in Store().sessions()] == [1]  # the turn committed before the failure is there


def test_sigterm_handler_exits_through_the_app_non_zero(make_app):
    app = make_app()

    async def flow():
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_screen(pilot, PickerScreen)
            app.on_sigterm()
            await wait_until(pilot, lambda: app.return_code is not None, "the app to stop")

    asyncio.run(flow())
    assert app.return_code == 143 and "SIGTERM" in app.exit_message


@pytest.mark.skipif(not hasattr(os, "openpty") or sys.platform == "win32", reason="needs a pty")
def test_sigterm_to_the_real_ui_restores_the_terminal(tmp_path):
    """The UI in a pseudo-terminal: SIGTERM → it leaves the alternate screen, shows the cursor again, exits 143."""
    import pty
    import select
    import signal
    import subprocess

    leader, follower = pty.openpty()
    env = dict(os.environ, TRAINER_HOME=str(tmp_path), TERM="xterm-256color", COLUMNS="100", LINES="30")
    proc = subprocess.Popen([sys.executable, "-m", "trainer"], stdin=follower, stdout=follower, stderr=follower,
                            env=env, start_new_session=True)
    os.close(follower)
    out = bytearray()

    def read_until(predicate) -> bool:
        while not predicate():
            ready, _, _ = select.select([leader], [], [], 60)
            if not ready:
                return False
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed the terminal
                return False
            if not chunk:
                return False
            out.extend(chunk)
        return True

    try:
        assert read_until(lambda: "回款道场".encode() in out), out[-500:]  # the UI is up (its title is drawn)
        assert b"\x1b[?1049h" in out  # in the alternate screen
        proc.send_signal(signal.SIGTERM)
        read_until(lambda: False)  # everything it writes until it closes the terminal
        code = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(leader)
    tail = bytes(out[out.rindex(b"\x1b[?1049h"):])
    assert b"\x1b[?1049l" in tail  # left the alternate screen
    assert code == 143
    assert "SIGTERM" in tail.decode("utf-8", "replace")


def headless(tmp_path, *args):
    """``trainer ARGS`` with stdin not a terminal (the timeout only guards the old hang; it measures nothing)."""
    import subprocess

    env = dict(os.environ, TRAINER_HOME=str(tmp_path))
    return subprocess.run([sys.executable, "-m", "trainer", *args], stdin=subprocess.DEVNULL, capture_output=True,
                          env=env, timeout=300)


@pytest.mark.parametrize("args", [[], ["play", "fake-broke"], ["resume", "1"]])
def test_the_ui_without_a_terminal_refuses_and_names_the_headless_command(tmp_path, args):
    from trainer.core.content.library import load_library, resolve_scenario

    scenario, persona = resolve_scenario("fake-broke", load_library())
    Store(tmp_path / "sessions.sqlite3").begin(scenario, persona, 1, "normal")  # session 1, unfinished
    r = headless(tmp_path, *args)
    err = r.stderr.decode()
    assert r.returncode == 2 and r.stdout == b"", err
    assert err.count("\n") == 1 and "标准输入不是终端" in err
    assert "trainer play SCENARIO --moves FILE --json" in err


def test_replay_without_a_terminal_refuses_and_names_the_json_form(tmp_path):
    card, moves = tmp_path / "card.json", tmp_path / "moves.txt"
    moves.write_text("courtesy\nprobe_reason\nverify_balance\n", encoding="utf-8")
    r = headless(tmp_path, "play", "fake-broke", "--moves", str(moves), "--scorecard", str(card), "--trainee", "张三")
    assert card.exists(), r.stderr
    r = headless(tmp_path, "replay", str(card))
    err = r.stderr.decode()
    assert r.returncode == 2 and err.count("\n") == 1 and "trainer replay CARD --json" in err
