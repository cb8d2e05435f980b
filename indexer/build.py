"""The build job: source → clean → embed (cached) → FAISS + terms → snapshot → CURRENT.

Bad records are reported with their location, counted and skipped (or fail the
build in strict mode). Nothing touches `CURRENT` until the new snapshot is
complete on disk, so a build that dies half-way leaves the old one serving.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from tqdm import tqdm

from indexer.articles import Article, RecordError, parse_record
from indexer.clean import CleanRules, recurring_lines, rule_lines, strip_recurring
from indexer.distributed.cluster import NODE_WAIT
from indexer.embcache import EmbeddingCache, content_hash
from indexer.embedder import DEFAULT_BACKEND, Embedder
from indexer.faissindex import DEFAULT_MEMORY_BUDGET
from indexer.snapshot import readable_current, snapshots_dir
from indexer.snapshot.write import BuildReport, fit_terms, write_snapshot
from indexer.sources import Item, Source, SourceError, SourceOptions, SourceProblem, open_source
from indexer.sync import SyncState, article_hash

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
    backend: str = DEFAULT_BACKEND  # the model runtime (indexer.encoders.BACKENDS)
    doc_batch: int = 256
    memory_budget: int = DEFAULT_MEMORY_BUDGET
    rules: CleanRules = field(default_factory=CleanRules)
    progress: bool = False
    sources: SourceOptions = field(default_factory=SourceOptions)
    ray_address: str | None = None  # clean and embed on this Ray cluster (indexer.distributed)
    ray_nodes: int = 1  # start once this many Ray nodes with CPUs have joined
    ray_wait: float = NODE_WAIT  # seconds to wait for them (and for any node, once all are lost)


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
        docs.append(Prepared(article, item.location, []))  # lines: `clean_articles`
    return docs


def extract_lines(docs: list[Prepared], options: BuildOptions, report: BuildReport) -> None:
    """Each article's main-text lines without rule-based boilerplate (`rule_lines`).

    With `ray_address` the same function runs as Ray tasks, in batches.
    """
    if options.ray_address:
        from indexer.distributed import clean_on_cluster

        clean_on_cluster(docs, options, report)
        return
    for doc in docs:
        doc.lines = rule_lines(doc.article.body, options.rules, doc.article.title)


def clean_articles(
    docs: list[Prepared], options: BuildOptions, report: BuildReport
) -> list[Prepared]:
    """Extract each article's lines, drop corpus-wide recurring lines; skip empty articles."""
    extract_lines(docs, options, report)
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
    """Vectors of `docs` in order: cached ones reused, the rest encoded here or on Ray.

    Missing articles are encoded in consecutive slices of `doc_batch` wherever
    they run, and each slice is cached as it comes back: a killed build keeps
    what it embedded.
    """
    hashes = [content_hash(d.article.title, d.text) for d in docs]
    cached = cache.get_many(hashes)
    missing = [
        (h, d.article.title, d.text) for h, d in zip(hashes, docs, strict=True) if h not in cached
    ]
    report.reused = len(docs) - len(missing)
    report.embedded = len(missing)
    vectors: dict[str, np.ndarray] = dict(cached)
    if options.ray_address:
        from indexer.distributed import embed_missing

        vectors.update(embed_missing(missing, embedder, cache, options, report))
    else:
        bar = tqdm(
            total=len(missing), unit="article", desc="embedding", disable=not options.progress
        )
        for start in range(0, len(missing), options.doc_batch):
            batch = missing[start : start + options.doc_batch]
            encoded = embedder.encode_articles([(title, text) for _, title, text in batch])
            fresh = [(h, encoded[j]) for j, (h, _, _) in enumerate(batch)]
            cache.put_many(fresh)
            vectors.update(fresh)
            bar.update(len(batch))
        bar.close()
    return np.stack([vectors[h] for h in hashes]).astype(np.float32)


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
    embedder = embedder or Embedder(options.model, backend=options.backend)
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
    model_info = {**embedder.recipe, "dimension": int(vectors.shape[1])}
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
