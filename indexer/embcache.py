"""Embedding cache keyed by (model id, content hash), kept in the data dir.

A rebuild embeds only articles whose cleaned text changed. SQLite gives atomic
writes, so a build killed half-way leaves a cache that is smaller, never corrupt.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

_SCHEMA = """
CREATE TABLE IF NOT EXISTS embeddings (
    model_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model_id, content_hash)
) WITHOUT ROWID
"""


def content_hash(title: str, text: str) -> str:
    """The cache key of an article's content: its title and cleaned text."""
    return hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()


class EmbeddingCache:
    """Vectors by (model id, content hash) in one SQLite file."""

    def __init__(self, path: Path, model_id: str, dimension: int | None = None) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.model_id = model_id
        self.dimension = dimension
        self._db = sqlite3.connect(path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)

    def get_many(self, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        """The cached vectors among `hashes` (missing ones are absent)."""
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(hashes), 500):
            chunk = list(hashes[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT content_hash, vector FROM embeddings "
                f"WHERE model_id = ? AND content_hash IN ({marks})",
                [self.model_id, *chunk],
            )
            for content_hash, blob in rows:
                vec = np.frombuffer(blob, dtype=np.float32)
                if self.dimension is None or vec.shape[0] == self.dimension:
                    found[content_hash] = vec
        return found

    def put_many(self, items: Iterable[tuple[str, np.ndarray]]) -> None:
        """Store vectors in one transaction."""
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)",
                [(self.model_id, h, np.asarray(v, dtype=np.float32).tobytes()) for h, v in items],
            )

    def close(self) -> None:
        """Close the database."""
        self._db.close()
