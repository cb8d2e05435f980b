"""RSS 2.0 and Atom feeds by URL (`https://site/feed.xml`), paged feeds followed.

Parsed with feedparser (every RSS and Atom dialect, dates, `content:encoded`,
Media RSS); fetched with our polite client. The id of an item is its guid (Atom
`id`), else its link. Pages linked with `rel="next"` (RFC 5005) are followed up
to `max_pages`. A feed that is not well-formed XML is reported; what the lenient
parser still recovers from it is read. A feed lists only its latest items, so
`ids()` answers only for a complete feed (`<fh:complete/>`).
"""

from __future__ import annotations

import calendar
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from xml.sax import SAXException

import feedparser

from indexer.sources.base import (
    Changes,
    Item,
    SourceError,
    SourceOptions,
    SourceProblem,
    SourceRow,
    split_credentials,
)
from indexer.sources.fetch import Fetched, Fetcher, FetchError, Validators
from indexer.sources.state import StateStore

logger = logging.getLogger(__name__)

ACCEPT = "application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.5"


@dataclass
class FeedPage:
    """One fetched and parsed page of a feed."""

    url: str
    parsed: Any  # feedparser.FeedParserDict
    fetched: Fetched


class FeedSource:
    """The items of an RSS or Atom feed, as article records."""

    kind = "feed"

    def __init__(self, spec: str, options: SourceOptions) -> None:
        url, creds = split_credentials(spec)
        self.url = url
        self.name = url
        self.options = options
        self.fetcher = Fetcher(options, creds.over(options.credentials), auth_origin=url)
        self.state = StateStore(options.state_dir)

    def _fetch(self, url: str, validators: Validators | None) -> Fetched:
        remembered = self.state.get("feed", url) if validators is None else None
        fetched = self.fetcher.get(
            url, validators or (remembered.validators if remembered else None), accept=ACCEPT
        )
        if fetched.not_modified and remembered is not None:
            return Fetched(fetched.url, 200, remembered.payload, fetched.headers, fetched.links)
        if not fetched.not_modified:
            self.state.put("feed", url, fetched.validators, fetched.content)
        return fetched

    def pages(self, first: Validators | None = None) -> Iterator[FeedPage | SourceProblem]:
        """The feed's pages in order; a 304 on the first (with `first` validators) ends it."""
        url: str | None = self.url
        seen: set[str] = set()
        while url and url not in seen and len(seen) < self.options.max_pages:
            seen.add(url)
            try:
                fetched = self._fetch(url, first if len(seen) == 1 else None)
            except FetchError as exc:
                yield SourceProblem(url, f"feed not fetched: {exc.message}", exc.kind)
                return
            if fetched.not_modified:
                return
            headers = {k.lower(): v for k, v in fetched.headers.items()}
            headers.setdefault("content-location", fetched.url)
            parsed = feedparser.parse(fetched.content, response_headers=headers)
            problem = _malformed(url, parsed)
            if problem is not None:
                yield problem
            yield FeedPage(url, parsed, fetched)
            url = _next_link(parsed)

    def _items(self, page: FeedPage) -> Iterator[Item]:
        language = page.parsed.feed.get("language")
        for number, entry in enumerate(page.parsed.entries, start=1):
            record = entry_record(entry, language)
            yield SourceRow(record.get("url") or f"{page.url} item {number}", record)

    def records(self) -> Iterator[Item]:
        """Every item of every page of the feed."""
        for page in self.pages():
            if isinstance(page, SourceProblem):
                yield page
            else:
                yield from self._items(page)

    def changes(self, cursor: str | None) -> Changes:
        """Items published or updated after the cursor; a 304 on the first page means none."""
        state = json.loads(cursor) if cursor else {}
        since = datetime.fromisoformat(state["since"]) if state.get("since") else None
        first = Validators(state.get("etag"), state.get("last_modified")) if cursor else None
        items: list[Item] = []
        newest, validators = since, first
        for page in self.pages(first):
            if isinstance(page, SourceProblem):
                items.append(page)
                continue
            if page.url == self.url:
                validators = page.fetched.validators
            fresh = 0
            for item in self._items(page):
                when = _item_time(item)
                if since is None or when is None or when > since:
                    items.append(item)
                    fresh += 1
                if when is not None and (newest is None or when > newest):
                    newest = when
            if since is not None and not fresh:
                break  # feeds run newest first: the rest is older still
        return Changes(items, [], _cursor(newest, validators))

    def ids(self) -> set[str] | None:
        """Every item id, for a complete feed (RFC 5005 `fh:complete`); else None."""
        ids: set[str] = set()
        for page in self.pages():
            if isinstance(page, SourceProblem):
                raise SourceError(f"{self.name}: cannot list every item: {page.reason}")
            if "fh_complete" not in page.parsed.feed:
                return None
            ids.update(str(r.record["id"]) for r in self._items(page) if isinstance(r, SourceRow))
        return ids

    def close(self) -> None:
        """Close sessions and the state store."""
        self.fetcher.close()
        self.state.close()


def _malformed(url: str, parsed: Any) -> SourceProblem | None:
    error = parsed.get("bozo_exception")
    if isinstance(error, SAXException):
        recovered = len(parsed.entries)
        return SourceProblem(
            url,
            f"malformed XML: {error}; {recovered} items read by the lenient parser",
            "malformed document",
        )
    if not parsed.entries and not parsed.get("version"):
        return SourceProblem(url, "not an RSS or Atom feed", "malformed document")
    return None


def _next_link(parsed: Any) -> str | None:
    for link in parsed.feed.get("links") or []:
        if link.get("rel") == "next" and link.get("href"):
            return str(link["href"])
    return None


def _when(parsed: Any) -> datetime | None:
    """A feedparser date (a UTC struct_time) as an aware datetime."""
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC) if parsed else None


def _item_time(item: Item) -> datetime | None:
    if not isinstance(item, SourceRow):
        return None
    value = item.record.get("updated_at") or item.record.get("published_at")
    return value if isinstance(value, datetime) else None


def _image(entry: Any) -> str:
    for media in entry.get("media_content") or []:
        if media.get("medium") == "image" or str(media.get("type", "")).startswith("image/"):
            return str(media.get("url") or "")
    for thumb in entry.get("media_thumbnail") or []:
        if thumb.get("url"):
            return str(thumb["url"])
    for enclosure in entry.get("enclosures") or []:
        if str(enclosure.get("type", "")).startswith("image/"):
            return str(enclosure.get("href") or "")
    return ""


def entry_record(entry: Any, feed_language: str | None) -> dict[str, Any]:
    """One feed item as an article record (content over description, guid over link)."""
    content = entry.get("content") or []
    html = [c for c in content if "html" in str(c.get("type", ""))]
    body = (html or content)[0].get("value", "") if content else entry.get("summary", "")
    tags = [str(t["term"]).strip() for t in entry.get("tags") or [] if t.get("term")]
    detail = entry.get("title_detail") or {}
    language = (content[0].get("language") if content else None) or detail.get("language")
    return {
        "id": entry.get("id") or entry.get("link"),
        "url": entry.get("link") or "",
        "title": entry.get("title") or "",
        "body": body,
        "published_at": _when(entry.get("published_parsed")) or entry.get("published"),
        # dict.get: feedparser's own get() stands `published` in for a missing `updated`
        "updated_at": _when(dict.get(entry, "updated_parsed")) or dict.get(entry, "updated"),
        "section": tags[0] if tags else "",
        "tags": tags,
        "author": entry.get("author") or "",
        "image_url": _image(entry),
        "language": str(language or feed_language or "").split("-")[0].lower(),
    }


def _cursor(newest: datetime | None, validators: Validators | None) -> str:
    return json.dumps(
        {
            "since": newest.isoformat() if newest else None,
            "etag": validators.etag if validators else None,
            "last_modified": validators.last_modified if validators else None,
        }
    )
