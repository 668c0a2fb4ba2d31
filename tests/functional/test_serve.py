"""trainer serve, at the HTTP level: the form, the session page, /leaderboard (the same HTML as
`trainer leaderboard --format html`), and nothing served refers to another host (the page works offline)."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from trainer.cli import main

GOOD = "courtesy\nprobe_reason\nverify_balance\ntiming\nrebut_excuse\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, data: bytes | None = None) -> tuple[int, str, str]:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):  # type: ignore[no-untyped-def]
            return None
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, data=data), timeout=60) as r:
            return r.status, r.read().decode("utf-8", "replace"), r.headers.get("Location", "")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace"), e.headers.get("Location", "")


@pytest.fixture
def classroom(tmp_path):
    (tmp_path / "r.csv").write_text("trainee,team\n张三,一组\n李四,二组\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["event", "new", "课堂", "--roster", str(tmp_path / "r.csv"), "--scenarios",
                                  "fake-broke", "--out", str(tmp_path / "ev")])
    assert r.exit_code == 0, r.output
    event = tmp_path / "ev" / "event.yaml"
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "trainer", "serve", "--port", str(port), "--event", str(event)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):  # wait for the condition (the server answers), not for a fixed time
        try:
            if _get(base + "/")[0] == 200:
                break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(proc.stderr.read() if proc.stderr else "server exited")
            time.sleep(0.1)
    yield base, event
    proc.terminate()
    proc.wait(timeout=30)


def _urls(text: str) -> set[str]:
    return set(re.findall(r"""(?:https?:)?//[a-zA-Z0-9.-]+\.[a-z]{2,}[^\s"'()<>]*""", text))


def test_form_lists_the_roster_and_starts_a_session(classroom):
    base, _ = classroom
    status, page, _ = _get(base + "/")
    assert status == 200 and "张三" in page and "李四" in page and "fake-broke" in page
    status, _, where = _get(base + "/start", urllib.parse.urlencode({"trainee": "张三", "scenario": "fake-broke"})
                            .encode())
    assert status == 303 and where.startswith("/play/")
    status, play, _ = _get(base + where)
    assert status == 200 and "/static/js/textual.js" in play and "/ws/" in play


def test_a_name_not_on_the_roster_is_refused(classroom):
    base, _ = classroom
    status, page, _ = _get(base + "/start", urllib.parse.urlencode({"trainee": "张叁", "scenario": "fake-broke"})
                           .encode())
    assert status == 200 and "不在名单上" in page and "张三" in page


def test_leaderboard_is_the_events_board_and_shows_filed_cards(classroom, tmp_path):
    base, event = classroom
    from trainer.cli.serve import trainee_dir
    card = trainee_dir(event.parent, "张三") / "scorecards" / "0001-fake-broke.scorecard.json"
    r = CliRunner().invoke(main, ["play", "fake-broke", "--event", str(event), "--trainee", "张三", "--moves", "-",
                                  "--scorecard", str(card)], GOOD)
    assert r.exit_code == 0, r.output
    status, board, _ = _get(base + "/leaderboard")
    want = CliRunner().invoke(main, ["leaderboard", "--event", str(event), str(card), "--format", "html"]).stdout
    assert status == 200 and board == want
    assert "张三" in board and "李四" in board and "课堂" in board


def test_nothing_served_refers_to_another_host(classroom):
    base, _ = classroom
    status, _, where = _get(base + "/start", urllib.parse.urlencode({"trainee": "李四", "scenario": "fake-broke"})
                            .encode())
    pages = [_get(base + p)[1] for p in ("/", where, "/leaderboard")]
    assets = [_get(base + a)[1] for a in ("/static/js/textual.js", "/static/css/xterm.css")]
    for text in pages:  # our pages: no URL of any other host at all
        assert not _urls(text), _urls(text)
        assert "googleapis" not in text and "<link" not in text.replace('<link rel="stylesheet" href="/static/', "")
    for text in assets:  # textual-serve's bundle names two projects in licence comments, and loads nothing
        assert _urls(text) <= {"https://github.com/chjj/term.js", "http://bellard.org/jslinux/"}, _urls(text)
    font = urllib.request.urlopen(base + "/static/fonts/RobotoMono-VariableFont_wght.ttf", timeout=60).read()
    assert len(font) > 10_000  # the page's font is served from here


def test_serve_says_loudly_when_open_to_the_lan(tmp_path):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "trainer", "serve", "--host", "0.0.0.0", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline() + proc.stderr.readline()
        assert "局域网" in first and "没有密码" in first
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_bad_event_file_is_exit_2(tmp_path):
    (tmp_path / "e.yaml").write_text("x: 1\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["serve", "--event", str(tmp_path / "e.yaml")])
    assert r.exit_code == 2 and "比赛文件" in r.stderr


def test_session_dirs_are_per_trainee_and_inside_the_event(tmp_path):
    from trainer.cli.serve import trainee_dir
    a, b = trainee_dir(tmp_path, "张三"), trainee_dir(tmp_path, "../张三")
    assert a != b and a.parent == b.parent == tmp_path / "trainees" and ".." not in b.name
    assert Path(a).name.startswith("张三-")


def test_the_browser_session_command_is_reachable_but_not_listed():
    # the server starts `python -m trainer serve-session` per browser; after the lazy command table came in,
    # that name was missing and every browser session died with "没有 'serve-session' 这个命令"
    from click.testing import CliRunner

    from trainer.cli import main

    r = CliRunner().invoke(main, ["serve-session"])
    assert r.exit_code == 2 and "由 `trainer serve` 启动" in r.output, r.output
    assert "serve-session" not in CliRunner().invoke(main, ["--help"]).output
