"""Issue 16: a bad card is rejected alone, plain outputs are safe, one rounding rule, verification by replay."""

from __future__ import annotations

import csv
import functools
import io
import json
import re

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.cli import main
from trainer.core.competition.leaderboard import Board, Standing, verify_all
from trainer.core.competition.output import half_up, plain
from trainer.core.competition.render import RENDERERS
from trainer.core.competition.scorecard import CardError, parse_card, write_scorecard
from trainer.core.content.library import Problems, load_library, load_persona_file
from trainer.core.engine.session import Session

LINE = "courtesy probe_reason verify_balance timing rebut_excuse"
ESC_ID = "x\x1b]0;pwned\x07\x1b[2J"


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input)


@functools.lru_cache(maxsize=1)
def _lib():
    return load_library()


def card(folder, name, trainee="张三", team="一组", seed=1, moves=LINE, lib=None):
    lib = lib or _lib()
    sc = lib.scenarios["fake-broke"]
    s = Session(sc, lib.persona_for(sc), seed=seed)
    for m in moves.split():
        s.play(m)
    out = folder / name
    write_scorecard(s, out, trainee, team)
    return out


def edit(path, fn):
    d = json.loads(path.read_text(encoding="utf-8"))
    fn(d)
    path.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")


# ------------------------------------------------------------------ one crafted card never kills the board
@pytest.mark.parametrize("what,raw,reason", [
    ("huge seed", lambda t: re.sub(r'"seed": \d+', '"seed": ' + "9" * 5000, t), "超过 18 位"),
    ("huge confidence", lambda t: t.replace('"moves": [', '"moves": [{"text": "x", "tactic": "courtesy", '
                                            '"confidence": 1' + "0" * 400 + '}, ', 1), "超过 18 位"),
    ("negative seed", lambda t: re.sub(r'"seed": \d+', '"seed": -7', t), "seed"),
    ("NaN", lambda t: re.sub(r'"total": \d+', '"total": NaN', t), "score.total"),
    ("infinite confidence", lambda t: t.replace('"moves": [', '"moves": [{"text": "x", "tactic": "courtesy", '
                                                '"confidence": 1e999}, ', 1), "confidence"),
    ("total 1000", lambda t: re.sub(r'"total": \d+', '"total": 1000', t), "score.total"),
    ("principle 1e300", lambda t: re.sub(r'"benefit": \d+', '"benefit": 1e300', t), "score.principles.benefit"),
    ("long string", lambda t: t.replace('"feedback": {', '"feedback": {"x": "' + "a" * 5000 + '", ', 1), "超过 4000 个字符"),
    ("big list", lambda t: t.replace('"feedback": {', '"feedback": {"x": [' + ",".join(["1"] * 2000) + '], ', 1),
     "超过 1000 项"),
    ("deep nesting", lambda t: t.replace('"feedback": {', '"feedback": {"x": ' + "[" * 50 + "]" * 50 + ", ", 1),
     "嵌套超过"),
    ("escape id", lambda t: t.replace('"id": "fake-broke"', '"id": ' + json.dumps(ESC_ID), 1), "scenario.id"),
    ("big file", lambda t: t + " " * (5 * 1024 * 1024), "文件超过"),
])
def test_a_crafted_card_is_rejected_alone(tmp_path, what, raw, reason):
    good = card(tmp_path, "good.json", "李四", "二组")
    bad = card(tmp_path, "bad.json")
    bad.write_text(raw(bad.read_text(encoding="utf-8")), encoding="utf-8")
    r = run(["leaderboard", str(tmp_path), "--format", "json"])
    assert r.exit_code == 1 and "Traceback" not in r.output, r.output
    d = json.loads(r.stdout)
    assert [x["file"] for x in d["rejected"]] == [str(bad)] and reason in d["rejected"][0]["reason"], d["rejected"]
    assert [i["name"] for i in d["individuals"]] == ["李四"] and str(good) not in r.stderr


def test_unexpected_failure_in_one_card_is_a_reason_not_a_crash(tmp_path, monkeypatch):
    card(tmp_path, "a.json")
    import trainer.core.competition.leaderboard as lb
    monkeypatch.setattr(lb, "verify_card", lambda *a, **k: (_ for _ in ()).throw(OverflowError("boom")))
    board = verify_all([str(tmp_path)], workers=1)
    assert board.rejected == [(str(tmp_path / "a.json"), "无法核验(OverflowError)")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_card_reader_never_raises_anything_but_card_error(data):
    try:
        parse_card(data)
    except CardError:
        pass


# ------------------------------------------------------------------ nothing from a card drives the terminal
def test_escape_sequences_never_reach_plain_outputs(tmp_path):
    bad = tmp_path / ("evil\x1b[2J.json")
    bad.write_text('{"format": "x' + "\x1b]0;t\x07" + '"}', encoding="utf-8")
    good = card(tmp_path, "good.json")
    edit(good, lambda d: d["scenario"].update(id="fake-broke\x1b[2J"))
    for fmt in ("md", "csv", "html", "json"):
        r = run(["leaderboard", str(tmp_path), "--format", fmt])
        assert r.exit_code in (1, 2), r.output
        for text in (r.stdout, r.stderr):
            assert "\x1b" not in (text if fmt != "json" else text.replace("\\u001b", "")), (fmt, text)
            assert "\x07" not in text


def test_plain_strips_osc_csi_and_controls():
    assert plain("a\x1b]0;title\x07b\x1b[2Jc\x9b31md\x00e\u202ef\nnew") == "abcdef new"


# ------------------------------------------------------------------ CSV columns never shift; one rounding rule
def test_csv_rejected_reason_has_its_own_column(tmp_path):
    card(tmp_path, "good.json")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    r = run(["leaderboard", str(tmp_path), "--format", "csv"])
    rows = list(csv.reader(io.StringIO(r.stdout[1:])))
    head = rows[0]
    assert all(len(row) == len(head) for row in rows)
    bad = next(row for row in rows if row[0] == "未通过核验")
    assert "不是有效的 JSON" in bad[head.index("说明")] and bad[head.index("能早不晚(early)")] == "" if \
        "能早不晚(early)" in head else "不是有效的 JSON" in bad[head.index("说明")]
    assert all(cell == "" for i, cell in enumerate(bad) if head[i] not in ("榜单", "名称", "说明"))


@pytest.mark.parametrize("num,den,want", [(185, 2, 92.5), (1849, 20, 92.5), (1841, 20, 92.1), (925, 10, 92.5),
                                          (9245, 100, 92.5), (9244, 100, 92.4), (2, 3, 0.7), (1, 6, 0.2)])
def test_half_up_to_one_decimal(num, den, want):
    assert half_up(num, den) == want


def test_every_format_rounds_the_same(tmp_path):
    board = Board()
    board.individuals = [Standing(1, "甲", "", half_up(185, 2), 2, 2, principles={"early": half_up(185, 2)})]
    outs = {fmt: RENDERERS[fmt](board) for fmt in ("md", "csv", "html")}
    for fmt, out in outs.items():
        assert "92.5" in out and "92 " not in out.replace("92.5", ""), fmt
    assert json.loads(RENDERERS["json"](board))["individuals"][0]["score"] == 92.5


# ------------------------------------------------------------------ verification by replay, not by file hash
def _persona_with(tmp_path, old, new):
    src = _lib().personas["fake-broke"].path
    text = open(src, encoding="utf-8").read()
    assert text.count(old) >= 1, old
    path = tmp_path / "fake-broke.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    out = Problems()
    p = load_persona_file(path, out)
    assert p is not None and not [x for x in out if x.severity == "error"], out
    lib = load_library()
    lib.personas["fake-broke"] = p
    return lib


def _replies_in_file():
    text = open(_lib().personas["fake-broke"].path, encoding="utf-8").read()
    return [m for m in re.findall(r"[\u4e00-\u9fff,。!?、]{12,}", text)]


def test_typo_fix_in_an_unused_reply_keeps_the_card(tmp_path):
    c = card(tmp_path, "c.json")
    used = " ".join(t["reply"] for t in json.loads(c.read_text(encoding="utf-8"))["transcript"])
    unused = next(r for r in _replies_in_file() if r not in used and r[:6] not in used)
    lib = _persona_with(tmp_path / "..", unused, unused[:-1] + "。" if unused[-1] != "。" else unused[:-1] + "!")
    board = verify_all([str(c)], lib=lib)
    assert not board.rejected and board.accepted[0].changed
    assert board.versions()[0]["note"] == "内容已更新,重放一致"
    assert board.individuals[0].name == "张三"


def test_changing_a_used_reply_rejects_the_card_naming_the_turn(tmp_path):
    c = card(tmp_path, "c.json")
    reply2 = json.loads(c.read_text(encoding="utf-8"))["transcript"][1]["reply"]
    piece = next(r for r in _replies_in_file() if r in reply2)
    lib = _persona_with(tmp_path / "..", piece, piece[:-1] + "?")
    board = verify_all([str(c)], lib=lib)
    assert not board.accepted and "对话记录与重放在第 2 回合不一致" in board.rejected[0][1]


# ------------------------------------------------------------------ verification at scale: work done once
FREE = "您好周总,打扰了 咱们先对一下账,一共三十八万对不对 今天是我们公司结账日"


def test_a_line_of_free_text_is_recognised_once_for_every_card(tmp_path, monkeypatch):
    """Replays hear a free-text line once per process (same line, same scenario date → same recognition),
    and the board is what recognising every move gives: all cards verified, none rejected."""
    from trainer.core.competition import scorecard
    scorecard._HEARD.clear()
    for i in range(4):
        card(tmp_path, f"c{i}.json", trainee=f"学员{i}", seed=i, moves=FREE)
    heard = []
    real = Session.recognise

    def counting(self, move):
        heard.append(move)
        return real(self, move)
    monkeypatch.setattr(Session, "recognise", counting)
    board = verify_all([str(tmp_path)], workers=1)
    assert (len(board.accepted), board.rejected) == (4, [])
    assert sorted(heard) == sorted(FREE.split())  # 3 lines once each, not 12 times


def test_a_remembered_recognition_is_a_copy(tmp_path):
    """A replay that changed what it was handed must not change what the next replay hears."""
    from trainer.core.competition import scorecard
    lib = _lib()
    sc = lib.scenarios["fake-broke"]
    s = Session(sc, lib.persona_for(sc), seed=1)
    first = scorecard._heard(s, "咱们先对一下账,一共三十八万对不对")
    first.alternatives.append(("hostile", 1.0))
    first.confidence = -1.0
    again = scorecard._heard(s, "咱们先对一下账,一共三十八万对不对")
    assert again == s.recognise("咱们先对一下账,一共三十八万对不对")


def test_the_leaderboard_reads_the_principle_keys_once(tmp_path, monkeypatch):
    """The rubric's principle keys are taken from the rubric once per run, not looked up on the content
    search path for every key of every card (that was a fifth of the verification time)."""
    from trainer.core.judging import rubric as rubric_mod
    for i in range(3):
        card(tmp_path, f"c{i}.json", trainee=f"学员{i}", seed=i)
    r = rubric_mod.load_rubric()
    calls = []
    real = rubric_mod.load_rubric

    def counting(*a, **k):
        calls.append(a)
        return real(*a, **k)
    monkeypatch.setattr(rubric_mod, "load_rubric", counting)
    board = verify_all([str(tmp_path)], rubric=r, workers=1)
    assert len(board.accepted) == 3
    assert calls == []


def test_a_picked_tactic_with_figures_replays_exactly(tmp_path):
    """A did-you-mean or palette pick keeps the amounts and dates said (as_picked), and the card's replay builds
    the same move from its text and pick, so the card stands."""
    from trainer.core.language.recognition import as_picked
    lib = _lib()
    sc = lib.scenarios["fake-broke"]
    s = Session(sc, lib.persona_for(sc), seed=3)
    for m in ("courtesy", "verify_balance", "timing"):
        s.play(m)
    said = "那就这周五前先付二十万,剩下的十八万月底前付清"
    heard = s.recognise(said)
    assert heard.amounts  # the figures are heard ...
    turn = s.play(said, as_picked(heard, "written_commitment", 0.42))  # ... and kept under another tactic
    assert turn is not None and turn.tactic == "written_commitment" and turn.amounts == heard.amounts
    s.play("written_commitment")
    out = tmp_path / "picked.json"
    write_scorecard(s, out, "张三", "一组")
    board = verify_all([str(tmp_path)], workers=1)
    assert (len(board.accepted), board.rejected) == (1, [])
