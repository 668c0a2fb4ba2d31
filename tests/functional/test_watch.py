"""`trainer play --watch` in the terminal UI: an edited persona file replaces the live session (its moves
replayed); a broken edit is reported once as file:line:col and the working persona is kept."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
from pathlib import Path

import pytest

from trainer.core.content.library import load_library
from trainer.tui.screens.negotiation import NegotiationScreen
from trainer.tui.widgets.chat import ChatLog

from .tui_helpers import CONTENT, say, wait_for_notification, wait_for_screen, wait_until

SIZE = (120, 40)
OLD_LINE = "effects: {trust: 8, irritation: -5}\n    to: crying_poor\n    note: 以礼开场,他放松下来,开始熟练地哭穷。"
NEW_REPLY = "改过的台词:来了啊,坐。"
POSITION = re.compile(r"fake-broke\.yaml:\d+:\d+: ")


def bump(path, text: str) -> None:
    """Rewrite and push the mtime forward, so the watcher sees it even on a coarse-clock file system."""
    st = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


@pytest.fixture
def content(home, tmp_path, monkeypatch):
    """A private copy of the frozen content (the tests edit it), first on the search path."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    monkeypatch.setenv("TRAINER_PATH", str(root))
    lib = load_library()
    persona = root / "personas" / "fake-broke.yaml"
    assert Path(lib.personas["fake-broke"].path).resolve() == persona  # the copy wins over the checkout
    return lib, persona, persona.read_text(encoding="utf-8")


def changed(text: str) -> str:
    """The courtesy opening now builds more trust and has one new reply."""
    assert OLD_LINE in text
    edited = text.replace(OLD_LINE, OLD_LINE.replace("trust: 8", "trust: 20"))
    return re.sub(r"(  - on: courtesy\n(?:.*\n)*?    replies:\n)(?:      - .*\n)+", rf"\1      - {NEW_REPLY}\n",
                  edited, count=1)


def errors(app) -> list:
    return [n for n in app._notifications if n.severity == "error"]


def replies_shown(screen) -> list[str]:
    """The debtor's replies in the chat on screen."""
    return [str(b.render()) for b in screen.query_one(ChatLog).query(".them")]


async def chat_follows(pilot, screen) -> None:
    """Wait until the chat on screen shows exactly the turns of the (replayed) session: the old bubbles are
    removed and the new ones mounted after the reload, not at once."""
    def follows() -> bool:
        shown, turns = replies_shown(screen), screen.session.turns
        return len(shown) == len(turns) and all(t.reply in b for t, b in zip(turns, shown, strict=True))

    await wait_until(pilot, follows, "the chat to show the replayed turns")


def run_watched(lib, flow, watch: bool = True):
    from trainer.tui.app import build_app

    app = build_app(seed=0, cursor_blink=False, script="simplified", library=lib, watch=watch)

    async def main():
        async with app.run_test(size=SIZE) as pilot:
            app.start_session("fake-broke")
            screen = await wait_for_screen(pilot, NegotiationScreen)
            await flow(pilot, screen)

    asyncio.run(main())
    return app


def test_edited_persona_replaces_the_session_and_replays_the_turns(content):
    lib, path, text = content

    async def flow(pilot, screen):
        await say(pilot, "courtesy")
        await say(pilot, "verify_balance")
        old = screen.session
        before = old.meter_values()
        assert old.turns[0].reply != NEW_REPLY

        bump(path, changed(text))
        screen.poll_persona()
        await wait_for_notification(pilot, "重新加载")
        await chat_follows(pilot, screen)

        new = screen.session
        assert new is not old and screen.live.session is new
        assert [t.tactic for t in new.turns] == ["courtesy", "verify_balance"]
        assert new.turns[0].reply == NEW_REPLY
        assert new.meter_values()["trust"] == before["trust"] + 12  # 20 instead of 8
        assert screen.query_one("#meters").session is new
        assert f" {new.meter_values()['trust']:>3}" in str(screen.query_one("#meters").render())
        # the transcript on screen is the replayed one, not the replies of the old file
        bubbles = replies_shown(screen)
        assert len(bubbles) == 2 and NEW_REPLY in bubbles[0]
        assert any("重新加载" in str(n.message) for n in pilot.app._notifications)
        assert not errors(pilot.app)

        # the store follows the replay (a resume must not meet the old file's replies)
        store, sid = pilot.app.store, screen.live.session_id
        assert [t.reply for t in store.turns(sid)] == [t.reply for t in new.turns]
        assert store.session(sid).persona_sha == new.persona.sha256

        await say(pilot, "timing")  # play goes on, on the new persona
        assert len(new.turns) == 3 and pilot.app.store.session(screen.live.session_id).turns == 3

    run_watched(lib, flow)


@pytest.mark.parametrize("broken", [
    pytest.param(lambda t: t.replace("    to: crying_poor\n", "    to: crying_poor\n    mood: happy\n", 1),
                 id="unknown-key"),
    pytest.param(lambda t: t.replace("    in: greeting\n", "      in: greeting\n", 1), id="bad-indentation"),
])
def test_broken_persona_is_reported_once_and_the_old_one_kept(content, broken):
    lib, path, text = content

    async def flow(pilot, screen):
        await say(pilot, "courtesy")
        old = screen.session
        replies = [t.reply for t in old.turns]

        bad = broken(text)
        assert bad != text
        bump(path, bad)
        screen.poll_persona()
        await wait_for_notification(pilot, "fake-broke.yaml", severity="error")
        shown = errors(pilot.app)
        assert len(shown) == 1
        assert POSITION.search(str(shown[0].message)), shown[0].message
        assert screen.session is old and [t.reply for t in old.turns] == replies

        bump(path, bad)  # saved again with the same mistake: no second toast
        screen.poll_persona()
        screen.poll_persona()
        await pilot.pause()  # nothing should follow, so no condition to wait on: let anything pending show up
        assert len(errors(pilot.app)) == 1
        assert screen.session is old

        await say(pilot, "verify_balance")  # the trainee plays on with the old persona
        assert len(old.turns) == 2

        bump(path, changed(text))  # fixed: reloads
        screen.poll_persona()
        await wait_until(pilot, lambda: screen.session is not old, "the fixed persona to be loaded")
        await chat_follows(pilot, screen)
        assert screen.session is not old and screen.session.turns[0].reply == NEW_REPLY

    run_watched(lib, flow)


def test_edit_that_ends_the_talk_on_a_played_move_shows_the_ending(content):
    lib, path, text = content
    old_line = "    effects: {pressure: 12, willingness: 8}\n    to: checked\n"
    assert old_line in text

    async def flow(pilot, screen):
        await say(pilot, "courtesy")
        await say(pilot, "verify_balance")
        await say(pilot, "timing")
        bump(path, text.replace(old_line, old_line.replace("to: checked", "to: paid_full"), 1))
        screen.poll_persona()
        await chat_follows(pilot, screen)
        await wait_until(pilot, lambda: screen.query("#chat .notice"), "the ending notice in the chat")
        s = screen.session
        assert s.ended and s.outcome.result == "paid_in_full" and len(s.turns) == 2
        assert pilot.app.store.session(screen.live.session_id).turns == 2  # the third, never reached, is gone
        # the screen is in its ended state: no input, the way to the result is offered, the store knows
        assert screen.query_one("#move").disabled
        assert "hidden" not in screen.query_one("#to-result").classes
        assert pilot.app.store.session(screen.live.session_id).finished

    run_watched(lib, flow)


def test_without_watch_nothing_is_polled(content):
    lib, path, text = content

    async def flow(pilot, screen):
        assert not hasattr(screen, "_watcher")

    run_watched(lib, flow, watch=False)
