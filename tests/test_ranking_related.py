"""The whole pipeline with the real model on the small fixture corpus."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from indexer.embedder import Embedder
from indexer.snapshot import Snapshot, load_current
from service.ranking import RankingSettings, related, resolve, source_from_row, source_from_text

NOW = datetime(2026, 10, 1, tzinfo=UTC).timestamp()
LOOSE = RankingSettings(min_score=0.1)


@pytest.fixture
def small(small_snapshot_dir: Path) -> Snapshot:
    return load_current(small_snapshot_dir)


def _ids(snap: Snapshot, article_id: str, **overrides: object) -> list[str]:
    row = snap.row_of(article_id)
    assert row is not None
    items = related(snap, source_from_row(snap, row), resolve(LOOSE, **overrides), NOW)
    return [a["id"] for a in snap.articles_at([i.row for i in items])]


def test_lists_are_full_on_topic_and_clean(small: Snapshot) -> None:
    for article_id, topic in [("space-2", "space"), ("phones-1", "phones"), ("baking-2", "baking")]:
        ids = _ids(small, article_id)
        assert len(ids) == 4 and article_id not in ids
        assert ids[0].startswith(topic)
        assert not {"football-draft", "phones-expired", "space-de"} & set(ids)
        assert not {"space-1", "space-1-copy"} <= set(ids)  # one story, once


def test_the_source_story_never_comes_back(small: Snapshot) -> None:
    assert "space-1-copy" not in _ids(small, "space-1")
    assert "space-1" not in _ids(small, "space-1-copy")


def test_language_is_the_source_language_unless_asked(small: Snapshot) -> None:
    assert _ids(small, "space-de") == []
    anywhere = _ids(small, "space-de", language="any")
    assert len(anywhere) == 4 and anywhere[0].startswith("space")


def test_text_sources_rank_like_indexed_ones(small: Snapshot, embedder: Embedder) -> None:
    source = source_from_text(
        small,
        embedder,
        "Rover tests for the next Moon landing",
        "Engineers drove a pressurised lunar rover across a quarry to rehearse the landing.",
        language="en",
        section="science",
    )
    items = related(small, source, resolve(LOOSE), NOW)
    ids = [a["id"] for a in small.articles_at([i.row for i in items])]
    assert len(ids) == 4 and ids[0].startswith("space")
    twin = source_from_text(
        small, embedder, "NASA delays next Moon landing", "Unrelated words.", language="en"
    )
    twin_items = related(small, twin, resolve(LOOSE), NOW)
    twin_ids = [a["id"] for a in small.articles_at([i.row for i in twin_items])]
    assert "space-2" not in twin_ids  # same normalised title: the same story


def test_reasons_and_scores_are_reported(small: Snapshot) -> None:
    row = small.row_of("baking-1")
    assert row is not None
    strict = RankingSettings(min_score=0.9)
    items = related(small, source_from_row(small, row), resolve(strict), NOW)
    reasons = [i.reason for i in items]
    assert "similar" not in reasons and len(items) == 4
    assert reasons[0] == "related"  # the other baking pieces still lead, by relevance
    assert reasons == sorted(reasons, key=["related", "same_section_recent", "recent"].index)
    assert all(isinstance(i.score, float) for i in items)
