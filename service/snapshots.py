"""The live snapshot of one worker: watch `CURRENT`, load in the background, swap atomically.

A request takes `holder.get()` once and uses that snapshot to the end, so a swap
never mixes two snapshots in one response, and requests in flight finish on the
old one (it is freed when the last of them lets go). A snapshot that fails to
load is logged and skipped; the old one keeps serving and the failed version is
retried only after `RETRY_FAILED_SECONDS`.

The holder is fork-aware: gunicorn loads the app in its master (so the first
snapshot's pages are shared by every worker) and forks; the first use in a
worker checks `CURRENT` at once (a worker started after a reload must not serve
the older snapshot the master holds) and starts that worker's watcher thread.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from indexer.snapshot import Snapshot, SnapshotError, current_version, snapshots_dir
from service import metrics
from service.errors import NoSnapshot

logger = logging.getLogger(__name__)

RETRY_FAILED_SECONDS = 60.0


@dataclass(frozen=True)
class Loaded:
    """A snapshot and when this process loaded it."""

    snapshot: Snapshot
    loaded_at: float


class SnapshotHolder:
    """Holds the current snapshot of a data dir and keeps it up to date."""

    def __init__(self, data_dir: Path, interval: float = 2.0) -> None:
        self.data_dir = Path(data_dir)
        self.interval = interval
        self._loaded: Loaded | None = None
        self._load_lock = threading.Lock()
        self._failed: dict[str, tuple[float, str]] = {}
        self._pid: int | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- reading -----------------------------------------------------------
    def get(self) -> Snapshot:
        """The snapshot to answer this request with; `NoSnapshot` when none is loaded."""
        if self._pid != os.getpid():
            self._start_in_this_process()
        loaded = self._loaded
        if loaded is None:
            raise NoSnapshot(self.missing_reason())
        return loaded.snapshot

    @property
    def loaded(self) -> Loaded | None:
        """The loaded snapshot and its load time, if any."""
        return self._loaded

    def missing_reason(self) -> str:
        """Why there is no snapshot, for 503s and /readyz."""
        version = current_version(self.data_dir)
        if version is None:
            return f"no snapshot yet in {self.data_dir} (run `morelike build`)"
        failed = self._failed.get(version)
        if failed:
            return f"snapshot {version} failed to load: {failed[1]}"
        return f"snapshot {version} is loading"

    # -- loading -----------------------------------------------------------
    def check(self) -> bool:
        """Load the snapshot `CURRENT` names if it is not the one held; True when swapped."""
        version = current_version(self.data_dir)
        loaded = self._loaded
        if version is None or (loaded is not None and loaded.snapshot.version == version):
            return False
        failed = self._failed.get(version)
        if failed and time.monotonic() - failed[0] < RETRY_FAILED_SECONDS:
            return False
        with self._load_lock:
            loaded = self._loaded
            if loaded is not None and loaded.snapshot.version == version:
                return False
            return self._load(version)

    def _load(self, version: str) -> bool:
        start = time.perf_counter()
        try:
            snapshot = Snapshot(snapshots_dir(self.data_dir) / version)
        except (SnapshotError, OSError) as exc:
            self._failed[version] = (time.monotonic(), str(exc))
            metrics.SNAPSHOT_RELOADS.labels("failed").inc()
            served = self._loaded.snapshot.version if self._loaded else "nothing"
            logger.error("snapshot %s failed to load, still serving %s: %s", version, served, exc)
            return False
        old = self._loaded
        self._loaded = Loaded(snapshot, time.time())  # one reference assignment: atomic
        self._failed.pop(version, None)
        if self._pid == os.getpid():  # a serving process, not the gunicorn master
            metrics.SNAPSHOT_RELOADS.labels("ok").inc()
            self._publish_gauges()
        logger.info(
            "serving snapshot %s (%d articles, loaded in %.0f ms, was %s)",
            version,
            snapshot.count,
            (time.perf_counter() - start) * 1000,
            old.snapshot.version if old else "none",
        )
        return True

    def _publish_gauges(self) -> None:
        loaded = self._loaded
        if loaded is not None:
            metrics.SNAPSHOT_ARTICLES.set(loaded.snapshot.count)
            metrics.SNAPSHOT_LOADED_AT.set(loaded.loaded_at)

    # -- background watcher --------------------------------------------------
    def _start_in_this_process(self) -> None:
        with self._load_lock:
            if self._pid == os.getpid():
                return
            self._stop = threading.Event()
            self._thread = None
        self.check()  # synchronous: never serve an older snapshot than CURRENT names
        with self._load_lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()
            self._publish_gauges()
            self._thread = threading.Thread(
                target=self._watch, name="morelike-snapshot-watch", daemon=True
            )
            self._thread.start()

    def start(self) -> None:
        """Load now and start watching (idempotent per process)."""
        if self._pid != os.getpid():
            self._start_in_this_process()

    def _watch(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.check()
            except Exception:  # the watcher must outlive any one bad check
                logger.exception("snapshot check failed")

    def stop(self) -> None:
        """Stop the watcher thread (tests; a worker's exit ends it anyway)."""
        self._stop.set()
        thread = self._thread
        if thread is not None and thread.is_alive() and thread is not threading.current_thread():
            thread.join(timeout=5)
        self._pid = None
