"""`trainer play ... --json` per the contract, via click's CliRunner."""

import json

from click.testing import CliRunner

from trainer.cli import main

RIGHT = ("courtesy\n# a comment\n\nprobe_reason\nverify_balance\ntiming\nrebut_excuse\nask_high_settle_middle\n"
         "deadline_pressure\nwritten_commitment\ntiming\n")


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input)


def test_headless_json_contract_fields():
    r = run(["play", "fake-broke", "--moves", "-", "--seed", "7", "--json"], RIGHT)
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert d["scenario"] == "fake-broke" and d["seed"] == 7
    assert len(d["turns"]) == 9  # comment and blank line skipped
    for t in d["turns"]:
        assert {"move", "tactic", "reply", "state"} <= set(t)
    o = d["outcome"]
    assert o["result"] in ("paid_in_full", "promise") and o["recovered_ratio"] == 1.0  # the course-right line wins
    assert {"owed", "paid", "committed", "recovered_ratio"} <= set(o) and 0 <= o["recovered_ratio"] <= 1
    assert set(d["score"]["principles"]) == {"early", "fast", "more", "benefit", "courtesy", "restraint",
                                             "procedure", "lawful"}
    assert all(isinstance(v, int) and 0 <= v <= 100 for v in d["score"]["principles"].values())
    assert isinstance(d["score"]["total"], int)


def test_headless_is_deterministic():
    a = run(["play", "fake-broke", "--moves", "-", "--seed", "3", "--json"], RIGHT).output
    b = run(["play", "fake-broke", "--moves", "-", "--seed", "3", "--json"], RIGHT).output
    assert a == b


def test_moves_from_file_and_free_text(tmp_path):
    f = tmp_path / "moves.txt"
    f.write_text("您好周总,打扰了\n咱们先对一下账,一共三十八萬對不對\n", encoding="utf-8")
    r = run(["play", "fake-broke", "--moves", str(f), "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert [t["move"] for t in d["turns"]] == ["您好周总,打扰了", "咱们先对一下账,一共三十八萬對不對"]
    assert all("confidence" in t for t in d["turns"])


def test_unknown_scenario_exit_2_one_line():
    r = run(["play", "fake-brok", "--moves", "-", "--json"], "courtesy\n")
    assert r.exit_code == 2
    assert "fake-broke" in r.output  # did you mean
    assert "Traceback" not in r.output and len(r.output.strip().splitlines()) == 1


def test_missing_moves_file_exit_2():
    r = run(["play", "fake-broke", "--moves", "/nonexistent/moves.txt", "--json"])
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_list_json():
    r = run(["list", "--json"])
    d = json.loads(r.output)
    assert "fake-broke" in {s["id"] for s in d["scenarios"]}
    assert "fake-broke" in {p["id"] for p in d["personas"]}


def test_scenario_by_path(repo_root):
    r = run(["play", str(repo_root / "scenarios" / "fake-broke.yaml"), "--moves", "-", "--json"], "courtesy\n")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["scenario"] == "fake-broke"
