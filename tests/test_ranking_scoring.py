"""Steps 3, 4 and 6: hybrid relevance, freshness decay and MMR diversity."""

from __future__ import annotations

import numpy as np
import pytest

from service.ranking import RankingSettings, related, resolve, source_from_row
from service.ranking.candidates import gather
from service.ranking.diversity import mmr
from service.ranking.scoring import anchors_of, freshness, hybrid, relevance
from service.ranking.view import SectionTable
from tests.fixtures_ranking import DAY, NOW, MakeSnapshot, article, axis


def test_hybrid_is_the_weighted_mean_of_dense_and_sparse() -> None:
    dense, sparse = np.array([0.8, 0.2]), np.array([0.2, 0.6])
    config = RankingSettings(dense_weight=3, sparse_weight=1)
    assert hybrid(dense, sparse, config) == pytest.approx([0.65, 0.3])
    only_dense = RankingSettings(dense_weight=1, sparse_weight=0)
    assert hybrid(dense, sparse, only_dense) == pytest.approx(dense)


def test_freshness_halves_the_decaying_share_per_half_life() -> None:
    table = SectionTable(half_life_s=np.array([10 * DAY, 100 * DAY]), max_age_s=np.full(2, np.inf))
    published = np.array([NOW, NOW - 10 * DAY, NOW - 10 * DAY, 0])
    sections = np.array([0, 0, 1, 0])
    factor = freshness(published, sections, NOW, table, weight=0.4)
    half_at_10_of_100 = 0.6 + 0.4 * 2 ** (-0.1)
    assert factor == pytest.approx([1.0, 0.8, half_at_10_of_100, 0.8])
    assert freshness(published, sections, NOW, table, weight=0.0) == pytest.approx(1.0)


def test_half_lives_and_max_ages_per_section_with_a_default() -> None:
    config = RankingSettings(half_life_days={"News": 3, "default": 90}, max_age_days={"news": 30})
    assert config.half_life_for("news") == 3 and config.half_life_for("reviews") == 90
    assert config.max_age_for("news") == 30 and config.max_age_for("reviews") is None


def test_freshness_prefers_the_recent_of_two_equally_relevant(make_snapshot: MakeSnapshot) -> None:
    records = [article("src"), article("old", days=300), article("new", days=2)]
    vectors = [axis(0), axis(0, (1, 0.5)), axis(0, (2, 0.5))]
    snap = make_snapshot(records, np.stack(vectors))
    config = RankingSettings(min_score=0.0, fallback=False, max_age_days={"default": None})
    items = related(snap, source_from_row(snap, 0), resolve(config), NOW)
    assert [a["id"] for a in snap.articles_at([i.row for i in items])] == ["new", "old"]
    assert items[0].score > items[1].score
    off = related(snap, source_from_row(snap, 0), resolve(config, freshness=False), NOW)
    assert off[0].score == pytest.approx(off[1].score)


def test_mmr_trades_relevance_for_a_different_angle() -> None:
    vectors = np.stack([axis(1), axis(1, (2, 0.05)), axis(3)])
    sims = vectors @ vectors.T
    scores = np.array([0.9, 0.88, 0.7])
    assert mmr(scores, sims, 2, 1.0) == [0, 1]
    assert mmr(scores, sims, 2, 0.6) == [0, 2]
    assert mmr(scores, sims, 5, 0.6) == [0, 2, 1]
    assert mmr(np.array([]), np.zeros((0, 16)), 3, 0.6) == []


def test_diversity_is_a_per_request_knob(make_snapshot: MakeSnapshot) -> None:
    records = [article("src"), article("a"), article("a-twin-angle"), article("b")]
    vectors = [axis(0), axis(0, (1, 0.6)), axis(0, (1, 0.6), (2, 0.6)), axis(0, (3, 0.9))]
    snap = make_snapshot(records, np.stack(vectors))
    config = RankingSettings(min_score=0.0, fallback=False, freshness=False)
    source = source_from_row(snap, 0)

    def ids(lam: float) -> list[str]:
        items = related(snap, source, resolve(config, limit=2, diversity=lam), NOW)
        return [a["id"] for a in snap.articles_at([i.row for i in items])]

    assert ids(1.0) == ["a", "a-twin-angle"]
    assert ids(0.5) == ["a", "b"]


def test_agreement_ranks_the_sources_theme_above_a_one_off_match(
    make_snapshot: MakeSnapshot,
) -> None:
    # Three pieces on the source's theme (close to the source and to one another)
    # and one that is a little closer to the source but alone, sharing one facet.
    records = [article("src"), article("t1"), article("t2"), article("t3"), article("lone")]
    vectors = [
        axis(0, (1, 0.3), (2, 0.3)),
        axis(1, (0, 0.9), (3, 0.6)),
        axis(1, (0, 0.9), (4, 0.6)),
        axis(1, (0, 0.9), (5, 0.6)),
        axis(2, (0, 1.1)),
    ]
    snap = make_snapshot(records, np.stack(vectors))
    source = source_from_row(snap, 0)

    def ids(weight: float) -> list[str]:
        config = RankingSettings(
            min_score=0.0, fallback=False, freshness=False, agreement_weight=weight
        )
        items = related(snap, source, resolve(config), NOW)
        return [a["id"] for a in snap.articles_at([i.row for i in items])]

    assert ids(0.0)[0] == "lone", "the source alone: the closest first"
    theme_first = ids(0.5)
    assert sorted(theme_first[:3]) == ["t1", "t2", "t3"] and theme_first[3] == "lone"


def test_agreement_scores_the_fill_on_the_pools_scale(make_snapshot: MakeSnapshot) -> None:
    # `relevance` of the fill's extra candidates uses the pool's anchors: the
    # same article gets the same relevance from either.
    records = [article(f"a{i}") for i in range(6)]
    vectors = [axis(0)] + [axis(0, (i, 0.5 + 0.1 * i)) for i in range(1, 6)]
    snap = make_snapshot(records, np.stack(vectors))
    config = RankingSettings(agreement_weight=0.5, agreement_neighbours=3)
    source = source_from_row(snap, 0)
    rows = np.arange(1, 6)
    c = gather(snap, source, rows)
    base = hybrid(c.dense, c.sparse, config)
    anchors = anchors_of(snap, c.rows, base, config)
    assert anchors is not None and len(anchors.rows) == 3
    together = relevance(snap, c, base, config, anchors)
    alone = relevance(snap, c.take(np.array([4])), base[[4]], config, anchors)
    assert alone == pytest.approx(together[[4]])
    # An anchor is never compared with itself: its agreement is the mean over the
    # others, each weighted by its own score to the source.
    first, rest = int(anchors.rows[0]), anchors.rows[1:].tolist()
    dense = np.array([float(snap.vectors[first] @ snap.vectors[o]) for o in rest])
    sparse = (snap.term_vectors([first]) @ snap.term_vectors(rest).T).toarray().ravel()
    weights = base[[int(np.flatnonzero(c.rows == o)[0]) for o in rest]]
    assert list(anchors.weights[1:]) == pytest.approx(list(weights))
    agree = float(np.average(hybrid(dense, sparse, config), weights=weights))
    at = int(np.flatnonzero(c.rows == first)[0])
    assert together[at] == pytest.approx(0.5 * base[at] + 0.5 * agree, abs=1e-6)
    assert anchors_of(snap, c.rows[:1], base[:1], config) is None, "one anchor: no agreement"
    off = RankingSettings(agreement_weight=0.0)
    assert anchors_of(snap, c.rows, base, off) is None
