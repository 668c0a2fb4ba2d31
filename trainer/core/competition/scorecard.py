"""Scorecards: one finished session as a JSON file that anyone can re-verify by replay.

A card carries what is needed to replay it (scenario id, seed, difficulty, the raw moves) and
what the replay must reproduce (transcript, outcome, score, findings), plus the sha256 of the
scenario, persona and rubric files it was played against. Editing any of them is caught by
``verify_card``: the hashes must match the local files and the replay must give the same
transcript, outcome and score. See docs/scorecard.md.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import stat
from collections import OrderedDict
from collections.abc import Collection
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeGuard

from trainer import __version__
from trainer.core.competition.output import plain, write_text_atomic
from trainer.core.content import catalogue
from trainer.core.content.library import ContentError, Library
from trainer.core.content.models import DIFFICULTIES, Persona, Scenario
from trainer.core.content.oserror import os_reason
from trainer.core.engine.session import Session
from trainer.core.engine.transcript import hidden_reason_of, outcome_of
from trainer.core.judging.rubric import PRINCIPLES, Rubric, load_rubric
from trainer.core.judging.scoring import Score, score_session
from trainer.core.language.recognition import Recognition, as_picked

FORMAT = "huikuan-dojo/scorecard"
FORMAT_VERSION = 1
MAX_CARD_BYTES = 4 * 1024 * 1024
MAX_MOVES = 500
MAX_MOVE_CHARS = 2000
MAX_NAME = 60
MAX_SEED = 2**32 - 1  # seeds are 0..MAX_SEED: -7 and 7 give one game, so negatives are refused
MAX_DIGITS = 18  # no number on a card is longer (a 5,000-digit seed must not reach int())
MAX_STRING = 4000  # characters in any one string
MAX_LIST = 1000  # items in any one list
MAX_KEYS = 200  # keys in any one object
MAX_DEPTH = 12  # objects and lists inside each other (a real card needs 6)
MAX_ID = 64
_BAD_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class CardError(ValueError):
    """A card that cannot be written, read or trusted; ``str()`` says why in one line — whatever the card
    holds: a value quoted from it is stripped of line breaks and escape sequences, and the message is capped."""

    def __init__(self, message: object = "") -> None:
        text = plain(message)
        super().__init__(text if len(text) <= 300 else text[:297] + "…")


#: what a card's checked value is called in a message (callers pass an id or a Chinese word)
_WHAT = {"trainee": "学员姓名", "team": "小组", "--trainee": "--trainee 姓名", "--team": "--team 小组",
         "seed": "种子", "--seed": "--seed 种子"}
_PART_NAMES = {"scenario": "场景", "persona": "角色", "rubric": "评分表"}


def _what(what: str) -> str:
    return _WHAT.get(what, what)


def check_seed(seed: int, what: str = "seed") -> int:
    if not is_int(seed) or not 0 <= seed <= MAX_SEED:
        raise CardError(f"{_what(what)}必须是 0 到 {MAX_SEED} 之间的整数")
    return seed


def check_name(value: str, what: str, required: bool = True) -> str:
    v = (value or "").strip()
    if required and not v:
        raise CardError(f"{_what(what)}不能为空")
    if len(v) > MAX_NAME:
        raise CardError(f"{_what(what)}超过 {MAX_NAME} 个字符")
    if _BAD_NAME.search(v):
        raise CardError(f"{_what(what)}含有控制字符")
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
        "seed": check_seed(s.seed),
        "difficulty": s.difficulty,
        "moves": card_moves(s),
        "transcript": [t.public() for t in s.turns],
        "outcome": outcome_of(s),
        "score": score.public(),
        "findings": [f.public() for f in score.findings],
        "feedback": score.feedback,
        "hidden_reason": hidden_reason_of(s),
        **({"prepared": list(s.prepared)} if s.prepared is not None else {}),
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


def _check_prepared(prepared: Any) -> None:
    """`prepared`: the 十大事先准备 ticked (1-based), absent when not known."""
    if prepared is None:
        return
    if (not isinstance(prepared, list) or len(prepared) > 50
            or not all(isinstance(i, int) and not isinstance(i, bool) and 1 <= i <= 50 for i in prepared)):
        raise CardError("\"prepared\" 不是准备清单编号(1..50)的列表")


def parse_card(data: bytes, principles: Collection[str] | None = None) -> dict[str, Any]:
    """Bytes → a structurally sound card dict, or CardError. ``principles``: the rubric's principle keys
    (default: the rubric file's; the leaderboard passes its rubric's once for all cards)."""
    if len(data) > MAX_CARD_BYTES:
        raise CardError(f"文件超过 {MAX_CARD_BYTES // (1024 * 1024)} MB")
    try:
        card = json.loads(data.decode("utf-8-sig"), parse_int=_bounded_int, parse_float=_bounded_float)
    except UnicodeDecodeError:
        raise CardError("不是 UTF-8 文本") from None
    except json.JSONDecodeError as e:
        raise CardError(f"不是有效的 JSON(第 {e.lineno} 行第 {e.colno} 列)") from None
    except RecursionError:
        raise CardError("JSON 嵌套太深") from None
    _check_shape(card)
    if not isinstance(card, dict) or card.get("format") != FORMAT:
        raise CardError(f"不是评分卡(没有 \"format\": \"{FORMAT}\")")
    if card.get("format_version") != FORMAT_VERSION:
        raise CardError(f"评分卡的 \"format_version\" 是 {card.get('format_version')!r},本程序认的是 {FORMAT_VERSION}")
    for key, typ in _REQUIRED.items():
        if key not in card:
            raise CardError(f"缺少 \"{key}\"")
        if not isinstance(card[key], typ) or (typ is int and isinstance(card[key], bool)):
            raise CardError(f"\"{key}\" 的类型不对")
    for part in ("scenario", "persona", "rubric"):
        if not isinstance(card[part].get("sha256"), str):
            raise CardError(f"缺少 \"{part}.sha256\"")
    sid = card["scenario"].get("id")
    if not isinstance(sid, str):
        raise CardError("缺少 \"scenario.id\"")
    if not sid or len(sid) > MAX_ID or _BAD_NAME.search(sid) or sid != sid.strip():
        raise CardError(f"\"scenario.id\" 不是有效的编号(1..{MAX_ID} 个可打印字符)")
    check_seed(card["seed"], "\"seed\"")
    _check_score(card["score"], frozenset(PRINCIPLES if principles is None else principles))
    check_name(card["trainee"], "trainee")
    check_name(card["team"], "team", required=False)
    if card["difficulty"] not in DIFFICULTIES:
        raise CardError(f"未知的难度 '{card['difficulty']}'")
    _check_hidden_reason(card.get("hidden_reason"))
    _check_prepared(card.get("prepared"))
    if len(card["moves"]) > MAX_MOVES:
        raise CardError(f"走法超过 {MAX_MOVES} 步")
    for m in card["moves"]:
        text = m.get("text") if isinstance(m, dict) else m
        if not isinstance(text, str) or len(text) > MAX_MOVE_CHARS:
            raise CardError("有一步走法不是文字(或太长)")
        if isinstance(m, dict) and m.get("tactic") not in catalogue.MOVE_IDS + (None,):
            raise CardError(f"有一步走法用了未知的招式 {m.get('tactic')!r}")
        conf = m.get("confidence", 1.0) if isinstance(m, dict) else 1.0
        if not isinstance(conf, (int, float)) or isinstance(conf, bool) or not 0 <= conf <= 1:
            raise CardError("有一步走法的 \"confidence\" 不是 0 到 1 之间的数")
    return card


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise CardError(f"有个数字超过 {MAX_DIGITS} 位")
    return int(text)


def _bounded_float(text: str) -> float:
    """(NaN and huge exponents become nan/inf floats: the range checks and the replay refuse them.)"""
    if len(text) > 40:
        raise CardError("有个数字超过 40 个字符")
    return float(text)


def _check_shape(root: Any) -> None:
    """Sizes of the parsed card, without recursion: nesting, list sizes, object sizes, string lengths."""
    if type(root) is not dict and type(root) is not list:
        return
    stack: list[tuple[Any, int]] = [(root, 1)]
    while stack:
        x, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise CardError(f"嵌套超过 {MAX_DEPTH} 层")
        if type(x) is dict:
            if len(x) > MAX_KEYS:
                raise CardError(f"有个对象的键超过 {MAX_KEYS} 个")
            if any(len(k) > MAX_STRING for k in x):
                raise CardError(f"有个键超过 {MAX_STRING} 个字符")
            values = x.values()
        else:
            if len(x) > MAX_LIST:
                raise CardError(f"有个列表超过 {MAX_LIST} 项")
            values = x
        for v in values:
            t = type(v)
            if t is str:
                if len(v) > MAX_STRING:
                    raise CardError(f"有段文字超过 {MAX_STRING} 个字符")
            elif t is dict or t is list:
                stack.append((v, depth + 1))


def _check_score(score: dict[str, Any], keys: frozenset[str]) -> None:
    total = score.get("total")
    if not is_int(total) or not 0 <= total <= 100:
        raise CardError("\"score.total\" 不是 0 到 100 之间的整数")
    principles = score.get("principles")
    if not isinstance(principles, dict):
        raise CardError("\"score.principles\" 的类型不对")
    for k, v in principles.items():
        if k not in keys:
            raise CardError(f"\"score.principles\" 里有未知的原则 {plain(k)[:MAX_ID]!r}")
        if not isinstance(v, (int, float)) or isinstance(v, bool) or not 0 <= v <= 100:
            raise CardError(f"\"score.principles.{k}\" 不是 0 到 100 之间的数")


def is_int(x: object) -> TypeGuard[int]:
    """A JSON whole number (JSON's true/false are not numbers here)."""
    return isinstance(x, int) and not isinstance(x, bool)


def _check_hidden_reason(hr: Any) -> None:
    """Optional (cards written before it existed have none): null or {reason: 1..13, found_turn: int|null}."""
    if hr is None:
        return
    if not isinstance(hr, dict):
        raise CardError("\"hidden_reason\" 的类型不对")
    if not is_int(hr.get("reason")) or not 1 <= hr["reason"] <= 13:
        raise CardError("\"hidden_reason.reason\" 不是课程里的原因编号 1..13")
    found = hr.get("found_turn")
    if found is not None and (not is_int(found) or found < 1):
        raise CardError("\"hidden_reason.found_turn\" 不是回合数或 null")


def read_card(path: str | Path, principles: Collection[str] | None = None) -> tuple[dict[str, Any], bytes]:
    try:
        # non-blocking open + fstat: a FIFO (no writer) or a device is refused at once instead of hanging
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise CardError("不是普通文件(管道、设备或文件夹),评分卡须是一个 .json 文件")
            os.set_blocking(fd, True)
            data = fh.read(MAX_CARD_BYTES + 1)
    except OSError as e:
        raise CardError(f"无法读取({os_reason(e)})") from None
    return parse_card(data, principles), data


#: what the recogniser heard in a line of free text on a scenario's date, shared by the replays of one process:
#: the recogniser is built once per process (recognise.default_recogniser) and is deterministic, so a line
#: heard once is heard the same in every replay; bounded (least recently used out first)
_HEARD: OrderedDict[tuple[str, str], Recognition] = OrderedDict()
HEARD_SIZE = 4096


def _heard(s: Session, move: str) -> Recognition:
    """``s.recognise(move)``, remembered per (line, scenario date); a fresh copy each time."""
    key = (move, s.scenario.case.date)
    rec = _HEARD.get(key)
    if rec is None:
        rec = _HEARD[key] = s.recognise(move)
        if len(_HEARD) > HEARD_SIZE:
            _HEARD.popitem(last=False)
    else:
        _HEARD.move_to_end(key)
    return dataclasses.replace(rec, alternatives=list(rec.alternatives))


def replay(card: dict[str, Any], lib: Library, rubric: Rubric) -> tuple[Session, Score]:
    """Play the card's moves again with its seed against the local files (whatever their version:
    the replay, not the files' hashes, decides whether the card stands). A line of free text is heard
    as ``Session.play`` would hear it (``Session.recognise``), once per process (``_heard``)."""
    sc, persona = _local_content(card, lib)
    prepared = card.get("prepared")
    s = Session(sc, persona, seed=card["seed"], difficulty=card["difficulty"],
                prepared=tuple(prepared) if prepared is not None else None)
    for m in card["moves"]:
        if isinstance(m, dict):
            s.play(m["text"], as_picked(_heard(s, m["text"]), m.get("tactic"), float(m.get("confidence", 1.0))))
        else:
            s.play(m, _heard(s, m))
    s.close()
    return s, score_session(s, rubric)


def content_version(scenario_sha: str, persona_sha: str, rubric_sha: str) -> str:
    """A short name for the scenario + persona + rubric files a card was played on (8 hex digits)."""
    return hashlib.sha256(f"{scenario_sha}\n{persona_sha}\n{rubric_sha}".encode()).hexdigest()[:8]


def card_content_version(card: dict[str, Any]) -> str:
    return content_version(str(card["scenario"]["sha256"]), str(card["persona"]["sha256"]),
                           str(card["rubric"]["sha256"]))


def local_content_version(card: dict[str, Any], lib: Library, rubric: Rubric) -> str | None:
    sc = lib.scenarios.get(card["scenario"]["id"])
    persona = lib.personas.get(sc.persona_id) if sc else None
    return content_version(sc.sha256, persona.sha256, rubric.sha256) if sc and persona else None


def json_values(x: Any) -> Any:
    """``x`` as it reads back from JSON (tuples → lists, int keys → str), to compare with a card."""
    return json.loads(json.dumps(x, ensure_ascii=False))


#: turn fields added after format 1 was first written (what the recogniser heard, the act answered)
HEARD_FIELDS = frozenset({"acts", "amounts", "dates", "conditional", "concession", "answered", "visit"})
#: finding fields added after cards were first written
FINDING_ADDED = frozenset({"reaction"})
_PIECES = ("transcript", "outcome", "score", "findings", "hidden_reason")


def _digest(x: Any) -> str:
    return hashlib.sha256(json.dumps(x, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                          .encode()).hexdigest()[:32]


def _replayed_pieces(s: Session, score: Score) -> dict[str, Any]:
    return {"transcript": json_values([t.public() for t in s.turns]), "outcome": json_values(outcome_of(s)),
            "score": json_values(score.public()), "findings": json_values([f.public() for f in score.findings]),
            "hidden_reason": hidden_reason_of(s)}


def replay_key(card: dict[str, Any]) -> str:
    """What decides a replay: scenario id, seed, difficulty and moves (the local files are the same for
    every card of one run)."""
    return _digest([card["scenario"]["id"], card["seed"], card["difficulty"], card["moves"]])


def verify_card(card: dict[str, Any], lib: Library, rubric: Rubric,
                cache: dict[str, tuple[str, ...]] | None = None, *, same_files: bool = True) -> None:
    """Raise CardError naming the first difference between the card and its replay under the local files.

    ``same_files`` also asks that the card's scenario, persona and rubric hashes equal the local files'
    (the playback's view: it shows the local persona's hidden truth). The leaderboard passes False: a
    card stands when its replay is identical, whatever typo was fixed in the files since.
    ``cache`` (shared across cards) keeps, per distinct scenario + seed + difficulty + moves, only the
    digests of what the replay gave — a few dozen bytes, not the session — so memory stays flat."""
    if same_files:
        _check_same_files(card, lib, rubric)
    key = replay_key(card)
    if cache is not None and key in cache:
        want = cache[key]
        got = tuple(_digest(card[p]) if p in card else "" for p in _PIECES)
        if all(g == w or (p == "hidden_reason" and p not in card) for p, g, w in zip(_PIECES, got, want, strict=True)):
            return
    s, score = replay(card, lib, rubric)
    pieces = _replayed_pieces(s, score)
    if cache is not None:
        cache[key] = tuple(_digest(pieces[p]) for p in _PIECES)
    _compare(card, s, pieces)


def _local_content(card: dict[str, Any], lib: Library) -> tuple[Scenario, Persona]:
    """The local scenario and persona a card names, or CardError."""
    sid = card["scenario"]["id"]
    sc = lib.scenarios.get(sid)
    if sc is None:
        raise CardError(f"本机没有场景 '{sid}'")
    try:
        return sc, lib.persona_for(sc)
    except ContentError as e:
        raise CardError(str(e)) from None


def _check_same_files(card: dict[str, Any], lib: Library, rubric: Rubric) -> None:
    sc, persona = _local_content(card, lib)
    for part, local in (("scenario", sc), ("persona", persona), ("rubric", rubric)):
        if card[part]["sha256"] != local.sha256:
            raise CardError(f"{_PART_NAMES[part]}文件与本机的 {local.path} 不同(sha256 不一致)")


def _compare(card: dict[str, Any], s: Session, pieces: dict[str, Any]) -> None:
    transcript = pieces["transcript"]
    if card.get("format_version", 1) == 1:
        # cards written before turns carried what was heard lack those fields: compare what they have
        transcript = _as_written(transcript, card["transcript"], HEARD_FIELDS)
    if card["transcript"] != transcript:
        n = next((i + 1 for i, (a, b) in enumerate(zip(card["transcript"], transcript, strict=False)) if a != b),
                 min(len(card["transcript"]), len(transcript)) + 1)
        raise CardError(f"对话记录与重放在第 {n} 回合不一致")
    if card["score"] != pieces["score"]:
        raise CardError(f"分数与重放不一致(评分卡总分 {card['score'].get('total')!r},"
                        f"重放 {pieces['score']['total']})")
    if card["outcome"] != pieces["outcome"]:
        raise CardError(f"结局与重放不一致(评分卡 {card['outcome'].get('result')!r},"
                        f"重放 {s.outcome.result if s.outcome else 'no_progress'!r})")
    # cards written before findings quoted the debtor's reaction lack it: compare what they have
    findings = _as_written(pieces["findings"], card["findings"], FINDING_ADDED)
    if card["findings"] != findings:
        raise CardError("评语与重放不一致")
    replayed = pieces["hidden_reason"]
    if "hidden_reason" in card and card["hidden_reason"] != replayed:
        raise CardError(f"隐藏原因与重放不一致(评分卡 {_found(card['hidden_reason'])},"
                        f"重放 {_found(replayed)})")


def _as_written(replayed: list[Any], written: Any, added: frozenset[str]) -> list[Any]:
    """The replayed items without the fields in ``added`` that the card's own items lack (a card written before
    those fields existed is compared on what it has); as replayed when the card's list is not a list of objects."""
    if not isinstance(written, list) or not all(isinstance(w, dict) for w in written):
        return replayed
    padded = written + [{}] * len(replayed)
    return [{k: v for k, v in r.items() if k not in added or k in w} if isinstance(r, dict) else r
            for r, w in zip(replayed, padded, strict=False)]


def _found(hr: dict[str, Any] | None) -> str:
    if hr is None:
        return "无"
    turn = hr.get("found_turn")
    return f"原因 {hr.get('reason')} 在第 {turn} 回合找到" if turn else f"原因 {hr.get('reason')} 未找到"
