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
    ("on: verify_balance", "on: verify_balanse", "unknown tactic 'verify_balanse' (did you mean 'verify_balance'?)"),
    ("to: agreed", "to: agred", "unknown state 'agred' (did you mean 'agreed'?)"),
    ("when: willingness >= 40", "when: willingnes >= 40", "unknown meter 'willingnes' in condition"),
    ("when: willingness >= 40", "when: willingness >=", "bad condition"),
    ("effects: {willingness: 30}", "effects: {wiling: 30}", "unknown meter 'wiling'"),
    ("start: talk", "start: paid", "the start state 'paid' is an ending"),
    ("name: 小王", "name: 小王\nnmae: x", "unknown key 'nmae' (did you mean 'name'?)"),
    ("replies: [对,账没错。]", "replies: ['{contakt}']", "unknown placeholder '{contakt}'"),
    ("start: 10}\n  irritation", "start: abc}\n  irritation", "expected a whole number"),
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
    assert any("duplicate key 'name'" in p for p in problems_of(text))


def test_python_tag_refused():
    text = "id: !!python/object/apply:os.system ['echo hi']\n"
    with pytest.raises(LoadError, match="explicit tags"):
        parse_text(text, "x.yaml")


def test_alias_refused_with_merge_key_hint():
    text = textwrap.dedent("""
        base: &b {a: 1}
        other:
          <<: *b
    """)
    with pytest.raises(LoadError, match="merge keys"):
        parse_text(text, "x.yaml")


def test_deep_nesting_refused_with_our_message():
    # PyYAML 6.0.4's libyaml refuses ~1,000 levels in its scanner with its own wording; the
    # message and position must be the loader's whatever the parser does
    with pytest.raises(LoadError, match=r"^x\.yaml:1:51: nesting deeper than 50 levels$"):
        parse_text("[" * 30000 + "]" * 30000, "x.yaml")
    with pytest.raises(LoadError, match=r"^x\.yaml:1:51: nesting deeper than 50 levels$"):
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
    with pytest.raises(LoadError, match="nesting deeper than 50 levels"):
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
