"""WordPress sites (`wordpress+https://site`) through the REST API's posts.

The API root is discovered as WordPress documents it (the `Link:
rel="https://api.w.org/"` header of the site), so sites with plain permalinks
(`?rest_route=`) work as well as `/wp-json/`. Posts are listed with `_fields`
(only what an article needs), 100 per page, paged by `X-WP-TotalPages`;
categories, tags, authors and featured images are resolved to names and URLs in
batches. With an application password (user and password from the URL, or
`MORELIKE_SOURCE_USER` and `MORELIKE_SOURCE_PASSWORD[_FILE]`) drafts, scheduled
and private posts come too, flagged by status; without, only published ones.
`changes` asks for `modified_after` the cursor; `ids` lists every post id.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from indexer.sources.base import (
    Changes,
    Item,
    SourceError,
    SourceOptions,
    SourceProblem,
    SourceRow,
    split_credentials,
)
from indexer.sources.fetch import Fetcher, FetchError
from indexer.sources.wpposts import Lookups, post_record

logger = logging.getLogger(__name__)

API_REL = "https://api.w.org/"
POST_FIELDS = (
    "id,date_gmt,modified,modified_gmt,link,title,content,excerpt,status,"
    "categories,tags,author,featured_media"
)
PUBLIC = "publish"
ALL_STATUSES = "publish,future,draft,pending,private"
PER_PAGE = 100


class WordPressSource:
    """The posts of a WordPress site, as article records."""

    kind = "wordpress"

    def __init__(self, spec: str, options: SourceOptions) -> None:
        site, creds = split_credentials(spec.split("+", 1)[1])
        self.site = site.rstrip("/") + "/"
        self.name = f"wordpress+{site}"
        self.options = options
        self.credentials = creds.over(options.credentials)
        self.fetcher = Fetcher(options, self.credentials, auth_origin=site)
        self._root: str | None = None
        self.per_page = PER_PAGE
        # post id -> its site-local `modified` (what `modified_after` compares), as listed
        self.modified: dict[str, str] = {}
        self.lookups = Lookups(self._get_json)

    @property
    def authenticated(self) -> bool:
        """Whether requests carry an application password (drafts are then readable)."""
        return bool(self.credentials.user and self.credentials.password)

    def api_root(self) -> str:
        """The REST API root from the site's `Link` header, else `/wp-json/`."""
        if self._root is None:
            try:
                link = self.fetcher.get(self.site).links.get(API_REL, {})
            except FetchError as exc:
                raise SourceError(f"{self.name}: site not reachable: {exc.message}") from exc
            self._root = str(link.get("url") or urljoin(self.site, "wp-json/"))
        return self._root

    def route(self, route: str, params: dict[str, str] | None = None) -> str:
        """The URL of an API route, for `/wp-json/` and `?rest_route=` roots alike."""
        root = urlsplit(self.api_root())
        query = dict(parse_qsl(root.query))
        if "rest_route" in query:
            query["rest_route"] = "/" + route.strip("/")
            path = root.path
        else:
            path = root.path.rstrip("/") + "/" + route.strip("/")
        query.update(params or {})
        return urlunsplit((root.scheme, root.netloc, path, urlencode(query), ""))

    def _get_json(self, route: str, params: dict[str, str]) -> tuple[Any, dict[str, str]]:
        url = self.route(route, params)
        fetched = self.fetcher.get(url, accept="application/json")
        try:
            return json.loads(fetched.content), dict(fetched.headers)
        except ValueError as exc:
            raise FetchError(url, "malformed document", f"not JSON: {exc}") from exc

    def listing(self, params: dict[str, str]) -> Iterator[tuple[str, list[Any]] | SourceProblem]:
        """Pages of `/wp/v2/posts`, 1 .. X-WP-TotalPages; a failed page is a problem."""
        page, total = 1, 1
        while page <= min(total, self.options.max_pages):
            query = {**params, "per_page": str(self.per_page), "page": str(page)}
            url = self.route("wp/v2/posts", query)
            try:
                posts, headers = self._get_json("wp/v2/posts", query)
            except FetchError as exc:
                if page == 1 and exc.status in (400, 401, 403):
                    raise SourceError(_refused(self.name, exc, self.authenticated)) from exc
                yield SourceProblem(url, f"posts not listed: {exc.message}", exc.kind)
                if page == 1:
                    return
                page += 1
                continue
            total = int(headers.get("X-WP-TotalPages") or 1)
            yield url, posts if isinstance(posts, list) else []
            page += 1

    def _posts(self, params: dict[str, str]) -> Iterator[Item]:
        base = {
            "_fields": POST_FIELDS,
            "status": ALL_STATUSES if self.authenticated else PUBLIC,
            "orderby": "id",
            "order": "asc",
            **params,
        }
        for page in self.listing(base):
            if isinstance(page, SourceProblem):
                yield page
                continue
            url, posts = page
            self.lookups.prepare(posts)
            for post in posts:
                self.modified[str(post.get("id"))] = str(post.get("modified") or "")
                where = str(post.get("link") or f"{url} post {post.get('id')}")
                yield SourceRow(where, post_record(post, self.lookups))

    def records(self) -> Iterator[Item]:
        """Every post (published, or every status with an application password)."""
        return self._posts({})

    def changes(self, cursor: str | None) -> Changes:
        """Posts modified after the cursor (their status says if they left publication).

        WordPress compares whole seconds, so the request reaches one second back
        and the posts the cursor already saw at its last second are left out: an
        edit in the same second as the last sync is not lost.
        """
        state = json.loads(cursor) if cursor else {}
        since, seen = state.get("modified"), set(state.get("seen") or [])
        params = {"orderby": "modified", "order": "asc"}
        if self.authenticated:
            params["status"] = ALL_STATUSES + ",trash"
        if since:
            after = datetime.fromisoformat(since) - timedelta(seconds=1)
            params["modified_after"] = after.isoformat()
        self.modified = {}
        items = [
            item
            for item in self._posts(params)
            if not isinstance(item, SourceRow)
            or not (self.modified.get(item.record["id"]) == since and item.record["id"] in seen)
        ]
        newest = max([since or "", *self.modified.values()]) or None
        at_newest = {i for i, m in self.modified.items() if m == newest}
        if newest == since:
            at_newest |= seen
        return Changes(items, [], json.dumps({"modified": newest, "seen": sorted(at_newest)}))

    def ids(self) -> set[str]:
        """Every post id the site lists now; raises rather than return a partial set."""
        ids: set[str] = set()
        params = {"_fields": "id", "status": ALL_STATUSES if self.authenticated else PUBLIC}
        for page in self.listing(params):
            if isinstance(page, SourceProblem):
                raise SourceError(f"{self.name}: cannot list every post: {page.reason}")
            ids.update(str(post["id"]) for post in page[1] if "id" in post)
        return ids

    def close(self) -> None:
        """Close the HTTP sessions."""
        self.fetcher.close()


def _refused(name: str, exc: FetchError, authenticated: bool) -> str:
    if authenticated:
        return (
            f"{name}: the site refused the posts listing ({exc.message}); check the user "
            "and application password (MORELIKE_SOURCE_USER, MORELIKE_SOURCE_PASSWORD[_FILE])"
        )
    return f"{name}: the site refused the posts listing ({exc.message})"
