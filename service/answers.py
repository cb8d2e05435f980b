"""Building the related answers: keys, ETags and JSON bodies.

Everything about one answer comes from one snapshot object, taken once per
request, so a body never mixes two snapshots. Bodies are serialised once, on a
cache miss, and served as bytes from the cache afterwards.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

import orjson

from indexer.embedder import Embedder
from indexer.snapshot import Snapshot
from service import metrics
from service.ranking import Item, Ranking, related, source_from_row, source_from_text

CARD_FIELDS = ("id", "url", "title", "snippet", "published_at", "section", "image_url")
ARTICLE_FIELDS = CARD_FIELDS + (
    "updated_at",
    "tags",
    "language",
    "author",
    "canonical_url",
    "sponsored",
)


def digest(*parts: object) -> str:
    """A short stable hash of JSON-able parts."""
    raw = orjson.dumps(parts, option=orjson.OPT_SORT_KEYS | orjson.OPT_SERIALIZE_NUMPY)
    return hashlib.blake2b(raw, digest_size=12).hexdigest()


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


def related_for_row(snapshot: Snapshot, row: int, ranking: Ranking) -> bytes:
    """The serialised answer for an indexed article (a cache miss)."""
    metrics.COMPUTED.labels("indexed").inc()
    source = source_from_row(snapshot, row)
    items = related(snapshot, source, ranking, time.time())
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
    ranking: Ranking,
) -> bytes:
    """The serialised answer for a text that is not indexed (a cache miss)."""
    metrics.COMPUTED.labels("text").inc()
    language = ranking.language if ranking.language != "any" else None
    source = source_from_text(
        snapshot,
        embedder,
        title,
        text,
        url=url,
        language=language or "",
        section=ranking.section or "",
    )
    items = related(snapshot, source, ranking, time.time())
    article = {"id": None, "url": url, "title": title, "section": ranking.section}
    return orjson.dumps(
        {"article": article, "snapshot": snapshot.version, "items": _items(snapshot, items)}
    )
