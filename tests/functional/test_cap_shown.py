"""A capped total says why, on the result screen's outcome block and in the plain CLI (stop 44)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from trainer.cli import main
from trainer.tui.widgets.outcome import outcome_text

OUTCOME = {"result": "promise", "owed": 520000, "paid": 0, "committed": 520000, "promised": 520000,
           "in_writing": True, "recovered_ratio": 1.0, "plan": []}


def test_the_outcome_block_says_the_total_was_capped_and_by_what() -> None:
    cap = {"rule": "hostile_unlawful", "title": "越过法律的线", "total": 30}
    shown = outcome_text(lambda s: s, OUTCOME, 30, 6, "", cap).plain
    assert "总分 30(越过法律的线:总分封顶 30)" in shown
    assert "封顶" not in outcome_text(lambda s: s, OUTCOME, 79, 6, "").plain


def test_the_cli_says_the_total_was_capped(tmp_path: Path, dev_play_moves) -> None:
    # dev play supermarket-chain unlawful-46: a threat of calls at 2 a.m. among reconciling moves, then the 52万 signed
    moves = tmp_path / "moves.txt"
    moves.write_text("\n".join(dev_play_moves("supermarket-chain", "unlawful-46")) + "\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["play", "supermarket-chain", "--moves", str(moves), "--seed", "1"])
    assert out.exit_code == 0, out.output
    assert "回收 100% · 总分 30(越过法律的线:总分封顶 30)" in out.output
