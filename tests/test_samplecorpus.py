"""The sample corpus: data under samples/, reproducible byte for byte, and realistic.

Realistic here means what the relevance work depends on: articles on one topic
share a subject, not sentences (no run of 8 words in two originals of different
stories), with the labelled copies and revisions the only exceptions.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from indexer.clean import clean_text
from tools.samplecorpus import OUT, WRITTEN, main, write_corpus

SHINGLE = 8


def when(value: str) -> datetime:
    """Parse the corpus's ISO 8601 'Z' timestamps."""
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    """The committed corpus, one dict per line."""
    with OUT.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def is_copy(record: dict[str, Any]) -> bool:
    """A syndicated copy or a live-blog revision (not an original)."""
    return record["id"].startswith(("wire-", "live-"))


def shingles(text: str) -> set[str]:
    words = re.findall(r"[\w'’-]+", text.lower())
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def test_the_corpus_is_data_and_regenerates_byte_for_byte(tmp_path: Path) -> None:
    assert sorted(p.name for p in WRITTEN.glob("*.yaml"))  # the written articles
    out = tmp_path / "articles.jsonl"
    count = write_corpus(out)
    assert out.read_bytes() == OUT.read_bytes()
    assert count == len(OUT.read_bytes().splitlines())
    again = tmp_path / "nested" / "cli.jsonl"
    assert main(["--out", str(again)]) == 0
    assert again.read_bytes() == OUT.read_bytes()
    package = Path(__file__).parent.parent / "indexer"
    assert not list(package.glob("sample*.py"))  # no corpus inside the shipped package


def test_size_topics_languages_and_dates(records: list[dict[str, Any]]) -> None:
    assert len(records) >= 300
    topics = Counter(r["topic"] for r in records if r.get("topic"))
    assert len(topics) >= 40 and min(topics.values()) >= 4
    assert len({r["section"] for r in records}) >= 8
    assert sum(1 for r in records if not r.get("topic")) >= 20  # articles of no topic
    languages = Counter(r["language"] for r in records)
    assert languages["de"] >= 20 and len(languages) >= 3
    dates = [when(r["published_at"]) for r in records]
    assert (max(dates) - min(dates)).days >= 700
    assert len({r["id"] for r in records}) == len(records)
    assert len({r["url"] for r in records}) == len(records)


def test_topics_are_split_in_two_fixed_halves(records: list[dict[str, Any]]) -> None:
    split_of: dict[str, set[str]] = defaultdict(set)
    for r in records:
        if r.get("topic"):
            split_of[r["topic"]].add(r["split"])
    assert all(len(s) == 1 for s in split_of.values())  # a topic is wholly in one half
    halves = Counter(next(iter(s)) for s in split_of.values())
    assert set(halves) == {"dev", "test"} and abs(halves["dev"] - halves["test"]) <= 2
    sections = defaultdict(set)
    for r in records:
        if r.get("split"):
            sections[r["split"]].add(r["section"])
    assert sections["dev"] == sections["test"]  # both halves span every section


def test_different_stories_share_no_sentences(records: list[dict[str, Any]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    topic_of = {}
    for r in records:
        if r["id"].startswith("live-"):
            continue  # a revision repeats its original, by design (same story label)
        story = r.get("story") or r["id"]
        topic_of[story] = r.get("topic")
        for s in shingles(clean_text(r["body"], title=r["title"])):
            owners[s].add(story)
    shared = {s: o for s, o in owners.items() if len(o) > 1}
    same_topic = {s: o for s, o in shared.items() if len({topic_of[x] for x in o}) == 1}
    assert not same_topic, list(same_topic.items())[:5]
    # across topics only stock phrases ("who asked not to be named") and credit lines
    assert len(shared) <= 20, list(shared)[:20]


def test_copies_and_revisions_are_labelled(records: list[dict[str, Any]]) -> None:
    by_id = {r["id"]: r for r in records}
    copies = [r for r in records if is_copy(r)]
    assert sum(r["id"].startswith("wire-") for r in copies) >= 10
    assert sum(r["id"].startswith("live-") for r in copies) >= 5
    for copy in copies:
        original = by_id[copy["story"]]
        assert not is_copy(original) and original["topic"] == copy["topic"]
        assert copy["title"] != original["title"]
        first = clean_text(original["body"]).split()[:20]
        assert clean_text(copy["body"]).split()[:20] == first  # they keep the lede
    assert any(r.get("canonical_url") for r in copies)


def test_what_a_site_export_holds(records: list[dict[str, Any]]) -> None:
    status = Counter(r["status"] for r in records)
    assert status["draft"] >= 3 and status["unpublished"] >= 2
    assert sum(bool(r.get("expires_at")) for r in records) >= 3
    sponsored = [r for r in records if r["sponsored"]]
    assert sponsored and all(not r.get("topic") for r in sponsored)
    assert sum(bool(r.get("updated_at")) for r in records) >= 50
    assert sum(r["body"].startswith("**") for r in records) >= 5  # Markdown long reads


def test_aggregated_pages_carry_the_reference_boilerplate(records: list[dict[str, Any]]) -> None:
    pages = [r for r in records if r["body"].startswith("<article>")]
    assert len(pages) >= 20
    assert {r["section"] for r in pages} == {"film", "tv"}
    for page in pages:
        body = page["body"]
        assert "YOU MIGHT ALSO LIKE" in body and "Image via" in body
        assert "auto-aggregated" in body and "Release Date:" in body and "Related" in body
        text = clean_text(body, title=page["title"])
        for marker in ("YOU MIGHT ALSO LIKE", "Image via", "auto-aggregated", "Release Date"):
            assert marker not in text, (page["id"], marker)


def test_articles_vary_in_length(records: list[dict[str, Any]]) -> None:
    lengths = [len(clean_text(r["body"]).split()) for r in records if not is_copy(r)]
    assert min(lengths) < 120 and max(lengths) > 600
    per_topic: dict[str, list[int]] = defaultdict(list)
    for r in records:
        if r.get("topic") and not is_copy(r):
            per_topic[r["topic"]].append(len(clean_text(r["body"]).split()))
    assert all(max(v) > 2 * min(v) for v in per_topic.values())
