"""The snapshot a worker serves: the immutable base with the journal's changes merged.

A small delta over the base, rebuilt when the journal moves: an index of the
vectors of new and edited articles (rows after the base's, numbered on; exact,
or on the base's IVF quantizer once it is large, `faissindex.delta_index`),
their columns, terms and metadata, and tombstones for the base rows that were
edited, unpublished or deleted. It answers the same questions as `Snapshot`
(rows, vectors, columns, terms, metadata, search with a mask applied before the
cut), so every step of the ranking treats a delta article exactly like a built
one. Only changes made since the base's build started are merged: older ones
are in the source the build read.

Editor controls ride along: per article (pinned, blocked, disabled, applied by
`service.ranking.controls`) and site-wide (excluded ids, sections, tags): rows
excluded site-wide, like tombstoned ones, look unpublished to the ranking.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import faiss
import numpy as np
import scipy.sparse as sp

from indexer.articles import Article, RecordError, parse_record
from indexer.faissindex import delta_index
from indexer.snapshot import COLUMNS_DTYPE, STATUS_CODES, Snapshot, code_in, named_keys
from indexer.snapshot import rows as article_rows
from indexer.snapshot.journal import DELETE, SITE, Change, Journal, JournalError, latest
from indexer.snapshot.lead import PERMUTATIONS
from indexer.terms import TermRow, row_entries, sparse_cosines
from service.errors import NoSnapshot
from service.ranking.base import Corpus
from service.ranking.controls import Controls, controls_of

logger = logging.getLogger(__name__)


@dataclass
class Prepared:
    """An upsert ready to merge: its article, the metadata shown, its lead, its term row."""

    article: Article
    meta: dict[str, Any]
    lead: np.ndarray
    terms: sp.csr_matrix | None = None


@dataclass
class Delta:
    """The merged changes: new rows after the base's, and tombstoned base rows."""

    ids: dict[str, int] = field(default_factory=dict)  # article id -> delta index
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    leads: np.ndarray = field(default_factory=lambda: np.zeros((0, PERMUTATIONS), dtype=np.uint32))
    columns: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=COLUMNS_DTYPE))
    terms: sp.csr_matrix | None = None
    meta: list[dict[str, Any]] = field(default_factory=list)
    tombstones: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    gone: set[str] = field(default_factory=set)  # ids deleted (or replaced) in the base
    index: Any = None  # FAISS index over `vectors`, inner product (`delta_index`)
    nprobe: int = 0  # its search breadth (0: exact)


class LiveSnapshot:
    """`base` with `changes` (newest per id, made since its build) and `controls` merged."""

    def __init__(
        self,
        base: Snapshot,
        changes: list[Change],
        controls: dict[str, dict[str, Any]],
        seq: int,
        prepared: dict[int, Prepared] | None = None,
    ) -> None:
        self.base = base
        self.seq = seq
        self.version = base.version
        self.manifest = base.manifest
        self.calibration_pairs = base.calibration_pairs
        self.sections = list(base.sections)
        self.languages = list(base.languages)
        self.changed_at = {c.article_id: c.seq for c in changes}
        self.delta = self._delta(latest(changes), {} if prepared is None else prepared)
        self.count = base.count + len(self.delta.ids)
        self.vectors = RowVectors(base.vectors, self.delta.vectors)
        self.leads = RowVectors(base.leads, self.delta.leads)
        self.controls = {k: v for k, v in controls.items() if k != SITE}
        self.site = controls.get(SITE) or {}
        self.columns = base.columns
        self._removed = np.zeros(self.count, dtype=bool)
        self._removed[self.delta.tombstones] = True
        # nothing merged: the base's rows exactly, so the ranking shares its per-snapshot view
        self.rows_of: Corpus = base
        if len(self.delta.ids) or len(self.delta.tombstones) or self.site:
            self.rows_of = self
            self.columns = np.concatenate([np.asarray(base.columns), self.delta.columns])
            self._name_canonical_in_base()
            excluded = self._site_mask()
            if excluded is not None:
                self._removed |= excluded
            # rows that may never show look unpublished to every step of the ranking
            self.columns["status"][self._removed] = STATUS_CODES["unpublished"]

    @property
    def terms(self) -> Any:
        """The base's TF-IDF vectoriser (delta articles use its vocabulary)."""
        return self.base.terms

    # -- building the delta ---------------------------------------------------------

    def _delta(self, newest: dict[str, Change], prepared: dict[int, Prepared]) -> Delta:
        """Tombstones and delta rows for the newest change per id.

        `prepared` (by change seq, for this base) keeps each upsert's parsed
        article, metadata and term row between merges, so a new merge prepares
        only the changes made since the last one.
        """
        delta = Delta()
        tombstones = []
        kept: list[tuple[Change, Prepared]] = []
        for article_id, change in newest.items():
            row = self.base.row_of(article_id)
            if row is not None:
                tombstones.append(row)
                delta.gone.add(article_id)
            if change.op == DELETE:
                continue
            ready = prepared.get(change.seq) or self._prepare(change)
            if ready is not None:
                prepared[change.seq] = ready
                kept.append((change, ready))
        delta.tombstones = np.asarray(sorted(tombstones), dtype=np.int64)
        missing = [(c, p) for c, p in kept if p.terms is None]
        if missing:
            rows = self.base.terms.transform([f"{p.article.title}\n{c.text}" for c, p in missing])
            for i, (_, ready) in enumerate(missing):
                ready.terms = sp.csr_matrix(rows[i], dtype=np.float32)
        if not kept:
            return delta
        articles = [p.article for _, p in kept]
        for name, names in (("section", self.sections), ("language", self.languages)):
            for value in sorted({getattr(a, name) for a in articles} - set(names)):
                names.append(value)
        delta.columns = article_rows.columns(
            articles, self.sections, self.languages, named=self.base.named_canonical
        )
        delta.vectors = np.stack([np.asarray(c.vector) for c, _ in kept]).astype(np.float32)
        delta.leads = np.stack([p.lead for _, p in kept])
        delta.terms = sp.csr_matrix(sp.vstack([p.terms for _, p in kept]), dtype=np.float32)
        delta.meta = [p.meta for _, p in kept]
        delta.ids = {a.id: i for i, a in enumerate(articles)}
        delta.index, delta.nprobe = delta_index(self.base.index, delta.vectors)
        return delta

    def _prepare(self, change: Change) -> Prepared | None:
        """One upsert parsed, with its metadata (its term row is added in a batch)."""
        try:
            article = parse_record(change.record or {})
        except RecordError as exc:  # validated before it was journalled: a bug or a hand edit
            logger.warning(
                "journal change %d for %r skipped: %s", change.seq, change.article_id, exc
            )
            return None
        if change.vector is None or len(change.vector) != self.base.vectors.shape[1]:
            logger.warning(
                "journal change %d for %r: no usable vector", change.seq, change.article_id
            )
            return None
        return Prepared(
            article,
            article_rows.metadata(article, change.text),
            article_rows.leads([change.text])[0],
        )

    def _name_canonical_in_base(self) -> None:
        """Base rows a delta article names as canonical are canonical in the merge."""
        named = named_keys(self.delta.columns)
        if not len(named):
            return
        base = self.columns[: self.base.count]
        hit = ~base["names_canonical"] & np.isin(base["url_key"], named)
        base["canonical"] |= hit

    def _site_mask(self) -> np.ndarray | None:
        """Rows the site-wide controls exclude (None when there are none)."""
        ids = set(self.site.get("excluded_ids") or ())
        sections = {s.lower() for s in self.site.get("excluded_sections") or ()}
        tags = {t.lower() for t in self.site.get("excluded_tags") or ()}
        if not (ids or sections or tags):
            return None
        mask = np.zeros(self.count, dtype=bool)
        for article_id in ids:
            row = self.row_of(article_id)
            if row is not None:
                mask[row] = True
        codes = [i for i, name in enumerate(self.sections) if name in sections]
        if codes:
            mask |= np.isin(np.asarray(self.columns["section"]), codes)
        if tags:
            for row in self._rows_tagged(tags):
                mask[row] = True
        return mask

    def _rows_tagged(self, tags: set[str]) -> list[int]:
        """Rows with any of `tags` (a scan of the metadata, done when the controls change)."""
        rows = []
        for start in range(0, self.count, 2048):
            chunk = list(range(start, min(self.count, start + 2048)))
            for row, meta in zip(chunk, self.articles_at(chunk), strict=True):
                if meta and tags & {str(t).lower() for t in meta.get("tags") or ()}:
                    rows.append(row)
        return rows

    # -- the Snapshot interface -----------------------------------------------------

    def removed(self) -> np.ndarray:
        """Rows that may never show: base rows edited, unpublished or deleted since."""
        return self._removed

    def row_of(self, article_id: str) -> int | None:
        """Row of an article id, or None when unknown or deleted."""
        index = self.delta.ids.get(article_id)
        if index is not None:
            return self.base.count + index
        if article_id in self.delta.gone:
            return None
        return self.base.row_of(article_id)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """Metadata of one live article by id."""
        row = self.row_of(article_id)
        return None if row is None else self.articles_at([row])[0]

    def articles_at(self, rows: Sequence[int]) -> list[dict[str, Any]]:
        """Metadata of articles by row, in the order given."""
        rows = [int(r) for r in rows]
        n = self.base.count
        in_base = [r for r in rows if r < n]
        base = dict(zip(in_base, self.base.articles_at(in_base), strict=True))
        return [base[r] if r < n else self.delta.meta[r - n] for r in rows]

    def code_of(self, kind: str, value: str) -> int:
        """Code of a section or language name, the delta's new ones included (-1 when absent)."""
        return code_in(self.sections if kind == "section" else self.languages, value)

    def search(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k rows over base and delta, the mask (and tombstones) applied before the cut."""
        n = self.base.count
        mask = np.ones(self.count, dtype=bool) if allowed is None else allowed.copy()
        mask &= ~self._removed
        base_rows, base_scores = self.base.search(query, k, allowed=mask[:n])
        if not len(self.delta.ids):
            return base_rows, base_scores
        delta_rows, delta_scores = self._delta_search(query, k, mask[n:])
        rows = np.concatenate([base_rows, delta_rows + n])
        joined = np.concatenate([base_scores, delta_scores])
        order = np.argsort(-joined, kind="stable")[:k]
        return rows[order], joined[order]

    def _delta_search(
        self, query: np.ndarray, k: int, allowed: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k over the delta's vectors, the mask applied inside FAISS (no copies)."""
        if not allowed.any():
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        bits = np.packbits(allowed.astype(np.uint8), bitorder="little")
        params: Any = faiss.SearchParameters()
        if self.delta.nprobe:
            params = faiss.SearchParametersIVF()
            params.nprobe = self.delta.nprobe
        params.sel = faiss.IDSelectorBitmap(len(allowed), faiss.swig_ptr(bits))
        q = np.ascontiguousarray(np.asarray(query, dtype=np.float32).reshape(1, -1))
        scores, rows = self.delta.index.search(q, min(k, len(allowed)), params=params)
        keep = rows[0] >= 0
        return rows[0][keep].astype(np.int64), scores[0][keep]

    def term_similarity(self, rows: np.ndarray, query: sp.csr_matrix) -> np.ndarray:
        """TF-IDF cosine of `rows` (base or delta) to a query term vector."""
        return self.term_similarities(rows, [(query.indices, query.data)])[:, 0]

    def term_similarities(self, rows: np.ndarray, queries: Sequence[TermRow]) -> np.ndarray:
        """TF-IDF cosine of `rows` (base or delta) to each query term row."""
        rows = np.asarray(rows, dtype=np.int64)
        n = self.base.count
        out = np.zeros((len(rows), len(queries)), dtype=np.float32)
        in_base = rows < n
        if in_base.any():
            out[in_base] = self.base.term_similarities(rows[in_base], queries)
        if (~in_base).any() and self.delta.terms is not None:
            out[~in_base] = sparse_cosines(self.delta.terms, rows[~in_base] - n, queries)
        return out

    def term_rows(self, rows: Sequence[int] | np.ndarray) -> list[TermRow]:
        """Each row's term indices and weights, base or delta (for `term_similarities`)."""
        rows = np.asarray(rows, dtype=np.int64)
        n = self.base.count
        if (rows < n).all() or self.delta.terms is None:
            return self.base.term_rows(rows)
        return [
            self.base.term_rows([r])[0] if r < n else row_entries(self.delta.terms, [r - n])[0]
            for r in rows.tolist()
        ]

    def term_vectors(self, rows: Sequence[int] | np.ndarray) -> sp.csr_matrix:
        """Term rows of articles, base or delta, in the order of `rows`."""
        rows = np.asarray(rows, dtype=np.int64)
        in_base = rows < self.base.count
        if in_base.all():
            return self.base.term_vectors(rows)
        delta = self.delta.terms[rows[~in_base] - self.base.count]  # type: ignore[index]
        stacked = sp.vstack([self.base.term_vectors(rows[in_base]), delta]).tocsr()
        order = np.concatenate([np.flatnonzero(in_base), np.flatnonzero(~in_base)])
        return sp.csr_matrix(stacked[np.argsort(order)], dtype=np.float32)

    def controls_for(self, article_id: str | None) -> Controls:
        """The editor's controls of one article's list."""
        return controls_of(self.controls.get(article_id or ""))

    def close(self) -> None:
        """The base belongs to the holder, which closes it."""


class RowVectors:
    """Base rows (memory-mapped) followed by the delta's, indexable by row like one array.

    Vectors and lead signatures alike: any two 2-D arrays of one dtype and width.
    """

    def __init__(self, base: np.ndarray, delta: np.ndarray) -> None:
        self.base = base
        self.delta = delta
        self.shape = (len(base) + len(delta), base.shape[1])

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, rows: Any) -> np.ndarray:
        n = len(self.base)
        if isinstance(rows, int | np.integer):
            return np.asarray(self.base[rows] if rows < n else self.delta[int(rows) - n])
        rows = np.asarray(rows, dtype=np.int64)
        if not len(self.delta) or (len(rows) and rows.max() < n):
            return np.asarray(self.base[rows])
        out = np.empty((len(rows), self.shape[1]), dtype=self.base.dtype)
        in_base = rows < n
        out[in_base] = self.base[rows[in_base]]
        out[~in_base] = self.delta[rows[~in_base] - n]
        return out


class LiveView:
    """Per process: the holder's base snapshot with the journal merged, kept current.

    A watcher thread (one per worker, started on first use in the process) polls
    the journal every `interval` seconds (one indexed SQLite read) and, when it
    moved or the base was swapped, builds the new merged snapshot and warms it
    before swapping it in; requests never wait for that, except the first one
    after a base swap, which builds the merge for the new base at once.
    """

    def __init__(self, holder: Any, data_dir: Any, interval: float = 0.5, warm: Any = None) -> None:
        self.holder = holder
        self.journal = Journal(data_dir, create=False)
        self.interval = interval
        self.warm = warm
        self._live: LiveSnapshot | None = None
        # what was read and prepared for the base being merged over (kept between merges)
        self._changes: list[Change] = []
        self._prepared: dict[int, Prepared] = {}
        self._lock = threading.Lock()
        self._pid: int | None = None
        self._stop = threading.Event()
        self._problem: str | None = None

    def get(self) -> LiveSnapshot:
        """The merged snapshot for this request (`NoSnapshot` when there is no base)."""
        if self._pid != os.getpid():
            self._start_in_this_process()
        base = self.holder.get()
        live = self._live
        if live is None or live.base is not base:
            live = self.refresh(base)
        return live

    @property
    def seq(self) -> int:
        """The last journal change merged (0: none)."""
        live = self._live
        return live.seq if live is not None else 0

    def refresh(self, base: Snapshot | None = None) -> LiveSnapshot:
        """Merge the journal over `base` (default: the holder's) now, and serve that."""
        base = base if base is not None else self.holder.get()
        with self._lock:
            live = self._live
            try:
                seq = self.journal.last_seq()
                if live is not None and live.base is base and live.seq == seq:
                    return live
                fresh = self._merge(base, live, seq)
            except JournalError as exc:
                self._report(str(exc))
                if live is not None and live.base is base:
                    return live
                fresh = LiveSnapshot(base, [], {}, 0)  # the base alone, until the journal reads
            else:
                self._resolve()
            if self.warm is not None:
                self.warm(fresh)
            self._live = fresh
            return fresh

    def _merge(self, base: Snapshot, live: LiveSnapshot | None, seq: int) -> LiveSnapshot:
        """The merge at `seq`: only changes newer than the last merge over this base are read."""
        since = float(base.manifest.get("build_started_at") or 0.0)
        if live is not None and live.base is base:
            changes = self._changes + self.journal.changes(since=since, after_seq=live.seq)
        else:
            changes = self.journal.changes(since=since)
            self._prepared = {}  # term rows are in the base's vocabulary
        fresh = LiveSnapshot(base, changes, self.journal.controls(), seq, self._prepared)
        self._changes = changes
        return fresh

    def _report(self, message: str) -> None:
        if self._problem != message:
            logger.error("live changes not merged: %s; serving what was merged so far", message)
            self._problem = message

    def _resolve(self) -> None:
        if self._problem is not None:
            logger.info("journal readable again")
            self._problem = None

    def _start_in_this_process(self) -> None:
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()
            self._stop = threading.Event()
            self.journal = Journal(self.journal.path.parent, create=False)  # no inherited handle
        threading.Thread(target=self._watch, name="morelike-journal-watch", daemon=True).start()

    def _watch(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.refresh()
            except NoSnapshot:
                continue
            except Exception:  # the watcher must survive anything; requests still serve
                logger.exception("merging the journal failed")

    def stop(self) -> None:
        """Stop this process's watcher (tests)."""
        self._stop.set()
        self._pid = None
