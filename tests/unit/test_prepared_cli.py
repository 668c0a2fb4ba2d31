"""`trainer play --prepared`: the 十大事先准备 ticked before the talk count on 有矩 and show in the coach's advice."""

from __future__ import annotations

import json

from click.testing import CliRunner

from trainer.cli import main

MOVES = "courtesy\nprobe_reason\nverify_balance\ntiming\nrebut_excuse\nask_high_settle_middle\ndeadline_pressure\n" \
        "written_commitment\npersist\n"


def _play(*extra: str) -> tuple[int, dict | str]:
    r = CliRunner().invoke(main, ["play", "fake-broke", "--moves", "-", "--json", "--seed", "1", *extra], input=MOVES)
    return r.exit_code, (json.loads(r.output) if r.exit_code == 0 else r.output)


def test_unticked_preparations_cost_procedure_and_are_advised() -> None:
    code, plain = _play()
    code2, some = _play("--prepared", "1,2,3,5")
    code3, full = _play("--prepared", "all")
    assert code == code2 == code3 == 0
    assert isinstance(plain, dict) and isinstance(some, dict) and isinstance(full, dict)
    assert full["score"] == plain["score"]  # all ticked: nothing off; unset: not scored
    assert plain["score"]["principles"]["procedure"] == 100  # 60 + 20 对账 + 20 签字 + 10 摸清原因 = 110 → 100
    assert some["score"]["principles"]["procedure"] == 92  # 110 − 6 unticked × 3 = 92
    hit = [f for f in some["findings"] if f["rule"] == "checklist"]
    assert len(hit) == 1 and hit[0]["turn"] is None and hit[0]["points"] == -18 and "4. " in hit[0]["message"]
    assert any(c["rule"] == "checklist" for c in some["feedback"]["change"])
    assert some["feedback"]["prepared"] == [1, 2, 3, 5]


def test_bad_prepared_is_a_one_line_error() -> None:
    for bad in ("11", "x", "1,\x1b[31m"):
        code, out = _play("--prepared", bad)
        assert code == 2 and isinstance(out, str) and out.count("\n") == 1 and "\x1b" not in out, (bad, out)
        assert out.startswith("trainer: --prepared:")
