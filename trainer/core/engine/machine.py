"""One ``transitions.Machine`` per persona, built once and cached; sessions join as models.

Every trigger is a move id from our own catalogue (never a string from a file), and every
condition or callback handed to transitions is a Python callable bound to a validated
Reaction — transitions would import a *string* as a dotted module path, so none is passed.

Order matters: for one trigger transitions tries transitions in the order they were added and
fires the first whose conditions hold. We add, per move: reactions naming the tactic, then
reactions naming its group, then the persona's default — so no move ever meets silence.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from transitions import EventData, Machine

from trainer.core.content import catalogue
from trainer.core.content.models import AutoRule, Persona, Reaction

if TYPE_CHECKING:  # pragma: no cover
    from trainer.core.engine.session import Session

AUTO_TRIGGER = "auto_check"
TIME_UP_TRIGGER = "time_up"
UNCLEAR = "unclear"  # a move the recogniser could not place: only the default reaction answers
TRIGGERS = catalogue.MOVE_IDS + (UNCLEAR,)


class DebtorModel:
    """The transitions model of one session. Kept free of attributes named like triggers."""

    def __init__(self, session: Session):
        self.session = session


def _sess(event: EventData) -> Session:
    return event.model.session  # type: ignore[no-any-return]


def _reaction_holds(reaction: Reaction, event: EventData) -> bool:
    s = _sess(event)
    return all(c.eval(s) for c in reaction.when)


def _reaction_fires(reaction: Reaction, event: EventData) -> None:
    _sess(event).on_reaction(reaction)


def _default_fires(event: EventData) -> None:
    _sess(event).on_default()


def _auto_holds(rule: AutoRule, event: EventData) -> bool:
    s = _sess(event)
    return all(c.eval(s) for c in rule.when)


def _auto_fires(rule: AutoRule, event: EventData) -> None:
    _sess(event).on_auto(rule)


def _entered(event: EventData) -> None:
    _sess(event).on_state_entered(event.model.state)


def build_machine(persona: Persona) -> Machine:
    live = [name for name, st in persona.states.items() if not st.terminal]
    m = Machine(model=None, states=list(persona.states), initial=persona.start, auto_transitions=False,
                send_event=True, ignore_invalid_triggers=True, after_state_change=[_entered])
    ordered = sorted(persona.reactions, key=lambda r: (r.specificity, r.index))
    for move in TRIGGERS:
        for r in ordered:
            if move in r.tactics and r.states:
                m.add_transition(move, source=list(r.states), dest=r.to,
                                 conditions=[partial(_reaction_holds, r)] if r.when else [],
                                 before=[partial(_reaction_fires, r)])
        m.add_transition(move, source=live, dest=None, before=[_default_fires])
    for rule in persona.auto:
        if rule.states:
            m.add_transition(AUTO_TRIGGER, source=list(rule.states), dest=rule.to,
                             conditions=[partial(_auto_holds, rule)], before=[partial(_auto_fires, rule)])
    if persona.out_of_time:
        m.add_transition(TIME_UP_TRIGGER, source=live, dest=persona.out_of_time)
    return m


_CACHE: dict[tuple[str, str], Machine] = {}


def machine_for(persona: Persona) -> Machine:
    key = (persona.id, persona.sha256)
    m = _CACHE.get(key)
    if m is None:
        m = _CACHE[key] = build_machine(persona)
    return m


def cache_info() -> dict[str, Any]:
    return {"machines": len(_CACHE), "models": sum(len(m.models) for m in _CACHE.values())}
