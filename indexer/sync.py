"""`morelike sync`: what changed at a source since the last sync, applied to the service.

The live-update path without the HTTP hop: new and edited articles are cleaned,
embedded (the build's embedding cache: an unchanged text costs nothing) and
written to the data dir's journal as upserts, articles gone at the source as
deletes; every worker of the running service merges them within seconds, as it
does the admin API's changes.

What the service already holds is known per source (`sync.sqlite` in the data
dir): a hash of each article's fields and cleaned text, written by the build and
by every sync, and the source's cursor. So a sync writes only real changes,
however much the source returns. Sources without deletion events are
reconciled against their full list of ids (`Source.ids`) every so often: an id
the service holds from this source that the source no longer lists is deleted.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from indexer.articles import Article, RecordError, parse_record
from indexer.clean import CleanRules, rule_lines
from indexer.embcache import EmbeddingCache
from indexer.embedder import Embedder
from indexer.snapshot import SnapshotError, load_current
from indexer.snapshot.journal import DELETE, UPSERT, Journal, JournalError, NewChange, latest
from indexer.sources import (
    Item,
    Source,
    SourceError,
    SourceOptions,
    SourceProblem,
    open_source,
)

logger = logging.getLogger(__name__)

SYNC_FILE = "sync.sqlite"
CACHE_FILE = "cache/embeddings.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS cursors (source TEXT PRIMARY KEY, cursor TEXT, reconciled_at REAL);
CREATE TABLE IF NOT EXISTS seen (source TEXT, id TEXT, hash TEXT, PRIMARY KEY (source, id));
"""


class SyncError(RuntimeError):
    """The sync cannot run: no snapshot yet, source unreadable, journal unwritable."""


def article_hash(article: Article, lines: list[str]) -> str:
    """What decides whether the service's copy is current: the fields and the cleaned text."""
    fields = article.to_json()
    del fields["body"]
    raw = json.dumps(fields, sort_keys=True, ensure_ascii=False) + "\n" + "\n".join(lines)
    return hashlib.sha256(raw.encode()).hexdigest()


class SyncState:
    """Per source: the cursor, when ids were last reconciled, and the hashes held."""

    def __init__(self, data_dir: Path) -> None:
        self.db = sqlite3.connect(Path(data_dir) / SYNC_FILE, timeout=10)
        self.db.executescript(_SCHEMA)

    def cursor(self, source: str) -> tuple[str | None, float]:
        """The source's cursor (None before the first sync) and last reconciliation time."""
        row = self.db.execute(
            "SELECT cursor, reconciled_at FROM cursors WHERE source = ?", (source,)
        ).fetchone()
        return (None, 0.0) if row is None else (row[0], float(row[1] or 0.0))

    def hashes(self, source: str) -> dict[str, str]:
        """id -> hash of what the service holds from this source."""
        rows = self.db.execute("SELECT id, hash FROM seen WHERE source = ?", (source,))
        return dict(rows.fetchall())

    def reset(self, source: str, hashes: dict[str, str]) -> None:
        """After a build: the source's articles as built, and no cursor yet."""
        with self.db:
            self.db.execute("DELETE FROM seen WHERE source = ?", (source,))
            self.db.execute("DELETE FROM cursors WHERE source = ?", (source,))
            self.db.executemany(
                "INSERT INTO seen VALUES (?, ?, ?)", ((source, i, h) for i, h in hashes.items())
            )

    def record(
        self,
        source: str,
        cursor: str,
        upserted: dict[str, str],
        deleted: set[str],
        reconciled_at: float | None,
    ) -> None:
        """After the journal took the changes: what the service now holds, the new cursor."""
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO seen VALUES (?, ?, ?)",
                ((source, i, h) for i, h in upserted.items()),
            )
            self.db.executemany(
                "DELETE FROM seen WHERE source = ? AND id = ?", ((source, i) for i in deleted)
            )
            previous = self.cursor(source)[1]
            self.db.execute(
                "INSERT OR REPLACE INTO cursors VALUES (?, ?, ?)",
                (source, cursor, previous if reconciled_at is None else reconciled_at),
            )

    def close(self) -> None:
        """Close the database."""
        self.db.close()


@dataclass
class SyncReport:
    """What one sync did."""

    source: str = ""
    upserted: int = 0
    deleted: int = 0
    unchanged: int = 0
    reconciled: bool = False
    skipped: Counter[str] = field(default_factory=Counter)
    problems: list[tuple[str, str]] = field(default_factory=list)
    seq: int = 0

    def summary(self) -> str:
        """One line for the console and the log."""
        line = (
            f"sync {self.source}: {self.upserted} new or edited, {self.deleted} deleted, "
            f"{self.unchanged} unchanged, {sum(self.skipped.values())} skipped"
            + (" (ids reconciled)" if self.reconciled else "")
            + f"; journal at {self.seq}"
        )
        problems = [f"  {where}: {why}" for where, why in self.problems[:20]]
        return "\n".join([line, *problems])


def sync_once(
    spec: str,
    data_dir: Path,
    options: SourceOptions,
    embedder: Embedder | None = None,
    *,
    reconcile_every: float = 86_400.0,
    rules: CleanRules | None = None,
) -> SyncReport:
    """Apply one round of changes from `spec` to the journal; raises `SyncError`."""
    data_dir = Path(data_dir)
    try:
        base = load_current(data_dir)
    except SnapshotError as exc:
        raise SyncError(f"{exc}: run `morelike build` first") from exc
    try:
        source = open_source(spec, options)
    except SourceError as exc:
        raise SyncError(str(exc)) from exc
    state = SyncState(data_dir)
    report = SyncReport(source=source.name)
    try:
        cursor, reconciled_at = state.cursor(source.name)
        held = state.hashes(source.name)
        changes = source.changes(cursor)
        fresh = _changed_articles(changes.items, held, rules or CleanRules(), report)
        gone = set(changes.deleted)
        now = time.time()
        due = reconcile_every <= 0 or now - reconciled_at >= reconcile_every
        if due:
            gone |= _missing_at_source(source, held, data_dir)
            report.reconciled = True
        journal = Journal(data_dir)
        embedder = embedder or Embedder.from_manifest(base.manifest["model"])
        writes = _upserts(fresh, embedder, data_dir)
        writes += [NewChange(i, DELETE) for i in sorted(gone)]
        seqs = journal.append(writes) if writes else []
        report.seq = seqs[-1] if seqs else journal.last_seq()
        report.upserted, report.deleted = len(fresh), len(gone)
        hashes = {a.id: h for a, _, h in fresh}
        state.record(source.name, changes.cursor, hashes, gone, now if due else None)
    except (SourceError, JournalError) as exc:
        raise SyncError(str(exc)) from exc
    finally:
        source.close()
        state.close()
        base.close()
    return report


def _changed_articles(
    items: list[Item], held: dict[str, str], rules: CleanRules, report: SyncReport
) -> list[tuple[Article, str, str]]:
    """Records whose fields or text differ from what the service holds: (article, text, hash)."""
    out: dict[str, tuple[Article, str, str]] = {}
    for item in items:
        if isinstance(item, SourceProblem):
            report.skipped[item.kind] += 1
            report.problems.append((item.location, item.reason))
            continue
        try:
            article = parse_record(item.record)
        except RecordError as exc:
            report.skipped[exc.kind] += 1
            report.problems.append((item.location, str(exc)))
            continue
        lines = rule_lines(article.body, rules, article.title)
        digest = article_hash(article, lines)
        if held.get(article.id) == digest:
            report.unchanged += 1
            continue
        out[article.id] = (article, "\n".join(lines), digest)
    return list(out.values())


def _missing_at_source(source: Source, held: dict[str, str], data_dir: Path) -> set[str]:
    """Ids the service holds from this source that the source no longer lists."""
    listed = source.ids()
    if listed is None:
        return set()
    served = set(held)
    for change in latest(Journal(data_dir).changes()).values():
        if change.op == DELETE:
            served.discard(change.article_id)
    return served - set(listed)


def _upserts(
    fresh: list[tuple[Article, str, str]], embedder: Embedder, data_dir: Path
) -> list[NewChange]:
    """Journal upserts for the changed articles, embedded through the build's cache."""
    if not fresh:
        return []
    cache = EmbeddingCache(data_dir / CACHE_FILE, embedder.model_id)
    try:
        keys = [hashlib.sha256(f"{a.title}\n{t}".encode()).hexdigest() for a, t, _ in fresh]
        vectors = dict(cache.get_many(keys))
        todo = [i for i, k in enumerate(keys) if k not in vectors]
        if todo:
            encoded = embedder.encode_articles([(fresh[i][0].title, fresh[i][1]) for i in todo])
            new = [(keys[i], encoded[j]) for j, i in enumerate(todo)]
            cache.put_many(new)
            vectors.update(new)
    finally:
        cache.close()
    return [
        NewChange(a.id, UPSERT, a.to_json(), t, np.asarray(vectors[k], dtype=np.float32))
        for (a, t, _), k in zip(fresh, keys, strict=True)
    ]
