"""Step 3: the hybrid relevance score, the freshness decay, and the scored pool.

Relevance is a weighted mean of the embedding cosine (meaning) and the TF-IDF
cosine (the names, places and terms a story shares), so it stays in [0, 1] and
`min_score` keeps its meaning when the weights change. Freshness multiplies it
by `(1 - w) + w * 0.5 ** (age / half_life)`: only the share `w` decays, so an
old article that is far more relevant still beats a fresh weak one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from service.ranking.base import Corpus, Item
from service.ranking.candidates import Candidates
from service.ranking.settings import Ranking, RankingSettings
from service.ranking.view import SectionTable, view_of


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


def decay_of(snapshot: Corpus, rows: np.ndarray, ranking: Ranking, now: float) -> np.ndarray:
    """Freshness factor per row (ones when freshness is off)."""
    weight = ranking.settings.freshness_weight
    if not ranking.freshness or weight <= 0 or not len(rows):
        return np.ones(len(rows))
    view = view_of(snapshot)
    table = view.table(ranking.settings)
    return freshness(view.published[rows], view.section[rows], now, table, weight)


@dataclass
class Pool:
    """Candidates reduced to one per story, with their relevance and freshness decay."""

    c: Candidates
    relevance: np.ndarray
    decay: np.ndarray

    @property
    def scores(self) -> np.ndarray:
        """Relevance with recency as a prior."""
        return self.relevance * self.decay

    def item(self, i: int, reason: str) -> Item:
        """Candidate `i` as a list item."""
        return Item(
            int(self.c.rows[i]),
            float(self.scores[i]),
            reason,
            {
                "similarity": float(self.relevance[i]),
                "dense": float(self.c.dense[i]),
                "sparse": float(self.c.sparse[i]),
                "freshness": float(self.decay[i]),
            },
        )
