"""The article record: fields, validation and normalisation of raw source rows.

Every reader yields raw dicts; `parse_record` turns one into an `Article` or raises
`RecordError` saying what is wrong, so bad rows are counted and skipped, never
half-indexed.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from dateutil import parser as dateparser

KNOWN_FIELDS = (
    "id",
    "url",
    "title",
    "body",
    "published_at",
    "updated_at",
    "section",
    "tags",
    "language",
    "author",
    "image_url",
    "canonical_url",
    "status",
    "expires_at",
    "sponsored",
)
STATUSES = ("published", "draft", "unpublished")
_TRUE = {"1", "true", "yes", "y", "on"}
_FALSE = {"0", "false", "no", "n", "off", ""}


class RecordError(ValueError):
    """A source record that cannot become an article (the message says why).

    `kind` is the short reason the build summary counts by; `field` the field at
    fault ("body" when it is the record as a whole).
    """

    def __init__(self, message: str, kind: str = "invalid", field: str = "body") -> None:
        super().__init__(message)
        self.kind = kind
        self.field = field


@dataclass(slots=True)
class Article:
    """One article as the indexer and the service see it."""

    id: str
    title: str = ""
    body: str = ""
    url: str = ""
    published_at: datetime | None = None
    updated_at: datetime | None = None
    section: str = ""
    tags: list[str] = field(default_factory=list)
    language: str = ""
    author: str = ""
    image_url: str = ""
    canonical_url: str = ""
    status: str = "published"
    expires_at: datetime | None = None
    sponsored: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: dates as ISO 8601 strings, extra fields kept."""
        out = asdict(self)
        for key in ("published_at", "updated_at", "expires_at"):
            value = out[key]
            out[key] = value.isoformat() if value else None
        return out


def parse_date(value: Any, field_name: str) -> datetime | None:
    """Parse an ISO-ish date or epoch seconds into an aware UTC datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        parsed = datetime.fromtimestamp(float(value), tz=UTC)
    elif isinstance(value, str):
        try:
            parsed = dateparser.isoparse(value.strip())
        except (ValueError, OverflowError):
            try:
                parsed = dateparser.parse(value.strip())
            except (ValueError, OverflowError) as exc:
                raise RecordError(
                    f"{field_name}: unparsable date {value!r}", "bad date", field_name
                ) from exc
    else:
        raise RecordError(f"{field_name}: unparsable date {value!r}", "bad date", field_name)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _as_bool(value: Any, field_name: str) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise RecordError(f"{field_name}: expected a boolean, got {value!r}", field=field_name)


def _as_tags(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        parts = re.split(r"[,;|]", value)
    elif isinstance(value, list | tuple):
        parts = [str(v) for v in value]
    else:
        message = f"tags: expected a list or comma-separated string, got {value!r}"
        raise RecordError(message, field="tags")
    return [p.strip() for p in parts if p and p.strip()]


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


def parse_record(raw: dict[str, Any]) -> Article:
    """Validate one raw record and return the normalised `Article`.

    Raises `RecordError` for a missing id, no text at all, a bad date, a bad
    status or flag. Unknown fields are kept in `Article.extra`.
    """
    if not isinstance(raw, dict):
        raise RecordError(f"expected an object, got {type(raw).__name__}")
    article_id = _as_text(raw.get("id"))
    if not article_id:
        raise RecordError("missing id", "missing id")
    title = _as_text(raw.get("title"))
    body = _as_text(raw.get("body"))
    if not title and not body:
        raise RecordError("no text: both title and body are empty", "no text")
    status = _as_text(raw.get("status")).lower() or "published"
    if status not in STATUSES:
        allowed = ", ".join(STATUSES)
        raise RecordError(f"status: {status!r} is not one of {allowed}", field="status")
    extra = {k: v for k, v in raw.items() if k not in KNOWN_FIELDS and v is not None}
    return Article(
        id=article_id,
        title=title,
        body=body,
        url=_as_text(raw.get("url")),
        published_at=parse_date(raw.get("published_at"), "published_at"),
        updated_at=parse_date(raw.get("updated_at"), "updated_at"),
        section=_as_text(raw.get("section")).lower(),
        tags=_as_tags(raw.get("tags")),
        language=_as_text(raw.get("language")).lower(),
        author=_as_text(raw.get("author")),
        image_url=_as_text(raw.get("image_url")),
        canonical_url=_as_text(raw.get("canonical_url")),
        status=status,
        expires_at=parse_date(raw.get("expires_at"), "expires_at"),
        sponsored=_as_bool(raw.get("sponsored"), "sponsored"),
        extra=extra,
    )
