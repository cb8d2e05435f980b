"""What a snapshot stores per article, written by the build and by the live delta alike.

The column row the ranking filters on (dates, status, section and language
codes, title and URL keys, canonical flags), the lead signature that tells
copies of one story apart, the metadata the service shows (the article's fields
and a snippet, not the body), and the keys that find copies of one story. One
definition, so an article published through the admin API is stored and ranked
exactly as a built one.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from typing import Any

import numpy as np

from indexer.articles import Article
from indexer.snapshot import COLUMNS_DTYPE, NO_TIME, STATUS_CODES
from indexer.snapshot.lead import PERMUTATIONS, lead_signature

SNIPPET_CHARS = 240


def normalize_title(title: str) -> str:
    """Title reduced to its words: syndicated copies with the same headline match."""
    title = re.sub(r"^(wire|update|updated|live|breaking|exclusive)\s*[:|-]\s*", "", title.lower())
    return re.sub(r"\W+", " ", title).strip()


def normalize_url(url: str) -> str:
    """URL without scheme, www, query, fragment and trailing slash."""
    url = re.sub(r"^[a-z]+://", "", url.strip().lower())
    url = re.sub(r"^www\.", "", url)
    return re.split(r"[?#]", url)[0].rstrip("/")


def key64(text: str) -> int:
    """Stable 64-bit key of a string (0 for the empty string)."""
    if not text:
        return 0
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little") or 1


def epoch(value: datetime | None) -> int:
    """Epoch seconds of a date, `NO_TIME` when unknown."""
    return int(value.timestamp()) if value else NO_TIME


def own_url_key(article: Article) -> int:
    """Key of the article's own URL (not its canonical one)."""
    return key64(normalize_url(article.url))


def named_canonical(article: Article) -> int:
    """Key of the canonical URL the article names when that is another page's, else 0."""
    if not article.canonical_url:
        return 0
    key = key64(normalize_url(article.canonical_url))
    return 0 if key == own_url_key(article) else key


def column_row(
    article: Article, section: int, language: int, canonical: bool = False
) -> tuple[Any, ...]:
    """The article's row of `COLUMNS_DTYPE`, with its section and language codes.

    `canonical`: another article names this one's URL as its canonical URL.
    """
    return (
        epoch(article.published_at),
        epoch(article.updated_at),
        epoch(article.expires_at),
        STATUS_CODES[article.status],
        article.sponsored,
        section,
        language,
        key64(normalize_title(article.title)),
        key64(normalize_url(article.canonical_url or article.url)),
        canonical,
        named_canonical(article) != 0,
    )


def columns(
    articles: list[Article],
    sections: list[str],
    languages: list[str],
    named: set[int] | frozenset[int] = frozenset(),
) -> np.ndarray:
    """Column rows of `articles`, codes looked up in `sections` and `languages`.

    An article is canonical when another of `articles` names its URL, or when
    its URL's key is in `named` (canonical keys named by articles stored elsewhere).
    """
    section_code = {name: i for i, name in enumerate(sections)}
    language_code = {name: i for i, name in enumerate(languages)}
    named = set(named) | {named_canonical(a) for a in articles}
    named.discard(0)
    cols = np.zeros(len(articles), dtype=COLUMNS_DTYPE)
    for row, article in enumerate(articles):
        cols[row] = column_row(
            article,
            section_code[article.section],
            language_code[article.language],
            canonical=own_url_key(article) in named,
        )
    return cols


def leads(texts: list[str]) -> np.ndarray:
    """Lead signatures (n, `PERMUTATIONS`) uint32 of cleaned article texts."""
    out = np.empty((len(texts), PERMUTATIONS), dtype=np.uint32)
    for row, text in enumerate(texts):
        out[row] = lead_signature(text)
    return out


def snippet(text: str) -> str:
    """The first `SNIPPET_CHARS` characters of the cleaned text, cut on a word."""
    flat = " ".join(text.split())
    if len(flat) <= SNIPPET_CHARS:
        return flat
    return flat[:SNIPPET_CHARS].rsplit(" ", 1)[0] + "…"


def metadata(article: Article, text: str) -> dict[str, Any]:
    """What the service shows of an article: its fields and a snippet, not the body."""
    data = article.to_json()
    del data["body"]
    data["snippet"] = snippet(text)
    return data
