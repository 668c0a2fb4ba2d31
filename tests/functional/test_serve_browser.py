"""trainer serve in a real headless browser (Debian's chromium, driven over the DevTools protocol):
two trainees play in two browser pages, and both show on /leaderboard.

Skipped where chromium is absent, except under CI (CI=true), where a missing chromium fails the test: CI
installs it (.ci/run), so a skip there would hide a broken install.

Every wait names what it waits for and raises after PATIENCE seconds (a guard against hanging, not a speed
limit). The keys go in only when the page shows the screen that takes them: the test reads what the
server sends to the page's terminal (a hook on the page's WebSocket, added by the test, not by the app) and
waits for the screen's own text: the briefing's start button, the negotiation input's placeholder (drawn
once the screen is mounted and its input focused), the typed move echoed in the input, the 查看结果 button."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from trainer.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
IN_CI = os.environ.get("CI", "").lower() == "true"
pytestmark = pytest.mark.skipif(CHROMIUM is None and not IN_CI,
                                reason="chromium is not installed (apt-get install chromium)")
RIGHT = ["courtesy", "probe_reason", "verify_balance", "timing", "rebut_excuse", "ask_high_settle_middle",
         "deadline_pressure", "written_commitment", "persist", "persist", "persist", "persist"]
PATIENCE = 300.0  # seconds before any wait gives up (a guard against hanging, not a speed limit)
RETRY = 20.0  # seconds without an echo before keys are sent again (they were lost); PATIENCE still bounds it all
BRIEFING = "开始谈判 (ctrl+s)"  # the briefing's start button: the briefing is drawn and takes ctrl+a / ctrl+s
PROMPT = "要说的话"  # the negotiation input's placeholder: the screen is mounted and its (empty) input focused
TO_RESULT = "查看结果"  # the button that replaces the input when the talk is over (it takes the focus)
# the page's terminal output, as text: every binary WebSocket message the page receives, decoded
HOOK = """(() => {
  const Native = window.WebSocket, decoder = new TextDecoder();
  window.__term = "";
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", e => {
        if (e.data instanceof ArrayBuffer) window.__term += decoder.decode(e.data, {stream: true});
      });
    }
  };
})();"""


class Navigating(RuntimeError):
    """The page was between documents when asked: its old context was gone, the new one not yet there."""


# DevTools' words for a page caught mid-navigation (a form just submitted): asked again, it answers
_NAVIGATING = ("navigated or closed", "Cannot find context", "Execution context was destroyed")


class Browser:
    """Just enough of the DevTools protocol: pages, evaluating JS, typing."""

    def __init__(self, ws) -> None:  # type: ignore[no-untyped-def]
        self.ws, self.n, self.pending = ws, 0, {}
        self.reader = asyncio.ensure_future(self._read())

    async def _read(self) -> None:
        async for msg in self.ws:
            data = json.loads(msg.data)
            if "id" in data and data["id"] in self.pending:
                self.pending.pop(data["id"]).set_result(data)

    async def call(self, method: str, session: str | None = None, **params):  # type: ignore[no-untyped-def]
        self.n += 1
        fut = asyncio.get_running_loop().create_future()
        self.pending[self.n] = fut
        msg = {"id": self.n, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        await self.ws.send_str(json.dumps(msg))
        try:
            data = await asyncio.wait_for(fut, PATIENCE)
        except TimeoutError:
            raise AssertionError(f"chromium did not answer {method} in {PATIENCE:.0f} s") from None
        if "error" in data:
            if any(w in str(data["error"].get("message", "")) for w in _NAVIGATING):
                raise Navigating(f"{method}: {data['error']}")
            raise RuntimeError(f"{method}: {data['error']}")
        return data["result"]

    async def open(self, url: str) -> str:
        """A new page with the terminal hook installed, navigated to url."""
        target = (await self.call("Target.createTarget", url="about:blank"))["targetId"]
        session = str((await self.call("Target.attachToTarget", targetId=target, flatten=True))["sessionId"])
        await self.call("Page.enable", session)
        await self.call("Page.addScriptToEvaluateOnNewDocument", session, source=HOOK)
        await self.call("Page.navigate", session, url=url)
        return session

    async def js(self, session: str, expr: str):  # type: ignore[no-untyped-def]
        r = await self.call("Runtime.evaluate", session, expression=expr, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expr}: {r['exceptionDetails']}")
        return r["result"].get("value")

    async def until(self, session: str, expr: str, what: str) -> None:
        """Wait for expr to be true; a page caught between documents is asked again (CI saw a form's submit
        answer Runtime.evaluate with "Inspected target navigated or closed")."""
        async def holds() -> bool:
            try:
                return bool(await self.js(session, expr))
            except Navigating:
                return False
        await until_async(holds, what)

    async def key(self, session: str, key: str, code: str, vk: int, modifiers: int = 0, text: str = "") -> None:
        await self.call("Input.dispatchKeyEvent", session, type="rawKeyDown" if modifiers else "keyDown", key=key,
                        code=code, modifiers=modifiers, windowsVirtualKeyCode=vk, text=text)
        await self.call("Input.dispatchKeyEvent", session, type="keyUp", key=key, code=code, modifiers=modifiers,
                        windowsVirtualKeyCode=vk)

    async def ctrl(self, session: str, letter: str) -> None:
        await self.key(session, letter, f"Key{letter.upper()}", ord(letter.upper()), modifiers=2)

    async def enter(self, session: str) -> None:
        await self.key(session, "Enter", "Enter", 13, text="\r")


class Terminal:
    """One trainee's page: what its terminal was sent, and keys sent only when the screen shows it takes them."""

    def __init__(self, b: Browser, session: str) -> None:
        self.b, self.s = b, session

    async def length(self) -> int:
        return int(await self.b.js(self.s, "window.__term.length"))

    async def shows(self, text: str, since: int = 0) -> bool:
        """text was drawn at or after offset since."""
        found = await self.b.js(self.s, f"window.__term.lastIndexOf({json.dumps(text)})")
        return bool(found >= since)

    async def focus(self) -> None:
        await self.b.until(self.s, "!!document.querySelector('.xterm-helper-textarea')", "the terminal's input")
        await self.b.js(self.s, "document.querySelector('.xterm-helper-textarea').focus(); true")
        await self.b.until(self.s, "document.activeElement === document.querySelector('.xterm-helper-textarea')",
                           "the terminal to have the page's focus")

    async def wait_for(self, text: str, since: int, what: str) -> None:
        await until_async(lambda: self.shows(text, since), what)

    async def type_move(self, move: str) -> int:
        """Type a move into the empty input, wait for it in the input, press Enter; type again (after clearing
        the input) when the echo does not come. Returns where the echo was drawn."""
        deadline = time.monotonic() + PATIENCE
        echo = -1

        async def echoed(mark: int) -> bool:  # the move drawn after the mark, and after the last empty input
            nonlocal echo
            echo, empty = await self.b.js(self.s, f"[window.__term.lastIndexOf({json.dumps(move)}), "
                                                  f"window.__term.lastIndexOf({json.dumps(PROMPT)})]")
            return bool(echo >= mark and echo > empty)
        while True:
            mark = await self.length()
            await self.b.call("Input.insertText", self.s, text=move)
            if await until_async(functools.partial(echoed, mark), f"{move!r} echoed in the input", RETRY,
                                 raise_=False):
                break
            if time.monotonic() > deadline:
                raise AssertionError(f"{move!r} was never echoed in the negotiation input")
            print(f"no echo of {move!r} in {RETRY:.0f} s: typing it again", file=sys.stderr)
            await self.focus()
            await self.b.ctrl(self.s, "a")  # home, then delete to the end: an empty input to type into again
            await self.b.ctrl(self.s, "k")
        await self.b.enter(self.s)
        return echo


async def until_async(cond: Callable[[], Awaitable[object]] | Callable[[], object], what: str,
                      timeout: float = PATIENCE, raise_: bool = True) -> bool:
    """Wait for cond (sync or async) to be true; after timeout raise naming what (or return False)."""
    deadline = time.monotonic() + timeout
    while True:
        v = cond()
        if asyncio.iscoroutine(v):
            v = await v
        if v:
            return True
        if time.monotonic() > deadline:
            if raise_:
                raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
            return False
        await asyncio.sleep(0.2)


class Lines:
    """A process's stderr read on a thread (so a full pipe never blocks the process, and a silent one never
    blocks the test)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stderr is not None
        self.lines: list[str] = []
        self.thread = threading.Thread(target=self._read, args=(proc.stderr,), daemon=True)
        self.thread.start()

    def _read(self, stream) -> None:  # type: ignore[no-untyped-def]
        for line in stream:
            self.lines.append(line)

    def wait_for(self, pattern: str, what: str) -> re.Match[str]:
        deadline = time.monotonic() + PATIENCE
        while True:
            alive = self.thread.is_alive()  # read before the lines: a last line is never missed
            for line in list(self.lines):
                if m := re.search(pattern, line):
                    return m
            if time.monotonic() > deadline or not alive:
                tail = "".join(self.lines[-20:])
                raise AssertionError(f"timed out waiting for {what}; its stderr ended with:\n{tail}")
            time.sleep(0.1)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _end(proc: subprocess.Popen[str], group: bool = False) -> None:
    with contextlib.suppress(ProcessLookupError):
        if group:
            os.killpg(proc.pid, signal.SIGTERM)
        else:
            proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL) if group else proc.kill()
        proc.wait(timeout=30)


def test_two_browser_trainees_appear_on_the_live_board(tmp_path):
    if CHROMIUM is None:
        pytest.fail("CI=true but chromium is not installed: .ci/run installs it (apt-get install chromium)")
    port = _free_port()
    (tmp_path / "r.csv").write_text("trainee,team\n张三,一组\n李四,二组\n王五,二组\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["event", "new", "课堂", "--roster", str(tmp_path / "r.csv"), "--scenarios",
                                     "fake-broke", "--out", str(tmp_path / "ev")]).exit_code == 0
    server = subprocess.Popen([sys.executable, "-m", "trainer", "serve", "--port", str(port), "--event",
                               str(tmp_path / "ev" / "event.yaml")], stdin=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, start_new_session=True)
    chrome = None
    try:
        Lines(server).wait_for("已启动", "the server")
        profile = tempfile.mkdtemp(dir=tmp_path)
        chrome = subprocess.Popen([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                                   "--no-first-run", "--disable-background-networking", "--disable-component-update",
                                   "--disable-sync", "--no-default-browser-check", "--disable-crash-reporter",
                                   f"--user-data-dir={profile}", "--window-size=1280,900",
                                   "--remote-debugging-port=0", "about:blank"],
                                  stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  text=True, start_new_session=True)
        devtools = Lines(chrome).wait_for(r"ws://\S+", "chromium's DevTools address").group(0)
        asyncio.run(_play_two(devtools, f"http://127.0.0.1:{port}", tmp_path / "ev"))
    finally:  # chromium's helpers and the server's sessions are in their own process groups: end the groups
        if chrome is not None:
            _end(chrome, group=True)
        _end(server, group=True)


async def _play_two(devtools: str, base: str, event_dir: Path) -> None:
    import aiohttp
    async with aiohttp.ClientSession() as http, http.ws_connect(devtools, max_msg_size=0) as ws:
        b = Browser(ws)
        pages = {}
        for name in ("张三", "李四"):
            s = await b.open(base + "/")
            await b.until(s, "location.pathname === '/' && document.readyState === 'complete' "
                             "&& !!document.querySelector('#go')", "the classroom's form")
            try:  # the submit may navigate before the evaluation's answer: then it has been submitted
                await b.js(s, f"document.querySelector('#trainee').value = {json.dumps(name)};"
                              "document.querySelector('#scenario').value = 'fake-broke';"
                              "document.querySelector('form').submit(); true")
            except Navigating:
                pass
            await b.until(s, "location.pathname.startsWith('/play/') && document.readyState === 'complete'",
                          "the play page")
            pages[name] = Terminal(b, s)
        assert not await b.js(pages["张三"].s, "Array.from(document.querySelectorAll('[src],[href]'))"
                                              ".some(e => /^https?:\\/\\/(?!127\\.0\\.0\\.1)/.test(e.src || e.href))")
        for name, t in pages.items():
            await _play(t, name, event_dir)
        await until_async(lambda: _filed(event_dir, "张三") and _filed(event_dir, "李四"), "both cards filed")
        board = await b.open(base + "/leaderboard")
        await b.until(board, "location.pathname === '/leaderboard' && document.readyState === 'complete' "
                             "&& document.querySelectorAll('table').length > 1", "the leaderboard page")
        text = await b.js(board, "document.body.innerText")
        assert "张三" in text and "李四" in text
        rows = await b.js(board, "Array.from(document.querySelectorAll('table')[1].rows).map(r => r.innerText)")
        played = [r for r in rows if ("张三" in r or "李四" in r)]
        assert len(played) == 2 and all("\t1\t" in r for r in played), rows  # one scenario each, counted
        await b.call("Browser.close")
        b.reader.cancel()


async def _play(t: Terminal, name: str, event_dir: Path) -> None:
    """One trainee: the briefing (tick the checklist, start), the moves until the talk ends, 查看结果."""
    await t.focus()
    await t.wait_for(BRIEFING, 0, f"{name}'s briefing")
    mark = await t.length()
    await t.b.ctrl(t.s, "a")  # the briefing: tick the checklist (ctrl+a), start (ctrl+s)
    await t.b.ctrl(t.s, "s")
    await t.wait_for(PROMPT, mark, f"{name}'s negotiation screen")
    assert _count(event_dir, name, "sessions") == 1, name
    for n, move in enumerate(RIGHT, 1):
        if _ended(event_dir, name):
            break
        mark = await t.type_move(move)
        # the next move only when this one is stored and the input is empty again, or the talk is over
        await until_async(lambda n=n: _count(event_dir, name, "turns") >= n, f"{name}'s move {n} stored")
        await until_async(lambda mark=mark: _ended(event_dir, name) or t.shows(PROMPT, mark + 1),
                          f"{name}'s input emptied after move {n}")
    else:
        assert _ended(event_dir, name), f"{name}'s talk did not end after {len(RIGHT)} moves"
    await t.wait_for(TO_RESULT, mark, f"{name}'s 查看结果 button")
    deadline = time.monotonic() + PATIENCE
    while not _filed(event_dir, name):  # the button has the focus: Enter opens the result, which files the card
        if time.monotonic() > deadline:
            raise AssertionError(f"{name}'s scorecard was never filed")
        await t.b.enter(t.s)
        await until_async(lambda: _filed(event_dir, name), f"{name}'s scorecard filed", RETRY, raise_=False)


def _filed(event_dir: Path, name: str) -> bool:
    return any(json.loads(c.read_text(encoding="utf-8")).get("trainee") == name
               for c in event_dir.glob("trainees/*/scorecards/*.json"))


def _ended(event_dir: Path, name: str) -> bool:
    return _count(event_dir, name, "sessions", "ended_at IS NOT NULL") > 0


def _count(event_dir: Path, name: str, table: str, where: str = "1") -> int:
    import sqlite3

    from trainer.cli.serve import trainee_dir
    db = trainee_dir(event_dir, name) / "sessions.sqlite3"
    if not db.exists():
        return 0
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        con.close()
