"""Polite HTTP for the web sources: retries with back-off, timeouts, a user agent.

Built on requests with urllib3's `Retry` (connection errors, read timeouts, 429
and 5xx answers, `Retry-After` honoured, exponential back-off). Each thread has
its own session (connection pool). Basic auth goes only to the source's own
origin, never to another host a sitemap or feed points at. A failure is a
`FetchError` whose `kind` the build summary counts by.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from indexer.sources.base import Credentials, SourceOptions

logger = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
T = TypeVar("T")
R = TypeVar("R")


class FetchError(Exception):
    """A URL that could not be fetched; `kind` is the reason counted in the summary."""

    def __init__(self, url: str, kind: str, message: str, status: int | None = None) -> None:
        super().__init__(f"{message} ({url})")
        self.url = url
        self.kind = kind
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Validators:
    """What a server said identifies a response, for a conditional re-fetch."""

    etag: str | None = None
    last_modified: str | None = None

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)

    def headers(self) -> dict[str, str]:
        """`If-None-Match` / `If-Modified-Since` for these validators."""
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(frozen=True)
class Fetched:
    """A response: 200 with its body, or 304 (`not_modified`) with none."""

    url: str
    status: int
    content: bytes
    headers: Mapping[str, str]
    links: Mapping[str, Mapping[str, str]]

    @property
    def not_modified(self) -> bool:
        """Whether the server answered 304 to a conditional request."""
        return self.status == 304

    @property
    def validators(self) -> Validators:
        """This response's ETag and Last-Modified."""
        return Validators(self.headers.get("ETag"), self.headers.get("Last-Modified"))


def origin(url: str) -> tuple[str, str, int | None]:
    """Scheme, host and port of a URL: the unit that credentials are sent to."""
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port


class Fetcher:
    """GETs with retries, timeouts and a body limit; counts what it fetched."""

    def __init__(
        self,
        options: SourceOptions,
        credentials: Credentials | None = None,
        auth_origin: str | None = None,
    ) -> None:
        self.options = options
        self._auth = None
        if credentials and credentials.user and auth_origin:
            secret = credentials.password.get_secret_value() if credentials.password else ""
            self._auth = (credentials.user, secret)
        self._auth_origin = origin(auth_origin) if auth_origin else None
        self._local = threading.local()
        self._lock = threading.Lock()
        self._sessions: list[requests.Session] = []
        self.counts: Counter[str] = Counter()

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            retry = Retry(
                total=self.options.retries,
                backoff_factor=self.options.backoff,
                backoff_max=30,
                status_forcelist=RETRY_STATUSES,
                allowed_methods=frozenset({"GET", "HEAD"}),
                respect_retry_after_header=True,
                raise_on_status=False,
            )
            adapter = HTTPAdapter(max_retries=retry, pool_maxsize=4)
            session = requests.Session()
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            session.headers["User-Agent"] = self.options.user_agent
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session

    def get(
        self,
        url: str,
        validators: Validators | None = None,
        params: Mapping[str, str] | None = None,
        accept: str | None = None,
    ) -> Fetched:
        """GET `url` (conditionally when `validators` are given); raises `FetchError`."""
        headers = validators.headers() if validators else {}
        if accept:
            headers["Accept"] = accept
        auth = self._auth if self._auth and origin(url) == self._auth_origin else None
        try:
            response = self._session().get(
                url,
                params=params,
                headers=headers,
                auth=auth,
                timeout=self.options.timeout,
                stream=True,
            )
        except requests.RequestException as exc:
            raise self._failed(url, exc) from exc
        with response:
            return self._finish(url, response)

    def _failed(self, url: str, exc: requests.RequestException) -> FetchError:
        # After its retries urllib3 reports a read timeout as a connection error;
        # a refused connection is (for history's sake) a kind of timeout there.
        inner = getattr(exc.args[0], "reason", None) if exc.args else None
        refused = isinstance(inner, urllib3.exceptions.NewConnectionError)
        timed_out = isinstance(exc, requests.Timeout) or isinstance(
            inner, urllib3.exceptions.TimeoutError
        )
        if timed_out and not refused:
            self._count("timeout")
            message = f"no answer within {self.options.timeout:g} s"
            return FetchError(url, "timeout", message)
        self._count("unreachable")
        return FetchError(url, "unreachable", f"cannot connect: {_reason(exc)}")

    def _finish(self, url: str, response: requests.Response) -> Fetched:
        final = response.url or url
        if response.status_code == 304:
            self._count("not modified")
            _drain(response)
            return Fetched(final, 304, b"", response.headers, response.links)
        if response.status_code >= 400:
            self._count(f"http {response.status_code}")
            _drain(response)
            raise FetchError(
                final,
                f"http {response.status_code}",
                f"HTTP {response.status_code} {response.reason or ''}".strip(),
                response.status_code,
            )
        content = self._read(final, response)
        self._count("body")
        return Fetched(final, response.status_code, content, response.headers, response.links)

    def _read(self, url: str, response: requests.Response) -> bytes:
        # A read timeout bounds each socket read; this bounds the whole body,
        # so a server that drips bytes cannot hold a worker forever.
        deadline = time.monotonic() + 4 * self.options.timeout
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > self.options.max_bytes:
                    raise FetchError(url, "too large", f"over {self.options.max_bytes} bytes")
                if time.monotonic() > deadline:
                    raise FetchError(url, "timeout", "body not read in time")
                chunks.append(chunk)
        except requests.RequestException as exc:
            self._count("timeout")
            raise FetchError(url, "timeout", f"body not read: {_reason(exc)}") from exc
        return b"".join(chunks)

    def _count(self, what: str) -> None:
        with self._lock:
            self.counts[what] += 1

    def close(self) -> None:
        """Close every thread's session."""
        with self._lock:
            for session in self._sessions:
                session.close()
            self._sessions.clear()


def _drain(response: requests.Response, limit: int = 65536) -> None:
    """Read a short or empty body so the connection goes back to the pool.

    Closing a response whose body was not read closes its connection: every
    304 of a re-sync would then cost a new TCP connection.
    """
    with contextlib.suppress(requests.RequestException, urllib3.exceptions.HTTPError):
        for _ in response.iter_content(limit):
            break


def _reason(exc: Exception) -> str:
    """The innermost cause of a requests error, without urllib3's long wrapping."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    text = str(getattr(inner, "reason", None) or inner)
    if "object at 0x" in text:  # "<...HTTPConnection object at 0x7f..>: Failed to ..."
        text = text.split(">: ", 1)[-1]
    return text.rstrip(")'\"")


def bounded_map(
    fn: Callable[[T], R], items: Iterable[T], workers: int, pause: float = 0.0
) -> Iterator[R]:
    """`fn` over `items` on at most `workers` threads, results in input order.

    At most a few windows of work are in flight, so a sitemap of a million pages
    is not held in memory; `pause` spaces the calls of one worker (Crawl-delay).
    """
    if workers <= 1:
        for item in items:
            yield fn(item)
            if pause:
                time.sleep(pause)
        return
    window = workers * 4
    pending: list[Future[R]] = []
    with ThreadPoolExecutor(workers, thread_name_prefix="fetch") as pool:
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= window:
                yield pending.pop(0).result()
        while pending:
            yield pending.pop(0).result()
