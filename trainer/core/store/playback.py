"""A past session as a read-only playback: what `trainer replay CARD` shows turn by turn.

Built from a parsed scorecard, which is hostile input: every item the playback shows is
type-checked here, and a wrong one is a one-line CardError naming it
(``transcript[3].reply is not text``). The card is also re-verified against the local files;
a card that does not verify is still shown, with the reason.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trainer.core.competition.scorecard import CardError, build_card, is_int, json_values, read_card, verify_card
from trainer.core.content import catalogue
from trainer.core.content.library import Library, load_library
from trainer.core.engine.session import Session
from trainer.core.judging.rubric import Rubric, load_rubric
from trainer.core.judging.scoring import score_session
from trainer.core.store.db import TurnRow


@dataclass(frozen=True)
class PinnedFinding:
    turn: int | None
    principle: str
    points: int
    message: str
    course: str
    suggestion: str = ""
    title: str = ""

    def public(self) -> dict[str, Any]:
        return {"turn": self.turn, "principle": self.principle, "points": self.points, "message": self.message,
                "course": self.course, "suggestion": self.suggestion, "title": self.title}


@dataclass(frozen=True)
class PlaybackTurn(TurnRow):
    """A turn as the card recorded it: the fields the store keeps for a turn, plus the coach's note."""

    note: str = ""

    def public(self) -> dict[str, Any]:
        return {"n": self.n, "move": self.move, "tactic": self.tactic, "confidence": self.confidence,
                "reply": self.reply, "state": self.state, "note": self.note}


@dataclass
class Playback:
    file: str
    trainee: str
    team: str
    scenario_id: str
    scenario_title: str
    persona_id: str
    persona_name: str
    difficulty: str
    seed: int
    created_at: str
    total: int
    principles: dict[str, int]
    outcome: dict[str, Any]
    #: {"reason", "label", "found_turn", "truth"} or None; truth only when the local persona file is the card's
    hidden_reason: dict[str, Any] | None
    turns: list[PlaybackTurn]
    pinned: dict[int, list[PinnedFinding]] = field(default_factory=dict)
    session_findings: list[PinnedFinding] = field(default_factory=list)
    verified: bool = False
    problem: str = ""
    session_id: int | None = None  # set when played back from the local store rather than a card file

    def findings_at(self, n: int) -> list[PinnedFinding]:
        return self.pinned.get(n, [])

    def public(self) -> dict[str, Any]:
        return {
            "file": self.file, "verified": self.verified, "problem": self.problem,
            "trainee": self.trainee, "team": self.team,
            "scenario": {"id": self.scenario_id, "title": self.scenario_title},
            "persona": {"id": self.persona_id, "name": self.persona_name},
            "difficulty": self.difficulty, "seed": self.seed, "created_at": self.created_at,
            "score": {"total": self.total, "principles": dict(self.principles)},
            "outcome": self.outcome, "hidden_reason": self.hidden_reason,
            "turns": [t.public() | {"findings": [f.public() for f in self.findings_at(t.n)]} for t in self.turns],
            "session_findings": [f.public() for f in self.session_findings],
        }


# ------------------------------------------------------------------------------ strict item checks
def _text(d: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    v = d.get(key, default)
    if not isinstance(v, str):
        raise CardError(f"{where}.{key} 不是文字")
    return v


def _int(d: dict[str, Any], key: str, where: str, default: int | None = None) -> int:
    v = d.get(key, default)
    if not is_int(v):
        raise CardError(f"{where}.{key} 不是整数")
    return v


def _num(d: dict[str, Any], key: str, where: str) -> float:
    v = d.get(key)
    if not (is_int(v) or isinstance(v, float)) or not math.isfinite(v):
        raise CardError(f"{where}.{key} 不是数字")
    return float(v)


def _obj(x: Any, where: str) -> dict[str, Any]:
    if not isinstance(x, dict):
        raise CardError(f"{where} 不是对象")
    return x


def _turns(card: dict[str, Any]) -> list[PlaybackTurn]:
    out = []
    for i, raw in enumerate(card["transcript"]):
        where = f"transcript[{i}]"
        t = _obj(raw, where)
        n = _int(t, "n", where)
        if n != i + 1:
            raise CardError(f"{where}.n 是 {n},应该是 {i + 1}")
        tactic = t.get("tactic")
        if tactic is not None and tactic not in catalogue.MOVE_IDS:
            raise CardError(f"{where}.tactic {str(tactic)[:40]!r} 不是已知的招式")
        out.append(PlaybackTurn(n, _text(t, "move", where), tactic, round(_num(t, "confidence", where), 3),
                                _text(t, "reply", where), _text(t, "state", where), _text(t, "note", where, "")))
    return out


def _findings(card: dict[str, Any], last_turn: int) -> tuple[dict[int, list[PinnedFinding]], list[PinnedFinding]]:
    pinned: dict[int, list[PinnedFinding]] = {}
    overall: list[PinnedFinding] = []
    for i, raw in enumerate(card["findings"]):
        where = f"findings[{i}]"
        f = _obj(raw, where)
        turn = f.get("turn")
        if turn is not None and (not is_int(turn) or not 1 <= turn <= last_turn):
            raise CardError(f"{where}.turn 不是对话记录里的回合(1..{last_turn})或 null")
        item = PinnedFinding(turn, _text(f, "principle", where), _int(f, "points", where),
                             _text(f, "message", where), _text(f, "course", where, ""),
                             _text(f, "suggestion", where, ""), _text(f, "title", where, ""))
        (overall if turn is None else pinned.setdefault(turn, [])).append(item)
    return pinned, overall


def _outcome(card: dict[str, Any]) -> dict[str, Any]:
    o: dict[str, Any] = card["outcome"]
    where = "outcome"
    _text(o, "result", where)
    for key in ("owed", "paid", "committed"):
        _int(o, key, where)
    _int(o, "promised", where, 0)
    _num(o, "recovered_ratio", where)
    _text(o, "summary", where, "")
    if not isinstance(o.get("in_writing", False), bool):
        raise CardError(f"{where}.in_writing 不是 true 或 false")
    plan = o.get("plan", [])
    if not isinstance(plan, list):
        raise CardError(f"{where}.plan 不是列表")
    for i, raw in enumerate(plan):
        item = _obj(raw, f"{where}.plan[{i}]")
        _int(item, "amount", f"{where}.plan[{i}]")
        _text(item, "note", f"{where}.plan[{i}]", "")
        if item.get("due_date") is not None:
            _text(item, "due_date", f"{where}.plan[{i}]")
    return o


def _score(card: dict[str, Any]) -> tuple[int, dict[str, int]]:
    s = card["score"]
    total = _int(s, "total", "score")
    principles = _obj(s.get("principles"), "score.principles")
    for key, v in principles.items():
        if not is_int(v):
            raise CardError(f"score.principles.{str(key)[:40]} 不是整数")
    return total, dict(principles)


def _hidden_reason(card: dict[str, Any], last_turn: int, lib: Library | None) -> dict[str, Any] | None:
    hr = card.get("hidden_reason")  # parse_card has checked its shape
    if hr is None:
        return None
    found = hr.get("found_turn")
    if found is not None and found > last_turn:
        raise CardError(f"hidden_reason.found_turn 不是对话记录里的回合(1..{last_turn})")
    truth = None
    persona = lib.personas.get(card["persona"].get("id")) if lib is not None else None
    if persona is not None and persona.sha256 == card["persona"]["sha256"] and persona.hidden_reason:
        truth = persona.hidden_reason.truth  # the card does not carry it; only trust the same file's
    return {"reason": hr["reason"], "label": catalogue.NONPAYMENT_REASONS[hr["reason"]], "found_turn": found, "truth": truth}


# ------------------------------------------------------------------------------ building
def playback_from_card(card: dict[str, Any], file: str = "", lib: Library | None = None,
                       rubric: Rubric | None = None, verify: bool = True) -> Playback:
    """A parsed card (``scorecard.parse_card``) → Playback, or CardError naming the first bad item.
    With ``verify`` the card is replayed against ``lib`` and ``rubric`` (default: the local ones)."""
    if verify and lib is None:
        lib = load_library()
    turns = _turns(card)
    pinned, overall = _findings(card, len(turns))
    total, principles = _score(card)
    scenario, persona = card["scenario"], card["persona"]
    pb = Playback(
        file=file, trainee=card["trainee"].strip(), team=card["team"].strip(),
        scenario_id=scenario["id"], scenario_title=_text(scenario, "title", "scenario", scenario["id"]),
        persona_id=_text(persona, "id", "persona", ""), persona_name=_text(persona, "name", "persona", ""),
        difficulty=card["difficulty"], seed=card["seed"], created_at=_text(card, "created_at", "card", ""),
        total=total, principles=principles, outcome=_outcome(card),
        hidden_reason=_hidden_reason(card, len(turns), lib),
        turns=turns, pinned=pinned, session_findings=overall)
    if verify:
        pb.verified, pb.problem = _verify(card, lib, rubric)
    return pb


def _verify(card: dict[str, Any], lib: Library | None, rubric: Rubric | None) -> tuple[bool, str]:
    try:
        if rubric is None:
            rubric = load_rubric()
        verify_card(card, lib, rubric)  # type: ignore[arg-type]
    except Exception as e:  # noqa: BLE001 — a card the replay cannot reproduce is unverified, never fatal
        msg = str(e).splitlines()[0] if str(e) else type(e).__name__
        return False, msg
    return True, ""


def playback_from_session(session: Session, session_id: int, trainee: str = "", team: str = "",
                          lib: Library | None = None) -> Playback:
    """A session from the local store (already replayed by ``store.restore``) as a playback: the card it
    would export, built in memory, so the debrief looks the same whether it comes from a file or not."""
    rubric = load_rubric()
    card = json_values(build_card(session, score_session(session, rubric), trainee.strip() or "学员", team, rubric))
    pb = playback_from_card(card, "", lib, rubric, verify=False)
    pb.session_id = session_id
    return pb


def load_playback(path: str | Path, lib: Library | None = None, rubric: Rubric | None = None,
                  verify: bool = True) -> Playback:
    """Read, check and (with ``verify``) re-verify the card at ``path``. Raises CardError."""
    card, _ = read_card(path)
    return playback_from_card(card, str(path), lib, rubric, verify)
