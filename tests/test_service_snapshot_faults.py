"""Snapshots that cannot be read, two snapshots at once, gauges of workers only, cold start.

Issue 9, defects 3, 4, 5 and 8: a damaged `CURRENT` or manifest is one
`SnapshotError`, logged once, and the last good snapshot keeps serving; a new
worker serves the newest good snapshot, as its siblings do, never the master's
preloaded one; `/metrics` gauges come from workers only; a worker loads the
model and warms its snapshot before any request needs them.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import sqlite3
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from indexer.snapshot import (
    ARTICLES_FILE,
    MANIFEST,
    Snapshot,
    SnapshotError,
    current_version,
    load_current,
    read_manifest,
    snapshots_dir,
)
from service.ranking import view
from service.settings import Settings
from service.snapshots import SnapshotHolder
from tests.conftest import SMALL_CORPUS, build_into
from tests.test_service_reload import marked_corpus

BROKEN = "99991231T235959.999999Z-broken"  # sorts after every real version: the newest
FAULTS = ["bytes", "garbage", "manifest"]
LOGGED = {
    "bytes": "not UTF-8",
    "garbage": "no such snapshot directory",
    "manifest": "not a JSON",
    "missing": "CURRENT is missing",
}


def apply_fault(data_dir: Path, fault: str) -> None:
    """Damage the data dir: CURRENT with bad bytes, naming nothing or gone, or a `[]` manifest."""
    current = data_dir / "CURRENT"
    if fault == "missing":
        current.unlink()
    elif fault == "bytes":
        current.write_bytes(b"\xff\xfe")
    elif fault == "garbage":
        current.write_text("garbage\n")
    else:
        good = current_version(data_dir)
        assert good is not None
        shutil.copytree(snapshots_dir(data_dir) / good, snapshots_dir(data_dir) / BROKEN)
        (snapshots_dir(data_dir) / BROKEN / MANIFEST).write_text("[]")
        current.write_text(BROKEN + "\n")


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Messages logged at ERROR or above."""
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


# -- the reader: one SnapshotError that says what is wrong ---------------------


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"\xff\xfe", "not UTF-8"),
        (b"", "holds nothing"),
        (b"../../etc\n", "not a snapshot version"),
        (b"two\nlines\n", "not a snapshot version"),
        (b".tmp-20260101\n", "not a snapshot version"),
    ],
)
def test_unusable_current_is_a_snapshot_error(data_dir_copy: Path, content: bytes,
                                              says: str) -> None:  # fmt: skip
    (data_dir_copy / "CURRENT").write_bytes(content)
    with pytest.raises(SnapshotError, match=says) as caught:
        current_version(data_dir_copy)
    assert "CURRENT" in str(caught.value)
    with pytest.raises(SnapshotError):
        load_current(data_dir_copy)


def test_current_that_is_a_directory(data_dir_copy: Path) -> None:
    (data_dir_copy / "CURRENT").unlink()
    (data_dir_copy / "CURRENT").mkdir()
    with pytest.raises(SnapshotError, match="CURRENT: cannot be read"):
        current_version(data_dir_copy)


def test_current_naming_a_missing_snapshot(data_dir_copy: Path) -> None:
    (data_dir_copy / "CURRENT").write_text("garbage\n")
    assert current_version(data_dir_copy) == "garbage"  # a name: `rollback` can still replace it
    with pytest.raises(SnapshotError, match="'garbage'.*no such snapshot directory"):
        load_current(data_dir_copy)


def rewrite_manifest(path: Path, change: Any) -> None:
    """Replace the manifest with `change(manifest)` (or with `change` when it is a string)."""
    manifest = json.loads((path / MANIFEST).read_text())
    text = change if isinstance(change, str) else json.dumps(change(manifest))
    (path / MANIFEST).write_text(text)


def _without(key: str) -> Any:
    return lambda m: {k: v for k, v in m.items() if k != key}


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ("[]", "not a JSON object (got an array)"),
        ('"snapshot"', "not a JSON object (got a string)"),
        (_without("counts"), "counts: field required"),
        (_without("faiss"), "faiss: field required"),
        (lambda m: {**m, "files": []}, "files: input should be a valid dictionary"),
        (lambda m: {**m, "counts": {"articles": "20"}}, "counts.articles: input should be"),
        (lambda m: {**m, "faiss": {"exact": "yes"}}, "faiss.exact: input should be"),
        (lambda m: {**m, "version": "another"}, "copied or renamed"),
    ],
)
def test_manifest_of_the_wrong_shape(data_dir_copy: Path, change: Any, says: str) -> None:
    path = snapshots_dir(data_dir_copy) / str(current_version(data_dir_copy))
    rewrite_manifest(path, change)
    with pytest.raises(SnapshotError, match=f"{MANIFEST}|{path}") as caught:
        read_manifest(path)
    assert says in str(caught.value)
    with pytest.raises(SnapshotError):
        Snapshot(path)


def test_damaged_article_database_is_refused_at_load(data_dir_copy: Path) -> None:
    path = snapshots_dir(data_dir_copy) / str(current_version(data_dir_copy))
    size = (path / ARTICLES_FILE).stat().st_size
    (path / ARTICLES_FILE).write_bytes(b"\x00garbage" * (size // 8) + b"\x00" * (size % 8))
    with pytest.raises(SnapshotError, match=ARTICLES_FILE):
        Snapshot(path)


# -- the holder: keeps serving, logs once, new processes choose the newest good


@pytest.mark.parametrize("fault", [*FAULTS, "missing"])
def test_damage_keeps_the_snapshot_serving_and_is_logged_once(
    data_dir_copy: Path, caplog: pytest.LogCaptureFixture, fault: str
) -> None:
    holder = SnapshotHolder(data_dir_copy, interval=3600)
    try:
        good = holder.get().version
        apply_fault(data_dir_copy, fault)
        caplog.clear()
        for _ in range(5):  # five watcher intervals
            assert holder.check() is False
        assert holder.get().version == good
        assert len(errors(caplog)) == 1, errors(caplog)
        assert LOGGED[fault] in errors(caplog)[0]
        assert holder.problem is not None and str(data_dir_copy) not in holder.problem
    finally:
        holder.stop()


@pytest.mark.parametrize("fault", [*FAULTS, "missing"])
def test_new_worker_serves_the_newest_good_snapshot_not_the_masters(
    data_dir_copy: Path, embedder: Any, tmp_path: Path, fault: str
) -> None:
    holder = SnapshotHolder(data_dir_copy, interval=3600)
    master = current_version(data_dir_copy)
    holder.check()  # what the gunicorn master does before forking: it holds `master`
    newest = build_into(marked_corpus(tmp_path / "v2.jsonl", " [v2]"), data_dir_copy, embedder)
    apply_fault(data_dir_copy, fault)
    try:
        # the first use in a (new) process applies the rule: the newest snapshot that loads
        assert holder.get().version == newest.version != master
        article = holder.get().article("space-1")
        assert article is not None and article["title"].endswith(" [v2]")
    finally:
        holder.stop()


def test_fallback_never_goes_back_to_an_older_snapshot(data_dir_copy: Path, embedder: Any,
                                                       tmp_path: Path) -> None:  # fmt: skip
    older = current_version(data_dir_copy)
    newest = build_into(marked_corpus(tmp_path / "v2.jsonl", " [v2]"), data_dir_copy, embedder)
    holder = SnapshotHolder(data_dir_copy, interval=3600)
    try:
        assert holder.get().version == newest.version
        (data_dir_copy / "CURRENT").write_text("garbage\n")
        shutil.rmtree(snapshots_dir(data_dir_copy) / newest.version)  # e.g. pruned meanwhile
        assert not holder.check()
        assert holder.get().version == newest.version != older
    finally:
        holder.stop()


def test_no_snapshot_loads_is_503_without_paths(make_app: Any, data_dir_copy: Path) -> None:
    shutil.rmtree(snapshots_dir(data_dir_copy))
    (data_dir_copy / "CURRENT").write_bytes(b"\xff\xfe")
    client = make_app(data_dir=data_dir_copy).test_client()
    for url in ("/v1/snapshot", "/v1/articles/space-1/related", "/readyz"):
        response = client.get(url)
        assert response.status_code == 503, (url, response.data)
        assert str(data_dir_copy) not in response.get_data(as_text=True)
    message = client.get("/v1/snapshot").get_json()["error"]["message"]
    assert "CURRENT cannot be used" in message


# -- warming: a snapshot is ready before it is swapped in -----------------------


def test_new_snapshot_is_warmed_before_it_is_swapped_in(data_dir_copy: Path,
                                                        embedder: Any) -> None:  # fmt: skip
    holder = SnapshotHolder(data_dir_copy, interval=3600)
    seen: list[tuple[str, str | None]] = []

    def warm(snapshot: Snapshot) -> None:
        served = holder.loaded.snapshot.version if holder.loaded else None
        seen.append((snapshot.version, served))

    try:
        holder.start(warm=warm)
        first = holder.get().version
        report = build_into(SMALL_CORPUS, data_dir_copy, embedder)
        assert holder.check()
        assert seen == [(first, None), (report.version, first)]  # warmed while the old one served
    finally:
        holder.stop()


def test_snapshot_failing_its_warm_up_is_refused(
    data_dir_copy: Path, embedder: Any, caplog: pytest.LogCaptureFixture
) -> None:
    def warm(snapshot: Snapshot) -> None:
        if snapshot.version != first:
            raise sqlite3.DatabaseError("database disk image is malformed")

    holder = SnapshotHolder(data_dir_copy, interval=3600)
    first = str(current_version(data_dir_copy))
    try:
        holder.start(warm=warm)
        bad = build_into(SMALL_CORPUS, data_dir_copy, embedder).version
        caplog.clear()
        assert not holder.check() and not holder.check()
        assert holder.get().version == first
        assert len(errors(caplog)) == 1 and f"snapshot {bad} failed" in errors(caplog)[0]
    finally:
        holder.stop()


def test_warm_builds_what_the_first_requests_would(make_app: Any, data_dir_copy: Path) -> None:
    state = make_app(data_dir=data_dir_copy).extensions["morelike"]
    snapshot = state.holder.get()
    assert snapshot not in view._VIEWS and snapshot._terms is None
    state.warm_snapshot(snapshot)
    assert snapshot in view._VIEWS and snapshot._terms is not None
    assert view._VIEWS[snapshot].floors  # calibrated floors of the configured ranking


# -- real gunicorn: SIGKILL a worker, check the replacement ----------------------


def fetch(url: str, body: bytes | None = None) -> tuple[int, Any]:
    """Status and decoded JSON (or text) of a GET, or of a POST when `body` is given."""
    headers = {"Content-Type": "application/json"} if body is not None else {}
    request = urllib.request.Request(url, data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as resp:
            raw, status = resp.read(), resp.status
    except urllib.error.HTTPError as exc:
        raw, status = exc.read(), exc.code
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw.decode()


def worker_pids(master: int) -> list[int]:
    """Children of the gunicorn master."""
    return [int(p) for p in Path(f"/proc/{master}/task/{master}/children").read_text().split()]


def wait_for(condition: Any, timeout: float, what: str) -> Any:
    """Poll `condition()` until it is truthy; fail naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


def kill_one_worker(server: Any) -> int:
    """SIGKILL a worker; returns its replacement's pid once its start hook has logged."""
    before = worker_pids(server.proc.pid)
    os.kill(before[0], signal.SIGKILL)

    def replaced() -> int | None:
        new = [p for p in worker_pids(server.proc.pid) if p not in before]
        if not new:
            return None
        # the boot line, then anything else: the start hook has run
        lines = [line for line in server.output().splitlines() if f"[{new[0]}] " in line]
        return new[0] if len(lines) >= 2 else None

    pid: int = wait_for(replaced, 60, "a replacement worker")
    return pid


def served_versions(base: str, n: int) -> list[str]:
    """The snapshot of each of `n` related answers (each on a new connection)."""
    versions = []
    for i in range(n):
        status, body = fetch(f"{base}/v1/articles/space-{1 + i % 4}/related?limit={1 + i % 4}")
        assert status == 200, (status, body)
        versions.append(body["snapshot"])
    return versions


@pytest.mark.parametrize("fault", FAULTS)
def test_replacement_worker_serves_the_newest_good_snapshot(
    live_server: Any, data_dir_copy: Path, embedder: Any, tmp_path: Path, fault: str
) -> None:
    """2 workers; CURRENT moves on after the master preloaded, then breaks; a worker is killed."""
    server = live_server(data_dir_copy, workers=2, threads=2, reload_interval=0.2,
                         preload_model="false", ready="/readyz")  # fmt: skip
    newest = build_into(marked_corpus(tmp_path / "v2.jsonl", " [v2]"), data_dir_copy, embedder)
    wait_for(lambda: set(served_versions(server.base, 8)) == {newest.version}, 30,
             "both workers to serve the new build")  # fmt: skip
    apply_fault(data_dir_copy, fault)
    time.sleep(1.0)  # five watcher intervals for the surviving workers
    replacement = kill_one_worker(server)

    assert set(served_versions(server.base, 40)) == {newest.version}
    for _ in range(6):
        status, ready = fetch(server.base + "/readyz")
        assert status == 200 and ready["snapshot"]["version"] == newest.version, ready
    log = server.output()
    assert f"[{replacement}] INFO service.snapshots: serving snapshot {newest.version}" in log
    assert log.count(LOGGED[fault]) <= 3, log[-3000:]  # once per worker, not every 0.2 s
    assert "Traceback" not in log, log[-3000:]
    assert metric(fetch(server.base + "/metrics")[1], "morelike_model_loaded") == 0


def metric(text: str, name: str) -> float:
    """The value of an unlabelled sample `name` in a Prometheus text exposition."""
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[1])
    raise AssertionError(f"no sample {name}")


def test_model_loads_at_worker_start_by_default() -> None:
    assert Settings.model_fields["preload_model"].default is True  # POST is always on


def test_gauges_and_model_come_from_every_worker(
    live_server: Any, small_snapshot_dir: Path, redis_target: Any
) -> None:
    """Redis up, a real load time, the model loaded at start, also after a worker is replaced."""
    started = time.time()
    server = live_server(small_snapshot_dir, workers=2, threads=2, redis_url=redis_target.url,
                         key_prefix=redis_target.prefix, preload_model="true",
                         ready="/readyz")  # fmt: skip
    # a worker takes its first request once its model is warm: no answer says otherwise
    states = {fetch(server.base + "/readyz")[1]["model"] for _ in range(20)}
    assert states == {"loaded"}, states

    def model_everywhere() -> str | None:
        text = fetch(server.base + "/metrics")[1]
        return text if metric(text, "morelike_model_loaded") == 1 else None

    def gauges_right() -> bool:
        text = fetch(server.base + "/metrics")[1]
        loaded_at = metric(text, "morelike_snapshot_loaded_timestamp_seconds")
        return metric(text, "morelike_redis_up") == 1 and started - 5 < loaded_at <= time.time()

    wait_for(gauges_right, 15, "redis_up 1 and a real snapshot load time (not the master's 0)")
    wait_for(model_everywhere, 90, "every worker to load the model at start")
    began = time.monotonic()
    status, body = fetch(server.base + "/v1/related", b'{"title": "Rocket", "text": "A launch."}')
    assert status == 200 and body["items"], body
    assert time.monotonic() - began < 3.0  # not the 4-13 s of loading the model on first use

    replacement = kill_one_worker(server)
    wait_for(model_everywhere, 90, "the replacement to load the model")
    assert gauges_right()
    log = server.output()
    assert f"[{replacement}] INFO service.snapshots: warmed snapshot" in log

    # SIGTERM to the master alone, as tini or the kubelet sends it: workers that
    # hold a loaded model exit at once (an ONNX Runtime imported before fork
    # kept them alive until the 30 s graceful timeout)
    began = time.monotonic()
    os.kill(server.proc.pid, signal.SIGTERM)
    server.proc.wait(timeout=40)
    assert time.monotonic() - began < 10
