"""`trainer serve [--host 127.0.0.1] [--port 8000] [--event EVENT.yaml]`: the classroom.

The terminal UI served to browsers with textual-serve. Each browser session starts on a form asking
who the trainee is (the event's roster when there is one) and which scenario to play; it then runs
its own `trainer` process with its own store (TRAINER_HOME = EVENT_DIR/trainees/<name>), on the
trainee's derived seed, and every finished session's scorecard is filed in that folder
(EVENT_DIR/trainees/<name>/scorecards/). `/leaderboard` is the event's live board: the same HTML as
`trainer leaderboard --event EVENT.yaml EVENT_DIR --format html`.

Offline: every page, script, stylesheet and font is served from this machine (textual-serve's own
template loads a font from the internet, so the pages here are our own).
"""

from __future__ import annotations

import html
import os
import re
import secrets
import shlex
import sys
from pathlib import Path
from typing import Any

import click

from trainer.cli.common import fail

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
SESSION_ENV = ("TRAINER_SERVE_TRAINEE", "TRAINER_SERVE_TEAM", "TRAINER_SERVE_SCENARIO", "TRAINER_SERVE_SEED")


def trainee_dir(folder: Path, name: str) -> Path:
    """A trainee's own folder under the event: readable name, plus a hash so no two names share one."""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    import hashlib
    slug = re.sub(r"[^\w]+", "_", name, flags=re.UNICODE).strip("_")[:30] or "trainee"
    return folder / "trainees" / f"{slug}-{hashlib.sha256(name.encode()).hexdigest()[:8]}"


def card_paths(folder: Path) -> list[str]:
    return [str(p) for p in sorted((folder / "trainees").glob("*/scorecards/*.json"))]


_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>
body{{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#0c181f;color:#eee;
margin:0;padding:2em}} a{{color:#9cf}} form{{max-width:32em;margin:3em auto;background:#12232d;padding:1.5em 2em}}
label{{display:block;margin:.8em 0 .3em}} select,input,button{{font-size:1.1em;padding:.3em;width:100%}}
button{{margin-top:1.2em;background:#b22;color:#fff;border:none;padding:.6em;cursor:pointer}}
.err{{color:#f88}} .note{{color:#aaa;font-size:.9em}}
</style></head><body>{body}</body></html>
"""

_TERMINAL = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/static/css/xterm.css">
<style>
@font-face{{font-family:"Roboto Mono";src:url("/static/fonts/RobotoMono-VariableFont_wght.ttf") format("truetype")}}
html,body{{margin:0;height:100%;background:#0c181f;color:#eee}}
#terminal{{position:absolute;inset:0}}
.bar{{position:absolute;right:.5em;bottom:.3em;z-index:5;font:12px sans-serif}} .bar a{{color:#9cf}}
body.-closed .ended{{display:flex}} .ended{{display:none;position:absolute;inset:0;z-index:10;background:#0c181fee;
align-items:center;justify-content:center;font:18px sans-serif}}
</style>
<script src="/static/js/textual.js"></script></head>
<body><div class="ended"><p>本场结束,成绩单已归档。<a href="/">再练一场</a> · <a href="/leaderboard">看排行榜</a></p></div>
<div id="terminal" class="textual-terminal" data-session-websocket-url="{ws}" data-font-size="16"></div>
<script>
(function(){{var t=document.getElementById("terminal");
t.dataset.sessionWebsocketUrl=(location.protocol==="https:"?"wss://":"ws://")+location.host+"/ws/{token}";}})();
</script></body></html>
"""


def _e(x: object) -> str:
    return html.escape(str(x), quote=True)


def build_server(host: str, port: int, event_file: str | None) -> Any:
    """The aiohttp-based classroom server (a textual_serve.Server with our own pages)."""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    import asyncio

    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from aiohttp import web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.competition.event import Event, load_event, normalise_name
    from trainer.core.competition.leaderboard import verify_all
    from trainer.core.competition.render import render_html
    from trainer.core.competition.scorecard import CardError, check_name
    from trainer.core.content.library import cached_library

    event: Event | None = load_event(event_file) if event_file else None
    folder = event.folder() if event is not None else Path.cwd() / "classroom"
    lib = cached_library()
    scenarios = list(event.scenarios) if event is not None else sorted(lib.scenarios)
    sessions: dict[str, dict[str, str]] = {}
    board_cache: dict[str, Any] = {}
    command = shlex.join([sys.executable, "-m", "trainer", "serve-session"])

    class SessionService(AppService):
        def __init__(self, env: dict[str, str], *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.extra_env = env

        def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
            environment = super()._build_environment(width, height)
            environment.update(self.extra_env)
            return environment

    def page(title: str, body: str) -> web.Response:
        return web.Response(text=_PAGE.format(title=_e(title), body=body), content_type="text/html", charset="utf-8")

    def form(error: str = "") -> web.Response:
        if event is not None:
            who = ('<label for="trainee">你是谁?(比赛名单)</label><select id="trainee" name="trainee">'
                   + "".join(f'<option value="{_e(m.name)}">{_e(m.name)}{"(" + _e(m.team) + ")" if m.team else ""}'
                             "</option>" for m in event.roster) + "</select>")
            head = f"<h1>{_e(event.name)}</h1>"
        else:
            who = ('<label for="trainee">你是谁?(学员姓名)</label><input id="trainee" name="trainee" maxlength="60" '
                   'required><label for="team">小组(可不填)</label><input id="team" name="team" maxlength="60">')
            head = "<h1>回款道场 · 课堂</h1>"
        options = "".join(f'<option value="{_e(s)}">{_e(lib.scenarios[s].title if s in lib.scenarios else s)}'
                          "</option>" for s in scenarios)
        body = (f'<form method="post" action="/start">{head}'
                + (f'<p class="err">{_e(error)}</p>' if error else "")
                + f'{who}<label for="scenario">练哪个场景?</label><select id="scenario" name="scenario">{options}'
                '</select><button type="submit" id="go">开始练习</button>'
                '<p class="note">练完一场,成绩单自动归档到本次比赛的文件夹。<a href="/leaderboard">排行榜</a></p></form>')
        return page("回款道场 · 课堂", body)

    async def handle_form(request: web.Request) -> web.Response:
        return form()

    async def handle_start(request: web.Request) -> web.StreamResponse:
        data = await request.post()
        name, team = str(data.get("trainee", "")), str(data.get("team", ""))
        scenario = str(data.get("scenario", ""))
        if scenario not in scenarios:
            return form("请选择一个场景。")
        if event is not None:
            member = event.member(name)
            if member is None:
                return form(f"「{name}」不在名单上{event.did_you_mean(name)}")
            name, team, seed = member.name, member.team, event.seed_for(member.name, scenario)
        else:
            try:
                name = normalise_name(check_name(name, "姓名"))
                team = normalise_name(check_name(team, "小组", required=False))
            except CardError:
                return form("姓名和小组最长 60 字,不能含控制字符。")
            seed = 0
        token = secrets.token_urlsafe(16)
        sessions[token] = {"TRAINER_HOME": str(trainee_dir(folder, name)), "TRAINER_SERVE_TRAINEE": name,
                           "TRAINER_SERVE_TEAM": team, "TRAINER_SERVE_SCENARIO": scenario,
                           "TRAINER_SERVE_SEED": str(seed)}
        raise web.HTTPSeeOther(f"/play/{token}")

    async def handle_play(request: web.Request) -> web.Response:
        token = request.match_info["token"]
        if token not in sessions:
            raise web.HTTPSeeOther("/")
        return web.Response(text=_TERMINAL.format(title="回款道场", ws="", token=_e(token)),
                            content_type="text/html", charset="utf-8")

    def board_html() -> str:
        files = card_paths(folder)
        stamp = repr([(f, os.stat(f).st_mtime_ns) for f in files if os.path.exists(f)])
        if board_cache.get("stamp") != stamp:
            board = verify_all(files, lib=lib, event=event, workers=1)
            board_cache.update(stamp=stamp, html=render_html(board))
        return str(board_cache["html"])

    async def handle_board(request: web.Request) -> web.Response:
        text = await asyncio.to_thread(board_html)
        return web.Response(text=text, content_type="text/html", charset="utf-8")

    class Classroom(Server):
        async def _make_app(self) -> web.Application:
            app = web.Application()
            app.add_routes([
                web.get("/", handle_form), web.post("/start", handle_start), web.get("/play/{token}", handle_play),
                web.get("/ws/{token}", self.handle_session_websocket), web.get("/leaderboard", handle_board),
                web.static("/static", self.statics_path, name="static")])
            app.on_startup.append(self.on_startup)
            app.on_shutdown.append(self.on_shutdown)
            return app

        async def on_startup(self, app: web.Application) -> None:
            where = f"http://{'[' + self.host + ']' if ':' in self.host else self.host}:{self.port}"
            click.echo(f"回款道场课堂已启动:{where}/  排行榜:{where}/leaderboard  (Ctrl+C 停止)", err=True)
            click.echo(f"成绩单归档在 {folder}", err=True)

        async def handle_session_websocket(self, request: web.Request) -> web.WebSocketResponse:
            env = sessions.get(request.match_info["token"])
            websocket = web.WebSocketResponse(heartbeat=15)
            await websocket.prepare(request)
            if env is None:
                await websocket.close()
                return websocket
            width = min(max(int(request.query.get("width", "80") or 80), 20), 400)
            height = min(max(int(request.query.get("height", "24") or 24), 10), 200)
            service = SessionService(env, self.command, write_bytes=websocket.send_bytes,
                                     write_str=websocket.send_str, close=websocket.close,
                                     download_manager=self.download_manager, debug=False)
            try:
                await service.start(width, height)
                try:
                    await self._process_messages(websocket, service)
                finally:
                    await service.stop()
            except asyncio.CancelledError:
                await websocket.close()
            return websocket

        def initialize_logging(self) -> None:  # keep textual-serve's English logging off the teacher's screen
            pass

    server = Classroom(command, host=host, port=port, title="回款道场")
    return server


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址(0.0.0.0 = 对局域网开放)")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="端口")
@click.option("--event", "event_file", metavar="EVENT.yaml", help="比赛文件:名单、场景、实时排行榜")
def serve(host: str, port: int, event_file: str | None) -> None:
    """课堂模式:在浏览器里开终端界面;/leaderboard 是实时排行榜。"""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.competition.event import EventError
    from trainer.core.competition.output import plain
    try:
        server = build_server(host, port, event_file)
    except EventError as e:
        fail(plain(e), 2)
    except ImportError:
        fail("trainer serve 需要 textual-serve:请运行 `pip install textual-serve`", 2)
    if host not in LOCAL_HOSTS:
        bar = "!" * 72
        click.echo(f"{bar}\n注意:课堂对局域网开放({host}:{port})。同一网络里的任何人都能打开练习页和排行榜,"
                   f"没有密码。\n只在教室内网里这样用;练完请按 Ctrl+C 关闭。\n{bar}", err=True)
    server.serve()


@click.command("serve-session", hidden=True)
def serve_session() -> None:
    """课堂模式里的一个浏览器会话(由 trainer serve 启动,配置来自它设置的环境变量)。"""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.store.db import Store
    from trainer.tui.app import build_app
    from trainer.tui.screens.result import ResultScreen
    name, team, scenario, seed = (os.environ.get(k, "") for k in SESSION_ENV)
    if not name or not scenario:
        fail("serve-session 由 `trainer serve` 启动,不要直接运行", 2)
    store = Store()
    store.set_setting("trainee", name)
    store.set_setting("team", team)
    app = build_app(scenario=scenario, seed=int(seed or 0), store=store)
    show = app.show

    def show_and_file(screen: Any) -> None:
        """Classroom: every finished session's scorecard is filed at once, no key to forget."""
        show(screen)
        if isinstance(screen, ResultScreen):
            app.export_scorecard(screen.live)
    app.show = show_and_file  # type: ignore[method-assign]
    app.run()


COMMANDS = [serve, serve_session]
