"""Loading: good and broken persona/scenario files, errors with file:line:col."""

import textwrap

import pytest

from trainer.core.content.models import build_persona
from trainer.core.content.spec import Problems
from trainer.core.content.yamlsafe import LoadError, parse_text

from .test_engine import MINI_PERSONA


def problems_of(text):
    out = Problems()
    try:
        build_persona(parse_text(text, "p.yaml"), text, out)
    except LoadError as e:
        return [str(e)]
    return [str(p) for p in out]


def test_good_persona_has_no_problems():
    assert problems_of(MINI_PERSONA) == []


@pytest.mark.parametrize("old,new,expect", [
    ("on: verify_balance", "on: verify_balanse", "未知的招式 'verify_balanse'(是不是 'verify_balance'?)"),
    ("to: agreed", "to: agred", "未知的状态 'agred'(是不是 'agreed'?)"),
    ("when: willingness >= 40", "when: willingnes >= 40", "条件里有未知的指标 'willingnes'"),
    ("when: willingness >= 40", "when: willingness >=", "写得不对"),
    ("effects: {willingness: 30}", "effects: {wiling: 30}", "未知的指标 'wiling'"),
    ("start: talk", "start: paid", "开始状态 'paid' 是一个结局"),
    ("name: 小王", "name: 小王\nnmae: x", "未知的键 'nmae'(是不是 'name'?)"),
    ("replies: [对,账没错。]", "replies: ['{contakt}']", "未知的占位符 '{contakt}'"),
    ("start: 10}\n  irritation", "start: abc}\n  irritation", "这里应该是整数"),
])
def test_broken_persona_is_reported_with_position(old, new, expect):
    assert old in MINI_PERSONA
    probs = problems_of(MINI_PERSONA.replace(old, new, 1))
    assert any(expect in p for p in probs), probs
    assert all(p.startswith("p.yaml:") for p in probs)
    line = int(probs[0].split(":")[1])
    assert line > 1


def test_duplicate_key_is_an_error():
    text = MINI_PERSONA.replace("name: 小王", "name: 小王\nname: 老王")
    assert any("键 'name' 重复" in p for p in problems_of(text))


def test_python_tag_refused():
    text = "id: !!python/object/apply:os.system ['echo hi']\n"
    with pytest.raises(LoadError, match="不允许显式标签"):
        parse_text(text, "x.yaml")


def test_alias_refused_with_merge_key_hint():
    text = textwrap.dedent("""
        base: &b {a: 1}
        other:
          <<: *b
    """)
    with pytest.raises(LoadError, match="合并键"):
        parse_text(text, "x.yaml")


def test_deep_nesting_refused_with_our_message():
    # PyYAML 6.0.4's libyaml refuses ~1,000 levels in its scanner with its own wording; the
    # message and position must be the loader's whatever the parser does
    with pytest.raises(LoadError, match=r"^x\.yaml:1:51: 嵌套超过 50 层$"):
        parse_text("[" * 30000 + "]" * 30000, "x.yaml")
    with pytest.raises(LoadError, match=r"^x\.yaml:1:51: 嵌套超过 50 层$"):
        parse_text("[" * 30000, "x.yaml")


@pytest.mark.parametrize("shape", ["flow_list", "flow_map", "block_map", "block_list"])
def test_exactly_fifty_levels_load_and_fifty_one_do_not(shape):
    def doc(depth: int) -> str:
        if shape == "flow_list":
            return "[" * depth + "1" + "]" * depth
        if shape == "flow_map":
            return "{a: " * (depth - 1) + "{a: 1" + "}" * depth
        if shape == "block_map":
            return "".join("  " * i + "a:\n" for i in range(depth - 1)) + "  " * (depth - 1) + "a: 1\n"
        return "".join("  " * i + "-\n" for i in range(depth - 1)) + "  " * (depth - 1) + "- x\n"

    node = parse_text(doc(50), "x.yaml")
    depth = 0
    while isinstance(node.value, (dict, list)) and node.value:
        depth += 1
        node = next(iter(node.value.values())) if isinstance(node.value, dict) else node.value[0]
    assert depth == 50
    with pytest.raises(LoadError, match="嵌套超过 50 层"):
        parse_text(doc(51), "x.yaml")


def test_yaml11_booleans_stay_text():
    assert parse_text("a: no\nb: yes\nc: true", "x.yaml").plain() == {"a": "no", "b": "yes", "c": True}


def test_a_problem_quoting_a_multi_line_value_stays_one_line():
    # found by bench/fuzz/fuzz_loader.py: a folded plain scalar ('6\n\n  compan') quoted in a type error
    from trainer.core.content.models import build_scenario
    from trainer.core.content.spec import Problems

    text = "id: x\ntitle: t\npersona: mini\nturn_limit: 6\n\n  compan\n"
    out = Problems()
    build_scenario(parse_text(text, "s.yaml"), text, out)
    lines = [str(p) for p in out]
    assert lines and all("\n" not in line for line in lines), lines
    assert any("6\\ncompan" in line for line in lines), lines
