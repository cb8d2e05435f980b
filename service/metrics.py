"""Prometheus metrics, correct across gunicorn workers.

Under gunicorn, `PROMETHEUS_MULTIPROC_DIR` is set (by
`service.gunicorn_conf.prepare_process`) before any worker imports this module: every worker
writes its values to files there and `/metrics` merges them. A dead worker's
files are marked by the `child_exit` hook. Without the variable (tests, a
single process) the default registry is used.

Gauges are merged over live processes (`live*` modes), and only workers count:
the master, which imports everything before forking and serves nothing, drops
its own gauge files when it starts (`forget_master`), and every worker sets
each gauge when it starts, so no 0 from a process that never set it leaks
into a `livemin`.
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client import multiprocess as _multiprocess

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"

REQUESTS = Counter(
    "morelike_http_requests_total", "HTTP requests answered", ["endpoint", "method", "status"]
)
LATENCY = Histogram(
    "morelike_http_request_seconds",
    "Time to answer an HTTP request",
    ["endpoint"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0),
)
CACHE_LOOKUPS = Counter(
    "morelike_cache_lookups_total",
    "Related-list lookups by where the answer came from (local, redis, miss)",
    ["result"],
)
LOCAL_HITS = CACHE_LOOKUPS.labels("local")  # bound once: the hot path counts every hit
CACHE_ERRORS = Counter(
    "morelike_cache_errors_total", "Redis operations that failed or timed out", ["op"]
)
REDIS_UP = Gauge(
    "morelike_redis_up",
    "1 while every worker reaches Redis (0 if one is backing off, or none is configured)",
    multiprocess_mode="livemin",
)
COMPUTED = Counter(
    "morelike_related_computed_total", "Related lists computed (cache misses)", ["source"]
)
SNAPSHOT_RELOADS = Counter(
    "morelike_snapshot_loads_total", "Snapshot loads by a worker", ["result"]
)
SNAPSHOT_ARTICLES = Gauge(
    "morelike_snapshot_articles", "Articles in the loaded snapshot", multiprocess_mode="livemax"
)
SNAPSHOT_LOADED_AT = Gauge(
    "morelike_snapshot_loaded_timestamp_seconds",
    "When the oldest snapshot still served by a worker was loaded",
    multiprocess_mode="livemin",
)
MODEL_LOADED = Gauge(
    "morelike_model_loaded",
    "1 when every worker has loaded the embedding model",
    multiprocess_mode="livemin",
)

# Events from the block on the page (service/events.py); every label is validated, so bounded.
EVENTS = Counter(
    "morelike_events_total",
    "Impressions and clicks of related cards, by position and reason",
    ["type", "reason", "position"],
)
EVENTS_BY_SECTION = Counter(
    "morelike_events_by_section_total",
    "Impressions and clicks of related cards, by the section of the article they were under",
    ["type", "section"],
)
EVENTS_REFUSED = Counter(
    "morelike_events_refused_total",
    "Event requests refused (rate_limited, too_large, malformed, invalid, unsupported_type)",
    ["reason"],
)


SERVED_ENDPOINTS = ("v1.related_get", "v1.related_post", "v1.article_get", "healthz", "readyz")


def start_series() -> None:
    """Create this process's request series at zero, before its first request.

    The usual Prometheus advice (a series that exists reads 0, not absent), and
    in multiprocess mode the first value of a process opens its files: done
    here, at worker start, not inside a client's first request.
    """
    for endpoint in SERVED_ENDPOINTS:
        REQUESTS.labels(endpoint, "GET" if not endpoint.endswith("post") else "POST", "200").inc(0)
        LATENCY.labels(endpoint)
    for result in ("local", "redis", "miss"):
        CACHE_LOOKUPS.labels(result).inc(0)
    for source in ("indexed", "text"):
        COMPUTED.labels(source).inc(0)


def multiprocess_dir() -> str | None:
    """The shared metrics directory, when running under several processes."""
    return os.environ.get(MULTIPROC_ENV) or None


def render() -> tuple[bytes, str]:
    """The Prometheus text exposition of every worker's metrics, and its content type."""
    if multiprocess_dir():
        registry = CollectorRegistry()
        _multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


def forget_master(pid: int) -> None:
    """Drop the gunicorn master's gauge values (called from `on_starting`, before forking).

    The master imports the app (and so creates every gauge at 0) but never
    serves; left in place, its zeros would win every `livemin`.
    """
    mark_process_dead(pid)


def mark_process_dead(pid: int) -> None:
    """Drop a dead worker's live gauges (called from gunicorn's `child_exit`)."""
    if multiprocess_dir():
        _multiprocess.mark_process_dead(pid)
