"""Fixtures for the content-source tests: a real local web site and real databases.

`site`: a threaded HTTP server on 127.0.0.1 serving files the test writes, with
ETag / Last-Modified and 304s as a real web server answers them, per-path faults
(a status, a delay) and a log of every request (what was asked, what was sent).

`postgres_url` / `mariadb_url`: a database of the test's own on the machine's
PostgreSQL (127.0.0.1:5432) and MariaDB (127.0.0.1:3306) servers, dropped after
the test. A server that does not listen is started for the session and stopped
after it. `MORELIKE_TEST_POSTGRES_URL` / `MORELIKE_TEST_MARIADB_URL` name other
admin connections.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import mimetypes
import os
import shutil
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

from tests.fixtures_service import listening

SM = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
SAMPLE = Path(__file__).parent.parent / "samples" / "articles.jsonl"
POSTGRES_ADMIN = os.environ.get(
    "MORELIKE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
MARIADB_ADMIN = os.environ.get(
    "MORELIKE_TEST_MARIADB_URL", "mysql+pymysql://root@127.0.0.1:3306/test"
)


def sample_articles(count: int, language: str = "en") -> list[dict[str, Any]]:
    """The first `count` published plain-text articles of the sample corpus."""
    rows = []
    with SAMPLE.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            live = row.get("status", "published") == "published" and not row.get("sponsored")
            if row.get("language") == language and live and "<" not in row["body"]:
                rows.append(row)
            if len(rows) == count:
                break
    return rows


@dataclass
class Fault:
    """What a path does instead of serving its file: a status, and/or a delay first."""

    status: int | None = None
    delay: float = 0.0
    body: bytes = b"fault"


@dataclass
class Hit:
    """One request the site answered."""

    path: str
    status: int
    headers: dict[str, str]


class Site:
    """A local web site: files under `root`, served on 127.0.0.1 by a real HTTP server."""

    def __init__(self, root: Path, latency: float = 0.0) -> None:
        self.root = root
        self.latency = latency
        self.faults: dict[str, Fault] = {}
        self.hits: list[Hit] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        """The absolute URL of a path on this site."""
        return self.base + "/" + path.lstrip("/")

    def write(self, path: str, content: str | bytes) -> str:
        """Write a file the site serves; returns its URL."""
        target = self.root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode() if isinstance(content, str) else content)
        return self.url(path)

    def hits_for(self, path: str) -> list[Hit]:
        """The requests for one path (query ignored)."""
        return [h for h in self.hits if h.path.split("?")[0] == "/" + path.lstrip("/")]

    def count(self, status: int) -> int:
        """How many requests were answered with `status`."""
        return sum(1 for h in self.hits if h.status == status)

    def record(self, hit: Hit) -> None:
        """Log a request (thread-safe)."""
        with self._lock:
            self.hits.append(hit)

    def enter(self) -> None:
        """A request started: track the most served at once."""
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def leave(self) -> None:
        """A request ended."""
        with self._lock:
            self.in_flight -= 1

    def stop(self) -> None:
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        """Files with validators and 304s, the site's faults, every request logged."""

        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out at once, as from nginx

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            site.enter()
            try:
                self._serve()
            finally:
                site.leave()

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            site.record(Hit(self.path, status, dict(self.headers.items())))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _serve(self) -> None:
            path = self.path.split("?")[0]
            if site.latency:
                time.sleep(site.latency)
            fault = site.faults.get(path)
            if fault is not None:
                time.sleep(fault.delay)
                if fault.status is not None:
                    self._send(fault.status, fault.body, {"Content-Type": "text/plain"})
                    return
            file = (site.root / path.lstrip("/")).resolve()
            if not file.is_file() or site.root.resolve() not in file.parents:
                self._send(404, b"not found", {"Content-Type": "text/plain"})
                return
            body = file.read_bytes()
            etag = '"' + hashlib.sha1(body).hexdigest() + '"'
            modified = email.utils.formatdate(int(file.stat().st_mtime), usegmt=True)
            headers = {"ETag": etag, "Last-Modified": modified, "Content-Type": _type(file)}
            since = self.headers.get("If-Modified-Since")
            if self.headers.get("If-None-Match") == etag or (
                since and "If-None-Match" not in self.headers and since == modified
            ):
                self._send(304, b"", {"ETag": etag, "Last-Modified": modified})
                return
            self._send(200, body, headers)

    return Handler


def _type(file: Path) -> str:
    if file.name.endswith(".gz"):
        return "application/gzip"
    kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    return kind + ("; charset=utf-8" if kind.startswith("text/") or kind.endswith("xml") else "")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    """A local web site for this test, serving files from a temporary folder."""
    served = Site(tmp_path / "site")
    served.root.mkdir()
    yield served
    served.stop()


def _wait_for(port: int, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not listening(port):
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not start listening on 127.0.0.1:{port}")
        time.sleep(0.2)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[URL]:
    """The machine's PostgreSQL, started (and stopped after the session) if not listening."""
    admin = make_url(POSTGRES_ADMIN)
    started = None
    if not listening(admin.port or 5432, admin.host or "127.0.0.1"):
        if not shutil.which("pg_ctlcluster") or not Path("/etc/postgresql").is_dir():
            pytest.fail("PostgreSQL is not installed: run `make system-deps`")
        started = sorted(os.listdir("/etc/postgresql"))[-1]
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", started, "main", "start"], check=True
        )
        _wait_for(admin.port or 5432, "PostgreSQL")
    yield admin
    if started:
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", started, "main", "stop"])


@pytest.fixture(scope="session")
def mariadb_server() -> Iterator[URL]:
    """The machine's MariaDB, started (and stopped after the session) if not listening."""
    admin = make_url(MARIADB_ADMIN)
    proc = None
    if not listening(admin.port or 3306, admin.host or "127.0.0.1"):
        if not Path("/usr/sbin/mariadbd").exists():
            pytest.fail("MariaDB is not installed: run `make system-deps`")
        Path("/run/mysqld").mkdir(exist_ok=True)
        shutil.chown("/run/mysqld", "mysql", "mysql")
        proc = subprocess.Popen(["/usr/sbin/mariadbd"], start_new_session=True)
        _wait_for(admin.port or 3306, "MariaDB")
    yield admin
    if proc is not None:
        proc.terminate()
        proc.wait(timeout=60)


def _own_database(admin: URL) -> Iterator[URL]:
    name = f"morelike_src_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    try:
        yield admin.set(database=name)
    finally:
        force = " WITH (FORCE)" if admin.get_backend_name() == "postgresql" else ""
        with engine.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name}{force}"))
        engine.dispose()


@pytest.fixture
def postgres_url(postgres_server: URL) -> Iterator[URL]:
    """A PostgreSQL database of this test's own, dropped after it."""
    yield from _own_database(postgres_server)


@pytest.fixture
def mariadb_url(mariadb_server: URL) -> Iterator[URL]:
    """A MariaDB database of this test's own, dropped after it."""
    yield from _own_database(mariadb_server)


# What sites publish: RSS items, article pages, sitemaps.


def rss_item(article: dict[str, Any], when: datetime, guid: bool = True) -> str:
    """An RSS 2.0 item the way WordPress and most CMSs write it."""
    tags = "".join(f"<category>{escape(t)}</category>" for t in article.get("tags", [])[:3])
    html = "".join(f"<p>{escape(p)}</p>" for p in article["body"].split("\n\n"))
    return (
        f"<item><title>{escape(article['title'])}</title><link>{article['url']}</link>"
        + (f'<guid isPermaLink="false">{article["id"]}</guid>' if guid else "")
        + f"<pubDate>{format_datetime(when)}</pubDate>{tags}"
        f"<dc:creator>{escape(article.get('author') or 'Desk')}</dc:creator>"
        f"<description>{escape(article['body'][:120])}</description>"
        f"<content:encoded><![CDATA[{html}]]></content:encoded>"
        f'<media:content url="https://img.example.test/{article["id"]}.jpg" medium="image"/>'
        "</item>"
    )


def rss(items: list[str], language: str = "en-gb") -> str:
    """A whole RSS 2.0 document."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">'
        f"<channel><title>Example News</title><link>https://example-news.test/</link>"
        f"<language>{language}</language>{''.join(items)}</channel></rss>"
    )


def page_html(article: dict[str, Any], lang: str = "en") -> str:
    """An article page as a CMS renders it: menus, the article, a footer."""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in article["body"].split("\n\n"))
    return (
        f'<!doctype html><html lang="{lang}"><head><title>{escape(article["title"])} | Example'
        f'</title><meta property="og:image" content="https://img.example.test/{article["id"]}.jpg">'
        f'<meta property="article:published_time" content="{article["published_at"]}">'
        f'<meta name="author" content="{escape(article.get("author") or "")}"></head><body>'
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
        f"<main><article><h1>{escape(article['title'])}</h1>{paragraphs}</article></main>"
        "<footer><p>Example News, 1 Harbour Street. All rights reserved.</p></footer>"
        "</body></html>"
    )


def urlset(entries: list[tuple[str, str | None]]) -> str:
    """A plain urlset of (loc, lastmod)."""
    urls = "".join(
        f"<url><loc>{loc}</loc>{f'<lastmod>{mod}</lastmod>' if mod else ''}</url>"
        for loc, mod in entries
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset {SM}>{urls}</urlset>'
