"""docs/scoring.md's table of five lines in fake-broke is what the trainer scores today (seed 1): a persona or
rubric change that moves a number fails here until the table is updated, so the instructors' page cannot go stale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from trainer.core.content.library import load_library
from trainer.core.judging.result import play_moves

DOC = Path(__file__).resolve().parents[2] / "docs" / "scoring.md"
KEYS = ("early", "fast", "more", "benefit", "courtesy", "restraint", "procedure", "lawful")


def _rows() -> list[list[str]]:
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## Five lines, one scenario"):]
    section = section[:section.index("\n## ", 5)]
    rows = [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in section.splitlines() if ln.startswith("| ")]
    return [r for r in rows if r[0] not in ("线",) and not set(r[0]) <= {"-"}]


def test_the_table_has_five_lines():
    assert len(_rows()) == 5


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r[0])
def test_each_line_scores_as_the_table_says(row):
    lib = load_library()
    sc = lib.scenarios["fake-broke"]
    s, score = play_moves(sc, lib.persona_for(sc), row[1].split(), seed=1)
    result = s.outcome.result if s.outcome else "未结束"
    recovered = f"{s.outcome.recovered_ratio:.0%}" if s.outcome else "0%"
    got = [result, recovered, *(str(score.principles[k]) for k in KEYS), f"**{score.total}**"]
    assert got == row[2:], f"docs/scoring.md: {row[0]}"
    assert re.fullmatch(r"\*\*\d+\*\*", row[-1])
