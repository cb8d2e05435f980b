"""Steps 3 and 4: the hybrid relevance score and the freshness decay.

Relevance is a weighted mean of the embedding cosine (meaning) and the TF-IDF
cosine (the names, places and terms a story shares), so it stays in [0, 1] and
`min_score` keeps its meaning when the weights change. Freshness multiplies it
by `(1 - w) + w * 0.5 ** (age / half_life)`: only the share `w` decays, so an
old article that is far more relevant still beats a fresh weak one.
"""

from __future__ import annotations

import numpy as np

from service.rankconfig import RankingSettings
from service.ranking.view import SectionTable


def hybrid(dense: np.ndarray, sparse: np.ndarray, config: RankingSettings) -> np.ndarray:
    """Weighted mean of dense and sparse cosine."""
    total = config.dense_weight + config.sparse_weight
    score = (config.dense_weight * dense + config.sparse_weight * sparse) / total
    return np.asarray(score, dtype=np.float64)


def freshness(
    published: np.ndarray,
    sections: np.ndarray,
    now: float,
    table: SectionTable,
    weight: float,
) -> np.ndarray:
    """Decay factor per row in [1 - weight, 1]; undated rows count as one half-life old."""
    half_life = table.half_life_s[sections]
    age = np.maximum(now - published.astype(np.float64), 0.0)
    age = np.where(published == 0, half_life, age)
    return np.asarray((1.0 - weight) + weight * np.exp2(-age / half_life), dtype=np.float64)
