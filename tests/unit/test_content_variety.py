"""Content: a new user playing 10–15 varied turns never hears the debtor repeat a line."""

import random

import pytest

from trainer.core.content import catalogue
from trainer.core.content.library import load_library
from trainer.core.engine.session import Session

LIB = load_library()


@pytest.mark.parametrize("scenario_id", sorted(LIB.scenarios))
def test_no_repeated_reply_in_varied_play(scenario_id):
    scenario = LIB.scenarios[scenario_id]
    persona = LIB.persona_for(scenario)
    repeats = []
    for seed in range(8):
        rng = random.Random(seed)
        # a curious trainee: mostly soft and procedural moves, so the session lasts, no tactic twice in a row
        pool = [t for t in catalogue.TACTIC_IDS if catalogue.group_of(t) != "法" and t != "legal_action"]
        s = Session(scenario, persona, seed=seed)
        last = None
        for _ in range(15):
            move = rng.choice([t for t in pool if t != last])
            last = move
            s.play(move)
        replies = [t.reply for t in s.turns]
        dup = {r for r in replies if replies.count(r) > 1}
        if dup:
            repeats.append((seed, len(s.turns), sorted(dup)[:2]))
    assert not repeats, repeats


def test_every_persona_is_rich_enough():
    for p in LIB.personas.values():
        assert len(p.states) >= 8, p.id
        specific = {t for r in p.reactions if r.specificity == 0 for t in r.tactics}
        assert len(specific & set(catalogue.TACTIC_IDS)) >= 20, (p.id, len(specific))
        assert all(len(r.replies) >= 3 for r in p.reactions), p.id
        assert p.hidden_reason is not None and any(r.reveals for r in p.reactions), p.id
