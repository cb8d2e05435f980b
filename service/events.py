"""`POST /v1/events`: impressions and clicks of the block's cards, counted without personal data.

widget.js sends them with `navigator.sendBeacon`, whose body is `text/plain`
(a JSON text: no preflight, and the beacon survives the click's navigation), so
this route reads JSON from `text/plain` as well as `application/json`. Nothing
about the reader is kept: no address, no cookie, no user agent. Requests are
rate-limited per client in each worker's memory (the `limits` library), keyed
by a hash of the address with a random per-process salt, so even the limiter
never holds an address. What is kept is counts: Prometheus counters by type,
reason and position (and by section), and, with Redis, one hash per hour of
(type, section, position, reason) counts that `morelike report` reads.
"""

from __future__ import annotations

import logging
import math
import os
import secrets
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from hashlib import blake2b

import orjson
import redis
from flask import Flask, Response, current_app, request
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from pydantic import ValidationError

from service import metrics
from service.errors import (
    ApiError,
    InvalidBody,
    MalformedJson,
    PayloadTooLarge,
    UnsupportedMediaType,
    error_body,
)
from service.schemas import Event, EventBatch
from service.settings import Settings
from service.state import state

logger = logging.getLogger(__name__)

ENDPOINT = "events"  # its body is read here, not by the app's JSON check
EXTENSION = "morelike_events"
BODY_TYPES = ("text/plain", "application/json")
UNKNOWN_SECTION = "(unknown)"
HOUR = "%Y%m%d%H"
Key = tuple[str, str, int, str]  # type, section, position, reason


def hour_key(prefix: str, when: datetime) -> str:
    """The Redis hash holding one hour's counts (UTC)."""
    return f"{prefix}events:{when.astimezone(UTC).strftime(HOUR)}"


def field_of(key: Key) -> bytes:
    """A count's field in the hour's hash: the JSON of (type, section, position, reason)."""
    return orjson.dumps(list(key))


def key_of(field: bytes) -> Key:
    """The inverse of `field_of`."""
    kind, section, position, reason = orjson.loads(field)
    return str(kind), str(section), int(position), str(reason)


class RedisCounts:
    """Hourly counts in Redis: `HINCRBY` in one pipeline per request, each hour kept
    `retention_days`. Redis down or slow never fails a request: the counts of that
    request are lost for the report (the Prometheus counters still have them), logged
    once, and Redis is not tried again for `backoff` seconds."""

    def __init__(self, url: str, prefix: str, *, timeout: float, retention_days: int) -> None:
        self.client = redis.Redis.from_url(
            url, socket_timeout=timeout, socket_connect_timeout=timeout
        )
        self.prefix = prefix
        self.ttl = retention_days * 86_400
        self.backoff = 5.0
        self._down_until = 0.0

    def add(self, counts: Counter[Key], now: datetime) -> None:
        """Add one request's counts to the current hour."""
        if time.monotonic() < self._down_until:
            return
        key = hour_key(self.prefix, now)
        try:
            pipe = self.client.pipeline(transaction=False)
            for count_key, n in counts.items():
                pipe.hincrby(key, field_of(count_key), n)
            pipe.expire(key, self.ttl)
            pipe.execute()
        except (redis.RedisError, OSError) as exc:
            metrics.CACHE_ERRORS.labels("events").inc()
            if self._down_until == 0.0:
                logger.warning(
                    "event counts not written to redis (%s); retry in %.0fs", exc, self.backoff
                )
            self._down_until = time.monotonic() + self.backoff
            return
        self._down_until = 0.0


class Limiter:
    """A moving-window limit per client, in this process's memory, keyed by a salted hash."""

    def __init__(self, rate: str) -> None:
        self.rate = parse(rate)
        self._lock = threading.Lock()
        self._pid = -1
        self._limiter: MovingWindowRateLimiter | None = None
        self._salt = b""

    def _current(self) -> MovingWindowRateLimiter:
        with self._lock:  # per worker: the master's limiter (and its salt) stay behind at fork
            if self._limiter is None or self._pid != os.getpid():
                self._limiter = MovingWindowRateLimiter(MemoryStorage())
                self._salt = secrets.token_bytes(16)
                self._pid = os.getpid()
            return self._limiter

    def hit(self, client: str) -> float | None:
        """None when `client` may go on, else the seconds until it may."""
        limiter = self._current()
        who = blake2b(client.encode(), key=self._salt, digest_size=12).hexdigest()
        if limiter.hit(self.rate, who):
            return None
        reset = limiter.get_window_stats(self.rate, who).reset_time
        return max(1.0, reset - time.time())


class Events:
    """What the route needs: settings, the limiter and the Redis counts (None without Redis)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.limiter = Limiter(settings.events_rate)
        self.store = None
        if settings.redis_url:
            self.store = RedisCounts(
                settings.redis_url,
                settings.key_prefix,
                timeout=settings.redis_timeout,
                retention_days=settings.events_retention_days,
            )


def client_address(hops: int) -> str:
    """The reader's address as the limiter sees it: the socket's peer, or with `hops` trusted
    proxies in front, the address they name in X-Forwarded-For (the proxies append theirs)."""
    forwarded = [
        a.strip() for a in request.headers.get("X-Forwarded-For", "").split(",") if a.strip()
    ]
    if hops and len(forwarded) >= hops:
        return forwarded[-hops]
    return request.remote_addr or ""


def read_events(max_bytes: int) -> list[Event]:
    """The body's events: one object, or `{"events": [...]}`; the error names what is wrong."""
    if request.mimetype and request.mimetype not in BODY_TYPES:
        raise UnsupportedMediaType(
            "send events as JSON (text/plain, as sendBeacon does, or application/json)"
        )
    length = request.content_length
    if length is not None and length > max_bytes:
        raise PayloadTooLarge(f"the body has {length} bytes; events may have {max_bytes}")
    raw = request.stream.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise PayloadTooLarge(f"the body is larger than {max_bytes} bytes")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise MalformedJson(f"the body is not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise InvalidBody('the body must be a JSON object: one event, or {"events": [...]}')
    if "events" not in data:
        data = {"events": [data]}
    try:
        return EventBatch.model_validate(data).events
    except ValidationError as exc:
        details = [
            {"field": ".".join(str(p) for p in err["loc"]) or "body", "message": err["msg"]}
            for err in exc.errors(include_url=False, include_input=False)
        ]
        summary = "; ".join(f"{d['field']}: {d['message']}" for d in details[:5])
        raise InvalidBody(summary, details=details) from exc


def _sections(articles: set[str]) -> dict[str, str]:
    """The section of each article the events were under, from the served snapshot."""
    try:
        snapshot = state().live.get()
    except ApiError:
        return {}
    found = {}
    for article in articles:
        meta = snapshot.article(article)
        if meta is not None:
            found[article] = str(meta.get("section") or "")
    return found


def count(events: list[Event], store: RedisCounts | None, now: datetime) -> Counter[Key]:
    """Count the events by (type, section, position, reason): Prometheus, then Redis."""
    sections = _sections({e.article for e in events})
    counts: Counter[Key] = Counter()
    for e in events:
        section = sections.get(e.article, UNKNOWN_SECTION)
        counts[(e.type, section, e.position, e.reason)] += 1
        metrics.EVENTS.labels(e.type, e.reason, str(e.position)).inc()
        metrics.EVENTS_BY_SECTION.labels(e.type, section).inc()
    if store is not None:
        store.add(counts, now)
    return counts


def post_events() -> Response:
    """Take a batch of impressions or clicks: 204, or 4xx naming what is wrong
    (413 too large, 415 not JSON, 400 malformed, 422 invalid, 429 with Retry-After)."""
    events: Events = current_app.extensions[EXTENSION]
    settings = events.settings
    wait = events.limiter.hit(client_address(settings.trusted_proxy_hops))
    if wait is not None:
        metrics.EVENTS_REFUSED.labels("rate_limited").inc()
        message = f"too many event requests; the limit is {settings.events_rate} per client"
        response = error_body(429, "rate_limited", message)
        response.headers["Retry-After"] = str(math.ceil(wait))
        return response
    try:
        batch = read_events(settings.events_max_bytes)
    except ApiError as exc:
        metrics.EVENTS_REFUSED.labels(exc.code).inc()
        raise
    count(batch, events.store, datetime.now(UTC))
    return Response(status=204)


def register(app: Flask, settings: Settings) -> None:
    """`POST /v1/events` (when `events_enabled`), with its state in `app.extensions`."""
    if not settings.events_enabled:
        return
    app.extensions[EXTENSION] = Events(settings)
    app.add_url_rule("/v1/events", ENDPOINT, post_events, methods=["POST"])


def since(hours: int, now: datetime | None = None) -> list[datetime]:
    """The hours (UTC, on the hour) of the last `hours` hours, oldest first."""
    end = (now or datetime.now(UTC)).astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    return [end - timedelta(hours=h) for h in range(hours - 1, -1, -1)]


def read_counts(client: redis.Redis, prefix: str, hours: list[datetime]) -> Counter[Key]:
    """The counts of the given hours, summed (for `morelike report`)."""
    pipe = client.pipeline(transaction=False)
    for hour in hours:
        pipe.hgetall(hour_key(prefix, hour))
    total: Counter[Key] = Counter()
    for fields in pipe.execute():
        for field, value in fields.items():
            total[key_of(field)] += int(value)
    return total
