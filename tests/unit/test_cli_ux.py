"""Issue 18, the commands: tactics, hints by Chinese name, unknown ids in moves files, scenario ids for
graph/simulate, `new` outside a checkout, list/validate fixes, lazy start-up, completion, one language."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from trainer.cli import COMMANDS, main
from trainer.core.content import catalogue
from trainer.core.content.library import load_library
from trainer.core.content.spec import did_you_mean

ROOT = Path(__file__).resolve().parents[2]


def invoke(*args, input=None):
    r = CliRunner().invoke(main, list(args), input=input, prog_name="trainer")
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r


# ---------------------------------------------------------------- tactics

def test_tactics_json_is_the_catalogue_with_the_contract_fields():
    rows = json.loads(invoke("tactics", "--json").stdout)
    assert [r["id"] for r in rows] == list(catalogue.TACTIC_IDS)
    assert all(set(r) == {"id", "name", "group", "course", "example"} for r in rows)
    red = next(r for r in rows if r["id"] == "red_white_face")
    assert red["name"].startswith("红白脸") and red["group"] in catalogue.GROUPS and red["course"] and red["example"]


def test_tactics_text_lists_every_id_with_its_chinese_name():
    out = invoke("tactics").stdout
    for t in catalogue.TACTICS:
        assert re.search(rf"^  {t.id}\s+{re.escape(t.name)}", out, re.M), t.id


def test_unknown_tactic_hints_by_chinese_name_and_by_id():
    assert did_you_mean("红白脸", catalogue.MOVE_IDS, catalogue.NAMES) == "(是不是 'red_white_face' 红白脸 / 双簧?)"
    assert did_you_mean("verify_balanse", catalogue.MOVE_IDS, catalogue.NAMES) == "(是不是 'verify_balance'?)"
    assert did_you_mean("quality-dispute", ["quality-dispute", "fake-broke"]) == ""  # never the word refused
    assert did_you_mean("欲擒故纵", catalogue.MOVE_IDS, catalogue.NAMES).startswith("(是不是 'feigned_indifference'")


def test_validate_suggests_the_id_for_a_chinese_tactic_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke("new", "persona", "slow").exit_code == 0
    f = tmp_path / "personas" / "slow.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("on: written_commitment", "on: 红白脸"), encoding="utf-8")
    r = invoke("validate", "personas")
    assert r.exit_code == 1
    assert "未知的招式 '红白脸'(是不是 'red_white_face' 红白脸 / 双簧?)" in r.stdout, r.stdout


def test_unknown_tactic_id_in_a_moves_file_exits_2_with_a_hint(tmp_path):
    moves = tmp_path / "m.txt"
    moves.write_text("courtesy\n  verify_balanse\n", encoding="utf-8")
    r = invoke("play", "fake-broke", "--moves", str(moves), "--json")
    assert r.exit_code == 2 and r.stdout == ""
    assert f"{moves}:2:3: 未知招式 'verify_balanse'(是不是 'verify_balance'?)" in r.stderr


def test_chinese_free_text_in_a_moves_file_still_goes_to_the_recogniser():
    r = invoke("play", "fake-broke", "--moves", "-", "--json", input="courtesy\n周总您好,打扰了\n")
    assert r.exit_code == 0, r.stderr
    assert len(json.loads(r.stdout)["turns"]) == 2


# ---------------------------------------------------------------- graph / simulate by scenario id

def test_graph_takes_a_scenario_id():
    lib = load_library()
    differ = [s for s in lib.scenarios.values() if s.persona_id != s.id]
    assert differ, "no scenario whose persona id differs"
    for s in differ:
        r = invoke("graph", s.id)
        assert r.exit_code == 0 and s.persona_id in r.stdout.splitlines()[0], (s.id, r.stderr)


def test_simulate_takes_a_persona_id():
    r = invoke("simulate", "gov-approval", "--json", "--nodes", "30", "--seek", "0", "--games", "5")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["scenario"] == "gov-agency"


def test_graph_unknown_id_is_one_chinese_line():
    r = invoke("graph", "nobody")
    assert r.exit_code == 2 and r.stderr.count("\n") == 1 and "没有编号为 'nobody' 的角色或场景" in r.stderr


# ---------------------------------------------------------------- new

def test_new_outside_a_checkout_points_at_a_schema_that_exists_and_says_trainer_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = invoke("new", "persona", "slow")
    assert r.exit_code == 0
    assert f"export TRAINER_PATH={tmp_path.resolve()}" in r.stdout
    first = (tmp_path / "personas" / "slow.yaml").read_text(encoding="utf-8").splitlines()[0]
    ref = first.split("$schema=", 1)[1]
    if ref.startswith("file://"):
        target = Path(ref[len("file://"):])
    else:
        target = (tmp_path / "personas" / ref).resolve()
    assert target.is_file() and json.loads(target.read_text(encoding="utf-8"))["title"].startswith("回款道场")
    monkeypatch.setenv("TRAINER_PATH", str(tmp_path))
    assert invoke("graph", "slow").exit_code == 0


def test_new_scenario_suggests_the_authors_own_persona_not_an_unrelated_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    invoke("new", "persona", "slow")
    r = invoke("new", "scenario", "y")
    assert r.exit_code == 2 and "slow" in r.stderr
    assert not any(p in r.stderr for p in load_library().personas), r.stderr


def test_the_wheel_ships_the_schemas():
    assert '"docs/schema" = "trainer/content/schema"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


# ---------------------------------------------------------------- play / list / validate

def test_scorecard_without_trainee_says_to_add_it():
    r = invoke("play", "fake-broke", "--moves", "-", "--scorecard", "x.json", input="courtesy\n")
    assert r.exit_code == 2 and "--trainee" in r.stderr
    assert "--trainee" in invoke("play", "--help").stdout.split("--scorecard", 1)[1].split("\n  --")[0]


def test_list_json_paths_are_absolute_from_any_folder(tmp_path, monkeypatch):
    for where in (ROOT, tmp_path):
        monkeypatch.chdir(where)
        data = json.loads(invoke("list", "--json").stdout)
        assert all(os.path.isabs(x["path"]) for x in data["scenarios"] + data["personas"])


def test_list_pads_chinese_by_terminal_cells():
    from rich.cells import cell_len
    lines = [ln for ln in invoke("list").stdout.splitlines() if "元 逾期" in ln]
    ends = {cell_len(ln[:ln.index("元")]) for ln in lines}
    assert len(lines) >= 12 and len(ends) == 1, ends


def test_validate_on_an_empty_folder_says_so_and_exits_1(tmp_path):
    r = invoke("validate", str(tmp_path))
    assert r.exit_code == 1 and "没有找到可检查的文件" in r.stderr


# ---------------------------------------------------------------- start-up and completion

def test_help_imports_no_subcommand_nor_yaml(tmp_path):
    probe = ("import sys\nfrom trainer.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m in ('yaml', 'multiprocessing', 'textual') "
             "or m.startswith('trainer.core') or m in ('trainer.cli.play', 'trainer.cli.authoring')))")
    env = dict(os.environ, TRAINER_HOME=str(tmp_path), PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "[]"


def test_every_lazy_command_loads_and_is_named_as_registered():
    for name, (module, attr, _) in COMMANDS.items():
        cmd = main.get_command(None, name)  # type: ignore[arg-type]
        assert cmd is not None and cmd.name == name, (name, module, attr)


@pytest.mark.parametrize(("words", "expected"), [
    ("trainer play fake", "fake-broke"), ("trainer graph gov", "gov-approval"), ("trainer graph gov", "gov-agency"),
    ("trainer simulate gen", "genuinely-broke"), ("trainer tac", "tactics"),
])
def test_shell_completion_offers_ids(words, expected, tmp_path):
    env = dict(os.environ, COMP_WORDS=words, COMP_CWORD=str(len(words.split()) - 1),
               _TRAINER_COMPLETE="bash_complete", TRAINER_HOME=str(tmp_path), PYTHONPATH=str(ROOT))
    script = Path(sys.executable).parent / "trainer"  # the console script: click names the variable after it
    r = subprocess.run([str(script)], cwd=ROOT, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert f"plain,{expected}" in r.stdout.splitlines(), r.stdout + r.stderr


# ---------------------------------------------------------------- one language

#: English that may appear in user-facing lines: names of formats and tools, shells, the command itself
ALLOWED = {"all", "none", "rubric", "tests", "trainer", "json", "schema", "draft", "mermaid", "graphviz", "dot", "md", "csv", "html", "yaml", "yml",
           "export", "eval", "bash", "zsh", "fish", "source", "persona", "scenario", "personas", "scenarios",
           "tsv", "tab", "file", "version", "mkdir", "stdin", "ms"}


def stray_english(text: str, ids: set[str]) -> list[str]:
    for i in sorted(ids, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(i)}(?![\w-])", " ", text)
    text = re.sub(r"--?[a-z][a-z-]*|\b[A-Z][A-Z_.|]+\b|\S+\.(?:yaml|yml|json|csv|md|tsv)\b|/\S*|`[^`]*`|"
                  r"_[A-Z_]+|'[^']*'|\b[a-z_]+_source\b", " ", text)
    words = re.findall(r"[A-Za-z][A-Za-z_-]+", text)
    return sorted({w for w in words if w.lower() not in ALLOWED and w not in ids})


def test_no_user_facing_english_outside_ids(tmp_path, monkeypatch):
    monkeypatch.setenv("TRAINER_HOME", str(tmp_path / "home"))
    lib = load_library()
    ids = set(catalogue.MOVE_IDS) | set(lib.scenarios) | set(lib.personas) | set(COMMANDS) | {"easy", "normal", "hard", "slow", "y"}
    for p in lib.personas.values():
        ids |= set(p.states)
    outputs = {"--help": invoke("--help").stdout}
    for name in COMMANDS:
        outputs[f"{name} --help"] = invoke(name, "--help").stdout
    outputs["tactics"] = invoke("tactics").stdout
    outputs["list"] = invoke("list").stdout
    outputs["history (none)"] = invoke("history").stdout
    invoke("play", "fake-broke", "--moves", "-", "--save", input="courtesy\nverify_balance\n")
    outputs["history"] = invoke("history").stdout
    outputs["history --compare"] = invoke("history", "--compare", "1").stdout
    outputs["simulate"] = invoke("simulate", "fake-broke", "--nodes", "50", "--seek", "0", "--games", "5").stdout
    outputs["validate (empty)"] = invoke("validate", str(tmp_path)).stderr
    outputs["graph (unknown)"] = invoke("graph", "nobody").stderr
    monkeypatch.chdir(tmp_path)
    outputs["new"] = invoke("new", "persona", "slow").stdout
    outputs["new scenario (no persona)"] = invoke("new", "scenario", "y").stderr
    outputs["play --scorecard"] = invoke("play", "fake-broke", "--moves", "-", "--scorecard", "x.json",
                                         input="courtesy\n").stderr
    outputs["bad option"] = invoke("list", "--bogus").stderr
    stray = {k: w for k, v in outputs.items() if (w := stray_english(v, ids))}
    assert not stray, json.dumps(stray, ensure_ascii=False)
