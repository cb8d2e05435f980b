"""Step 1: which rows may appear at all, and the candidate pool cut from FAISS.

Every filter goes into one boolean mask that FAISS applies inside the search,
so a filtered request still gets a full pool: nothing is cut to k first and
filtered afterwards.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from service.ranking.base import DAY, Corpus, Source
from service.ranking.settings import Ranking
from service.ranking.view import view_of

logger = logging.getLogger(__name__)


def allowed_mask(snapshot: Corpus, source: Source, params: Ranking, now: float) -> np.ndarray:
    """Rows that may appear: published, live, in the filters, not the source or its twins.

    Drops drafts and unpublished rows, expired ones (`expires` passed) and
    embargoed ones (`published` in the future), rows past their section's hard
    maximum age, sponsored rows unless allowed, other languages unless asked,
    and the source with its canonical/URL and title twins.

    The maximum age counts back from the source's own date when it is older
    than `now`: breaking news never gets a piece years older than itself, and
    an archive page still gets the coverage of its time. Embargo and expiry are
    exact to the minute and the maximum age to the day, erring on the side of
    not showing (`SnapshotView.live`).
    """
    view = view_of(snapshot)
    language = params.language or source.language
    code = snapshot.code_of("language", language) if language and language != "any" else None
    reference = min(now, source.published) if source.published > 0 else now
    mask = view.live(code, params.sponsored, now, view.table(params.settings), reference)
    if params.section:
        mask &= view.section == snapshot.code_of("section", params.section)
    if params.max_age_days is not None:
        mask &= view.published >= now - params.max_age_days * DAY
    if params.published_after is not None:
        mask &= view.published >= params.published_after
    if params.published_before is not None:
        mask &= (view.published > 0) & (view.published <= params.published_before)
    if source.url_key:
        mask[view.twins("url", source.url_key)] = False
    if source.title_key:
        mask[view.twins("title", source.title_key)] = False
    if source.row is not None:
        mask[source.row] = False
    for article_id in params.exclude:
        row = snapshot.row_of(article_id)
        if row is not None:
            mask[row] = False
    return np.asarray(mask, dtype=bool)


@dataclass
class Candidates:
    """A pool of rows with what the later steps need, kept aligned by `take`.

    Similarities are computed once for the whole pool; later steps only index them.
    """

    rows: np.ndarray  # int64
    dense: np.ndarray  # embedding cosine to the source
    sparse: np.ndarray  # TF-IDF cosine to the source
    pair_dense: np.ndarray  # (n, n) embedding cosine between candidates

    def __len__(self) -> int:
        return len(self.rows)

    def take(self, index: np.ndarray) -> Candidates:
        """The candidates at `index` (positions or a boolean mask), in that order."""
        index = np.flatnonzero(index) if index.dtype == bool else np.asarray(index, dtype=np.int64)
        return Candidates(
            rows=self.rows[index],
            dense=self.dense[index],
            sparse=self.sparse[index],
            pair_dense=self.pair_dense[np.ix_(index, index)],
        )


def gather(snapshot: Corpus, source: Source, rows: np.ndarray) -> Candidates:
    """Similarities to the source and between the candidates for `rows`."""
    rows = np.asarray(rows, dtype=np.int64)
    vectors = np.asarray(snapshot.vectors[rows], dtype=np.float32)
    return Candidates(
        rows=rows,
        dense=vectors @ np.asarray(source.vector, dtype=np.float32),
        sparse=snapshot.term_similarity(rows, source.terms),
        pair_dense=vectors @ vectors.T,
    )


def candidates(snapshot: Corpus, source: Source, mask: np.ndarray, pool: int) -> Candidates:
    """The `pool` nearest allowed rows by embedding, with their similarities."""
    rows, _ = snapshot.search(source.vector, pool, allowed=mask)
    return gather(snapshot, source, rows)
