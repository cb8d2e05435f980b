"""Sitemaps (`sitemap+https://site/sitemap.xml`): every listed page, fetched and extracted.

Sitemap indexes are followed (nested at most `MAX_DEPTH` deep, each document
once), Google News and image sitemaps add their title, date, language, keywords
and images. Pages are fetched politely: robots.txt honoured (a Crawl-delay
makes the fetch serial), at most `concurrency` requests at once, retries with
back-off, and a conditional request for a page seen before, whose extracted
record is reused on a 304. `sitemap+https://site/` finds the sitemaps in
robots.txt, else `/sitemap.xml`. The id of a page is its URL in the sitemap.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from dateutil import parser as dateparser

from indexer.sources.base import (
    Changes,
    Item,
    SourceError,
    SourceOptions,
    SourceProblem,
    SourceRow,
    split_credentials,
)
from indexer.sources.fetch import Fetcher, FetchError, bounded_map
from indexer.sources.pages import ExtractError, extract_page
from indexer.sources.robots import Robots
from indexer.sources.sitemapxml import PageEntry, SitemapError, parse_sitemap
from indexer.sources.state import StateStore

logger = logging.getLogger(__name__)

MAX_DEPTH = 4
HTML_TYPES = ("text/html", "application/xhtml+xml")


class SitemapSource:
    """The pages a sitemap lists, as article records."""

    kind = "sitemap"

    def __init__(self, spec: str, options: SourceOptions) -> None:
        url, creds = split_credentials(spec.split("+", 1)[1])
        self.url = url
        self.name = f"sitemap+{url}"
        self.options = options
        self.fetcher = Fetcher(options, creds.over(options.credentials), auth_origin=url)
        self.robots = Robots(self.fetcher)
        self.state = StateStore(options.state_dir)

    def _roots(self) -> list[str]:
        if urlsplit(self.url).path not in ("", "/"):
            return [self.url]
        return self.robots.sitemaps(self.url) or [urljoin(self.url, "/sitemap.xml")]

    def entries(self) -> Iterator[PageEntry | SourceProblem]:
        """Every page entry of the sitemap tree, or a problem per unreadable document."""
        seen: set[str] = set()
        stack = [(url, 0) for url in reversed(self._roots())]
        while stack:
            url, depth = stack.pop()
            if url in seen:
                continue
            seen.add(url)
            try:
                doc = parse_sitemap(self.fetcher.get(url).content)
            except FetchError as exc:
                yield SourceProblem(url, f"sitemap not fetched: {exc.message}", exc.kind)
                continue
            except SitemapError as exc:
                yield SourceProblem(url, str(exc), "malformed document")
                continue
            if doc.children and depth >= MAX_DEPTH:
                yield SourceProblem(url, f"sitemap index nested over {MAX_DEPTH} deep", "too deep")
                continue
            stack.extend((child, depth + 1) for child, _ in reversed(doc.children))
            yield from doc.pages

    def _page(self, entry: PageEntry) -> tuple[Item, bool]:
        """One page's record (or problem), and whether it changed since last fetched."""
        if not self.robots.allowed(entry.loc):
            return SourceProblem(entry.loc, "disallowed by robots.txt", "robots.txt"), False
        remembered = self.state.get("page", entry.loc)
        try:
            fetched = self.fetcher.get(
                entry.loc, remembered.validators if remembered else None, accept="text/html"
            )
        except FetchError as exc:
            return SourceProblem(entry.loc, exc.message, exc.kind), False
        if fetched.not_modified and remembered is not None:
            return SourceRow(entry.loc, _with_entry(json.loads(remembered.payload), entry)), False
        content_type = fetched.headers.get("Content-Type", "text/html").split(";")[0].strip()
        if content_type.lower() not in HTML_TYPES:
            return SourceProblem(entry.loc, f"not a page: {content_type}", "not html"), False
        try:
            record = extract_page(
                fetched.content, fetched.url, entry, fetched.headers.get("Content-Language")
            )
        except ExtractError as exc:
            return SourceProblem(entry.loc, str(exc), exc.kind), False
        self.state.put("page", entry.loc, fetched.validators, json.dumps(record).encode())
        return SourceRow(entry.loc, record), True

    def _fetch_pages(self, entries: Iterator[PageEntry]) -> Iterator[tuple[Item, bool]]:
        entries = iter(entries)
        first = next(entries, None)
        if first is None:
            return
        delay = self.robots.delay(first.loc)
        workers = 1 if delay else max(1, self.options.concurrency)
        yield from bounded_map(self._page, itertools.chain([first], entries), workers, delay)

    def records(self) -> Iterator[Item]:
        """Every listed page's article; unreadable sitemaps and pages as problems."""
        problems: list[SourceProblem] = []
        pages = _split(self.entries(), problems)
        for item, _changed in self._fetch_pages(pages):
            yield item
        yield from problems

    def changes(self, cursor: str | None) -> Changes:
        """Pages with a `lastmod` after the cursor, and undated pages whose body changed."""
        since = _when(json.loads(cursor)["lastmod"]) if cursor else None
        newest = since
        problems: list[SourceProblem] = []
        todo = []
        for entry in _split(self.entries(), problems):
            modified = _when(entry.lastmod)
            if modified is not None and (newest is None or modified > newest):
                newest = modified
            if since is None or modified is None or modified > since:
                todo.append(entry)
        # A later lastmod is a change even when the body was seen before (say, by
        # a build since the cursor); without one, only a new body is.
        items = [
            item
            for entry, (item, changed) in zip(todo, self._fetch_pages(iter(todo)), strict=True)
            if changed or cursor is None or _when(entry.lastmod) or isinstance(item, SourceProblem)
        ]
        items += problems
        lastmod = newest.isoformat() if newest else None
        return Changes(items, [], json.dumps({"lastmod": lastmod}))

    def ids(self) -> set[str]:
        """Every page URL the sitemap lists; raises if any sitemap could not be read."""
        ids: set[str] = set()
        for entry in self.entries():
            if isinstance(entry, SourceProblem):
                raise SourceError(f"{self.name}: cannot list every page: {entry.reason}")
            ids.add(entry.loc)
        return ids

    def close(self) -> None:
        """Close sessions and the state store."""
        self.fetcher.close()
        self.state.close()


def _with_entry(record: dict[str, Any], entry: PageEntry) -> dict[str, Any]:
    """A remembered record with what the sitemap says now (it may change alone)."""
    record["updated_at"] = entry.lastmod or record.get("updated_at")
    return record


def _split(
    items: Iterator[PageEntry | SourceProblem], problems: list[SourceProblem]
) -> Iterator[PageEntry]:
    for item in items:
        if isinstance(item, SourceProblem):
            problems.append(item)
        else:
            yield item


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = dateparser.isoparse(value)
    except (ValueError, OverflowError):
        return None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)
