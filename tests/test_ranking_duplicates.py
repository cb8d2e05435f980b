"""Step 2: never the source's story, and one article per story."""

from __future__ import annotations

import numpy as np

from indexer.snapshot.lead import lead_signature, lead_similarity
from service.ranking import RankingSettings, Source, related, resolve, source_from_row
from service.ranking.candidates import allowed_mask, candidates
from service.ranking.duplicates import components, one_per_story, story_labels
from service.ranking.view import view_of
from tests.fixtures_ranking import NOW, MakeSnapshot, article, axis

CONFIG = RankingSettings(
    min_score=0.0, freshness=False, fallback=False, mmr_lambda=1.0, duplicate_similarity=0.92
)
WIRE = (
    "The harbour authority approved the dredging plan on Tuesday after a two year review "
    "of the estuary, the tidal flats and the shipping lanes near the old pier."
)


def _ids(snap, items) -> list[str]:
    return [a["id"] for a in snap.articles_at([i.row for i in items])]


def test_copies_of_the_source_are_dropped(make_snapshot: MakeSnapshot) -> None:
    records = [
        article("src", body=WIRE),
        article("rewrite", title="Another headline entirely"),  # embedding copy
        article("wire-copy", body=WIRE),  # same text, different vector
        article("related-1"),
        article("related-2"),
    ]
    vectors = [axis(0), axis(0, (1, 0.2)), axis(0, (2, 0.8)), axis(0, (3, 0.7)), axis(0, (4, 0.75))]
    snap = make_snapshot(records, np.stack(vectors))
    ids = _ids(snap, related(snap, source_from_row(snap, 0), resolve(CONFIG), NOW))
    assert ids == ["related-1", "related-2"]


def test_story_labels_join_near_copies_titles_and_canonical_urls(
    make_snapshot: MakeSnapshot,
) -> None:
    records = [
        article("src"),
        article("a"),
        article("a-copy"),  # embedding near-copy of a
        article("b"),
        article("b-title", title=article("b")["title"]),  # same normalised title as b
        article("c"),
        article("c-syndicated", canonical_url="https://example.test/c"),
        article("d"),
    ]
    vectors = [
        axis(0),
        axis(0, (1, 0.5)),
        axis(0, (1, 0.52)),
        axis(0, (2, 0.6)),
        axis(0, (3, 0.6)),
        axis(0, (4, 0.7)),
        axis(0, (5, 0.7)),
        axis(0, (6, 0.8)),
    ]
    snap = make_snapshot(records, np.stack(vectors))
    source = source_from_row(snap, 0)
    c = candidates(snap, source, allowed_mask(snap, source, resolve(CONFIG), NOW), 10)
    labels = dict(
        zip(
            [a["id"] for a in snap.articles_at(list(c.rows))],
            story_labels(snap, c, CONFIG),
            strict=True,
        )
    )
    assert labels["a"] == labels["a-copy"]
    assert labels["b"] == labels["b-title"]
    assert labels["c"] == labels["c-syndicated"]
    assert len({labels["a"], labels["b"], labels["c"], labels["d"]}) == 4


def test_one_per_story_keeps_the_canonical_else_the_newest(make_snapshot: MakeSnapshot) -> None:
    records = [
        article("src"),
        article("orig", days=5),
        article("orig-copy", days=1, canonical_url="https://example.test/orig"),
        article("live-1", days=3),
        article("live-2", days=2),
    ]
    vectors = [axis(0), axis(0, (1, 0.6)), axis(0, (1, 0.3)), axis(0, (2, 0.5)), axis(0, (2, 0.52))]
    snap = make_snapshot(records, np.stack(vectors))
    # written by the build: "orig" is named as canonical by its copy
    assert snap.columns["canonical"].tolist() == [False, True, False, False, False]
    assert snap.columns["names_canonical"].tolist() == [False, False, True, False, False]
    source = source_from_row(snap, 0)
    c = candidates(snap, source, allowed_mask(snap, source, resolve(CONFIG), NOW), 10)
    relevance = c.dense.astype(np.float64)
    keep, kept = one_per_story(snap, c, relevance, CONFIG)
    ids = [a["id"] for a in snap.articles_at(list(c.rows[keep]))]
    assert sorted(ids) == ["live-2", "orig"]
    # each story keeps the best relevance among its copies
    by_id = dict(zip([a["id"] for a in snap.articles_at(list(c.rows))], relevance, strict=True))
    assert dict(zip(ids, kept, strict=True)) == {
        "orig": max(by_id["orig"], by_id["orig-copy"]),
        "live-2": max(by_id["live-1"], by_id["live-2"]),
    }


def test_no_list_holds_a_story_twice(make_snapshot: MakeSnapshot) -> None:
    records = [article("src")] + [article(f"copy-{i}", days=i + 1) for i in range(6)]
    records += [article(f"other-{i}") for i in range(4)]
    vectors = [axis(0)] + [axis(0, (1, 0.5 + 0.01 * i)) for i in range(6)]
    vectors += [axis(0, (2 + i, 0.9)) for i in range(4)]
    snap = make_snapshot(records, np.stack(vectors))
    ids = _ids(snap, related(snap, source_from_row(snap, 0), resolve(CONFIG), NOW))
    assert ids[0] == "copy-0"  # the newest copy stands for the story
    assert sum(i.startswith("copy-") for i in ids) == 1 and len(ids) == 4


def test_lead_signatures_estimate_the_overlap_of_openings() -> None:
    lede = (
        "An 81-year-old man has died after his car was carried off a flooded lane, the first "
        "death linked to the floods, as a second crest of water moves down the Wend."
    )
    edited = lede.replace("carried off", "swept off")
    other = "Recordings of questions and bedtime stories were still sitting in a cloud backup."
    sigs = np.stack([lead_signature(t) for t in (lede, edited, other, "")])
    sim = lead_similarity(sigs, sigs)
    assert sim[0, 0] == 1.0 and sim[0, 1] >= 0.6 and sim[0, 2] <= 0.2
    assert sim[3, 3] == 0.0  # no words: never a match, not even with itself
    assert lead_signature(lede).tolist() == lead_signature(lede + " More text.").tolist()


def test_same_lede_is_one_story_same_subject_is_not(make_snapshot: MakeSnapshot) -> None:
    lede = "Water poured over a temporary barrier at Millbrook before dawn, forcing hundreds out."
    records = [
        article("src"),
        article("flood", days=3, body=lede + " Farmers moved sheep to the churchyard."),
        article("flood-wire", days=2, title="Wire: barrier fails", body=lede + " More here."),
        article("flood-next-day", days=1, body="Clean-up began in Millbrook as water receded."),
    ]
    vectors = [axis(0), axis(0, (1, 0.6)), axis(0, (1, 0.6), (2, 0.5)), axis(0, (1, 0.6), (3, 0.5))]
    snap = make_snapshot(records, np.stack(vectors))
    source = source_from_row(snap, 0)
    c = candidates(snap, source, allowed_mask(snap, source, resolve(CONFIG), NOW), 10)
    assert c.pair_dense.max(initial=0, where=~np.eye(3, dtype=bool)) < 0.97
    labels = dict(
        zip(
            [a["id"] for a in snap.articles_at(list(c.rows))],
            story_labels(snap, c, CONFIG),
            strict=True,
        )
    )
    assert labels["flood"] == labels["flood-wire"] != labels["flood-next-day"]
    ids = _ids(snap, related(snap, source, resolve(CONFIG), NOW))
    assert "flood-next-day" in ids and ("flood" in ids) != ("flood-wire" in ids)


def test_a_text_source_drops_its_indexed_copy(make_snapshot: MakeSnapshot) -> None:
    lede = "The harbour authority approved the dredging plan on Tuesday after a long review."
    records = [article("indexed-copy", body=lede), article("other")]
    snap = make_snapshot(records, np.stack([axis(0, (1, 0.5)), axis(0, (2, 0.6))]))
    source = Source(
        vector=axis(0),
        terms=snap.terms.transform([lede]),
        language="en",
        lead=lead_signature(lede + " Extra words at the end."),
    )
    assert _ids(snap, related(snap, source, resolve(CONFIG), NOW)) == ["other"]


def test_components_join_chains_of_copies() -> None:
    same = np.eye(6, dtype=bool)
    for i, j in [(0, 3), (3, 5), (1, 4)]:
        same[i, j] = same[j, i] = True
    assert components(same).tolist() == [0, 1, 2, 0, 1, 0]
    assert components(np.eye(3, dtype=bool)).tolist() == [0, 1, 2]


def test_leads_are_written_by_the_build(make_snapshot: MakeSnapshot) -> None:
    snap = make_snapshot([article("a"), article("b")], np.stack([axis(0), axis(1)]))
    view = view_of(snap)
    snap.articles_at = None  # type: ignore[method-assign]  # no metadata read at request time
    leads = view.leads_of(np.asarray([1, 1, 0]))
    assert leads.dtype == np.uint32 and leads.shape == (3, 32)
    assert leads[0].tolist() == leads[1].tolist() != leads[2].tolist()
    assert leads[2].tolist() == lead_signature(article("a")["body"]).tolist()
