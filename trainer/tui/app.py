"""The trainer's Textual app and its factory, shared by the CLI and the tests.

Screens post messages (ScenarioChosen, StartRequested, SessionEnded); the app owns the
navigation, the store and the display settings.
"""

from __future__ import annotations

import asyncio
import random
import signal
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from trainer.core.store.db import Store, StoreError, StoreWriteError
from trainer.tui.host import TrainerHost
from trainer.tui.messages import ScenarioChosen, SessionEnded, StartRequested
from trainer.tui.screens.picker import PickerScreen
from trainer.tui.text import Display

if TYPE_CHECKING:  # the engine and the later screens load on first use: the picker paints first
    from rich.console import RenderableType

    from trainer.core.content.library import Library
    from trainer.core.content.models import Persona, Scenario
    from trainer.core.engine.session import Session
    from trainer.core.judging.scoring import Score
    from trainer.core.language.recognition import Recognise
    from trainer.tui.screens.negotiation import Live

THEMES = ("textual-dark", "textual-light")

#: exit codes: a store that failed (a turn may not have been saved), and SIGTERM (128 + 15, as a shell reports it)
EXIT_STORE_FAILED = 1
EXIT_TERMINATED = 128 + signal.SIGTERM


class TrainerCommands(Provider):
    """Command palette entries: every scenario, history, help, settings, script and theme."""

    def _commands(self) -> list[tuple[str, object, str]]:
        """(Simplified source name, command, help); shown converted, matched in either script."""
        app: TrainerApp = self.app  # type: ignore[assignment]
        out: list[tuple[str, object, str]] = [
            ("历史记录", app.action_history, "过去的练习、得分走势,继续未完成的练习"),
            ("帮助", app.action_help, "按键与要点"),
            ("设置", app.action_settings, "学员姓名、团队、繁体显示"),
            ("切换简体/繁体", app.action_toggle_script, "显示时转换,内容不变"),
            ("切换明/暗主题", app.action_toggle_theme, ""),
            ("选场景", app.go_home, "回到场景列表"),
        ]
        if app.library_loaded:
            for sid, sc in sorted(app.library.scenarios.items()):
                out.append((f"练习:{sc.title}", partial(app.open_briefing, sid), f"{sid} · {sc.summary}"))
        return out

    async def discover(self) -> Hits:
        tr = self.app.tr  # type: ignore[attr-defined]
        for name, command, help_text in self._commands():
            yield DiscoveryHit(tr(name), command, help=tr(help_text) or None)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        tr = self.app.tr  # type: ignore[attr-defined]
        matcher = self.matcher(query)
        for name, command, help_text in self._commands():
            shown = tr(name)
            score = max(matcher.match(shown), matcher.match(name))
            if score > 0:
                yield Hit(score, matcher.highlight(shown), command, help=tr(help_text) or None)  # type: ignore[arg-type]


class TrainerApp(TrainerHost):
    CSS_PATH = "app.tcss"
    TITLE = "回款道场"
    COMMANDS = App.COMMANDS | {TrainerCommands}
    BINDINGS = [
        Binding("f1", "help", "帮助", id="app.help"),
        Binding("f4", "history", "历史", id="app.history"),
        Binding("f5", "settings", "设置", id="app.settings"),
        Binding("f6", "toggle_script", "简/繁", id="app.script"),
        Binding("f7", "toggle_theme", "明/暗", id="app.theme"),
        Binding("ctrl+q", "quit", "退出", id="app.quit", priority=True),
    ]

    def __init__(self, *, library: Library | None = None, store: Store | None = None, scenario: str | None = None,
                 seed: int | None = None, resume: int | None = None, script: str | None = None,
                 cursor_blink: bool = True, recognise: Recognise | None = None, watch: bool = False,
                 replay: Path | str | None = None):
        super().__init__()
        self.watch_persona = watch  # `trainer play --watch`: reload the persona file when it changes
        self.recognise = recognise  # None = the engine's default recogniser
        self._library, self._library_lock = library, threading.Lock()
        self.store = store if store is not None else Store()
        self.tr = Display(script or self.store.get_setting("script", "simplified"))
        self.seed, self.start_scenario, self.start_resume = seed, scenario, resume
        self.start_replay = replay  # `trainer replay CARD`: open the card's playback over the picker
        self.cursor_blink = cursor_blink
        theme = self.store.get_setting("theme")
        if theme in THEMES:
            self.theme = theme
        self.exit_message = ""  # why the app left, when it was not the trainee's choice (also printed on exit)
        self._sigterm_installed = False

    @property
    def library(self) -> Library:
        """Every scenario and persona; loaded on first use (the picker asks from a thread)."""
        with self._library_lock:
            if self._library is None:
                # deferred for start-up: the picker's first frame doesn't wait for screens or stages it may never open
                from trainer.core.content.library import load_library
                self._library = load_library()
            return self._library

    @property
    def library_loaded(self) -> bool:
        return self._library is not None

    def on_mount(self) -> None:
        self.title = self.tr(self.TITLE)
        self._install_sigterm()
        self.push_screen(PickerScreen())
        if self.start_replay is not None:
            # deferred for start-up: the picker's first frame doesn't wait for screens or stages it may never open
            from trainer.tui.screens.replay import open_replay
            open_replay(self, self.start_replay)
        if self.start_resume is not None:
            self.open_stored(self.start_resume)
        elif self.start_scenario is not None:
            self.open_briefing(self.start_scenario)

    # ------------------------------------------------------------ leaving: signals, failures, sessions
    def _install_sigterm(self) -> None:
        """SIGTERM leaves through the app's own exit, so the driver puts the terminal back (no raw mode, no
        alternate screen left behind). Not under Textual's test harness: it must not take pytest's signals."""
        if self.is_headless:
            return
        try:
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, self.on_sigterm)
            self._sigterm_installed = True
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no signals (Windows)
            pass

    def exit(self, result: None = None, return_code: int = 0, message: RenderableType | None = None) -> None:
        """Every way out (quit, SIGTERM, a failure, the replay's own exit) lets go of the sessions on screen."""
        self.release_sessions()
        if self._sigterm_installed:
            self._sigterm_installed = False
            try:
                asyncio.get_running_loop().remove_signal_handler(signal.SIGTERM)
            except (NotImplementedError, RuntimeError, ValueError):  # pragma: no cover - the loop is closing
                pass
        super().exit(result, return_code, message)

    def on_sigterm(self) -> None:
        self.leave(EXIT_TERMINATED, "回款道场收到终止信号(SIGTERM)已退出;已保存的回合都还在,可用 `trainer resume` 继续。")

    def leave(self, code: int, message: str) -> None:
        """Exit with ``code`` and tell the trainee why (after the terminal is restored)."""
        self.exit_message = self.tr(message)
        # deferred for start-up: only needed on the way out. Text: brackets in a path are not markup, and the
        # line is not re-wrapped by the console (the terminal wraps it)
        from rich.text import Text
        self.exit(return_code=code, message=Text(f"trainer: {self.exit_message}", no_wrap=True, overflow="ignore"))

    def _handle_exception(self, error: Exception) -> None:
        """A store that cannot be written (disk full, read-only, busy for too long) ends the app with a line in
        Chinese and a non-zero exit, never a traceback and never exit 0: the turn that failed was not shown,
        and every turn before it is in the store."""
        if isinstance(error, StoreError):
            what = "这一步没能保存,练习已停止" if isinstance(error, StoreWriteError) else "练习记录库出错,练习已停止"
            self.leave(EXIT_STORE_FAILED, f"{what}:{error}")
            return
        super()._handle_exception(error)

    @staticmethod
    def _release(screen: object) -> None:
        """A screen left behind lets go of its session: the session leaves the persona's shared machine (which
        holds every model it was given, for good). The session stays in the store; resuming replays it."""
        live = getattr(screen, "live", None)
        session = getattr(live, "session", None)
        if session is not None:
            session.close()

    def release_sessions(self) -> None:
        for screen in self.screen_stack:
            self._release(screen)

    # ------------------------------------------------------------ navigation
    def _pop_to_picker(self) -> None:
        while len(self.screen_stack) > 2:
            self._release(self.screen)
            self.pop_screen()

    def show(self, screen) -> None:
        """Back to the picker, then open ``screen`` on top of it (a live session is saved already)."""
        self._pop_to_picker()
        self.push_screen(screen)

    def go_home(self) -> None:
        self._pop_to_picker()

    def fail(self, message: str) -> None:
        self.notify(self.tr(message), severity="error", timeout=10)

    def resolve(self, ref: str) -> tuple[Scenario, Persona] | None:
        # deferred for start-up: the picker's first frame doesn't wait for screens or stages it may never open
        from trainer.core.content.library import ContentError, resolve_scenario
        try:
            return resolve_scenario(ref, self.library)
        except ContentError as e:
            self.fail(str(e).splitlines()[0])
            return None

    def open_briefing(self, scenario_id: str) -> None:
        # deferred for start-up: the picker's first frame doesn't wait for screens or stages it may never open
        from trainer.tui.screens.briefing import BriefingScreen
        found = self.resolve(scenario_id)
        if found:
            self.show(BriefingScreen(*found))

    def on_scenario_chosen(self, event: ScenarioChosen) -> None:
        self.open_briefing(event.scenario_id)

    def on_start_requested(self, event: StartRequested) -> None:
        self.start_session(event.scenario_id, event.difficulty, prepared=event.ticked)

    def start_session(self, scenario_id: str, difficulty: str | None = None, seed: int | None = None,
                      prepared: tuple[int, ...] | None = None) -> None:
        found = self.resolve(scenario_id)
        if not found:
            return
        # deferred for start-up: the picker's first frame doesn't wait for screens or stages it may never open
        from trainer.core.engine.session import Session
        from trainer.tui.screens.negotiation import Live, NegotiationScreen
        scenario, persona = found
        if seed is None:
            seed = self.seed if self.seed is not None else random.randrange(1, 1_000_000)
        session = Session(scenario, persona, seed=seed, difficulty=difficulty, recognise=self.recognise,
                          prepared=prepared)
        sid = self.store.begin(scenario, persona, seed, session.difficulty, self.store.get_setting("trainee"),
                               prepared=session.prepared)
        self.show(NegotiationScreen(Live(session, sid)))

    def open_stored(self, session_id: int) -> None:
        """Resume an unfinished session, or reopen a finished one's result, by replaying its moves."""
        try:
            row = self.store.find(str(session_id))
        except StoreError as e:
            self.fail(str(e))
            return
        found = self.resolve(row.scenario_id)
        if not found:
            return
        # deferred for start-up: the picker's first frame doesn't wait for screens or stages it may never open
        from trainer.core.judging.scoring import score_session
        from trainer.core.store.db import restore
        from trainer.tui.screens.negotiation import Live, NegotiationScreen
        from trainer.tui.screens.result import ResultScreen
        restored = restore(self.store, row, *found, recognise=self.recognise)
        live = Live(restored.session, row.id)
        notice = ""
        if restored.diverged_at is not None:
            notice = f"场景文件已修改:从第 {restored.diverged_at} 回合起,回放与当时不同。"
        elif restored.content_changed:
            notice = "场景或人物文件在这之后改过,回放结果与当时相同。"
        if row.finished:
            self.show(ResultScreen(live, score_session(live.session)))
            if notice:
                self.notify(self.tr(notice), severity="warning")
        else:
            self.show(NegotiationScreen(live, notice))

    def play_back(self, session_id: int) -> None:
        """A stored session, read-only, turn by turn with its findings pinned (the replay screen, no card file)."""
        row = self.store.session(session_id)
        found = self.resolve(row.scenario_id) if row else None
        if row is None or not found:
            return
        # deferred for start-up: the picker's first frame doesn't wait for screens or stages it may never open
        from trainer.core.store.db import restore
        from trainer.core.store.playback import playback_from_session
        from trainer.tui.screens.replay import ReplayScreen
        session = restore(self.store, row, *found).session
        session.close()
        pb = playback_from_session(session, row.id, row.trainee or self.store.get_setting("trainee"),
                                   self.store.get_setting("team"), self.library)
        self.push_screen(ReplayScreen(pb))

    def finish_session(self, live: Live) -> Score:
        # deferred for start-up: the picker's first frame doesn't wait for screens or stages it may never open
        from trainer.core.engine.transcript import outcome_of
        from trainer.core.judging.scoring import score_session
        score = score_session(live.session)
        self.store.finish(live.session_id, outcome_of(live.session)["result"], score.total)
        live.session.close()
        return score

    def on_session_ended(self, event: SessionEnded) -> None:
        # deferred for start-up: the picker's first frame doesn't wait for screens or stages it may never open
        from trainer.core.judging.scoring import score_session
        from trainer.tui.screens.negotiation import NegotiationScreen
        from trainer.tui.screens.result import ResultScreen
        live = self.screen.live if isinstance(self.screen, NegotiationScreen) else None
        if live is None or live.session_id != event.session_id:
            return
        self.show(ResultScreen(live, score_session(live.session)))

    def retry(self, live: Live) -> None:
        """再练一次: the same opponent and seed from the first turn, as a new attempt of this session."""
        self.rewind(live, 1)

    def ask_rewind(self, live: Live) -> None:
        """Ask which turn to go back to, then start that attempt."""
        # deferred for start-up: the picker's first frame doesn't wait for screens or stages it may never open
        from trainer.tui.screens.modals import RewindScreen

        def chosen(turn: int | None) -> None:
            if turn is not None:
                self.rewind(live, turn)

        self.push_screen(RewindScreen(live.session.turns, live.session.ended), chosen)

    def rewind(self, live: Live, turn: int) -> None:
        """A new attempt of ``live`` from ``turn``: the turns before it replayed, stored and linked to its parent.
        The session left behind stays as it was (an unfinished one can still be resumed)."""
        # deferred for start-up: the picker's first frame doesn't wait for screens or stages it may never open
        from trainer.core.store.attempts import AttemptError, start_attempt
        from trainer.tui.screens.negotiation import Live, NegotiationScreen
        try:
            sid, session = start_attempt(self.store, live.session_id, live.session, turn,
                                         self.store.get_setting("trainee"), self.recognise)
        except AttemptError as e:
            self.fail(str(e))
            return
        self.show(NegotiationScreen(Live(session, sid)))
        kept = f",前 {turn - 1} 回合照原样" if turn > 1 else ""
        self.notify(self.tr(f"新的尝试 #{sid}:从练习 #{live.session_id} 的第 {turn} 回合重来{kept}。"), timeout=6)

    # ------------------------------------------------------------ exports
    def export_dir(self) -> Path:
        folder = self.store.path.parent / "scorecards"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def export_scorecard(self, live: Live) -> Path | None:
        base = self.export_dir() / f"{live.session_id:04d}-{live.session.scenario.id}"
        trainee, team = self.store.get_setting("trainee"), self.store.get_setting("team")
        try:
            from trainer.core.competition.scorecard import write_scorecard
        except ImportError:
            # the scorecard module is not installed: keep the transcript rather than lose it
            import json

            from trainer.core.judging.result import result_json
            from trainer.core.judging.scoring import score_session
            path = base.with_suffix(".transcript.json")
            path.write_text(json.dumps(result_json(live.session, score_session(live.session)), ensure_ascii=False,
                                       indent=2), encoding="utf-8")
            self.notify(self.tr("成绩单模块不可用,已改存对话记录。"), severity="warning")
            return path
        path = base.with_suffix(".scorecard.json")
        try:
            write_scorecard(live.session, path, trainee, team)
        except Exception as e:  # an export must never take the session down with it
            self.fail(f"导出失败:{e}")
            return None
        return path

    def export_plan(self, live: Live) -> Path | None:
        """The 回收计划表 as Markdown (to read) and CSV (for Excel); returns the Markdown path."""
        base = self.export_dir() / f"{live.session_id:04d}-{live.session.scenario.id}"
        write_plan: Callable[[Session, Path], None]
        try:
            from trainer.core.competition.plan_table import write_plan
        except ImportError:
            write_plan = _plain_plan
        try:
            write_plan(live.session, base.with_suffix(".plan.md"))
            if write_plan is not _plain_plan:
                write_plan(live.session, base.with_suffix(".plan.csv"))
        except Exception as e:
            self.fail(f"导出失败:{e}")
            return None
        return base.with_suffix(".plan.md")

    # ------------------------------------------------------------ actions
    def action_help(self) -> None:
        # deferred for start-up: the picker's first frame doesn't wait for screens or stages it may never open
        from trainer.tui.screens.help import HelpScreen
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_history(self) -> None:
        # deferred for start-up: the picker's first frame doesn't wait for screens or stages it may never open
        from trainer.tui.screens.history import HistoryScreen
        if not isinstance(self.screen, HistoryScreen):
            self.push_screen(HistoryScreen())

    def action_settings(self) -> None:
        # deferred for start-up: the picker's first frame doesn't wait for screens or stages it may never open
        from trainer.tui.screens.settings import SettingsScreen
        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    async def action_toggle_script(self) -> None:
        self.tr = Display("simplified" if self.tr.traditional else "traditional")
        self.store.set_setting("script", self.tr.script)
        self.title = self.tr(self.TITLE)
        for screen in self.screen_stack[1:]:
            await screen.recompose()
        if hasattr(self.screen, "on_mount"):
            self.screen.on_mount()  # focus and sub-title again

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]
        self.store.set_setting("theme", self.theme)


def _plain_plan(session: Session, path: Path) -> None:
    """A minimal 回收计划表 when trainer.core.competition.scorecard is not available."""
    # deferred for start-up: the picker's first frame doesn't wait for screens or stages it may never open
    from trainer.core.engine.transcript import outcome_of
    o = outcome_of(session)
    c = session.scenario.case
    lines = [f"# 回收计划表 · {c.company}", "", f"欠款 {c.owed} 元;结果 {o['result']}", "",
             "| 日期 | 金额 | 说明 |", "|---|---|---|"]
    lines += [f"| {p['due_date']} | {p['amount']} | {p['note']} |" for p in o["plan"]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_app(scenario: str | None = None, seed: int | None = None, resume: int | None = None, *,
              home: Path | str | None = None, script: str | None = None, cursor_blink: bool = True,
              library: Library | None = None, recognise: Recognise | None = None,
              store: Store | None = None, watch: bool = False, replay: Path | str | None = None) -> TrainerApp:
    """The app as the CLI and the tests build it. ``home`` overrides TRAINER_HOME for the store."""
    # deferred for start-up: the picker's first frame doesn't wait for screens or stages it may never open
    from trainer.core.store.db import DB_NAME
    if store is None:
        store = Store(Path(home) / DB_NAME) if home is not None else Store()
    return TrainerApp(library=library, store=store, scenario=scenario, seed=seed, resume=resume, script=script,
                      cursor_blink=cursor_blink, recognise=recognise, watch=watch, replay=replay)
