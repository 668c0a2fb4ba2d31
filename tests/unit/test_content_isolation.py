"""Issue 17, items 1-3: one bad file costs only itself; dates and placeholders; decoded scalars."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from trainer.cli import main
from trainer.core.content.library import load_library
from trainer.core.content.models import build_persona
from trainer.core.content.spec import Problems
from trainer.core.content.yamlsafe import LoadError, parse_text

from .test_engine import MINI_PERSONA, MINI_SCENARIO

ROOT = Path(__file__).resolve().parents[2]


def _extra(tmp_path, monkeypatch, files):
    for rel, text in files.items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    monkeypatch.setenv("TRAINER_PATH", str(tmp_path))
    return tmp_path


BROKEN = MINI_PERSONA.replace("id: mini", "id: broken", 1).replace("to: agreed", "to: agred", 1)


def test_a_broken_persona_in_a_shared_problem_list_does_not_hide_the_next():
    out = Problems()
    assert build_persona(parse_text(BROKEN, "b.yaml"), BROKEN, out) is None
    assert out.errors
    assert build_persona(parse_text(MINI_PERSONA, "m.yaml"), MINI_PERSONA, out) is not None


def test_one_broken_persona_costs_only_itself(tmp_path, monkeypatch):
    _extra(tmp_path, monkeypatch, {"personas/broken.yaml": BROKEN})
    lib = load_library()
    assert "fake-broke" in lib.personas and "malicious-delay" in lib.personas
    assert "broken" not in lib.personas
    sc = lib.scenarios["fake-broke"]
    assert lib.persona_for(sc).id == "fake-broke"
    assert any("agred" in str(p) for p in lib.problems.errors)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads mode-000 files")
def test_an_unreadable_persona_costs_only_itself(tmp_path, monkeypatch):
    _extra(tmp_path, monkeypatch, {"personas/locked.yaml": MINI_PERSONA.replace("id: mini", "id: locked")})
    (tmp_path / "personas" / "locked.yaml").chmod(0)
    try:
        lib = load_library()
        assert "fake-broke" in lib.personas
        r = CliRunner().invoke(main, ["list"])
        assert r.exit_code == 0
        assert "fake-broke" in r.output and "locked.yaml" in r.output
    finally:
        (tmp_path / "personas" / "locked.yaml").chmod(0o644)


def test_list_shows_every_good_persona_and_the_broken_file_with_its_error(tmp_path, monkeypatch):
    _extra(tmp_path, monkeypatch, {"personas/broken.yaml": BROKEN})
    r = CliRunner().invoke(main, ["list", "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    ids = {p["id"] for p in data["personas"]}
    assert {"fake-broke", "malicious-delay", "factory-buyer"} <= ids
    assert any("broken.yaml" in p and "agred" in p for p in data["problems"])
    r = CliRunner().invoke(main, ["list"])
    assert r.exit_code == 0 and "fake-broke" in r.output and "agred" in r.output


def test_play_still_works_beside_a_broken_persona(tmp_path, monkeypatch):
    _extra(tmp_path, monkeypatch, {"personas/broken.yaml": BROKEN})
    r = CliRunner().invoke(main, ["play", "fake-broke", "--moves", "-", "--json"], input="verify_balance\n")
    assert r.exit_code == 0, r.output


# ---------------------------------------------------------------- dates and placeholders

def _scenario_with(tmp_path, old, new):
    d = tmp_path / "c"
    (d / "personas").mkdir(parents=True)
    (d / "scenarios").mkdir()
    (d / "personas" / "mini.yaml").write_text(MINI_PERSONA, encoding="utf-8")
    text = MINI_SCENARIO
    if old:
        assert old in text, old
        text = text.replace(old, new, 1)
    (d / "scenarios" / "s.yaml").write_text(text, encoding="utf-8")
    return d


def _with_date(tmp_path, day):
    if "date:" in MINI_SCENARIO:
        import re
        return _scenario_with(tmp_path, re.search(r"date: .*", MINI_SCENARIO).group(), f"date: {day}")
    return _scenario_with(tmp_path, "  owed:", f"  date: {day}\n  owed:")


@pytest.mark.parametrize("day", ["2026-13-45", "2026-02-30", "0001-01-01", "9999-12-31"])
def test_an_impossible_date_is_a_validate_error_not_a_traceback(tmp_path, day):
    d = _with_date(tmp_path, day)
    r = CliRunner().invoke(main, ["validate", str(d)])
    assert r.exit_code == 1
    assert "s.yaml:" in r.output and day in r.output
    line = next(ln for ln in r.output.splitlines() if day in ln)
    assert line.split(":")[1].isdigit() and line.split(":")[2].isdigit()
    for cmd in (["play", str(d / "scenarios" / "s.yaml"), "--moves", "-", "--json"],
                ["simulate", str(d / "scenarios" / "s.yaml"), "--games", "2", "--nodes", "20"]):
        r = CliRunner().invoke(main, cmd, input="direct_ask\n" * 12)
        assert r.exit_code != 0 and r.exception is None or isinstance(r.exception, SystemExit), r.output
        assert "Traceback" not in r.output and day in r.output


def test_an_ending_summary_placeholder_is_checked_with_did_you_mean():
    text = MINI_PERSONA.replace("paid: 1.0}", "paid: 1.0, summary: '{compnay}付了款'}", 1)
    assert text != MINI_PERSONA
    out = Problems()
    build_persona(parse_text(text, "p.yaml"), text, out)
    assert any("'{compnay}'" in str(p) and "是不是 'company'" in str(p) for p in out.errors), out


# ---------------------------------------------------------------- decoded scalars

@pytest.mark.parametrize("scalar", [r'"\e]0;x\a"', r'"\x1b[2J"', r'"a\u202eb"', r'"x\ry"', r'"\u009b31m"'])
def test_escape_sequences_in_double_quoted_scalars_are_refused(scalar):
    with pytest.raises(LoadError) as e:
        parse_text(f"replies:\n  - {scalar}\n", "r.yaml")
    assert str(e.value).startswith("r.yaml:2:5:")


def test_ordinary_escapes_still_load():
    assert parse_text(r'a: "tab\there\nline 2 \u4e2d"', "ok.yaml").plain() == {"a": "tab\there\nline 2 中"}


def test_a_persona_that_cannot_be_read_costs_only_itself(tmp_path, monkeypatch):
    """The mode-000 case, also when the tests run as root: opening the file fails with EACCES."""
    _extra(tmp_path, monkeypatch, {"personas/locked.yaml": MINI_PERSONA.replace("id: mini", "id: locked")})
    real_open = Path.open

    def deny(self, *a, **kw):
        if self.name == "locked.yaml":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *a, **kw)

    monkeypatch.setattr(Path, "open", deny)
    lib = load_library()
    assert "fake-broke" in lib.personas and "locked" not in lib.personas
    r = CliRunner().invoke(main, ["list"])
    assert r.exit_code == 0 and "fake-broke" in r.output and "locked.yaml" in r.output


def test_the_leaderboard_accepts_an_honest_card_beside_a_broken_persona(tmp_path, monkeypatch):
    card = tmp_path / "card.json"
    r = CliRunner().invoke(main, ["play", "fake-broke", "--moves", "-", "--scorecard", str(card),
                                  "--trainee", "小李", "--team", "一组"],
                           input="verify_balance\nrebut_excuse\nwritten_commitment\n")
    assert r.exit_code == 0, r.output
    _extra(tmp_path / "extra", monkeypatch, {"personas/broken.yaml": BROKEN})
    r = CliRunner().invoke(main, ["leaderboard", str(card), "--format", "json"])
    assert r.exit_code == 0, r.output


def test_a_multi_line_value_in_a_spec_error_stays_on_one_line():
    """Found by bench/fuzz/fuzz_loader.py: a date that swallowed the next lines printed them all."""
    from trainer.core.content.models import build_scenario
    text = MINI_SCENARIO.replace("  owed:", "  date: \"2026-11-02\\n- 又一行\"\n  owed:", 1)
    out = Problems()
    build_scenario(parse_text(text, "s.yaml"), text, out)
    assert out.errors and all("\n" not in str(p) for p in out)
