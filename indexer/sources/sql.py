"""SQL databases: a SQLAlchemy URL and a query whose columns are named as article fields.

`morelike build --source postgresql://user@host/db --query "SELECT id, title,
body, published_at FROM articles"`. Any database SQLAlchemy speaks works; the
project installs psycopg (PostgreSQL) and PyMySQL (MariaDB/MySQL), and a URL
without a driver (`postgresql://`, `mysql://`, `mariadb://`) gets those. Rows
stream from a server-side cursor. Column names are matched case-insensitively
(aliases welcome). With an `updated_at` column, `changes` reads only rows
updated after the cursor; `ids` selects the query's ids for reconciliation.
The password comes from the URL, `MORELIKE_SOURCE_PASSWORD` or a file, and is
never shown: the source's name hides it and driver errors are scrubbed.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from indexer.sources.base import Changes, Item, SourceError, SourceOptions, SourceProblem, SourceRow
from indexer.sources.base import scrub as scrub_text

logger = logging.getLogger(__name__)

# The drivers the project installs, for URLs that name none.
DEFAULT_DRIVERS = {
    "postgresql": "psycopg",
    "postgres": "psycopg",
    "mysql": "pymysql",
    "mariadb": "pymysql",
}
DIALECT_ALIASES = {"postgres": "postgresql"}
STREAM_ROWS = 500


def is_sql_url(spec: str) -> bool:
    """Whether `spec` is a URL of a database SQLAlchemy has a dialect for."""
    if "://" not in spec:
        return False
    scheme = spec.split("://", 1)[0].split("+", 1)[0].lower()
    try:
        sa.dialects.registry.load(DIALECT_ALIASES.get(scheme, scheme))
    except (NoSuchModuleError, ImportError):
        return False
    return True


def engine_url(spec: str, options: SourceOptions) -> URL:
    """The URL with the project's driver filled in and the password from env or file."""
    try:
        url = make_url(spec)
    except ArgumentError as exc:
        raise SourceError(f"not a database URL: {exc}") from exc
    backend = url.get_backend_name()
    if "+" not in url.drivername and backend in DEFAULT_DRIVERS:
        dialect = DIALECT_ALIASES.get(backend, backend)
        url = url.set(drivername=f"{dialect}+{DEFAULT_DRIVERS[backend]}")
    creds = options.credentials
    if url.password is None and creds.password is not None:
        url = url.set(password=creds.password.get_secret_value())
    if url.username is None and creds.user:
        url = url.set(username=creds.user)
    return url


class SqlSource:
    """The rows of one query, as article records."""

    kind = "sql"

    def __init__(self, spec: str, options: SourceOptions) -> None:
        if not options.query:
            raise SourceError(
                "a database source needs --query, e.g. "
                '--query "SELECT id, title, body, published_at FROM articles"'
            )
        self.url = engine_url(spec, options)
        self.name = self.url.render_as_string(hide_password=True)
        self.query = options.query.strip().rstrip(";")
        self._secrets = [self.url.password] if self.url.password else []
        self._secrets += options.credentials.secrets()
        connect_args = _connect_args(self.url, options.timeout)
        try:
            self.engine = sa.create_engine(self.url, connect_args=connect_args)
        except (SQLAlchemyError, ImportError) as exc:
            raise SourceError(f"{self.name}: {self._scrub(exc)}") from exc

    def _scrub(self, exc: BaseException) -> str:
        orig = getattr(exc, "orig", None)
        message = str(orig if orig is not None else exc).strip().splitlines()
        return scrub_text(message[0] if message else type(exc).__name__, self._secrets)

    def _rows(self, sql: str, params: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        try:
            with self.engine.connect() as conn:
                result = conn.execution_options(stream_results=True, yield_per=STREAM_ROWS).execute(
                    sa.text(sql), params or {}
                )
                for row in result.mappings():
                    yield {str(k).lower(): v for k, v in row.items()}
        except SQLAlchemyError as exc:
            raise SourceError(f"{self.name}: {self._scrub(exc)}") from exc

    def _items(self, sql: str, params: dict[str, Any] | None = None) -> Iterator[Item]:
        for number, row in enumerate(self._rows(sql, params), start=1):
            location = f"{self.name} row {number}"
            try:
                yield SourceRow(location, {k: _value(v) for k, v in row.items()})
            except UnicodeDecodeError as exc:
                yield SourceProblem(location, f"invalid UTF-8 at byte {exc.start}")

    def records(self) -> Iterator[Item]:
        """Every row of the query."""
        return self._items(self.query)

    def _columns(self) -> list[str]:
        with self.engine.connect() as conn:
            result = conn.execute(sa.text(f"SELECT * FROM ({self.query}) AS morelike_q WHERE 1=0"))
            names = result.keys()
            return [str(k).lower() for k in names]

    def changes(self, cursor: str | None) -> Changes:
        """Rows updated after the cursor (every row when the query has no `updated_at`)."""
        try:
            has_updated = "updated_at" in self._columns()
        except SQLAlchemyError as exc:
            raise SourceError(f"{self.name}: {self._scrub(exc)}") from exc
        since = json.loads(cursor).get("updated_at") if cursor else None
        if has_updated and since:
            sql = f"SELECT * FROM ({self.query}) AS morelike_q WHERE morelike_q.updated_at > :since"
            items = list(self._items(sql, {"since": dt.datetime.fromisoformat(since)}))
        else:
            items = list(self._items(self.query))
        newest = since
        for item in items:
            value = item.record.get("updated_at") if isinstance(item, SourceRow) else None
            if isinstance(value, dt.datetime) and (newest is None or value.isoformat() > newest):
                newest = value.isoformat()
        return Changes(items, [], json.dumps({"updated_at": newest if has_updated else None}))

    def ids(self) -> set[str]:
        """Every id the query yields now."""
        sql = f"SELECT morelike_q.id FROM ({self.query}) AS morelike_q"
        return {str(row["id"]) for row in self._rows(sql) if row.get("id") is not None}

    def close(self) -> None:
        """Close the connection pool."""
        self.engine.dispose()


def _connect_args(url: URL, timeout: float) -> dict[str, Any]:
    backend = url.get_backend_name()
    if backend == "postgresql":
        return {"connect_timeout": max(1, int(timeout))}
    if backend in ("mysql", "mariadb"):
        return {"connect_timeout": max(1, int(timeout)), "read_timeout": max(1, int(timeout * 20))}
    return {}


def _value(value: Any) -> Any:
    """A database value as the record parser takes it (dates, numbers, bytes)."""
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
