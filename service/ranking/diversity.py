"""Step 6: maximal marginal relevance, so the list is not four takes on one sub-topic."""

from __future__ import annotations

import numpy as np


def mmr(scores: np.ndarray, sims: np.ndarray, k: int, lam: float) -> list[int]:
    """Positions of `k` picks: each maximises `lam * score - (1 - lam) * max_sim(picked)`.

    `sims` is the (n, n) similarity between the candidates.

    Scores are divided by the best one first, so `lam` weighs relevance against
    redundancy on the same 0..1 scale as the cosine between picks, whatever the
    absolute level of the scores. With `lam` = 1 this is the plain ranking by
    score; the first pick is always the best-scoring one.
    """
    n = len(scores)
    if n == 0 or k <= 0:
        return []
    if lam >= 1.0 or n == 1:
        return [int(i) for i in np.argsort(-scores, kind="stable")[:k]]
    top = float(scores.max())
    relevance = scores / top if top > 0 else scores
    picked: list[int] = []
    closest = np.full(n, -np.inf)
    free = np.ones(n, dtype=bool)
    for _ in range(min(k, n)):
        penalty = np.where(np.isfinite(closest), closest, 0.0)
        value = lam * relevance - (1.0 - lam) * penalty
        value[~free] = -np.inf
        best = int(np.argmax(value))
        picked.append(best)
        free[best] = False
        closest = np.maximum(closest, sims[best])
    return picked
