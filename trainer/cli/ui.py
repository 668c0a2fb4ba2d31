"""Opening the interactive trainer: the Textual app, imported lazily so headless commands stay fast."""

from __future__ import annotations

import sys
from typing import Any

HEADLESS_PLAY = "trainer play SCENARIO --moves FILE --json"
HEADLESS_REPLAY = "trainer replay CARD --json"


def require_terminal(headless: str) -> None:
    """The UI needs a terminal to read keys from: with stdin redirected it would wait forever. Refuse in one
    line that names the command that works without one (exit 2)."""
    if not sys.stdin.isatty():
        # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
        from trainer.cli.common import fail
        fail(f"trainer: 标准输入不是终端,无法打开练习界面;不用界面请运行 `{headless}`", 2)


def run_app(app: Any) -> None:
    """Run the app and leave with its return code: a crash or a lost write never exits 0."""
    app.run()
    code = app.return_code
    if code:
        sys.exit(code)


def open_ui(scenario: str | None = None, seed: int | None = None, resume: int | None = None,
            watch: bool = False) -> None:
    """Run the terminal UI: on the picker, straight into ``scenario``, or continuing session ``resume``."""
    require_terminal(HEADLESS_PLAY)
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.cli.common import fail
    from trainer.core.store.db import StoreError
    try:
        # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
        from trainer.tui.app import build_app
        app = build_app(scenario=scenario, seed=seed, resume=resume, watch=watch)
    except StoreError as e:
        fail(str(e), 1)
    run_app(app)
