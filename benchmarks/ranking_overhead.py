"""What the ranking pipeline adds to a bare FAISS search, at 100,000 synthetic articles.

Run: `.venv/bin/python benchmarks/ranking_overhead.py [--articles 100000] [--queries 2000]`
(`--data-dir DIR` keeps the synthetic snapshot there and reuses it on the next run).

A synthetic snapshot (clustered unit vectors, TF-IDF terms of made-up texts,
several sections and languages, drafts, expired, sponsored and undated rows,
syndicated near-copies) is written with `indexer.snapshot.write.write_snapshot`, so the
index type is the one a real 100k build chooses. For each query article, in
alternating order, we time:

- bare: `snapshot.search(vector, limit)`, no filter (what a plain k-NN costs);
- pipeline: `service.ranking.related(...)` with the default settings: the
  filter mask, the filtered candidate pool, duplicates, hybrid score,
  freshness, MMR and the fallback fill.

The source (`source_from_row`) is built before timing: the HTTP layer needs it
either way. FAISS and BLAS run on one thread each, as in the service's workers
(the workers are the parallelism; tiny products on two BLAS threads are slower).
Target: pipeline p99 - bare p99 <= 3 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import faiss
import numpy as np
from threadpoolctl import threadpool_limits

from indexer.articles import parse_record
from indexer.snapshot import Snapshot, SnapshotError, current_version, load_current
from indexer.snapshot.write import BuildReport, Entry, write_snapshot
from service.ranking import RankingSettings, related, resolve, source_from_row

DIM = 384
SECTIONS = ("news", "world", "politics", "sport", "business", "reviews", "culture", "science")
NOW = datetime(2026, 6, 1, tzinfo=UTC).timestamp()
DAY = 86_400.0


def synthetic(count: int, seed: int = 0) -> tuple[list[Entry], np.ndarray]:
    """Articles and vectors with topic clusters, copies and every kind of row to filter."""
    rng = np.random.default_rng(seed)
    topics = max(count // 50, 1)
    centres = rng.standard_normal((topics, DIM)).astype(np.float32)
    topic = rng.integers(0, topics, count)
    vectors = centres[topic] + 0.9 * rng.standard_normal((count, DIM)).astype(np.float32)
    copies = rng.random(count) < 0.03  # syndicated near-copies of the previous row
    vectors[1:][copies[1:]] = vectors[:-1][copies[1:]] + 0.05 * rng.standard_normal(
        (int(copies[1:].sum()), DIM)
    ).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    vocab = [
        f"w{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676 % 26)}"
        for i in range(30_000)
    ]
    topic_words = rng.integers(0, len(vocab), (topics, 40))
    docs = []
    for i in range(count):
        words = [vocab[w] for w in rng.choice(topic_words[topic[i]], 25)]
        words += [vocab[w] for w in rng.integers(0, len(vocab), 25)]
        text = " ".join(words)
        roll = rng.random()
        record = {
            "id": f"a{i}",
            "title": f"title {vocab[i % len(vocab)]} {i}",
            "body": text,
            "url": f"https://example.test/{i}",
            "published_at": None if roll < 0.01 else NOW - rng.random() * 3 * 365 * DAY,
            "section": SECTIONS[i % len(SECTIONS)],
            "language": "de" if rng.random() < 0.1 else "en",
            "status": "draft" if roll > 0.98 else "published",
            "expires_at": NOW - DAY if 0.97 < roll <= 0.98 else None,
            "sponsored": bool(0.96 < roll <= 0.97),
        }
        article = parse_record(record)
        docs.append(Entry(article, text))
    return docs, vectors


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile in milliseconds."""
    return float(np.percentile(np.asarray(values) * 1000, q))


def open_snapshot(data_dir: Path, count: int) -> Snapshot:
    """The synthetic snapshot in `data_dir`, written first when it is not there."""
    if current_version(data_dir) is not None:
        try:
            snapshot = load_current(data_dir)
        except SnapshotError as exc:  # an older format: write a new one
            print(f"not reusing {data_dir}: {exc}")
        else:
            if snapshot.count == count:
                print(f"reusing the synthetic snapshot in {data_dir}")
                return snapshot
            snapshot.close()
    started = time.perf_counter()
    docs, vectors = synthetic(count)
    report = write_snapshot(
        data_dir,
        docs,
        vectors,
        BuildReport(),
        model_info={"name": "synthetic", "id": "synthetic", "dimension": DIM},
        source="synthetic",
    )
    print(
        f"synthetic snapshot: {count} articles, index {report.index_key}, "
        f"written in {time.perf_counter() - started:.0f} s"
    )
    return load_current(data_dir)


def _table(title: str, bare: list[float], full: list[float]) -> float:
    """Print p50/p90/p99/mean of bare, pipeline and their difference; return the p99 added."""
    added = [f - b for f, b in zip(full, bare, strict=True)]
    print(f"{title:>10} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for name, values in (("bare", bare), ("pipeline", full), ("added", added)):
        print(
            f"{name:>10} {percentile(values, 50):8.3f} {percentile(values, 90):8.3f} "
            f"{percentile(values, 99):8.3f} {statistics.mean(values) * 1000:8.3f}"
        )
    overhead = percentile(full, 99) - percentile(bare, 99)
    verdict = "OK" if overhead <= 3.0 else "OVER BUDGET"
    print(f"added at p99 (pipeline p99 - bare p99): {overhead:.3f} ms (target <= 3 ms): {verdict}")
    return overhead


def _term_arrays(snapshot: Snapshot) -> tuple[np.ndarray, ...]:
    matrix = snapshot.term_matrix
    return (matrix.data, matrix.indices, matrix.indptr)


def measure(snapshot: Snapshot, queries: int, limit: int) -> None:
    """Time bare search and the pipeline on the same queries, alternating; print tables.

    Wall-clock time is what a request sees; CPU time of the thread is the same
    work without the waits for a core, which is what to read on a shared,
    loaded machine (`uptime` before the run says which one applies).
    """
    rng = np.random.default_rng(1)
    rows = rng.choice(snapshot.count, queries, replace=False)
    sources = [source_from_row(snapshot, int(r)) for r in rows]
    params = resolve(RankingSettings(), limit=limit)
    # Warm-up, as in a worker that has served for a while: every page of the
    # memory-mapped vectors and terms mapped once, per-snapshot arrays built.
    for array in (snapshot.vectors, *_term_arrays(snapshot)):
        float(np.asarray(array).sum(dtype=np.float64))
    for source in sources[:50]:
        related(snapshot, source, params, NOW)
        snapshot.search(source.vector, limit)
    wall: dict[int, list[float]] = {0: [], 1: []}
    cpu: dict[int, list[float]] = {0: [], 1: []}
    reasons: dict[str, int] = {}
    for i, source in enumerate(sources):
        for which in (0, 1) if i % 2 else (1, 0):
            start, start_cpu = time.perf_counter(), time.thread_time()
            if which == 0:
                snapshot.search(source.vector, limit)
            else:
                for item in related(snapshot, source, params, NOW):
                    reasons[item.reason] = reasons.get(item.reason, 0) + 1
            wall[which].append(time.perf_counter() - start)
            cpu[which].append(time.thread_time() - start_cpu)
    print(f"{queries} queries, limit {limit}, index {snapshot.manifest['faiss']['key']}")
    print(f"items by reason: {reasons}; load average {os.getloadavg()[0]:.1f}")
    _table("wall", wall[0], wall[1])
    _table("cpu", cpu[0], cpu[1])


def main() -> None:
    """Build (or reuse) the synthetic snapshot, time both paths, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--limit", type=int, default=4)
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args()
    faiss.omp_set_num_threads(1)
    threadpool_limits(1)
    with tempfile.TemporaryDirectory(prefix="morelike-bench-") as tmp:
        snapshot = open_snapshot(args.data_dir or Path(tmp), args.articles)
        try:
            measure(snapshot, args.queries, args.limit)
        finally:
            snapshot.close()


if __name__ == "__main__":
    main()
