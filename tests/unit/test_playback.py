"""The replay model (trainer.core.store.playback) and `trainer replay --json`: built from a real card,
strict about hostile items, one-line errors, headless without textual."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from trainer.cli import main
from trainer.core.competition.scorecard import CardError, write_scorecard
from trainer.core.content.catalogue import NONPAYMENT_REASONS as REASONS
from trainer.core.content.library import load_library
from trainer.core.engine.session import Session
from trainer.core.store.playback import load_playback

RIGHT = ["courtesy", "probe_reason", "verify_balance", "timing", "deadline_pressure", "written_commitment"]
WRONG = ["legal_warning", "hostile", "empathize", "valuable_concession"]


@functools.lru_cache(maxsize=1)
def _lib():
    return load_library()


def write_card(path, moves=RIGHT, seed=1):
    lib = _lib()
    sc = lib.scenarios["fake-broke"]
    s = Session(sc, lib.persona_for(sc), seed=seed)
    for m in moves:
        s.play(m)
    return write_scorecard(s, path, "张三", "一组")


def edit(path, fn):
    d = json.loads(path.read_text(encoding="utf-8"))
    fn(d)
    path.write_text(json.dumps(d, ensure_ascii=False, indent=2), encoding="utf-8")


def run(args):
    return CliRunner().invoke(main, args)


def test_playback_from_a_real_card(tmp_path):
    p = tmp_path / "card.json"
    card = write_card(p)
    pb = load_playback(p, lib=_lib())
    assert pb.verified and pb.problem == ""
    assert (pb.trainee, pb.team, pb.scenario_id, pb.seed) == ("张三", "一组", "fake-broke", 1)
    assert [t.move for t in pb.turns] == RIGHT and [t.n for t in pb.turns] == list(range(1, 7))
    assert pb.total == card["score"]["total"] and pb.outcome["result"] == card["outcome"]["result"]
    # every finding is pinned to its turn, or kept as session-level, none lost
    for n in range(1, 7):
        assert [f.message for f in pb.findings_at(n)] == [f["message"] for f in card["findings"] if f["turn"] == n]
    assert [f.message for f in pb.session_findings] == [f["message"] for f in card["findings"] if f["turn"] is None]
    assert sum(map(len, pb.pinned.values())) + len(pb.session_findings) == len(card["findings"])
    persona = _lib().personas["fake-broke"].hidden_reason
    hr = card["hidden_reason"]
    assert pb.hidden_reason == {"reason": persona.reason, "label": REASONS[persona.reason],
                                "found_turn": hr["found_turn"], "truth": persona.truth}
    assert hr["found_turn"] is not None


def test_unverifiable_card_is_still_shown_with_the_reason(tmp_path):
    p = tmp_path / "card.json"
    write_card(p, WRONG)
    edit(p, lambda d: d["score"].update(total=100))
    pb = load_playback(p, lib=_lib())
    assert not pb.verified and "分数与重放不一致" in pb.problem and pb.total == 100
    assert pb.turns and [t.move for t in pb.turns] == WRONG[:len(pb.turns)]  # still has its turns


def test_truth_is_not_taken_from_a_different_local_persona(tmp_path):
    p = tmp_path / "card.json"
    write_card(p)
    edit(p, lambda d: d["persona"].update(sha256="0" * 64))
    pb = load_playback(p, lib=_lib())
    assert not pb.verified and "角色文件与本机的" in pb.problem
    assert pb.hidden_reason["truth"] is None and pb.hidden_reason["label"] == REASONS[3]


def _set(path, value):
    def fn(d):
        *head, last = path
        for k in head:
            d = d[k]
        d[last] = value
    return fn


@pytest.mark.parametrize("fn,message", [
    (_set(["transcript", 3, "reply"], 5), "transcript[3].reply 不是文字"),
    (_set(["transcript", 0], "hello"), "transcript[0] 不是对象"),
    (_set(["transcript", 1, "n"], 7), "transcript[1].n 是 7,应该是 2"),
    (_set(["transcript", 2, "confidence"], float("nan")), "transcript[2].confidence 不是数字"),
    (_set(["transcript", 2, "tactic"], "bribe"), "transcript[2].tactic 'bribe' 不是已知的招式"),
    (_set(["transcript", 0, "note"], ["x"]), "transcript[0].note 不是文字"),
    (_set(["findings", 0, "points"], "20"), "findings[0].points 不是整数"),
    (_set(["findings", 0, "turn"], 99), "findings[0].turn 不是对话记录里的回合"),
    (_set(["findings", 0, "message"], None), "findings[0].message 不是文字"),
    (_set(["findings", 0], 3), "findings[0] 不是对象"),
    (_set(["outcome", "paid"], "lots"), "outcome.paid 不是整数"),
    (_set(["outcome", "plan"], [{"amount": True}]), "outcome.plan[0].amount 不是整数"),
    (_set(["score", "principles", "early"], 1.5), "score.principles.early 不是整数"),
    (_set(["hidden_reason", "found_turn"], 40), "hidden_reason.found_turn 不是对话记录里的回合"),
    (_set(["hidden_reason", "reason"], 0), "课程里的原因编号"),
])
def test_hostile_items_are_one_line_errors_naming_the_item(tmp_path, fn, message):
    p = tmp_path / "card.json"
    write_card(p)
    edit(p, fn)
    with pytest.raises(CardError) as e:
        load_playback(p, verify=False)
    assert message in str(e.value) and "\n" not in str(e.value)
    r = run(["replay", str(p), "--json"])
    assert r.exit_code == 1 and r.stdout == "" and "Traceback" not in r.output
    assert r.stderr.splitlines() == [f"trainer: {p}: {e.value}"]


def test_replay_json(tmp_path):
    p = tmp_path / "card.json"
    card = write_card(p)
    r = run(["replay", str(p), "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["verified"] is True and d["trainee"] == "张三" and d["scenario"]["id"] == "fake-broke"
    assert [t["reply"] for t in d["turns"]] == [t["reply"] for t in card["transcript"]]
    pinned = [f["message"] for t in d["turns"] for f in t["findings"]]
    assert sorted(pinned + [f["message"] for f in d["session_findings"]]) == sorted(
        f["message"] for f in card["findings"])
    assert d["hidden_reason"]["found_turn"] == card["hidden_reason"]["found_turn"]
    assert run(["replay", str(p), "--json"]).stdout == r.stdout  # deterministic


@pytest.mark.parametrize("content,message", [
    (None, "无法读取"),
    (b"{not json", "不是有效的 JSON"),
    (b'{"format": "x"}', "不是评分卡"),
])
@pytest.mark.parametrize("as_json", [True, False])
def test_bad_file_exits_1_with_one_line(tmp_path, content, message, as_json):
    p = tmp_path / "bad.json"
    if content is not None:
        p.write_bytes(content)
    r = run(["replay", str(p)] + (["--json"] if as_json else []))
    assert r.exit_code == 1 and "Traceback" not in r.output and r.stdout == ""
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"trainer: {p}: ") and message in lines[0]


def test_replay_json_does_not_import_textual(tmp_path, repo_root):
    p = tmp_path / "card.json"
    write_card(p)
    probe = ("import sys\nfrom trainer.cli import main\ntry:\n    main(['replay', sys.argv[1], '--json'])\n"
             "except SystemExit as e:\n    assert not e.code\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'), file=sys.stderr)")
    env = dict(os.environ, TRAINER_HOME=str(tmp_path))
    r = subprocess.run([sys.executable, "-c", probe, str(p)], cwd=repo_root, env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["turns"] and r.stderr.strip().splitlines()[-1] == "[]"
