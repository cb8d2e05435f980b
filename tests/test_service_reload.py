"""Snapshot reload: swap on a new CURRENT, skip a broken snapshot, and rebuild under load."""

from __future__ import annotations

import json
import shutil
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from prometheus_client import REGISTRY

from indexer.snapshot import MANIFEST, current_version, publish, snapshots_dir
from service.snapshots import SnapshotHolder
from tests.conftest import SMALL_CORPUS, build_into

IDS = ["space-1", "football-2", "phones-3", "baking-4"]


def marked_corpus(path: Path, mark: str) -> Path:
    """The small corpus with `mark` appended to every title."""
    with SMALL_CORPUS.open() as src, path.open("w") as out:
        for line in src:
            record = json.loads(line)
            record["title"] += mark
            out.write(json.dumps(record) + "\n")
    return path


def test_swap_keeps_in_flight_snapshot_usable(data_dir_copy: Path, embedder: Any) -> None:
    holder = SnapshotHolder(data_dir_copy, interval=3600)
    try:
        old = holder.get()
        report = build_into(SMALL_CORPUS, data_dir_copy, embedder)
        assert holder.check()
        new = holder.get()
        assert new.version == report.version != old.version
        # a request that took the old snapshot before the swap finishes on it
        assert old.article("space-1") is not None
        assert old.row_of("space-1") is not None
        assert not holder.check()  # nothing new
    finally:
        holder.stop()


def test_forked_worker_checks_current_before_serving(data_dir_copy: Path, embedder: Any) -> None:
    holder = SnapshotHolder(data_dir_copy, interval=3600)
    holder.check()  # what the gunicorn master does before forking
    report = build_into(SMALL_CORPUS, data_dir_copy, embedder)
    try:
        # the first use in a (new) process loads what CURRENT names at once
        assert holder.get().version == report.version
    finally:
        holder.stop()


def break_snapshot(data_dir: Path) -> str:
    """Publish a copy of the current snapshot with its FAISS index missing."""
    current = current_version(data_dir)
    assert current is not None
    bad_version = current[:-6] + "broken"
    bad = snapshots_dir(data_dir) / bad_version
    shutil.copytree(snapshots_dir(data_dir) / current, bad)
    manifest = json.loads((bad / MANIFEST).read_text())
    manifest["version"] = bad_version
    (bad / MANIFEST).write_text(json.dumps(manifest))
    (bad / "index.faiss").unlink()
    publish_anyway(data_dir, bad_version)
    return bad_version


def publish_anyway(data_dir: Path, version: str) -> None:
    """Point CURRENT at a version even if it would not load (publish() refuses that)."""
    (data_dir / "CURRENT").write_text(version + "\n")


def test_broken_snapshot_is_skipped_and_old_one_serves(
    make_app: Any, data_dir_copy: Path, embedder: Any, caplog: pytest.LogCaptureFixture
) -> None:
    app = make_app(data_dir=data_dir_copy)
    client = app.test_client()
    holder = app.extensions["morelike"].holder
    good = client.get("/v1/snapshot").get_json()["version"]
    failures = REGISTRY.get_sample_value("morelike_snapshot_loads_total", {"result": "failed"})
    bad = break_snapshot(data_dir_copy)
    assert not holder.check()
    assert f"snapshot {bad} failed to load" in caplog.text
    assert client.get("/v1/articles/space-1/related").get_json()["snapshot"] == good
    assert client.get("/readyz").status_code == 200
    after = REGISTRY.get_sample_value("morelike_snapshot_loads_total", {"result": "failed"})
    assert (after or 0) > (failures or 0)
    # a good build afterwards is picked up
    report = build_into(SMALL_CORPUS, data_dir_copy, embedder)
    publish(data_dir_copy, report.version)
    assert holder.check()
    assert client.get("/v1/snapshot").get_json()["version"] == report.version


def fetch(url: str) -> tuple[int, dict[str, Any] | None]:
    """Status and JSON body of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, None
    except OSError:
        return 0, None


def test_rebuild_under_load_zero_failures_no_mixing(
    live_server: Any, data_dir_copy: Path, embedder: Any, tmp_path: Path
) -> None:
    """gunicorn, 2 workers, requests running while a rebuild publishes a new snapshot."""
    server = live_server(data_dir_copy, workers=2, threads=2, reload_interval=0.2,
                         ready="/readyz")  # fmt: skip
    old = current_version(data_dir_copy)
    stop = threading.Event()
    results: list[tuple[int, dict[str, Any] | None]] = []
    lock = threading.Lock()

    def hammer(n: int) -> None:
        i = n
        while not stop.is_set():
            params = f"?limit={1 + i % 4}&exclude=x{i % 7}"
            got = fetch(f"{server.base}/v1/articles/{IDS[i % len(IDS)]}/related{params}")
            with lock:
                results.append(got)
            i += 1

    threads = [threading.Thread(target=hammer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    try:
        time.sleep(1.0)
        report = build_into(marked_corpus(tmp_path / "v2.jsonl", " [v2]"), data_dir_copy, embedder)
        new = report.version
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # until both workers answer from the new one
            time.sleep(0.5)
            with lock:
                recent = [body["snapshot"] for _, body in results[-40:] if body]
            if recent and set(recent) == {new}:
                break
    finally:
        stop.set()
        for t in threads:
            t.join()

    statuses = Counter(status for status, _ in results)
    assert statuses == {200: len(results)}, statuses
    seen = Counter(body["snapshot"] for _, body in results if body)
    assert set(seen) == {old, new}, seen
    for _, body in results:
        assert body is not None
        marked = body["snapshot"] == new
        titles = [body["article"]["title"]] + [item["title"] for item in body["items"]]
        assert all(t.endswith(" [v2]") == marked for t in titles), body
    assert fetch(server.base + "/readyz")[1]["snapshot"]["version"] == new  # type: ignore[index]
