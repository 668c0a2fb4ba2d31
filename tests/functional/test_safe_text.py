"""Text from files reaches the terminal literally: no markup, no escape sequences."""

from __future__ import annotations

import asyncio
from pathlib import Path

from trainer.tui.text import Display, safe_text


def test_safe_text_strips_escapes_and_controls_keeps_brackets():
    assert safe_text("[bold]x[/]") == "[bold]x[/]"
    assert safe_text("\x1b[31mred\x1b[0m") == "red"
    assert safe_text("a\x1b]0;title\x07b") == "ab"  # OSC: set window title
    assert safe_text("a\x00b\x07c\u202ed\x9b") == "abcd"
    assert safe_text("a\x9b2Jb") == "ab"  # C1 CSI: clear screen
    assert safe_text("行一\n行二\t!") == "行一\n行二    !"


def test_display_text_is_literal_and_converts_script():
    t = Display("simplified").text("[bold]假没钱[/]\x1b[31m")
    assert t.plain == "[bold]假没钱[/]" and not t.spans
    assert Display("traditional")("假没钱 核对货款余额") == "假沒錢 覈對貨款餘額"
    assert Display("nonsense").script == "simplified"


def test_markup_and_escapes_in_a_scenario_render_literally(tmp_path, monkeypatch):
    """A scenario whose strings hold markup and an escape sequence shows them as plain text."""
    root = tmp_path / "content"
    (root / "scenarios").mkdir(parents=True)
    repo = Path(__file__).resolve().parents[2]
    text = (repo / "scenarios" / "fake-broke.yaml").read_text(encoding="utf-8")
    # the loader refuses escape sequences (even as YAML escapes like "\\e"), so only markup gets this far
    text = text.replace("id: fake-broke", "id: evil-markup").replace(
        "title: 假没钱:刚进了款的周老板", 'title: "[bold red]假没钱[/] 红字"')
    (root / "scenarios" / "evil.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("TRAINER_PATH", str(root))
    monkeypatch.setenv("TRAINER_HOME", str(tmp_path / "home"))
    from trainer.tui.app import build_app
    from trainer.tui.screens.picker import PickerScreen
    from trainer.tui.widgets.scenario_card import ScenarioCard

    from .tui_helpers import wait_for_query, wait_for_screen

    async def flow():
        app = build_app(cursor_blink=False, script="simplified")
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for_screen(pilot, PickerScreen)
            await wait_for_query(pilot, "#card-evil-markup")  # the scenarios load in a worker thread
            card = app.screen.query_one("#card-evil-markup", ScenarioCard)
            rendered = card.render()
            assert "[bold red]假没钱[/] 红字" in rendered.plain
            assert "\x1b" not in rendered.plain

    asyncio.run(flow())
