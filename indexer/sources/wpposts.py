"""A WordPress REST post to an article record, with its terms, author and image resolved.

Posts carry ids of categories, tags, the author and the featured image; those
are fetched in batches (`include=`, 100 at a time) and kept for the run, so a
site of thousands of posts costs a handful of lookups, not one per post.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

import lxml.html
from lxml import etree

from indexer.sources.fetch import FetchError

logger = logging.getLogger(__name__)

GetJson = Callable[[str, dict[str, str]], tuple[Any, dict[str, str]]]

# What a post's `status` means for the service: only `publish` is live.
STATUSES = {
    "publish": "published",
    "future": "draft",
    "draft": "draft",
    "pending": "draft",
    "auto-draft": "draft",
    "private": "unpublished",
    "trash": "unpublished",
}
# lookup kind -> (route, field of the post holding the id(s), field of the answer)
ROUTES = {
    "categories": ("wp/v2/categories", "categories", "name"),
    "tags": ("wp/v2/tags", "tags", "name"),
    "users": ("wp/v2/users", "author", "name"),
    "media": ("wp/v2/media", "featured_media", "source_url"),
}
BATCH = 100


class Lookups:
    """Names of categories, tags and authors, and featured image URLs, by id."""

    def __init__(self, get_json: GetJson) -> None:
        self._get_json = get_json
        self._known: dict[str, dict[int, str]] = {kind: {} for kind in ROUTES}

    def prepare(self, posts: Iterable[dict[str, Any]]) -> None:
        """Fetch, in batches, every id these posts use that is not known yet."""
        posts = list(posts)
        for kind, (route, post_field, answer_field) in ROUTES.items():
            wanted = sorted(
                {i for post in posts for i in _ids(post.get(post_field))} - set(self._known[kind])
            )
            for start in range(0, len(wanted), BATCH):
                self._fetch(kind, route, answer_field, wanted[start : start + BATCH])

    def _fetch(self, kind: str, route: str, answer_field: str, ids: list[int]) -> None:
        known = self._known[kind]
        known.update(dict.fromkeys(ids, ""))  # not asked again when the lookup fails
        params = {
            "include": ",".join(map(str, ids)),
            "per_page": str(BATCH),
            "_fields": f"id,{answer_field}",
        }
        try:
            answer, _ = self._get_json(route, params)
        except FetchError as exc:
            logger.warning("%s not resolved: %s", kind, exc)
            return
        for item in answer if isinstance(answer, list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), int):
                known[item["id"]] = html_text(str(item.get(answer_field) or ""))

    def name(self, kind: str, value: Any) -> str:
        """The name (or URL) for one id; empty when unknown or 0."""
        return self._known[kind].get(value, "") if isinstance(value, int) else ""

    def names(self, kind: str, values: Any) -> list[str]:
        """The names for a list of ids, in order, without the unknown ones."""
        return [n for n in (self.name(kind, v) for v in _ids(values)) if n]


def _ids(value: Any) -> list[int]:
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, int) and not isinstance(v, bool) and v > 0]


def html_text(value: str) -> str:
    """Rendered HTML (a title, a term name) as plain text, entities decoded."""
    if not value or ("<" not in value and "&" not in value):
        return value.strip()
    try:
        return str(lxml.html.fragment_fromstring(value, create_parent="div").text_content()).strip()
    except (etree.ParserError, ValueError):
        return value.strip()


def _gmt(value: Any) -> str | None:
    """WordPress's `*_gmt` fields are UTC without an offset; say so."""
    return f"{value}+00:00" if isinstance(value, str) and value else None


def _rendered(post: dict[str, Any], field: str) -> str:
    value = post.get(field)
    return str(value.get("rendered") or "") if isinstance(value, dict) else ""


def post_record(post: dict[str, Any], lookups: Lookups) -> dict[str, Any]:
    """One post as an article record; the id is the post ID."""
    categories = lookups.names("categories", post.get("categories"))
    return {
        "id": str(post["id"]) if post.get("id") is not None else None,
        "url": post.get("link") or "",
        "title": html_text(_rendered(post, "title")),
        "body": _rendered(post, "content") or _rendered(post, "excerpt"),
        "published_at": _gmt(post.get("date_gmt")),
        "updated_at": _gmt(post.get("modified_gmt")),
        "section": categories[0] if categories else "",
        "tags": lookups.names("tags", post.get("tags")),
        "author": lookups.name("users", post.get("author")),
        "image_url": lookups.name("media", post.get("featured_media")),
        "status": STATUSES.get(str(post.get("status") or "publish"), "draft"),
    }
