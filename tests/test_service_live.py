"""Real HTTP against `morelike serve` (gunicorn): banner and curl, metrics across workers,
shared memory, the model loaded lazily, chunked bodies, and a malformed setting at start-up."""

from __future__ import annotations

import http.client
import json
import re
import subprocess
import urllib.request
from pathlib import Path
from typing import Any

from tests.fixtures_service import VENV_BIN


def get_json(url: str) -> Any:
    """GET and decode JSON."""
    with urllib.request.urlopen(url, timeout=10) as resp:
        return json.loads(resp.read())


def worker_pids(master: int) -> list[int]:
    """Children of the gunicorn master."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def metric(text: str, name: str, **labels: str) -> float:
    """Sum of the samples of `name` whose labels include `labels`."""
    total = 0.0
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        if all(f'{k}="{v}"' in line for k, v in labels.items()):
            total += float(line.rsplit(" ", 1)[1])
    return total


def test_serve_end_to_end(live_server: Any, small_snapshot_dir: Path) -> None:
    server = live_server(
        small_snapshot_dir, workers=2, threads=2, max_body_bytes=2048, ready="/readyz"
    )

    # the banner's curl line works as printed
    match = re.search(r"curl '([^']+)'", server.output())
    assert match, server.output()
    body = get_json(match.group(1))
    assert body["items"] and body["article"]["id"]

    # metrics are merged across both workers: every request is counted once
    n = 40
    for i in range(n):
        get_json(f"{server.base}/v1/articles/space-{1 + i % 4}/related?limit={1 + i % 3}")
    workers = worker_pids(server.proc.pid)
    assert len(workers) == 2
    with urllib.request.urlopen(server.base + "/metrics", timeout=10) as resp:
        text = resp.read().decode()
    served = metric(text, "morelike_http_requests_total", endpoint="v1.related_get", status="200")
    assert served == n + 1
    assert metric(text, "morelike_cache_lookups_total") == n + 1  # one lookup per request
    assert metric(text, "morelike_snapshot_articles") == 20

    # the snapshot is memory-mapped (shared page cache), the model is not loaded for GETs
    for pid in workers:
        maps = Path(f"/proc/{pid}/maps").read_text()
        assert "vectors.npy" in maps and "columns.npy" in maps
    ready = get_json(server.base + "/readyz")
    assert ready["model"] == "not loaded"
    assert ready["redis"] == "disabled"

    chunked_body_over_the_limit(server.port)


def chunked_body_over_the_limit(port: int) -> None:
    """A chunked body (no Content-Length) over the limit is 413 too."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    payload = json.dumps({"title": "x", "text": "word " * 2000}).encode()

    def chunks() -> Any:
        for i in range(0, len(payload), 1000):
            yield payload[i : i + 1000]

    conn.request(
        "POST",
        "/v1/related",
        body=chunks(),
        headers={"Content-Type": "application/json"},
        encode_chunked=True,
    )
    response = conn.getresponse()
    body = json.loads(response.read())
    assert response.status == 413
    assert body["error"]["code"] == "payload_too_large"
    conn.close()


def test_malformed_setting_stops_start_up(small_snapshot_dir: Path) -> None:
    result = subprocess.run(
        [str(VENV_BIN / "morelike"), "serve", "--data-dir", str(small_snapshot_dir)],
        env={"PATH": "/usr/bin:/bin", "MORELIKE_WORKERS": "many", "MORELIKE_CACHE_TTL": "-5"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "MORELIKE_WORKERS" in result.stderr and "MORELIKE_CACHE_TTL" in result.stderr
    assert "Traceback" not in result.stderr
