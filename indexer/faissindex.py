"""Choosing, building and checking the FAISS index.

`choose_index` is a pure function of (count, dimension, memory budget), tested
with a table of cases: exact inner product while the corpus is small, IVF with
flat codes past that, IVF with product quantisation when flat vectors would not
fit the budget. FAISS ids are row numbers of the snapshot's article table.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import faiss
import numpy as np

logger = logging.getLogger(__name__)

EXACT_MAX = 50_000
DEFAULT_MEMORY_BUDGET = 8 * 1024**3


class IndexTooLarge(RuntimeError):
    """Even the most compact index would not fit the memory budget."""


@dataclass(frozen=True, slots=True)
class IndexPlan:
    """What to build: a FAISS factory key, search knobs and its estimated size."""

    key: str
    nprobe: int
    estimated_bytes: int
    exact: bool


def choose_index(count: int, dim: int, memory_budget: int = DEFAULT_MEMORY_BUDGET) -> IndexPlan:
    """Pick the index for `count` vectors of `dim` floats within `memory_budget` bytes."""
    if count <= 0 or dim <= 0:
        raise ValueError(f"count and dim must be positive, got {count}, {dim}")
    flat_bytes = count * dim * 4
    if count <= EXACT_MAX and flat_bytes <= memory_budget:
        return IndexPlan("Flat", 0, flat_bytes, exact=True)
    nlist = max(64, min(65536, 2 ** round(math.log2(4 * math.sqrt(count)))))
    nprobe = max(8, nlist // 32)
    ivf_overhead = nlist * dim * 4 + count * 8
    if flat_bytes + ivf_overhead <= memory_budget:
        return IndexPlan(f"IVF{nlist},Flat", nprobe, flat_bytes + ivf_overhead, exact=False)
    # About 8 dimensions per sub-quantiser, at most 64 bytes per vector.
    m = next(m for m in range(min(64, max(1, dim // 8)), 0, -1) if dim % m == 0)
    pq_bytes = count * (m + 8) + nlist * dim * 4
    if pq_bytes > memory_budget:
        raise IndexTooLarge(
            f"{count} vectors of dim {dim} need about {pq_bytes / 1e9:.1f} GB even as "
            f"IVF{nlist},PQ{m}; the memory budget is {memory_budget / 1e9:.1f} GB"
        )
    return IndexPlan(f"IVF{nlist},PQ{m}", nprobe, pq_bytes, exact=False)


def build_index(vectors: np.ndarray, plan: IndexPlan) -> faiss.Index:
    """Build (and train when needed) the planned inner-product index."""
    dim = vectors.shape[1]
    index = faiss.index_factory(dim, plan.key, faiss.METRIC_INNER_PRODUCT)
    if not index.is_trained:
        sample = vectors
        if len(vectors) > 200_000:
            rng = np.random.default_rng(0)
            sample = vectors[rng.choice(len(vectors), 200_000, replace=False)]
        index.train(sample)
    index.add(vectors)
    set_nprobe(index, plan.nprobe)
    return index


def set_nprobe(index: faiss.Index, nprobe: int) -> None:
    """Apply the search breadth to IVF indexes (no-op for exact ones)."""
    if nprobe > 0:
        faiss.extract_index_ivf(index).nprobe = nprobe


def measure_recall(
    index: faiss.Index, vectors: np.ndarray, k: int = 10, queries: int = 500
) -> float:
    """Recall@k of `index` against exact search, on a sample of the corpus as queries."""
    rng = np.random.default_rng(0)
    picks = rng.choice(len(vectors), min(queries, len(vectors)), replace=False)
    q = np.ascontiguousarray(vectors[picks])
    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    _, truth = exact.search(q, k)
    _, got = index.search(q, k)
    hits = sum(len(set(t) & set(g)) for t, g in zip(truth, got, strict=True))
    return hits / truth.size


# Below this many vectors an exact scan of a live delta costs less than probing.
DELTA_APPROX_MIN = 2_000


def delta_index(base: faiss.Index, vectors: np.ndarray) -> tuple[faiss.Index, int]:
    """An index over a live delta's `vectors`, searched like `base`; returns it and its nprobe.

    Over an IVF base, a delta of some size goes into inverted lists on the base's
    own trained quantizer (nothing to train, so a merge stays fast), flat codes,
    probed as widely as the base: a query costs about what the base costs per
    row, not a scan of the whole delta. Otherwise, an exact inner-product index.
    """
    ivf = faiss.try_extract_index_ivf(base)
    dim = vectors.shape[1]
    if ivf is None or len(vectors) < DELTA_APPROX_MIN:
        exact = faiss.IndexFlatIP(dim)
        exact.add(vectors)
        return exact, 0
    index = faiss.IndexIVFFlat(ivf.quantizer, dim, ivf.nlist, faiss.METRIC_INNER_PRODUCT)
    index.add(vectors)
    return index, int(ivf.nprobe)
