"""Helpers for the terminal UI tests: a deterministic recogniser, typing into the negotiation, and waits.

The waits never sleep for a fixed time and never look at the clock: they pause the Pilot (each pause lets
the app settle) until a condition the test names holds, and give up only after a number of pauses. A slow
or loaded machine makes them take longer instead of racing the app."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from textual.css.query import NoMatches

from trainer.core.content.library import Library, load_persona_file, load_scenario_file
from trainer.core.language.recognition import Recognition

#: frozen copies of two scenarios: the screens under test must not move when the real content grows
CONTENT = Path(__file__).resolve().parent / "content"

#: fixed recognitions, so these tests do not depend on the (evolving) phrase recogniser
LINES = {
    "周总您好,打扰了,先谢谢您一直以来的照顾": Recognition("courtesy", 0.92),
    "嗯……那个账": Recognition(None, 0.31, [("verify_balance", 0.31), ("remind_due_date", 0.22)]),
    "今天就结了吧": Recognition("direct_ask", 0.42, [("deadline_pressure", 0.4)]),
    "理解您的难处,咱们先把账对一下,一共三十八万,下周五前结清": Recognition(
        "empathize", 0.81, acts=("empathize", "verify_balance"), amounts=(380_000,), dates=("2026-11-27",)),
    "王总您好,先对下账,一共三十八万,这周五前能付吗?如果今天签个确认单,滞纳金我们可以不收": Recognition(
        "conditional_concession", 1.0, acts=("conditional_concession", "courtesy", "verify_balance", "direct_ask",
                                             "written_commitment"), amounts=(380_000,),
        dates=("2026-12-04", "2026-12-05"), conditional=True, concession=True),
    # hostility heard by the models alone (no law pattern, no insult): asked about before it is played
    "你家孩子放学一个人走那条小路,你可得看紧点": Recognition(
        "hostile", 0.88, [("empathize", 0.3)], acts=("hostile", "empathize")),
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


#: pauses before a wait gives up; each pause lasts until the app is idle (20 ms or more), so this is
#: 40 s or more on an idle machine, and longer on a loaded one
STEPS = 2000

S = TypeVar("S")


def _holds(predicate: Callable[[], Any]) -> Any:
    try:
        return predicate()
    except NoMatches:  # the widget asked about is not mounted yet
        return None


async def wait_until(pilot, predicate: Callable[[], Any], what: str, *, steps: int = STEPS) -> Any:
    """Pause until ``predicate()`` is true and return its value; fail after ``steps`` pauses.

    A predicate that queries a widget not mounted yet (NoMatches) counts as false."""
    for _ in range(steps):
        value = _holds(predicate)
        if value:
            return value
        await pilot.pause()
    value = _holds(predicate)
    if value:
        return value
    raise AssertionError(f"timed out waiting for {what}")


async def wait_for_screen(pilot, screen_type: type[S], *, focus: str | None = None) -> S:
    """Wait until the active screen is a mounted ``screen_type`` (with the widget matching ``focus``
    focused, when given: keys typed next go there) and return it."""

    def ready():
        screen = pilot.app.screen
        if not (isinstance(screen, screen_type) and screen.is_mounted):
            return None
        if focus is not None and (screen.focused is None or screen.focused is not screen.query_one(focus)):
            return None
        return screen

    where = f" with {focus} focused" if focus else ""
    return await wait_until(pilot, ready, f"the {screen_type.__name__}{where}")


async def wait_for_query(pilot, selector: str, *, count: int | None = None):
    """Wait until the active screen has widgets matching ``selector`` (exactly ``count`` of them, when given)
    and return the query."""

    def found():
        query = pilot.app.screen.query(selector)
        n = len(query)
        return query if (n == count if count is not None else n > 0) else None

    many = f"{count} × " if count is not None else ""
    return await wait_until(pilot, found, f"{many}{selector!r} on the {type(pilot.app.screen).__name__}")


async def wait_for_notification(pilot, text: str, *, severity: str | None = None):
    """Wait until a notification containing ``text`` (of ``severity``, when given) has been posted; return it."""

    def posted():
        return next((n for n in pilot.app._notifications if text in str(n.message)
                     and (severity is None or n.severity == severity)), None)

    return await wait_until(pilot, posted, f"a notification saying {text!r}")


async def search_palette(pilot, query: str) -> None:
    """Type ``query`` into the open tactic palette and wait until the list shows the tactics matching it."""
    from textual.widgets import Input, OptionList

    from trainer.core.content import catalogue
    from trainer.tui.screens.modals import PaletteScreen
    from trainer.tui.widgets.tactic_palette import matches

    screen = await wait_for_screen(pilot, PaletteScreen, focus="#tactic-search")
    await pilot.press(*query)
    wanted = [t.id for t in catalogue.TACTICS if matches(t, query, pilot.app.tr)]

    def listed():
        ol = screen.query_one("#tactic-list", OptionList)
        shown = sorted(o.id for o in (ol.get_option_at_index(i) for i in range(ol.option_count)) if o.id)
        return screen.query_one("#tactic-search", Input).value == query and shown == sorted(wanted)

    await wait_until(pilot, listed, f"the tactic palette to list the matches for {query!r}")


async def say(pilot, text: str):
    """Type a line into the negotiation input and press enter, then wait until the turn has been played:
    in the session, in the store and on screen (and, when it ended the talk, the way to the result focused).
    A line the recogniser is unsure of is not played but asked about: then wait for "did you mean …?".
    Returns the turn played, or None when asked."""
    from trainer.tui.screens.modals import DidYouMeanScreen
    from trainer.tui.screens.negotiation import NegotiationScreen

    app = pilot.app
    screen = await wait_for_screen(pilot, NegotiationScreen)
    before = len(screen.session.turns)
    box = screen.query_one("#move")
    box.focus()
    await wait_until(pilot, lambda: screen.focused is box, "the move input focused")
    box.value = text
    await pilot.press("enter")

    def played_or_asked() -> bool:
        if isinstance(app.screen, DidYouMeanScreen):
            return app.screen.is_mounted and app.screen.focused is not None
        s = screen.session
        if len(s.turns) <= before:
            return False
        recorded = app.store.session(screen.live.session_id).turns == len(s.turns)
        shown = len(screen.query("#chat .bubble")) == 2 * len(s.turns)
        settled = not s.ended or screen.focused is screen.query_one("#to-result")
        return recorded and shown and settled

    await wait_until(pilot, played_or_asked, f"the line {text!r} to be played or asked about")
    return screen.session.turns[-1] if len(screen.session.turns) > before else None
