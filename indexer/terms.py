"""Sparse lexical term vectors (TF-IDF), built at index time for hybrid scoring.

The snapshot stores the vocabulary, the idf weights and the L2-normalised
article-term matrix; the service rebuilds the same vectoriser from them to
score texts that are not indexed. One definition of the tokenisation, here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

VOCAB_FILE = "terms_vocab.json"
IDF_FILE = "terms_idf.npy"
MATRIX_FILE = "terms.npz"
TERM_FILES = (VOCAB_FILE, IDF_FILE, MATRIX_FILE)


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
        sp.save_npz(directory / MATRIX_FILE, matrix, compressed=False)

    @classmethod
    def load(cls, directory: Path) -> tuple[TermModel, sp.csr_matrix]:
        """Read what `save` wrote."""
        vocab = json.loads((directory / VOCAB_FILE).read_text())
        vec = _vectorizer(vocab)
        vec.idf_ = np.load(directory / IDF_FILE)
        matrix = sp.load_npz(directory / MATRIX_FILE).tocsr()
        return cls(vec), matrix
