"""A fetched web page to an article record: trafilatura's main text and metadata.

trafilatura finds the article in the page (not the menus, footers and related
blocks) and reads its metadata: title, date, author, image, categories, tags,
canonical URL. The page's declared language (`<html lang>`, Content-Language)
and what a Google News sitemap says about the page fill in and take precedence
where they are more reliable.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from indexer.sources.sitemapxml import PageEntry

_LANG = re.compile(r"^[A-Za-z]{2,3}\b")
# trafilatura's fallback returns what text it finds; a handful of words is a
# menu or a cookie banner, not an article.
MIN_WORDS = 8


class ExtractError(ValueError):
    """A page without an article in it; `kind` is the reason counted."""

    def __init__(self, message: str, kind: str = "no text extracted") -> None:
        super().__init__(message)
        self.kind = kind


def _declared_language(tree: lxml.html.HtmlElement, header: str | None) -> str:
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath("//meta[@http-equiv='content-language']/@content")
    candidates += [header]
    for value in candidates:
        match = _LANG.match(str(value or "").strip())
        if match:
            return match.group(0).lower()
    return ""


def extract_page(
    html: bytes, url: str, entry: PageEntry, content_language: str | None = None
) -> dict[str, Any]:
    """The article record of one page; raises `ExtractError` when it holds none."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractError(f"unparsable HTML: {exc}", "malformed document") from exc
    language = _declared_language(tree, content_language)
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    meta: dict[str, Any] = {}
    if doc is not None:
        meta = doc if isinstance(doc, dict) else doc.as_dict()
    text = str(meta.get("text") or "").strip()
    if len(text.split()) < MIN_WORDS:
        raise ExtractError(f"no article text found in the page ({len(text.split())} words)")
    tags = [*(meta.get("tags") or []), *entry.keywords]
    categories = meta.get("categories") or []
    canonical = meta.get("url") or ""
    return {
        "id": entry.loc,
        "url": entry.loc,
        "canonical_url": canonical if canonical and canonical != entry.loc else "",
        "title": entry.news_title or meta.get("title") or "",
        "body": text,
        "published_at": entry.news_date or meta.get("date") or None,
        "updated_at": entry.lastmod,
        "language": (entry.news_language or language or meta.get("language") or "").lower(),
        "author": meta.get("author") or "",
        "image_url": meta.get("image") or (entry.images[0] if entry.images else ""),
        "section": categories[0] if categories else "",
        "tags": list(dict.fromkeys(tags)),
    }
