"""The group leaderboard: re-verify scorecards by replay, drop duplicates, rank people and teams.

Ranking rules (docs/scorecard.md):

* 先进个人 — each trainee (name + team) counts their *best* card per scenario; their score is
  the mean of those bests. Ties: more scenarios played ranks higher; still tied → same place,
  listed by name.
* 优胜组 — a team's score is the mean of every member's best per scenario (each member ×
  scenario pair counts once). Ties: more distinct scenarios covered, then more members; still
  tied → same place, listed by name. Cards without a team rank only as individuals.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trainer.core.competition.scorecard import CardError, read_card, verify_card
from trainer.core.content.library import Library, load_library
from trainer.core.judging.rubric import PRINCIPLES, Rubric, load_rubric


@dataclass
class Card:
    file: str
    data: dict[str, Any]

    @property
    def total(self) -> int:
        return int(self.data["score"]["total"])


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


@dataclass
class Board:
    accepted: list[Card] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)  # (file, first file, why)
    individuals: list[Standing] = field(default_factory=list)
    teams: list[Standing] = field(default_factory=list)

    def public(self) -> dict[str, Any]:
        return {"cards": len(self.accepted), "individuals": [s.public() for s in self.individuals],
                "teams": [s.public() for s in self.teams],
                "rejected": [{"file": f, "reason": r} for f, r in self.rejected],
                "duplicates": [{"file": f, "duplicate_of": o, "why": w} for f, o, w in self.duplicates],
                "rules": {"individual": "mean of each trainee's best total per scenario; tie → more scenarios, "
                                        "then name",
                          "team": "mean of every member's best total per scenario; tie → more scenarios, "
                                  "then more members, then name"}}


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


def _dup_key(card: dict[str, Any]) -> str:
    return json.dumps([card["trainee"], card["scenario"]["id"], card["moves"], card["seed"]], ensure_ascii=False)


def verify_all(paths: list[str], lib: Library | None = None, rubric: Rubric | None = None) -> Board:
    """Read and re-verify every card; rejected and duplicate cards are recorded by file name."""
    lib = lib or load_library()
    rubric = rubric or load_rubric()
    board = Board()
    by_bytes: dict[str, str] = {}
    by_key: dict[str, str] = {}
    cache: dict[str, Any] = {}
    for f in card_files(paths):
        name = str(f)
        try:
            card, raw = read_card(f)
        except CardError as e:
            board.rejected.append((name, str(e)))
            continue
        digest = hashlib.sha256(raw).hexdigest()
        if digest in by_bytes:
            board.duplicates.append((name, by_bytes[digest], "identical file"))
            continue
        by_bytes[digest] = name
        try:  # duplicates are verified too: an edited copy of a good card is a forgery, not a duplicate
            verify_card(card, lib, rubric, cache)
        except CardError as e:
            board.rejected.append((name, str(e)))
            continue
        key = _dup_key(card)
        if key in by_key:
            board.duplicates.append((name, by_key[key], "same trainee, scenario, moves and seed"))
            continue
        by_key[key] = name
        board.accepted.append(Card(name, card))
    rank(board)
    return board


def _best_per_scenario(cards: list[Card]) -> dict[str, Card]:
    best: dict[str, Card] = {}
    for c in cards:  # cards come in file order: the first of equal totals wins, deterministically
        sid = c.data["scenario"]["id"]
        if sid not in best or c.total > best[sid].total:
            best[sid] = c
    return dict(sorted(best.items()))


def _mean(xs: list[float]) -> float:
    return round(sum(xs) / len(xs), 1) if xs else 0.0


def _principles(cards: list[Card]) -> dict[str, float]:
    return {k: _mean([float(c.data["score"]["principles"].get(k, 0)) for c in cards]) for k in PRINCIPLES}


def _place(standings: list[Standing], tie_key: Callable[[Standing], object]) -> list[Standing]:
    """Competition ranking (1, 2, 2, 4): equal tie keys share a place."""
    prev = None
    for i, s in enumerate(standings, 1):
        k = tie_key(s)
        s.rank = i if k != prev else standings[i - 2].rank
        prev = k
    return standings


def rank(board: Board) -> None:
    people: dict[tuple[str, str], list[Card]] = {}
    for c in board.accepted:
        people.setdefault((c.data["trainee"].strip(), c.data["team"].strip()), []).append(c)
    individuals = []
    pair_bests: dict[str, list[Card]] = {}
    for (name, team), cards in people.items():
        best = _best_per_scenario(cards)
        bests = list(best.values())
        individuals.append(Standing(0, name, team, _mean([c.total for c in bests]), len(best), len(cards),
                                    principles=_principles(bests), best={k: c.total for k, c in best.items()}))
        if team:
            pair_bests.setdefault(team, []).extend(bests)
    individuals.sort(key=lambda s: (-s.score, -s.scenarios, s.name, s.team))
    board.individuals = _place(individuals, lambda s: (s.score, s.scenarios))
    teams = []
    for team, bests in pair_bests.items():
        members = sorted({c.data["trainee"].strip() for c in bests})
        scen = sorted({c.data["scenario"]["id"] for c in bests})
        teams.append(Standing(0, team, team, _mean([c.total for c in bests]), len(scen),
                              sum(len(v) for (n, t), v in people.items() if t == team), members=len(members),
                              principles=_principles(bests)))
    teams.sort(key=lambda s: (-s.score, -s.scenarios, -s.members, s.name))
    board.teams = _place(teams, lambda s: (s.score, s.scenarios, s.members))
