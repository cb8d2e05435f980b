"""What a snapshot stores per article, written by the build and by the live journal alike.

The column row the ranking filters on (dates, status, section and language
codes, title and URL keys), the metadata the service shows (the article's
fields and a snippet, not the body), and the keys that find copies of one story.
One definition, so an article published through the admin API is stored and
ranked exactly as a built one.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from typing import Any

import numpy as np

from indexer.articles import Article
from indexer.snapshot import COLUMNS_DTYPE, NO_TIME, STATUS_CODES

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


def column_row(article: Article, section: int, language: int) -> tuple[Any, ...]:
    """The article's row of `COLUMNS_DTYPE`, with its section and language codes."""
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
    )


def columns(articles: list[Article], sections: list[str], languages: list[str]) -> np.ndarray:
    """Column rows of `articles`, codes looked up in `sections` and `languages`."""
    section_code = {name: i for i, name in enumerate(sections)}
    language_code = {name: i for i, name in enumerate(languages)}
    cols = np.zeros(len(articles), dtype=COLUMNS_DTYPE)
    for row, article in enumerate(articles):
        cols[row] = column_row(
            article, section_code[article.section], language_code[article.language]
        )
    return cols


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
