"""Scorecards: one finished session as a JSON file that anyone can re-verify by replay.

A card carries what is needed to replay it (scenario id, seed, difficulty, the raw moves) and
what the replay must reproduce (transcript, outcome, score, findings), plus the sha256 of the
scenario, persona and rubric files it was played against. Editing any of them is caught by
``verify_card``: the hashes must match the local files and the replay must give the same
transcript, outcome and score. See docs/scorecard.md.
"""

from __future__ import annotations

import json
import os
import re
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeGuard

from trainer import __version__
from trainer.core.competition.output import write_text_atomic
from trainer.core.content import catalogue
from trainer.core.content.library import ContentError, Library
from trainer.core.content.models import DIFFICULTIES
from trainer.core.engine.session import Session
from trainer.core.engine.transcript import hidden_reason_of, outcome_of
from trainer.core.judging.rubric import Rubric, load_rubric
from trainer.core.judging.scoring import Score, score_session
from trainer.core.language.recognition import Recognition

FORMAT = "huikuan-dojo/scorecard"
FORMAT_VERSION = 1
MAX_CARD_BYTES = 4 * 1024 * 1024
MAX_MOVES = 500
MAX_MOVE_CHARS = 2000
MAX_NAME = 60
_BAD_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class CardError(ValueError):
    """A card that cannot be written, read or trusted; ``str()`` says why in one line."""


def check_name(value: str, what: str, required: bool = True) -> str:
    v = (value or "").strip()
    if required and not v:
        raise CardError(f"{what} must not be empty")
    if len(v) > MAX_NAME:
        raise CardError(f"{what} is longer than {MAX_NAME} characters")
    if _BAD_NAME.search(v):
        raise CardError(f"{what} contains a control character")
    return v


def _default_recognition(text: str) -> Recognition:
    """What a fresh Session would recognise for ``text`` (the replay's view)."""
    t = text.strip()
    if t in catalogue.MOVE_IDS:
        return Recognition(t, 1.0)
    # deferred for start-up: cards of tactic ids never load the recogniser (numpy, rapidfuzz)
    from trainer.core.language.recognise import default_recogniser
    return default_recogniser().classify(t)


def card_moves(s: Session) -> list[Any]:
    """The raw moves; a move whose tactic was chosen by hand (not what the recogniser gives) is
    kept as {"text", "tactic", "confidence"} so the replay plays the same tactic."""
    out: list[Any] = []
    for i, text in enumerate(s.moves):
        if i < len(s.turns):
            t = s.turns[i]
            rec = _default_recognition(text)
            if rec.tactic != t.tactic or round(rec.confidence, 3) != round(t.confidence, 3):
                out.append({"text": text, "tactic": t.tactic, "confidence": round(t.confidence, 3)})
                continue
        out.append(text)
    return out


def build_card(s: Session, score: Score, trainee: str, team: str, rubric: Rubric,
               created_at: str | None = None) -> dict[str, Any]:
    sc, p = s.scenario, s.persona
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "version": __version__,
        "trainee": check_name(trainee, "trainee"),
        "team": check_name(team, "team", required=False),
        "scenario": {"id": sc.id, "title": sc.title, "file": sc.path, "sha256": sc.sha256},
        "persona": {"id": p.id, "name": p.name, "archetype": p.archetype, "file": p.path, "sha256": p.sha256},
        "rubric": {"version": rubric.version, "file": rubric.path, "sha256": rubric.sha256},
        "seed": s.seed,
        "difficulty": s.difficulty,
        "moves": card_moves(s),
        "transcript": [t.public() for t in s.turns],
        "outcome": outcome_of(s),
        "score": score.public(),
        "findings": [f.public() for f in score.findings],
        "feedback": score.feedback,
        "hidden_reason": hidden_reason_of(s),
        "created_at": created_at or datetime.now(UTC).isoformat(timespec="seconds"),
    }


def dumps(card: dict[str, Any]) -> str:
    return json.dumps(card, ensure_ascii=False, indent=2) + "\n"


def write_scorecard(session: Session, path: str | Path, trainee: str, team: str = "",
                    rubric: Rubric | None = None) -> dict[str, Any]:
    """Score ``session`` and write its scorecard to ``path`` (the TUI and headless play call this).
    Raises CardError for a bad name, OSError when the file cannot be written."""
    rubric = rubric or load_rubric()
    score = score_session(session, rubric)
    card = build_card(session, score, trainee, team, rubric)
    write_text_atomic(path, dumps(card))
    return card


# ------------------------------------------------------------------------------ reading
_REQUIRED: dict[str, type | tuple[type, ...]] = {
    "format": str, "trainee": str, "team": str, "scenario": dict, "persona": dict, "rubric": dict, "seed": int,
    "difficulty": str, "moves": list, "transcript": list, "outcome": dict, "score": dict, "findings": list}


def parse_card(data: bytes) -> dict[str, Any]:
    """Bytes → a structurally sound card dict, or CardError."""
    if len(data) > MAX_CARD_BYTES:
        raise CardError(f"larger than {MAX_CARD_BYTES // (1024 * 1024)} MB")
    try:
        card = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CardError("not UTF-8") from None
    except json.JSONDecodeError as e:
        raise CardError(f"not JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    except RecursionError:
        raise CardError("JSON nested too deeply") from None
    if not isinstance(card, dict) or card.get("format") != FORMAT:
        raise CardError(f"not a scorecard (no \"format\": \"{FORMAT}\")")
    if card.get("format_version") != FORMAT_VERSION:
        raise CardError(f"scorecard format_version {card.get('format_version')!r} is not {FORMAT_VERSION}")
    for key, typ in _REQUIRED.items():
        if key not in card:
            raise CardError(f"missing \"{key}\"")
        if not isinstance(card[key], typ) or (typ is int and isinstance(card[key], bool)):
            raise CardError(f"\"{key}\" has the wrong type")
    for part in ("scenario", "persona", "rubric"):
        if not isinstance(card[part].get("sha256"), str):
            raise CardError(f"missing \"{part}.sha256\"")
    if not isinstance(card["scenario"].get("id"), str):
        raise CardError("missing \"scenario.id\"")
    check_name(card["trainee"], "trainee")
    check_name(card["team"], "team", required=False)
    if card["difficulty"] not in DIFFICULTIES:
        raise CardError(f"unknown difficulty '{card['difficulty']}'")
    _check_hidden_reason(card.get("hidden_reason"))
    if len(card["moves"]) > MAX_MOVES:
        raise CardError(f"more than {MAX_MOVES} moves")
    for m in card["moves"]:
        text = m.get("text") if isinstance(m, dict) else m
        if not isinstance(text, str) or len(text) > MAX_MOVE_CHARS:
            raise CardError("a move is not text (or is too long)")
        if isinstance(m, dict) and (m.get("tactic") not in catalogue.MOVE_IDS + (None,)
                                    or not isinstance(m.get("confidence", 1.0), (int, float))):
            raise CardError(f"a move names unknown tactic {m.get('tactic')!r}")
    return card


def is_int(x: object) -> TypeGuard[int]:
    """A JSON whole number (JSON's true/false are not numbers here)."""
    return isinstance(x, int) and not isinstance(x, bool)


def _check_hidden_reason(hr: Any) -> None:
    """Optional (cards written before it existed have none): null or {reason: 1..13, found_turn: int|null}."""
    if hr is None:
        return
    if not isinstance(hr, dict):
        raise CardError("\"hidden_reason\" has the wrong type")
    if not is_int(hr.get("reason")) or not 1 <= hr["reason"] <= 13:
        raise CardError("\"hidden_reason.reason\" is not a course reason number 1..13")
    found = hr.get("found_turn")
    if found is not None and (not is_int(found) or found < 1):
        raise CardError("\"hidden_reason.found_turn\" is not a turn number or null")


def read_card(path: str | Path) -> tuple[dict[str, Any], bytes]:
    try:
        # non-blocking open + fstat: a FIFO (no writer) or a device is refused at once instead of hanging
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise CardError("不是普通文件(管道、设备或文件夹),评分卡须是一个 .json 文件")
            os.set_blocking(fd, True)
            data = fh.read(MAX_CARD_BYTES + 1)
    except OSError as e:
        raise CardError(f"cannot read: {e.strerror or e}") from None
    return parse_card(data), data


def replay(card: dict[str, Any], lib: Library, rubric: Rubric) -> tuple[Session, Score]:
    """Play the card's moves again with its seed against the local files."""
    sid = card["scenario"]["id"]
    sc = lib.scenarios.get(sid)
    if sc is None:
        raise CardError(f"unknown scenario '{sid}' (not in the local scenarios)")
    try:
        persona = lib.persona_for(sc)
    except ContentError as e:
        raise CardError(str(e)) from None
    for part, local in (("scenario", sc), ("persona", persona), ("rubric", rubric)):
        if card[part]["sha256"] != local.sha256:
            raise CardError(f"{part} file differs from the local {local.path} (sha256 mismatch)")
    s = Session(sc, persona, seed=card["seed"], difficulty=card["difficulty"])
    for m in card["moves"]:
        if isinstance(m, dict):
            s.play(m["text"], Recognition(m.get("tactic"), float(m.get("confidence", 1.0))))
        else:
            s.play(m)
    s.close()
    return s, score_session(s, rubric)


def json_values(x: Any) -> Any:
    """``x`` as it reads back from JSON (tuples → lists, int keys → str), to compare with a card."""
    return json.loads(json.dumps(x, ensure_ascii=False))


#: turn fields added after format 1 was first written (what the recogniser heard, the act answered)
HEARD_FIELDS = frozenset({"acts", "amounts", "dates", "conditional", "concession", "answered", "visit"})


def verify_card(card: dict[str, Any], lib: Library, rubric: Rubric,
                cache: dict[str, tuple[Session, Score]] | None = None) -> None:
    """Raise CardError naming the first difference between the card and its replay.
    ``cache`` (shared across cards) replays identical scenario + seed + moves only once."""
    if cache is None:
        s, score = replay(card, lib, rubric)
    else:
        key = json.dumps([card["scenario"], card["persona"].get("sha256"), card["rubric"].get("sha256"),
                          card["seed"], card["difficulty"], card["moves"]], ensure_ascii=False, sort_keys=True)
        if key not in cache:
            cache[key] = replay(card, lib, rubric)
        s, score = cache[key]
    if card["score"] != json_values(score.public()):
        raise CardError(f"score differs from the replay (card total {card['score'].get('total')!r}, "
                        f"replay {score.total})")
    if card["outcome"] != json_values(outcome_of(s)):
        raise CardError(f"outcome differs from the replay (card {card['outcome'].get('result')!r}, "
                        f"replay {s.outcome.result if s.outcome else 'no_progress'!r})")
    transcript = json_values([t.public() for t in s.turns])
    if card.get("format_version", 1) == 1 and all(isinstance(t, dict) for t in card["transcript"]):
        # cards written before turns carried what was heard lack those fields: compare what they have
        transcript = [{k: v for k, v in t.items() if k not in HEARD_FIELDS or k in c}
                      for t, c in zip(transcript, card["transcript"] + [{}] * len(transcript), strict=False)]
    if card["transcript"] != transcript:
        n = next((i + 1 for i, (a, b) in enumerate(zip(card["transcript"], transcript, strict=False)) if a != b),
                 min(len(card["transcript"]), len(transcript)) + 1)
        raise CardError(f"transcript differs from the replay at turn {n}")
    if card["findings"] != json_values([f.public() for f in score.findings]):
        raise CardError("findings differ from the replay")
    replayed = hidden_reason_of(s)
    if "hidden_reason" in card and card["hidden_reason"] != replayed:
        raise CardError(f"hidden_reason differs from the replay (card {_found(card['hidden_reason'])}, "
                        f"replay {_found(replayed)})")


def _found(hr: dict[str, Any] | None) -> str:
    if hr is None:
        return "none"
    turn = hr.get("found_turn")
    return f"reason {hr.get('reason')} found at turn {turn}" if turn else f"reason {hr.get('reason')} not found"
