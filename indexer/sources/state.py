"""What the web sources remember between runs: validators and what a URL gave.

One SQLite file in the data dir's cache (`sources.sqlite`): per URL, the ETag and
Last-Modified the server sent and the payload made from the body (a sitemap's
bytes, a page's extracted record). A re-fetch asks `If-None-Match` /
`If-Modified-Since`; a 304 reuses the payload, so an unchanged site costs no
bodies and no extraction. Without a data dir the store lives in memory.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from indexer.sources.fetch import Validators

STATE_FILE = "sources.sqlite"
# Bumped when what a payload holds changes, so old payloads are not reused.
PAYLOAD_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS fetched (
    kind TEXT NOT NULL,
    url TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    payload BLOB NOT NULL,
    fetched_at REAL NOT NULL,
    PRIMARY KEY (kind, url)
)
"""


@dataclass(frozen=True)
class Remembered:
    """A URL's validators and the payload made from its last body."""

    validators: Validators
    payload: bytes


class StateStore:
    """Validators and payloads by (kind, URL), shared by the fetch threads."""

    def __init__(self, state_dir: Path | None) -> None:
        if state_dir is None:
            target = ":memory:"
        else:
            state_dir.mkdir(parents=True, exist_ok=True)
            target = str(state_dir / STATE_FILE)
        self._db = sqlite3.connect(target, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)
        self._lock = threading.Lock()

    def get(self, kind: str, url: str) -> Remembered | None:
        """What was kept for `url`, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT etag, last_modified, payload FROM fetched WHERE kind = ? AND url = ?",
                (f"{kind}/{PAYLOAD_VERSION}", url),
            ).fetchone()
        if row is None:
            return None
        return Remembered(Validators(row[0], row[1]), bytes(row[2]))

    def put(self, kind: str, url: str, validators: Validators, payload: bytes) -> None:
        """Keep `payload` for `url` when the server gave validators to re-check it by."""
        if not validators:
            return
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO fetched VALUES (?, ?, ?, ?, ?, ?)",
                (
                    f"{kind}/{PAYLOAD_VERSION}",
                    url,
                    validators.etag,
                    validators.last_modified,
                    payload,
                    time.time(),
                ),
            )

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()
