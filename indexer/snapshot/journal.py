"""The journal of live changes: articles published, edited, unpublished or deleted since a build.

One SQLite database in the data dir (`journal.sqlite`, WAL mode, every commit
synced), shared by every worker of every replica that mounts the data dir:

- `changes`: one row per acknowledged change, in commit order (`seq`). An
  upsert carries the article's record, its cleaned text and its vector, so no
  other worker embeds it again; a delete carries only the id; a `controls`
  row marks that an editor changed an article's controls.
- `controls`: editor controls, per article and site-wide, as JSON.

A change is written (and synced) before the admin API acknowledges it, so it
survives a restart and the loss of Redis. The base snapshot never changes: the
service merges the changes newer than the snapshot's build start at query time,
and a build prunes the changes the previous build already superseded.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

JOURNAL_FILE = "journal.sqlite"
UPSERT, DELETE, CONTROLS = "upsert", "delete", "controls"
SITE = "site"  # the controls key of the site-wide rules

_SCHEMA = """
CREATE TABLE IF NOT EXISTS changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('upsert', 'delete', 'controls')),
    at REAL NOT NULL,
    record TEXT,
    text TEXT,
    vector BLOB
);
CREATE INDEX IF NOT EXISTS changes_by_article ON changes (article_id, seq);
CREATE TABLE IF NOT EXISTS controls (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    at REAL NOT NULL
);
"""


class JournalError(RuntimeError):
    """The journal cannot be opened, read or written (the change is not acknowledged)."""


@dataclass(frozen=True)
class Change:
    """One journalled change."""

    seq: int
    article_id: str
    op: str
    at: float
    record: dict[str, Any] | None = None
    text: str = ""
    vector: np.ndarray | None = None


@dataclass(frozen=True)
class NewChange:
    """A change to append: an upsert (record, text, vector), a delete, or a controls mark."""

    article_id: str
    op: str
    record: dict[str, Any] | None = None
    text: str = ""
    vector: np.ndarray | None = None


class Journal:
    """The journal of one data dir; one connection per thread, opened on first use."""

    def __init__(self, data_dir: Path, *, create: bool = True) -> None:
        self.path = Path(data_dir) / JOURNAL_FILE
        self.create = create
        self._local = threading.local()

    def exists(self) -> bool:
        """Whether a journal was ever written in this data dir."""
        return self.path.exists()

    @property
    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if getattr(self._local, "pid", None) != os.getpid():
            db = None  # a connection must not cross a fork: a forked worker opens its own
        if db is None:
            try:
                if not self.create and not self.path.exists():
                    raise JournalError(f"{self.path.name}: no journal yet")
                db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=FULL")
                db.executescript(_SCHEMA)
            except sqlite3.Error as exc:
                raise JournalError(f"journal {self.path.name}: {exc}") from exc
            self._local.db = db
            self._local.pid = os.getpid()
        return db

    def append(self, changes: Sequence[NewChange], at: float | None = None) -> list[int]:
        """Write changes in one synced transaction; their sequence numbers, in order."""
        moment = time.time() if at is None else at
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            seqs = []
            for change in changes:
                cursor = db.execute(
                    "INSERT INTO changes (article_id, op, at, record, text, vector) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        change.article_id,
                        change.op,
                        moment,
                        None if change.record is None else json.dumps(change.record),
                        change.text,
                        None if change.vector is None else _blob(change.vector),
                    ),
                )
                seqs.append(int(cursor.lastrowid or 0))
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            _rollback(db)
            raise JournalError(f"journal {self.path.name} cannot be written: {exc}") from exc
        return seqs

    def last_seq(self) -> int:
        """The newest sequence number (0 for an empty or missing journal)."""
        if not self.path.exists():
            return 0
        try:
            row = self._db.execute("SELECT MAX(seq) FROM changes").fetchone()
        except sqlite3.Error as exc:
            raise JournalError(f"journal {self.path.name}: {exc}") from exc
        return int(row[0] or 0)

    def changes(self, *, since: float = 0.0, after_seq: int = 0) -> list[Change]:
        """Changes made at or after `since` (epoch seconds) with seq above `after_seq`."""
        if not self.path.exists():
            return []
        try:
            rows = self._db.execute(
                "SELECT seq, article_id, op, at, record, text, vector FROM changes "
                "WHERE at >= ? AND seq > ? ORDER BY seq",
                (since, after_seq),
            ).fetchall()
        except sqlite3.Error as exc:
            raise JournalError(f"journal {self.path.name}: {exc}") from exc
        return [_change(row) for row in rows]

    def prune(self, before: float) -> int:
        """Drop changes made before `before` (superseded by a build); how many."""
        if not self.path.exists():
            return 0
        try:
            cursor = self._db.execute("DELETE FROM changes WHERE at < ?", (before,))
        except sqlite3.Error as exc:
            raise JournalError(f"journal {self.path.name}: {exc}") from exc
        return int(cursor.rowcount or 0)

    def controls(self) -> dict[str, dict[str, Any]]:
        """Every control in force: by article id, and the site-wide ones under `SITE`."""
        if not self.path.exists():
            return {}
        try:
            rows = self._db.execute("SELECT key, value FROM controls").fetchall()
        except sqlite3.Error as exc:
            raise JournalError(f"journal {self.path.name}: {exc}") from exc
        return {key: json.loads(value) for key, value in rows}

    def set_controls(self, key: str, value: dict[str, Any]) -> int:
        """Store the controls of an article (or `SITE`) and mark the change; its seq."""
        db = self._db
        now = time.time()
        try:
            db.execute("BEGIN IMMEDIATE")
            if value:
                db.execute(
                    "INSERT INTO controls (key, value, at) VALUES (?, ?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, at = excluded.at",
                    (key, json.dumps(value, sort_keys=True), now),
                )
            else:
                db.execute("DELETE FROM controls WHERE key = ?", (key,))
            cursor = db.execute(
                "INSERT INTO changes (article_id, op, at) VALUES (?, ?, ?)", (key, CONTROLS, now)
            )
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            _rollback(db)
            raise JournalError(f"journal {self.path.name} cannot be written: {exc}") from exc
        return int(cursor.lastrowid or 0)

    def close(self) -> None:
        """Close this thread's connection."""
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None


def latest(changes: Iterable[Change]) -> dict[str, Change]:
    """The newest upsert or delete per article (controls marks skipped)."""
    out: dict[str, Change] = {}
    for change in changes:
        if change.op in (UPSERT, DELETE):
            out[change.article_id] = change
    return out


def _blob(vector: np.ndarray) -> bytes:
    return np.ascontiguousarray(vector, dtype=np.float32).tobytes()


def _change(row: tuple[Any, ...]) -> Change:
    seq, article_id, op, at, record, text, vector = row
    return Change(
        seq=int(seq),
        article_id=str(article_id),
        op=str(op),
        at=float(at),
        record=None if record is None else json.loads(record),
        text=text or "",
        vector=None if vector is None else np.frombuffer(vector, dtype=np.float32).copy(),
    )


def _rollback(db: sqlite3.Connection) -> None:
    with contextlib.suppress(sqlite3.Error):  # nothing was begun
        db.execute("ROLLBACK")
