"""Step 7: the fill. Related by relevance (in-section recent first), then by recency."""

from __future__ import annotations

import numpy as np
import pytest

from service.ranking import RankingSettings, related, resolve, source_from_row
from service.ranking.floors import floors_for
from tests.fixtures_ranking import NOW, MakeSnapshot, article, axis, uniform_calibration

# with `uniform_calibration`, the floors are: similar 0.5, related 0.2
# relevance = cosine (no term overlap between the made-up bodies anyway, and no
# neighbour agreement: these tests place articles by their cosine to the source;
# agreement has its own tests in test_ranking_scoring.py, the orphan one below)
CONFIG = RankingSettings(
    dense_weight=1.0,
    sparse_weight=0.0,
    agreement_weight=0.0,
    similar_quantile=0.5,
    related_quantile=0.2,
    freshness=False,
    mmr_lambda=1.0,
    fallback_section_days=30,
)


def _tilted(cosine: float, axis_index: int) -> np.ndarray:
    """A unit vector at `cosine` to axis 0, leaning towards `axis_index`."""
    return axis(0, (axis_index, float(np.sqrt(1 / cosine**2 - 1))))


def _listing(snap, items) -> list[tuple[str, str]]:
    metas = snap.articles_at([i.row for i in items])
    return [(m["id"], i.reason) for m, i in zip(metas, items, strict=True)]


def _corpus(make_snapshot: MakeSnapshot):
    records = [
        article("src", section="science"),
        article("similar", section="science", days=100),
        article("related-science-new", section="science", days=3),
        article("related-sport-newest", section="sport", days=1),
        article("related-science-old", section="science", days=60),
        article("unrelated-science-new", section="science", days=2),
        article("unrelated-sport-newest", section="sport", days=0.5),
        article("related-draft", section="science", days=1, status="draft"),
        article("related-german", section="science", days=1, language="de"),
        article("copy-of-src", section="science", days=0.5),
    ]
    vectors = [
        axis(0),
        _tilted(0.9, 1),
        _tilted(0.3, 2),
        _tilted(0.45, 3),  # more related than the in-section one, but out of scope
        _tilted(0.4, 4),  # in the section, but older than the 30-day window
        axis(5),
        axis(6),
        _tilted(0.45, 7),
        _tilted(0.45, 8),
        axis(0, (9, 0.05)),  # a near-copy of the source: never shown, not even as filler
    ]
    return uniform_calibration(make_snapshot(records, np.stack(vectors)))


def test_the_fill_goes_by_relevance_before_recency(make_snapshot: MakeSnapshot) -> None:
    snap = _corpus(make_snapshot)
    source = source_from_row(snap, 0)
    floors = floors_for(snap, source, resolve(CONFIG))
    assert (floors.similar, floors.related) == pytest.approx((0.5, 0.2))
    items = related(snap, source, resolve(CONFIG, limit=6), NOW)
    assert _listing(snap, items) == [
        ("similar", "similar"),
        ("related-science-new", "related"),  # in scope: the section's last 30 days
        ("related-sport-newest", "related"),  # then site-wide, by relevance
        ("related-science-old", "related"),
        ("unrelated-science-new", "same_section_recent"),  # nothing related left: recency
        ("unrelated-sport-newest", "recent"),
    ]
    related_scores = [i.extra["similarity"] for i in items if i.reason == "related"]
    unrelated_scores = [i.extra["similarity"] for i in items if i.reason.endswith("recent")]
    assert min(related_scores) >= 0.2 > max(unrelated_scores)


def test_an_orphan_gets_pure_recency(make_snapshot: MakeSnapshot) -> None:
    snap = _corpus(make_snapshot)
    orphan = source_from_row(snap, 5)  # unrelated-science-new: nothing near it
    items = related(snap, orphan, resolve(CONFIG, limit=3), NOW)
    assert _listing(snap, items) == [
        ("copy-of-src", "same_section_recent"),  # newest first, live only
        ("related-science-new", "same_section_recent"),  # src is copy-of-src's story
        ("unrelated-sport-newest", "recent"),
    ]


def test_an_orphan_gets_pure_recency_with_neighbour_agreement_on_too(
    make_snapshot: MakeSnapshot,
) -> None:
    # The orphan's nearest candidates are the source's cluster, related to one
    # another but not to the orphan: they are below the `related` floor, so they
    # are no anchors, and their agreement with each other lifts none of them.
    snap = _corpus(make_snapshot)
    orphan = source_from_row(snap, 5)
    agreeing = CONFIG.model_copy(update={"agreement_weight": 0.5})
    items = related(snap, orphan, resolve(agreeing, limit=3), NOW)
    assert [reason for _, reason in _listing(snap, items)] == [
        "same_section_recent",
        "same_section_recent",
        "recent",
    ]


def test_filters_hold_in_the_fill_and_it_can_be_turned_off(make_snapshot: MakeSnapshot) -> None:
    snap = _corpus(make_snapshot)
    source = source_from_row(snap, 0)
    in_section = related(snap, source, resolve(CONFIG, section="science", limit=5), NOW)
    assert _listing(snap, in_section) == [
        ("similar", "similar"),
        ("related-science-new", "related"),
        ("related-science-old", "related"),
        ("unrelated-science-new", "same_section_recent"),
    ]
    assert _listing(snap, related(snap, source, resolve(CONFIG, fallback=False), NOW)) == [
        ("similar", "similar")
    ]
    off = CONFIG.model_copy(update={"fallback": False})
    assert len(related(snap, source, resolve(off), NOW)) == 1


def test_min_score_is_an_absolute_override(make_snapshot: MakeSnapshot) -> None:
    snap = _corpus(make_snapshot)
    source = source_from_row(snap, 0)
    strict = related(snap, source, resolve(CONFIG, min_score=0.99), NOW)
    assert all(i.reason != "similar" for i in strict) and len(strict) == 4
    assert strict[0].reason == "related"  # the similar one still leads the fill
    loose = related(snap, source, resolve(CONFIG, min_score=0.25, fallback=False), NOW)
    assert [i.reason for i in loose] == ["similar"] * 4


def test_a_corpus_too_small_to_calibrate_counts_every_candidate(
    make_snapshot: MakeSnapshot,
) -> None:
    snap = make_snapshot(
        [article("a"), article("b"), article("c")], np.stack([axis(0), axis(1), axis(2)])
    )
    items = related(snap, source_from_row(snap, 0), resolve(RankingSettings(), limit=4), NOW)
    assert [i.reason for i in items] == ["similar", "similar"]


def test_empty_corpus_answers_empty(make_snapshot: MakeSnapshot) -> None:
    snap = make_snapshot([article("alone")], np.stack([axis(0)]))
    assert related(snap, source_from_row(snap, 0), resolve(CONFIG), NOW) == []
    assert related(snap, source_from_row(snap, 0), resolve(CONFIG, limit=0), NOW) == []
