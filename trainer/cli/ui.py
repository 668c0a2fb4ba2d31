"""Opening the interactive trainer: the Textual app, imported lazily so headless commands stay fast."""

from __future__ import annotations


def open_ui(scenario: str | None = None, seed: int | None = None, resume: int | None = None,
            watch: bool = False) -> None:
    """Run the terminal UI: on the picker, straight into ``scenario``, or continuing session ``resume``."""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.cli.common import fail
    from trainer.core.store.db import StoreError
    try:
        # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
        from trainer.tui.app import build_app
        app = build_app(scenario=scenario, seed=seed, resume=resume, watch=watch)
    except StoreError as e:
        fail(str(e), 1)
    app.run()
