"""Lines of play (YAML: scenario, lines[name, band, moves]) → median score / recovered per band over seeds 1-5.

    python tools/play_lines.py tests/data/dev_play                 # the development lines (tune on these)
    python tools/play_lines.py tests/data/dev_play --trace fake-broke course-right-a   # turn by turn, seed 1
    python tools/play_lines.py tests/data/eval/play                # held out: measure rarely, never tune
        # (an unlawful line prints /法 its 有法 score, and /余N when the talk ended with N of its moves unsaid)
    python tools/play_lines.py tests/data/dev_play --drop-one      # robustness: each course-right line with one
                                                                   # move left out (never the last), median of seeds 1-3
    python tools/play_lines.py tests/data/dev_play --drop-side-act [SCENARIO...]
        # robustness of the path, not of the hearing: each course-right line at >= 85 heard once, then replayed (seed 1)
        # with one side act of one move left out; prints every variant that falls below 85 and a tally by act
    python tools/play_lines.py tests/data/dev_play --swap-adjacent [SCENARIO...]
        # order: each course-right line at >= 85 replayed (seed 1) with two neighbouring moves swapped (the last move
        # stays last); prints the variants that fall below 85 and a tally by the pair of main acts
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import glob
import statistics
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import yaml

from trainer.core.content.library import load_library
from trainer.core.content.models import Persona, Scenario
from trainer.core.engine.session import Session
from trainer.core.judging.result import play_medians, play_moves
from trainer.core.judging.scoring import score_session
from trainer.core.language.recognise import default_recogniser
from trainer.core.language.recognition import Recognition


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--trace", nargs=2, metavar=("SCENARIO", "LINE"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--drop-one", action="store_true", help="course-right lines with one move left out: share still >= 85")
    ap.add_argument("--drop-side-act", nargs="*", metavar="SCENARIO",
                    help="course-right lines replayed with one side act of one move left out")
    ap.add_argument("--swap-adjacent", nargs="*", metavar="SCENARIO",
                    help="course-right lines replayed with two neighbouring moves swapped")
    a = ap.parse_args()
    if a.swap_adjacent is not None:
        return swap_adjacent(Path(a.folder), set(a.swap_adjacent))
    if a.drop_one:
        return drop_one(Path(a.folder))
    if a.drop_side_act is not None:
        return drop_side_act(Path(a.folder), set(a.drop_side_act))
    lib = load_library()
    for f in sorted(glob.glob(str(Path(a.folder) / "*.yaml"))):
        d = yaml.safe_load(open(f, encoding="utf-8"))
        sc = lib.scenarios[d["scenario"]]
        p = lib.persona_for(sc)
        if a.trace and a.trace[0] != d["scenario"]:
            continue
        out = []
        for line in d["lines"]:
            if a.trace:
                if line["name"] != a.trace[1]:
                    continue
                s, score = play_moves(sc, p, [str(m) for m in line["moves"]], seed=a.seed)
                for t in s.turns:
                    print(f"{t.n:2d} {t.state_before}→{t.state}  {'+'.join(t.acts) or '-'} {t.amounts or ''} {t.dates or ''}"
                          f" [{t.reaction}]\n   我: {t.move}\n   他: {t.reply}")
                print("outcome:", s.outcome.public() if s.outcome else None)
                print("score:", score.total, score.principles)
                for fd in score.findings:
                    print("  ", fd.public())
                continue
            med = play_medians(sc, p, [str(m) for m in line["moves"]])
            extra = f"/法{med.lawful:.0f}" if line["band"] == "unlawful" else ""
            if line["band"] == "unlawful" and med.unsaid:
                # the talk ended (a deal signed, the debtor gone) before these moves were said: an unlawful move among
                # them was never heard, which 有法 100 alone cannot tell from one heard as lawful
                extra += f"/余{med.unsaid:.0f}"
            out.append(f"{line['name']}:{med.score:.0f}/{med.recovered:.0%}{extra}")
        if out:
            print(f"{d['scenario']:20s}", "  ".join(out))
    return 0


def drop_one(folder: Path) -> int:
    """How many variants of each course-right line, one move left out (never the last, which usually signs),
    still reach 85 (median of seeds 1-3): a line that passes only as written is a narrow path."""
    lib = load_library()
    total = kept = 0
    for f in sorted(glob.glob(str(folder / "*.yaml"))):
        d = yaml.safe_load(open(f, encoding="utf-8"))
        sc = lib.scenarios[d["scenario"]]
        p = lib.persona_for(sc)
        n = ok = 0
        for line in d["lines"]:
            if line["band"] != "right":
                continue
            moves = [str(m) for m in line["moves"]]
            for k in range(len(moves) - 1):
                variant = moves[:k] + moves[k + 1:]
                score = statistics.median(play_moves(sc, p, variant, seed=s)[1].total for s in (1, 2, 3))
                n += 1
                ok += score >= 85
        print(f"{d['scenario']:20s} {ok}/{n} {ok / n:.0%}" if n else f"{d['scenario']:20s} -")
        total += n
        kept += ok
    print(f"{'all':20s} {kept}/{total} {kept / total:.0%}" if total else "all -")
    return 0


def drop_side_act(folder: Path, only: set[str]) -> int:
    """A path that passes only because one move was also heard as a side act (malicious-delay 7b left 'standoff' on a
    courtesy heard beside its main act) hangs on the hearing. Each move of a course-right line is heard once; the line
    is replayed with one side act of one move left out (the main act stays). Dropping the act that carries the move
    (the signature of the signing move, the plan of a plan) is expected to cost; a greeting or a reason is not."""
    def variants(moves: list[str], heard: list[Recognition]) -> Iterator[Variant]:
        for k, rec in enumerate(heard):
            for side in rec.acts[1:]:
                variant = list(heard)
                variant[k] = replace(rec, acts=tuple(x for x in rec.acts if x != side))
                yield moves, variant, f"move {k + 1:2d} without {side:22s} (main {rec.acts[0]})", side
    return _robustness(folder, only, variants)


def swap_adjacent(folder: Path, only: set[str]) -> int:
    """The course names what to do, not always in which order (核对余额 before or after 了解原因; 先礼后兵 is an order,
    入袋为安 comes last). Each course-right line is heard once and replayed with moves k and k+1 swapped, for every k
    but the last pair (the signing move stays last). A swap that breaks the course's own order (the law before the
    courtesy) may fairly cost; most swaps should not."""
    def variants(moves: list[str], heard: list[Recognition]) -> Iterator[Variant]:
        for k in range(len(moves) - 2):
            order = list(range(len(moves)))
            order[k], order[k + 1] = order[k + 1], order[k]
            pair = f"{heard[k].tactic or '-'} ⇄ {heard[k + 1].tactic or '-'}"
            yield [moves[i] for i in order], [heard[i] for i in order], f"moves {k + 1:2d}⇄{k + 2:2d} ({pair})", pair
    return _robustness(folder, only, variants)


#: one variant of a line: the moves as played, what each is heard as, a label to print, and its kind for the tally
Variant = tuple[list[str], list[Recognition], str, str]


def _robustness(folder: Path, only: set[str], variants: Callable[[list[str], list[Recognition]], Iterator[Variant]]) -> int:
    """Each course-right line at >= 85 (seed 1), heard once, replayed as each of its ``variants``; prints those that
    fall below 85 and a tally by scenario and kind of variant."""
    lib = load_library()
    hear = default_recogniser()
    tally: collections.Counter[tuple[str, str]] = collections.Counter()
    n = fell = 0
    for f in sorted(glob.glob(str(folder / "*.yaml"))):
        d = yaml.safe_load(open(f, encoding="utf-8"))
        if only and d["scenario"] not in only:
            continue
        sc = lib.scenarios[d["scenario"]]
        p = lib.persona_for(sc)
        today = dt.date.fromisoformat(sc.case.date)
        for line in d["lines"]:
            if line["band"] != "right":
                continue
            moves = [str(m) for m in line["moves"]]
            heard = [hear.classify(m.strip(), today) for m in moves]
            base = _replay(sc, p, moves, heard)
            if base < 85:
                continue
            for played, variant, label, kind in variants(moves, heard):
                score = _replay(sc, p, played, variant)
                n += 1
                if score < 85:
                    fell += 1
                    tally[(d["scenario"], kind)] += 1
                    print(f"{d['scenario']:20s} {line['name']:22s} {label} {base} → {score}")
    print(f"variants {n}, below 85: {fell}")
    for (scenario, what), count in tally.most_common(30):
        print(f"{count:4d}  {scenario:20s} {what}")
    return 0


def _replay(sc: Scenario, p: Persona, moves: list[str], heard: list[Recognition]) -> int:
    s = Session(sc, p, seed=1)
    for move, rec in zip(moves, heard, strict=True):
        s.play(move, rec)
    s.close()
    return score_session(s).total


if __name__ == "__main__":
    raise SystemExit(main())
