"""Sparse lexical term vectors (TF-IDF), built at index time for hybrid scoring.

The snapshot stores the vocabulary, the idf weights and the L2-normalised
article-term matrix (as three plain `.npy` arrays, so that every worker
memory-maps one copy); the service rebuilds the same vectoriser from them, on
first use, to score texts that are not indexed. One definition of the
tokenisation, here.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

VOCAB_FILE = "terms_vocab.json"
IDF_FILE = "terms_idf.npy"
MATRIX_PARTS = ("data", "indices", "indptr")
SHAPE_FILE = "terms_shape.json"


# scikit-learn's English stop words, less the nouns news text is about ("fire",
# "bill", "interest", "system", ...): function words and light verbs only. They
# carry no topic, yet in short wire items they make up much of the overlap.
CONTENT_WORDS = frozenset(
    [
        "amount",
        "bill",
        "bottom",
        "detail",
        "fire",
        "front",
        "interest",
        "mill",
        "name",
        "side",
        "system",
        "top",
    ]
)
STOP_WORDS = sorted(ENGLISH_STOP_WORDS - CONTENT_WORDS)


def _vectorizer(vocabulary: dict[str, int] | None = None) -> TfidfVectorizer:
    return TfidfVectorizer(
        lowercase=True,
        strip_accents="unicode",
        sublinear_tf=True,
        min_df=1 if vocabulary else 2,
        max_df=0.5 if vocabulary is None else 1.0,
        max_features=None if vocabulary else 200_000,
        ngram_range=(1, 1),
        token_pattern=r"(?u)\b[^\W\d_][^\W_]+\b",
        stop_words=None if vocabulary else STOP_WORDS,
        vocabulary=vocabulary,
        dtype=np.float32,
    )


class TermModel:
    """A fitted TF-IDF vectoriser that can be saved into and loaded from a snapshot."""

    def __init__(self, vectorizer: TfidfVectorizer) -> None:
        self.vectorizer = vectorizer

    @classmethod
    def fit(cls, texts: Sequence[str]) -> tuple[TermModel, sp.csr_matrix]:
        """Fit on the corpus; returns the model and the article-term matrix."""
        vec = _vectorizer()
        if len(texts) < 4:
            vec.set_params(min_df=1, max_df=1.0)
        try:
            matrix = vec.fit_transform(texts)
        except ValueError:  # no term survives the df limits (tiny corpora)
            vec.set_params(min_df=1, max_df=1.0)
            matrix = vec.fit_transform(texts)
        return cls(vec), sp.csr_matrix(matrix, dtype=np.float32)

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Term vectors of new texts, in the snapshot's vocabulary."""
        return sp.csr_matrix(self.vectorizer.transform(texts), dtype=np.float32)

    def save(self, directory: Path, matrix: sp.csr_matrix) -> None:
        """Write vocabulary, idf and matrix into `directory`."""
        vocab = {t: int(i) for t, i in self.vectorizer.vocabulary_.items()}
        (directory / VOCAB_FILE).write_text(json.dumps(vocab, ensure_ascii=False))
        np.save(directory / IDF_FILE, self.vectorizer.idf_.astype(np.float32))
        matrix = sp.csr_matrix(matrix)
        for part in MATRIX_PARTS:
            np.save(directory / f"terms_{part}.npy", getattr(matrix, part))
        (directory / SHAPE_FILE).write_text(json.dumps(list(matrix.shape)))

    @classmethod
    def load(cls, directory: Path) -> TermModel:
        """The vectoriser `save` wrote (vocabulary read now: call only when needed)."""
        vocab = json.loads((directory / VOCAB_FILE).read_text())
        vec = _vectorizer(vocab)
        vec.idf_ = np.load(directory / IDF_FILE)
        return cls(vec)


def load_matrix(directory: Path) -> sp.csr_matrix:
    """The article-term matrix, memory-mapped (no private copy per process)."""
    data, indices, indptr = (
        np.load(directory / f"terms_{part}.npy", mmap_mode="r") for part in MATRIX_PARTS
    )
    shape = tuple(json.loads((directory / SHAPE_FILE).read_text()))
    return sp.csr_matrix((data, indices, indptr), shape=shape, copy=False)


_scratch = threading.local()


TermRow = tuple[np.ndarray, np.ndarray]  # one row's term indices and weights


def row_entries(matrix: sp.csr_matrix, rows: Sequence[int] | np.ndarray) -> list[TermRow]:
    """The (indices, weights) of `rows` of a CSR matrix: views, no scipy slicing."""
    indptr = matrix.indptr
    return [
        (matrix.indices[indptr[r] : indptr[r + 1]], matrix.data[indptr[r] : indptr[r + 1]])
        for r in np.asarray(rows, dtype=np.int64).tolist()
    ]


def sparse_cosine(matrix: sp.csr_matrix, rows: np.ndarray, query: sp.csr_matrix) -> np.ndarray:
    """TF-IDF cosine of `rows` of the L2-normalised `matrix` to one normalised query row."""
    return sparse_cosines(matrix, rows, [(query.indices, query.data)])[:, 0]


def sparse_cosines(
    matrix: sp.csr_matrix, rows: np.ndarray, queries: Sequence[TermRow]
) -> np.ndarray:
    """TF-IDF cosine of `rows` of the L2-normalised `matrix` to each normalised query row.

    Returns an array of shape (len(rows), len(queries)). Done on the CSR arrays
    directly: the rows' entries are gathered once, and each query is spread into
    a per-thread dense buffer over the vocabulary (cleared again after use): a
    scipy slice and product cost more in checks than the few thousand
    multiplications.
    """
    out = np.zeros((len(rows), len(queries)), dtype=np.float32)
    if len(rows) == 0 or not any(len(terms) for terms, _ in queries):
        return out
    lookup = getattr(_scratch, "lookup", None)
    if lookup is None or len(lookup) != matrix.shape[1]:
        lookup = _scratch.lookup = np.zeros(matrix.shape[1], dtype=np.float32)
    starts = matrix.indptr[rows]
    lengths = matrix.indptr[rows + 1] - starts
    filled = lengths > 0
    if not filled.any():
        return out
    offsets = np.cumsum(lengths) - lengths
    take = np.arange(int(lengths.sum())) + np.repeat(starts - offsets, lengths)
    data, columns = matrix.data[take], matrix.indices[take]
    for j, (terms, weights) in enumerate(queries):
        if not len(terms):
            continue
        lookup[terms] = weights
        try:
            products = data * lookup[columns]
        finally:
            lookup[terms] = 0.0
        out[filled, j] = np.add.reduceat(products, offsets[filled])
    return out
