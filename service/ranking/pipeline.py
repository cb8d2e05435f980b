"""`related`: the steps in order, from a source to the list an editor would publish."""

from __future__ import annotations

import logging

import numpy as np

from service.ranking.base import SIMILAR, Corpus, Item, Source
from service.ranking.candidates import allowed_mask, candidates
from service.ranking.diversity import mmr
from service.ranking.duplicates import duplicate_of_source, one_per_story
from service.ranking.fallback import fill_recent, fill_related
from service.ranking.floors import Floors, floors_for
from service.ranking.scoring import Pool, anchors_of, decay_of, hybrid, relevance
from service.ranking.settings import Ranking

logger = logging.getLogger(__name__)

POOL_PER_SLOT = 4  # the pool is at least this many candidates per requested item


def scored_pool(
    snapshot: Corpus,
    source: Source,
    ranking: Ranking,
    now: float,
    mask: np.ndarray,
    floors: Floors,
) -> Pool:
    """Steps 1-3: candidates, the source's copies dropped, one per story, scored.

    The anchors of the agreement are the source's closest stories that are
    related at all (above the `related` floor): an article with no real
    neighbours gets no agreement, rather than the theme of whatever came
    nearest. They score the fill's extra candidates too, so everything in one
    list is ranked on one scale.
    """
    settings = ranking.settings
    c = candidates(snapshot, source, mask, max(settings.candidates, POOL_PER_SLOT * ranking.limit))
    copies = duplicate_of_source(snapshot, source, c, settings)
    if copies.any():
        c = c.take(~copies)
    keep, best = one_per_story(snapshot, c, hybrid(c.dense, c.sparse, settings), settings)
    c = c.take(keep)
    anchors = anchors_of(snapshot, c.rows, best, settings, floors.related)
    score = relevance(snapshot, c, best, settings, anchors)
    return Pool(c, score, decay_of(snapshot, c.rows, ranking, now), anchors)


def similar_items(pool: Pool, floors: Floors, ranking: Ranking) -> list[Item]:
    """Steps 4-6: the clearly similar candidates, freshness-weighted, diversified by MMR."""
    passing = np.flatnonzero(pool.relevance >= floors.similar)
    scores = pool.scores[passing]
    picks = mmr(
        scores, pool.c.pair_dense[np.ix_(passing, passing)], ranking.limit, ranking.mmr_lambda
    )
    return [pool.item(int(passing[i]), SIMILAR) for i in picks]


def related(snapshot: Corpus, source: Source, ranking: Ranking, now: float) -> list[Item]:
    """The related list for `source`: at most `ranking.limit` items, best first.

    `now` (epoch seconds) is passed in so that expiry, embargo, maximum age and
    freshness are reproducible; the service passes the request time.
    """
    if ranking.limit <= 0:
        return []
    mask = allowed_mask(snapshot, source, ranking, now)
    if not mask.any():
        return []
    floors = floors_for(snapshot, source, ranking)
    pool = scored_pool(snapshot, source, ranking, now, mask, floors)
    items = similar_items(pool, floors, ranking)
    if ranking.fallback and len(items) < ranking.limit:
        items += fill_related(snapshot, source, ranking, now, mask, pool, floors, items)
    if ranking.fallback and len(items) < ranking.limit:
        items += fill_recent(snapshot, source, mask, items, ranking, now)
    return items
