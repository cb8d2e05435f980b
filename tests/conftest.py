"""Shared fixtures: the real bundled model, a small fixture corpus and its snapshot.

Service fixtures (Redis, app, client, live server) live in
`tests/fixtures_service.py`; ranking/eval ones in `tests/fixtures_ranking.py`.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer.build import BuildOptions, BuildReport, build
from indexer.embedder import Embedder

pytest_plugins = ["tests.fixtures_service", "tests.fixtures_ranking", "tests.fixtures_sources"]

FIXTURES = Path(__file__).parent / "fixtures"
SMALL_CORPUS = FIXTURES / "small.jsonl"
SAMPLE_CORPUS = Path(__file__).parent.parent / "samples" / "articles.jsonl"


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real bundled all-MiniLM-L6-v2, loaded once per test session."""
    return Embedder()


def build_into(source: Path, data_dir: Path, embedder: Embedder, **options: object) -> BuildReport:
    """Build `source` into `data_dir` with the shared embedder."""
    return build(BuildOptions(source=source, data_dir=data_dir, **options), embedder)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def small_snapshot_dir(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Path:
    """A data dir holding one snapshot of the small fixture corpus (read-only: copy to change)."""
    data_dir = tmp_path_factory.mktemp("small-data")
    build_into(SMALL_CORPUS, data_dir, embedder)
    return data_dir


@pytest.fixture
def data_dir_copy(small_snapshot_dir: Path, tmp_path: Path) -> Iterator[Path]:
    """A private copy of the small snapshot's data dir, for tests that change it."""
    target = tmp_path / "data"
    shutil.copytree(small_snapshot_dir, target)
    yield target
