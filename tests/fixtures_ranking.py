"""Fixtures for the ranking and evaluation tests.

- `make_snapshot`: writes a snapshot from hand-made articles and hand-made
  vectors (no model), so each pipeline step can be tested on exact geometry.
- `sample_snapshot`: the labeled sample corpus built once per session with the
  real model, shared by the end-to-end ranking tests and the eval test.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from indexer.articles import parse_record
from indexer.calibrate import ALL, PAIRS_DTYPE
from indexer.embedder import Embedder
from indexer.snapshot import Snapshot, load_current
from indexer.snapshot.write import BuildReport, Entry, write_snapshot
from service.ranking.view import view_of
from tests.conftest import SAMPLE_CORPUS, build_into

DIM = 16
NOW = datetime(2026, 6, 1, tzinfo=UTC).timestamp()
DAY = 86_400.0

MakeSnapshot = Callable[[list[dict[str, Any]], np.ndarray], Snapshot]


def iso_days_ago(days: float) -> str:
    """An ISO time `days` before the tests' fixed `NOW`."""
    return datetime.fromtimestamp(NOW - days * DAY, UTC).isoformat()


def axis(i: int, *mix: tuple[int, float]) -> np.ndarray:
    """A unit vector along axis `i`, tilted towards other axes by the given weights."""
    v = np.zeros(DIM, dtype=np.float32)
    v[i] = 1.0
    for j, w in mix:
        v[j] += w
    return v / np.linalg.norm(v)


def word(seed: str) -> str:
    """A made-up word unique to `seed`: bodies share no terms unless a test says so."""
    return "".join(chr(97 + b % 26) for b in hashlib.blake2b(seed.encode()).digest()[:10])


def article(aid: str, days: float = 1.0, **fields: Any) -> dict[str, Any]:
    """A raw article record published `days` before `NOW` (fields override)."""
    record: dict[str, Any] = {
        "id": aid,
        "title": f"Headline {word(aid)}",
        "body": f"Report {word(aid + 'body')} {word(aid + 'more')}.",
        "url": f"https://example.test/{aid}",
        "published_at": iso_days_ago(days),
        "section": "news",
        "language": "en",
    }
    record.update(fields)
    return record


def uniform_calibration(snapshot: Snapshot) -> Snapshot:
    """Replace the snapshot's random pairs by 101 scores spread evenly over 0..1.

    The floors then equal the quantile settings (`similar_quantile=0.5` gives a
    `similar` floor of 0.5), so a test of the fill can place articles on either
    side of them. A stand-in for the build's sample, for tests about the fill.
    """
    pairs = np.zeros(101, dtype=PAIRS_DTYPE)
    pairs["group"] = ALL
    pairs["dense"] = pairs["sparse"] = np.linspace(0.0, 1.0, 101)
    snapshot.calibration_pairs = pairs
    view_of(snapshot).floors.clear()
    return snapshot


@pytest.fixture
def make_snapshot(tmp_path: Path) -> Iterator[MakeSnapshot]:
    """Write records + vectors (one row each, in order) as a snapshot and load it."""
    opened: list[Snapshot] = []

    def make(records: list[dict[str, Any]], vectors: np.ndarray) -> Snapshot:
        docs = []
        for record in records:
            parsed = parse_record(record)
            docs.append(Entry(parsed, parsed.body))
        data_dir = tmp_path / f"data-{len(opened)}"
        write_snapshot(
            data_dir,
            docs,
            np.ascontiguousarray(vectors, dtype=np.float32),
            BuildReport(),
            model_info={"name": "synthetic", "id": "synthetic", "dimension": vectors.shape[1]},
            source="synthetic",
        )
        snapshot = load_current(data_dir)
        opened.append(snapshot)
        return snapshot

    yield make
    for snapshot in opened:
        snapshot.close()


@pytest.fixture(scope="session")
def sample_snapshot(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Snapshot:
    """The labeled sample corpus, built once per session with the real model."""
    if not SAMPLE_CORPUS.exists():  # a skip would hide the eval's result: fail loudly
        pytest.fail(f"{SAMPLE_CORPUS} is missing (make sample)")
    data_dir = tmp_path_factory.mktemp("sample-data")
    build_into(SAMPLE_CORPUS, data_dir, embedder)
    return load_current(data_dir)
