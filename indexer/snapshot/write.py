"""Writing a snapshot: every file of the format, the manifest last, then `CURRENT`.

The build job and anything else that makes snapshots (benchmarks, tests) write
through `write_snapshot`, so what a snapshot holds per article (columns, lead
signatures, metadata, terms, vectors) is decided here and in
`indexer.snapshot.rows`, next to the reader.
"""

from __future__ import annotations

import logging
import platform
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import faiss
import numpy as np
import scipy.sparse as sp

from indexer import calibrate
from indexer.articles import Article
from indexer.faissindex import (
    DEFAULT_MEMORY_BUDGET,
    IndexPlan,
    build_index,
    choose_index,
    measure_recall,
)
from indexer.snapshot import (
    ARTICLES_FILE,
    CALIBRATION_FILE,
    COLUMNS_FILE,
    INDEX_FILE,
    LEADS_FILE,
    VECTORS_FILE,
    SnapshotError,
    finish_snapshot,
    new_version,
    prune,
    publish,
    read_manifest,
    snapshots_dir,
    write_articles_db,
)
from indexer.snapshot import rows as article_rows
from indexer.snapshot.journal import Journal, JournalError
from indexer.terms import TermModel

if TYPE_CHECKING:
    from indexer.distributed.figures import ClusterFigures

logger = logging.getLogger(__name__)


class ArticleText(Protocol):
    """What the writer needs of each article: the article and its cleaned text."""

    article: Article
    text: str


@dataclass
class Entry:
    """An article and its cleaned text, for writers other than the build job."""

    article: Article
    text: str


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
    # where cleaning and embedding ran when not in this process (per-node figures,
    # added to by each stage that ran on a cluster)
    cluster_figures: ClusterFigures | None = None

    @property
    def cluster(self) -> dict[str, Any] | None:
        """The cluster figures as the summary and the manifest give them."""
        return self.cluster_figures.as_dict() if self.cluster_figures is not None else None

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


def fit_terms(docs: Sequence[ArticleText]) -> tuple[TermModel, sp.csr_matrix]:
    """TF-IDF over the embedded text (title and cleaned body) of every article."""
    return TermModel.fit([f"{d.article.title}\n{d.text}" for d in docs])


def write_snapshot(
    data_dir: Path,
    docs: Sequence[ArticleText],
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
    """Write articles and their vectors as a new snapshot and publish it.

    Rows follow `docs`. `started_at` is when the source was read (journal
    changes from then on are merged over this snapshot); `previous` the
    snapshot it replaces.
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
    articles = [d.article for d in docs]
    sections = sorted({a.section for a in articles})
    languages = sorted({a.language for a in articles})
    cols = article_rows.columns(articles, sections, languages)
    with report.stage("calibrate"):
        pairs = calibrate.random_pairs(vectors, matrix, cols["language"])
        np.save(tmp / CALIBRATION_FILE, pairs)
        calibration = calibrate.summarize(
            pairs, languages, calibrate.neighbour_profile(index, vectors)
        )
    with report.stage("write"):
        np.save(tmp / COLUMNS_FILE, cols)
        np.save(tmp / LEADS_FILE, article_rows.leads([d.text for d in docs]))
        write_articles_db(
            tmp / ARTICLES_FILE,
            (
                (row, d.article.id, article_rows.metadata(d.article, d.text))
                for row, d in enumerate(docs)
            ),
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


def library_versions() -> dict[str, str]:
    """Versions of what made the snapshot, for the manifest."""
    out = {"python": platform.python_version(), "faiss": faiss.__version__}
    for dist in ("numpy", "sentence-transformers", "torch", "scikit-learn", "morelike"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "unknown"
    return out


def _manifest(
    report: BuildReport, plan: IndexPlan, model_info: dict[str, Any], source: str
) -> dict[str, Any]:
    manifest: dict[str, Any] = {
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
        "libraries": library_versions(),
    }
    cluster = report.cluster
    if cluster is not None:
        manifest["cluster"] = cluster
    return manifest
