"""docs/authoring.md covers what an instructor needs (issue 18): every key of both schemas, the
undocumented features, and its headings are Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from trainer.cli.authoring import schema_for

DOC = (Path(__file__).resolve().parents[2] / "docs" / "authoring.md").read_text(encoding="utf-8")


def keys(node, out: set[str]) -> set[str]:
    if isinstance(node, dict):
        out.update(node.get("properties", {}))
        for v in node.values():
            keys(v, out)
    elif isinstance(node, list):
        for v in node:
            keys(v, out)
    return out


@pytest.mark.parametrize("kind", ["persona", "scenario"])
def test_every_schema_key_is_documented(kind):
    missing = sorted(k for k in keys(schema_for(kind), set()) if f"`{k}`" not in DOC and f"`{k}:" not in DOC)
    assert not missing, f"docs/authoring.md does not mention: {missing}"


@pytest.mark.parametrize("needle", ["reveals", "repetition", "difficulty", "on: any", "--watch", "TRAINER_PATH",
                                    "personas/` 和 `scenarios/", "中文字体", "_TRAINER_COMPLETE", "trainer tactics",
                                    "--trainee"])
def test_the_features_the_issue_found_undocumented_are_documented(needle):
    assert needle in DOC


def test_headings_are_chinese():
    for heading in re.findall(r"^#+ (.*)$", DOC.split("```")[0] + "".join(DOC.split("```")[2::2]), re.M):
        plain = re.sub(r"`[^`]*`", "", heading)
        assert not re.search(r"[A-Za-z]{3,}", plain), heading


def test_the_add_a_tactic_recipe_has_at_most_three_edits():
    recipe = DOC.split("## 加一个招式", 1)[1].split("\n## ", 1)[0]
    steps = re.findall(r"^(\d+)\. ", recipe, re.M)
    assert steps and len(steps) <= 3 and "catalogue.py" in recipe and "phrases/tactics.yaml" in recipe
