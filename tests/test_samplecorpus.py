"""The sample corpus: reproducible byte for byte, and it holds what the demo and eval need."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import pytest

from indexer.samplecorpus import main, write_corpus

COMMITTED = Path(__file__).parent.parent / "samples" / "articles.jsonl"
NOW = datetime(2026, 11, 25, tzinfo=UTC)


def when(value: str) -> datetime:
    """Parse the corpus's ISO 8601 'Z' timestamps."""
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def words(body: str) -> int:
    """Words of a body, tags removed."""
    return len(re.sub(r"<[^>]+>", " ", body).split())


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    """The committed corpus, one dict per line."""
    with COMMITTED.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def is_copy(record: dict[str, Any]) -> bool:
    """A syndicated copy or a live-blog revision (not an original)."""
    return record["id"].startswith(("wire-", "live-"))


def test_regenerating_matches_committed_file(tmp_path: Path) -> None:
    out = tmp_path / "articles.jsonl"
    count = write_corpus(out)
    assert out.read_bytes() == COMMITTED.read_bytes()
    assert count == len(COMMITTED.read_bytes().splitlines())


def test_command_line_writes_the_same_file(tmp_path: Path) -> None:
    out = tmp_path / "nested" / "corpus.jsonl"
    assert main([str(out)]) == 0
    assert out.read_bytes() == COMMITTED.read_bytes()


def test_ids_unique_and_sorted(records: list[dict[str, Any]]) -> None:
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)
    assert len({r["url"] for r in records}) == len(records)


def test_size_sections_and_date_span(records: list[dict[str, Any]]) -> None:
    assert len(records) >= 180
    assert len({r["section"] for r in records}) >= 7
    dates = [when(r["published_at"]) for r in records]
    assert min(dates) >= datetime(2024, 12, 1, tzinfo=UTC)
    assert max(dates) <= datetime(2026, 11, 20, 23, 59, tzinfo=UTC)
    assert (max(dates) - min(dates)).days >= 700


def test_every_record_has_the_fields(records: list[dict[str, Any]]) -> None:
    required = [
        "id",
        "url",
        "title",
        "body",
        "published_at",
        "section",
        "tags",
        "language",
        "author",
        "image_url",
        "status",
        "sponsored",
        "topic",
        "story",
    ]
    for r in records:
        assert all(r.get(k) not in (None, "") for k in required if k != "sponsored"), r["id"]
        assert isinstance(r["sponsored"], bool) and isinstance(r["tags"], list)
        assert r["url"].startswith("https://example-news.test/")
        assert r["status"] in ("published", "draft", "unpublished")
        for key in ("published_at", "updated_at", "expires_at"):
            if key in r:
                assert r[key].endswith("Z") and when(r[key])
        if "updated_at" in r:
            assert when(r["updated_at"]) > when(r["published_at"])


def test_shared_stories_are_copies_of_one_topic(records: list[dict[str, Any]]) -> None:
    by_story: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        by_story.setdefault(r["story"], []).append(r)
    shared = [r for group in by_story.values() if len(group) > 1 for r in group]
    assert len(shared) >= 10
    for group in by_story.values():
        assert len({r["topic"] for r in group}) == 1
        assert sum(not is_copy(r) for r in group) == 1


def test_syndicated_copies(records: list[dict[str, Any]]) -> None:
    by_url = {r["url"]: r for r in records}
    wires = [r for r in records if r["id"].startswith("wire-")]
    assert len(wires) >= 10
    with_canonical = [r for r in wires if r.get("canonical_url")]
    assert 5 <= len(with_canonical) <= len(wires) - 5
    for copy in with_canonical:
        original = by_url[copy["canonical_url"]]
        assert original["story"] == copy["story"] and original["id"] != copy["id"]
    assert all("canonical_url" not in r for r in records if not r["id"].startswith("wire-"))
    originals = {r["story"]: r for r in records if not is_copy(r)}
    for copy in wires:
        original = originals[copy["story"]]
        assert copy["title"] != original["title"] and copy["body"] != original["body"]
        similarity = SequenceMatcher(None, copy["body"].split(), original["body"].split())
        assert similarity.ratio() > 0.85, copy["id"]


def test_live_blog_revisions(records: list[dict[str, Any]]) -> None:
    originals = {r["story"]: r for r in records if not is_copy(r)}
    lives = [r for r in records if r["id"].startswith("live-")]
    assert 2 <= len(lives) <= 3
    for live in lives:
        original = originals[live["story"]]
        assert when(live["updated_at"]) > when(original.get("updated_at", original["published_at"]))
        assert live["body"] != original["body"] and "Update, " in live["body"]


def test_flags(records: list[dict[str, Any]]) -> None:
    status = Counter(r["status"] for r in records)
    assert status["draft"] >= 5 and status["unpublished"] >= 3
    expired = [r for r in records if "expires_at" in r and when(r["expires_at"]) < NOW]
    assert len(expired) >= 5
    assert sum(r["sponsored"] for r in records) >= 3


def test_second_language(records: list[dict[str, Any]]) -> None:
    german = [r for r in records if r["language"] != "en"]
    assert len(german) >= 10
    assert {r["language"] for r in german} == {"de"}
    english_topics = {r["topic"] for r in records if r["language"] == "en"}
    assert {r["topic"] for r in german} <= english_topics


def test_aggregated_pages_carry_boilerplate(records: list[dict[str, Any]]) -> None:
    pages = [r for r in records if "YOU MIGHT ALSO LIKE" in r["body"]]
    assert len(pages) >= 20
    titles = {r["title"]: r for r in records}
    for page in pages:
        body = page["body"]
        assert page["section"] in ("film", "tv") and body.startswith("<article>")
        assert "Image via " in body and '<ul class="facts">' in body
        assert "Disclaimer: This story is auto-aggregated" in body and "Related:" in body
        linked = re.findall(r'<a href="[^"]+">(?:<h4>)?([^<]+)<', body)
        assert len(linked) >= 4
        for title in linked:
            other = titles[title.replace("&amp;", "&")]
            assert other["topic"] != page["topic"]


def test_body_lengths_and_long_reads(records: list[dict[str, Any]]) -> None:
    long_reads = [r for r in records if "long-read" in r["tags"]]
    assert len(long_reads) >= 10
    assert all(900 <= words(r["body"]) <= 1500 for r in long_reads)
    assert any(r["body"].startswith("**") and "\n## " in r["body"] for r in long_reads)
    plain = [r for r in records if r not in long_reads and not r["body"].startswith("<")]
    assert all(120 <= words(r["body"]) <= 600 for r in plain if r["language"] == "en")


def test_topics_have_enough_published_english_articles(records: list[dict[str, Any]]) -> None:
    topics = {r["topic"] for r in records}
    assert len(topics) >= 30
    usable = Counter(
        r["topic"]
        for r in records
        if r["language"] == "en"
        and r["status"] == "published"
        and not r["sponsored"]
        and "expires_at" not in r
        and not is_copy(r)
    )
    assert all(usable[t] >= 4 for t in topics), usable
    # Reviews spread over months; news stories develop within weeks.
    for topic in ("vale-floods", "metro-strike", "ridge-wildfire"):
        first = sorted(when(r["published_at"]) for r in records if r["topic"] == topic)
        assert (first[3] - first[0]).days <= 21
