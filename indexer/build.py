"""The build job: source → clean → embed (cached) → FAISS + terms → snapshot → CURRENT.

Bad records are reported with their location, counted and skipped (or fail the
build in strict mode). Nothing touches `CURRENT` until the new snapshot is
complete on disk, so a build that dies half-way leaves the old one serving.
"""

from __future__ import annotations

import hashlib
import logging
import os
import platform
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import faiss
import numpy as np
import scipy.sparse as sp
from tqdm import tqdm

from indexer import calibrate, rows
from indexer.articles import Article, RecordError, parse_record
from indexer.clean import CleanRules, recurring_lines, rule_lines, strip_recurring
from indexer.embcache import EmbeddingCache
from indexer.embedder import Embedder
from indexer.faissindex import (
    DEFAULT_MEMORY_BUDGET,
    IndexPlan,
    build_index,
    choose_index,
    measure_recall,
)
from indexer.journal import Journal, JournalError
from indexer.snapshot import (
    ARTICLES_FILE,
    CALIBRATION_FILE,
    COLUMNS_FILE,
    INDEX_FILE,
    VECTORS_FILE,
    SnapshotError,
    finish_snapshot,
    new_version,
    prune,
    publish,
    read_manifest,
    readable_current,
    snapshots_dir,
    write_articles_db,
)
from indexer.sources import Item, Source, SourceError, SourceOptions, SourceProblem, open_source
from indexer.sync import SyncState, article_hash
from indexer.terms import TermModel

logger = logging.getLogger(__name__)

CACHE_FILE = "cache/embeddings.sqlite"


class BuildError(RuntimeError):
    """The build cannot go on: missing source, empty corpus, unwritable data dir, strict."""


@dataclass
class BuildOptions:
    """What to build from and where; the same names as the CLI flags."""

    source: Path | str  # a path, or a URL of a feed, sitemap, WordPress site or database
    data_dir: Path
    strict: bool = False
    keep: int = 5
    model: str | None = None
    doc_batch: int = 256
    memory_budget: int = DEFAULT_MEMORY_BUDGET
    rules: CleanRules = field(default_factory=CleanRules)
    progress: bool = False
    sources: SourceOptions = field(default_factory=SourceOptions)


@dataclass
class BuildReport:
    """What a build did: counts, problems with their locations, seconds per stage."""

    version: str = ""
    path: Path | None = None
    source: str = ""  # what was read, without credentials
    read: int = 0
    indexed: int = 0
    embedded: int = 0
    reused: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    stages: dict[str, float] = field(default_factory=dict)
    index_key: str = ""
    recall_at_10: float | None = None

    def skip(self, location: str, reason: str, kind: str) -> None:
        """Record a skipped record."""
        self.problems.append((location, reason))
        self.skipped[kind] += 1
        logger.warning("skipped %s: %s", location, reason)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time one stage of the build."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] = round(self.stages.get(name, 0.0) + time.perf_counter() - start, 4)


@dataclass
class Prepared:
    """An article with its cleaned lines and the text that gets embedded."""

    article: Article
    location: str
    lines: list[str]
    text: str = ""


def check_writable(data_dir: Path) -> None:
    """Fail early, before any work, when the data dir cannot be written."""
    try:
        snapshots_dir(data_dir).mkdir(parents=True, exist_ok=True)
        probe = data_dir / f".write-test-{os.getpid()}"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        raise BuildError(f"data dir {data_dir} is not writable: {exc.strerror or exc}") from exc


def open_build_source(options: BuildOptions) -> Source:
    """The source to read, keeping fetch state in the data dir's cache for re-fetches."""
    sources = options.sources
    if sources.state_dir is None:
        sources = replace(sources, state_dir=Path(options.data_dir) / "cache")
    try:
        return open_source(options.source, sources)
    except SourceError as exc:
        raise BuildError(str(exc)) from exc


def read_articles(options: BuildOptions, report: BuildReport) -> list[Prepared]:
    """Read and validate the source; bad records are reported and skipped."""
    source = open_build_source(options)
    report.source = source.name
    try:
        return validate_items(source.records(), options, report)
    except SourceError as exc:
        raise BuildError(str(exc)) from exc
    finally:
        source.close()


def validate_items(
    items: Iterable[Item], options: BuildOptions, report: BuildReport
) -> list[Prepared]:
    """Parse raw records into articles; bad ones are reported with their location."""
    docs: list[Prepared] = []
    seen: dict[str, str] = {}
    for item in items:
        report.read += 1
        if isinstance(item, SourceProblem):
            report.skip(item.location, item.reason, item.kind)
            continue
        try:
            article = parse_record(item.record)
        except RecordError as exc:
            report.skip(item.location, str(exc), exc.kind)
            continue
        if article.id in seen:
            report.skip(
                item.location,
                f"duplicate id {article.id!r} (first at {seen[article.id]})",
                "duplicate id",
            )
            continue
        seen[article.id] = item.location
        lines = rule_lines(article.body, options.rules, article.title)
        docs.append(Prepared(article, item.location, lines))
    return docs


def clean_articles(
    docs: list[Prepared], options: BuildOptions, report: BuildReport
) -> list[Prepared]:
    """Drop corpus-wide recurring lines; skip articles left with no text."""
    recurring = recurring_lines((d.lines for d in docs), options.rules)
    if recurring:
        logger.info("dropping %d lines that recur across the corpus", len(recurring))
    kept = []
    for doc in docs:
        doc.text = strip_recurring(doc.lines, recurring)
        if not doc.text and not doc.article.title:
            report.skip(doc.location, "no text after cleaning", "no text")
            continue
        kept.append(doc)
    return kept


def _embed(
    docs: list[Prepared],
    embedder: Embedder,
    cache: EmbeddingCache,
    options: BuildOptions,
    report: BuildReport,
) -> np.ndarray:
    hashes = [hashlib.sha256(f"{d.article.title}\n{d.text}".encode()).hexdigest() for d in docs]
    cached = cache.get_many(hashes)
    todo = [i for i, h in enumerate(hashes) if h not in cached]
    report.reused = len(docs) - len(todo)
    report.embedded = len(todo)
    vectors: dict[str, np.ndarray] = dict(cached)
    bar = tqdm(total=len(todo), unit="article", desc="embedding", disable=not options.progress)
    for start in range(0, len(todo), options.doc_batch):
        batch = todo[start : start + options.doc_batch]
        encoded = embedder.encode_articles([(docs[i].article.title, docs[i].text) for i in batch])
        fresh = [(hashes[i], encoded[j]) for j, i in enumerate(batch)]
        cache.put_many(fresh)  # per batch: a killed build keeps what it embedded
        vectors.update(fresh)
        bar.update(len(batch))
    bar.close()
    return np.stack([vectors[h] for h in hashes]).astype(np.float32)


def _columns(docs: list[Prepared]) -> tuple[np.ndarray, list[str], list[str]]:
    sections = sorted({d.article.section for d in docs})
    languages = sorted({d.article.language for d in docs})
    return rows.columns([d.article for d in docs], sections, languages), sections, languages


def _library_versions() -> dict[str, str]:
    out = {"python": platform.python_version(), "faiss": faiss.__version__}
    for dist in ("numpy", "sentence-transformers", "torch", "scikit-learn", "morelike"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "unknown"
    return out


def build(options: BuildOptions, embedder: Embedder | None = None) -> BuildReport:
    """Run one build and publish it; raises `BuildError` when it cannot.

    Live changes journalled before the build started are in the source it read:
    the snapshot records that time, and the journal keeps only what the
    previous snapshot still needs (`fold_journal`).
    """
    started = time.time()
    report = BuildReport()
    data_dir = Path(options.data_dir)
    check_writable(data_dir)
    with report.stage("read"):
        docs = read_articles(options, report)
    if options.strict and report.problems:
        where = "; ".join(f"{loc}: {why}" for loc, why in report.problems[:5])
        raise BuildError(f"strict mode: {len(report.problems)} bad records ({where})")
    with report.stage("clean"):
        docs = clean_articles(docs, options, report)
    if not docs:
        reasons = ", ".join(f"{k}: {v}" for k, v in report.skipped.most_common())
        raise BuildError(
            f"empty corpus: no usable article in {report.source or options.source}"
            + (f" (skipped: {reasons})" if reasons else "")
        )
    embedder = embedder or Embedder(options.model)
    cache = EmbeddingCache(data_dir / CACHE_FILE, embedder.model_id)
    # The TF-IDF fit is Python work; torch releases the GIL while it encodes,
    # so the fit runs beside the embedding instead of after it.
    with ThreadPoolExecutor(1, thread_name_prefix="terms") as pool:
        terms = pool.submit(fit_terms, docs)
        try:
            with report.stage("embed"):
                vectors = _embed(docs, embedder, cache, options, report)
        finally:
            cache.close()
        fitted = terms.result()
    model_info = {
        "name": embedder.model_name,
        "id": embedder.model_id,
        "dimension": int(vectors.shape[1]),
        "chunk_words": embedder.chunk_words,
        "max_chunks": embedder.max_chunks,
        "head_weight": embedder.head_weight,
    }
    write_snapshot(
        data_dir,
        docs,
        vectors,
        report,
        model_info=model_info,
        source=report.source or str(options.source),
        memory_budget=options.memory_budget,
        keep=options.keep,
        terms=fitted,
        started_at=started,
        previous=readable_current(data_dir),
    )
    remember_for_sync(data_dir, report.source or str(options.source), docs)
    return report


def remember_for_sync(data_dir: Path, source: str, docs: list[Prepared]) -> None:
    """What this build holds from `source`, so `morelike sync` writes only real changes."""
    try:
        state = SyncState(data_dir)
        try:
            state.reset(source, {d.article.id: article_hash(d.article, d.lines) for d in docs})
        finally:
            state.close()
    except sqlite3.Error as exc:  # the snapshot is published; a later sync re-sends more
        logger.warning("sync state not written: %s", exc)


def fit_terms(docs: list[Prepared]) -> tuple[TermModel, sp.csr_matrix]:
    """TF-IDF over the embedded text (title and cleaned body) of every article."""
    return TermModel.fit([f"{d.article.title}\n{d.text}" for d in docs])


def write_snapshot(
    data_dir: Path,
    docs: list[Prepared],
    vectors: np.ndarray,
    report: BuildReport,
    *,
    model_info: dict[str, Any],
    source: str,
    memory_budget: int = DEFAULT_MEMORY_BUDGET,
    keep: int = 5,
    terms: tuple[TermModel, sp.csr_matrix] | None = None,
    started_at: float | None = None,
    previous: str | None = None,
) -> BuildReport:
    """Write prepared articles and their vectors as a new snapshot and publish it.

    Rows follow `docs`. Also used to write synthetic snapshots for benchmarks.
    `started_at` is when the source was read (journal changes from then on are
    merged over this snapshot); `previous` the snapshot it replaces.
    """
    report.version = new_version()
    tmp = snapshots_dir(data_dir) / f".tmp-{report.version}"
    tmp.mkdir(parents=True)
    with report.stage("index"):
        plan = choose_index(len(vectors), vectors.shape[1], memory_budget)
        index = build_index(vectors, plan)
        if not plan.exact:
            report.recall_at_10 = round(measure_recall(index, vectors), 4)
        faiss.write_index(index, str(tmp / INDEX_FILE))
        np.save(tmp / VECTORS_FILE, vectors)
        report.index_key = plan.key
    with report.stage("terms"):
        term_model, matrix = terms or fit_terms(docs)
        term_model.save(tmp, matrix)
    cols, sections, languages = _columns(docs)
    with report.stage("calibrate"):
        pairs = calibrate.random_pairs(vectors, matrix, cols["language"])
        np.save(tmp / CALIBRATION_FILE, pairs)
        calibration = calibrate.summarize(
            pairs, languages, calibrate.neighbour_profile(index, vectors)
        )
    with report.stage("write"):
        np.save(tmp / COLUMNS_FILE, cols)
        write_articles_db(
            tmp / ARTICLES_FILE,
            ((row, d.article.id, rows.metadata(d.article, d.text)) for row, d in enumerate(docs)),
        )
        report.indexed = len(docs)
        manifest = _manifest(report, plan, model_info, source)
        manifest.update(sections=sections, languages=languages, calibration=calibration)
        manifest["build_started_at"] = time.time() if started_at is None else started_at
        report.path = finish_snapshot(tmp, manifest)
        publish(data_dir, report.version)
        prune(data_dir, keep)
        fold_journal(data_dir, previous)
    return report


def fold_journal(data_dir: Path, previous: str | None) -> None:
    """Drop journal changes older than the previous snapshot's build: superseded twice.

    Workers still on the previous snapshot until their next check need the
    changes made since it was built; what is older is in both snapshots' sources.
    """
    journal = Journal(data_dir, create=False)
    if previous is None or not journal.exists():
        return
    try:
        manifest = read_manifest(snapshots_dir(data_dir) / previous)
        dropped = journal.prune(before=float(manifest.get("build_started_at") or 0.0))
    except (SnapshotError, JournalError) as exc:
        logger.warning("journal not folded: %s", exc)
        return
    finally:
        journal.close()
    if dropped:
        logger.info("journal: %d changes superseded by builds dropped", dropped)


def _manifest(
    report: BuildReport, plan: IndexPlan, model_info: dict[str, Any], source: str
) -> dict[str, Any]:
    return {
        "version": report.version,
        "created_at": datetime.now(UTC).isoformat(),
        "source": source,
        "model": model_info,
        "faiss": {
            "key": plan.key,
            "exact": plan.exact,
            "nprobe": plan.nprobe,
            "metric": "inner_product",
            "recall_at_10": report.recall_at_10,
        },
        "counts": {
            "articles": report.indexed,
            "read": report.read,
            "skipped": sum(report.skipped.values()),
            "embedded": report.embedded,
            "reused": report.reused,
        },
        "skipped": dict(report.skipped),
        "stages": dict(report.stages),
        "libraries": _library_versions(),
    }
