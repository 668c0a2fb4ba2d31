"""Content: what an ending says it recovers is what its figures recover."""

import re

import pytest

from trainer.core.content.library import load_library

LIB = load_library()
#: an ending whose story has the rest paid off (余款三十天内付清, 其余{promised_amount}{due_date}前付清)
_REST_PAID_OFF = re.compile(r"(余款|其余)[^。;；]{0,30}付清")


@pytest.mark.parametrize("scenario_id", sorted(LIB.scenarios))
def test_an_ending_that_pays_off_the_rest_recovers_the_whole_debt(scenario_id):
    # stop 53: bad-debt-signs signed "余款…前付清" on 42% in goods and 50% in writing, so every course-right line there
    # recovered 92% and the signed plan never carried the trainee's own 余款 (52万扣掉21.6万还剩30.4万); quality-dispute
    # signed 58.88万 for 64万 less a 5.2万 batch. The whole is the debt, less a disputed part owned as ours
    scenario = LIB.scenarios[scenario_id]
    owed, disputed = scenario.case.owed, scenario.case.disputed or 0
    for name, state in LIB.persona_for(scenario).endings.items():
        ending = state.ending
        if not _REST_PAID_OFF.search(ending.summary or ""):
            continue
        recovered = round(owed * (ending.paid + ending.committed))
        assert recovered in (owed, owed - disputed), (name, recovered)
        if ending.plan:
            assert sum(round(owed * part.share) for part in ending.plan) == recovered, name
