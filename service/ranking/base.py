"""The pipeline's vocabulary: the source, a recommended item and why it is there."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from indexer.build import key64, normalize_title, normalize_url
from indexer.embedder import Embedder
from indexer.snapshot import Snapshot
from service.ranking.lead import lead_signature

DAY = 86_400.0

SIMILAR = "similar"  # clearly similar: above the calibrated floor
RELATED = "related"  # fill by relevance: weakly related, beats most random pairs
SAME_SECTION_RECENT = "same_section_recent"  # fill by recency: newest of the section
RECENT = "recent"  # fill by recency: newest site-wide
REASONS = (SIMILAR, RELATED, SAME_SECTION_RECENT, RECENT)


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


def source_from_row(snapshot: Snapshot, row: int) -> Source:
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
    snapshot: Snapshot,
    embedder: Embedder,
    title: str,
    text: str,
    *,
    url: str = "",
    language: str = "",
    section: str = "",
) -> Source:
    """The source for a text that is not indexed (a draft, a page published a minute ago)."""
    vector = embedder.encode_articles([(title, text)])[0]
    return Source(
        vector=vector,
        terms=snapshot.terms.transform([f"{title}\n{text}"]),
        language=language.lower(),
        section=section.lower(),
        title_key=key64(normalize_title(title)),
        url_key=key64(normalize_url(url)),
        lead=lead_signature(text),
    )
