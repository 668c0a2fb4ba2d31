"""Broken phrase files give one-line errors with file:line:col; the leave-one-out lint warns."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from trainer.cli import main
from trainer.core.authoring.validate import validate_paths
from trainer.core.content.spec import Problems
from trainer.core.content.yamlsafe import parse_text
from trainer.core.language.phrases import build_phrases, compile_cue_regex
from trainer.core.language.recognise import check_phrases_file

ROOT = Path(__file__).resolve().parent.parent.parent


def _check(text: str) -> Problems:
    out = Problems()
    check_phrases_file(parse_text(text, "p.yaml"), text, out)
    return out


def _errors(text: str) -> list[str]:
    return [str(p) for p in _check(text).errors]


GOOD = """tactics:
  praise:
    templates:
      - 您这家店真是越开越红火
    cues:
      - words: [红火, 佩服]
        weight: 0.6
"""


def test_good_file_has_no_errors():
    assert _errors(GOOD) == []
    lib = build_phrases(parse_text(GOOD, "p.yaml"), GOOD, Problems())
    assert lib is not None and len(lib.templates) == 1 and lib.cues[0].words == ("红火", "佩服")


@pytest.mark.parametrize("text, expected", [
    ("tactics:\n  praize:\n    templates: [您真棒]\n",
     "p.yaml:2:3: 错误:未知的招式 'praize'(是不是 'praise'?)"),
    ("tactic:\n  praise: {}\n",
     "p.yaml:1:1: 错误:未知的键 'tactic'(是不是 'tactics'?)"),
    ("tactics:\n  praise:\n    templets: [您真棒]\n",
     "p.yaml:3:5: 错误:未知的键 'templets'(是不是 'templates'?)"),
    ("tactics:\n  praise:\n    cues:\n      - words: [棒]\n",
     "p.yaml:4:9: 错误:缺少必填的键 'weight'"),
    ("tactics:\n  praise:\n    cues:\n      - words: [棒]\n        regex: '棒'\n        weight: 1\n",
     "p.yaml:4:9: 错误:线索(cue)必须有 'words' 或 'regex',且只能有其一"),
    ("tactics:\n  praise:\n    cues:\n      - regex: '(棒'\n        weight: 1\n",
     "p.yaml:4:16: 错误:正则表达式写得不对(缺少 ')'"),
    ("tactics:\n  praise:\n    cues:\n      - regex: '(a+)+b'\n        weight: 1\n",
     "p.yaml:4:16: 错误:正则表达式被拒绝:重复里套重复"),
    ("tactics:\n  praise:\n    cues:\n      - words: [棒]\n        weight: 5\n",
     "p.yaml:5:17: 错误:5 大于最大值 2"),
    ("tactics:\n  praise:\n    templates: [。。。]\n",
     "p.yaml:3:17: 错误:模板去掉标点后是空的"),
    ("typos: [分其]\ntactics: {}\n",
     "p.yaml:1:8: 错误:'typos' 必须是映射"),
    ("note: hi\n", "p.yaml:1:1: 错误:缺少必填的键 'tactics'"),
])
def test_broken_files(text, expected):
    errors = _errors(text)
    assert any(e.startswith(expected) for e in errors), errors


def test_regex_guard():
    assert compile_cue_regex("分[两三]期").search("分三期")
    assert compile_cue_regex("(分期|分批).{0,4}付").search("分期来付")
    for bad in ["(a*)*", "(?:x+y?)+", r"(a)\1", "((ab)*c)*"]:
        with pytest.raises(ValueError):
            compile_cue_regex(bad)


def test_lint_warns_on_a_misplaced_template():
    text = "tactics:\n  praise:\n    templates:\n      - 律师函已经寄出，下周一正式向法院起诉\n"
    warnings = [str(p) for p in _check(text).warnings]
    assert warnings == ["p.yaml:4:9: 警告:'praise' 的模板更像 'legal_action'"
                        + warnings[0].split("'legal_action'")[1]]
    assert "加一条线索(cue)或换个说法" in warnings[0]


def test_lint_warns_on_duplicate_templates_across_tactics():
    text = "tactics:\n  praise:\n    templates:\n      - 咱们先对一下账，截至上月底一共欠款三十八万，您看对不对\n"
    assert any("也列在 'verify_balance' 之下" in str(p) for p in _check(text).warnings)


def test_validate_command_checks_phrase_folders(tmp_path):
    folder = tmp_path / "phrases"
    folder.mkdir()
    (folder / "bad.yaml").write_text("tactics:\n  stop_suply:\n    templates: [停货]\n", encoding="utf-8")
    (folder / "broken.yaml").write_text("tactics:\n  praise: [\n", encoding="utf-8")
    problems = [str(p) for p in validate_paths([str(folder)])]
    assert any("bad.yaml:2:3: 错误:未知的招式 'stop_suply'(是不是 'stop_supply'?)" in p
               for p in problems), problems
    assert any("broken.yaml:" in p for p in problems), problems
    res = CliRunner().invoke(main, ["validate", str(folder)])
    assert res.exit_code == 1
    assert "Traceback" not in res.output


def test_shipped_library_is_valid():
    problems = validate_paths([str(ROOT / "phrases")])
    assert problems.errors == []
