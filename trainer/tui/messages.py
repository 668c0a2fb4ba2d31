"""Messages widgets post upwards; screens and the app decide what happens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class ScenarioChosen(Message):
    """A scenario card was picked."""

    scenario_id: str


@dataclass
class StartRequested(Message):
    """The briefing is done: start a session."""

    scenario_id: str
    difficulty: str
    prepared: int  # checklist items ticked
    ticked: tuple[int, ...] = ()  # which ones (1-based, the rubric's checklist order): scored under 有矩


@dataclass
class TacticPicked(Message):
    """A tactic was chosen in the palette."""

    tactic_id: str


@dataclass
class SessionEnded(Message):
    """The negotiation reached an ending (or the trainee ended it)."""

    session_id: int
