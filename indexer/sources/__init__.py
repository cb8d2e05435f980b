"""Content sources: one `--source` string to the right reader, all behind one protocol.

The kind follows from the string, as for files:

| `--source`                               | kind                             |
|------------------------------------------|----------------------------------|
| `articles.jsonl`, `x.csv`, a folder      | local files (`indexer.readers`)  |
| `https://site/feed.xml`                  | RSS / Atom feed                  |
| `sitemap+https://site/sitemap.xml`       | sitemap, index, Google News      |
| `wordpress+https://site`                 | WordPress REST API               |
| `postgresql://…`, `mysql://…`, `mariadb://…` (any SQLAlchemy URL) + `--query` | SQL |

Every source is a `Source` (see `base.py`): `records()` for a build,
`changes(cursor)` and `ids()` for `morelike sync`, `close()`.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from indexer.sources.base import (
    Changes,
    Credentials,
    Item,
    Source,
    SourceError,
    SourceOptions,
    SourceProblem,
    SourceRow,
    redact_url,
)
from indexer.sources.files import FileSource

__all__ = [
    "Changes",
    "Credentials",
    "Item",
    "Source",
    "SourceError",
    "SourceOptions",
    "SourceProblem",
    "SourceRow",
    "open_source",
    "source_kind",
]

WEB_KINDS = {
    "http": "feed",
    "https": "feed",
    "sitemap+http": "sitemap",
    "sitemap+https": "sitemap",
    "wordpress+http": "wordpress",
    "wordpress+https": "wordpress",
}


def source_kind(spec: str | Path) -> str:
    """`file`, `feed`, `sitemap`, `wordpress` or `sql`, from what `spec` looks like.

    Raises `SourceError` for a URL of a kind no source reads.
    """
    if isinstance(spec, Path) or "://" not in spec:
        return "file"
    scheme = urlsplit(spec).scheme.lower()
    if scheme in WEB_KINDS:
        return WEB_KINDS[scheme]
    if scheme == "file":
        return "file"
    from indexer.sources.sql import is_sql_url  # SQLAlchemy only for what needs it

    if is_sql_url(spec):
        return "sql"
    raise SourceError(
        f"unknown source kind {scheme + '://'!r} in {redact_url(spec)} (use a file or folder, "
        "https:// for a feed, sitemap+https://, wordpress+https://, or a database URL)"
    )


def open_source(spec: str | Path, options: SourceOptions | None = None) -> Source:
    """The source `spec` names, ready to read; raises `SourceError` when it cannot be."""
    options = options or SourceOptions()
    kind = source_kind(spec)
    if kind == "file":
        text = str(spec)
        return FileSource(Path(urlsplit(text).path if text.startswith("file://") else text))
    assert isinstance(spec, str)
    # Each kind's libraries (feedparser, SQLAlchemy, ...) load only when it is used:
    # the service imports the indexer and needs none of them.
    if kind == "feed":
        from indexer.sources.feed import FeedSource

        return FeedSource(spec, options)
    if kind == "sitemap":
        from indexer.sources.sitemap import SitemapSource

        return SitemapSource(spec, options)
    if kind == "wordpress":
        from indexer.sources.wordpress import WordPressSource

        return WordPressSource(spec, options)
    from indexer.sources.sql import SqlSource

    return SqlSource(spec, options)
