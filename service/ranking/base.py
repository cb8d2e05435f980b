"""The pipeline's vocabulary: the source, a recommended item and why it is there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import scipy.sparse as sp

from indexer.embedder import Embedder
from indexer.snapshot.lead import lead_signature
from indexer.snapshot.rows import key64, normalize_title, normalize_url
from indexer.terms import TermRow

DAY = 86_400.0

PINNED = "pinned"  # an editor pinned it to this article's list
SIMILAR = "similar"  # clearly similar: above the calibrated floor
RELATED = "related"  # fill by relevance: weakly related, beats most random pairs
SAME_SECTION_RECENT = "same_section_recent"  # fill by recency: newest of the section
RECENT = "recent"  # fill by recency: newest site-wide
REASONS = (PINNED, SIMILAR, RELATED, SAME_SECTION_RECENT, RECENT)


class Corpus(Protocol):
    """What the ranking reads: a `Snapshot`, or one with live changes merged (`LiveSnapshot`).

    Rows are numbered 0..count-1; `columns` is a `COLUMNS_DTYPE` array over them;
    `vectors[rows]` gives unit vectors and `leads[rows]` lead signatures; `search`
    applies a row mask before the cut.
    """

    version: str
    count: int
    manifest: dict[str, Any]
    sections: list[str]
    languages: list[str]
    columns: np.ndarray
    vectors: Any
    leads: Any  # (count, PERMUTATIONS) uint32 lead signatures
    calibration_pairs: np.ndarray

    @property
    def terms(self) -> Any: ...

    def row_of(self, article_id: str) -> int | None: ...

    def article(self, article_id: str) -> dict[str, Any] | None: ...

    def articles_at(self, rows: Sequence[int]) -> list[dict[str, Any]]: ...

    def code_of(self, kind: str, value: str) -> int: ...

    def search(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]: ...

    def term_similarity(self, rows: np.ndarray, query: sp.csr_matrix) -> np.ndarray: ...

    def term_similarities(self, rows: np.ndarray, queries: Sequence[TermRow]) -> np.ndarray: ...

    def term_rows(self, rows: Sequence[int] | np.ndarray) -> list[TermRow]: ...

    def term_vectors(self, rows: Sequence[int] | np.ndarray) -> sp.csr_matrix: ...


@dataclass
class Source:
    """What the list is for: an indexed row or a text embedded on the fly."""

    vector: np.ndarray
    terms: sp.csr_matrix
    row: int | None = None
    id: str | None = None
    language: str = ""
    section: str = ""
    title_key: int = 0
    url_key: int = 0
    published: float = 0.0
    lead: np.ndarray | None = None  # lead signature of a text source (rows use the view's)


@dataclass
class Item:
    """One recommended article: its row, score and why it is there.

    `reason` is one of `REASONS`; `extra` carries the score's parts
    (`similarity`, `dense`, `sparse`, `freshness`) for debugging.
    """

    row: int
    score: float
    reason: str = SIMILAR
    extra: dict[str, float] = field(default_factory=dict)


def source_from_row(snapshot: Corpus, row: int) -> Source:
    """The source for an indexed article."""
    col = snapshot.columns[row]
    meta = snapshot.articles_at([row])[0]
    return Source(
        vector=np.asarray(snapshot.vectors[row], dtype=np.float32),
        terms=snapshot.term_vectors([row]),
        row=row,
        id=meta["id"],
        language=snapshot.languages[int(col["language"])],
        section=snapshot.sections[int(col["section"])],
        title_key=int(col["title_key"]),
        url_key=int(col["url_key"]),
        published=float(col["published"]),
    )


def source_from_text(
    snapshot: Corpus,
    embedder: Embedder,
    title: str,
    text: str,
    *,
    url: str = "",
    language: str = "",
    section: str = "",
    max_passages: int | None = None,
) -> Source:
    """The source for a text that is not indexed (a draft, a page published a minute ago).

    `max_passages` bounds the passages embedded (the snapshot's recipe otherwise).
    """
    vector = embedder.encode_articles([(title, text)], max_chunks=max_passages)[0]
    return Source(
        vector=vector,
        terms=snapshot.terms.transform([f"{title}\n{text}"]),
        language=language.lower(),
        section=section.lower(),
        title_key=key64(normalize_title(title)),
        url_key=key64(normalize_url(url)),
        lead=lead_signature(text),
    )
