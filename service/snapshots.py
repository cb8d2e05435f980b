"""The live snapshot of one worker: watch `CURRENT`, load and warm in the background, swap.

A request takes `holder.get()` once and uses that snapshot to the end, so a swap
never mixes two snapshots in one response, and requests in flight finish on the
old one (it is freed when the last of them lets go).

What to serve is a rule every worker applies on its own, so siblings agree
without talking to each other: the snapshot `CURRENT` names; when `CURRENT` is
missing, unreadable or names a snapshot that does not load, the newest snapshot
that loads. Nothing that fails ever replaces the snapshot being served. Each
distinct problem is logged once (a watcher checks every few seconds), and a
failed version is retried only after `RETRY_FAILED_SECONDS`.

A new snapshot is warmed (per-snapshot arrays, floors, a first search) before it
is swapped in, so the first requests after a swap do not pay for it.

The holder is fork-aware: gunicorn loads the app in its master (so the first
snapshot's pages are shared by every worker) and forks; the first use in a
worker applies the rule at once (a worker started later must not serve the
older snapshot the master holds), warms what it serves and starts that worker's
watcher thread.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from indexer.snapshot import Snapshot, SnapshotError, current_version, list_versions, snapshots_dir
from service import metrics
from service.errors import NoSnapshot

logger = logging.getLogger(__name__)

RETRY_FAILED_SECONDS = 60.0
CURRENT_KEY = "CURRENT"  # the problem log's key for CURRENT itself

Warm = Callable[[Snapshot], None]


@dataclass(frozen=True)
class Loaded:
    """A snapshot, when it was loaded, and the process that loaded (and warmed) it."""

    snapshot: Snapshot
    loaded_at: float
    pid: int = 0


class ProblemLog:
    """Logs each distinct problem once, and its end once.

    The watcher meets the same broken `CURRENT` or snapshot every few seconds;
    repeating the error each time buries everything else in the log.
    """

    def __init__(self) -> None:
        self._open: dict[str, str] = {}
        self._lock = threading.Lock()

    def report(self, key: str, detail: str, message: str, *, exc_info: bool = False) -> None:
        """Log `message` unless problem `key` was already logged with this `detail`."""
        with self._lock:
            known = self._open.get(key) == detail
            self._open[key] = detail
        if known:
            logger.debug("still: %s", message)
        else:
            logger.error("%s", message, exc_info=exc_info)

    def resolve(self, key: str, message: str) -> None:
        """Log `message` if problem `key` was open, and close it."""
        with self._lock:
            was_open = self._open.pop(key, None) is not None
        if was_open:
            logger.info("%s", message)

    def is_open(self, key: str) -> bool:
        """Whether problem `key` is open."""
        return key in self._open


class SnapshotHolder:
    """Holds the snapshot a worker serves and keeps it in line with the data dir."""

    def __init__(self, data_dir: Path, interval: float = 2.0, warm: Warm | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.interval = interval
        self._warm = warm
        self._loaded: Loaded | None = None
        self._load_lock = threading.Lock()
        self._failed: dict[str, float] = {}  # version -> when it last failed (monotonic)
        self._problems = ProblemLog()
        self._status = "no snapshot yet: run `morelike build`"
        self._degraded = False  # serving, but not what CURRENT names
        self._pid: int | None = None  # the process whose watcher runs
        self._serving_pid: int | None = None  # the process that serves (warms, counts)
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
        """Why there is no snapshot, for 503s and /readyz (no paths: clients read it)."""
        return self._status

    @property
    def problem(self) -> str | None:
        """What is wrong in the data dir while a snapshot serves anyway (for /readyz), or None."""
        return self._status if self._degraded and self._loaded is not None else None

    # -- choosing and loading ------------------------------------------------
    def check(self) -> bool:
        """Serve what the data dir says (see the module docstring); True when swapped.

        Never raises: a problem is logged once and the snapshot being served stays.
        """
        named = self._read_current()
        loaded = self._loaded
        if named is not None and loaded is not None and loaded.snapshot.version == named:
            self._status, self._degraded = f"serving snapshot {named}", False
            return False
        with self._load_lock:
            try:
                return self._choose_and_load(named)
            except Exception as exc:  # the watcher and the first request must survive anything
                self._problems.report("check", repr(exc), "snapshot check failed", exc_info=True)
                return False

    def _read_current(self) -> str | None:
        """The version CURRENT names; None (problem logged once) when missing or unreadable."""
        try:
            named = current_version(self.data_dir)
        except SnapshotError as exc:
            self._problems.report(
                CURRENT_KEY,
                str(exc),
                f"{exc}; serving the newest snapshot that loads until CURRENT is fixed",
            )
            return None
        if named is not None:
            self._problems.resolve(CURRENT_KEY, f"CURRENT names {named} again")
        return named

    def _choose_and_load(self, named: str | None) -> bool:
        loaded = self._loaded
        if named is not None:
            if loaded is not None and loaded.snapshot.version == named:
                return False
            if self._try_load(named):
                return True
        versions = [v for v in reversed(list_versions(self.data_dir)) if v != named]
        if named is None and versions and not self._problems.is_open(CURRENT_KEY):
            self._problems.report(
                CURRENT_KEY, "missing", f"{self.data_dir}/CURRENT is missing; serving the newest"
            )
        for version in versions:  # newest first: the first that loads is the newest good
            held = loaded is not None and version <= loaded.snapshot.version
            if held or self._try_load(version):
                served = self._loaded.snapshot.version if self._loaded else version
                what = f"snapshot {named} does not load" if named else "CURRENT cannot be used"
                self._status = f"{what}; serving the newest good snapshot {served}"
                self._degraded = True
                return not held
        self._nothing_loads(named, versions)
        return False

    def _nothing_loads(self, named: str | None, versions: list[str]) -> None:
        served = self._loaded.snapshot.version if self._loaded else None
        if named is None and not versions and not self._problems.is_open(CURRENT_KEY):
            self._status = "no snapshot yet: run `morelike build`"
            return
        what = f"snapshot {named}" if named else "CURRENT"
        self._status = f"{what} cannot be used and no other snapshot loads"
        if served is not None:
            self._status += f"; still serving {served}"
        self._degraded = True
        self._problems.report(
            "nothing", f"{named}|{','.join(versions)}", f"no snapshot loads in {self.data_dir}"
        )

    def _try_load(self, version: str) -> bool:
        """Load, warm and swap in `version`; False (logged once) when it fails."""
        failed_at = self._failed.get(version)
        if failed_at is not None and time.monotonic() - failed_at < RETRY_FAILED_SECONDS:
            return False
        started = time.perf_counter()
        try:
            snapshot = self._open(version)
        except Exception as exc:
            self._failed[version] = time.monotonic()
            metrics.SNAPSHOT_RELOADS.labels("failed").inc()
            served = self._loaded.snapshot.version if self._loaded else "nothing"
            self._problems.report(
                version,
                str(exc),
                f"snapshot {version} failed to load, still serving {served}: {exc}",
                exc_info=not isinstance(exc, SnapshotError),
            )
            return False
        self._swap(snapshot, started)
        self._failed.pop(version, None)
        self._problems.resolve(version, f"snapshot {version} loads now")
        self._problems.resolve("nothing", "a snapshot loads again")
        return True

    def _open(self, version: str) -> Snapshot:
        snapshot = Snapshot(snapshots_dir(self.data_dir) / version)
        if self._serving_pid == os.getpid():
            self._warm_up(snapshot)
        return snapshot

    def _warm_up(self, snapshot: Snapshot) -> None:
        """Run the warm-up; a snapshot whose files fail there is refused like a broken one."""
        if self._warm is None:
            return
        started = time.perf_counter()
        try:
            self._warm(snapshot)
        except (SnapshotError, sqlite3.Error, OSError, ValueError) as exc:
            raise SnapshotError(f"{snapshot.path}: fails when first used ({exc})") from exc
        except Exception as exc:  # a bug in warming must not keep a good snapshot out
            self._problems.report(
                f"warm:{snapshot.version}",
                repr(exc),
                f"warming snapshot {snapshot.version} failed; it serves cold",
                exc_info=True,
            )
            return
        logger.info(
            "warmed snapshot %s in %.0f ms",
            snapshot.version,
            (time.perf_counter() - started) * 1000,
        )

    def _swap(self, snapshot: Snapshot, started: float) -> None:
        old = self._loaded
        self._loaded = Loaded(snapshot, time.time(), os.getpid())  # one assignment: atomic
        self._status, self._degraded = f"serving snapshot {snapshot.version}", False
        if self._serving_pid == os.getpid():  # a serving process, not the gunicorn master
            metrics.SNAPSHOT_RELOADS.labels("ok").inc()
            self.publish_gauges()
        logger.info(
            "serving snapshot %s (%d articles, loaded in %.0f ms, was %s)",
            snapshot.version,
            snapshot.count,
            (time.perf_counter() - started) * 1000,
            old.snapshot.version if old else "none",
        )

    def publish_gauges(self) -> None:
        """Set this process's snapshot gauges (articles, load time) from what it holds."""
        loaded = self._loaded
        if loaded is not None:
            metrics.SNAPSHOT_ARTICLES.set(loaded.snapshot.count)
            metrics.SNAPSHOT_LOADED_AT.set(loaded.loaded_at)

    # -- per process ---------------------------------------------------------
    def start(self, warm: Warm | None = None) -> None:
        """Serve from this process: choose and warm the snapshot now, then watch.

        `warm` (if given) is run on every snapshot before it is swapped in, and on
        the one inherited from the gunicorn master. Idempotent per process.
        """
        if warm is not None:
            self._warm = warm
        if self._pid != os.getpid():
            self._start_in_this_process()

    def _start_in_this_process(self) -> None:
        pid = os.getpid()
        with self._load_lock:
            if self._pid == pid:
                return
            self._serving_pid = pid
            self._stop = threading.Event()
            self._thread = None
        self.check()  # synchronous: never serve an older snapshot than the rule says
        self._warm_inherited(pid)
        with self._load_lock:
            if self._pid == pid:
                return
            self._pid = pid
            self.publish_gauges()
            self._thread = threading.Thread(
                target=self._watch, name="morelike-snapshot-watch", daemon=True
            )
            self._thread.start()

    def _warm_inherited(self, pid: int) -> None:
        """Warm the snapshot loaded by another process (the master) before serving it."""
        with self._load_lock:
            loaded = self._loaded
            if loaded is None or loaded.pid == pid:
                return
            try:
                self._warm_up(loaded.snapshot)
            except SnapshotError as exc:
                self._problems.report(
                    f"warm:{loaded.snapshot.version}",
                    str(exc),
                    f"snapshot {loaded.snapshot.version} serves cold: {exc}",
                )
            self._loaded = replace(loaded, pid=pid)

    def _watch(self) -> None:
        while not self._stop.wait(self.interval):
            self.check()

    def stop(self) -> None:
        """Stop the watcher thread (tests; a worker's exit ends it anyway)."""
        self._stop.set()
        thread = self._thread
        if thread is not None and thread.is_alive() and thread is not threading.current_thread():
            thread.join(timeout=5)
        self._pid = None
        self._serving_pid = None
