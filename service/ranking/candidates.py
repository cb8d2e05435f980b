"""Step 1: which rows may appear at all, and the candidate pool cut from FAISS.

Every filter goes into one boolean mask that FAISS applies inside the search,
so a filtered request still gets a full pool: nothing is cut to k first and
filtered afterwards.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from indexer.snapshot import Snapshot
from service.ranking.base import DAY, Source
from service.ranking.settings import Ranking
from service.ranking.view import view_of

logger = logging.getLogger(__name__)


def allowed_mask(snapshot: Snapshot, source: Source, params: Ranking, now: float) -> np.ndarray:
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


_scratch = threading.local()


def sparse_cosine(matrix: sp.csr_matrix, rows: np.ndarray, query: sp.csr_matrix) -> np.ndarray:
    """TF-IDF cosine of `rows` of the L2-normalised `matrix` to one normalised query row.

    Done on the CSR arrays directly, with the query spread into a per-thread
    dense buffer over the vocabulary (cleared again after use): a scipy slice
    and product cost more in checks than the few thousand multiplications.
    """
    out = np.zeros(len(rows), dtype=np.float32)
    if query.nnz == 0 or len(rows) == 0:
        return out
    lookup = getattr(_scratch, "lookup", None)
    if lookup is None or len(lookup) != matrix.shape[1]:
        lookup = _scratch.lookup = np.zeros(matrix.shape[1], dtype=np.float32)
    starts = matrix.indptr[rows]
    lengths = matrix.indptr[rows + 1] - starts
    filled = lengths > 0
    if not filled.any():
        return out
    offsets = np.cumsum(lengths) - lengths
    take = np.arange(int(lengths.sum())) + np.repeat(starts - offsets, lengths)
    lookup[query.indices] = query.data
    try:
        products = matrix.data[take] * lookup[matrix.indices[take]]
    finally:
        lookup[query.indices] = 0.0
    out[filled] = np.add.reduceat(products, offsets[filled])
    return out


def gather(snapshot: Snapshot, source: Source, rows: np.ndarray) -> Candidates:
    """Similarities to the source and between the candidates for `rows`."""
    rows = np.asarray(rows, dtype=np.int64)
    vectors = np.asarray(snapshot.vectors[rows], dtype=np.float32)
    return Candidates(
        rows=rows,
        dense=vectors @ np.asarray(source.vector, dtype=np.float32),
        sparse=sparse_cosine(snapshot.term_matrix, rows, source.terms),
        pair_dense=vectors @ vectors.T,
    )


def candidates(snapshot: Snapshot, source: Source, mask: np.ndarray, pool: int) -> Candidates:
    """The `pool` nearest allowed rows by embedding, with their similarities."""
    rows, _ = snapshot.search(source.vector, pool, allowed=mask)
    return gather(snapshot, source, rows)
