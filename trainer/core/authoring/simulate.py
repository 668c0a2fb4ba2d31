"""`trainer simulate`: explore what a scenario's persona actually does under many lines of play.

Three explorations, all seeded and deterministic (no clock, no hash order):

* **bounded exhaustive** — breadth-first over distinct session states. At each node the moves
  are grouped by what they would do (which reaction fires, which counts the persona's conditions
  look at they change), one move per group is played on a *fork* of the session, and children
  whose state, meters and condition-relevant history agree are merged. Stops at ``max_nodes``;
  BFS order makes the first line found to each ending a shortest one.
* **Monte Carlo** — ``games`` random lines (uniform over the 32 tactics, never ``hostile``).
* **course policy** — greedy one-step look-ahead that follows the course's 指导思想 order
  理 → 情 → 利 → 法 (程序 and 人 moves allowed throughout), moving on to the next group when
  the current one stops helping.

A fork copies the session's state (meters, history, RNG …) instead of replaying the moves:
replay costs O(turns) per child, the copy O(1); tests check a fork plays exactly like a replay.
"""

from __future__ import annotations

import heapq
import itertools
import random
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from trainer.core.content import catalogue
from trainer.core.content.analysis import build_graph
from trainer.core.content.models import Persona, Scenario
from trainer.core.engine.machine import DebtorModel
from trainer.core.engine.session import Session
from trainer.core.judging.result import play_moves
from trainer.core.judging.scoring import score_session

#: a win: at least half the debt paid or committed in writing with a date (outcome.recovered_ratio)
WIN_RATIO = 0.5
COURSE_ORDER = ("理", "情", "利", "法")
ALWAYS_OK = ("程序", "人")
RANDOM_MOVES = catalogue.TACTIC_IDS  # random trainees are clumsy, not abusive
EXPLORE_MOVES = catalogue.MOVE_IDS  # exhaustive search tries hostile too: it can open states


# ---------------------------------------------------------------- forking sessions

class Forks:
    """Makes forks of live sessions, recycling their transitions models.

    Joining a machine (``add_model``) costs more than playing a turn — it binds a method per
    trigger — so a released fork's model is handed to the next fork instead of being removed.
    """

    def __init__(self) -> None:
        self.free: list[DebtorModel] = []

    def fork(self, s: Session) -> Session:
        """An independent copy of a live session, on the same cached machine."""
        c = Session.__new__(Session)
        c.__dict__.update(s.__dict__)
        c.rng = random.Random()
        c.rng.setstate(s.rng.getstate())
        c.meters = dict(s.meters)
        c.turns = list(s.turns)
        c.moves = list(s.moves)
        c.history = list(s.history)
        c.history_moves = list(s.history_moves)
        c.heard = list(s.heard)
        c.set_figures(s.figures())
        c.visited_states = set(s.visited_states)
        c.reply_use = {k: list(v) for k, v in s.reply_use.items()}
        c._closed = False
        if self.free:
            c.model = self.free.pop()
            c.model.session = c
            c.machine.set_state(s.state, model=c.model)
        else:
            c.model = DebtorModel(c)
            c.machine.add_model(c.model, initial=s.state)
        return c

    def release(self, c: Session) -> None:
        if not c._closed:  # an ended session has already left the machine
            c._closed = True
            self.free.append(c.model)

    def park(self, c: Session) -> None:
        """Hand ``c``'s model back while ``c`` waits in a search frontier, remembering its state.

        A frontier holds thousands of sessions; were each a model of the machine, every join would
        pay for the machine's list of models (transitions checks membership in it), and the search
        would slow down quadratically. A parked session must be ``unpark``-ed before it is read."""
        if not c._closed:
            c.__dict__["parked_state"] = c.state  # only the search reads it (see unpark)
            self.release(c)

    def unpark(self, c: Session) -> None:
        state = c.__dict__.pop("parked_state", None)
        if state is None:
            return
        c._closed = False
        if self.free:
            c.model = self.free.pop()
            c.model.session = c
            c.machine.set_state(state, model=c.model)
        else:
            c.model = DebtorModel(c)
            c.machine.add_model(c.model, initial=state)

    def close(self, machine: Any) -> None:
        for m in self.free:
            machine.remove_model(m)
        self.free.clear()


def fork(s: Session) -> Session:
    """A one-off fork (joins the machine; close() it when done)."""
    return Forks().fork(s)


def replay(s: Session) -> Session:
    """The slow, obviously-right fork: a new session that replays the tactics played so far."""
    c = Session(s.scenario, s.persona, seed=s.seed, difficulty=s.difficulty)
    for t in s.turns:
        c.play_tactic(t.tactic or "unclear", t.move)
    return c


# ---------------------------------------------------------------- what the persona's conditions look at

@dataclass
class Focus:
    used: tuple[str, ...]  # tactic ids / groups whose use counts matter
    last: tuple[str, ...]
    visited: tuple[str, ...]
    per_move: bool  # repeats/streak: the move's own history matters
    chance: bool  # chance(): the RNG state matters
    turn: bool = False  # turn: how many moves were played matters

    @classmethod
    def of(cls, persona: Persona) -> Focus:
        used, last, visited = set(), set(), set()
        per_move = chance = turn = False
        rules = list(persona.reactions) + list(persona.auto)
        for r in rules:
            for c in r.when:
                for a in c.atoms():
                    if a.kind == "used":
                        used.add(a.name)
                    elif a.kind == "last":
                        last.add(a.name)
                    elif a.kind == "visited":
                        visited.add(a.name)
                    elif a.kind == "builtin" and a.name in ("repeats", "streak"):
                        per_move = True
                    elif a.kind == "builtin" and a.name == "turn":
                        turn = True
                    elif a.kind == "chance":
                        chance = True
        return cls(tuple(sorted(used)), tuple(sorted(last)), tuple(sorted(visited)), per_move, chance, turn)


def _touches(move: str, target: str) -> bool:
    return move == target or (target in catalogue.GROUPS and move != catalogue.HOSTILE
                              and catalogue.group_of(move) == target)


def _which_reaction(s: Session, move: str) -> int | None:
    """The reaction the session would choose for ``move`` now (None = the default), without playing it."""
    r = s.choose_reaction(move)
    return None if r is None else r.index


def _representatives(s: Session, focus: Focus, moves: tuple[str, ...]) -> list[str]:
    """One move per group of moves that would act alike here."""
    if focus.chance:  # evaluating chance() would draw from the RNG: no grouping
        return list(moves)
    groups: dict[tuple[Any, ...], str] = {}
    for m in moves:
        key = (_which_reaction(s, m), tuple(_touches(m, t) for t in focus.used + focus.last),
               m if focus.per_move else None)
        best = groups.get(key)
        if best is None or s.history.count(m) < s.history.count(best):  # fresher move: less repetition decay
            groups[key] = m
    return list(groups.values())


def _expand(s: Session, moves: list[str], focus: Focus, forks: Forks, found: Findings,
            seen: set[tuple[Any, ...]], keep: Callable[[Session], bool] = lambda c: True) -> Iterator[tuple[Session, list[str]]]:
    """The new children of a search node: one fork per group of moves that act alike, played and recorded
    in ``found``; a child that ended, was seen already or is not ``keep``-worthy is released at once.
    ``s`` is released once every child has been handed out (consume the generator to the end)."""
    for m in _representatives(s, focus, EXPLORE_MOVES):
        c = forks.fork(s)
        c.play_tactic(m)
        line = moves + [m]
        found.record(c, line)
        k = None if c.ended else _key(c, focus)
        if k is None or k in seen or not keep(c):
            forks.release(c)
            continue
        seen.add(k)
        yield c, line
    forks.release(s)


def _key(s: Session, focus: Focus) -> tuple[Any, ...]:
    """What decides a session's future: two sessions with equal keys play on alike, so the search keeps one.

    The state, the meters, what the conditions read (uses, last moves, visited states, the turn, the RNG),
    and how often each move was played (repetition decay scales a move's effects by its earlier uses).
    A shallower session with the same key is kept first (breadth-first), and it has at least as many
    turns left, so merging never hides a state the deeper one could reach."""
    return (s.state, tuple(round(v, 6) for v in s.meters.values()),
            tuple(s.used(t) for t in focus.used), tuple(s.last(t) for t in focus.last),
            tuple(v in s.visited_states for v in focus.visited),
            s.history[-1] if focus.per_move and s.history else None,
            tuple(sorted(Counter(s.history).items())),
            len(s.turns) if focus.turn else None,
            s.rng.getstate()[1][:4] if focus.chance else None)


# ---------------------------------------------------------------- results

@dataclass
class Line:
    moves: list[str]
    result: str
    state: str
    score: int
    recovered: float
    turns: int

    def public(self) -> dict[str, Any]:
        return {"moves": self.moves, "result": self.result, "state": self.state, "score": self.score,
                "recovered_ratio": self.recovered, "turns": self.turns}

    def rank(self) -> tuple[Any, ...]:
        return (self.recovered, self.score, -self.turns)


@dataclass
class Findings:
    persona: Persona
    reached: set[str] = field(default_factory=set)
    can_end: set[str] = field(default_factory=set)  # states some line went on to end from (not by the clock)
    shortest: dict[str, list[str]] = field(default_factory=dict)
    first_line: dict[str, list[str]] = field(default_factory=dict)  # a short line into each live state
    best: Line | None = None

    def record(self, s: Session, moves: list[str]) -> None:
        self.reached |= s.visited_states
        self.reached.add(s.state)
        for i, t in enumerate(s.turns):
            if t.state not in self.first_line and not self.persona.states[t.state].terminal:
                self.first_line[t.state] = list(moves[: i + 1])
        if not s.ended:
            return
        end = s.state
        if end not in self.shortest or len(moves) < len(self.shortest[end]):
            self.shortest[end] = list(moves)
        if not _ended_by_clock(s):
            self.can_end |= {t.state_before for t in s.turns}
        sc = score_session(s)
        assert s.outcome is not None  # an ended session has its outcome
        line = Line(list(moves), s.outcome.result, end, sc.total, s.outcome.recovered_ratio, len(s.turns))
        if self.best is None or line.rank() > self.best.rank():
            self.best = line


def _ended_by_clock(s: Session) -> bool:
    """The turn limit ended it, rather than a reaction or auto rule leading into an ending."""
    last, p = s.turns[-1], s.persona
    if not p.states[s.state].terminal:
        return True
    by_rule = ((last.auto is not None and p.auto[last.auto].to == s.state)
               or (last.reaction is not None and p.reactions[last.reaction].to == s.state))
    return not by_rule


def _line_of(s: Session) -> Line:
    sc = score_session(s)
    out = s.outcome
    return Line([t.tactic or "" for t in s.turns], out.result if out else "no_progress", s.state, sc.total,
                out.recovered_ratio if out else 0.0, len(s.turns))


# ---------------------------------------------------------------- the three explorations

def explore(scenario: Scenario, persona: Persona, found: Findings, seed: int, max_nodes: int,
            max_depth: int) -> dict[str, Any]:
    focus = Focus.of(persona)
    forks = Forks()
    root = Session(scenario, persona, seed=seed)
    frontier: deque[tuple[Session, list[str]]] = deque([(root, [])])
    seen: set[tuple[Any, ...]] = {_key(root, focus)}
    found.record(root, [])
    nodes, complete, depth = 0, True, 0
    within = max_depth  # every line of up to this many moves was explored (lowered when the search stops early)
    while frontier:
        s, moves = frontier.popleft()
        depth = max(depth, len(moves))
        if len(moves) >= max_depth or nodes >= max_nodes:
            if len(moves) < max_depth:  # breadth-first: every shorter line was expanded, this one was not
                within = min(within, len(moves))
            complete = complete and len(moves) >= scenario.turn_limit
            if "parked_state" in s.__dict__:
                s.__dict__.pop("parked_state")
            else:
                forks.release(s)
            continue
        forks.unpark(s)
        for c, line in _expand(s, moves, focus, forks, found, seen):
            nodes += 1
            forks.park(c)
            frontier.append((c, line))
    forks.close(root.machine)
    return {"nodes": nodes, "max_nodes": max_nodes, "depth": depth, "complete": complete, "within": within}


def random_play(scenario: Scenario, persona: Persona, found: Findings, seed: int, games: int) -> dict[str, Any]:
    rng = random.Random(seed)
    results: dict[str, int] = {}
    wins, total_score = 0, 0
    for _ in range(games):
        s = Session(scenario, persona, seed=seed)
        while not s.ended:
            s.play_tactic(rng.choice(RANDOM_MOVES))
        found.record(s, [t.tactic or "" for t in s.turns])
        ln = _line_of(s)
        results[ln.result] = results.get(ln.result, 0) + 1
        wins += ln.recovered >= WIN_RATIO
        total_score += ln.score
    return {"games": games, "win_rate": round(wins / games, 4) if games else 0.0,
            "mean_score": round(total_score / games, 1) if games else 0.0,
            "results": dict(sorted(results.items()))}


def _value(s: Session, dist: dict[str, int]) -> float:
    """How good a position looks: endings by outcome, live states by distance to a win and the meters."""
    if s.ended:
        ln = _line_of(s)
        return (1000 if ln.recovered >= WIN_RATIO else -1000) + 1000 * ln.recovered + ln.score
    return -10.0 * dist.get(s.state, 50) + 5 * _meter_value(s)


def course_policy(scenario: Scenario, persona: Persona, found: Findings, seed: int) -> dict[str, Any]:
    dist = _distance_to_win(persona)
    s = Session(scenario, persona, seed=seed)
    forks = Forks()
    phase, in_phase = 0, 0
    while not s.ended:
        allowed = set(COURSE_ORDER[: phase + 1]) | set(ALWAYS_OK)
        here = _value(s, dist)
        best_m, best_v = None, -1e18
        for m in catalogue.TACTIC_IDS:
            if catalogue.group_of(m) not in allowed:
                continue
            c = forks.fork(s)
            c.play_tactic(m)
            v = _value(c, dist)
            forks.release(c)
            if v > best_v:  # strict: ties keep catalogue order, i.e. the course order within a group
                best_m, best_v = m, v
        stuck = best_v <= here or in_phase >= 3
        if stuck and phase < len(COURSE_ORDER) - 1:
            phase, in_phase = phase + 1, 0
            continue
        s.play_tactic(best_m or "direct_ask")
        in_phase += 1
    forks.close(s.machine)
    found.record(s, [t.tactic or "" for t in s.turns])
    ln = _line_of(s)
    return {"policy": "greedy look-ahead in course order 理→情→利→法 (程序 and 人 throughout)",
            "win": ln.recovered >= WIN_RATIO, **ln.public()}


def _distance_to(persona: Persona, goals: set[str]) -> dict[str, int]:
    """Fewest reaction/auto steps from each state to one of ``goals`` (optimistic static graph)."""
    g = build_graph(persona)
    back: dict[str, set[str]] = {s: set() for s in persona.states}
    for a, tos in g.edges.items():
        for b in tos:
            back[b].add(a)
    dist = {s: 0 for s in goals}
    todo = deque(sorted(goals))
    while todo:
        s = todo.popleft()
        for a in sorted(back[s]):
            if a not in dist:
                dist[a] = dist[s] + 1
                todo.append(a)
    return dist


def _distance_to_win(persona: Persona) -> dict[str, int]:
    return _distance_to(persona, {s for s, st in persona.states.items()
                                  if st.ending is not None and st.ending.paid + st.ending.committed >= WIN_RATIO})


def _meter_value(s: Session) -> float:
    v = 0.0
    for m in s.persona.meters:
        x = (s.meters[m.name] - m.min) / (m.max - m.min)
        v += x if m.good == "up" else 1 - x
    return v


def _within(dist: dict[str, int]) -> Callable[[Session], bool]:
    """``keep`` for seek: sessions in a state that still has a path to the target."""
    return lambda c: c.state in dist


def seek(scenario: Scenario, persona: Persona, found: Findings, seed: int, budget: int) -> dict[str, int]:
    """Greedy best-first search towards each state the BFS did not reach (nearest by the static graph
    first, then the best meters); ``budget`` distinct session states shared among the targets."""
    focus, forks = Focus.of(persona), Forks()
    spent: dict[str, int] = {}
    targets = [t for t in persona.states if t not in found.reached]
    per_target = max(50, budget // max(1, len(targets))) if budget else 0
    for target in targets:
        if target in found.reached or not per_target:
            continue
        dist = _distance_to(persona, {target})
        if persona.start not in dist:
            continue  # no path even on paper: analysis warns about it
        tie = itertools.count()
        root = Session(scenario, persona, seed=seed)
        heap: list[tuple[Any, ...]] = [(dist[persona.start], 0.0, 0, next(tie), root, [])]
        # also start from the known states nearest the target, replaying the line that reached them
        near = sorted((dist[st], len(ln), st) for st, ln in found.first_line.items() if st in dist)[:4]
        for d, _, st in near:
            if st == persona.start:
                continue
            c = Session(scenario, persona, seed=seed)
            for m in found.first_line[st]:
                c.play_tactic(m)
            if c.ended:
                c.close()
                continue
            start = forks.fork(c)  # onto the recycled models, so that parking it hands a model back
            c.close()
            forks.park(start)
            heapq.heappush(heap, (d, -_meter_value(start), len(start.turns), next(tie), start,
                                  list(found.first_line[st])))
        seen: set[tuple[Any, ...]] = set()
        n = 0
        while heap and n < per_target and target not in found.reached:
            *_, s, moves = heapq.heappop(heap)
            forks.unpark(s)
            for c, line in _expand(s, moves, focus, forks, found, seen, keep=_within(dist)):
                n += 1
                entry = (dist[c.state], -_meter_value(c), len(line), next(tie), c, line)
                forks.park(c)
                heapq.heappush(heap, entry)
        for *_, s, _m in heap:
            if "parked_state" in s.__dict__:
                s.__dict__.pop("parked_state")
            else:
                forks.release(s)
        root.close()
        spent[target] = n
        forks.close(root.machine)
    return spent


def simulate(scenario: Scenario, persona: Persona, seed: int = 0, max_nodes: int = 600, games: int = 200,
             max_depth: int | None = None, seek_budget: int = 600) -> dict[str, Any]:
    found = Findings(persona)
    depth = min(max_depth or scenario.turn_limit, scenario.turn_limit)
    exhaustive = explore(scenario, persona, found, seed, max_nodes, depth)
    exhaustive["sought"] = seek(scenario, persona, found, seed, seek_budget)
    rnd = random_play(scenario, persona, found, seed, games)
    course = course_policy(scenario, persona, found, seed)
    states = list(persona.states)
    endings = {}
    for name, st in persona.endings.items():
        assert st.ending is not None  # endings are the terminal states
        line = found.shortest.get(name)
        endings[name] = {"result": st.ending.result, "reached": line is not None,
                         "shortest": line, "turns": len(line) if line is not None else None}
    no_exit = [s for s in states if s in found.reached and not persona.states[s].terminal and s not in found.can_end]
    complete = bool(exhaustive["complete"])
    return {
        "scenario": scenario.id, "persona": persona.id, "seed": seed,
        "reachable_states": [s for s in states if s in found.reached],
        "unreached_states": [s for s in states if s not in found.reached],
        # facts, not guesses: "never reached" and "dead end" only when every line up to the turn limit was
        # explored; otherwise the claim is "not reached within N moves" / "no way out found"
        "search_complete": complete,
        "unreached_within": None if complete else exhaustive["within"],
        "endings": endings,
        "dead_ends": no_exit if complete else [],
        "no_exit_found": [] if complete else no_exit,
        "random_play": rnd,
        "course_policy": course,
        "best_line": found.best.public() if found.best else None,
        "exhaustive": exhaustive,
    }


def check_fork(scenario: Scenario, persona: Persona, moves: list[str], seed: int = 0) -> bool:
    """A fork taken midway plays on exactly like replaying every move (used by tests)."""
    half = len(moves) // 2
    s = Session(scenario, persona, seed=seed)
    for m in moves[:half]:
        s.play_tactic(m)
    c = fork(s)
    for m in moves[half:]:
        c.play_tactic(m)
    ref, _ = play_moves(scenario, persona, moves, seed=seed)
    same = [t.public() for t in c.turns] == [t.public() for t in ref.turns] and c.outcome == ref.outcome
    c.close()
    s.close()
    return same
