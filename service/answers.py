"""Building the related answers: normalised parameters, keys, ETags and JSON bodies.

Everything about one answer comes from one snapshot object, taken once per
request, so a body never mixes two snapshots. Bodies are serialised once, on a
cache miss, and served as bytes from the cache afterwards.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from datetime import UTC, datetime
from typing import Any

import orjson

from indexer.embedder import Embedder
from indexer.snapshot import Snapshot
from service import metrics
from service.rankconfig import RankingSettings
from service.ranking import Item, RankParams, related, source_from_row, source_from_text

CARD_FIELDS = ("id", "url", "title", "snippet", "published_at", "section", "image_url")
ARTICLE_FIELDS = CARD_FIELDS + (
    "updated_at",
    "tags",
    "language",
    "author",
    "canonical_url",
    "sponsored",
)


def _norm(value: str | None) -> str | None:
    value = (value or "").strip().lower()
    return value or None


def split_ids(value: str | list[str] | None) -> tuple[str, ...]:
    """Exclusion ids from a comma-separated string or a list: stripped, unique, sorted."""
    if not value:
        return ()
    parts = value.split(",") if isinstance(value, str) else value
    return tuple(sorted({p.strip() for p in parts if p and p.strip()}))


def rank_params(
    *,
    limit: int,
    section: str | None,
    language: str | None,
    exclude: str | list[str] | None,
    max_age_days: float | None,
    min_score: float | None,
    published_after: datetime | None = None,
    published_before: datetime | None = None,
    freshness: bool | None = None,
    diversity: float | None = None,
    fallback: bool | None = None,
    sponsored: bool | None = None,
) -> RankParams:
    """Request parameters in the one normal form both the cache key and ranking use."""
    return RankParams(
        limit=limit,
        section=_norm(section),
        language=_norm(language),
        exclude=split_ids(exclude),
        max_age_days=max_age_days,
        min_score=min_score,
        published_after=_epoch(published_after),
        published_before=_epoch(published_before),
        freshness=freshness,
        diversity=diversity,
        fallback=fallback,
        sponsored=sponsored,
    )


def _epoch(value: datetime | None) -> float | None:
    """Epoch seconds of a request date; a date without a zone is UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


def digest(*parts: object) -> str:
    """A short stable hash of JSON-able parts."""
    raw = orjson.dumps(parts, option=orjson.OPT_SORT_KEYS | orjson.OPT_SERIALIZE_NUMPY)
    return hashlib.blake2b(raw, digest_size=12).hexdigest()


def params_digest(params: RankParams) -> str:
    """Hash of every ranking parameter, in field order (new RankParams fields are included)."""
    return digest([getattr(params, f.name) for f in dataclasses.fields(params)])


def etag(*parts: str) -> str:
    """A strong ETag from the snapshot version, the id and the parameter hash."""
    return '"' + digest(*parts)[:20] + '"'


def card(meta: dict[str, Any], fields: tuple[str, ...] = CARD_FIELDS) -> dict[str, Any]:
    """The shown fields of an article's metadata."""
    return {name: meta.get(name) for name in fields}


def _items(snapshot: Snapshot, items: list[Item]) -> list[dict[str, Any]]:
    metas = snapshot.articles_at([i.row for i in items])
    return [
        {**card(meta), "score": round(float(i.score), 4), "reason": i.reason}
        for meta, i in zip(metas, items, strict=True)
    ]


def related_for_row(
    snapshot: Snapshot, row: int, params: RankParams, config: RankingSettings
) -> bytes:
    """The serialised answer for an indexed article (a cache miss)."""
    metrics.COMPUTED.labels("indexed").inc()
    source = source_from_row(snapshot, row)
    items = related(snapshot, source, params, time.time(), config)
    article = card(snapshot.articles_at([row])[0], ARTICLE_FIELDS)
    return orjson.dumps(
        {"article": article, "snapshot": snapshot.version, "items": _items(snapshot, items)}
    )


def related_for_text(
    snapshot: Snapshot,
    embedder: Embedder,
    *,
    title: str,
    text: str,
    url: str,
    params: RankParams,
    config: RankingSettings,
) -> bytes:
    """The serialised answer for a text that is not indexed (a cache miss)."""
    metrics.COMPUTED.labels("text").inc()
    language = params.language if params.language not in (None, "any") else ""
    source = source_from_text(
        snapshot,
        embedder,
        title,
        text,
        url=url,
        language=language or "",
        section=params.section or "",
    )
    items = related(snapshot, source, params, time.time(), config)
    article = {"id": None, "url": url, "title": title, "section": params.section}
    return orjson.dumps(
        {"article": article, "snapshot": snapshot.version, "items": _items(snapshot, items)}
    )
