"""The corpus's own similarity distribution, measured at build time.

Whether a cosine of 0.3 means "related" depends on the corpus and the model:
short wire items, long reviews, another language or another model all move
the whole distribution. So the build measures it and the service decides
against it, never against an absolute cosine chosen on one fixture:

- random pairs: a seeded sample of article pairs within each language (and
  across all), with their embedding and TF-IDF cosines. The service combines
  the two with its own weights and takes quantiles: "similar" is a score few
  random pairs reach.
- the neighbour profile: the median cosine of an article's 1st..4th nearest
  neighbour, so anyone can see what the corpus looks like (real news: about
  0.44 / 0.31 / 0.27 / 0.26 with random pairs at 0.09 +- 0.11).

The sample is stored in the snapshot (`calibration.npy`), the summary in the
manifest.
"""

from __future__ import annotations

from typing import Any

import faiss
import numpy as np
import scipy.sparse as sp

PAIRS_PER_GROUP = 4000  # pairs sampled per language and across all
MIN_GROUP_ARTICLES = 10  # a language with fewer articles uses the all-language sample
PROFILE_QUERIES = 2000  # articles whose neighbours make the profile
NEIGHBOURS = 4
ALL = -1  # group code of the all-language sample
SEED = 20_261_201

PAIRS_DTYPE = np.dtype([("group", "i4"), ("dense", "f4"), ("sparse", "f4")])


def _pairs(count: int, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Up to `count` distinct unordered pairs of distinct rows among `n` (all when few)."""
    total = n * (n - 1) // 2
    if total <= count:
        i, j = np.triu_indices(n, 1)
        return i.astype(np.int64), j.astype(np.int64)
    seen: set[tuple[int, int]] = set()
    while len(seen) < count:
        a = rng.integers(0, n, 2 * count)
        b = rng.integers(0, n, 2 * count)
        for x, y in zip(a.tolist(), b.tolist(), strict=True):
            if x != y:
                seen.add((min(x, y), max(x, y)))
                if len(seen) == count:
                    break
    pairs = np.asarray(sorted(seen), dtype=np.int64)
    return pairs[:, 0], pairs[:, 1]


def _sparse_pair_cosines(matrix: sp.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """TF-IDF cosine of row pairs of an L2-normalised matrix."""
    if not len(i):
        return np.zeros(0, dtype=np.float32)
    products = matrix[i].multiply(matrix[j])
    return np.asarray(products.sum(axis=1), dtype=np.float32).ravel()


def random_pairs(vectors: np.ndarray, terms: sp.csr_matrix, languages: np.ndarray) -> np.ndarray:
    """Sampled pairs (group, dense, sparse): per language with enough articles, and all."""
    rng = np.random.default_rng(SEED)
    groups: list[tuple[int, np.ndarray]] = [(ALL, np.arange(len(vectors)))]
    for code in np.unique(languages).tolist():
        rows = np.flatnonzero(languages == code)
        if len(rows) >= MIN_GROUP_ARTICLES:
            groups.append((int(code), rows))
    parts = []
    for code, rows in groups:
        a, b = _pairs(PAIRS_PER_GROUP, len(rows), rng)
        i, j = rows[a], rows[b]
        part = np.zeros(len(i), dtype=PAIRS_DTYPE)
        part["group"] = code
        part["dense"] = np.einsum("ij,ij->i", vectors[i], vectors[j])
        part["sparse"] = _sparse_pair_cosines(terms, i, j)
        parts.append(part)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=PAIRS_DTYPE)


def neighbour_profile(index: faiss.Index, vectors: np.ndarray) -> list[float]:
    """Median embedding cosine of the 1st..4th nearest neighbour (self excluded)."""
    n = len(vectors)
    if n < 2:
        return []
    rng = np.random.default_rng(SEED)
    rows = np.sort(rng.choice(n, min(n, PROFILE_QUERIES), replace=False))
    k = min(NEIGHBOURS, n - 1)
    scores, ids = index.search(np.ascontiguousarray(vectors[rows]), k + 1)
    out = []
    for rank in range(k):
        # drop the query itself wherever it landed (ties put a copy first)
        own = ids == rows[:, None]
        trimmed = np.where(own, -np.inf, scores)
        kth = -np.sort(-trimmed, axis=1)[:, rank]
        kth = kth[np.isfinite(kth)]
        out.append(round(float(np.median(kth)), 4) if len(kth) else 0.0)
    return out


def _summary(values: np.ndarray) -> dict[str, float]:
    if not len(values):
        return {}
    q = np.quantile(values, [0.5, 0.9, 0.95, 0.99])
    return {
        "mean": round(float(values.mean()), 4),
        "std": round(float(values.std()), 4),
        "q50": round(float(q[0]), 4),
        "q90": round(float(q[1]), 4),
        "q95": round(float(q[2]), 4),
        "q99": round(float(q[3]), 4),
    }


def summarize(pairs: np.ndarray, languages: list[str], profile: list[float]) -> dict[str, Any]:
    """The manifest's `calibration` entry: per group, the random pairs' figures."""
    random: dict[str, Any] = {}
    for code in np.unique(pairs["group"]).tolist():
        part = pairs[pairs["group"] == code]
        name = "all" if code == ALL else languages[code]
        random[name] = {
            "pairs": len(part),
            "dense": _summary(part["dense"]),
            "sparse": _summary(part["sparse"]),
        }
    return {"seed": SEED, "random_pairs": random, "neighbours_dense": profile}
