"""The app as the screens and widgets see it, for the type checker.

``TrainerApp`` (trainer.tui.app) is the one implementation; it imports the screens, so the screens
cannot import it back, even under TYPE_CHECKING (tests/unit/test_layers.py refuses import circles).
They name this base instead: ``app = getters.app(TrainerHost)`` under TYPE_CHECKING. It adds nothing
at run time; mypy checks that TrainerApp's members agree with what is declared here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App

if TYPE_CHECKING:
    from pathlib import Path

    from trainer.core.content.library import Library
    from trainer.core.judging.scoring import Score
    from trainer.core.store.db import Store
    from trainer.tui.text import Display


class TrainerHost(App[None]):
    """What TrainerApp offers its screens. ``live`` is a trainer.tui.screens.negotiation.Live; it is
    typed Any here because that module is one of the screens that import this one."""

    if TYPE_CHECKING:
        tr: Display
        store: Store
        cursor_blink: bool

        @property
        def library(self) -> Library: ...

        @property
        def library_loaded(self) -> bool: ...

        def go_home(self) -> None: ...

        def fail(self, message: str) -> None: ...

        def open_stored(self, session_id: int) -> None: ...

        def play_back(self, session_id: int) -> None: ...

        def finish_session(self, live: Any) -> Score: ...

        def retry(self, live: Any) -> None: ...

        def ask_rewind(self, live: Any) -> None: ...

        def export_scorecard(self, live: Any) -> Path | None: ...

        def export_plan(self, live: Any) -> Path | None: ...

        async def action_toggle_script(self) -> None: ...
