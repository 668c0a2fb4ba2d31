"""Free Chinese text → tactic: normalise, weigh lexical cues, compare with templates.

Two kinds of evidence per tactic, both from the phrase library (phrases/*.yaml):

* lexical: the summed weights of the cues (words / regexes) found in the text — these carry
  the *idea* of a tactic (分期, 对账, 律师函 …) and so generalise to sentences never seen;
* similarity: the best rapidfuzz ``ratio`` against the tactic's templates — this rescues
  sentences whose wording is close to a known one but that no cue catches.

The two are blended into a score in 0..1 that is also the confidence. Below ``THRESHOLD`` the
tactic is None and the ranked alternatives let the UI ask "did you mean …?". Everything is
pure arithmetic on the inputs, so the same text always gives the same confidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from trainer.core.content import catalogue
from trainer.core.content.spec import Problems, did_you_mean
from trainer.core.content.yamlsafe import YNode
from trainer.core.language.normalise import Normalised, normalise
from trainer.core.language.phrases import PhraseLibrary, build_phrases, default_files, load_default_library, load_files
from trainer.core.language.recognition import Recognition

#: below this blended score nothing is recognised
THRESHOLD = 0.30
#: share of the score given to the lexical cues (the rest is template similarity)
LEX_SHARE = 0.50
#: similarity counts by how far a tactic's best template stands out from the median tactic
#: (any two Chinese sentences share 的/您/款 …, so the raw level says little): a lead below
#: FUZZ_FLOOR counts as none, FUZZ_FLOOR + FUZZ_SPAN as full
FUZZ_FLOOR = 0.05
FUZZ_SPAN = 0.30
#: similarity of very short texts is mostly chance (one shared character): it counts in full
#: only from SHORT characters on
SHORT = 8
ALTERNATIVES = 3
#: a word cue counts once, plus HIT_BONUS of its weight for each further word found (up to MAX_HITS)
HIT_BONUS = 0.25
MAX_HITS = 3
#: a threat the trainee says they will *not* carry out is reassurance, not a threat: one of these
#: just before a cue of a 法 tactic ("我们不会起诉", "别担心,不会停您的货") cancels the cue, and the
#: tactic's template similarity with it. 不想 is not here: "我们也不想打官司" still warns.
CANCELLING = ("不会", "绝不", "决不", "不打算", "没打算", "不至于", "不是要", "别担心", "不用担心", "用不着", "没想过")
NEGATION_WINDOW = 6  # characters before the cue word searched for a canceller
NEGATABLE_GROUPS = ("法",)


class Recogniser:
    def __init__(self, library: PhraseLibrary | None = None, threshold: float = THRESHOLD):
        self.library = library if library is not None else load_default_library()
        self.threshold = threshold
        present = {t.tactic for t in self.library.templates} | {c.tactic for c in self.library.cues}
        self.labels: tuple[str, ...] = tuple(t for t in catalogue.MOVE_IDS if t in present)
        index = {lab: i for i, lab in enumerate(self.labels)}
        # templates sorted by label so a per-label max is one np.maximum.reduceat
        order = sorted(range(len(self.library.templates)), key=lambda i: index[self.library.templates[i].tactic])
        self._tpl_order = order
        self._tpl_texts = [self.library.templates[i].text for i in order]
        tpl_labels = np.array([index[self.library.templates[i].tactic] for i in order], dtype=np.int64)
        self._tpl_labels = tpl_labels
        self._with_tpl = np.unique(tpl_labels)  # labels that have templates, ascending
        self._starts = np.searchsorted(tpl_labels, self._with_tpl) if len(tpl_labels) else np.array([], np.int64)
        self._typos = tuple(sorted(self.library.typos.items(), key=lambda kv: (-len(kv[0]), kv[0])))
        self._word_cues = [(index[c.tactic], c.weight, c.words) for c in self.library.cues if c.words]
        self._negatable = np.array([catalogue.BY_ID[lab].group in NEGATABLE_GROUPS for lab in self.labels])
        self._regex_cues = [(index[c.tactic], c.weight, c.regex) for c in self.library.cues if c.regex is not None]

    # ------------------------------------------------------------ evidence
    def normalise(self, text: str) -> Normalised:
        return normalise(text, self._typos)

    def lexical(self, norm: Normalised) -> np.ndarray:
        """Summed cue weights per label."""
        return self.evidence(norm)[0]

    def evidence(self, norm: Normalised) -> tuple[np.ndarray, np.ndarray]:
        """Summed cue weights per label, and which labels the text explicitly rules out (a cancelled
        threat: every cue of the label that was found stands after a canceller)."""
        raw = np.zeros(len(self.labels))
        cancelled = np.zeros(len(self.labels), dtype=bool)
        text = norm.marked
        if not text:
            return raw, cancelled
        for lab, weight, words in self._word_cues:
            hits = 0
            for w in words:
                if w in text:
                    if self._negatable[lab] and _cancelled(text, w):
                        cancelled[lab] = True
                        continue
                    hits += 1
                    if hits == MAX_HITS:
                        break
            if hits:  # several words of one cue are stronger evidence, with diminishing returns
                raw[lab] += weight * (1 + HIT_BONUS * (hits - 1))
        for lab, weight, rx in self._regex_cues:
            m = rx.search(text)
            if m:
                if self._negatable[lab] and _cancelled_at(text, m.start()):
                    cancelled[lab] = True
                    continue
                raw[lab] += weight
        cancelled &= raw == 0  # a threat said plainly elsewhere in the text still counts
        return raw, cancelled

    def _per_label_max(self, sims: np.ndarray) -> np.ndarray:
        """(rows × templates) similarities in 0..100 → (rows × labels) best similarity in 0..1."""
        out = np.zeros((sims.shape[0], len(self.labels)))
        if sims.shape[1]:
            out[:, self._with_tpl] = np.maximum.reduceat(sims, self._starts, axis=1) / 100.0
        return out

    def similarity(self, bares: list[str]) -> np.ndarray:
        if not self._tpl_texts or not bares:
            return np.zeros((len(bares), len(self.labels)))
        sims = process.cdist(bares, self._tpl_texts, scorer=fuzz.ratio, dtype=np.float32, workers=1)
        return self._per_label_max(sims)

    @staticmethod
    def blend(lex: np.ndarray, sim: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Per row: cue evidence and template similarity → score 0..1 per label."""
        lexs = np.tanh(np.clip(lex, 0.0, None))
        lead = sim - np.median(sim, axis=1, keepdims=True)
        sims = np.clip((lead - FUZZ_FLOOR) / FUZZ_SPAN, 0.0, 1.0)
        sims *= np.clip(np.asarray(lengths, dtype=float) / SHORT, 0.0, 1.0)[:, None]
        scores: np.ndarray = np.clip(LEX_SHARE * lexs + (1 - LEX_SHARE) * sims, 0.0, 1.0)
        return scores

    # ------------------------------------------------------------ decisions
    def _recognition(self, scores: np.ndarray) -> Recognition:
        # stable ranking: score (rounded, so float noise never reorders), then catalogue order
        ranked = sorted(((round(float(s), 3), i) for i, s in enumerate(scores) if s > 0),
                        key=lambda si: (-si[0], si[1]))
        pairs = [(self.labels[i], s) for s, i in ranked]
        if not pairs:
            return Recognition(None, 0.0, [])
        best, conf = pairs[0]
        if conf < self.threshold:
            return Recognition(None, conf, pairs[:ALTERNATIVES])
        return Recognition(best, conf, pairs[1:ALTERNATIVES + 1])

    def classify(self, text: str) -> Recognition:
        return self.classify_many([text])[0]

    def classify_many(self, texts: Iterable[str]) -> list[Recognition]:
        """Classify a batch: one ``process.cdist`` over all texts × all templates."""
        norms = [self.normalise(t if isinstance(t, str) else str(t)) for t in texts]
        if not norms:
            return []
        return [self._recognition(row) for row in self._scores(norms)]

    def _scores(self, norms: list[Normalised]) -> np.ndarray:
        lex, cancelled = (np.vstack(x) for x in zip(*(self.evidence(n) for n in norms), strict=True))
        sim = self.similarity([n.bare for n in norms])
        sim[cancelled] = 0.0  # "我们不会起诉" must not win on its likeness to "我们会起诉"
        return self.blend(lex, sim, np.array([len(n.bare) for n in norms]))

    def scores(self, text: str) -> dict[str, float]:
        """Every label's blended score (for diagnostics and tuning)."""
        row = self._scores([self.normalise(text)])[0]
        return {lab: round(float(s), 3) for lab, s in zip(self.labels, row, strict=True)}

    def leave_one_out(self) -> Iterator[tuple[int, list[tuple[str, float]]]]:
        """For each template (library index): the ranking when it is compared with all the
        *other* templates (its own text and exact duplicates excluded) plus every cue."""
        if not self._tpl_texts:
            return
        sims = process.cdist(self._tpl_texts, self._tpl_texts, scorer=fuzz.ratio, dtype=np.float32, workers=1)
        same = np.array(self._tpl_texts, dtype=object)
        for row in range(len(self._tpl_texts)):
            sims[row, same == self._tpl_texts[row]] = 0.0
        per_label = self._per_label_max(sims)
        for row, lib_i in enumerate(self._tpl_order):
            norm = self.normalise(self.library.templates[lib_i].original)
            score = self.blend(self.lexical(norm)[None, :], per_label[row:row + 1], np.array([len(norm.bare)]))[0]
            ranked = sorted(((self.labels[i], round(float(s), 3)) for i, s in enumerate(score) if s > 0),
                            key=lambda p: (-p[1], self.labels.index(p[0])))
            yield lib_i, ranked


def _cancelled_at(text: str, start: int) -> bool:
    before = text[max(0, start - NEGATION_WINDOW):start]
    for c in CANCELLING:
        i = before.rfind(c)
        # "不会有好后果" / "不会好过" negate the good, not the threat: still a warning
        if i != -1 and "好" not in before[i + len(c):]:
            return True
    return False


def _cancelled(text: str, word: str) -> bool:
    """Every occurrence of ``word`` in ``text`` stands just after a canceller."""
    start = text.find(word)
    while start != -1:
        if not _cancelled_at(text, start):
            return False
        start = text.find(word, start + 1)
    return True


@lru_cache(maxsize=1)
def default_recogniser() -> Recogniser:
    """The recogniser over every phrases file on the search path (built once per process)."""
    return Recogniser()


# ---------------------------------------------------------------- evaluation
def read_labelled(text: str, path: str = "<tsv>") -> list[tuple[str, str]]:
    """``label<TAB>text`` lines (blank lines and ``#`` comments skipped) → [(label, text)].
    Raises ValueError ``path:line: …`` on a malformed line or an unknown label."""
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        label, sep, utterance = line.partition("\t")
        label = label.strip()
        if not sep or not utterance.strip():
            raise ValueError(f"{path}:{n}: expected 'label<TAB>text'")
        if label not in catalogue.MOVE_IDS and label not in ("none", "null", "-"):
            raise ValueError(f"{path}:{n}: unknown label '{label}'{did_you_mean(label, catalogue.MOVE_IDS)}")
        rows.append((label, utterance.strip()))
    return rows


def evaluate(rec: Recogniser, rows: list[tuple[str, str]]) -> dict[str, Any]:
    """Top-1 accuracy and the confusions (label → predicted, count, examples), deterministic order.
    A label of none/null/- expects no tactic."""
    results = rec.classify_many([t for _, t in rows])
    confusions: dict[tuple[str, str], list[str]] = {}
    correct = 0
    for (label, text), r in zip(rows, results, strict=True):
        want = None if label in ("none", "null", "-") else label
        if r.tactic == want:
            correct += 1
        else:
            confusions.setdefault((label, r.tactic or "null"), []).append(text)
    ranked = sorted(confusions.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return {"total": len(rows), "correct": correct,
            "accuracy": round(correct / len(rows), 4) if rows else 0.0,
            "confusions": [{"label": lab, "predicted": pred, "count": len(ex), "examples": ex[:3]}
                           for (lab, pred), ex in ranked]}


# ---------------------------------------------------------------- lint
def lint_library(lib: PhraseLibrary, own_file: str, out: Problems) -> None:
    """Leave-one-out: each template of ``own_file`` is classified against every other template;
    warn where another tactic wins, or where the template is also listed under another tactic."""
    rec = Recogniser(lib)
    seen: dict[str, str] = {}
    for t in lib.templates:
        other = seen.setdefault(t.text, t.tactic)
        if other != t.tactic and t.node is not None and t.node.path == own_file:
            out.warning(t.node, f"template is also listed under '{other}'")
    for i, ranked in rec.leave_one_out():
        t = lib.templates[i]
        if t.node is None or t.node.path != own_file or not ranked:
            continue
        own = dict(ranked).get(t.tactic, 0.0)
        best, score = ranked[0]
        if best != t.tactic and score > own:
            out.warning(t.node, f"template of '{t.tactic}' is matched more strongly by '{best}' "
                                f"({score:.2f} vs {own:.2f}); add a cue or reword it")


def check_phrases_file(root: YNode, text: str, out: Problems) -> None:
    """`trainer validate` entry point: strict checks, then the leave-one-out lint against the
    rest of the library on the search path (so an instructor's file is linted in context)."""
    own = build_phrases(root, text, out)
    if own is None:
        return
    path = Path(root.path)
    lib = load_files(default_files(exclude=path.resolve() if path.exists() else None), Problems())
    lib.merge(own)
    lint_library(lib, root.path, out)
