"""Index choice is a pure function of size and memory; approximate recall is measured."""

from __future__ import annotations

import faiss
import numpy as np
import pytest

from indexer.embedder import normalize
from indexer.faissindex import (
    DELTA_APPROX_MIN,
    IndexPlan,
    IndexTooLarge,
    build_index,
    choose_index,
    delta_index,
    measure_recall,
)

GB = 1024**3


@pytest.mark.parametrize(
    ("count", "dim", "budget", "key", "exact"),
    [
        (1, 384, 8 * GB, "Flat", True),
        (50_000, 384, 8 * GB, "Flat", True),
        (50_001, 384, 8 * GB, "IVF1024,Flat", False),
        (100_000, 384, 8 * GB, "IVF1024,Flat", False),
        (1_000_000, 384, 8 * GB, "IVF4096,Flat", False),
        (10_000, 384, 2 * 1024**2, "IVF512,PQ48", False),  # flat does not fit 2 MiB
        (5_000_000, 384, 2 * GB, "IVF8192,PQ48", False),
        (20_000_000, 768, 16 * GB, "IVF16384,PQ64", False),
    ],
)
def test_choose_index_table(count: int, dim: int, budget: int, key: str, exact: bool) -> None:
    plan = choose_index(count, dim, budget)
    assert (plan.key, plan.exact) == (key, exact)
    assert plan.estimated_bytes <= budget
    assert plan.nprobe == (0 if exact else plan.nprobe) and (exact or plan.nprobe >= 8)


def test_choose_index_fails_early_when_nothing_fits() -> None:
    with pytest.raises(IndexTooLarge, match="memory budget"):
        choose_index(100_000_000, 384, 1 * GB)
    with pytest.raises(ValueError):
        choose_index(0, 384)


def test_approximate_index_recall_is_measured_against_exact() -> None:
    rng = np.random.default_rng(1)
    centers = rng.normal(size=(50, 32))
    vectors = normalize(centers[rng.integers(0, 50, 4000)] + 0.3 * rng.normal(size=(4000, 32)))
    plan = choose_index(len(vectors), 32, 1024**3)
    assert plan.exact
    exact_recall = measure_recall(build_index(vectors, plan), vectors)
    assert exact_recall == pytest.approx(1.0)
    approx = build_index(vectors, plan.__class__("IVF64,Flat", 1, 0, exact=False))
    low = measure_recall(approx, vectors)
    approx_wide = build_index(vectors, plan.__class__("IVF64,Flat", 32, 0, exact=False))
    high = measure_recall(approx_wide, vectors)
    assert 0 < low < high <= 1.0


def clustered(count: int, dim: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((32, dim)).astype(np.float32)
    points = centres[rng.integers(0, 32, count)] + 0.5 * rng.standard_normal((count, dim))
    return normalize(points.astype(np.float32))


def test_a_large_delta_shares_the_bases_quantizer_and_finds_what_exact_finds() -> None:
    base_vectors = clustered(6_000, 32, 0)
    base = build_index(base_vectors, IndexPlan("IVF64,Flat", 8, 0, exact=False))
    delta = clustered(DELTA_APPROX_MIN, 32, 1)
    index, nprobe = delta_index(base, delta)
    assert nprobe == 8 and index.ntotal == len(delta)
    assert faiss.extract_index_ivf(index).quantizer.ntotal == 64  # the base's centroids, kept
    exact, none = delta_index(build_index(base_vectors, choose_index(6_000, 32)), delta)
    assert none == 0 and exact.ntotal == len(delta)
    queries = delta[:200]
    params = faiss.SearchParametersIVF()
    params.nprobe = nprobe
    _, got = index.search(queries, 10, params=params)
    _, truth = exact.search(queries, 10)
    recall = np.mean([len(set(g) & set(t)) / 10 for g, t in zip(got, truth, strict=True)])
    assert recall >= 0.85  # 8 of 64 lists probed, as the base is (0.88 measured)
    small, zero = delta_index(base, delta[:10])  # a small delta is scanned exactly
    assert zero == 0 and small.ntotal == 10
