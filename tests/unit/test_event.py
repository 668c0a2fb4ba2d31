"""Issue 16: events — roster, derived seeds, roster teams, a missing scenario counts 0; every cheat rejected."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from trainer.cli import main
from trainer.core.competition.event import EventError, load_event, normalise_name, parse_roster

GOOD = "courtesy\nprobe_reason\nverify_balance\ntiming\nrebut_excuse\nask_high_settle_middle\ndeadline_pressure\n" \
       "written_commitment\npersist\n"
WEAK = "legal_warning\nhostile\nempathize\n"
ROSTER = "trainee,team\n张三,一组\n李四,一组\n王五,二组\n赵六,二组\n"


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input)


@pytest.fixture
def event(tmp_path):
    (tmp_path / "roster.csv").write_bytes(b"\xef\xbb\xbf" + ROSTER.encode())
    r = run(["event", "new", "华东区一季度", "--roster", str(tmp_path / "roster.csv"),
             "--scenarios", "fake-broke,genuinely-broke", "--out", str(tmp_path / "ev")])
    assert r.exit_code == 0, r.output
    return tmp_path / "ev" / "event.yaml"


def play(event, trainee, out, moves=GOOD, scenario="fake-broke", extra=()):
    r = run(["play", scenario, "--event", str(event), "--trainee", trainee, "--moves", "-", "--json",
             "--scorecard", str(out), *extra], moves)
    return r


def board(event, *paths):
    r = run(["leaderboard", "--event", str(event), *map(str, paths), "--format", "json"])
    assert "Traceback" not in r.output
    return r, json.loads(r.stdout) if r.stdout.strip() else None


# ------------------------------------------------------------------ event file and roster
def test_event_new_writes_name_salt_scenarios_roster(event):
    doc = yaml.safe_load(event.read_text(encoding="utf-8"))
    assert doc["name"] == "华东区一季度" and len(doc["salt"]) == 32 and doc["scenarios"] == ["fake-broke",
                                                                                       "genuinely-broke"]
    assert doc["roster"][0] == {"trainee": "张三", "team": "一组"} and len(doc["roster"]) == 4
    ev = load_event(event)
    assert 0 <= ev.seed_for("张三", "fake-broke") < 2**32
    assert ev.seed_for("张三", "fake-broke") != ev.seed_for("李四", "fake-broke")


def test_two_events_get_different_salts(tmp_path, event):
    r = run(["event", "new", "二", "--roster", str(event.parent.parent / "roster.csv"), "--scenarios", "fake-broke",
             "--out", str(tmp_path / "ev2")])
    assert r.exit_code == 0
    assert load_event(event).salt != load_event(tmp_path / "ev2" / "event.yaml").salt


def test_roster_without_bom_and_in_gb18030(tmp_path):
    (tmp_path / "a.csv").write_text(ROSTER, encoding="utf-8")
    (tmp_path / "b.csv").write_bytes("姓名,小组\r\n张三,一组\r\n".encode("gb18030"))
    for f in ("a.csv", "b.csv"):
        r = run(["event", "new", "x", "--roster", str(tmp_path / f), "--scenarios", "fake-broke",
                 "--out", str(tmp_path / f[0])])
        assert r.exit_code == 0, r.output
    assert "GB18030" in r.stderr
    assert load_event(tmp_path / "b" / "event.yaml").roster[0].name == "张三"


@pytest.mark.parametrize("text,where,what", [
    ("name,group\n张三,一组\n", ":1:1:", "表头"),
    ("trainee,team\n张三,一组\n张\u200b三,二组\n", ":3:1:", "重复"),
    ("trainee,team\n,一组\n", ":2:1:", "为空"),
    ("trainee,team\n", ":2:1:", "空的"),
])
def test_bad_roster_is_exit_2_with_file_line_col(tmp_path, text, where, what):
    (tmp_path / "r.csv").write_text(text, encoding="utf-8")
    r = run(["event", "new", "x", "--roster", str(tmp_path / "r.csv"), "--scenarios", "fake-broke",
             "--out", str(tmp_path / "o")])
    assert r.exit_code == 2 and f"r.csv{where}" in r.stderr and what in r.stderr, r.output
    assert "Traceback" not in r.output


def test_unknown_scenario_in_event_new(tmp_path, event):
    r = run(["event", "new", "x", "--roster", str(event.parent.parent / "roster.csv"), "--scenarios", "fake-brok",
             "--out", str(tmp_path / "o")])
    assert r.exit_code == 2 and "fake-broke" in r.stderr


def test_names_are_normalised():
    assert normalise_name("张\u200b三") == "张三" == normalise_name("\u3000张三 ")
    assert normalise_name("Ｌｉ\u3000\u3000Ｓｉ") == "Li Si"
    with pytest.raises(EventError):
        parse_roster("trainee,team\n张\x1b[2J三,一组\n", "r.csv")


# ------------------------------------------------------------------ play --event
def test_play_with_event_uses_the_derived_seed_and_roster_team(tmp_path, event):
    r = play(event, "张三", tmp_path / "c.json")
    assert r.exit_code == 0, r.output
    c = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert c["seed"] == load_event(event).seed_for("张三", "fake-broke") and c["team"] == "一组"


def test_play_with_event_refuses_a_name_not_on_the_roster(tmp_path, event):
    r = play(event, "张叁", tmp_path / "c.json")
    assert r.exit_code == 2 and "不在比赛" in r.stderr and "张三" in r.stderr, r.output
    assert not (tmp_path / "c.json").exists()


@pytest.mark.parametrize("extra", [("--seed", "7"), ("--team", "一组")])
def test_play_with_event_refuses_seed_and_team(tmp_path, event, extra):
    assert play(event, "张三", tmp_path / "c.json", extra=extra).exit_code == 2


def test_play_with_event_refuses_a_scenario_not_in_the_event(tmp_path, event):
    r = play(event, "张三", tmp_path / "c.json", scenario="malicious-delay")
    assert r.exit_code == 2 and "不在比赛" in r.stderr


# ------------------------------------------------------------------ the event's board, and every cheat
def _honest(tmp_path, event):
    cards = tmp_path / "cards"
    for name, moves in (("张三", GOOD), ("李四", WEAK), ("王五", GOOD), ("赵六", GOOD)):
        for sc in ("fake-broke", "genuinely-broke"):
            assert play(event, name, cards / f"{name}-{sc}.json", moves, sc).exit_code == 0
    return cards


def _edit(path, fn, to=None):
    d = json.loads(path.read_text(encoding="utf-8"))
    fn(d)
    (to or path).write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")


def test_honest_cards_rank_every_roster_member(tmp_path, event):
    r, d = board(event, _honest(tmp_path, event))
    assert r.exit_code == 0, r.output
    assert d["cards"] == 8 and not d["rejected"]
    assert {i["name"] for i in d["individuals"]} == {"张三", "李四", "王五", "赵六"}
    assert {t["name"]: t["members"] for t in d["teams"]} == {"一组": 2, "二组": 2}
    assert d["event"]["name"] == "华东区一季度"


def test_copied_card_with_trainee_edited_is_rejected(tmp_path, event):
    cards = _honest(tmp_path, event)
    _edit(cards / "王五-fake-broke.json", lambda d: d.update(trainee="李四"), cards / "z-copy.json")
    r, d = board(event, cards)
    assert r.exit_code == 1
    bad = {x["file"].rsplit("/", 1)[-1]: x["reason"] for x in d["rejected"]}
    assert list(bad) == ["z-copy.json"] and "种子" in bad["z-copy.json"] and "李四" in bad["z-copy.json"]


def test_phantom_member_is_rejected(tmp_path, event):
    cards = _honest(tmp_path, event)
    _edit(cards / "王五-fake-broke.json", lambda d: d.update(trainee="钱七"), cards / "z-phantom.json")
    r, d = board(event, cards)
    assert r.exit_code == 1 and "不在比赛名单上" in d["rejected"][0]["reason"]
    assert "钱七" not in {i["name"] for i in d["individuals"]}


def test_trainee_moved_to_a_stronger_team_is_rejected(tmp_path, event):
    cards = _honest(tmp_path, event)
    for sc in ("fake-broke", "genuinely-broke"):
        _edit(cards / f"李四-{sc}.json", lambda d: d.update(team="二组"))
    r, d = board(event, cards)
    assert r.exit_code == 1 and len(d["rejected"]) == 2 and "与名单不符" in d["rejected"][0]["reason"]
    assert {i["name"]: i["team"] for i in d["individuals"]}["李四"] == "一组"


@pytest.mark.parametrize("alias", ["张\u200b三", "张\u3000三", "\u3000张三", "张三\u200d"])
def test_zero_width_and_ideographic_space_names_are_the_same_person(tmp_path, event, alias):
    cards = _honest(tmp_path, event)
    _edit(cards / "张三-fake-broke.json", lambda d: d.update(trainee=alias), cards / "z-alias.json")
    r, d = board(event, cards)
    assert [i["name"] for i in d["individuals"]].count("张三") == 1
    assert len(d["individuals"]) == 4  # never ranked as another person
    if normalise_name(alias) == "张三":  # the same name: a resubmission of the same game
        assert [x["why"] for x in d["duplicates"]] == ["学员、场景、走法和种子都相同"]
    else:  # "张 三": spaces are collapsed, not removed — not on the roster, with a did-you-mean
        assert "不在比赛名单上" in d["rejected"][0]["reason"] and "张三" in d["rejected"][0]["reason"]


@pytest.mark.parametrize("seed", [-7, 7])
def test_other_seeds_are_rejected(tmp_path, event, seed):
    cards = _honest(tmp_path, event)
    _edit(cards / "张三-fake-broke.json", lambda d: d.update(seed=seed))
    r, d = board(event, cards)
    assert r.exit_code == 1 and "seed" in d["rejected"][0]["reason"] or "种子" in d["rejected"][0]["reason"]


def test_missing_scenario_counts_zero(tmp_path, event):
    cards = _honest(tmp_path, event)
    full = {i["name"]: i["score"] for i in board(event, cards)[1]["individuals"]}
    (cards / "张三-genuinely-broke.json").unlink()
    d = board(event, cards)[1]
    me = next(i for i in d["individuals"] if i["name"] == "张三")
    fb = json.loads((cards / "张三-fake-broke.json").read_text(encoding="utf-8"))["score"]["total"]
    assert me["scenarios"] == 1 and me["score"] == round(fb / 2 + 1e-9, 1) <= full["张三"]


def test_not_handing_in_a_bad_card_cannot_raise_an_average(tmp_path, event):
    cards = _honest(tmp_path, event)
    before = board(event, cards)[1]
    li = next(i for i in before["individuals"] if i["name"] == "李四")
    team = next(t for t in before["teams"] if t["name"] == "一组")
    worst = min(li["best"], key=li["best"].get)
    (cards / f"李四-{worst}.json").unlink()
    after = board(event, cards)[1]
    assert next(i for i in after["individuals"] if i["name"] == "李四")["score"] <= li["score"]
    assert next(t for t in after["teams"] if t["name"] == "一组")["score"] <= team["score"]


def test_trainee_with_no_cards_is_on_the_board_with_zero(tmp_path, event):
    cards = _honest(tmp_path, event)
    for sc in ("fake-broke", "genuinely-broke"):
        (cards / f"赵六-{sc}.json").unlink()
    d = board(event, cards)[1]
    zhao = next(i for i in d["individuals"] if i["name"] == "赵六")
    assert zhao["score"] == 0.0 and zhao["scenarios"] == 0
    assert next(t for t in d["teams"] if t["name"] == "二组")["members"] == 2


def test_card_of_a_scenario_outside_the_event_is_rejected(tmp_path, event):
    cards = _honest(tmp_path, event)
    assert run(["play", "malicious-delay", "--moves", "-", "--scorecard", str(cards / "z.json"), "--trainee", "张三",
                "--team", "一组"], WEAK).exit_code == 0
    r, d = board(event, cards)
    assert r.exit_code == 1 and "不在本次比赛" in d["rejected"][0]["reason"]


def test_bad_event_file_is_exit_2(tmp_path):
    (tmp_path / "e.yaml").write_text("name: [\n", encoding="utf-8")
    r = run(["leaderboard", "--event", str(tmp_path / "e.yaml"), str(tmp_path)])
    assert r.exit_code == 2 and "e.yaml" in r.stderr and "Traceback" not in r.output


def test_a_hostile_event_file_is_one_line_not_a_traceback(tmp_path):
    # the event reader used yaml.safe_load: 3,000 nested brackets gave a RecursionError traceback
    p = tmp_path / "event.yaml"
    p.write_text("format: huikuan-dojo/event\nname: " + "[" * 3000 + "\n", encoding="utf-8")
    with pytest.raises(EventError, match=r"event\.yaml:2:\d+: 不是合法的 YAML\(嵌套超过 50 层\)"):
        load_event(p)
    p.write_bytes(b"format: huikuan-dojo/event\nname: \xff\n")
    with pytest.raises(EventError, match="不是 UTF-8"):
        load_event(p)
