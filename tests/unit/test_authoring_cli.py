"""`trainer schema | graph | simulate | new` through click's CliRunner."""

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from trainer.cli import main
from trainer.cli.authoring import schema_text
from trainer.core.content.library import yaml_files
from trainer.core.content.yamlsafe import load_file

ROOT = Path(__file__).resolve().parents[2]


def invoke(*args):
    r = CliRunner().invoke(main, list(args))
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r


# ---------------------------------------------------------------- schema

@pytest.mark.parametrize("kind", ["persona", "scenario"])
def test_schema_is_draft_2020_12_and_every_shipped_file_passes(kind):
    r = invoke("schema", kind)
    assert r.exit_code == 0
    schema = json.loads(r.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = yaml_files(ROOT / f"{kind}s")
    assert files
    for f in files:
        errors = [e.message for e in validator.iter_errors(load_file(f).plain())]
        assert not errors, (f, errors[:3])
        assert f.read_text(encoding="utf-8").startswith(
            f"# yaml-language-server: $schema=../docs/schema/{kind}.schema.json"), f


@pytest.mark.parametrize("kind", ["persona", "scenario"])
def test_docs_schema_files_are_in_sync_with_the_specs(kind):
    shipped = (ROOT / "docs" / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text(kind), f"regenerate: trainer schema {kind} > docs/schema/{kind}.schema.json"


def test_schema_rejects_what_validate_rejects():
    validator = jsonschema.Draft202012Validator(json.loads(invoke("schema", "persona").stdout))
    good = load_file(ROOT / "personas" / "fake-broke.yaml").plain()
    assert validator.is_valid(good)
    for breakage in ({"nmae": "x"}, {"start": 3}, {"reactions": [{"on": "verify_balanse", "replies": ["x"]}]},
                     {"meters": {"trust": {"label": "客情"}}}):
        assert not validator.is_valid({**good, **breakage}), breakage


def test_schema_offers_the_tactic_catalogue():
    schema = json.loads(invoke("schema", "persona").stdout)
    on = json.dumps(schema["properties"]["reactions"]["items"]["properties"]["on"], ensure_ascii=False)
    assert '"verify_balance"' in on and '"法"' in on and '"hostile"' in on


# ---------------------------------------------------------------- graph

@pytest.mark.parametrize("ref", ["fake-broke", "personas/fake-broke.yaml"])
def test_graph_mermaid_by_id_or_path(ref, monkeypatch):
    monkeypatch.chdir(ROOT)
    r = invoke("graph", ref, "--format", "mermaid")
    assert r.exit_code == 0
    assert "flowchart LR" in r.stdout
    assert 's_checked -->|"timing"| s_exposed' in r.stdout
    assert '-.->|"irritation >= 80"| s_walked_out' in r.stdout  # auto rule: dashed
    assert "s_paid_full(((" in r.stdout  # ending: double circle


def test_graph_dot():
    r = invoke("graph", "fake-broke", "--format", "dot")
    assert r.exit_code == 0 and r.stdout.startswith("// fake-broke") and "digraph" in r.stdout
    assert '"paid_full" [shape=doublecircle' in r.stdout and "style=dashed" in r.stdout


def test_graph_unknown_persona_is_one_line_with_suggestion():
    r = invoke("graph", "fake-brok")
    assert r.exit_code == 2 and "是不是 'fake-broke'?" in r.stderr and len(r.stderr.splitlines()) == 1


# ---------------------------------------------------------------- simulate

def test_simulate_json_fields_and_determinism():
    args = ["simulate", "fake-broke", "--json", "--seed", "3", "--nodes", "200", "--games", "40"]
    a, b = invoke(*args), invoke(*args)
    assert a.exit_code == 0 and a.stdout == b.stdout
    data = json.loads(a.stdout)
    for key in ("reachable_states", "endings", "dead_ends", "random_play", "course_policy", "best_line"):
        assert key in data
    assert data["endings"]["paid_full"]["reached"]
    assert data["best_line"]["recovered_ratio"] > 0
    assert 0 <= data["random_play"]["win_rate"] <= 1


def test_simulate_unknown_scenario_exits_2():
    r = invoke("simulate", "fake-brok", "--json")
    assert r.exit_code == 2 and "fake-broke" in r.stderr


def test_simulate_human_summary():
    r = invoke("simulate", "fake-broke", "--nodes", "100", "--games", "20")
    assert r.exit_code == 0 and "结局 paid_full" in r.stdout and "随机对练" in r.stdout


# ---------------------------------------------------------------- new

def test_new_persona_and_scenario_validate_clean_and_refuse_overwrite(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke("new", "persona", "slow-payer").exit_code == 0
    assert invoke("new", "scenario", "slow-payer").exit_code == 0
    text = (tmp_path / "personas" / "slow-payer.yaml").read_text(encoding="utf-8")
    assert "id: slow-payer" in text and "# 新角色" in text
    r = invoke("validate", "personas", "scenarios")
    assert r.exit_code == 0 and r.stdout == "", r.stdout  # no errors, no warnings
    again = invoke("new", "persona", "slow-payer")
    assert again.exit_code == 1 and "已经存在" in again.stderr
    assert (tmp_path / "personas" / "slow-payer.yaml").read_text(encoding="utf-8") == text
    sim = json.loads(invoke("simulate", "scenarios/slow-payer.yaml", "--json", "--games", "20").stdout)
    assert sim["unreached_states"] == [] and sim["dead_ends"] == []


@pytest.mark.parametrize("name", ["Bad", "has space", "x/../y", "9lives", "中文", "a--b"])
def test_new_refuses_invalid_ids(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = invoke("new", "persona", name)
    assert r.exit_code == 2 and "不是有效的编号" in r.stderr
    assert not (tmp_path / "personas").exists()


def test_new_scenario_needs_a_known_persona(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = invoke("new", "scenario", "orphan")
    assert r.exit_code == 2 and "没有编号为 'orphan' 的角色" in r.stderr
    assert invoke("new", "scenario", "mine", "--persona", "fake-broke").exit_code == 0
    assert invoke("validate", "scenarios").exit_code == 0
