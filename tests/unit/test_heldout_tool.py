"""tools/heldout.py: the held-out read prints figures and never a line of a set (stop 56)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

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
    before = [{"source": "dev_r50a", "text": "小河那边有个老板拖工人工资,工人拉横幅。", "gold": [], "acts": ["hostile"], "rude": False},
              {"source": "dev_r50a", "text": "你孙孙在哪个幼儿园我晓得。", "gold": ["hostile"], "acts": [], "rude": False},
              {"source": "play:fake-broke:course-right-a", "text": "三十八万,对一下账。", "gold": None,
               "acts": ["verify_balance"], "rude": False},
              {"source": "dev_r51a", "text": "周五前付二十万。", "gold": ["direct_ask"], "acts": ["direct_ask"], "rude": False}]
    after = [dict(before[0], acts=[]), dict(before[1], acts=["hostile"]),
             dict(before[2], acts=["verify_balance", "direct_ask"]), dict(before[3])]
    out = tool.against(before, after)
    assert "LOSE S    dev_r50a" in out and "GAIN H    dev_r50a" in out
    assert "acts play" in out and "verify_balance → verify_balance+direct_ask" in out
    assert "周五前付二十万" not in out  # heard the same: not listed
    assert out.splitlines()[-1] == "changed: GAIN H 1, LOSE S 1, acts play 1"
    assert tool.per_set(after, r"dev_r5\da").splitlines()[-1] == \
        "TOTAL      hostile 1/1  small talk 0/1  lawful 0/1  main act 3/3"  # small talk heard as nothing is right
