"""From a source article to the related list: the ranking pipeline.

`related(snapshot, source, params, now)` is the one entry point the HTTP layer
and `morelike eval` call. A `Source` is either an indexed article
(`source_from_row`) or text that is not indexed yet (`source_from_text`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from indexer.build import key64, normalize_title, normalize_url
from indexer.embedder import Embedder
from indexer.snapshot import STATUS_CODES, Snapshot

logger = logging.getLogger(__name__)

DAY = 86_400.0


@dataclass(frozen=True)
class RankParams:
    """Normalised per-request parameters (also the cache key's input)."""

    limit: int = 4
    section: str | None = None
    language: str | None = None  # None: the source's language; "any": every language
    exclude: tuple[str, ...] = ()
    max_age_days: float | None = None
    min_score: float | None = None


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


@dataclass
class Item:
    """One recommended article: its row, score and why it is there."""

    row: int
    score: float
    reason: str = "similar"
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
    )


def allowed_mask(snapshot: Snapshot, source: Source, params: RankParams, now: float) -> np.ndarray:
    """Rows that may appear at all: published, not expired, matching the filters."""
    cols = snapshot.columns
    mask = cols["status"] == STATUS_CODES["published"]
    mask &= (cols["expires"] == 0) | (cols["expires"] > now)
    if params.section:
        mask &= cols["section"] == snapshot.code_of("section", params.section)
    language = params.language if params.language is not None else source.language
    if language and language != "any":
        mask &= cols["language"] == snapshot.code_of("language", language)
    if params.max_age_days is not None:
        mask &= cols["published"] >= now - params.max_age_days * DAY
    if source.row is not None:
        mask[source.row] = False
    for article_id in params.exclude:
        row = snapshot.row_of(article_id)
        if row is not None:
            mask[row] = False
    return np.asarray(mask, dtype=bool)


def related(snapshot: Snapshot, source: Source, params: RankParams, now: float) -> list[Item]:
    """The related list for `source`: at most `params.limit` items, best first."""
    mask = allowed_mask(snapshot, source, params, now)
    if not mask.any():
        return []
    rows, scores = snapshot.search(source.vector, params.limit, allowed=mask)
    items = [Item(int(r), float(s)) for r, s in zip(rows, scores, strict=True)]
    if params.min_score is not None:
        items = [i for i in items if i.score >= params.min_score]
    return items[: params.limit]
