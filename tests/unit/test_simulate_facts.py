"""Issue 17, item 8: `simulate` states no false facts."""

import pytest
from click.testing import CliRunner

from trainer.cli import main
from trainer.core.authoring.simulate import Findings, explore, simulate
from trainer.core.content.library import load_library
from trainer.core.judging.result import play_moves

#: found by hand: 9 moves through haggling and agreeing to paid_part (the search at its default limits does not)
MALICIOUS_LINE = ["verify_balance", "rebut_excuse", "empathize", "legal_warning", "reputation", "stop_supply",
                  "legal_warning", "installment_plan", "written_commitment"]


def _sc(sid):
    lib = load_library()
    sc = lib.scenarios[sid]
    return sc, lib.persona_for(sc)


def test_the_hand_found_line_passes_through_haggling_and_agreeing_to_an_ending():
    sc, p = _sc("malicious-delay")
    s, _ = play_moves(sc, p, MALICIOUS_LINE, seed=0)
    assert s.state == "paid_part" and s.ended
    assert {"haggling", "agreeing"} <= {t.state for t in s.turns}


@pytest.mark.parametrize("sid", ["malicious-delay", "factory-to-factory"])
def test_a_capped_search_claims_no_dead_end_and_no_never_reached(sid):
    sc, p = _sc(sid)
    r = simulate(sc, p, seed=0, max_nodes=300, games=30, seek_budget=200)
    assert r["search_complete"] is False
    assert r["dead_ends"] == []  # haggling and agreeing were called dead ends: MALICIOUS_LINE goes through both
    assert isinstance(r["unreached_within"], int) and 1 <= r["unreached_within"] < sc.turn_limit


def test_the_cli_says_not_reached_within_n_moves_when_it_stops_early():
    r = CliRunner().invoke(main, ["simulate", "malicious-delay", "--nodes", "200", "--seek", "100", "--games", "20"])
    assert r.exit_code == 0, r.output
    assert "never reached" not in r.output and "从未到达" not in r.output
    assert "dead ends" not in r.output
    if "未达" in r.output:
        assert "步内未到达" in r.output


def test_within_is_what_breadth_first_fully_covered():
    sc, p = _sc("factory-to-factory")
    f = Findings(p)
    ex = explore(sc, p, f, 0, 50, sc.turn_limit)
    assert ex["complete"] is False and ex["within"] <= ex["depth"]
    # every line of `within` moves was expanded: a bigger budget finds nothing new at that depth
    f2 = Findings(p)
    explore(sc, p, f2, 0, 2000, ex["within"])
    assert {s for s, ln in f2.first_line.items() if len(ln) <= ex["within"]} <= set(f.first_line) | f.reached
