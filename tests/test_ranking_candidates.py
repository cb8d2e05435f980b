"""Step 1: the filter mask and the candidate pool (filters before the cut)."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from indexer.terms import row_entries, sparse_cosine, sparse_cosines
from service.ranking import RankingSettings, allowed_mask, related, resolve, source_from_row
from tests.fixtures_ranking import NOW, MakeSnapshot, article, axis, iso_days_ago, word

NO_FRESHNESS = RankingSettings(freshness=False, max_age_days={"default": None})


def _allowed_ids(
    snapshot, overrides: dict | None = None, config: RankingSettings = NO_FRESHNESS
) -> set[str]:
    source = source_from_row(snapshot, 0)
    mask = allowed_mask(snapshot, source, resolve(config, **(overrides or {})), NOW)
    rows = [int(r) for r in np.flatnonzero(mask)]
    return {a["id"] for a in snapshot.articles_at(rows)}


def test_mask_drops_what_must_never_show(make_snapshot: MakeSnapshot) -> None:
    records = [
        article("src"),
        article("ok"),
        article("draft", status="draft"),
        article("gone", status="unpublished"),
        article("expired", expires_at=iso_days_ago(1)),
        article("expires-later", expires_at=iso_days_ago(-3)),
        article("embargoed", days=-1),
        article("sponsored", sponsored=True),
        article("german", language="de"),
        article("twin-url", canonical_url="https://example.test/src"),
        article("twin-title", title=f"Headline {word('src')}"),
        article("undated", published_at=None),
    ]
    snap = make_snapshot(records, np.stack([axis(0)] * len(records)))
    assert _allowed_ids(snap, {}) == {"ok", "expires-later", "undated"}
    assert "german" in _allowed_ids(snap, {"language": "any"})
    assert _allowed_ids(snap, {"language": "de"}) == {"german"}
    assert "sponsored" in _allowed_ids(snap, {"sponsored": True})
    assert "sponsored" in _allowed_ids(snap, {}, RankingSettings(sponsored=True))


def test_mask_applies_request_filters(make_snapshot: MakeSnapshot) -> None:
    records = [
        article("src"),
        article("new", days=2),
        article("old", days=40),
        article("sport", days=3, section="sport"),
        article("undated", published_at=None),
    ]
    snap = make_snapshot(records, np.stack([axis(0)] * len(records)))
    assert _allowed_ids(snap, {"section": "sport"}) == {"sport"}
    assert _allowed_ids(snap, {"max_age_days": 10}) == {"new", "sport"}
    after = NOW - 10 * 86_400
    assert _allowed_ids(snap, {"published_after": after}) == {"new", "sport"}
    before = NOW - 10 * 86_400
    assert _allowed_ids(snap, {"published_before": before}) == {"old"}
    assert _allowed_ids(snap, {"exclude": ("new", "nope")}) == {"old", "sport", "undated"}


def test_per_section_max_age_is_a_hard_cut(make_snapshot: MakeSnapshot) -> None:
    records = [
        article("src"),
        article("old-news", days=400),
        article("old-review", days=400, section="reviews"),
        article("fresh-news", days=5),
        article("undated-news", published_at=None),
    ]
    snap = make_snapshot(records, np.stack([axis(0)] * len(records)))
    config = RankingSettings(max_age_days={"default": None, "news": 365})
    assert _allowed_ids(snap, {}, config) == {"old-review", "fresh-news", "undated-news"}
    off = RankingSettings(max_age_days={"default": None})
    assert "old-news" in _allowed_ids(snap, {}, off)


def test_filters_apply_before_the_cut(make_snapshot: MakeSnapshot) -> None:
    """A section filter still fills the list when the section's rows rank far down."""
    records = [article("src")]
    vectors = [axis(0)]
    for i in range(30):  # close to the source, other section
        records.append(article(f"near-{i}", section="news"))
        vectors.append(axis(0, (i % 8 + 1, 0.3 + 0.02 * i)))
    for i in range(5):  # farther, the requested section
        records.append(article(f"far-{i}", section="culture"))
        vectors.append(axis(0, (10 + i, 0.9)))
    snap = make_snapshot(records, np.stack(vectors))
    config = RankingSettings(candidates=5, min_score=0.0, freshness=False, fallback=False)
    items = related(snap, source_from_row(snap, 0), resolve(config, section="culture"), NOW)
    ids = [a["id"] for a in snap.articles_at([i.row for i in items])]
    assert len(ids) == 4 and all(i.startswith("far-") for i in ids)
    assert all(i.reason == "similar" for i in items)


def test_max_age_counts_back_from_an_archive_source(make_snapshot: MakeSnapshot) -> None:
    records = [
        article("archive-src", days=800),
        article("same-era", days=820),
        article("much-older", days=1300),
        article("fresh", days=3),
    ]
    snap = make_snapshot(records, np.stack([axis(0)] * len(records)))
    config = RankingSettings(max_age_days={"default": 365})
    assert _allowed_ids(snap, {}, config) == {"same-era", "fresh"}


def test_sparse_cosine_matches_the_sparse_product(make_snapshot: MakeSnapshot) -> None:
    words = ["harbour", "dredging", "estuary", "ferry", "bridge", "cables", "tunnel", "pier"]
    records = [
        article(f"a{i}", body=" ".join(words[i % 5 : i % 5 + 3] + words[: i % 3]))
        for i in range(12)
    ]
    snap = make_snapshot(records, np.stack([axis(i % 8) for i in range(12)]))
    matrix = snap.term_matrix
    rows = np.asarray([3, 0, 7, 7, 11])
    for query in (matrix[[0]], snap.terms.transform(["ferry cables pier"]), matrix[[0]] * 0):
        expected = np.asarray((matrix[rows] @ query.T).todense()).ravel()
        assert sparse_cosine(matrix, rows, query) == pytest.approx(expected, abs=1e-6)
    # Several query rows at once (the agreement's anchors), an empty one among them.
    queries = sp.csr_matrix(
        sp.vstack([matrix[[0]], matrix[[5]] * 0, snap.terms.transform(["bridge ferry"])])
    )
    expected = np.asarray((matrix[rows] @ queries.T).todense())
    entries = row_entries(queries, [0, 1, 2])
    assert sparse_cosines(matrix, rows, entries) == pytest.approx(expected, abs=1e-6)
    assert sparse_cosines(matrix, rows, []).shape == (len(rows), 0)


def test_embargo_and_expiry_err_on_the_side_of_hiding(make_snapshot: MakeSnapshot) -> None:
    """Applied per minute: never shown before publication nor after expiry."""
    records = [
        article("src"),
        article("just-out", days=10 / 86_400),  # 10 s before NOW
        article("in-20s", days=-20 / 86_400),
        article("expires-in-15s", expires_at=iso_days_ago(-15 / 86_400)),
        article("expires-in-3min", expires_at=iso_days_ago(-180 / 86_400)),
    ]
    snap = make_snapshot(records, np.stack([axis(0)] * len(records)))
    source = source_from_row(snap, 0)

    def allowed(now: float) -> set[str]:
        mask = allowed_mask(snap, source, resolve(NO_FRESHNESS), now)
        return {a["id"] for a in snap.articles_at([int(r) for r in np.flatnonzero(mask)])}

    assert allowed(NOW) == {"just-out", "expires-in-3min"}
    assert allowed(NOW + 30) == {"just-out", "expires-in-3min"}  # in-20s: from the next minute
    assert allowed(NOW + 60) == {"just-out", "in-20s", "expires-in-3min"}


def test_sparse_cosine_handles_empty_rows() -> None:
    matrix = sp.csr_matrix(
        np.array([[0, 1, 0, 2], [0, 0, 0, 0], [3, 0, 0, 1], [0, 0, 0, 0]], dtype=np.float32)
    )
    query = sp.csr_matrix(np.array([[1, 1, 0, 1]], dtype=np.float32))
    for rows in ([0, 1, 2, 3], [1, 3], [3, 1, 0], [2], []):
        index = np.asarray(rows, dtype=np.int64)
        expected = np.asarray((matrix[index] @ query.T).todense()).ravel()
        assert sparse_cosine(matrix, index, query).tolist() == expected.tolist()


def test_live_term_rows_and_similarities_keep_the_order_of_base_and_delta_rows(
    make_snapshot: MakeSnapshot,
) -> None:
    # A merged view's rows past the base's are the delta's: term rows and cosines
    # come back in the order asked, whichever part each row is in. (The view is
    # assembled by hand here; the journal's merge has its own tests.)
    from service.live import Delta, LiveSnapshot

    words = ["harbour", "dredging", "estuary", "ferry", "bridge", "cables"]
    records = [article(f"a{i}", body=" ".join(words[i : i + 3])) for i in range(4)]
    base = make_snapshot(records, np.stack([axis(i) for i in range(4)]))
    delta_terms = sp.csr_matrix(base.terms.transform(["ferry bridge", "cables estuary"]))
    live = object.__new__(LiveSnapshot)
    live.base, live.delta = base, Delta(terms=delta_terms)
    rows = np.asarray([5, 0, 4, 2])
    full = sp.vstack([base.term_matrix, delta_terms]).tocsr()
    assert (live.term_vectors(rows) != full[rows]).nnz == 0
    queries = sp.csr_matrix(full[[1, 4]])
    expected = np.asarray((full[rows] @ queries.T).todense())
    entries = live.term_rows([1, 4])
    assert [list(i) for i, _ in entries] == [list(row.indices) for row in queries]
    assert live.term_similarities(rows, entries) == pytest.approx(expected, abs=1e-6)
    assert live.term_similarity(rows, queries[0]) == pytest.approx(expected[:, 0], abs=1e-6)
