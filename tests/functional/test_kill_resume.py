"""A terminal killed mid-session loses nothing: every turn was committed before its reply showed."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from trainer.core.store.db import Store
from trainer.tui.screens.negotiation import NegotiationScreen

from .tui_helpers import say, wait_for_screen

ROOT = Path(__file__).resolve().parents[2]
MOVES = ["courtesy", "probe_reason", "verify_balance"]

CHILD = textwrap.dedent(f"""
    import asyncio, sys
    from trainer.tui.app import build_app
    from trainer.tui.screens.negotiation import NegotiationScreen
    from tests.functional.tui_helpers import say, wait_for_screen

    async def main():
        app = build_app(seed=5, cursor_blink=False)
        async with app.run_test(size=(120, 40)) as pilot:
            app.start_session("fake-broke")
            await wait_for_screen(pilot, NegotiationScreen)
            for move in {MOVES!r}:
                await say(pilot, move)
            print("READY", flush=True)
            await asyncio.sleep(120)  # killed here, mid-session, without any clean exit

    asyncio.run(main())
""")


def test_sigkill_mid_session_then_resume_with_every_turn(home):
    env = dict(os.environ, TRAINER_HOME=str(home), PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", CHILD], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline()
        assert line.strip() == "READY", child.stderr.read()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL

    store = Store()
    row = store.latest_unfinished()
    assert row is not None and row.turns == 3 and row.seed == 5 and not row.finished
    stored = store.turns(row.id)
    assert [t.tactic for t in stored] == MOVES

    from trainer.tui.app import build_app

    async def resume():
        app = build_app(resume=row.id, cursor_blink=False)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await wait_for_screen(pilot, NegotiationScreen)
            s = screen.session
            assert [(t.move, t.tactic, t.reply, t.state) for t in s.turns] == \
                [(t.move, t.tactic, t.reply, t.state) for t in stored]
            await say(pilot, "timing")
            return len(s.turns)

    assert asyncio.run(resume()) == 4
    assert Store().session(row.id).turns == 4
