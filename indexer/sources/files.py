"""Local files through the same protocol: a JSONL or CSV file, or a folder of pages.

The reading itself is `indexer.readers`'; this adds what `sync` asks of every
source. Files carry no change dates a sync could trust, so a change is a change
of the bytes: `changes` reads everything when the digest of the files moved,
nothing when it did not, and `ids` lists every id for reconciliation.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from indexer.readers import PAGE_SUFFIXES, open_source
from indexer.sources.base import Changes, Item, SourceRow


class FileSource:
    """A JSONL/CSV file or a folder of .txt/.md/.html pages."""

    kind = "file"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = str(path)
        open_source(path)  # fails now, with its clear message, if missing or unknown

    def records(self) -> Iterator[Item]:
        """Every record of the file or folder."""
        return open_source(self.path)

    def digest(self) -> str:
        """A digest of the bytes (a folder: of every page's path and bytes)."""
        sha = hashlib.sha256()
        files = [self.path]
        if self.path.is_dir():
            files = sorted(p for p in self.path.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES)
        for file in files:
            sha.update(str(file.relative_to(self.path) if file != self.path else "").encode())
            sha.update(file.read_bytes())
        return sha.hexdigest()

    def changes(self, cursor: str | None) -> Changes:
        """Everything when the files changed since the cursor, nothing when not."""
        digest = self.digest()
        if cursor and json.loads(cursor).get("sha256") == digest:
            return Changes([], [], cursor)
        return Changes(list(self.records()), [], json.dumps({"sha256": digest}))

    def ids(self) -> set[str]:
        """Every id the files hold."""
        ids: set[str] = set()
        for item in self.records():
            if isinstance(item, SourceRow) and item.record.get("id") not in (None, ""):
                ids.add(str(item.record["id"]))
        return ids

    def close(self) -> None:
        """Nothing to release."""
