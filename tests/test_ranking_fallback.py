"""Step 7: `min_score`, then the fallback chain, each item with its reason."""

from __future__ import annotations

import numpy as np

from service.rankconfig import RankingSettings
from service.ranking import RankParams, related, source_from_row
from tests.fixtures_ranking import NOW, MakeSnapshot, article, axis

CONFIG = RankingSettings(min_score=0.5, freshness=False, mmr_lambda=1.0, fallback_section_days=30)


def _listing(snap, items) -> list[tuple[str, str]]:
    metas = snap.articles_at([i.row for i in items])
    return [(m["id"], i.reason) for m, i in zip(metas, items, strict=True)]


def _corpus(make_snapshot: MakeSnapshot):
    records = [
        article("src", section="science"),
        article("similar", section="science", days=100),
        article("weak-science-new", section="science", days=3),
        article("weak-science-old", section="science", days=60),
        article("weak-science-draft", section="science", days=1, status="draft"),
        article("weak-sport-newest", section="sport", days=1),
        article("weak-sport-2", section="sport", days=2),
        article("weak-german", section="science", days=1, language="de"),
        article("copy-of-src", section="science", days=0.5),
    ]
    vectors = [
        axis(0),
        axis(0, (1, 0.5)),
        axis(2),
        axis(3),
        axis(4),
        axis(5),
        axis(6),
        axis(7),
        axis(0, (1, 0.05)),  # a near-copy of the source: never a filler either
    ]
    return make_snapshot(records, np.stack(vectors))


def test_short_lists_fill_from_section_then_site(make_snapshot: MakeSnapshot) -> None:
    snap = _corpus(make_snapshot)
    items = related(snap, source_from_row(snap, 0), RankParams(), NOW, CONFIG)
    assert _listing(snap, items) == [
        ("similar", "similar"),
        ("weak-science-new", "same_section_recent"),
        ("weak-sport-newest", "recent"),
        ("weak-sport-2", "recent"),
    ]
    assert items[0].score >= 0.5


def test_fallback_respects_filters_and_can_be_turned_off(make_snapshot: MakeSnapshot) -> None:
    snap = _corpus(make_snapshot)
    source = source_from_row(snap, 0)
    in_section = related(snap, source, RankParams(section="science", limit=5), NOW, CONFIG)
    assert _listing(snap, in_section) == [
        ("similar", "similar"),
        ("weak-science-new", "same_section_recent"),
        ("weak-science-old", "recent"),
    ]
    assert _listing(snap, related(snap, source, RankParams(fallback=False), NOW, CONFIG)) == [
        ("similar", "similar")
    ]
    off = CONFIG.model_copy(update={"fallback": False})
    assert len(related(snap, source, RankParams(), NOW, off)) == 1


def test_min_score_is_a_per_request_override(make_snapshot: MakeSnapshot) -> None:
    snap = _corpus(make_snapshot)
    source = source_from_row(snap, 0)
    strict = related(snap, source, RankParams(min_score=0.99), NOW, CONFIG)
    assert all(i.reason != "similar" for i in strict) and len(strict) == 4
    loose = related(snap, source, RankParams(min_score=0.0, fallback=False), NOW, CONFIG)
    assert all(i.reason == "similar" for i in loose) and len(loose) == 4


def test_empty_corpus_answers_empty(make_snapshot: MakeSnapshot) -> None:
    snap = make_snapshot([article("alone")], np.stack([axis(0)]))
    assert related(snap, source_from_row(snap, 0), RankParams(), NOW, CONFIG) == []
    assert related(snap, source_from_row(snap, 0), RankParams(limit=0), NOW, CONFIG) == []
