"""Validation of raw records into articles."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from indexer.articles import RecordError, parse_date, parse_record


def test_full_record_is_normalised_and_unknown_fields_kept() -> None:
    article = parse_record(
        {
            "id": 42,
            "title": " Title ",
            "body": "Body",
            "published_at": "2025-03-01T10:00:00+02:00",
            "section": "News",
            "tags": "a, b;c",
            "language": "EN",
            "sponsored": "yes",
            "status": "Draft",
            "topic": "space",
        }
    )
    assert article.id == "42"
    assert article.title == "Title"
    assert article.published_at == datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
    assert (article.section, article.language, article.status) == ("news", "en", "draft")
    assert article.tags == ["a", "b", "c"]
    assert article.sponsored is True
    assert article.extra == {"topic": "space"}


@pytest.mark.parametrize(
    ("record", "kind", "message"),
    [
        ({"title": "x"}, "missing id", "missing id"),
        ({"id": "  ", "title": "x"}, "missing id", "missing id"),
        ({"id": "a", "title": "", "body": "  "}, "no text", "no text"),
        (
            {"id": "a", "title": "x", "published_at": "not a date at all"},
            "bad date",
            "published_at",
        ),
        ({"id": "a", "title": "x", "expires_at": [1]}, "bad date", "expires_at"),
        ({"id": "a", "title": "x", "status": "archived"}, "invalid", "status"),
        ({"id": "a", "title": "x", "sponsored": "maybe"}, "invalid", "sponsored"),
    ],
)
def test_bad_records_say_what_is_wrong(record: dict[str, object], kind: str, message: str) -> None:
    with pytest.raises(RecordError, match=message) as info:
        parse_record(record)
    assert info.value.kind == kind


def test_dates_accept_epoch_and_naive_iso_as_utc() -> None:
    assert parse_date(0, "d") == datetime(1970, 1, 1, tzinfo=UTC)
    assert parse_date("2025-01-02 03:04", "d") == datetime(2025, 1, 2, 3, 4, tzinfo=UTC)
    assert parse_date("", "d") is None
