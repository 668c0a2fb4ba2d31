"""One ``transitions.Machine`` per persona, built once and cached; sessions join as models.

The machine only moves between states. *Which* reaction answers a move is the engine's choice,
made in one place (`Session.play`, through `reactions_for`): the machine then fires that reaction's
own trigger. So the machine holds no conditions and no callbacks at all, and nothing from a file
ever reaches transitions (it would import a string callback as a dotted module path).

Triggers are our own names: ``r<index>`` per reaction (``dest=None`` = stays, an internal
transition), ``default`` for the persona's default answer, ``a<index>`` per automatic rule and
``time_up`` when the turn limit strikes.

Reaction order per move, the contract authors rely on (docs/authoring.md): reactions naming the
tactic, then reactions naming its group, then file order; the first whose conditions hold answers;
if none does, the default.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from transitions import Machine

from trainer.core.content import catalogue
from trainer.core.content.models import AutoRule, Persona, Reaction

if TYPE_CHECKING:
    from transitions.core import StateIdentifier

DEFAULT_TRIGGER = "default"
TIME_UP_TRIGGER = "time_up"
UNCLEAR = "unclear"  # a move the recogniser could not place: only reactions listing 'unclear' (or the default) answer
MOVES = catalogue.MOVE_IDS + (UNCLEAR,)


class DebtorModel:
    """The transitions model of one session: transitions keeps the state on it as ``.state``.
    Kept free of attributes named like triggers."""

    # set on the instance by transitions when the model joins a machine (declared here for the type checker only)
    state: str
    trigger: Callable[..., bool]

    def __init__(self, session: object):
        self.session = session


def reaction_trigger(reaction: Reaction | None) -> str:
    return DEFAULT_TRIGGER if reaction is None else f"r{reaction.index}"


def auto_trigger(rule: AutoRule) -> str:
    return f"a{rule.index}"


class DebtorMachine(Machine):
    """A ``Machine`` whose models get only ``trigger``: a session moves by ``model.trigger(name)`` with the trigger
    of the reaction or rule the engine chose, never by the per-trigger methods (one per reaction, about 80 on a
    rich persona) or the ``is_<state>`` helpers that ``add_model`` otherwise puts on every model. Setting those up
    was a fifth of replaying a scorecard (bench/bench_leaderboard.py)."""

    def _add_trigger_to_model(self, trigger: str, model: object) -> None:
        pass

    def _add_model_to_state(self, state: object, model: object) -> None:
        pass


def build_machine(persona: Persona) -> Machine:
    live: list[StateIdentifier] = [name for name, st in persona.states.items() if not st.terminal]
    m = DebtorMachine(model=None, states=list(persona.states), initial=persona.start, auto_transitions=False,
                ignore_invalid_triggers=False)
    for r in persona.reactions:
        if r.states:
            m.add_transition(reaction_trigger(r), source=list(r.states), dest=r.to)
    m.add_transition(DEFAULT_TRIGGER, source=live, dest=None)
    for rule in persona.auto:
        if rule.states:
            m.add_transition(auto_trigger(rule), source=list(rule.states), dest=rule.to)
    if persona.out_of_time:
        m.add_transition(TIME_UP_TRIGGER, source=live, dest=persona.out_of_time)
    return m


def build_order(persona: Persona) -> dict[str, tuple[Reaction, ...]]:
    """Per move, the reactions that may answer it, in the order they are tried."""
    ordered = sorted(persona.reactions, key=lambda r: (r.specificity, r.index))
    return {move: tuple(r for r in ordered if move in r.tactics and r.states) for move in MOVES}


_CACHE: dict[tuple[str, str], tuple[Machine, dict[str, tuple[Reaction, ...]]]] = {}


def _cached(persona: Persona) -> tuple[Machine, dict[str, tuple[Reaction, ...]]]:
    key = (persona.id, persona.sha256)
    entry = _CACHE.get(key)
    if entry is None:
        entry = _CACHE[key] = (build_machine(persona), build_order(persona))
    return entry


def machine_for(persona: Persona) -> Machine:
    return _cached(persona)[0]


def reactions_for(persona: Persona, move: str) -> tuple[Reaction, ...]:
    return _cached(persona)[1].get(move, ())


def cache_info() -> dict[str, Any]:
    return {"machines": len(_CACHE), "models": sum(len(m.models) for m, _ in _CACHE.values())}
