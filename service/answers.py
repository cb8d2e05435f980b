"""Building the related answers: keys, ETags and JSON bodies.

Everything about one answer comes from one snapshot object, taken once per
request, so a body never mixes two snapshots. Bodies are serialised once, on a
cache miss, and served as bytes from the cache afterwards.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any

import orjson

from indexer.embedder import Embedder
from indexer.snapshot.journal import SITE
from service import metrics
from service.live import LiveSnapshot
from service.ranking import Item, Ranking, related, source_from_row, source_from_text
from service.ranking.controls import related_with_controls

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


def body_etag(body: bytes) -> str:
    """A strong ETag from the body itself: it changes whenever the list does."""
    return '"' + hashlib.blake2b(body, digest_size=10).hexdigest() + '"'


def card(meta: dict[str, Any], fields: tuple[str, ...] = CARD_FIELDS) -> dict[str, Any]:
    """The shown fields of an article's metadata."""
    return {name: meta.get(name) for name in fields}


def _items(snapshot: LiveSnapshot, items: list[Item]) -> list[dict[str, Any]]:
    metas = snapshot.articles_at([i.row for i in items])
    return [
        {**card(meta), "score": round(float(i.score), 4), "reason": i.reason}
        for meta, i in zip(metas, items, strict=True)
    ]


def list_id(version: str, source: str, items: list[dict[str, Any]]) -> str:
    """The id of one version of a list: a hash of the snapshot, its article, items and reasons.

    Events name the list they belong to. A body is computed once and served from
    the cache to many page views, so the id is a property of the list, not of a
    view: the same list gives the same id, and any change to it a new one.
    """
    return digest(version, source, [(i["id"], i["reason"]) for i in items])[:16]


def _answer(
    article: dict[str, Any], version: str, items: list[dict[str, Any]], *, disabled: bool = False
) -> bytes:
    source = str(article.get("id") or article.get("url") or "")
    body = {"article": article, "snapshot": version, "list_id": list_id(version, source, items)}
    if disabled:
        body["disabled"] = "an editor turned the block off for this article"
    return orjson.dumps({**body, "items": items})


def related_for_row(snapshot: LiveSnapshot, row: int, ranking: Ranking) -> bytes:
    """The packed answer for an indexed article (a cache miss), editor controls applied."""
    metrics.COMPUTED.labels("indexed").inc()
    source = source_from_row(snapshot, row)
    controls = snapshot.controls_for(source.id)
    items = related_with_controls(snapshot, source, ranking, time.time(), controls)
    article = card(snapshot.articles_at([row])[0], ARTICLE_FIELDS)
    body = _answer(article, snapshot.version, _items(snapshot, items), disabled=controls.disabled)
    return pack(snapshot.seq, [str(source.id), *_ids(snapshot, items)], body)


def related_for_text(
    snapshot: LiveSnapshot,
    embedder: Embedder,
    *,
    title: str,
    text: str,
    url: str,
    ranking: Ranking,
    max_passages: int | None = None,
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
        max_passages=max_passages,
    )
    items = related(snapshot, source, ranking, time.time())
    article = {"id": None, "url": url, "title": title, "section": ranking.section}
    body = _answer(article, snapshot.version, _items(snapshot, items))
    return pack(snapshot.seq, _ids(snapshot, items), body)


def _ids(snapshot: LiveSnapshot, items: list[Item]) -> list[str]:
    return [str(m["id"]) for m in snapshot.articles_at([i.row for i in items])]


def pack(seq: int, ids: list[str], body: bytes) -> bytes:
    """A cache entry: the journal position it was computed at, the ids it shows, the body."""
    return orjson.dumps({"seq": seq, "ids": ids}) + b"\n" + body


def unpack(value: bytes) -> tuple[int, list[str], bytes]:
    """`pack` undone: (seq, ids, body)."""
    head, _, body = value.partition(b"\n")
    meta = orjson.loads(head)
    return int(meta["seq"]), list(meta["ids"]), body


def fresh_in(snapshot: LiveSnapshot) -> Callable[[bytes], bool]:
    """Whether a cached entry still holds: no article it shows changed after it was made.

    An entry made before an edit, a delete or an editor's change to one of its
    articles (or to the site-wide rules) is out of date; every other entry stays.
    """
    changed = snapshot.changed_at

    def fresh(value: bytes) -> bool:
        seq, ids, _ = unpack(value)
        if changed.get(SITE, 0) > seq:
            return False
        return all(changed.get(i, 0) <= seq for i in ids)

    return fresh
