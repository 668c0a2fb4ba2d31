"""Scorecards (write → read → replay-verify), the leaderboard and the 回收计划表, through the CLI too."""

from __future__ import annotations

import csv
import dataclasses
import functools
import hashlib
import io
import json

import pytest
from click.testing import CliRunner

from trainer.cli import main
from trainer.core.competition.leaderboard import verify_all
from trainer.core.competition.plan_table import PlanError, plan_csv, write_plan
from trainer.core.competition.render import RENDERERS, md_escape
from trainer.core.competition.scorecard import CardError, read_card, verify_card, write_scorecard
from trainer.core.content.library import load_library
from trainer.core.engine.session import Session
from trainer.core.judging.rubric import load_rubric, rubric_file

# 喊高取中 lands in the middle unless the money is caught on his account: the right line ends on 把握时机
RIGHT = ("courtesy\nprobe_reason\nverify_balance\ntiming\nrebut_excuse\nask_high_settle_middle\ndeadline_pressure\n"
         "written_commitment\ntiming\n")
HALF = ("courtesy\nprobe_reason\nverify_balance\ntiming\nrebut_excuse\ninstallment_plan\ndeadline_pressure\n"
        "written_commitment\npersist\n")
WRONG = "legal_warning\nhostile\nempathize\nvaluable_concession\n"


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input)


@functools.lru_cache(maxsize=1)
def _lib():
    return load_library()


def card(tmp_path, name, moves, trainee, team, seed=1):
    """A scorecard as the TUI writes it (the CLI path is tested in the round trip)."""
    lib = _lib()
    sc = lib.scenarios["fake-broke"]
    s = Session(sc, lib.persona_for(sc), seed=seed)
    for m in moves.split():
        s.play(m)
    out = tmp_path / name
    write_scorecard(s, out, trainee, team)
    return out


def edit(path, fn):
    d = json.loads(path.read_text(encoding="utf-8"))
    fn(d)
    path.write_text(json.dumps(d, ensure_ascii=False, indent=2), encoding="utf-8")


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ------------------------------------------------------------------ round trip
def test_headless_scorecard_round_trip(tmp_path, repo_root):
    r = run(["play", "fake-broke", "--moves", "-", "--seed", "7", "--json", "--scorecard", str(tmp_path / "c.json"),
             "--trainee", "张三", "--team", "一组"], RIGHT)
    assert r.exit_code == 0, r.output
    printed = json.loads(r.stdout)  # stdout stays one JSON object
    c, _ = read_card(tmp_path / "c.json")
    assert c["trainee"] == "张三" and c["team"] == "一组" and c["seed"] == 7 and c["difficulty"] == "normal"
    assert c["scenario"]["id"] == "fake-broke" and c["version"] and c["created_at"]
    assert c["scenario"]["sha256"] == sha(repo_root / "scenarios" / "fake-broke.yaml")
    assert c["persona"]["sha256"] == sha(repo_root / "personas" / "fake-broke.yaml")
    assert c["rubric"]["sha256"] == sha(rubric_file())
    assert c["moves"] == RIGHT.split()
    assert c["transcript"] == printed["turns"] and c["outcome"] == printed["outcome"]
    assert c["score"] == printed["score"] and c["findings"] == printed["findings"]
    verify_card(c, load_library(), __import__("trainer.core.judging.rubric", fromlist=["x"]).load_rubric())


def test_scorecard_needs_a_trainee_and_moves(tmp_path):
    r = run(["play", "fake-broke", "--moves", "-", "--scorecard", str(tmp_path / "c.json")], RIGHT)
    assert r.exit_code == 2 and "--trainee" in r.output and "Traceback" not in r.output
    r = run(["play", "fake-broke", "--moves", "-", "--scorecard", str(tmp_path / "c.json"), "--trainee", "a\x07b"],
            RIGHT)
    assert r.exit_code == 2 and "含有控制字符" in r.output
    assert not (tmp_path / "c.json").exists()


def test_hand_chosen_tactic_is_kept_and_replays(tmp_path):
    lib = load_library()
    sc = lib.scenarios["fake-broke"]
    s = Session(sc, lib.persona_for(sc), seed=3)
    s.play_tactic("courtesy", "嗯嗯")  # the TUI let the trainee pick the tactic by hand
    s.play("verify_balance")
    write_scorecard(s, tmp_path / "t.json", "赵六", "三组")
    c, _ = read_card(tmp_path / "t.json")
    assert c["moves"][0] == {"text": "嗯嗯", "tactic": "courtesy", "confidence": 1.0}
    assert c["moves"][1] == "verify_balance"
    board = verify_all([str(tmp_path)])
    assert not board.rejected and len(board.accepted) == 1


# ------------------------------------------------------------------ tampering → rejected by name
@pytest.mark.parametrize("what,fn,reason", [
    ("score", lambda d: d["score"].update(total=100), "分数与重放不一致"),
    ("principle", lambda d: d["score"]["principles"].update(benefit=100), "分数与重放不一致"),
    ("moves", lambda d: d["moves"].__setitem__(0, "legal_warning"), "不一致"),
    ("outcome", lambda d: d["outcome"].update(paid=999), "结局与重放不一致"),
    ("transcript", lambda d: d["transcript"][1].update(reply="我马上付"), "对话记录与重放在第 2 回合不一致"),
    ("seed", lambda d: d.update(seed=99), "不一致"),
    ("findings", lambda d: d["findings"].pop(), "评语与重放不一致"),
])
def test_edited_card_is_rejected_by_name(tmp_path, what, fn, reason):
    good = card(tmp_path, "good.json", WRONG, "李四", "二组")
    bad = card(tmp_path, f"edited-{what}.json", RIGHT, "张三", "一组")
    edit(bad, fn)
    r = run(["leaderboard", str(tmp_path), "--format", "json"])
    assert r.exit_code == 1, r.output
    assert f"不予计分 {bad}" in r.stderr and reason in r.stderr, r.stderr
    d = json.loads(r.stdout)
    assert [x["file"] for x in d["rejected"]] == [str(bad)]
    assert [i["name"] for i in d["individuals"]] == ["李四"]  # the rest is still ranked
    assert str(good) not in r.stderr


@pytest.mark.parametrize("part", ["scenario", "persona", "rubric"])
def test_card_hashes_only_name_a_content_version(tmp_path, part):
    """Verification is by replay: a card whose file hashes differ from the local files (edited, or the
    files changed since) still stands when its replay is identical, flagged as played on another version."""
    a = card(tmp_path, "a.json", RIGHT, "张三", "一组")
    edit(a, lambda d: d[part].update(sha256="0" * 64))
    board = verify_all([str(tmp_path)])
    assert not board.rejected and len(board.accepted) == 1 and board.accepted[0].changed
    assert board.versions()[0]["note"] == "内容已更新,重放一致"


def test_changed_local_scenario_keeps_old_cards_that_replay_identically(tmp_path):
    card(tmp_path, "a.json", RIGHT, "张三", "一组")
    lib = load_library()
    lib.scenarios["fake-broke"] = dataclasses.replace(lib.scenarios["fake-broke"], sha256="f" * 64)
    board = verify_all([str(tmp_path)], lib=lib)
    assert not board.rejected and board.accepted[0].changed
    for fmt in ("md", "html", "csv"):
        assert "内容已更新,重放一致" in RENDERERS[fmt](board)


@pytest.mark.parametrize("content,reason", [
    (b"{not json", "不是有效的 JSON"),
    (b'{"format": "something-else"}', "不是评分卡"),
    (b"\xff\xfe", "不是 UTF-8"),
    (b"[" * 100000 + b"]" * 100000, "JSON"),
])
def test_broken_files_are_rejected_not_crashing(tmp_path, content, reason):
    (tmp_path / "x.json").write_bytes(content)
    r = run(["leaderboard", str(tmp_path / "x.json")])
    assert r.exit_code == 1 and reason in r.stderr and "Traceback" not in r.output


def test_unknown_tactic_in_moves_is_rejected(tmp_path):
    p = card(tmp_path, "a.json", RIGHT, "张三", "一组")
    edit(p, lambda d: d["moves"].__setitem__(0, {"text": "x", "tactic": "bribe"}))
    with pytest.raises(CardError, match="未知的招式"):
        read_card(p)


# ------------------------------------------------------------------ duplicates
def test_duplicates_are_counted_once(tmp_path):
    a = card(tmp_path, "a.json", RIGHT, "张三", "一组")
    (tmp_path / "a-copy.json").write_bytes(a.read_bytes())
    again = card(tmp_path, "b-again.json", RIGHT, "张三", "一组")  # played again: same trainee+scenario+moves+seed
    edit(again, lambda d: d.update(created_at="2026-01-01T08:00:00+00:00", team="二组"))
    r = run(["leaderboard", str(tmp_path), "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    whys = {x["file"].rsplit("/", 1)[-1]: x["why"] for x in d["duplicates"]}
    assert whys == {"a.json": "文件完全相同", "b-again.json": "学员、场景、走法和种子都相同"}
    assert d["cards"] == 1 and d["individuals"][0]["cards"] == 1


# ------------------------------------------------------------------ ranking and the four formats
@pytest.fixture
def cards(tmp_path):
    card(tmp_path, "1.json", RIGHT, "张三", "一组")
    card(tmp_path, "2.json", WRONG, "李四 <script>alert(1)</script>", "二组|*x*")
    card(tmp_path, "3.json", HALF, "王五", "二组|*x*", seed=2)
    card(tmp_path, "4.json", WRONG, "张三", "一组", seed=5)  # worse, same scenario: the best counts
    card(tmp_path, "5.json", RIGHT, "=HYPERLINK(1)", "", seed=9)
    return tmp_path


def test_ranking_rules(cards):
    board = verify_all([str(cards)])
    assert not board.rejected and len(board.accepted) == 5
    people = {s.name: s for s in board.individuals}
    totals = {c.data["trainee"]: c.total for c in board.accepted if c.file.endswith(("1.json", "2.json", "3.json"))}
    assert people["张三"].score == totals["张三"] and people["张三"].cards == 2  # best per scenario
    assert [s.rank for s in board.individuals][:2] == [1, 1]  # 张三 and =HYPERLINK(1) played the same line: tie
    teams = {t.name: t for t in board.teams}
    assert set(teams) == {"一组", "二组|*x*"}  # no team → individuals only
    two = teams["二组|*x*"]
    assert two.members == 2 and two.score == round((totals["王五"] + totals["李四 <script>alert(1)</script>"]) / 2, 1)
    assert board.teams[0].name == "一组" and board.teams[0].rank == 1


@pytest.mark.parametrize("fmt", ["md", "csv", "html", "json"])
def test_every_format_lists_every_trainee_and_team(cards, fmt):
    r = run(["leaderboard", str(cards), "--format", fmt])
    assert r.exit_code == 0, r.output
    out = r.stdout
    if fmt == "json":
        d = json.loads(out)
        names = {i["name"] for i in d["individuals"]} | {t["name"] for t in d["teams"]}
        assert names == {"张三", "李四 <script>alert(1)</script>", "王五", "=HYPERLINK(1)", "一组", "二组|*x*"}
    elif fmt == "csv":
        assert out.startswith("\ufeff")
        rows = list(csv.reader(io.StringIO(out[1:])))
        names = {row[2] for row in rows[1:]}
        assert {"张三", "李四 <script>alert(1)</script>", "王五", "'=HYPERLINK(1)", "一组", "二组|*x*"} <= names
    elif fmt == "md":
        for n in ("张三", "王五", "一组", md_escape("李四 <script>alert(1)</script>"), md_escape("二组|*x*")):
            assert n in out
        assert "<script>" not in out and "二组\\|\\*x\\*" in out
    else:
        for n in ("张三", "王五", "一组", "李四 &lt;script&gt;alert(1)&lt;/script&gt;", "二组|*x*"):
            assert n in out
        assert "<script>" not in out and "<style>" in out and out.count("<h3>") == 8  # a chart per principle
        assert "src=" not in out and "<link" not in out  # self-contained


def test_csv_file_has_bom_and_keeps_chinese(cards, tmp_path):
    out = tmp_path / "board.csv"
    r = run(["leaderboard", str(cards), "--format", "csv", "-o", str(out)])
    assert r.exit_code == 0, r.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "先进个人".encode() in data and "优胜组".encode() in data


def test_renderers_are_deterministic(cards):
    a, b = verify_all([str(cards)]), verify_all([str(cards)])
    for fmt, render in RENDERERS.items():
        assert render(a) == render(b), fmt


def test_no_cards_is_a_usage_error(tmp_path):
    r = run(["leaderboard", str(tmp_path)])
    assert r.exit_code == 2 and "没有找到评分卡" in r.output


# ------------------------------------------------------------------ 回收计划表
def _session(moves, seed=2):
    lib = _lib()
    sc = lib.scenarios["fake-broke"]
    s = Session(sc, lib.persona_for(sc), seed=seed)
    for m in moves.split():
        s.play(m)
    return s


def test_plan_csv_and_markdown(tmp_path):
    s = _session(HALF)
    assert s.outcome.result == "partial"
    write_plan(s, tmp_path / "p.csv")
    write_plan(s, tmp_path / "p.md")
    raw = (tmp_path / "p.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    items = [r for r in rows if r["序号"] != "合计"]
    assert [(int(r["本期回收金额(元)"]), r["计划回收日期"]) for r in items] == [
        (p["amount"], p["due_date"]) for p in s.outcome.plan]
    assert items[0]["状态"].startswith("已收") and items[1]["状态"] == "待收"
    md = (tmp_path / "p.md").read_text(encoding="utf-8")
    assert md.startswith("# 应收账款回收计划表") and s.scenario.case.company in md
    assert all(p["due_date"] in md for p in s.outcome.plan)


def test_no_agreement_no_plan(tmp_path):
    with pytest.raises(PlanError):
        plan_csv(_session(WRONG))
    r = run(["play", "fake-broke", "--moves", "-", "--json", "--plan", str(tmp_path / "p.csv")], WRONG)
    assert r.exit_code == 0 and "没有写" in r.stderr and not (tmp_path / "p.csv").exists()
    json.loads(r.stdout)


def test_cli_plan_written_on_agreement(tmp_path):
    r = run(["play", "fake-broke", "--moves", "-", "--seed", "2", "--plan", str(tmp_path / "p.md")], HALF)
    assert r.exit_code == 0, r.output
    assert "回收计划表" in (tmp_path / "p.md").read_text(encoding="utf-8")


# ------------------------------------------------------------------ the hidden reason
def test_card_says_whether_and_when_the_hidden_reason_was_found(tmp_path):
    lib = _lib()
    found = json.loads(card(tmp_path, "right.json", RIGHT, "张三", "一组").read_text(encoding="utf-8"))
    missed = json.loads(card(tmp_path, "wrong.json", WRONG, "李四", "二组").read_text(encoding="utf-8"))
    reason = lib.persona_for(lib.scenarios["fake-broke"]).hidden_reason.reason
    revealed = [t["n"] for t in found["transcript"] if t["revealed"]]
    assert revealed and found["hidden_reason"] == {"reason": reason, "found_turn": revealed[0]}
    assert missed["hidden_reason"] == {"reason": reason, "found_turn": None}
    verify_card(found, lib, load_rubric())


@pytest.mark.parametrize("value,reason", [
    ({"reason": 3, "found_turn": 1}, "隐藏原因与重放不一致"),
    (None, "隐藏原因与重放不一致"),
    ({"reason": 14, "found_turn": None}, "课程里的原因编号"),
    ({"reason": 3, "found_turn": "2"}, "不是回合数"),
    ([3], "类型不对"),
])
def test_edited_hidden_reason_is_rejected(tmp_path, value, reason):
    p = card(tmp_path, "a.json", RIGHT, "张三", "一组")
    edit(p, lambda d: d.update(hidden_reason=value))
    with pytest.raises(CardError, match=reason):
        verify_card(read_card(p)[0], _lib(), load_rubric())


def test_older_card_without_hidden_reason_still_verifies(tmp_path):
    p = card(tmp_path, "a.json", RIGHT, "张三", "一组")
    edit(p, lambda d: d.pop("hidden_reason"))
    verify_card(read_card(p)[0], _lib(), load_rubric())


def test_scorecards_are_readable_by_others(tmp_path):
    # scorecards are handed in and shared: mkstemp's private 0600 must not leak through
    import os
    import stat

    from trainer.core.competition.output import write_text_atomic

    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "card.json", "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "card.json").stat().st_mode) == 0o644


def _written_card(tmp_path, moves, seed=3):
    """A fake-broke card written after ``moves``, read back as JSON, with the library and rubric to verify it."""
    import json as _json

    from trainer.core.competition.scorecard import write_scorecard
    from trainer.core.content.library import load_library
    from trainer.core.engine.session import Session
    from trainer.core.judging.rubric import load_rubric

    lib = load_library()
    sc = lib.scenarios["fake-broke"]
    s = Session(sc, lib.persona_for(sc), seed=seed)
    for m in moves:
        s.play(m)
    write_scorecard(s, tmp_path / "c.json", "张三", "一组")
    return _json.loads((tmp_path / "c.json").read_text(encoding="utf-8")), lib, load_rubric()


def test_a_card_written_before_turns_carried_what_was_heard_still_verifies(tmp_path):
    from trainer.core.competition.scorecard import HEARD_FIELDS, verify_card

    card, lib, rubric = _written_card(tmp_path, ("courtesy", "verify_balance", "timing"))
    for t in card["transcript"]:
        for k in HEARD_FIELDS:
            t.pop(k, None)
    verify_card(card, lib, rubric)  # no CardError
    card["transcript"][1]["reply"] = "改过的回答"
    with pytest.raises(Exception, match="第 2 回合"):
        verify_card(card, lib, rubric)


def test_a_rejection_quoting_the_card_stays_one_line(tmp_path):
    # found by bench/fuzz/fuzz_readers.py: a difficulty holding a line break made a two-line reason
    import json as _json

    from trainer.core.competition.scorecard import CardError, parse_card, write_scorecard
    from trainer.core.content.library import load_library
    from trainer.core.engine.session import Session

    lib = load_library()
    sc = lib.scenarios["fake-broke"]
    s = Session(sc, lib.persona_for(sc), seed=1)
    s.play("courtesy")
    write_scorecard(s, tmp_path / "c.json", "张三")
    card = _json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    with pytest.raises(CardError, match="未知的难度") as e:
        parse_card(_json.dumps({**card, "difficulty": "\nS\x07\x1b[2J" + "x" * 1000}).encode())
    assert "\n" not in str(e.value) and "\x1b" not in str(e.value) and len(str(e.value)) <= 300


def test_a_card_written_before_findings_quoted_the_reaction_still_verifies(tmp_path):
    import json as _json

    from trainer.core.competition.scorecard import FINDING_ADDED, CardError, verify_card

    card, lib, rubric = _written_card(tmp_path, ("legal_warning", "hostile", "valuable_concession"))
    assert any(f["reaction"] for f in card["findings"])
    verify_card(card, lib, rubric)
    old = _json.loads(_json.dumps(card))
    for f in old["findings"]:
        for k in FINDING_ADDED:
            f.pop(k, None)
    verify_card(old, lib, rubric)  # no CardError
    forged = _json.loads(_json.dumps(card))
    forged["findings"][0]["reaction"] = "改过的反应"
    with pytest.raises(CardError, match="评语"):
        verify_card(forged, lib, rubric)
