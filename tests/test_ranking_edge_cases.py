"""Corpora at the edges, built with the real model from the sample's own articles.

One topic, nothing related, one article, a language with no other article:
every list is as full as the corpus allows, every item says why it is there,
and nothing raises.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from indexer.embedder import Embedder
from indexer.snapshot import Snapshot, load_current
from service.ranking import REASONS, RankingSettings, related, resolve, source_from_row
from tests.conftest import SAMPLE_CORPUS, build_into

NOW = 1_800_000_000.0  # 2027: after every article of the sample
DEFAULTS = RankingSettings()


def _sample() -> list[dict[str, Any]]:
    with SAMPLE_CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _live(record: dict[str, Any]) -> bool:
    return (
        record["status"] == "published"
        and not record.get("expires_at")
        and not (record["sponsored"])
    )


@pytest.fixture(scope="module")
def corpus_of(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> Callable[[list[dict[str, Any]]], Snapshot]:
    """Build a snapshot of the given records (a JSONL file of their own)."""

    def build(records: list[dict[str, Any]]) -> Snapshot:
        root = tmp_path_factory.mktemp("edge")
        source = root / "articles.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        build_into(source, root / "data", embedder)
        return load_current(Path(root / "data"))

    return build


def _lists(snapshot: Snapshot, limit: int = 4) -> dict[str, list[tuple[str, str]]]:
    out = {}
    for row in range(snapshot.count):
        items = related(
            snapshot, source_from_row(snapshot, row), resolve(DEFAULTS, limit=limit), NOW
        )
        ids = [a["id"] for a in snapshot.articles_at([i.row for i in items])]
        out[snapshot.articles_at([row])[0]["id"]] = list(
            zip(ids, [i.reason for i in items], strict=True)
        )
    return out


def test_a_corpus_of_one_topic(corpus_of: Callable[..., Snapshot]) -> None:
    records = [
        r
        for r in _sample()
        if r.get("topic") == "river-flood" and _live(r) and not r["id"].startswith(("wire", "live"))
    ]
    assert len(records) >= 6
    lists = _lists(corpus_of(records))
    for source, items in lists.items():
        assert len(items) == 4, source  # every other flood piece is a candidate
        assert all(reason in REASONS for _, reason in items)
        assert source not in [i for i, _ in items]


def test_a_corpus_where_nothing_is_related(corpus_of: Callable[..., Snapshot]) -> None:
    seen: set[str] = set()
    records = []
    for r in _sample():
        if r.get("topic") and r["topic"] not in seen and _live(r) and r["language"] == "en":
            seen.add(r["topic"])
            records.append(r)
    records = records[:12]
    lists = _lists(corpus_of(records))
    for items in lists.values():
        assert len(items) == 4 and all(reason in REASONS for _, reason in items)
        assert len({i for i, _ in items}) == 4


def test_a_one_article_corpus(corpus_of: Callable[..., Snapshot]) -> None:
    only = next(r for r in _sample() if _live(r) and r.get("topic"))
    assert _lists(corpus_of([only])) == {only["id"]: []}


def test_an_article_in_a_language_with_no_other(corpus_of: Callable[..., Snapshot]) -> None:
    french = [r for r in _sample() if r["language"] == "fr"]
    english = [r for r in _sample() if r.get("topic") == "night-trains" and r["language"] == "en"]
    assert len(french) == 1 and len(english) >= 4
    snapshot = corpus_of(french + [r for r in english if _live(r)])
    lists = _lists(snapshot)
    assert lists[french[0]["id"]] == []  # never a list in the wrong language
    row = snapshot.row_of(french[0]["id"])
    assert row is not None
    anywhere = related(
        snapshot, source_from_row(snapshot, row), resolve(DEFAULTS, language="any"), NOW
    )
    assert len(anywhere) == 4  # unless the page asks for any language
    for source, items in lists.items():
        if source != french[0]["id"]:
            assert french[0]["id"] not in [i for i, _ in items] and len(items) >= 3
