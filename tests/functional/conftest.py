"""Shared set-up for the terminal UI tests: a private TRAINER_HOME and the app factory."""

from __future__ import annotations

import pytest

from .tui_helpers import fake_recognise, frozen_library


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("TRAINER_HOME", str(tmp_path))
    monkeypatch.delenv("TRAINER_PATH", raising=False)
    return tmp_path


@pytest.fixture
def make_app(home):
    from trainer.tui.app import build_app

    def make(**kw):
        kw.setdefault("seed", 0)
        kw.setdefault("cursor_blink", False)
        kw.setdefault("recognise", fake_recognise)
        kw.setdefault("script", "simplified")
        kw.setdefault("library", frozen_library())
        return build_app(**kw)

    return make

