"""A small linear model over character n-grams, trained at build time and shipped as data.

Why: cues carry the *ideas* of the tactics, templates their usual wording; neither sees the many
small signals of a sentence as a whole (the 1-3 character pieces 先付, 咱们, 月底 …). A multinomial
naive Bayes over hashed character 1-3-grams learns those from the phrase library's templates and
the development sets (closed form, so training is one pass and exactly reproducible), and its
probabilities — tempered by the square root of the number of n-grams, so a long sentence is not
over-confident — are added to the cue and template scores in ``recognise``. (A logistic regression
was tried first: on the 5-fold dev split it was weaker, 57% main act alone against naive Bayes' 83%,
with this little data.)

Data: ``ngram_model.npy`` (float16 log-probabilities, buckets+1 × labels, the last row the prior) and
``ngram_model.json`` (labels, buckets, the training files and their SHA-256) beside this module.
Regenerate with ``make model`` (``python -m trainer.core.language.train``): deterministic — the same
inputs give the same bytes. Trained on phrases/tactics.yaml and the dev sets of ``train.dev_files``; the clause model
(``ngram_clauses.npy``, same labels) lists the acts of a long line clause by clause; never on tests/data/eval/ (held out) or
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
    weights: np.ndarray  # (BUCKETS + 1) × labels, float32 log-probabilities; last row = the prior

    def proba(self, bares: list[str]) -> np.ndarray:
        """Rows of label probabilities, one per text."""
        out = np.empty((len(bares), len(self.labels)))
        prior = self.weights[-1]
        for row, bare in enumerate(bares):
            ids = grams(bare)
            z = prior + self.weights[ids].sum(axis=0) if ids else prior.copy()
            z = (z - z.max()) / max(len(ids), 1) ** TEMPER
            e = np.exp(z)
            out[row] = e / e.sum()
        return out


@lru_cache(maxsize=2)
def load_model(weights_file: Path = WEIGHTS) -> NgramModel | None:
    """The shipped model (or its clause model), or None when its files are missing or unreadable (the recogniser
    then runs on cues and templates alone)."""
    try:
        meta = json.loads(META.read_text(encoding="utf-8"))
        weights = np.load(weights_file, allow_pickle=False).astype(np.float32)
        labels = tuple(str(x) for x in meta["labels"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if weights.shape != (BUCKETS + 1, len(labels)):
        return None
    return NgramModel(labels, weights)


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
