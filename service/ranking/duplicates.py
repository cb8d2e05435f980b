"""Step 2b: no story twice, and never the source's own story.

Two articles are the same story when they share a canonical URL or a normalised
title, when their embeddings are nearly identical (at or above
`duplicate_similarity`), or when they are close in meaning and open with the
same words (lead overlap at or above `duplicate_lead`): syndicated copies and
live-blog revisions keep the lede and change the headline, while two stories on
one subject open differently however alike their vocabulary. Candidates that
are the source's story are dropped; the others are grouped into stories and each
story keeps one article: the one the others name as canonical, else the newest.
It keeps the best relevance of its group, since the story is what matched.
"""

from __future__ import annotations

import logging

import numpy as np

from indexer.snapshot.lead import lead_similarity
from service.ranking.base import Corpus, Source
from service.ranking.candidates import Candidates
from service.ranking.settings import RankingSettings
from service.ranking.view import view_of

logger = logging.getLogger(__name__)

# Leads are compared only for pairs at least this close in meaning: copies always
# are, and it keeps the (memoised) lead look-ups to the few pairs that need them.
LEAD_GATE = 0.75


def source_lead(snapshot: Corpus, source: Source) -> np.ndarray | None:
    """The source's lead signature: the text's own, or the indexed row's."""
    if source.lead is not None:
        return source.lead
    if source.row is not None:
        return view_of(snapshot).leads_of(np.asarray([source.row]))[0]
    return None


def duplicate_of_source(
    snapshot: Corpus, source: Source, c: Candidates, config: RankingSettings
) -> np.ndarray:
    """Candidates that are copies of the source's story."""
    dup = c.dense >= config.duplicate_similarity
    gray = np.flatnonzero(~dup & (c.dense >= LEAD_GATE))
    lead = source_lead(snapshot, source) if len(gray) else None
    if lead is not None:
        leads = view_of(snapshot).leads_of(c.rows[gray])
        dup[gray] = lead_similarity(lead, leads)[0] >= config.duplicate_lead
    return np.asarray(dup, dtype=bool)


def _same_key(keys: np.ndarray) -> np.ndarray:
    return np.asarray((keys[:, None] == keys[None, :]) & (keys[:, None] != 0), dtype=bool)


def same_story(snapshot: Corpus, c: Candidates, config: RankingSettings) -> np.ndarray:
    """(n, n) bool: candidates i and j are one story."""
    view = view_of(snapshot)
    same = c.pair_dense >= config.duplicate_similarity
    same |= _same_key(view.title_key[c.rows])
    same |= _same_key(view.url_key[c.rows])
    gray = (c.pair_dense >= LEAD_GATE) & ~same
    np.fill_diagonal(gray, False)
    involved = np.flatnonzero(gray.any(axis=1))
    if len(involved):
        leads = view.leads_of(c.rows[involved])
        block = np.ix_(involved, involved)
        same[block] |= gray[block] & (lead_similarity(leads, leads) >= config.duplicate_lead)
    return np.asarray(same, dtype=bool)


def components(same: np.ndarray) -> np.ndarray:
    """Labels 0..k-1 of the connected components of a symmetric bool matrix.

    A union-find over the (few) linked pairs: cheaper than building a sparse
    graph for the usual pool with no copies or a handful.
    """
    pairs = np.argwhere(np.triu(same, 1))
    if not len(pairs):
        return np.arange(len(same), dtype=np.int64)
    parent = list(range(len(same)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in pairs.tolist():
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    roots = np.asarray([root(i) for i in range(len(same))], dtype=np.int64)
    return np.asarray(np.unique(roots, return_inverse=True)[1], dtype=np.int64)


def story_labels(snapshot: Corpus, c: Candidates, config: RankingSettings) -> np.ndarray:
    """A story label per candidate: connected components of the "same story" relation."""
    if len(c) < 2:
        return np.zeros(len(c), dtype=np.int64)
    return components(same_story(snapshot, c, config))


def representative(snapshot: Corpus, rows: np.ndarray) -> int:
    """Position in `rows` of the article that stands for their story."""
    view = view_of(snapshot)
    url_keys = view.url_key[rows]
    # one names another as canonical only when both carry the same canonical key
    if len(np.unique(url_keys)) == len(url_keys):
        canonical = np.zeros(len(rows), dtype=bool)
    else:
        canonical = view.canonical[rows]
    pool = np.flatnonzero(canonical) if canonical.any() else np.arange(len(rows))
    published = view.published[rows[pool]]
    return int(pool[int(np.argmax(published))])


def one_per_story(
    snapshot: Corpus, c: Candidates, relevance: np.ndarray, config: RankingSettings
) -> tuple[np.ndarray, np.ndarray]:
    """Positions to keep (one per story) and the relevance each keeps (its story's best)."""
    labels = story_labels(snapshot, c, config)
    counts = np.bincount(labels)
    if len(counts) == len(labels):  # no two candidates share a story: the usual case
        return np.arange(len(labels)), relevance
    keep = np.empty(len(counts), dtype=np.int64)
    best = np.empty(len(counts))
    single = np.flatnonzero(counts[labels] == 1)
    keep[labels[single]] = single
    best[labels[single]] = relevance[single]
    for story in np.flatnonzero(counts > 1).tolist():
        members = np.flatnonzero(labels == story)
        keep[story] = members[representative(snapshot, c.rows[members])]
        best[story] = relevance[members].max()
        logger.debug("story of rows %s: keeping row %d", c.rows[members], c.rows[keep[story]])
    return keep, best
