"""Issue 17, item 7: the library is indexed lazily; origins and overrides shown; flat folders; amounts."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import trainer.core.content.library as L
from trainer.cli import main
from trainer.core.content.library import load_library
from trainer.core.content.models import Case, case_values, wan_text

from .test_engine import MINI_PERSONA, MINI_SCENARIO

ROOT = Path(__file__).resolve().parents[2]


def _many_personas(folder: Path, n: int) -> None:
    base = (ROOT / "personas" / "fake-broke.yaml").read_text(encoding="utf-8")
    (folder / "personas").mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / "personas" / f"p{i:04d}.yaml").write_text(base.replace("id: fake-broke", f"id: p{i:04d}", 1),
                                                            encoding="utf-8")


def test_playing_one_scenario_loads_only_its_persona(tmp_path, monkeypatch):
    _many_personas(tmp_path, 40)
    monkeypatch.setenv("TRAINER_PATH", str(tmp_path))
    loaded = []
    real = L.load_persona_file
    monkeypatch.setattr(L, "load_persona_file", lambda path, out: loaded.append(path.name) or real(path, out))
    r = CliRunner().invoke(main, ["play", "fake-broke", "--moves", "-", "--json"], input="verify_balance\n")
    assert r.exit_code == 0, r.output
    assert loaded == ["fake-broke.yaml"]


def test_list_without_check_reads_headers_only(tmp_path, monkeypatch):
    _many_personas(tmp_path, 30)
    monkeypatch.setenv("TRAINER_PATH", str(tmp_path))
    monkeypatch.setattr(L, "load_persona_file", lambda path, out: pytest.fail(f"parsed {path}"))
    r = CliRunner().invoke(main, ["list", "--json", "--no-check"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    ids = {p["id"] for p in data["personas"]}
    assert {"p0000", "p0029", "fake-broke"} <= ids
    p = next(p for p in data["personas"] if p["id"] == "p0007")
    assert p["name"] == "周老板" and p["archetype"] == "假没钱" and p["origin"] == "TRAINER_PATH"
    assert data["checked"] is False


def test_an_override_of_a_built_in_is_shown_with_both_origins(tmp_path, monkeypatch):
    (tmp_path / "personas").mkdir()
    text = (ROOT / "personas" / "fake-broke.yaml").read_text(encoding="utf-8").replace("name: 周老板", "name: 吴老板", 1)
    (tmp_path / "personas" / "fake-broke.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("TRAINER_PATH", str(tmp_path))
    monkeypatch.chdir(tmp_path)  # paths in JSON are absolute wherever list runs from
    data = json.loads(CliRunner().invoke(main, ["list", "--json"]).stdout)
    p = next(p for p in data["personas"] if p["id"] == "fake-broke")
    assert p["name"] == "吴老板" and p["origin"] == "TRAINER_PATH"
    assert p["path"] == str((tmp_path / "personas" / "fake-broke.yaml").resolve())
    assert [o["path"] for o in p["overrides"]] == [str(ROOT / "personas" / "fake-broke.yaml")]
    assert all(Path(s["path"]).is_absolute() for s in data["scenarios"])
    out = CliRunner().invoke(main, ["list"]).output
    line = next(ln for ln in out.splitlines() if ln.strip().startswith("fake-broke ") and "吴老板" in ln)
    assert "覆盖" in line and "TRAINER_PATH" in line


def test_a_flat_trainer_path_folder_plays_and_validates_alike(tmp_path, monkeypatch):
    (tmp_path / "mini.yaml").write_text(MINI_PERSONA, encoding="utf-8")
    (tmp_path / "mini-case.yaml").write_text(MINI_SCENARIO, encoding="utf-8")
    assert CliRunner().invoke(main, ["validate", str(tmp_path)]).exit_code == 0
    monkeypatch.setenv("TRAINER_PATH", str(tmp_path))
    lib = load_library()
    sid = next(iter(lib.index["scenarios"]))
    assert sid in {e.id for e in lib.entries("scenarios")}
    r = CliRunner().invoke(main, ["play", sid, "--moves", "-", "--json"], input="verify_balance\n")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["scenario"] == sid


@pytest.mark.parametrize("yuan,text", [(10**12, "1万亿"), (123_456_789, "1.2345亿"), (380_000, "38万"),
                                       (125_000, "12.5万"), (10_000, "1万"), (8_000, "8000元")])
def test_amounts_never_use_exponents(yuan, text):
    assert wan_text(yuan) == text
    case = Case("甲", "乙", "丙", yuan, 10, "厂家与厂家", "月结", ("x",))
    assert case_values(case)["owed_wan"] == text


def test_a_broken_override_falls_back_to_the_built_in_and_is_listed(tmp_path, monkeypatch):
    (tmp_path / "personas").mkdir()
    text = (ROOT / "personas" / "fake-broke.yaml").read_text(encoding="utf-8").replace("start: ", "start: nowhere_", 1)
    (tmp_path / "personas" / "fake-broke.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("TRAINER_PATH", str(tmp_path))
    r = CliRunner().invoke(main, ["list", "--json"])
    data = json.loads(r.stdout)
    p = next(p for p in data["personas"] if p["id"] == "fake-broke")
    assert p["origin"] == "project" and p["overrides"] == []
    assert any(str(tmp_path / "personas" / "fake-broke.yaml") in pr or "fake-broke.yaml" in pr for pr in data["problems"])


def test_a_scenario_whose_persona_file_is_broken_says_so(tmp_path, monkeypatch):
    """The persona is on the path but its file does not load: say that, not "unknown persona 'x' (did you mean
    'x'?)", which suggested the very name refused."""
    (tmp_path / "personas").mkdir()
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "personas" / "broken-p.yaml").write_text("id: broken-p\nname: [\n", encoding="utf-8")
    sc = (ROOT / "scenarios" / "fake-broke.yaml").read_text(encoding="utf-8")
    sc = sc.replace("id: fake-broke", "id: sc-x", 1).replace("persona: fake-broke", "persona: broken-p", 1)
    (tmp_path / "scenarios" / "sc-x.yaml").write_text(sc, encoding="utf-8")
    monkeypatch.setenv("TRAINER_PATH", str(tmp_path))
    r = CliRunner().invoke(main, ["play", "sc-x", "--moves", "-", "--json"], input="verify_balance\n")
    assert r.exit_code != 0
    assert "'broken-p' 没能载入" in r.stderr and "是不是 'broken-p'" not in r.stderr
