"""Build time: train the n-gram model (``make model``) and measure it honestly (``--cv``).

    python -m trainer.core.language.train          # writes ngram_model.npy / .json, ngram_clauses.npy, ngram_acts.npy,
                                                   # ngram_early.npy (hostility as the early line model hears it),
                                                   # anchors.json (about a minute and a half: the act lister)
    python -m trainer.core.language.train --cv     # 5-fold cross-validated figures on the dev sets
    python -m trainer.core.language.train --intent # the intent model alone (intent.npy / .json, about 40 s)
    python -m trainer.core.language.train --rudeness  # the rudeness model alone (ngram_rude.npy / .json, about 10 s)
    python -m trainer.core.language.train --intent-report  # hostility heard without / with it on the dev sets it never
                                                   # learned from (r40a on), by kind

Training rows: every template of phrases/tactics.yaml, and the development sets of ``line_rows`` (label = the main
act, or ``none``); the clause model also the clauses of their many-act lines (``aligned_clauses``). Never the
held-out sets (tests/data/eval/, tests/data/utterances_holdout.tsv). The act lister is trained on every act of every
line of ``act_rows`` (``train_acts``); the hostility model on ``hostility_rows``; the rudeness model on
``rudeness_rows`` (rude lines against lawful ones, never a threat; ``UNSEEN_FROM`` on stay its measure).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from trainer.core.content import catalogue
from trainer.core.content.catalogue import HOSTILE
from trainer.core.content.spec import Problems
from trainer.core.language import lazyre
from trainer.core.language.intent import FEATURES, INTENT_META, INTENT_WEIGHTS, PARTS
from trainer.core.language.model import (
    ACT_WEIGHTS,
    BUCKETS,
    CLAUSE_WEIGHTS,
    EARLY_WEIGHTS,
    HOSTILITY_LABELS,
    HOSTILITY_WEIGHTS,
    META,
    NGRAMS,
    NONE,
    RUDENESS_LABELS,
    RUDENESS_META,
    RUDENESS_WEIGHTS,
    WEIGHTS,
    ActModel,
    NgramModel,
    fit,
    fit_acts,
    load_act_model,
    load_hostility_model,
    load_model,
    load_rudeness_model,
)
from trainer.core.language.normalise import normalise
from trainer.core.language.phrases import load_files
from trainer.core.language.recognise import Recogniser, format_report, read_labelled, score_rows
from trainer.core.language.recognition import Recognition

ROOT = Path(__file__).resolve().parents[3]
TODAY = dt.date(2026, 12, 1)  # the dev sets' reference date (tests/data/eval/README.md)


#: the dev sets up to round 20: every model learns from them
_EARLY = ("utterances.tsv", "dev_extra.jsonl", "dev_lang.jsonl", "dev_course.jsonl", "dev_voices.jsonl",
          "dev_weak.jsonl", "dev_multi.jsonl", "dev_confusions.jsonl", "dev_long.jsonl", "dev_hard.jsonl",
          "dev_weak2.jsonl", "dev_law.jsonl", "dev_weak3.jsonl", "dev_r13a.jsonl", "dev_r13b.jsonl", "dev_r13c.jsonl",
          "dev_r14d.jsonl", "dev_r14e.jsonl", "dev_r15a.jsonl", "dev_r15b.jsonl", "dev_r16a.jsonl", "dev_r16b.jsonl",
          "dev_r17a.jsonl", "dev_r17b.jsonl", "dev_r18a.jsonl", "dev_r19a.jsonl", "dev_r20a.jsonl")
#: the sets written to contrast rudeness, unlawful pressure, firm lawful pressure and rough-sounding friendliness
_CONTRAST = ("dev_r21a.jsonl", "dev_r22a.jsonl", "dev_r23a.jsonl", "dev_r24a.jsonl", "dev_r24b.jsonl", "dev_r25a.jsonl",
             "dev_r25b.jsonl")
# Stop 45, measured and dropped: the line, clause and act models trained on r28a-r29c, r30a and r30c as well (their lines
# that are not hostile, as the rule of ``line_row`` says) heard two fresh sets' lines better (r30a 199 → 207 of 300, r30c's
# non-hostile 79 → 84 of 100) but lost 15 threats the line model had heard in the older dev sets (我拿锤子一块一块给你敲碎,
# 你晚上睡觉最好把门锁好, 断手断脚 …) and one course-right dev play line; on the held-out sets it was neutral (pooled 85.4 →
# 85.3%) and one held-out unlawful line of play went unheard. Sets written to one brief lift sets written to the same
# brief; that is not hearing better
#: later sets (sarcasm and veiled threats, small talk, conditions and concessions)
_LATER = ("dev_r26a.jsonl", "dev_r26b.jsonl", "dev_r27a.jsonl", "dev_r27c.jsonl")


def _present(root: Path, names: tuple[str, ...]) -> list[Path]:
    data = root / "tests" / "data"
    return [data / n for n in names if (data / n).exists()]


def dev_files(root: Path) -> list[Path]:
    """Every dev set, in order: what the models learn from (``line_rows``, ``hostility_rows``) and cross-validation
    measures."""
    return _present(root, _EARLY + _CONTRAST + _LATER)


def hostility_files(root: Path) -> list[Path]:
    """What the hostility model learns from: the early sets and the contrast sets, not the later ones — trained on
    r26a and r27a too, it heard 2 more of r28b's 100 sarcastic lines and called one more course-right dev play move
    hostile (stop 43); sarcasm does not generalise from n-grams."""
    return _present(root, _EARLY + _CONTRAST)


def line_row(path: Path, row: dict[str, object]) -> bool:
    """Whether the line, clause and act models learn from ``row`` of ``path``: every line of the early sets, and the
    lines of the contrast and later sets that are not hostile. Stop 43: trained on those sets too, main act on two
    fresh dev sets none of the models saw went 189 → 194 and 168 → 176 of 300 (r28a, r28b); with their hostile lines
    as well the act lister put hostile beside benign moves and 41 course-right dev play lines fell below 85 —
    hostility is the hostility model's to hear."""
    return path.name in _EARLY or HOSTILE not in row["acts"]  # type: ignore[operator]


#: the later sets the line, clause and act models learn from too (stop 60): their lines with no hostility, and — for the
#: line and clause models only — the lines their writers called rude; never their threats, unlawful or veiled (in n-grams
#: the veiled ones are care: stop 58). r46a on stayed the measure of writers no model read. Measured on r46a-r55b
#: (2,800 lines): main act 2,365 → 2,413, hostile heard 490 → 492 of 559, small talk and lawful lines called hostile
#: unchanged; on two fresh sets (r56a/b) 290 → 299 of 400. Learning their threats as well (hostile heard 504, but 23
#: course-right dev-play moves heard hostile against 9, and 11 dev lines of play below 85) and learning no rude line
#: (hostile heard 488, 26 of r28a-r45b's unlawful and rude lines lost) were measured and dropped
#: (stop 60 took this back for red CI and 9 held-out threats lost; stop 62 brought it back with hostility as the early line
#: model hears it — ``early_rows``, ``model.EARLY_WEIGHTS``: unseen r46a-r58b main act 3,136 → 3,210 of 4,000, every act
#: recall 72.8 → 74.5% at precision 59.6 → 63.2%, hostile heard 755 of 846 before and after, small talk heard hostile
#: 41 of 607 before and after)
#: Stop 64: r46a-r59b (4,400 lines, fourteen rounds of course-only writers kept unseen since stop 60) joined them, as
#: the rows above say; r60a on stay the measure. On four fresh sets no model read (dev_r60a/b, r61a/b, 800 lines): main
#: act 683 → 699, acts hit +19 for false acts +2; hostile heard, small talk and lawful lines called hostile unchanged.
#: Dev play course-right ≥ 85 held (1,333 of 1,346: four lines rose, four fell as a move's main act changed — the
#: engine's ``answer_order`` and ``HELD_ENDING`` then took back two of them)
#: Stop 67: r60a-r63b (1,600 lines) joined them too; r64a on stay the measure. On six fresh sets no model read
#: (dev_r64a-r66b, 1,200 lines): main act 1,088 → 1,095, acts hit 1,218 → 1,231, false acts 545 → 535; hostile heard,
#: small talk and lawful lines called hostile unchanged. Dev play course-right ≥ 85 held (1,395 of 1,404; scores moved
#: a few points either way in 103 lines, none across 85), unlawful lines costing 有法 280 → 281; dev_play_unseen 202 → 203
#: of 208 (competitor-terms 79a 82 → 88)
#: Stop 68: r64a-r65b (800 lines) joined them; r66a on stay the measure. On the four sets no model read (dev_r66a-r67b,
#: 800 lines): main act 728 → 730, acts hit 789 → 793 for false acts 343 → 346; hostile heard 135 → 134 of 148, small
#: talk and lawful lines called hostile 0 of 60 / 5 of 592 as before
#: Stop 69: r66a-r67b (800 lines) joined them; r68a on stay the measure. On the two sets no model read (dev_r68a/b,
#: 400 lines): main act 365 → 365, acts hit 411 as before for false acts 232 → 228; hostile heard (68 of 74), small talk
#: and lawful lines called hostile (0 of 30 / 2 of 296) as before. Dev play course-right ≥ 85: 1,394 → 1,395
#: (triangular-debt 44a3 34 → 92), dev_play_unseen 348 → 349 (project-milestone 76c 0 → 94); one unlawful line of
#: play (triangular-debt 64d1) now signs its three-party deal a move before its threat is said
#: the first dev round no model learns: r68a on stay the measure of writers no model read (the line, clause, act and
#: rudeness models learn the rounds before it, from r28a; the intent model only r26a-r39b). One number, so the line
#: moves for all of them at once (``tools/devmeasure.py`` sums the rounds from it as UNSEEN)
UNSEEN_FROM = 68
_LINES_LATER = tuple(f"dev_r{n}{x}.jsonl" for n in range(28, UNSEEN_FROM) for x in "abcd")


def line_files(root: Path) -> list[Path]:
    """What the line, clause and act models learn from: ``dev_files`` and ``_LINES_LATER``."""
    return dev_files(root) + _present(root, _LINES_LATER)


def act_rows(root: Path) -> list[dict[str, object]]:
    """What the act lister learns from: every line ``line_row`` lets in, of ``dev_files`` and the later sets."""
    return [r for f in line_files(root) for r in read_rows(f) if line_row(f, r)]


def line_rows(root: Path) -> list[dict[str, object]]:
    """What the line and clause models learn from: ``act_rows`` and the later sets' rude lines — rudeness said in
    words (一句实话都没有, 你这个人真无路用) is the line model's to hear as well; a threat is not."""
    later = set(_present(root, _LINES_LATER))
    return [r for f in line_files(root) for r in read_rows(f)
            if line_row(f, r) or (f in later and r.get("kind") == "rude")]


def early_rows(root: Path) -> list[dict[str, object]]:
    """What the early line model (``model.EARLY_WEIGHTS``, read for hostility only) learns from: the line model's rows
    before stop 60 — ``dev_files`` as ``line_row`` lets them in, none of the later sets' care or rude lines."""
    return [r for f in dev_files(root) for r in read_rows(f) if line_row(f, r)]


def hostility_rows(root: Path) -> list[dict[str, object]]:
    return [r for f in hostility_files(root) for r in read_rows(f)]


def read_rows(path: Path) -> list[dict[str, object]]:
    """A dev file as rows {text, acts, and the slots where the file has them}."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".tsv":
        return [{"text": t, "acts": [] if lab in ("none", "null", "-") else [lab]} for lab, t in read_labelled(text, str(path))]
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def templates(root: Path) -> list[tuple[str, str]]:
    lib = load_files([root / "phrases" / "tactics.yaml"], Problems())
    return [(t.tactic, t.original) for t in lib.templates]


def labels_for(tpl: list[tuple[str, str]]) -> tuple[str, ...]:
    present = {lab for lab, _ in tpl}
    return tuple(t for t in catalogue.MOVE_IDS if t in present) + (NONE,)


def main_act(row: dict[str, object]) -> str:
    acts = row["acts"]
    assert isinstance(acts, list)
    return str(acts[0]) if acts else NONE


def train(rows: list[tuple[str, str]], labels: tuple[str, ...]) -> np.ndarray:
    index = {lab: i for i, lab in enumerate(labels)}
    rows = [(lab, text) for lab, text in rows if lab in index]
    return fit([normalise(text).bare for _, text in rows], [index[lab] for lab, _ in rows], len(labels))


def train_lines(tpl: list[tuple[str, str]], rows: list[dict[str, object]], labels: tuple[str, ...]) -> np.ndarray:
    """A line model: the templates and every row by its main act."""
    return train(tpl + [(main_act(r), str(r["text"])) for r in rows], labels)


def shipped(w: np.ndarray, labels: tuple[str, ...]) -> NgramModel:
    """The model as it will be read back: float16 on disk."""
    return NgramModel(labels, w.astype(np.float16).astype(np.float32))


def aligned_clauses(rec: Recogniser, rows: list[dict[str, object]]) -> list[tuple[str, str]]:
    """(act, clause) training rows from the many-act lines: each act of a line goes with the clause of that line the
    recogniser (trained on whole lines) scores highest for it — the lines say which acts they hold, not where, so
    this is where each act most plausibly sits. Lines of one clause add nothing."""
    index = {lab: i for i, lab in enumerate(rec.labels)}
    out: list[tuple[str, str]] = []
    for r in rows:
        acts = [str(a) for a in r["acts"] if a in index]  # type: ignore[attr-defined]
        if len(acts) < 2:
            continue
        text = str(r["text"])
        clauses = rec._clauses(text, rec.normalise(text))
        if not clauses:
            continue
        scores = rec._scores(clauses)
        out += [(a, clauses[int(np.argmax(scores[:, index[a]]))].bare) for a in acts]
    return out


def train_both(tpl: list[tuple[str, str]], rows: list[dict[str, object]],
               labels: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """The line model (templates + every dev line by its main act) and the clause model (templates + the one-act
    lines + the aligned clauses of the many-act lines). 5-fold dev (5,754 lines): act recall 80.9% → 83.6% at
    precision 69.0% → 67.8%, main act unchanged (82.5% → 82.7%)."""
    w = train_lines(tpl, rows, labels)
    rec = Recogniser(model=shipped(w, labels))
    single = [(main_act(r), str(r["text"])) for r in rows if len(r["acts"]) <= 1]  # type: ignore[arg-type]
    return w, train(tpl + single + aligned_clauses(rec, rows), labels)


def train_acts(tpl: list[tuple[str, str]], rows: list[dict[str, object]], labels: tuple[str, ...]) -> np.ndarray:
    """The act lister: every template (its one tactic) and every dev line with *all* its acts (``none``: a line with
    no act)."""
    index = {lab: i for i, lab in enumerate(labels)}
    texts = [t for _, t in tpl] + [str(r["text"]) for r in rows]
    acts = [[lab] for lab, _ in tpl] + [[str(a) for a in r["acts"]] or [NONE] for r in rows]  # type: ignore[attr-defined]
    targets = np.zeros((len(texts), len(labels)), np.float32)
    for i, these in enumerate(acts):
        for a in these:
            if a in index:
                targets[i, index[a]] = 1.0
    return fit_acts([normalise(t).bare for t in texts], targets)


#: the weight of a hostile line against the others in the hostility model. Chosen on dev sets left out of its training
#: in turn (dev_r24a / dev_r24b / dev_r23a, model alone at 0.8, hostile heard / false): 4 → 52/0, 52/1, 70/0;
#: 8 → 60/0, 61/1, 78/0; 16 → 69/1 (on dev_r24a) — more weight buys recall at the cost of false hostility
HOSTILE_POSITIVE = 8.0


def train_hostility(tpl: list[tuple[str, str]], rows: list[dict[str, object]]) -> np.ndarray:
    """The hostility model: column 0 says whether a line is hostile at all (every template and dev line), column 1
    whether a hostile line is unlawful rather than only rude (the hostile dev lines whose writers said which:
    kind ``unlawful`` or ``rude``). (BUCKETS + 1) × 2, the last row the bias."""
    texts = [t for _, t in tpl] + [str(r["text"]) for r in rows]
    hostile = np.array([[lab == HOSTILE] for lab, _ in tpl]
                       + [[HOSTILE in r["acts"]] for r in rows], np.float32)  # type: ignore[operator]
    said = [r for r in rows if HOSTILE in r["acts"] and r.get("kind") in ("unlawful", "rude")]  # type: ignore[operator]
    w_hostile = fit_acts([normalise(t).bare for t in texts], hostile, positive=HOSTILE_POSITIVE)
    w_unlawful = fit_acts([normalise(str(r["text"])).bare for r in said],
                          np.array([[r.get("kind") == "unlawful"] for r in said], np.float32))
    return np.hstack([w_hostile, w_unlawful])


#: the later sets the rudeness model learns from besides ``dev_files``; ``UNSEEN_FROM`` on stay the measure of writers it never
#: read.
#: Stop 67: r46a-r63b joined (r28a-r45b before). On six fresh sets it never read (r64a-r66b, 1,200 lines): rude lines
#: heard 103 → 106 of 120, small talk called hostile 2 → 1 of 90 (老东西, said with a laugh about his age), lawful lines
#: 5 → 5 of 888; no dev play move heard differently. A rude line weighing 6 lawful ones (4 here) heard 109 of 120 but
#: called 你吃饭了吗 rude (the gibberish test); 8 heard no more. The intent model given the same sets was measured and
#: dropped: no fresh line moved (100 of 102 unlawful heard before and after), six veiled threats it heard were lost
#: (去学校门口接你娃儿放学, 每天凌晨两点你手机会准时响)
_RUDENESS_LATER = _LINES_LATER
#: the weight of a rude line against a lawful one in the rudeness model
RUDE_POSITIVE = 4.0


def course_right_moves(root: Path) -> tuple[list[str], list[Path]]:
    """The moves of half the course-right dev lines of play (those whose scenario and name hash even: the other half
    stays a measure), and the files they come from: lines a trainee says that are neither hostile nor unlawful — the
    course's firm moves (看穿, 紧盯不放, 讲后果) on the lawful side of the line."""
    moves: list[str] = []
    play = sorted((root / "tests" / "data" / "dev_play").glob("*.yaml"))
    for f in play:
        doc = yaml.safe_load(f.read_text(encoding="utf-8"))
        for line in doc["lines"]:
            name = str(line["name"])
            if name.startswith("course-right") and zlib.crc32(f"{doc['scenario']}{name}".encode()) % 2 == 0:
                moves.extend(str(m).strip() for m in line["moves"])
    return moves, play


def rudeness_rows(root: Path) -> tuple[list[str], np.ndarray, list[Path]]:
    """What the rudeness model learns from: the dev lines whose writers called them rude (kind ``rude``) against every
    dev line with no hostility (small talk, care, banter, the course's moves), every template of a lawful move and
    ``course_right_moves`` — and never a threat, unlawful or veiled: the later sets' veiled threats are, word for word,
    care, and a model that learned them as hostile called care hostile (stop 58, reverted). Returns the texts, whether
    each is rude, and the files."""
    files = _present(root, _EARLY + _CONTRAST + _LATER + _RUDENESS_LATER)
    texts = [t for lab, t in templates(root) if lab != HOSTILE]
    rude = [False] * len(texts)
    for f in files:
        for r in read_rows(f):
            is_rude = r.get("kind") == "rude"
            if HOSTILE in r["acts"] and not is_rude:  # type: ignore[operator]
                continue
            texts.append(str(r["text"]))
            rude.append(is_rude and HOSTILE in r["acts"])  # type: ignore[operator]
    moves, play = course_right_moves(root)
    texts += moves
    rude += [False] * len(moves)
    return texts, np.array([[y] for y in rude], np.float32), files + play


def train_rudeness(texts: list[str], rude: np.ndarray) -> np.ndarray:
    """The rudeness model: (BUCKETS + 1) × 1, the last row the bias."""
    return fit_acts([normalise(t).bare for t in texts], rude, positive=RUDE_POSITIVE)


def shipped_hostility(w: np.ndarray) -> ActModel:
    return ActModel(HOSTILITY_LABELS, w.astype(np.float16).astype(np.float32))


def shipped_acts(w: np.ndarray, labels: tuple[str, ...]) -> ActModel:
    return ActModel(labels, w.astype(np.float16).astype(np.float32))


#: what the intent model (``intent.py``) learns from: the dev sets written after the hostility model's (r26a-r39b), not
#: r40a-r44a, which stay the measure of a writer it never read (stop 52)
_INTENT_SETS = tuple(f"dev_r{n}{x}.jsonl" for n in range(26, 40) for x in "abcd")
#: the weight of an unlawful line against a lawful one, the L2 penalty and the gradient steps of its fit. Chosen on
#: r40a-r44a (stop 52): weight 2 heard 11 of the unlawful lines left at 0.8, 3 heard 22, 5 heard 34 with 12 lawful
#: lines called unlawful; the penalty from 0.3 to 3 changed nothing; 3,000 steps moved the same frontier (0.9: 19 / 3)
INTENT_POSITIVE, INTENT_L2, INTENT_STEPS, INTENT_RATE = 3.0, 1.0, 800, 0.5


def intent_rows(root: Path) -> tuple[np.ndarray, np.ndarray, list[Path]]:
    """The feature rows the intent model learns from and whether each is unlawful: the lines of ``_INTENT_SETS`` that
    the recogniser without it (and without the rudeness model, read after it) does not hear as hostile, and, as
    lawful, ``course_right_moves``."""
    rec = Recogniser(intent_model=False, rudeness_model=False)
    texts: list[str] = []
    unlawful: list[bool] = []
    files = _present(root, _INTENT_SETS)
    for f in files:
        for r in read_rows(f):
            texts.append(str(r["text"]))
            unlawful.append(r.get("kind") == "unlawful")
    moves, play = course_right_moves(root)
    texts.extend(moves)
    unlawful.extend(False for _ in moves)
    rows: list[np.ndarray] = []
    ys: list[float] = []
    # (heard as said, with no second reading in Mandarin: a threat in dialect words that the others miss as said is one
    # it learns from, as before that reading)
    for text, y, heard in zip(texts, unlawful, rec.classify_many(texts, TODAY, dialect=False), strict=True):
        if HOSTILE in heard.acts:
            continue  # heard already: what is left to the intent model is what nothing else heard
        rows.append(rec.intent_row(text))
        ys.append(float(y))
    return np.vstack(rows), np.array(ys), files + play


#: the dev sets the intent model never learned from, by the stop that wrote them: what ``--intent-report`` reads
INTENT_MEASURES = tuple(f"dev_r{n}{x}.jsonl" for n in range(40, 100) for x in "abcd")


def intent_report(root: Path, names: tuple[str, ...] = INTENT_MEASURES) -> list[tuple[str, dict[str, tuple[int, int, int]]]]:
    """Per dev set the intent model never learned from, per kind: (lines, heard hostile without the intent model, with
    it) — the honest measure of what it adds and what it calls hostile that is not."""
    off, on = Recogniser(intent_model=False), Recogniser()
    out = []
    for f in _present(root, names):
        rows = read_rows(f)
        texts = [str(r["text"]) for r in rows]
        counts: dict[str, list[int]] = {}
        for r, a, b in zip(rows, off.classify_many(texts, TODAY), on.classify_many(texts, TODAY), strict=True):
            c = counts.setdefault(str(r.get("kind", "")), [0, 0, 0])
            c[0] += 1
            c[1] += HOSTILE in a.acts
            c[2] += HOSTILE in b.acts
        out.append((f.name, {k: (v[0], v[1], v[2]) for k, v in sorted(counts.items())}))
    return out


def print_intent_report(root: Path) -> None:
    print("heard hostile, without → with the intent model (of the lines of each kind):")
    for name, kinds in intent_report(root):
        print(f"  {name}: " + "  ".join(f"{k} {a}→{b}/{n}" for k, (n, a, b) in kinds.items()))


def train_intent(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Logistic regression by plain gradient descent (deterministic): the weights, then the bias."""
    w = np.zeros(x.shape[1])
    b = 0.0
    sw = np.where(y > 0, INTENT_POSITIVE, 1.0)
    n = sw.sum()
    for _ in range(INTENT_STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = (p - y) * sw
        w -= INTENT_RATE * (x.T @ g / n + INTENT_L2 * w / n)
        b -= INTENT_RATE * g.sum() / n
    return np.append(w, b).astype(np.float32)


def _trained_on(root: Path, files: list[Path]) -> dict[str, str]:
    """The record a shipped model keeps of what it learned from: each file, relative to ``root``, and its SHA-256 (the
    tests compare them with the files as they are now)."""
    return {f.relative_to(root).as_posix(): hashlib.sha256(f.read_bytes()).hexdigest() for f in files}


def build_intent(root: Path) -> None:
    x, y, files = intent_rows(root.resolve())
    np.save(INTENT_WEIGHTS, train_intent(x.astype(np.float64), y), allow_pickle=False)
    meta = {"features": list(FEATURES), "parts": PARTS, "rows": int(len(y)), "unlawful": int(y.sum()),
            "trained_on": _trained_on(root.resolve(), files)}
    INTENT_META.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{INTENT_WEIGHTS.name}: {len(FEATURES)} features, {len(y)} lines ({int(y.sum())} unlawful)")


def build_rudeness(root: Path) -> None:
    root = root.resolve()
    texts, rude, files = rudeness_rows(root)
    np.save(RUDENESS_WEIGHTS, train_rudeness(texts, rude).astype(np.float16), allow_pickle=False)
    meta = {"labels": list(RUDENESS_LABELS), "rows": len(texts), "rude": int(rude.sum()),
            "trained_on": _trained_on(root, [root / "phrases" / "tactics.yaml", *files])}
    RUDENESS_META.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{RUDENESS_WEIGHTS.name}: {len(texts)} lines ({int(rude.sum())} rude)")


def build(root: Path) -> None:
    tpl = templates(root)
    files = line_files(root)
    rows = line_rows(root)
    labels = labels_for(tpl)
    w, wc = train_both(tpl, rows, labels)
    np.save(WEIGHTS, w.astype(np.float16), allow_pickle=False)
    np.save(CLAUSE_WEIGHTS, wc.astype(np.float16), allow_pickle=False)
    early = train_lines(tpl, early_rows(root), labels)
    np.save(EARLY_WEIGHTS, early.astype(np.float16), allow_pickle=False)
    np.save(ACT_WEIGHTS, train_acts(tpl, act_rows(root), labels).astype(np.float16), allow_pickle=False)
    np.save(HOSTILITY_WEIGHTS, train_hostility(tpl, hostility_rows(root)).astype(np.float16), allow_pickle=False)
    build_rudeness(root)
    for loader in (load_model, load_act_model, load_hostility_model, load_rudeness_model):
        loader.cache_clear()  # the intent model learns from what the recogniser with the models just written hears
    build_intent(root)
    trained_on = [root / "phrases" / "tactics.yaml", *files]
    meta = {"labels": list(labels), "buckets": BUCKETS, "ngrams": list(NGRAMS),
            "trained_on": _trained_on(root, trained_on),
            "rows": len(tpl) + len(rows)}
    META.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{WEIGHTS.name}: {len(labels)} labels, {len(tpl)} templates + {len(rows)} dev lines")
    print(f"{lazyre.TABLE.name}: anchors of {lazyre.write_table()} patterns")


def cv_recognitions(root: Path, folds: int = 5) -> tuple[list[dict[str, object]], list[Recognition]]:
    """The dev lines (in `dev_files` order) and what each is heard as by a model trained on the templates and the
    other folds: the honest dev measure, each line heard by a model that never saw it."""
    tpl = templates(root)
    labels = labels_for(tpl)
    tagged = [(f, r) for f in dev_files(root) for r in read_rows(f)]
    rows = [r for _, r in tagged]
    for_lines = [line_row(f, r) for f, r in tagged]
    hostility = set(hostility_files(root))
    for_hostility = [f in hostility for f, _ in tagged]
    got: list[Recognition | None] = [None] * len(rows)
    for k in range(folds):
        train_rows = [r for i, r in enumerate(rows) if i % folds != k and for_lines[i]]
        extra = [r for i, r in enumerate(rows) if i % folds != k and for_hostility[i]]
        w, wc = train_both(tpl, train_rows, labels)
        rec = Recogniser(model=shipped(w, labels), clause_model=shipped(wc, labels),
                         act_model=shipped_acts(train_acts(tpl, train_rows, labels), labels),
                         hostility_model=shipped_hostility(train_hostility(tpl, extra)))
        test = [i for i in range(len(rows)) if i % folds == k]
        for i, r in zip(test, rec.classify_many([str(rows[i]["text"]) for i in test], TODAY), strict=True):
            got[i] = r
    return rows, [g for g in got if g is not None]


def cv_report(root: Path, folds: int = 5) -> tuple[dict[str, Any], dict[str, Any]]:
    """Each dev line scored by a model trained on the templates and the other folds: the report over
    every dev line, and over the JSONL lines only (natural sentences the cues were never tuned on)."""
    rows, done = cv_recognitions(root, folds)
    jsonl = [i for i, r in enumerate(rows) if "kind" in r]
    return (score_rows(rows, done),
            score_rows([rows[i] for i in jsonl], [done[i] for i in jsonl]))


def cross_validate(root: Path, folds: int = 5) -> None:
    every, jsonl = cv_report(root, folds)
    print(f"{folds}-fold cross-validation over {every['total']} dev lines ({', '.join(f.name for f in dev_files(root))}):")
    print(format_report(every))
    print(f"JSONL dev lines only ({jsonl['total']}): main act {jsonl['main_accuracy']:.1%}, recall min "
          f"{jsonl['recall_min']:.1%} mean {jsonl['recall_mean']:.1%}")
    for m in every["misses"]:
        print(f"  miss: {m['want']} → {m['got']}  {m['text']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", action="store_true", help="print cross-validated dev figures instead of training")
    ap.add_argument("--intent", action="store_true", help="train the intent model only (intent.npy / .json)")
    ap.add_argument("--rudeness", action="store_true", help="train the rudeness model only (ngram_rude.npy / .json)")
    ap.add_argument("--intent-report", action="store_true",
                    help="per dev set the intent model never learned from: hostile heard without and with it, by kind")
    args = ap.parse_args(argv)
    if args.cv:
        cross_validate(ROOT)
    elif args.intent:
        build_intent(ROOT)
    elif args.rudeness:
        build_rudeness(ROOT)
    elif args.intent_report:
        print_intent_report(ROOT)
    else:
        build(ROOT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
