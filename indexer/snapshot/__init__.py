"""The snapshot format: one immutable directory per build, and `CURRENT`.

Layout of `DATA_DIR/snapshots/<version>/`:
- `index.faiss`    FAISS index; FAISS id = row number
- `vectors.npy`    unit float32 article vectors (memory-mapped by readers)
- `columns.npy`    per-row fields the ranking filters on (memory-mapped)
- `articles.sqlite` article metadata (id, row, JSON)
- `terms_*`        sparse TF-IDF terms for hybrid scoring
- `leads.npy`      lead signatures (n x 32 uint32 MinHash of the opening words)
- `calibration.npy` sampled random article pairs (dense and TF-IDF cosine) from
                   which the service derives its similarity floors
- `manifest.json`  written last: format, model, counts, FAISS key, checksums

A build writes into `snapshots/.tmp-<version>/`, renames it into place, then
replaces `CURRENT` with an atomic rename. Readers refuse a directory without a
valid manifest or with files that do not match it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import faiss
import numpy as np
import scipy.sparse as sp
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from indexer.faissindex import set_nprobe
from indexer.terms import (
    TermModel,
    TermRow,
    load_matrix,
    row_entries,
    sparse_cosine,
    sparse_cosines,
)

logger = logging.getLogger(__name__)

FORMAT_VERSION = 4  # 2: term matrix as .npy arrays; 3: similarity calibration;
# 4: lead signatures and canonical flags stored
MANIFEST = "manifest.json"
CURRENT = "CURRENT"
SNAPSHOTS = "snapshots"
INDEX_FILE = "index.faiss"
VECTORS_FILE = "vectors.npy"
COLUMNS_FILE = "columns.npy"
ARTICLES_FILE = "articles.sqlite"
CALIBRATION_FILE = "calibration.npy"
LEADS_FILE = "leads.npy"
STATUS_CODES = {"published": 0, "draft": 1, "unpublished": 2}
NO_TIME = 0  # epoch seconds stored when a date is unknown
# What CURRENT may hold: one directory name (a version), never a path or a dot file.
_VERSION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")

COLUMNS_DTYPE = np.dtype(
    [
        ("published", "i8"),
        ("updated", "i8"),
        ("expires", "i8"),
        ("status", "i1"),
        ("sponsored", "?"),
        ("section", "i4"),
        ("language", "i4"),
        ("title_key", "u8"),
        ("url_key", "u8"),
        ("canonical", "?"),  # another article names this one's URL as canonical
        ("names_canonical", "?"),  # names another page as canonical (url_key is that page's)
    ]
)


def named_keys(cols: np.ndarray) -> np.ndarray:
    """Canonical URL keys that rows of `cols` name (their URL key is the canonical one)."""
    return np.unique(np.asarray(cols["url_key"])[np.asarray(cols["names_canonical"], dtype=bool)])


class SnapshotError(RuntimeError):
    """A snapshot that is missing, half-written, corrupt or of another format."""


def snapshots_dir(data_dir: Path) -> Path:
    """Where the snapshot directories live."""
    return Path(data_dir) / SNAPSHOTS


def new_version(now: datetime | None = None) -> str:
    """A sortable, unique snapshot name: UTC time plus a random suffix."""
    now = now or datetime.now(UTC)
    return f"{now:%Y%m%dT%H%M%S.%f}Z-{os.urandom(3).hex()}"


def file_sha256(path: Path) -> str:
    """Checksum of one file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_articles_db(path: Path, rows: Iterable[tuple[int, str, dict[str, Any]]]) -> None:
    """Article metadata, looked up by id or by row."""
    db = sqlite3.connect(path)
    with db:
        db.execute("CREATE TABLE articles (row INTEGER PRIMARY KEY, id TEXT UNIQUE, data TEXT)")
        db.executemany(
            "INSERT INTO articles VALUES (?, ?, ?)",
            ((row, aid, json.dumps(data, ensure_ascii=False)) for row, aid, data in rows),
        )
    db.close()


def finish_snapshot(tmp_dir: Path, manifest: dict[str, Any]) -> Path:
    """Checksum the files, write the manifest last and move the directory into place."""
    files = {}
    for file in sorted(tmp_dir.iterdir()):
        if file.is_file():
            with file.open("rb") as fh:
                os.fsync(fh.fileno())
            files[file.name] = {"sha256": file_sha256(file), "bytes": file.stat().st_size}
    manifest = {**manifest, "format_version": FORMAT_VERSION, "files": files}
    tmp_manifest = tmp_dir / (MANIFEST + ".tmp")
    tmp_manifest.write_text(json.dumps(manifest, indent=2, sort_keys=True))
    with tmp_manifest.open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp_manifest, tmp_dir / MANIFEST)
    final = tmp_dir.parent / manifest["version"]
    os.replace(tmp_dir, final)
    _fsync_dir(final.parent)
    return final


def publish(data_dir: Path, version: str) -> None:
    """Point `CURRENT` at `version` with an atomic rename."""
    data_dir = Path(data_dir)
    read_manifest(snapshots_dir(data_dir) / version)  # refuse what would not load
    tmp = data_dir / f".{CURRENT}.{os.getpid()}.tmp"
    tmp.write_text(version + "\n")
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, data_dir / CURRENT)
    _fsync_dir(data_dir)
    logger.info("CURRENT -> %s", version)


def current_version(data_dir: Path) -> str | None:
    """The version `CURRENT` names, or None when there is no `CURRENT` yet.

    A `CURRENT` that exists but cannot name a snapshot (not UTF-8, empty, several
    lines, a path, a directory, unreadable) raises `SnapshotError`: a damaged
    pointer must not look like "nothing built yet", nor crash its reader.
    """
    path = Path(data_dir) / CURRENT
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SnapshotError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    try:
        name = raw.decode("utf-8").strip()
    except UnicodeDecodeError as exc:
        raise SnapshotError(
            f"{path}: not UTF-8 text (byte {exc.start} is {raw[exc.start : exc.start + 1]!r}); "
            "it must hold one snapshot version"
        ) from exc
    if not _VERSION_NAME.fullmatch(name):
        shown = repr(name[:60]) + ("..." if len(name) > 60 else "") if name else "nothing"
        raise SnapshotError(f"{path}: holds {shown}, not a snapshot version")
    return name


def readable_current(data_dir: Path) -> str | None:
    """The version `CURRENT` names, or None when there is none or it is damaged.

    For the commands that repair or tidy (rollback, prune, list): a damaged
    `CURRENT` is what they must still be able to replace.
    """
    try:
        return current_version(data_dir)
    except SnapshotError as exc:
        logger.warning("%s", exc)
        return None


def list_versions(data_dir: Path) -> list[str]:
    """Complete snapshots (those with a manifest), oldest first."""
    root = snapshots_dir(data_dir)
    if not root.is_dir():
        return []
    return sorted(
        p.name for p in root.iterdir() if not p.name.startswith(".") and (p / MANIFEST).exists()
    )


def prune(data_dir: Path, keep: int) -> list[str]:
    """Delete old snapshots beyond the newest `keep` (never the current one)."""
    current = readable_current(data_dir)
    versions = list_versions(data_dir)
    doomed = [v for v in versions[: max(0, len(versions) - keep)] if v != current]
    for version in doomed:
        shutil.rmtree(snapshots_dir(data_dir) / version, ignore_errors=True)
    for stale in snapshots_dir(data_dir).glob(".tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)
    return doomed


def rollback(data_dir: Path, to: str | None = None) -> str:
    """Point `CURRENT` at `to`, or at the newest valid snapshot older than the current."""
    versions = list_versions(data_dir)
    current = readable_current(data_dir)
    if to is None:
        older = [v for v in versions if current is None or v < current]
        if not older:
            raise SnapshotError("no older snapshot to roll back to")
        to = older[-1]
    if to not in versions:
        raise SnapshotError(f"snapshot {to!r} not found in {snapshots_dir(data_dir)}")
    publish(data_dir, to)
    return to


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of one snapshot directory, checked for shape, format, version and files.

    Everything a reader relies on is checked here, so a damaged or foreign
    directory is one `SnapshotError` that says what is wrong, never a
    `KeyError` or `AttributeError` later.
    """
    path = Path(path)
    if not path.is_dir():
        raise SnapshotError(f"{path}: no such snapshot directory")
    try:
        manifest = json.loads((path / MANIFEST).read_bytes())
    except FileNotFoundError as exc:
        raise SnapshotError(f"{path}: no {MANIFEST} (half-written or not a snapshot)") from exc
    except OSError as exc:
        raise SnapshotError(f"{path}/{MANIFEST}: cannot be read ({exc.strerror or exc})") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SnapshotError(f"{path}/{MANIFEST}: not valid JSON ({exc})") from exc
    if not isinstance(manifest, dict):
        raise SnapshotError(f"{path}/{MANIFEST}: not a JSON object (got {_json_kind(manifest)})")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise SnapshotError(
            f"{path}: format version {manifest.get('format_version')!r}, "
            f"this Morelike reads {FORMAT_VERSION}"
        )
    _check_manifest_shape(path, manifest)
    if manifest["version"] != path.name:
        raise SnapshotError(
            f"{path}: the manifest is of snapshot {manifest['version']!r} (copied or renamed?)"
        )
    for name, info in manifest["files"].items():
        file = path / name
        if not file.is_file():
            raise SnapshotError(f"{path}: {name} is missing")
        if file.stat().st_size != info["bytes"]:
            raise SnapshotError(
                f"{path}: {name} has {file.stat().st_size} bytes, manifest says {info['bytes']}"
            )
    return manifest


class _Strict(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)


class _FileEntry(_Strict):
    sha256: str
    bytes: int = Field(ge=0)


class _Faiss(_Strict):
    exact: bool
    nprobe: int = Field(0, ge=0)


class _Counts(_Strict):
    articles: int = Field(ge=0)


class _ModelInfo(_Strict):
    name: str | None = None
    dimension: int | None = Field(None, ge=1)


class _Manifest(_Strict):
    """The keys and types readers of a snapshot rely on (other keys are kept as they are)."""

    version: str
    files: dict[str, _FileEntry]
    counts: _Counts
    faiss: _Faiss
    sections: list[str]
    languages: list[str]
    model: _ModelInfo | None = None
    calibration: dict[str, Any] | None = None


def _check_manifest_shape(path: Path, manifest: dict[str, Any]) -> None:
    try:
        _Manifest.model_validate(manifest)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'manifest'}: {err['msg'].lower()}"
            for err in exc.errors(include_url=False)[:5]
        )
        raise SnapshotError(f"{path}/{MANIFEST}: {problems}") from exc


def _json_kind(value: object) -> str:
    kinds = {list: "an array", str: "a string", int: "a number", float: "a number"}
    return kinds.get(type(value), "null" if value is None else type(value).__name__)


def verify(path: Path) -> list[str]:
    """Checksum every file against the manifest; returns the problems found."""
    manifest = read_manifest(path)
    return [
        f"{name}: checksum mismatch"
        for name, info in manifest["files"].items()
        if file_sha256(path / name) != info["sha256"]
    ]


def code_in(names: list[str], value: str) -> int:
    """Code (position) of a section or language name in `names`, -1 when absent."""
    try:
        return names.index(value.lower())
    except ValueError:
        return -1


class Snapshot:
    """A loaded, read-only snapshot: index, vectors, columns, terms and metadata."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.manifest = read_manifest(self.path)
        self.version: str = self.manifest["version"]
        try:
            flags = faiss.IO_FLAG_READ_ONLY
            flags |= (
                faiss.IO_FLAG_MMAP_IFC if self.manifest["faiss"]["exact"] else faiss.IO_FLAG_MMAP
            )
            self.index = faiss.read_index(str(self.path / INDEX_FILE), flags)
            set_nprobe(self.index, int(self.manifest["faiss"].get("nprobe", 0)))
            self.vectors: np.ndarray = np.load(self.path / VECTORS_FILE, mmap_mode="r")
            self.columns: np.ndarray = np.load(self.path / COLUMNS_FILE, mmap_mode="r")
            self.term_matrix = load_matrix(self.path)
            self.calibration_pairs: np.ndarray = np.load(self.path / CALIBRATION_FILE)
            self.leads: np.ndarray = np.load(self.path / LEADS_FILE, mmap_mode="r")
        except (RuntimeError, OSError, ValueError, KeyError) as exc:
            raise SnapshotError(f"{self.path}: cannot load ({exc})") from exc
        self.count = int(self.manifest["counts"]["articles"])
        if not (
            self.index.ntotal
            == len(self.vectors)
            == len(self.columns)
            == len(self.leads)
            == self.count
        ):
            raise SnapshotError(
                f"{self.path}: index, vectors, columns and leads disagree on the count"
            )
        self.sections: list[str] = self.manifest["sections"]
        self.languages: list[str] = self.manifest["languages"]
        self._check_articles()
        self._local = threading.local()
        self._terms: TermModel | None = None
        self._terms_lock = threading.Lock()

    @functools.cached_property
    def named_canonical(self) -> frozenset[int]:
        """Canonical URL keys its articles name (canonical flags of live additions)."""
        return frozenset(int(k) for k in named_keys(self.columns))

    def _check_articles(self) -> None:
        """Open the article database once now, so a damaged one is refused before it serves."""
        uri = f"file:{self.path / ARTICLES_FILE}?mode=ro&immutable=1"
        try:
            db = sqlite3.connect(uri, uri=True)
            try:
                (rows,) = db.execute("SELECT count(*) FROM articles").fetchone()
            finally:
                db.close()
        except sqlite3.Error as exc:
            raise SnapshotError(f"{self.path}/{ARTICLES_FILE}: cannot be read ({exc})") from exc
        if rows != self.count:
            raise SnapshotError(
                f"{self.path}/{ARTICLES_FILE}: {rows} articles, the manifest says {self.count}"
            )

    @property
    def terms(self) -> TermModel:
        """The TF-IDF vectoriser for texts that are not indexed, loaded on first use."""
        if self._terms is None:
            with self._terms_lock:
                if self._terms is None:
                    self._terms = TermModel.load(self.path)
        return self._terms

    @property
    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            uri = f"file:{self.path / ARTICLES_FILE}?mode=ro&immutable=1"
            db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._local.db = db
        return db

    def row_of(self, article_id: str) -> int | None:
        """Row (FAISS id) of an article id, or None when unknown."""
        hit = self._db.execute("SELECT row FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if hit is None else int(hit[0])

    def article(self, article_id: str) -> dict[str, Any] | None:
        """Metadata of one article by id."""
        hit = self._db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if hit is None else dict(json.loads(hit[0]))

    def articles_at(self, rows: Sequence[int]) -> list[dict[str, Any]]:
        """Metadata of articles by row, in the order given."""
        if not rows:
            return []
        marks = ",".join("?" * len(rows))
        found = dict(
            self._db.execute(
                f"SELECT row, data FROM articles WHERE row IN ({marks})", [int(r) for r in rows]
            ).fetchall()
        )
        return [json.loads(found[int(r)]) for r in rows]

    def code_of(self, kind: str, value: str) -> int:
        """Code of a section or language name in the columns (-1 when absent)."""
        return code_in(self.sections if kind == "section" else self.languages, value)

    def search(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k rows and scores for one unit query vector.

        `allowed` is a boolean mask over rows; it is applied inside FAISS, before
        the cut, so a filtered search still returns k rows when k exist.
        """
        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        k = min(k, self.count)
        params = None
        if allowed is not None:
            bits = np.packbits(allowed.astype(np.uint8), bitorder="little")
            selector = faiss.IDSelectorBitmap(len(allowed), faiss.swig_ptr(bits))
            if self.manifest["faiss"]["exact"]:
                params = faiss.SearchParameters()
            else:
                params = faiss.SearchParametersIVF()
                params.nprobe = int(self.manifest["faiss"]["nprobe"])
            params.sel = selector
        scores, rows = self.index.search(q, k, params=params)
        keep = rows[0] >= 0
        return rows[0][keep], scores[0][keep]

    def term_similarity(self, rows: np.ndarray, query: sp.csr_matrix) -> np.ndarray:
        """TF-IDF cosine of `rows` to one normalised query term vector."""
        return sparse_cosine(self.term_matrix, np.asarray(rows, dtype=np.int64), query)

    def term_similarities(self, rows: np.ndarray, queries: Sequence[TermRow]) -> np.ndarray:
        """TF-IDF cosine of `rows` to each normalised query term row: (rows, queries)."""
        return sparse_cosines(self.term_matrix, np.asarray(rows, dtype=np.int64), queries)

    def term_rows(self, rows: Sequence[int] | np.ndarray) -> list[TermRow]:
        """Each row's term indices and weights (for `term_similarities`)."""
        return row_entries(self.term_matrix, np.asarray(rows, dtype=np.int64))

    def term_vectors(self, rows: Sequence[int] | np.ndarray) -> sp.csr_matrix:
        """Sparse term rows of indexed articles."""
        return self.term_matrix[np.asarray(rows, dtype=np.int64)]

    def close(self) -> None:
        """Drop the index and connections (other threads' connections close with them)."""
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()


def load_current(data_dir: Path) -> Snapshot:
    """Load the snapshot `CURRENT` names; `SnapshotError` says why when it cannot."""
    version = current_version(data_dir)
    if version is None:
        raise SnapshotError(f"{data_dir}: no snapshot yet (no {CURRENT})")
    try:
        return Snapshot(snapshots_dir(data_dir) / version)
    except SnapshotError as exc:
        raise SnapshotError(f"{CURRENT} names {version!r}, which cannot be loaded: {exc}") from exc
