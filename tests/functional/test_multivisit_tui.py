"""A scenario over several visits in the terminal UI: the chat marks each new visit."""

from __future__ import annotations

import asyncio

from trainer.core.content.catalogue import BY_ID
from trainer.core.content.library import load_library
from trainer.core.language.recognition import Recognition
from trainer.tui.app import build_app
from trainer.tui.screens.briefing import BriefingScreen
from trainer.tui.screens.negotiation import NegotiationScreen

from .tui_helpers import say, wait_for_screen, wait_until

RIGHT = ["courtesy", "verify_balance", "probe_reason", "deadline_pressure", "written_commitment",
         "confirm_day_before", "timing", "written_commitment", "polite_exit"]
#: the same first visit, but the phone call is small talk: he "forgets" and pays another supplier first
SKIP = ["courtesy", "verify_balance", "deadline_pressure", "written_commitment", "courtesy", "deadline_pressure",
        "direct_ask", "written_commitment"]


def test_the_tui_chat_marks_each_new_visit(tmp_path, monkeypatch):
    """Played in the terminal UI by tactic id, the chat shows a divider when the talk reaches the phone call
    and again when it reaches the third visit (Pilot; waits on conditions, never on pauses)."""
    monkeypatch.setenv("TRAINER_HOME", str(tmp_path))
    monkeypatch.delenv("TRAINER_PATH", raising=False)

    def by_id(text: str) -> Recognition:
        return Recognition(text, 1.0) if text in BY_ID else Recognition(None, 0.0)

    app = build_app(scenario="follow-up", seed=1, home=tmp_path, script="simplified", cursor_blink=False,
                    library=load_library(), recognise=by_id)

    def notices(screen) -> list[str]:
        return [str(n.render()) for n in screen.query("#chat .notice")]

    async def flow():
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for_screen(pilot, BriefingScreen)
            app.start_session("follow-up")
            screen = await wait_for_screen(pilot, NegotiationScreen)
            for move in RIGHT[:5]:
                await say(pilot, move)
            await wait_until(pilot, lambda: any("第二次拜访 · 电话" in n for n in notices(screen)),
                             "the divider of the phone call")
            assert not any("第三次拜访" in n for n in notices(screen))
            await say(pilot, RIGHT[5])  # confirm_day_before
            await wait_until(pilot, lambda: any("第三次拜访 · 面谈" in n for n in notices(screen)),
                             "the divider of the third visit")
            assert [t.visit for t in screen.session.turns] == [1, 1, 1, 1, 2, 3]

    asyncio.run(flow())
