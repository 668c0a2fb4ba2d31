"""Property tests: whatever bytes, text or YAML-ish structure comes in, the loader and builders answer
with LoadError or Problems — never another exception. Examples are bounded so this runs in seconds."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.core.content.analysis import lint_persona
from trainer.core.content.models import build_persona, build_scenario
from trainer.core.content.spec import Problems
from trainer.core.content.yamlsafe import LoadError, YNode, decode, parse_text

from .test_engine import MINI_PERSONA, MINI_SCENARIO

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

KEYS = ["id", "name", "archetype", "meters", "start", "states", "reactions", "auto", "default", "on", "in", "to",
        "when", "effects", "replies", "label", "ending", "result", "paid", "case", "persona", "owed", "turn_limit",
        "difficulty", "goals", "hidden_reason", "repetition", "plan", "share", "x", "名字"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, width=32),
                    st.text(max_size=12), st.sampled_from(["verify_balance", "法", "talk", "paid_in_full",
                                                           "willingness >= 40", "used(", "{contact}", "{bad}"]))
structures = st.recursive(scalars, lambda kids: st.one_of(
    st.lists(kids, max_size=4), st.dictionaries(st.sampled_from(KEYS), kids, max_size=6)), max_leaves=25)


def try_build(text: str, path: str = "x.yaml") -> None:
    try:
        root = parse_text(text, path)
    except LoadError as e:
        assert str(e).startswith(path + ":")
        return
    assert isinstance(root, YNode)
    for build in (build_persona, build_scenario):
        out = Problems()
        result = build(root, text, out) if root.kind == "mapping" else None
        if root.kind == "mapping":
            assert result is not None or out.errors
        if build is build_persona and result is not None:
            lint_persona(result, root, out)  # the warnings pass must survive anything that builds
        root = parse_text(text, path)  # builders may normalise nodes in place; start fresh


@FAST
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data):
    try:
        text = decode("x.yaml", data)
    except LoadError as e:
        assert str(e).startswith("x.yaml:")
        return
    try_build(text)


@FAST
@given(st.text(max_size=300))
def test_arbitrary_text(text):
    try_build(text)


@FAST
@given(st.text(alphabet=st.sampled_from(list("[]{}:-,?&*!|>'\"#\n a1")), max_size=200))
def test_yaml_punctuation_soup(text):
    try_build(text)


@FAST
@given(structures)
def test_yaml_ish_structures(obj):
    try_build(json.dumps(obj, ensure_ascii=False))  # JSON is YAML: arbitrary shapes under the real keys


def _mutations(base: str):
    lines = base.splitlines()
    return st.tuples(st.integers(0, len(lines) - 1), st.sampled_from(
        ["", "  ", "x", ": ", "- ", "[", "{", "}", "]", "on: 法", "to: nowhere", "when: turn >", "effects: {a: 1}",
         "replies: []", "start: 9999999999999999999999", "label:", "&a", "*a", "\t"]), st.booleans()
    ).map(lambda m: "\n".join(lines[:m[0]] + ([m[1]] if m[2] else [lines[m[0]] + m[1]]) + lines[m[0] + 1:]))


@FAST
@given(_mutations(MINI_PERSONA))
def test_mutated_persona(text):
    try_build(text, "p.yaml")


@FAST
@given(_mutations(MINI_SCENARIO))
def test_mutated_scenario(text):
    try_build(text, "s.yaml")
