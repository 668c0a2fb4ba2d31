"""tools/heldout.py: the held-out read prints figures and never a line of a set (stop 56); tools/devmeasure.py; and
tools/writer_kit.py: a writer of evaluation lines gets the course, the tactic list, the labels' meaning and the briefs —
never an example phrase, a persona or a dev line (stop 57)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from trainer.core.content import catalogue

ROOT = Path(__file__).resolve().parents[2]


def _tool(name: str = "heldout"):
    """A script of tools/ loaded as a module (tools/ is no package)."""
    spec = importlib.util.spec_from_file_location(f"{name}_tool", ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


LINES = [
    # a deadline said in the course's own words, a plain ask, small talk, and a threat to his family
    {"text": "今天是我们公司季度结账日,过了今天这笔账就要报到风控去了。", "acts": ["deadline_pressure"], "kind": "natural"},
    {"text": "王总,三十八万的货款,这周五之前能不能先付了?", "acts": ["direct_ask"], "kind": "natural"},
    {"text": "今天天气真好,中午一起去吃碗牛肉面吧。", "acts": [], "kind": "offtopic"},
    {"text": "再不还钱,我就找人去你儿子学校门口等他放学。", "acts": ["hostile"], "kind": "unlawful"},
]


@pytest.fixture
def eval_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    tool = _tool()
    ev = tmp_path / "eval"
    ev.mkdir()
    (ev / "sentences7.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in LINES) + "\n",
                                         encoding="utf-8")
    (ev / "sentences7.labeller1.jsonl").write_text(json.dumps(LINES[0], ensure_ascii=False) + "\n", encoding="utf-8")
    monkeypatch.setattr(tool, "EVAL", ev)
    return tool


def test_the_read_prints_figures_and_no_line(eval_dir, capsys: pytest.CaptureFixture[str]) -> None:
    assert eval_dir.main(["--sentences-only"]) == 0
    out = capsys.readouterr().out
    assert "sentences7" in out and "labeller" not in out  # a labeller's re-labelling is not a set
    assert "main act 100.0% (4/4)" in out
    assert "small talk heard hostile 0/1" in out and "unlawful 1/1" in out
    for line in LINES:
        assert line["text"] not in out and line["text"][:6] not in out


def test_the_json_holds_no_line_either(eval_dir, capsys: pytest.CaptureFixture[str]) -> None:
    assert eval_dir.main(["--sentences-only", "--json"]) == 0
    out = capsys.readouterr().out
    figures = json.loads(out)["sentences"]["pooled"]
    assert figures["main_correct"] == 4 and figures["lines"] == 4 and figures["by_kind"] == {"unlawful": [1, 1]}
    assert not any(line["text"][:6] in out for line in LINES)


def test_a_set_left_out_is_not_read(eval_dir, capsys: pytest.CaptureFixture[str]) -> None:
    assert eval_dir.main(["--sentences-only", "--leave-out", "sentences7"]) == 0
    assert "sentences7" not in capsys.readouterr().out


def test_the_dev_measure_names_what_a_change_gained_and_lost() -> None:
    tool = _tool("devmeasure")
    before = [{"source": "dev_r68a", "text": "小河那边有个老板拖工人工资,工人拉横幅。", "gold": [], "acts": ["hostile"], "rude": False},
              {"source": "dev_r68a", "text": "你孙孙在哪个幼儿园我晓得。", "gold": ["hostile"], "acts": [], "rude": False},
              {"source": "play:fake-broke:course-right-a", "text": "三十八万,对一下账。", "gold": None,
               "acts": ["verify_balance"], "rude": False},
              {"source": "dev_r69a", "text": "周五前付二十万。", "gold": ["direct_ask"], "acts": ["direct_ask"], "rude": False}]
    after = [dict(before[0], acts=[]), dict(before[1], acts=["hostile"]),
             dict(before[2], acts=["verify_balance", "direct_ask"]), dict(before[3])]
    out = tool.against(before, after)
    assert "LOSE S    dev_r68a" in out and "GAIN H    dev_r68a" in out
    assert "acts play" in out and "verify_balance → verify_balance+direct_ask" in out
    assert "周五前付二十万" not in out  # heard the same: not listed
    assert out.splitlines()[-1] == "changed: GAIN H 1, LOSE S 1, acts play 1"
    rows = tool.per_set(after, r"dev_r6\da").splitlines()
    # small talk heard as nothing is right; the sets no model learns (r68a on) are summed again as UNSEEN
    assert rows[-2] == "TOTAL      hostile 1/1  small talk 0/1  lawful 0/1  main act 3/3  acts hit 1 false 0 missed 0"
    assert rows[-1] == rows[-2].replace("TOTAL ", "UNSEEN")
    assert tool.per_set(after, r"dev_r68a").splitlines()[-1].startswith("UNSEEN     hostile 1/1  small talk 0/1")


# --- tools/writer_kit.py

def _kit(tmp_path: Path, kind: str = "sentences", lines: str = "") -> Path:
    course = tmp_path / "seeds"
    course.mkdir()
    (course / "a.txt").write_text("账款回收的24字诀", encoding="utf-8")
    (course / "b.txt").write_text("清收逾期账款的十大方法", encoding="utf-8")
    spec = tmp_path / "INTERFACE.md"
    spec.write_text("# Contract\n\n## Classify JSON\n\n`acts`: every tactic heard\n\n`trainer tactics --json` lists",
                    encoding="utf-8")
    kit = tmp_path / "kit"
    _tool("writer_kit").build(kit, kind, "天津一家钢材公司的回款经理", lines, course, spec)
    return kit


def test_the_kit_holds_the_course_and_no_example_phrase(tmp_path: Path) -> None:
    kit = _kit(tmp_path)
    assert sorted(p.name for p in (kit / "course").iterdir()) == ["course1.txt", "course2.txt"]
    tactics = (kit / "tactics.md").read_text(encoding="utf-8")
    for t in catalogue.TACTICS:
        assert f"`{t.id}` {t.name}" in tactics and t.example not in tactics  # named, never shown how to say it
    assert "`hostile`" in tactics
    assert (kit / "classify.md").read_text(encoding="utf-8").startswith("## Classify JSON")
    assert (kit / "briefings.md").read_text(encoding="utf-8").count("\n## `") == len(list((ROOT / "scenarios").glob("*.yaml")))
    task = (kit / "TASK.md").read_text(encoding="utf-8")
    assert "天津一家钢材公司的回款经理" in task and str(kit.resolve() / "out.jsonl") in task
    assert "VOICE" not in task and "OUTPUT" not in task
    assert {p.name for p in kit.iterdir()} == {"course", "tactics.md", "classify.md", "briefings.md", "TASK.md"}


def test_a_play_kit_names_its_lines_and_its_folder(tmp_path: Path) -> None:
    kit = _kit(tmp_path, "play", "- `name: course-right-p34a`,`band: right`")
    task = (kit / "TASK.md").read_text(encoding="utf-8")
    assert "course-right-p34a" in task and str(kit.resolve() / "out") in task and "LINES" not in task


def test_play_without_its_lines_is_refused() -> None:
    with pytest.raises(SystemExit):
        _tool("writer_kit").main(["/tmp/never-written", "play", "--voice", "x"])
