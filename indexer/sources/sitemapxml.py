"""Sitemap documents: `<urlset>` (with Google News and image extensions) and `<sitemapindex>`.

Parsed with lxml with entities, DTDs and network access off (a sitemap is data
from another site), gzip-compressed sitemaps included. A document that is not
well-formed XML, or not a sitemap, is a `SitemapError` naming what is wrong.
"""

from __future__ import annotations

import gzip
import io
import zlib
from dataclasses import dataclass, field

from lxml import etree

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
IMAGE = "{http://www.google.com/schemas/sitemap-image/1.1}"
MAX_UNCOMPRESSED = 60_000_000  # the protocol's 50 MB, with a margin


class SitemapError(ValueError):
    """A sitemap document that cannot be read (the message says why)."""


@dataclass(frozen=True)
class PageEntry:
    """One `<url>` of a urlset, with what Google News and image sitemaps add."""

    loc: str
    lastmod: str | None = None
    news_title: str | None = None
    news_date: str | None = None
    news_language: str | None = None
    keywords: tuple[str, ...] = ()
    images: tuple[str, ...] = ()


@dataclass
class SitemapDoc:
    """A parsed document: child sitemaps (an index) or pages (a urlset)."""

    children: list[tuple[str, str | None]] = field(default_factory=list)
    pages: list[PageEntry] = field(default_factory=list)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def decompress(content: bytes) -> bytes:
    """The bytes of a gzip-compressed sitemap, or `content` as it is."""
    if content[:2] != b"\x1f\x8b":
        return content
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(content)) as fh:
            data = fh.read(MAX_UNCOMPRESSED + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise SitemapError(f"bad gzip data: {exc}") from exc
    if len(data) > MAX_UNCOMPRESSED:
        raise SitemapError(f"over {MAX_UNCOMPRESSED} bytes uncompressed")
    return data


def _text(node: etree._Element | None) -> str | None:
    if node is None or node.text is None:
        return None
    return node.text.strip() or None


def parse_sitemap(content: bytes) -> SitemapDoc:
    """Parse a sitemap or sitemap index; raises `SitemapError`."""
    try:
        root = etree.fromstring(decompress(content), _parser())
    except etree.XMLSyntaxError as exc:
        raise SitemapError(f"malformed XML: {exc}") from exc
    doc = SitemapDoc()
    if root.tag == f"{SM}sitemapindex":
        for node in root.iterfind(f"{SM}sitemap"):
            loc = _text(node.find(f"{SM}loc"))
            if loc:
                doc.children.append((loc, _text(node.find(f"{SM}lastmod"))))
    elif root.tag == f"{SM}urlset":
        doc.pages = [page for node in root.iterfind(f"{SM}url") if (page := _page(node))]
    else:
        raise SitemapError(f"not a sitemap: root element {etree.QName(root).localname!r}")
    return doc


def _page(node: etree._Element) -> PageEntry | None:
    loc = _text(node.find(f"{SM}loc"))
    if not loc:
        return None
    news = node.find(f"{NEWS}news")
    images = tuple(
        text for n in node.iterfind(f"{IMAGE}image/{IMAGE}loc") if (text := _text(n)) is not None
    )
    if news is None:
        return PageEntry(loc, _text(node.find(f"{SM}lastmod")), images=images)
    keywords = _text(news.find(f"{NEWS}keywords")) or ""
    return PageEntry(
        loc,
        _text(node.find(f"{SM}lastmod")),
        news_title=_text(news.find(f"{NEWS}title")),
        news_date=_text(news.find(f"{NEWS}publication_date")),
        news_language=_text(news.find(f"{NEWS}publication/{NEWS}language")),
        keywords=tuple(k.strip() for k in keywords.split(",") if k.strip()),
        images=images,
    )
