"""The response cache: LRU and single-flight units, then the app against a real Redis."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from prometheus_client import REGISTRY

from service import answers
from service.cache import LocalCache, SingleFlight
from service.ranking import RankingSettings
from tests.conftest import SMALL_CORPUS, build_into

URL = "/v1/articles/space-1/related"


def sample(name: str, **labels: str) -> float:
    """A metric's current value in this process (0 when never set)."""
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_local_cache_lru_and_ttl() -> None:
    now = [0.0]
    cache = LocalCache(2, clock=lambda: now[0])
    cache.set("a", b"1", ttl=10)
    cache.set("b", b"2", ttl=10)
    assert cache.get("a") == b"1"  # a is now the most recent
    cache.set("c", b"3", ttl=10)
    assert cache.get("b") is None and cache.get("a") == b"1" and cache.get("c") == b"3"
    now[0] = 10.5
    assert cache.get("a") is None and len(cache) == 1


def test_single_flight_runs_once_and_shares_errors() -> None:
    flight: SingleFlight[bytes] = SingleFlight()
    calls = []

    def slow() -> bytes:
        calls.append(1)
        time.sleep(0.2)
        return b"value"

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: flight.do("k", slow), range(8)))
    assert len(calls) == 1
    assert {r[0] for r in results} == {b"value"}
    assert sum(shared for _, shared in results) == 7

    def broken() -> bytes:
        time.sleep(0.1)
        raise ValueError("boom")

    def call(_: int) -> str:
        try:
            flight.do("e", broken)
        except ValueError as exc:
            return str(exc)
        return "no error"

    with ThreadPoolExecutor(4) as pool:
        assert set(pool.map(call, range(4))) == {"boom"}


def test_hit_miss_and_shared_across_workers(make_app: Any, redis_target: Any) -> None:
    settings = {"redis_url": redis_target.url, "key_prefix": redis_target.prefix}
    first = make_app(**settings).test_client()
    miss = first.get(URL)
    assert miss.status_code == 200 and miss.headers["X-Cache"] == "computed"
    keys = redis_target.saved_keys()
    assert len(keys) == 1
    version = miss.get_json()["snapshot"]
    assert keys[0].startswith(f"{redis_target.prefix}{version}:id:")
    assert 0 < redis_target.client.ttl(keys[0]) <= 3600
    assert first.get(URL).headers["X-Cache"] == "local"
    # another worker (its own in-process LRU) finds the answer in Redis
    second = make_app(**settings).test_client()
    hit = second.get(URL)
    assert hit.headers["X-Cache"] == "redis"
    assert hit.data == miss.data
    assert second.get("/readyz").get_json()["redis"] == "up"


def test_ttl(make_app: Any, redis_target: Any) -> None:
    client = make_app(
        redis_url=redis_target.url, key_prefix=redis_target.prefix, cache_ttl=1
    ).test_client()
    assert client.get(URL).headers["X-Cache"] == "computed"
    (key,) = redis_target.saved_keys()
    assert redis_target.client.ttl(key) in (0, 1)
    assert client.get(URL).headers["X-Cache"] == "local"
    time.sleep(1.3)
    assert redis_target.saved_keys() == []
    assert client.get(URL).headers["X-Cache"] == "computed"


def test_new_snapshot_invalidates_without_a_flush(
    make_app: Any, redis_target: Any, data_dir_copy: Path, embedder: Any
) -> None:
    app = make_app(data_dir=data_dir_copy, redis_url=redis_target.url,
                   key_prefix=redis_target.prefix)  # fmt: skip
    client = app.test_client()
    before = client.get(URL)
    assert client.get(URL).headers["X-Cache"] == "local"
    build_into(SMALL_CORPUS, data_dir_copy, embedder)
    assert app.extensions["morelike"].holder.check()
    after = client.get(URL)
    assert after.headers["X-Cache"] == "computed"
    assert after.get_json()["snapshot"] != before.get_json()["snapshot"]
    assert after.headers["ETag"] != before.headers["ETag"]
    versions = {
        k.removeprefix(redis_target.prefix).split(":")[0] for k in redis_target.saved_keys()
    }
    assert versions == {before.get_json()["snapshot"], after.get_json()["snapshot"]}


def test_flushed_redis_is_recomputed(make_app: Any, redis_target: Any) -> None:
    settings = {"redis_url": redis_target.url, "key_prefix": redis_target.prefix}
    make_app(**settings).test_client().get(URL)
    redis_target.clean()
    response = make_app(**settings).test_client().get(URL)
    assert response.status_code == 200 and response.headers["X-Cache"] == "computed"
    assert len(redis_target.saved_keys()) == 1


@pytest.fixture
def slow_compute(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Make every related computation take 0.3 s and count them."""
    calls: list[int] = []
    real = answers.related_for_row

    def slow(*args: Any, **kwargs: Any) -> bytes:
        calls.append(1)
        time.sleep(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(answers, "related_for_row", slow)
    yield calls


def test_concurrent_misses_compute_once(make_app: Any, slow_compute: list[int]) -> None:
    client_app = make_app()
    with ThreadPoolExecutor(8) as pool:
        responses = list(pool.map(lambda _: client_app.test_client().get(URL), range(8)))
    assert {r.status_code for r in responses} == {200}
    assert len({r.data for r in responses}) == 1
    assert len(slow_compute) == 1
    assert sorted(r.headers["X-Cache"] for r in responses).count("shared") == 7


def test_concurrent_misses_across_workers_compute_once(
    make_app: Any, redis_target: Any, slow_compute: list[int]
) -> None:
    settings = {"redis_url": redis_target.url, "key_prefix": redis_target.prefix}
    workers = [make_app(**settings) for _ in range(3)]
    with ThreadPoolExecutor(9) as pool:
        responses = list(pool.map(lambda i: workers[i % 3].test_client().get(URL), range(9)))
    assert {r.status_code for r in responses} == {200}
    assert len({r.data for r in responses}) == 1
    assert len(slow_compute) == 1


def test_redis_stopped_and_started_again(make_app: Any, private_redis: Any) -> None:
    app = make_app(redis_url=private_redis.url, redis_timeout=0.05, redis_backoff_max=0.3)
    client = app.test_client()
    store = app.extensions["morelike"].cache.store
    assert client.get(URL).headers["X-Cache"] == "computed"
    errors_before = sample("morelike_cache_errors_total", op="get")

    private_redis.stop()
    slowest = 0.0
    for limit in range(1, 11):
        start = time.perf_counter()
        response = client.get(URL, query_string={"limit": limit})
        slowest = max(slowest, time.perf_counter() - start)
        assert response.status_code == 200
        assert response.headers["X-Cache"] in ("computed", "local")
    assert slowest < 1.0
    assert sample("morelike_cache_errors_total", op="get") > errors_before
    assert not store.up
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.get_json()["redis"] == "down"

    private_redis.start()
    time.sleep(0.4)  # past the back-off
    response = client.get(URL, query_string={"limit": 20})
    assert response.status_code == 200
    assert store.up
    assert client.get("/readyz").get_json()["redis"] == "up"
    fresh = make_app(redis_url=private_redis.url).test_client()
    assert fresh.get(URL, query_string={"limit": 20}).headers["X-Cache"] == "redis"


def test_slow_redis_is_cut_off_by_the_socket_timeout(make_app: Any) -> None:
    """A server that accepts connections and never answers: requests still answer quickly."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        port = silent.getsockname()[1]
        client = make_app(redis_url=f"redis://127.0.0.1:{port}/0", redis_timeout=0.05).test_client()
        timings = []
        for limit in (1, 2, 3):
            start = time.perf_counter()
            assert client.get(URL, query_string={"limit": limit}).status_code == 200
            timings.append(time.perf_counter() - start)
        assert timings[0] < 1.0
        assert max(timings[1:]) < 0.5  # backing off: Redis is not even tried


def test_redis_down_at_start(make_app: Any) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = make_app(redis_url=f"redis://127.0.0.1:{port}/0").test_client()
    assert client.get(URL).status_code == 200
    assert client.get("/readyz").get_json()["redis"] == "down"


def test_threads_share_one_worker_cache(app: Any) -> None:
    barrier = threading.Barrier(4)

    def get(_: int) -> str:
        barrier.wait()
        return str(app.test_client().get(URL).headers["X-Cache"])

    with ThreadPoolExecutor(4) as pool:
        sources = list(pool.map(get, range(4)))
    assert sources.count("computed") == 1


def test_deployments_with_other_ranking_settings_never_share_lists(
    make_app: Any, redis_target: Any
) -> None:
    """Two deployments on one Redis and one prefix: each serves lists of its own settings."""
    shared = {"redis_url": redis_target.url, "key_prefix": redis_target.prefix}
    strict = make_app(**shared, ranking=RankingSettings(min_score=0.95)).test_client()
    defaults = make_app(**shared).test_client()
    strict_answer = strict.get(URL)
    assert strict_answer.headers["X-Cache"] == "computed"
    assert all(i["reason"] != "similar" for i in strict_answer.get_json()["items"])
    answer = defaults.get(URL)
    assert answer.headers["X-Cache"] == "computed"  # not the strict server's list
    assert any(i["reason"] == "similar" for i in answer.get_json()["items"])
    assert answer.headers["ETag"] != strict_answer.headers["ETag"]
    assert len(redis_target.saved_keys()) == 2
    # the same settings in another worker do share
    again = make_app(**shared, ranking=RankingSettings(min_score=0.95)).test_client()
    assert again.get(URL).headers["X-Cache"] == "redis"
