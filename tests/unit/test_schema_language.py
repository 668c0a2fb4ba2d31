"""One user language (issue 18): what the YAML language server shows an instructor on hover — every
`description` and `title` of every schema `trainer schema` offers — is Chinese; English only as ids, key
names and code in backticks. The same holds for the specs of test plans, phrase files, rule kinds and
measures (their descriptions reach instructors the same way), and for the legend `trainer graph` writes."""

import json
import re

import pytest
from click.testing import CliRunner

from trainer.cli import main
from trainer.cli.authoring import schema, schema_for
from trainer.core.authoring.testplan import PLAN_SPEC
from trainer.core.content.spec import Obj
from trainer.core.judging import measures, rules
from trainer.core.language.phrases import TACTIC_SPEC

CJK = re.compile(r"[\u4e00-\u9fff]")
BACKTICKED = re.compile(r"`[^`]*`")
WORD = re.compile(r"[A-Za-z][A-Za-z_]*")
#: English words allowed outside backticks: the two the course's authors use as Chinese does
ALLOWED = {"id", "Python"}

KINDS = schema.params[0].type.choices  # every kind `trainer schema` offers


def texts(node, out):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("description", "title") and isinstance(v, str):
                out.append(v)
            else:
                texts(v, out)
    elif isinstance(node, list):
        for v in node:
            texts(v, out)
    return out


def english(text: str) -> list[str]:
    return [w for w in WORD.findall(BACKTICKED.sub("", text)) if w not in ALLOWED]


def check(strings: list[str]) -> list[str]:
    return [s for s in strings if not CJK.search(s) or english(s)]


def test_the_check_catches_english():
    assert check(["amount owed, yuan", "欠款金额(元)", "默认 irritation", "默认 `irritation`", "招式 id"]) == [
        "amount owed, yuan", "默认 irritation"]


def test_schema_offers_the_three_kinds():
    assert set(KINDS) >= {"persona", "scenario", "rubric"}


@pytest.mark.parametrize("kind", KINDS)
def test_every_description_of_every_schema_is_chinese(kind):
    strings = texts(schema_for(kind), [])
    assert len(strings) >= 5
    assert check(strings) == []


def test_schema_command_output_is_chinese():
    r = CliRunner().invoke(main, ["schema", "persona"])
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert doc["title"] == "回款道场 角色(欠款人状态机)"
    assert doc["properties"]["name"]["description"] == "学员看到的称呼,如 周老板"


def test_plan_phrase_rule_and_measure_descriptions_are_chinese():
    specs = [PLAN_SPEC, TACTIC_SPEC]
    specs += [Obj(k.params) for k in rules.KINDS.values()]
    specs += [Obj(m.params) for m in measures.MEASURES.values()]
    strings = [s for spec in specs for s in texts(spec.schema(), [])]
    assert len(strings) >= 60
    assert check(strings) == []


def test_rule_selectors_do_not_depend_on_the_descriptions():
    """Selectors were once found by an English description starting "moves"; now by their type."""
    assert {k.name: k.selectors for k in rules.KINDS.values()} == {
        "before_any": ("moves", "needs"), "escalation": ("at",), "before_deal": ("needs", "anchor"),
        "missing_by_end": ("needs",), "move": ("moves", "after", "before"), "only_moves": ("moves", "ignore"),
        "repetition": ("except", "ignore"), "ending": (), "hidden_reason": (), "ladder": ("at",),
        "signed": ("moves",), "remedy": ("moves", "established_by")}


@pytest.mark.parametrize(("fmt", "mark"), [("mermaid", "%%"), ("dot", "//")])
def test_graph_legend_is_chinese(fmt, mark):
    r = CliRunner().invoke(main, ["graph", "fake-broke", "--format", fmt])
    assert r.exit_code == 0, r.output
    legend = [line[len(mark):] for line in r.stdout.splitlines() if line.startswith(mark)][1:]  # after the id line
    assert len(legend) == 2
    allowed_ids = {"auto"}  # the persona key that makes the dashed edges
    for line in legend:
        assert CJK.search(line), line
        assert [w for w in english(line) if w not in allowed_ids] == [], line
    assert "start_((开始))" in r.stdout or fmt == "dot"


def undescribed(node, path, out):
    """Properties (and free-key values) of a schema that an editor would show without a description."""
    if isinstance(node, dict):
        for key in ("properties", "patternProperties"):
            for k, v in node.get(key, {}).items():
                if k != "$schema" and "description" not in v:
                    out.append(f"{path}.{k}")
                undescribed(v, f"{path}.{k}", out)
        if isinstance(node.get("items"), dict):
            undescribed(node["items"], f"{path}[]", out)
        for i, v in enumerate(node.get("anyOf", [])):
            undescribed(v, f"{path}|{i}", out)
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_every_key_of_every_schema_has_a_description(kind):
    """Hover on any key in the editor says what it is, in Chinese (a list that also takes a single item
    carries the description on its anyOf, where the editor looks)."""
    assert undescribed(schema_for(kind), kind, []) == []
