"""Helpers for the terminal UI tests: a deterministic recogniser and typing into the negotiation."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from trainer.core.content.library import Library, load_persona_file, load_scenario_file
from trainer.core.language.recognition import Recognition

#: frozen copies of two scenarios: the screens under test must not move when the real content grows
CONTENT = Path(__file__).resolve().parent / "content"

#: fixed recognitions, so these tests do not depend on the (evolving) phrase recogniser
LINES = {
    "周总您好,打扰了,先谢谢您一直以来的照顾": Recognition("courtesy", 0.92),
    "嗯……那个账": Recognition(None, 0.31, [("verify_balance", 0.31), ("remind_due_date", 0.22)]),
    "今天就结了吧": Recognition("direct_ask", 0.42, [("deadline_pressure", 0.4)]),
}


def fake_recognise(text: str) -> Recognition:
    return LINES.get(text, Recognition(None, 0.0))


@lru_cache(maxsize=1)
def frozen_library() -> Library:
    lib = Library()
    for f in sorted((CONTENT / "personas").glob("*.yaml")):
        p = load_persona_file(f, lib.problems)
        lib.personas[p.id] = p
    for f in sorted((CONTENT / "scenarios").glob("*.yaml")):
        s = load_scenario_file(f, lib.problems)
        lib.scenarios[s.id] = s
    assert not lib.problems.errors, lib.problems.errors
    return lib


async def say(pilot, text: str) -> None:
    """Type a line into the negotiation input and press enter."""
    box = pilot.app.screen.query_one("#move")
    box.focus()
    box.value = text
    await pilot.press("enter")
    await pilot.pause()
