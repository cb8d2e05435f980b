"""Live updates against the real server: `morelike serve`, 2 workers, with and without Redis.

Every change is made through the admin API over a socket; then each semantic is
checked with many requests on fresh connections, so both workers answer.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SMALL_CORPUS, build_into
from tests.test_admin import AUTH, MOON, TOKEN

VISIBLE_WITHIN = 2.0  # seconds from the acknowledgement
REQUESTS = 16  # per check: new connections, shared by the two workers


def call(base: str, path: str, method: str = "GET", body: Any = None) -> tuple[int, Any]:
    """One request on its own connection; (status, decoded JSON)."""
    data = None if body is None else json.dumps(body).encode()
    headers = {"Connection": "close", **AUTH}
    if data is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def everywhere(base: str, check: Callable[[], bool]) -> float:
    """Seconds until `check` holds for REQUESTS requests in a row (fails after the limit)."""
    start = time.monotonic()
    while True:
        if all(check() for _ in range(REQUESTS)):
            return time.monotonic() - start
        assert time.monotonic() - start < VISIBLE_WITHIN + 1.0, "not served by every worker in time"
        time.sleep(0.05)


def related_ids(base: str, article: str, limit: int = 6) -> list[str]:
    status, body = call(base, f"/v1/articles/{article}/related?limit={limit}")
    assert status == 200, body
    return [item["id"] for item in body["items"]]


def run_semantics(base: str) -> None:
    """Publish, edit and delete, each seen by every worker within the limit."""
    # cache lists on both workers first, so the delete must invalidate cached ones
    for _ in range(REQUESTS):
        assert "space-3" in related_ids(base, "space-1")
    status, ack = call(base, "/v1/articles/moon-new", "PUT", MOON)
    assert status == 200, ack
    seconds = everywhere(base, lambda: call(base, "/v1/articles/moon-new/related")[0] == 200)
    assert seconds <= VISIBLE_WITHIN
    everywhere(base, lambda: "moon-new" in related_ids(base, "space-2", 10))
    status, _ = call(base, "/v1/articles/space-3", "DELETE")
    assert status == 200
    seconds = everywhere(base, lambda: "space-3" not in related_ids(base, "space-1"))
    assert seconds <= VISIBLE_WITHIN
    everywhere(base, lambda: call(base, "/v1/articles/space-3")[0] == 404)
    edited = {
        **MOON,
        "title": "Sourdough loaves rise overnight",
        "body": "Bakers feed the starter.",
    }
    call(base, "/v1/articles/baking-1", "PUT", {**edited, "section": "food"})
    everywhere(
        base, lambda: call(base, "/v1/articles/baking-1")[1]["article"]["title"] == edited["title"]
    )


def test_changes_reach_every_worker_without_redis(live_server: Any, data_dir_copy: Path) -> None:
    server = live_server(data_dir_copy, workers=2, threads=2, admin_token=TOKEN, ready="/readyz")
    run_semantics(server.base)
    server.stop()
    again = live_server(data_dir_copy, workers=2, threads=2, admin_token=TOKEN, ready="/readyz")
    for _ in range(REQUESTS):  # a restart keeps every acknowledged change
        assert call(again.base, "/v1/articles/moon-new")[0] == 200
        assert call(again.base, "/v1/articles/space-3")[0] == 404
        assert "space-3" not in related_ids(again.base, "space-1")


def test_changes_survive_the_loss_of_redis(
    live_server: Any, data_dir_copy: Path, private_redis: Any
) -> None:
    server = live_server(
        data_dir_copy,
        workers=2,
        threads=2,
        admin_token=TOKEN,
        redis_url=private_redis.url,
        ready="/readyz",
    )
    for _ in range(REQUESTS):  # lists cached in Redis and in both workers
        related_ids(server.base, "space-1")
    private_redis.stop()
    status, ack = call(server.base, "/v1/articles/space-3", "DELETE")
    assert status == 200, ack
    everywhere(server.base, lambda: "space-3" not in related_ids(server.base, "space-1"))
    private_redis.start()  # Redis back with lists computed before the delete: never served
    everywhere(server.base, lambda: "space-3" not in related_ids(server.base, "space-1"))


@pytest.mark.parametrize("with_redis", [False, True])
def test_controls_reach_every_worker(
    live_server: Any, data_dir_copy: Path, redis_target: Any, with_redis: bool
) -> None:
    extra = {"redis_url": redis_target.url, "key_prefix": redis_target.prefix} if with_redis else {}
    server = live_server(data_dir_copy, workers=2, threads=2, admin_token=TOKEN, **extra)
    status, _ = call(server.base, "/v1/articles/space-1/controls", "PUT", {"pinned": ["baking-2"]})
    assert status == 200
    everywhere(server.base, lambda: related_ids(server.base, "space-1")[0] == "baking-2")
    call(server.base, "/v1/articles/space-1/controls", "PUT", {"disabled": True})
    everywhere(server.base, lambda: related_ids(server.base, "space-1") == [])


def test_auth_errors_and_a_rebuild_folding_the_journal(
    live_server: Any, data_dir_copy: Path, embedder: Any
) -> None:
    server = live_server(data_dir_copy, workers=2, threads=2, admin_token=TOKEN, ready="/readyz")
    base = server.base
    for headers, status in (({}, 401), ({"Authorization": "Bearer wrong"}, 403)):
        request = urllib.request.Request(
            base + "/v1/articles/space-1", method="DELETE", headers=headers
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == status
        assert TOKEN not in refused.value.read().decode()
    assert call(base, "/v1/articles/space-1")[0] == 200  # nothing was deleted
    edited = {**MOON, "url": "https://example.test/baking-1"}
    assert call(base, "/v1/articles/baking-1", "PUT", edited)[0] == 200
    build_into(SMALL_CORPUS, data_dir_copy, embedder)  # the source, read after that edit
    assert call(base, "/v1/articles/moon-new", "PUT", MOON)[0] == 200  # after the build
    everywhere(
        base, lambda: call(base, "/v1/articles/baking-1")[1]["article"]["title"] != MOON["title"]
    )
    everywhere(base, lambda: call(base, "/v1/articles/moon-new")[0] == 200)
