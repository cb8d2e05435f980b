"""The response cache: an in-process LRU in front of an optional shared Redis.

Keys carry the snapshot version, so a new snapshot invalidates everything
without a flush, and every entry has a TTL. Redis being down, slow or flushed
never fails a request: a Redis error marks it down for a back-off period (short
socket timeouts bound the cost of finding out), during which the service goes
straight to computation and the local LRU. Concurrent misses for one key
compute once: threads of a worker wait for the first (`SingleFlight`), and
workers or replicas sharing Redis wait on a short Redis lock.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from service import metrics

logger = logging.getLogger(__name__)

LOCK_TTL_MS = 2_000  # a leader that dies frees its lock after this long
POLL_SECONDS = 0.005

T = TypeVar("T")
V = TypeVar("V")


class LocalCache(Generic[V]):
    """A thread-safe LRU with a TTL per entry."""

    def __init__(self, size: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.size = size
        self._clock = clock
        self._data: OrderedDict[str, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> V | None:
        """The value, or None when absent or expired."""
        with self._lock:
            hit = self._data.get(key)
            if hit is None:
                return None
            if hit[0] <= self._clock():
                del self._data[key]
                return None
            self._data.move_to_end(key)
            return hit[1]

    def set(self, key: str, value: V, ttl: float) -> None:
        """Store `value` for `ttl` seconds, evicting the least recently used past `size`."""
        if self.size <= 0:
            return
        with self._lock:
            self._data[key] = (self._clock() + ttl, value)
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def clear(self) -> None:
        """Drop everything."""
        with self._lock:
            self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


class RedisStore:
    """Redis access that never raises: errors mark it down and back off before retrying."""

    def __init__(
        self, url: str, *, timeout: float, backoff_max: float, backoff_min: float = 0.5
    ) -> None:
        self.url = url
        self.client = redis.Redis.from_url(
            url,
            socket_timeout=timeout,
            socket_connect_timeout=timeout,
            retry=Retry(NoBackoff(), 0),  # the default retries for seconds; we back off instead
            health_check_interval=0,
        )
        self.backoff_min = min(backoff_min, backoff_max)
        self.backoff_max = backoff_max
        self._backoff = 0.0
        self._down_until = 0.0
        self._lock = threading.Lock()
        metrics.REDIS_UP.set(1)

    @property
    def up(self) -> bool:
        """False while backing off after an error."""
        return self._backoff == 0.0

    def usable(self) -> bool:
        """Whether to try Redis now: up, or down but the back-off has run out."""
        return self._backoff == 0.0 or time.monotonic() >= self._down_until

    def _failed(self, op: str, exc: Exception) -> None:
        metrics.CACHE_ERRORS.labels(op).inc()
        with self._lock:
            was_up = self._backoff == 0.0
            self._backoff = min(self.backoff_max, max(self.backoff_min, self._backoff * 2))
            self._down_until = time.monotonic() + self._backoff
        metrics.REDIS_UP.set(0)
        if was_up:
            logger.warning(
                "redis %s failed (%s); computing without it, retry in %.1fs", op, exc, self._backoff
            )
        else:
            logger.debug("redis still down (%s); next retry in %.1fs", exc, self._backoff)

    def _ok(self) -> None:
        if self._backoff:
            with self._lock:
                self._backoff = 0.0
            metrics.REDIS_UP.set(1)
            logger.info("redis is back")

    def get(self, key: str) -> bytes | None:
        """The value, or None when absent or when Redis cannot answer."""
        if not self.usable():
            return None
        try:
            value = self.client.get(key)
        except (redis.RedisError, OSError) as exc:
            self._failed("get", exc)
            return None
        self._ok()
        return value

    def set(self, key: str, value: bytes, ttl: int) -> None:
        """Store with a TTL; failures are counted and otherwise ignored."""
        if not self.usable():
            return
        try:
            self.client.set(key, value, ex=ttl)
        except (redis.RedisError, OSError) as exc:
            self._failed("set", exc)
            return
        self._ok()

    def lock(self, key: str, token: str) -> bool | None:
        """Take the compute lock for `key`: True, False (someone has it), None (no Redis)."""
        if not self.usable():
            return None
        try:
            taken = self.client.set(key, token, nx=True, px=LOCK_TTL_MS)
        except (redis.RedisError, OSError) as exc:
            self._failed("lock", exc)
            return None
        self._ok()
        return bool(taken)

    def unlock(self, key: str) -> None:
        """Release a lock this worker took (it expires by itself anyway)."""
        if not self.usable():
            return
        try:
            self.client.delete(key)
        except (redis.RedisError, OSError) as exc:
            self._failed("unlock", exc)

    def exists(self, key: str) -> bool:
        """Whether a key (a lock) is still there; False when Redis cannot answer."""
        if not self.usable():
            return False
        try:
            return bool(self.client.exists(key))
        except (redis.RedisError, OSError) as exc:
            self._failed("exists", exc)
            return False

    def ping(self) -> bool:
        """A health check for /readyz that honours the back-off."""
        if not self.usable():
            return False
        try:
            self.client.ping()
        except (redis.RedisError, OSError) as exc:
            self._failed("ping", exc)
            return False
        self._ok()
        return True


@dataclass
class _Call(Generic[T]):
    done: threading.Event = field(default_factory=threading.Event)
    value: T | None = None
    error: BaseException | None = None


class SingleFlight(Generic[T]):
    """Concurrent calls for one key inside a process run the function once."""

    def __init__(self) -> None:
        self._calls: dict[str, _Call[T]] = {}
        self._lock = threading.Lock()

    def do(self, key: str, fn: Callable[[], T]) -> tuple[T, bool]:
        """Run `fn` or wait for the call already running; returns (value, shared)."""
        with self._lock:
            call = self._calls.get(key)
            leader = call is None
            if call is None:
                call = self._calls[key] = _Call[T]()
        if not leader:
            call.done.wait()
            if call.error is not None:
                raise call.error
            assert call.value is not None
            return call.value, True
        try:
            call.value = fn()
            return call.value, False
        except BaseException as exc:
            call.error = exc
            raise
        finally:
            with self._lock:
                del self._calls[key]
            call.done.set()


class ResponseCache:
    """Serialized responses by key: local LRU, then Redis, then computation (once)."""

    def __init__(
        self, local: LocalCache[bytes], store: RedisStore | None, ttl: int, prefix: str
    ) -> None:
        self.local = local
        self.store = store
        self.ttl = ttl
        self.prefix = prefix
        self.flight: SingleFlight[tuple[bytes, str]] = SingleFlight()
        # request URL (with the snapshot version) -> key of its answer, for
        # answers this process already validated and resolved (`hot`)
        self.aliases: LocalCache[str] = LocalCache(local.size)

    def remember(self, alias: str, key: str) -> None:
        """Note that the request `alias` is answered by the entry at `key`."""
        self.aliases.set(alias, key, self.ttl)

    def hot(self, alias: str, fresh: Callable[[bytes], bool]) -> bytes | None:
        """The local entry a remembered request maps to, while it is still fresh.

        Lets a repeated request skip what made its key (validation, ranking
        resolution): same URL, same snapshot and settings give the same key.
        """
        key = self.aliases.get(alias)
        return self._local_hit(key, fresh) if key is not None else None

    def _local_hit(self, key: str, fresh: Callable[[bytes], bool] | None) -> bytes | None:
        """This process's entry at `key` when it is there and fresh (counted as a hit)."""
        value = self.local.get(key)
        if value is None or (fresh is not None and not fresh(value)):
            return None
        metrics.LOCAL_HITS.inc()
        return value

    def key(self, *parts: str) -> str:
        """A namespaced key from its parts (version, id, parameter hash)."""
        return self.prefix + ":".join(parts)

    def get_or_compute(
        self,
        key: str,
        compute: Callable[[], bytes],
        fresh: Callable[[bytes], bool] | None = None,
    ) -> tuple[bytes, str]:
        """The cached value or a freshly computed one, and where it came from.

        The source is `local`, `redis`, `computed` or `shared` (another caller
        computed it while this one waited). A cached value that `fresh` says is
        out of date (it shows an article changed since) counts as a miss and is
        replaced, locally and in Redis: only the lists a change touches are
        recomputed, not the whole cache.
        """
        value = self._local_hit(key, fresh)
        if value is not None:
            return value, "local"
        (value, source), shared = self.flight.do(key, lambda: self._fill(key, compute, fresh))
        return value, "shared" if shared else source

    def _fill(
        self, key: str, compute: Callable[[], bytes], fresh: Callable[[bytes], bool] | None
    ) -> tuple[bytes, str]:
        value = self._from_store(key)
        if value is not None and fresh is not None and not fresh(value):
            value = None
        source = "redis"
        if value is None:
            value, source = self._compute_once(key, compute, fresh)
        metrics.CACHE_LOOKUPS.labels("redis" if source == "redis" else "miss").inc()
        self.local.set(key, value, self.ttl)
        return value, source

    def _from_store(self, key: str) -> bytes | None:
        return self.store.get(key) if self.store is not None else None

    def _compute_once(
        self, key: str, compute: Callable[[], bytes], fresh: Callable[[bytes], bool] | None
    ) -> tuple[bytes, str]:
        """Compute, holding a Redis lock so other workers wait for this result."""
        store = self.store
        if store is None:
            return compute(), "computed"
        lock_key = key + ":lock"
        token = f"{os.getpid()}:{threading.get_ident()}"
        taken = store.lock(lock_key, token)
        if taken is False:
            waited = self._wait_for(key, lock_key, fresh)
            if waited is not None:
                return waited, "redis"
        try:
            value = compute()
            store.set(key, value, self.ttl)
            return value, "computed"
        finally:
            if taken:
                store.unlock(lock_key)

    def _wait_for(
        self, key: str, lock_key: str, fresh: Callable[[bytes], bool] | None
    ) -> bytes | None:
        """Poll for another worker's result until its lock goes away or expires."""
        assert self.store is not None
        deadline = time.monotonic() + LOCK_TTL_MS / 1000
        while time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            value = self.store.get(key)
            if value is not None and (fresh is None or fresh(value)):
                return value
            if not self.store.exists(lock_key):
                value = self.store.get(key)
                return value if value is not None and (fresh is None or fresh(value)) else None
        return None
