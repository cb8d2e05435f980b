"""`related`: the steps in order, from a source to the list an editor would publish."""

from __future__ import annotations

import functools
import logging

import numpy as np

from indexer.snapshot import Snapshot
from service.rankconfig import RankingSettings
from service.ranking.base import SIMILAR, Item, RankParams, Source
from service.ranking.candidates import allowed_mask, candidates
from service.ranking.diversity import mmr
from service.ranking.duplicates import duplicate_of_source, one_per_story
from service.ranking.fallback import fill
from service.ranking.scoring import freshness, hybrid
from service.ranking.view import view_of

logger = logging.getLogger(__name__)

POOL_PER_SLOT = 4  # the pool is at least this many candidates per requested item


@functools.cache
def default_settings() -> RankingSettings:
    """The settings read once from the environment, for callers that pass none."""
    return RankingSettings()


def similar_items(
    snapshot: Snapshot,
    source: Source,
    params: RankParams,
    now: float,
    config: RankingSettings,
    mask: np.ndarray,
) -> list[Item]:
    """Steps 1-7a: candidates, duplicates, hybrid score, freshness, min_score, MMR."""
    pool = max(config.candidates, POOL_PER_SLOT * params.limit)
    c = candidates(snapshot, source, mask, pool)
    copies = duplicate_of_source(snapshot, source, c, config)
    if copies.any():
        c = c.take(~copies)
    keep, relevance = one_per_story(snapshot, c, hybrid(c.dense, c.sparse, config), config)
    min_score = params.min_score if params.min_score is not None else config.min_score
    passing = relevance >= min_score
    c, relevance = c.take(keep[passing]), relevance[passing]
    use_freshness = params.freshness if params.freshness is not None else config.freshness
    if use_freshness and config.freshness_weight > 0 and len(c):
        view = view_of(snapshot)
        decay = freshness(
            view.published[c.rows],
            view.section[c.rows],
            now,
            view.table(config),
            config.freshness_weight,
        )
    else:
        decay = np.ones(len(c))
    scores = relevance * decay
    lam = params.diversity if params.diversity is not None else config.mmr_lambda
    picks = mmr(scores, c.pair_dense, params.limit, lam)
    return [
        Item(
            int(c.rows[i]),
            float(scores[i]),
            SIMILAR,
            {
                "similarity": float(relevance[i]),
                "dense": float(c.dense[i]),
                "sparse": float(c.sparse[i]),
                "freshness": float(decay[i]),
            },
        )
        for i in picks
    ]


def related(
    snapshot: Snapshot,
    source: Source,
    params: RankParams,
    now: float,
    config: RankingSettings | None = None,
) -> list[Item]:
    """The related list for `source`: at most `params.limit` items, best first.

    `now` (epoch seconds) is passed in so that expiry, embargo, maximum age and
    freshness are reproducible; the service passes the request time.
    """
    config = config or default_settings()
    if params.limit <= 0:
        return []
    mask = allowed_mask(snapshot, source, params, now, config)
    items = similar_items(snapshot, source, params, now, config, mask) if mask.any() else []
    use_fallback = params.fallback if params.fallback is not None else config.fallback
    if use_fallback and len(items) < params.limit:
        items += fill(snapshot, source, mask, items, params.limit, now, config)
    return items
