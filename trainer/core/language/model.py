"""A small linear model over character n-grams, trained at build time and shipped as data.

Why: cues carry the *ideas* of the tactics, templates their usual wording; neither sees the many
small signals of a sentence as a whole (the 1-3 character pieces 先付, 咱们, 月底 …). A multinomial
naive Bayes over hashed character 1-3-grams learns those from the phrase library's templates and
the development sets (closed form, so training is one pass and exactly reproducible), and its
probabilities — tempered by the square root of the number of n-grams, so a long sentence is not
over-confident — are added to the cue and template scores in ``recognise``. (A logistic regression
was tried first as the *main-act* model: on the 5-fold dev split it was weaker, 57% main act alone against naive
Bayes' 83%, with this little data.)

The act lister (``ActModel``, ``ngram_acts.npy``) is that logistic regression put to the job it is good at: one
yes/no per act over the same n-grams, trained on *every* act of every dev line (naive Bayes learns only each line's
main act, and the clause model only the clause each act was aligned to). It lists the acts a line holds as a whole
and breaks near-ties for the main act; ``recognise`` says how much it may.

Data: ``ngram_model.npy`` (float16 log-probabilities, buckets+1 × labels, the last row the prior) and
``ngram_model.json`` (labels, buckets, the training files and their SHA-256) beside this module.
Regenerate with ``make model`` (``python -m trainer.core.language.train``): deterministic — the same
inputs give the same bytes. Trained on phrases/tactics.yaml and the dev sets of ``train.line_files``; the clause model
(``ngram_clauses.npy``, same labels) lists the acts of a long line clause by clause, the act lister (``ngram_acts.npy``)
those of the line as a whole, and the early line model (``ngram_early.npy``, ``train.early_rows``: the early dev sets
only) gives hostility as the line model hears it; never on tests/data/eval/ (held out) or
tests/data/utterances_holdout.tsv. ``train --cv`` prints the 5-fold cross-validated dev figures (the
honest dev measure: each dev line is scored by a model that never saw it).
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
WEIGHTS = HERE / "ngram_model.npy"
#: the clause model: the same n-grams, trained on the templates, the one-act dev lines and the clauses of the many-act
#: dev lines, each clause labelled with the act of its line it best expresses — it lists the acts of a long line
CLAUSE_WEIGHTS = HERE / "ngram_clauses.npy"
#: the act lister: a logistic regression per act (one-vs-rest) over the same n-grams, trained on every act of every dev
#: line — it says which acts a line holds, where naive Bayes says which one it mainly is
ACT_WEIGHTS = HERE / "ngram_acts.npy"
#: the early line model (stop 62): the line model as trained before stop 60, on the early dev sets only, read for
#: hostility alone — its hostile column, and its off-topic class where that damps the hostile column: the later sets'
#: small talk and care taught the line model that the words a veiled threat borrows are small talk (held-out, stop 60:
#: 9 more unlawful lines unheard), while its act columns hear the course's moves better
EARLY_WEIGHTS = HERE / "ngram_early.npy"
#: the hostility model: the same n-grams, two yes/no columns — is the line hostile (rude or unlawful) at all, and, of
#: hostile lines, is it unlawful rather than only rude. Trained on every dev line, including the sets written to
#: contrast rudeness, threats and firm lawful pressure; it lets hostility be heard where no word list reaches
HOSTILITY_WEIGHTS = HERE / "ngram_hostile.npy"
#: the rudeness model (stop 59): one column, whether a line is rude — an insult, contempt, a jeer at the debtor — against
#: everything lawful; it never learned from a threat, so the words of care a veiled threat borrows are not its evidence
RUDENESS_WEIGHTS = HERE / "ngram_rude.npy"
RUDENESS_META = HERE / "ngram_rude.json"
RUDENESS_LABELS = ("rude",)
HOSTILITY_LABELS = ("hostile", "unlawful")
META = HERE / "ngram_model.json"
BUCKETS = 1 << 14
#: the log-odds are divided by (number of n-grams) ** TEMPER: naive Bayes counts overlapping n-grams
#: as independent evidence and would be sure of everything otherwise
TEMPER = 0.5
ALPHA = 0.05  # naive Bayes smoothing (5-fold dev: 0.05 and 0.2 within a point; 0.05 blends better)
NGRAMS = (1, 2, 3)
NONE = "none"


def grams(bare: str) -> list[int]:
    """Hashed bucket ids of the character 1-3-grams of ``bare`` (with ^ $ at the edges), once each."""
    s = f"^{bare}$"
    out = {zlib.crc32(s[i:i + n].encode("utf-8")) % BUCKETS
           for n in NGRAMS for i in range(len(s) - n + 1) if s[i:i + n] not in ("^", "$")}
    return sorted(out)


@dataclass(frozen=True)
class NgramModel:
    labels: tuple[str, ...]
    weights: np.ndarray  # (BUCKETS + 1) × labels, log-probabilities (float16 as shipped); last row = the prior

    def proba(self, bares: list[str]) -> np.ndarray:
        """Rows of label probabilities, one per text."""
        return self.proba_grams([grams(b) for b in bares])

    def proba_grams(self, ids_per_text: list[list[int]]) -> np.ndarray:
        """``proba`` of texts whose n-grams (``grams``) the caller already has."""
        out = np.empty((len(ids_per_text), len(self.labels)))
        prior = self.weights[-1].astype(np.float32)
        for row, ids in enumerate(ids_per_text):
            z = prior + self.weights[ids].sum(axis=0, dtype=np.float32) if ids else prior
            z = (z - z.max()) / max(len(ids), 1) ** TEMPER
            e = np.exp(z)
            out[row] = e / e.sum()
        return out


@dataclass(frozen=True)
class ActModel:
    """Independent probabilities that a line holds each act (one-vs-rest logistic regression). The features are the
    line's n-grams, each worth 1/sqrt(their number), so a long line is not surer than a short one."""
    labels: tuple[str, ...]
    weights: np.ndarray  # (BUCKETS + 1) × labels (float16 as shipped); last row = the bias

    def proba(self, bares: list[str]) -> np.ndarray:
        return self.proba_grams([grams(b) for b in bares])

    def proba_grams(self, ids_per_text: list[list[int]]) -> np.ndarray:
        """``proba`` of texts whose n-grams (``grams``) the caller already has."""
        out = np.empty((len(ids_per_text), len(self.labels)))
        bias = self.weights[-1].astype(np.float32)
        for row, ids in enumerate(ids_per_text):
            z = bias + self.weights[ids].sum(axis=0, dtype=np.float32) / np.sqrt(len(ids)) if ids else bias
            out[row] = 1.0 / (1.0 + np.exp(-z))
        return out


def _shipped(weights_file: Path, labels: tuple[str, ...] | None = None) -> tuple[tuple[str, ...], np.ndarray] | None:
    """The labels (``labels``, else those of ``META``) and the weights of one shipped model file, or None when it is
    missing, unreadable or not the shape the labels and buckets say. The weights stay float16 as shipped: the rows a
    line needs are summed in float32."""
    try:
        if labels is None:
            meta = json.loads(META.read_text(encoding="utf-8"))
            labels = tuple(str(x) for x in meta["labels"])
        weights = np.load(weights_file, allow_pickle=False)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return (labels, weights) if weights.shape == (BUCKETS + 1, len(labels)) else None


@lru_cache(maxsize=1)
def load_act_model() -> ActModel | None:
    """The shipped act lister, or None when its file is missing or unreadable (acts then come from the clauses)."""
    found = _shipped(ACT_WEIGHTS)
    return ActModel(*found) if found else None


@lru_cache(maxsize=1)
def load_hostility_model() -> ActModel | None:
    """The shipped hostility model (columns ``HOSTILITY_LABELS``), or None when its file is missing or unreadable
    (hostility is then heard by cues, insults and the law only)."""
    found = _shipped(HOSTILITY_WEIGHTS, HOSTILITY_LABELS)
    return ActModel(*found) if found else None


@lru_cache(maxsize=1)
def load_rudeness_model() -> ActModel | None:
    """The shipped rudeness model (column ``RUDENESS_LABELS``), or None when its file is missing or unreadable
    (rudeness is then heard as the hostility model and the insults hear it)."""
    found = _shipped(RUDENESS_WEIGHTS, RUDENESS_LABELS)
    return ActModel(*found) if found else None


@lru_cache(maxsize=3)
def load_model(weights_file: Path = WEIGHTS) -> NgramModel | None:
    """The shipped model (or its clause model), or None when its files are missing or unreadable (the recogniser
    then runs on cues and templates alone)."""
    found = _shipped(weights_file)
    return NgramModel(*found) if found else None


# ---------------------------------------------------------------- training (build time only)
def fit(bares: list[str], ys: list[int], n_labels: int, alpha: float = ALPHA) -> np.ndarray:
    """Multinomial naive Bayes with additive smoothing ``alpha``: log P(gram | label) per bucket,
    and log P(label) (add-one) as the last row. Deterministic: counts and logs only."""
    counts = np.zeros((n_labels, BUCKETS), dtype=np.float64)
    prior = np.zeros(n_labels, dtype=np.float64)
    for bare, y in zip(bares, ys, strict=True):
        counts[y, grams(bare)] += 1.0
        prior[y] += 1.0
    logp = np.log((counts + alpha) / (counts.sum(axis=1, keepdims=True) + alpha * BUCKETS))
    logprior = np.log((prior + 1.0) / (prior.sum() + n_labels))
    return np.vstack([logp.T, logprior[None, :]]).astype(np.float32)


#: the act lister's training: L2 penalty, full-batch Adam steps and step size, and the weight of a line's own acts
#: against the lines without them (an act is in few lines: unweighted, the model learns to say "no" to everything)
ACT_L2 = 1e-5
ACT_STEPS = 300
ACT_RATE = 0.05
ACT_POSITIVE = 4.0


def fit_acts(bares: list[str], targets: np.ndarray, l2: float = ACT_L2, steps: int = ACT_STEPS,
             rate: float = ACT_RATE, positive: float = ACT_POSITIVE) -> np.ndarray:
    """One-vs-rest logistic regression of ``targets`` (rows × labels, 0/1) on the n-grams of ``bares``: a fixed number
    of full-batch Adam steps from zero weights, in float32 with no randomness, so the same inputs give the same
    weights. Returns (BUCKETS + 1) × labels, the last row the bias. The sparse products are gathers and
    ``np.add.reduceat`` over the n-grams sorted by bucket (no scipy)."""
    ids_per_row = [grams(b) for b in bares]
    ind = np.array([i for ids in ids_per_row for i in ids], dtype=np.int64)
    counts = np.array([len(ids) for ids in ids_per_row], dtype=np.int64)
    scale = (1.0 / np.sqrt(np.maximum(counts, 1))).astype(np.float32)[:, None]  # every n-gram of a row weighs the same
    y = targets.astype(np.float32)
    n, k = y.shape
    nonempty = counts > 0
    starts_row = (np.cumsum(counts) - counts)[nonempty]
    order = np.argsort(ind, kind="stable")
    rows_by_col = np.repeat(np.arange(n), counts)[order]
    cols, starts_col = np.unique(ind[order], return_index=True)
    # weights and gradients are held label-major (labels × buckets): gathering and summing the n-grams of a row along
    # the contiguous axis is about five times faster than along rows, and gives the same sums in the same order
    w = np.zeros((k, BUCKETS), np.float32)
    p0 = np.clip(y.mean(axis=0), 1e-4, 1 - 1e-4)
    b = np.log(p0 / (1 - p0)).astype(np.float32)
    weight = (1.0 + (positive - 1.0) * y).astype(np.float32)
    weight /= weight.sum() / k
    m_w, v_w = np.zeros_like(w), np.zeros_like(w)
    m_b, v_b = np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for t in range(1, steps + 1):
        z = np.zeros((k, n), np.float32)
        if len(ind):
            z[:, nonempty] = np.add.reduceat(np.take(w, ind, axis=1), starts_row, axis=1)
        p = 1.0 / (1.0 + np.exp(-(z.T * scale + b)))
        g = (p - y) * weight
        g_w = l2 * w
        if len(ind):
            g_w[:, cols] += np.add.reduceat(np.take((g * scale).T, rows_by_col, axis=1), starts_col, axis=1)
        g_b = g.sum(axis=0)
        m_w = beta1 * m_w + (1 - beta1) * g_w
        v_w = beta2 * v_w + (1 - beta2) * g_w * g_w
        m_b = beta1 * m_b + (1 - beta1) * g_b
        v_b = beta2 * v_b + (1 - beta2) * g_b * g_b
        step = rate * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
        w -= (step * m_w / (np.sqrt(v_w) + eps)).astype(np.float32)
        b -= (step * m_b / (np.sqrt(v_b) + eps)).astype(np.float32)
    return np.vstack([w.T, b[None, :]]).astype(np.float32)
