"""`trainer validate`: every kind of error as one `file:line:col: 错误:…` line, warnings, exit codes."""

import re

import pytest
from click.testing import CliRunner

from trainer.cli import main
from trainer.core.authoring import validate as V

from .test_engine import MINI_PERSONA, MINI_SCENARIO

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>错误|警告):(?P<msg>.+)$")


def run(*paths):
    r = CliRunner().invoke(main, ["validate", *map(str, paths)])
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, [ln for ln in r.stdout.splitlines() if ln]


def write(tmp_path, name, text):
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def test_clean_files_exit_0(tmp_path):
    write(tmp_path, "personas/mini.yaml", MINI_PERSONA)
    write(tmp_path, "scenarios/mini.yaml", MINI_SCENARIO)
    code, lines = run(tmp_path)
    assert (code, lines) == (0, [])


@pytest.mark.parametrize("old,new,message,marker", [
    ("name: 小王", "name: [小王", "YAML 语法错误", None),
    ("name: 小王", "name: 小王\nname: 老王", "键 'name' 重复(第一次在第 3 行)", "老王"),
    ("name: 小王", "name: 小王\nnmae: x", "未知的键 'nmae'(是不是 'name'?)", "nmae"),
    ("start: 10}\n  irritation", "start: high}\n  irritation", "这里应该是整数,却是文字 'high'",
     "high"),
    ("replies: [好,付。]", "replies: {a: b}", "这里应该是列表,却是映射", "{a: b}"),
    ("on: verify_balance", "on: verify_balanse", "未知的招式 'verify_balanse'(是不是 'verify_balance'?)",
     "verify_balanse"),
    ("on: 法", "on: 发", "未知的招式 '发'", "发"),
    ("to: agreed", "to: agred", "未知的状态 'agred'(是不是 'agreed'?)", "agred"),
    ("in: agreed", "in: agread", "未知的状态 'agread'(是不是 'agreed'?)", "agread"),
    ("start: talk", "start: tlak", "未知的状态 'tlak'(是不是 'talk'?)", "tlak"),
    ("when: willingness >= 40", "when: wilingness >= 40", "未知的指标 'wilingness'", "wilingness"),
    ("name: 小王", "name: 小\x07王", "不允许控制字符 U+0007", "\x07"),
    ("name: 小王", "name: 小\u202e王", "不允许控制字符 U+202E", "\u202e"),
])
def test_each_error_is_one_positioned_line(tmp_path, old, new, message, marker):
    assert old in MINI_PERSONA
    text = MINI_PERSONA.replace(old, new, 1)
    f = write(tmp_path, "personas/mini.yaml", text)
    code, lines = run(f)
    assert code == 1
    errors = [LINE.match(ln) for ln in lines]
    assert all(errors), lines
    hit = [m for m in errors if message in m["msg"]]
    assert hit, lines
    assert hit[0]["sev"] == "错误" and hit[0]["path"].endswith("mini.yaml")
    if marker is not None:
        assert marker in text.splitlines()[int(hit[0]["line"]) - 1]


def test_unknown_persona_in_scenario_with_did_you_mean(tmp_path):
    write(tmp_path, "personas/mini.yaml", MINI_PERSONA)
    s = write(tmp_path, "scenarios/mini.yaml", MINI_SCENARIO.replace("persona: mini", "persona: mimi"))
    code, lines = run(tmp_path / "personas", s)
    assert code == 1
    assert any("错误:未知的角色 'mimi'(是不是 'mini'?)" in ln for ln in lines), lines


def test_scenario_finds_its_sibling_persona_file(tmp_path):
    write(tmp_path, "personas/mini.yaml", MINI_PERSONA)
    s = write(tmp_path, "scenarios/mini.yaml", MINI_SCENARIO)
    assert run(s) == (0, [])


def test_unknown_scenario_meter(tmp_path):
    write(tmp_path, "personas/mini.yaml", MINI_PERSONA)
    write(tmp_path, "scenarios/mini.yaml", MINI_SCENARIO + "meters: {wilingness: 20}\n")
    code, lines = run(tmp_path)
    assert code == 1 and any("没有指标 'wilingness'(是不是 'willingness'?)" in ln for ln in lines)


def test_warnings_alone_exit_0_and_are_positioned(tmp_path):
    text = MINI_PERSONA.replace("  gone: {label: 走了, ending: {result: broken_off}}",
                                "  gone: {label: 走了, ending: {result: broken_off}}\n  island: {label: 孤岛}")
    f = write(tmp_path, "personas/mini.yaml", text)
    code, lines = run(f)
    assert code == 0
    m = LINE.match(lines[0])
    assert m and m["sev"] == "警告" and "'island' 永远到不了" in m["msg"]
    assert text.splitlines()[int(m["line"]) - 1].strip().startswith("island:")
    assert CliRunner().invoke(main, ["validate", "--strict", str(f)]).exit_code == 1


def test_unknown_file_kind_and_missing_path(tmp_path):
    f = write(tmp_path, "misc/thing.yaml", "a: 1\n")
    code, lines = run(f, tmp_path / "nope.yaml")
    assert code == 1
    assert any("看不出这是什么文件" in ln for ln in lines)
    assert any("nope.yaml:1:1: 错误:文件或文件夹不存在" in ln for ln in lines)


def test_folders_skip_hidden_and_virtualenv_dirs(tmp_path):
    write(tmp_path, "personas/mini.yaml", MINI_PERSONA)
    write(tmp_path, ".venv/lib/junk.yaml", "[broken")
    write(tmp_path, "node_modules/x/junk.yaml", "[broken")
    assert run(tmp_path) == (0, [])


def test_phrase_and_rubric_checkers_are_wired_by_folder(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setitem(V.CHECKERS, "phrases", lambda root, text, out: seen.append(("phrases", root.path)))
    monkeypatch.setitem(V.CHECKERS, "rubric", lambda root, text, out: out.error(root, "rubric says no"))
    write(tmp_path, "phrases/extra.yaml", "empathize: [我理解您的难处]\n")
    write(tmp_path, "scoring/rubric.yaml", "principles: {}\n")
    code, lines = run(tmp_path)
    assert seen and seen[0][0] == "phrases" and seen[0][1].endswith("extra.yaml")
    assert code == 1 and any(ln.endswith("错误:rubric says no") and "rubric.yaml:1:1" in ln for ln in lines)


def test_kind_detection(tmp_path):
    from trainer.core.content.yamlsafe import parse_text
    root = parse_text("a: 1\n", "x.yaml")
    assert V.detect_kind(root, tmp_path / "phrases" / "a.yaml") == "phrases"
    assert V.detect_kind(root, tmp_path / "scoring" / "r.yaml") == "rubric"
    assert V.detect_kind(root, tmp_path / "personas" / "p.yaml") == "persona"
    assert V.detect_kind(root, tmp_path / "x" / "rubric.yaml") == "rubric"
    assert V.detect_kind(parse_text("states: {}\nreactions: []\n"), tmp_path / "x.yaml") == "persona"


def test_shipped_content_has_no_errors(repo_root):
    problems = V.validate_paths([str(repo_root / "personas"), str(repo_root / "scenarios")])
    assert not problems.errors, [str(p) for p in problems.errors]


def test_test_plans_are_checked_not_skipped(tmp_path, repo_root):
    """Bug: validate looked for testplan.check_plan_file, which did not exist, so a plan always passed."""
    plans = tmp_path / "plans"
    plans.mkdir()
    text = (repo_root / "tests" / "plans" / "fake-broke.yaml").read_text(encoding="utf-8")
    (plans / "good.yaml").write_text(text, encoding="utf-8")
    (plans / "bad.yaml").write_text(text.replace("visits: [checked,", "visits: [checkd,", 1), encoding="utf-8")
    r = CliRunner().invoke(main, ["validate", str(plans / "good.yaml")])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["validate", str(plans / "bad.yaml")])
    assert r.exit_code == 1
    assert re.search(r"bad\.yaml:\d+:\d+: 错误:角色 'fake-broke' 没有状态 'checkd'"
                     r"\(是不是 'checked'\?\)", r.output)


@pytest.mark.parametrize("name", ["offer", "ask_total", "turn", "said", "not"])
def test_a_meter_named_like_a_builtin_is_refused_at_its_line(tmp_path, name):
    # a condition `offer >= 0.5` would read the builtin, never the meter: the name is refused where it is written
    text = MINI_PERSONA.replace("  irritation: {label: 烦躁, start: 10, good: down}",
                                f"  irritation: {{label: 烦躁, start: 10, good: down}}\n  {name}: {{label: 开关, start: 0, max: 1}}")
    assert f"  {name}: " in text
    f = write(tmp_path, "personas/mini.yaml", text)
    code, lines = run(f)
    m = LINE.match(lines[0])
    assert code == 1 and m and f"指标名 '{name}' 是条件里的保留字" in m["msg"]
    assert text.splitlines()[int(m["line"]) - 1].strip().startswith(f"{name}:")
