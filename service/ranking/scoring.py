"""Step 3: the hybrid relevance score, the freshness decay, and the scored pool.

The hybrid score is a weighted mean of the embedding cosine (meaning) and the
TF-IDF cosine (the names, places and terms a story shares), so it stays in
[0, 1] and `min_score` keeps its meaning when the weights change.

Relevance mixes in neighbour agreement (a form of pseudo-relevance feedback):
the hybrid score of a candidate to the source's `agreement_neighbours` closest
stories (itself left out), averaged with each of those weighted by its own
score to the source, with weight `agreement_weight`. An article on the
source's theme resembles its other neighbours too; one that shares a single
name or phrase with the source does not. Weighting the anchors by their score,
as relevance feedback weights its feedback documents, lets the source's closest
story count more than a third one that only just made it. It is still a mean
of similarities, so it stays in [0, 1] and a random article scores like a
random pair, which keeps the calibrated floors meaningful.

Freshness multiplies relevance by `(1 - w) + w * 0.5 ** (age / half_life)`:
only the share `w` decays, so an old article that is far more relevant still
beats a fresh weak one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indexer.terms import TermRow
from service.ranking.base import Corpus, Item
from service.ranking.candidates import Candidates
from service.ranking.settings import Ranking, RankingSettings
from service.ranking.view import SectionTable, view_of


def hybrid(dense: np.ndarray, sparse: np.ndarray, config: RankingSettings) -> np.ndarray:
    """Weighted mean of dense and sparse cosine."""
    total = config.dense_weight + config.sparse_weight
    score = (config.dense_weight * dense + config.sparse_weight * sparse) / total
    return np.asarray(score, dtype=np.float64)


@dataclass(frozen=True)
class Anchors:
    """The source's closest stories, which `relevance` compares every candidate with."""

    rows: np.ndarray  # int64
    weights: np.ndarray  # float64: each anchor's score to the source
    vectors: np.ndarray  # float32, one row per anchor
    terms: list[TermRow]  # each anchor's TF-IDF term indices and weights


def anchors_of(
    snapshot: Corpus,
    rows: np.ndarray,
    scores: np.ndarray,
    config: RankingSettings,
    floor: float = 0.0,
) -> Anchors | None:
    """The `agreement_neighbours` best of `rows` by `scores` of those at `floor` or above.

    None when agreement is off or fewer than two qualify (each anchor is
    compared with the others, never with itself).
    """
    eligible = np.flatnonzero(np.asarray(scores) >= floor)
    count = min(config.agreement_neighbours, len(eligible))
    if config.agreement_weight <= 0 or count < 2:
        return None
    best = eligible[np.argsort(-np.asarray(scores)[eligible], kind="stable")[:count]]
    top = np.asarray(rows, dtype=np.int64)[best]
    return Anchors(
        top,
        np.asarray(scores, dtype=np.float64)[best],
        np.asarray(snapshot.vectors[top], dtype=np.float32),
        snapshot.term_rows(top),
    )


def relevance(
    snapshot: Corpus,
    c: Candidates,
    score: np.ndarray,
    config: RankingSettings,
    anchors: Anchors | None,
) -> np.ndarray:
    """`score` (the hybrid score to the source) mixed with the weighted mean to the anchors."""
    if anchors is None or not len(c):
        return score
    vectors = np.asarray(snapshot.vectors[c.rows], dtype=np.float32)
    dense = vectors @ anchors.vectors.T
    sparse = snapshot.term_similarities(c.rows, anchors.terms)
    pair = hybrid(dense, sparse, config)
    # An anchor is not compared with itself; the others count by their score to the source.
    weights = (c.rows[:, None] != anchors.rows[None, :]) * np.maximum(anchors.weights, 1e-9)
    agree = (pair * weights).sum(axis=1) / weights.sum(axis=1)
    weight = config.agreement_weight
    return np.asarray((1.0 - weight) * score + weight * agree, dtype=np.float64)


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
    anchors: Anchors | None = None

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
