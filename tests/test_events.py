"""`POST /v1/events` and `morelike report`: validation, rate limiting, no personal data,
counts in Prometheus and in a real Redis (and what happens when it is down), the report."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from click.testing import CliRunner
from prometheus_client import REGISTRY

from service.events import field_of, hour_key
from service.report import from_metrics, hours_of, render, report_cmd
from tests.fixtures_service import RedisProcess, RedisTarget

LIST = "0123456789abcdef"


def event(**changes: Any) -> dict[str, Any]:
    """A valid click on the first card under space-1, with `changes`."""
    base = {"type": "click", "article": "space-1", "item": "space-2", "position": 1,
            "reason": "similar", "list_id": LIST}  # fmt: skip
    return {**base, **changes}


def beacon(client: Any, body: Any, **headers: str) -> Any:
    """POST as navigator.sendBeacon does: a JSON text as text/plain."""
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post("/v1/events", data=data, content_type="text/plain;charset=UTF-8",
                       headers=headers)  # fmt: skip


def counted(kind: str, reason: str, position: int) -> float:
    return (
        REGISTRY.get_sample_value(
            "morelike_events_total", {"type": kind, "reason": reason, "position": str(position)}
        )
        or 0.0
    )


def test_a_batch_is_counted_by_type_reason_and_position(client: Any) -> None:
    before = counted("impression", "related", 2), counted("click", "similar", 1)
    impressions = [event(type="impression", position=p, reason=r)
                   for p, r in [(1, "similar"), (2, "related"), (3, "related")]]  # fmt: skip
    assert beacon(client, {"events": impressions}).status_code == 204
    assert beacon(client, event()).status_code == 204  # one event needs no wrapper
    response = client.post("/v1/events", json={"events": [event()]})  # application/json too
    assert response.status_code == 204 and response.get_data() == b""
    assert counted("impression", "related", 2) == before[0] + 1
    assert counted("click", "similar", 1) == before[1] + 2
    section = REGISTRY.get_sample_value(
        "morelike_events_by_section_total", {"type": "click", "section": "science"}
    )
    assert section is not None and section >= 2


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        ("not json", 400, "not valid JSON"),
        ([event()], 422, "a JSON object"),
        ({"events": []}, 422, "events"),
        ({"events": [event()] * 51}, 422, "events"),
        (event(type="view"), 422, "events.0.type"),
        (event(position=0), 422, "events.0.position"),
        (event(position="1"), 422, "events.0.position"),
        (event(reason="paid"), 422, "events.0.reason"),
        (event(list_id="<script>"), 422, "events.0.list_id"),
        (event(item=""), 422, "events.0.item"),
        (event(ip="203.0.113.9"), 422, "events.0.ip"),
        ({k: v for k, v in event().items() if k != "article"}, 422, "events.0.article"),
    ],
)
def test_bad_events_are_refused_naming_what_is_wrong(
    client: Any, body: Any, status: int, says: str
) -> None:
    response = beacon(client, body)
    assert response.status_code == status
    error = response.get_json()["error"]
    assert says in error["message"]
    assert response.headers["Cache-Control"] == "no-store"


def test_oversized_and_other_bodies_are_refused(client: Any) -> None:
    big = {"events": [event(item="x" * 500)] * 20}  # about 11 kB
    response = beacon(client, big)
    assert response.status_code == 413 and "8192" in response.get_json()["error"]["message"]
    form = client.post("/v1/events", data={"a": "1"})
    assert form.status_code == 415
    assert client.get("/v1/events").status_code == 405


def test_events_are_rate_limited_per_client(make_app: Any) -> None:
    client = make_app(events_rate="3/minute", trusted_proxy_hops=1).test_client()
    for _ in range(3):
        assert beacon(client, event(), **{"X-Forwarded-For": "198.51.100.7"}).status_code == 204
    limited = beacon(client, event(), **{"X-Forwarded-For": "198.51.100.7"})
    assert limited.status_code == 429
    assert limited.get_json()["error"]["code"] == "rate_limited"
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert "198.51.100.7" not in limited.get_data(as_text=True)
    other = beacon(client, event(), **{"X-Forwarded-For": "198.51.100.8"})
    assert other.status_code == 204  # another reader is not held back


def test_forwarded_for_is_ignored_without_a_trusted_proxy(make_app: Any) -> None:
    """Otherwise a client could name a new address on every request and never be limited."""
    client = make_app(events_rate="2/minute").test_client()
    codes = [beacon(client, event(), **{"X-Forwarded-For": f"198.51.100.{i}"}).status_code
             for i in range(3)]  # fmt: skip
    assert codes == [204, 204, 429]


def test_counts_go_to_redis_by_hour_with_no_personal_data(
    make_app: Any, redis_target: RedisTarget
) -> None:
    client = make_app(redis_url=redis_target.url, key_prefix=redis_target.prefix).test_client()
    impressions = [event(type="impression", position=p) for p in (1, 2)]
    headers = {"User-Agent": "Reader/1.0", "Cookie": "session=secret-cookie",
               "X-Forwarded-For": "203.0.113.50"}  # fmt: skip
    assert beacon(client, {"events": impressions}, **headers).status_code == 204
    response = beacon(client, {"events": [event(), event(article="nope")]}, **headers)
    assert response.status_code == 204 and "Set-Cookie" not in response.headers
    key = hour_key(redis_target.prefix, datetime.now(UTC))
    assert redis_target.saved_keys() == [key]
    stored = redis_target.client.hgetall(key)
    assert stored == {
        field_of(("impression", "science", 1, "similar")): b"1",
        field_of(("impression", "science", 2, "similar")): b"1",
        field_of(("click", "science", 1, "similar")): b"1",
        field_of(("click", "(unknown)", 1, "similar")): b"1",
    }
    assert 0 < redis_target.client.ttl(key) <= 90 * 86_400
    everything = repr(stored)
    for personal in ("203.0.113", "Reader", "secret-cookie", "127.0.0.1"):
        assert personal not in everything


def test_redis_down_never_fails_an_event(make_app: Any, private_redis: RedisProcess) -> None:
    client = make_app(redis_url=private_redis.url, redis_timeout=0.2).test_client()
    assert beacon(client, event()).status_code == 204
    private_redis.stop()
    before = counted("click", "similar", 1)
    assert beacon(client, event()).status_code == 204
    assert beacon(client, event()).status_code == 204  # backing off: not even tried
    assert counted("click", "similar", 1) == before + 2  # Prometheus still counts


def test_report_prints_ctr_from_redis(make_app: Any, redis_target: RedisTarget) -> None:
    client = make_app(redis_url=redis_target.url, key_prefix=redis_target.prefix).test_client()
    seen = [event(type="impression", position=p, reason="similar" if p < 3 else "related")
            for p in (1, 2, 3, 4)]  # fmt: skip
    for _ in range(5):
        beacon(client, {"events": seen})
    beacon(client, {"events": [event(position=1), event(position=1), event(position=3,
           reason="related")]})  # fmt: skip
    args = ["--redis-url", redis_target.url, "--key-prefix", redis_target.prefix, "--since", "24h"]
    result = CliRunner().invoke(report_cmd, args)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Events ") and "UTC" in lines[0]
    rows = {tuple(line.split()[:1]): line.split() for line in lines if line.strip()}
    assert rows[("1",)] == ["1", "5", "2", "40.0%"]
    assert rows[("2",)] == ["2", "5", "0", "0.0%"]
    assert rows[("3",)] == ["3", "5", "1", "20.0%"]
    assert rows[("similar",)] == ["similar", "10", "2", "20.0%"]
    assert rows[("related",)] == ["related", "10", "1", "10.0%"]
    assert rows[("science",)] == ["science", "20", "3", "15.0%"]
    assert "position" in result.output and "reason" in result.output and "section" in result.output


def test_report_reads_the_metrics_without_redis(client: Any) -> None:
    beacon(client, {"events": [event(type="impression"), event()]})
    counts = from_metrics(client.get("/metrics").get_data(as_text=True))
    table = render(counts)
    assert "impressions" in table and "CTR" in table and "science" in table
    position_one = next(line for line in table.splitlines() if line.split()[:1] == ["1"])
    assert int(position_one.split()[1]) >= 1 and int(position_one.split()[2]) >= 1


def test_report_says_what_is_missing() -> None:
    runner = CliRunner()
    result = runner.invoke(report_cmd, [], env={"MORELIKE_REDIS_URL": ""})
    assert result.exit_code == 2 and "MORELIKE_REDIS_URL" in result.output
    bad = runner.invoke(report_cmd, ["--since", "a week", "--redis-url", "redis://x"])
    assert bad.exit_code == 2 and "24h or 7d" in bad.output
    down = runner.invoke(
        report_cmd, ["--redis-url", "redis://:hunter2@127.0.0.1:1/0", "--since", "1h"]
    )
    assert down.exit_code == 2 and "cannot read" in down.output
    assert "hunter2" not in down.output  # credentials never shown


def test_periods() -> None:
    assert hours_of("24h") == 24 and hours_of("7d") == 168
    for wrong in ("0d", "7w", "", "-1h"):
        with pytest.raises(Exception, match="24h or 7d"):
            hours_of(wrong)
