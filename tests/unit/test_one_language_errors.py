"""Issue 18, one user language: every command fed bad input answers in Chinese.

The walk runs each command with bad arguments, bad options, broken content files, broken scorecards, broken
plans and broken evaluation files, and fails on any output line with an English word that is not an id, a path,
an option name or one of the explicit allow-list below. file:line:col prefixes and quoted values are kept
(they are the user's own words); the JSON contract is untouched (only display text changed).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from trainer.cli import COMMANDS, main
from trainer.core.content import catalogue
from trainer.core.content.library import load_library
from trainer.core.content.models import DIFFICULTIES, RESULTS

ROOT = Path(__file__).resolve().parents[2]

#: English allowed in a user-facing line, each for a reason:
ALLOWED = {
    "trainer",                                    # the command itself
    "YAML", "JSON", "UTF", "MB", "CSV", "UUID",   # names of formats and units
    "errno",                                      # the OS error number when no Chinese reason is known
    "sha", "null", "true", "false",               # values of the files' own syntax
    "all", "none",                                # the words --prepared accepts
    "TAB",                                        # the tab in '标注<TAB>话术' (TSV evaluation files)
    "YYYY-MM-DD",                                 # a date's shape
    "min", "max", "start",                        # meter keys named in a meter's message
}
#: click's metavars (argument placeholders in `用法:` lines): upper-case names of what to type
METAVARS = {"SCENARIO", "CARD", "FOLDER", "PERSONA", "NAME", "FILE", "TEXT", "PLANS", "PLAN", "SESSION", "EVENT",
            "REF", "KIND", "ID", "DIR", "N", "PATH", "PATHS", "ROSTER", "CARDS"}


def english_words(line: str, ids: set[str]) -> list[str]:
    """The English words of ``line`` that are none of: a quoted value, a path, an option, an id, the allow-list."""
    s = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`|「[^」]*」|“[^”]*”", " ", line)  # quoted: the user's words, ids, commands
    s = re.sub(r"\S*[/\\]\S*|\S*\.(?:yaml|yml|json|jsonl|csv|tsv|md|html|txt)\b", " ", s)  # paths, file names
    s = re.sub(r"(?<![\w])--?[A-Za-z][\w-]*", " ", s)  # option names
    s = re.sub(r"\b[\w.]+(?:\.[\w]+)+\b", " ", s)  # dotted JSON keys (score.total, hidden_reason.reason)
    s = re.sub(r"\b\w*_\w*\b", " ", s)  # snake_case: keys and ids (min_score, no_progress)
    words = re.findall(r"[A-Za-z][A-Za-z0-9-]+", s)  # one letter is a name or a variable (x in 0<=x<=9), not prose
    return [w for w in words if w not in ids and w not in ALLOWED and w not in METAVARS]


def _ids() -> set[str]:
    lib = load_library()
    ids = set(catalogue.MOVE_IDS) | set(catalogue.GROUPS) | set(lib.scenarios) | set(lib.personas)
    ids |= set(COMMANDS) | set(DIFFICULTIES) | set(RESULTS) | {"persona", "scenario", "rubric", "mermaid", "dot",
                                                                 "md", "csv", "html", "json", "phrases"}
    for p in lib.personas.values():
        ids |= set(p.states) | {m.name for m in p.meters}
    return ids


def run(*args: str, input: str | None = None, exit_0: bool = False) -> str:
    r = CliRunner().invoke(main, list(args), input=input, prog_name="trainer")
    assert r.exception is None or isinstance(r.exception, SystemExit), (args, r.exception)
    assert exit_0 or r.exit_code != 0, (args, r.output)  # bad input never exits 0
    assert "Traceback" not in r.output
    return r.output


@pytest.fixture
def bad(tmp_path: Path) -> dict[str, Path]:
    """Broken inputs of every kind, written once per test."""
    persona = (ROOT / "personas" / "fake-broke.yaml").read_text(encoding="utf-8")
    files = {
        "yaml_syntax.yaml": "id: x\nfoo: [1\n",
        "yaml_indent.yaml": "a:\n  - x\n b: 1\n",
        "unknown_kind.yaml": "foo: 1\n",
        "empty.yaml": "",
        "alias.yaml": "a: &x 1\nb: *x\n",
        "personas/typo_key.yaml": persona.replace("name: 周老板", "nmae: 周老板", 1),
        "personas/chinese_tactic.yaml": persona.replace("not used(verify_balance)", "not used(红白脸)", 1),
        "personas/bad_start.yaml": persona.replace("start: greeting", "start: greting", 1),
        "personas/bad_condition.yaml": persona.replace("when: pressure >= 45", "when: pressure >=", 1),
        "scenarios/bad_persona.yaml": (ROOT / "scenarios" / "fake-broke.yaml").read_text(encoding="utf-8")
        .replace("persona: fake-broke", "persona: fake-brok", 1).replace("id: fake-broke", "id: other-case", 1),
        "phrases/bad.yaml": "tactics:\n  praize:\n    templates: [您真棒]\n    cues:\n      - regex: '(棒'\n"
                            "        weight: 1\n",
        "plans/bad.yaml": "scenario: fake-broke\nseeds: [1]\nlines:\n  - name: a\n    moves: [courtesy, verify_balanse]\n"
                          "    expect: {result: paid_in_full, min_score: 90, max_score: 10}\n",
        "plans/failing.yaml": "scenario: fake-broke\nseeds: [1]\nlines:\n  - name: a\n    moves: [courtesy]\n"
                              "    expect: {result: paid_in_full, visits: [exposed]}\n",
        "cards/not_json.json": "{",
        "cards/not_card.json": '{"format": "x"}',
        "cards/deep.json": "[" * 3000,
        "eval/bad.tsv": "nosuch\t你好\n",
        "eval/no_tab.tsv": "只有一列\n",
        "eval/bad.jsonl": '{"text": 5}\n',
        "moves.txt": "hello\n",
        "event.yaml": "name: [\n",
    }
    for name, text in files.items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "personas" / "ok.yaml").write_text(persona, encoding="utf-8")
    return {"root": tmp_path}


def test_every_bad_input_is_answered_in_chinese(bad: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    root = bad["root"]
    monkeypatch.setenv("TRAINER_HOME", str(root / "home"))
    ids = _ids()
    out: dict[str, str] = {}

    def walk(*args: str, input: str | None = None, exit_0: bool = False) -> None:
        out[" ".join(args)] = run(*args, input=input, exit_0=exit_0)

    # click's own usage errors
    walk("nosuchcmd")
    walk("play", "--nosuch")
    walk("play")
    walk("play", "fake-broke", "--seed", "abc")
    walk("play", "fake-broke", "--difficulty", "zz")
    walk("play", "fake-broke", "extra", "args")
    walk("list", "--nosuch")
    walk("history", "--compare", "x")
    walk("simulate", "fake-broke", "--nodes", "-5")
    walk("schema", "nosuch")
    walk("event")
    walk("event", "new")
    walk("leaderboard")
    # play
    walk("play", "nosuch")
    walk("play", "fake-brok", "--moves", "-", input="courtesy\n")
    walk("play", "fake-broke", "--json")
    walk("play", "fake-broke", "--moves", str(root / "nofile.txt"))
    walk("play", "fake-broke", "--moves", str(root / "empty"))
    walk("play", "fake-broke", "--moves", str(root / "moves.txt"))
    walk("play", "fake-broke", "--moves", "-", "--from", "1:2", "--seed", "3", input="courtesy\n")
    walk("play", "fake-broke", "--moves", "-", "--from", "x", input="courtesy\n")
    walk("play", "fake-broke", "--moves", "-", "--from", "99:1", input="courtesy\n")
    walk("play", "fake-broke", "--moves", "-", "--prepared", "99", input="courtesy\n")
    walk("play", "fake-broke", "--moves", "-", "--scorecard", str(root / "c.json"), input="courtesy\n")
    walk("play", "fake-broke", "--moves", "-", "--event", str(root / "event.yaml"), "--trainee", "张三",
         input="courtesy\n")
    # no agreement, so no plan table: a notice, and the session itself still counts (exit 0)
    walk("play", "fake-broke", "--moves", "-", "--plan", str(root / "p.csv"), input="courtesy\n", exit_0=True)
    # store
    walk("history", "--compare", "99")
    walk("resume")
    walk("resume", "abc")
    walk("resume", "99")
    # validate
    for f in sorted(root.rglob("*.yaml")):
        if "plans" not in f.parts and f.name != "event.yaml" and f.name != "ok.yaml":
            walk("validate", str(f))
    walk("validate", str(root / "empty"))
    walk("validate", str(root / "nofile.yaml"))
    walk("validate", str(root / "plans" / "bad.yaml"))
    # testplan
    walk("test", str(root / "empty"))
    walk("test", str(root / "plans" / "bad.yaml"))
    walk("test", "-v", str(root / "plans" / "failing.yaml"))
    walk("test", str(root / "nofile.yaml"))
    # leaderboard, replay
    walk("leaderboard", str(root / "cards"))
    walk("leaderboard", str(root / "empty"))
    walk("leaderboard", str(root / "nofile.json"))
    walk("leaderboard", str(root / "cards"), "--event", str(root / "event.yaml"))
    for f in sorted((root / "cards").iterdir()):
        walk("replay", str(f))
    walk("replay", str(root / "nofile.json"))
    # classify
    walk("classify")
    walk("classify", "--today", "2020")
    for f in sorted((root / "eval").iterdir()):
        walk("classify", "--eval", str(f))
    walk("classify", "--eval", str(root / "nofile.tsv"))
    # authoring
    walk("graph", "nosuch")
    walk("simulate", "nosuch")
    walk("new", "persona", "BAD")
    walk("new", "nosuch", "x")
    walk("event", "new", "x", "--roster", str(root / "nofile.csv"), "--scenarios", "fake-broke", "--out",
         str(root / "ev"))

    stray = {}
    for what, text in out.items():
        lines = [ln for ln in text.splitlines() if english_words(ln, ids)]
        if lines:
            stray[what] = lines
    assert not stray, json.dumps(stray, ensure_ascii=False, indent=1)


def test_the_walk_would_catch_english() -> None:
    """The detector itself: English prose is caught; ids, paths, options and quoted values are not."""
    ids = {"fake-broke", "verify_balance", "courtesy"}
    assert english_words("trainer: no session 99; `trainer history` lists them", ids) == \
        ["no", "session", "lists", "them"]
    assert english_words("/a/b.yaml:3:1: 错误:未知的招式 'verify_balanse'(是不是 'verify_balance'?)", ids) == []
    assert english_words("结局 paid_in_full 不在 courtesy 之中 --moves FILE", ids | {"paid_in_full"}) == []
    assert english_words("Did you mean '--no-check'?", ids) == ["Did", "you", "mean"]


def test_os_reasons_are_chinese() -> None:
    from trainer.core.content.oserror import os_reason
    assert os_reason(FileNotFoundError(2, "No such file or directory")) == "文件或文件夹不存在"
    assert os_reason(PermissionError(13, "Permission denied")) == "没有权限"
    assert os_reason(OSError(99999, "Strange")) == "系统错误 errno 99999"
    assert os_reason(ValueError("x")) == "系统错误"
