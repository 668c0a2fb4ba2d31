"""The group leaderboard: re-verify scorecards by replay, drop duplicates, rank people and teams.

Ranking rules (docs/scorecard.md):

* 先进个人 — each trainee (name + team) counts their *best* card per scenario; their score is
  the mean of those bests. Ties: more scenarios played ranks higher; still tied → same place,
  listed by name.
* 优胜组 — a team's score is the mean of every member's best per scenario (each member ×
  scenario pair counts once). Ties: more distinct scenarios covered, then more members; still
  tied → same place, listed by name. Cards without a team rank only as individuals.
* With an event (``event.Event``): every roster trainee and team is ranked over the event's
  scenarios, a scenario without a verified card counting 0; only roster trainees, on their derived
  seeds, in their roster teams are accepted.

Cards are streamed: each is read, checked and replayed, and only an ``Entry`` (the numbers a standing
needs) is kept, so memory per card is constant. Many cards are verified in worker processes; the
results come back in file order, so the board does not depend on the number of workers.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trainer.core.competition.event import Event, EventError, load_event, normalise_name
from trainer.core.competition.output import half_up, plain
from trainer.core.competition.scorecard import (
    CardError,
    card_content_version,
    local_content_version,
    read_card,
    replay_key,
    verify_card,
)
from trainer.core.content.library import Library, load_library
from trainer.core.judging.rubric import PRINCIPLES, Rubric, load_rubric

PARALLEL_FROM = 64  # fewer cards are verified in this process: starting workers costs more than it saves
CACHE_SIZE = 20_000  # replay digests kept (about 250 bytes each)


@dataclass(frozen=True)
class Entry:
    """What the board keeps of one verified card: names, scenario, seed and the numbers — no transcript."""
    file: str
    trainee: str
    team: str
    scenario: str
    seed: int
    total: int
    principles: tuple[float, ...]  # in PRINCIPLES order
    version: str  # the content version the card was played on (scorecard.content_version)
    changed: bool  # the local files differ from that version, and the replay is identical all the same
    key: str  # what decides the game (scenario, seed, difficulty, moves): same key, same game

    @property
    def data(self) -> dict[str, Any]:
        """The card's identifying fields, as the card has them (normalised names)."""
        return {"trainee": self.trainee, "team": self.team, "scenario": {"id": self.scenario}, "seed": self.seed,
                "score": {"total": self.total, "principles": dict(zip(PRINCIPLES, self.principles, strict=True))}}

    def public(self) -> dict[str, Any]:
        return {"file": self.file, "trainee": self.trainee, "team": self.team, "scenario": self.scenario,
                "seed": self.seed, "total": self.total, "content_version": self.version,
                "content_changed": self.changed}


Card = Entry  # the name earlier code used


@dataclass
class Standing:
    rank: int
    name: str
    team: str
    score: float
    scenarios: int
    cards: int
    members: int = 1
    principles: dict[str, float] = field(default_factory=dict)
    best: dict[str, int] = field(default_factory=dict)  # scenario id → best total

    def public(self) -> dict[str, Any]:
        return {"rank": self.rank, "name": self.name, "team": self.team, "score": self.score,
                "scenarios": self.scenarios, "cards": self.cards, "members": self.members,
                "principles": dict(self.principles), "best": dict(self.best)}


CHANGED_NOTE = "内容已更新,重放一致"  # the card's files changed since it was played; its replay is identical
CURRENT_NOTE = "当前版本"

RULES = {"individual": "mean of each trainee's best total per scenario; tie → more scenarios, then name",
         "team": "mean of every member's best total per scenario; tie → more scenarios, then more members, "
                 "then name",
         "event": "roster trainees only, on their derived seeds, in their roster teams; every event scenario "
                  "counts, a missing one as 0; several cards of one trainee and scenario: the best counts",
         "rounding": "half up, one decimal"}


@dataclass
class Board:
    accepted: list[Entry] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file, reason), both plain text
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)  # (file, first file, why)
    individuals: list[Standing] = field(default_factory=list)
    teams: list[Standing] = field(default_factory=list)
    event: str = ""  # the event's name, when ranked for one
    scenarios: tuple[str, ...] = ()  # the event's scenarios

    def reject(self, file: str, reason: str) -> None:
        self.rejected.append((plain(file), plain(reason)))

    def versions(self) -> list[dict[str, Any]]:
        """Per scenario and content version: how many verified cards, and whether the files changed since."""
        out: dict[tuple[str, str], list[Any]] = {}
        for c in self.accepted:
            row = out.setdefault((c.scenario, c.version), [0, c.changed])
            row[0] += 1
        return [{"scenario": s, "version": v, "cards": n, "changed": ch, "note": CHANGED_NOTE if ch else CURRENT_NOTE}
                for (s, v), (n, ch) in sorted(out.items())]

    def public(self) -> dict[str, Any]:
        return {"cards": len(self.accepted), "individuals": [s.public() for s in self.individuals],
                "teams": [s.public() for s in self.teams],
                "rejected": [{"file": f, "reason": r} for f, r in self.rejected],
                "duplicates": [{"file": f, "duplicate_of": o, "why": w} for f, o, w in self.duplicates],
                "verified": [c.public() for c in self.accepted],
                "versions": self.versions(),
                "event": {"name": self.event, "scenarios": list(self.scenarios)} if self.event else None,
                "rules": dict(RULES)}


def card_files(paths: list[str]) -> list[Path]:
    """CARD files and the *.json files inside FOLDERs (recursively), sorted, each once."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        out.extend(sorted(x for x in path.rglob("*.json") if x.is_file()) if path.is_dir() else [path])
    seen: set[str] = set()
    uniq = []
    for f in out:
        key = str(f.resolve())
        if key not in seen:
            seen.add(key)
            uniq.append(f)
    return uniq


# ------------------------------------------------------------------------------ one card (in a worker)
@dataclass(frozen=True)
class Checked:
    file: str
    entry: Entry | None
    reason: str  # why rejected ("" when accepted)
    digest: str  # sha256 of the file's bytes ("" when unread)


_WORKER: dict[str, Any] = {}


def _init(lib: Library, rubric: Rubric, event: Event | None) -> None:
    # the principle keys once: PRINCIPLES looks the rubric file up on the search path at every use
    _WORKER.update(lib=lib, rubric=rubric, event=event, cache=OrderedDict(), principles=tuple(rubric.principles))


def _event_problem(card: dict[str, Any], event: Event) -> str:
    """Why the event does not accept this card ("" when it does): roster, scenario, seed, team."""
    name = normalise_name(card["trainee"])
    member = event.member(name)
    if member is None:
        return f"「{name}」不在比赛名单上{event.did_you_mean(name)}"
    sid = card["scenario"]["id"]
    if sid not in event.scenarios:
        return f"场景 '{sid}' 不在本次比赛中(比赛场景:{'、'.join(event.scenarios)})"
    want = event.seed_for(member.name, sid)
    if card["seed"] != want:
        return f"种子 {card['seed']} 不是本次比赛给「{member.name}」在 '{sid}' 的种子(应为 {want})"
    if normalise_name(card["team"]) != member.team:
        return f"小组「{normalise_name(card['team'])}」与名单不符(「{member.name}」在「{member.team}」)"
    return ""


def check_file(path: str) -> Checked:
    """Read, check and replay one card; never raises (one bad card must not take the board down)."""
    lib: Library = _WORKER["lib"]
    rubric: Rubric = _WORKER["rubric"]
    event: Event | None = _WORKER["event"]
    cache: OrderedDict[str, tuple[str, ...]] = _WORKER["cache"]
    keys: tuple[str, ...] = _WORKER["principles"]
    digest = ""
    try:
        card, raw = read_card(path, keys)
        digest = hashlib.sha256(raw).hexdigest()
        del raw
        if event is not None:
            problem = _event_problem(card, event)
            if problem:
                return Checked(path, None, problem, digest)
        verify_card(card, lib, rubric, cache, same_files=False)
        while len(cache) > CACHE_SIZE:
            cache.popitem(last=False)
        version = card_content_version(card)
        local = local_content_version(card, lib, rubric)
        trainee, team = normalise_name(card["trainee"]), normalise_name(card["team"])
        if event is not None:
            member = event.member(trainee)
            assert member is not None  # _event_problem accepted the name
            trainee, team = member.name, member.team
        principles = tuple(float(card["score"]["principles"].get(k, 0)) for k in keys)
        entry = Entry(path, trainee, team, card["scenario"]["id"], card["seed"], card["score"]["total"], principles,
                      version, version != local, replay_key(card))
        return Checked(path, entry, "", digest)
    except CardError as e:
        return Checked(path, None, str(e), digest)
    except Exception as e:  # noqa: BLE001 — whatever a crafted card provokes, only that card is rejected
        return Checked(path, None, f"无法核验({type(e).__name__})", digest)


def _checked(files: list[str], lib: Library, rubric: Rubric, event: Event | None,
             workers: int | None) -> Iterator[Checked]:
    n = workers if workers is not None else min(2, os.cpu_count() or 1)
    if n <= 1 or len(files) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        _init(lib, rubric, event)
        yield from map(check_file, files)
        return
    # fork: the workers start with the loaded library instead of loading it again
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(n, mp_context=ctx, initializer=_init, initargs=(lib, rubric, event)) as pool:
        yield from pool.map(check_file, files, chunksize=max(1, min(64, len(files) // (8 * n))))


def verify_all(paths: list[str], lib: Library | None = None, rubric: Rubric | None = None,
               event: Event | None = None, workers: int | None = None) -> Board:
    """Read and re-verify every card; rejected and duplicate cards are recorded by file name."""
    lib = lib or load_library()
    rubric = rubric or load_rubric()
    board = Board()
    if event is not None:
        board.event, board.scenarios = event.name, tuple(event.scenarios)
    by_bytes: dict[str, str] = {}
    by_key: dict[tuple[str, str], str] = {}
    for r in _checked([str(f) for f in card_files(paths)], lib, rubric, event, workers):
        if r.digest and r.digest in by_bytes:
            board.duplicates.append((plain(r.file), by_bytes[r.digest], "文件完全相同"))
            continue
        if r.digest:
            by_bytes[r.digest] = plain(r.file)
        if r.entry is None:  # duplicates are verified too: an edited copy of a good card is a forgery
            board.reject(r.file, r.reason or "rejected")
            continue
        key = (r.entry.trainee, r.entry.key)
        if key in by_key:
            board.duplicates.append((plain(r.file), by_key[key], "学员、场景、走法和种子都相同"))
            continue
        by_key[key] = plain(r.file)
        board.accepted.append(r.entry)
    rank(board, event, tuple(rubric.principles))
    return board


def load_event_board(event_file: str | Path, paths: list[str], workers: int | None = None) -> Board:
    """The event's board (the CLI and ``trainer serve``). Raises EventError for a bad event file."""
    ev = load_event(event_file)
    return verify_all(paths, event=ev, workers=workers)


# ------------------------------------------------------------------------------ ranking
def _best_per_scenario(cards: list[Entry]) -> dict[str, Entry]:
    best: dict[str, Entry] = {}
    for c in cards:  # cards come in file order: the first of equal totals wins, deterministically
        if c.scenario not in best or c.total > best[c.scenario].total:
            best[c.scenario] = c
    return dict(sorted(best.items()))


def _mean_of(values: list[float], n: int | None = None) -> float:
    """Mean of ``values`` over ``n`` slots (missing slots count 0), half up to one decimal."""
    n = len(values) if n is None else n
    tenths = sum(round(v * 10) for v in values)  # card values are whole or tenths: exact in tenths
    return half_up(tenths, 10 * n) if n else 0.0


def _principles(cards: list[Entry], n: int | None, keys: tuple[str, ...]) -> dict[str, float]:
    return {k: _mean_of([c.principles[i] for c in cards], n) for i, k in enumerate(keys)}


def _place(standings: list[Standing], tie_key: Callable[[Standing], object]) -> list[Standing]:
    """Competition ranking (1, 2, 2, 4): equal tie keys share a place."""
    prev = None
    for i, s in enumerate(standings, 1):
        k = tie_key(s)
        s.rank = i if k != prev else standings[i - 2].rank
        prev = k
    return standings


def rank(board: Board, event: Event | None = None, keys: tuple[str, ...] | None = None) -> None:
    """Rank the accepted cards. ``keys``: the rubric's principle keys, in the order of Entry.principles
    (default: the rubric file's, looked up once)."""
    keys = tuple(PRINCIPLES) if keys is None else keys
    people: dict[tuple[str, str], list[Entry]] = {}
    if event is not None:
        for m in event.roster:
            people[(m.name, m.team)] = []
    for c in board.accepted:
        people.setdefault((c.trainee, c.team), []).append(c)
    slots = len(event.scenarios) if event is not None else None
    individuals = []
    pair_bests: dict[str, list[Entry]] = {}
    team_people: dict[str, set[str]] = {}
    for (name, team), cards in people.items():
        best = _best_per_scenario(cards)
        bests = list(best.values())
        individuals.append(Standing(0, name, team, _mean_of([c.total for c in bests], slots), len(best), len(cards),
                                    principles=_principles(bests, slots, keys), best={k: c.total for k, c in best.items()}))
        if team:
            pair_bests.setdefault(team, []).extend(bests)
            team_people.setdefault(team, set()).add(name)
    individuals.sort(key=lambda s: (-s.score, -s.scenarios, s.name, s.team))
    board.individuals = _place(individuals, lambda s: (s.score, s.scenarios))
    teams = []
    for team, bests in pair_bests.items():
        members = team_people[team] if event is not None else {c.trainee for c in bests}
        grid = len(members) * slots if slots is not None else None  # every member × scenario, missing = 0
        scen = {c.scenario for c in bests}
        teams.append(Standing(0, team, team, _mean_of([c.total for c in bests], grid), len(scen),
                              sum(len(v) for (n, t), v in people.items() if t == team), members=len(members),
                              principles=_principles(bests, grid, keys)))
    teams.sort(key=lambda s: (-s.score, -s.scenarios, -s.members, s.name))
    board.teams = _place(teams, lambda s: (s.score, s.scenarios, s.members))


__all__ = ["Board", "Card", "Entry", "EventError", "Standing", "card_files", "check_file", "load_event_board",
           "rank", "verify_all"]
