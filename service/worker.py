"""The gunicorn worker: gthread, but a request is read whole before a thread takes it.

gunicorn's `gthread` worker hands a connection to a thread as soon as it is
readable, and the thread then blocks until the request is complete: sixteen
clients that send half a request and stop hold every thread of two workers, and
`/healthz` stops answering. Here the worker's event loop (the poller that
already holds idle keep-alive connections) reads each request, headers and
body, without blocking, and only a complete request reaches a thread. A client
that has not sent its whole request within `read_timeout` seconds gets a 408
and is closed; a body larger than the service accepts is handed on as soon as
its headers are in, so the app refuses it with a 413 without reading it.

Errors gunicorn's parser raises (a request line over the limit, a malformed
header...) are answered in the service's JSON error shape, without echoing the
offending input. Configured from `service.gunicorn_conf` (`configure`).
"""

from __future__ import annotations

import contextlib
import re
import selectors
import time
from functools import partial
from typing import Any

import orjson
from gunicorn import util
from gunicorn.workers.gthread import ThreadWorker

HEADER_END = b"\r\n\r\n"
RECV_BYTES = 65_536
HEADER_CAP = 65_536  # past this without the end of the headers, the parser refuses it
_EXPECT_CONTINUE = re.compile(rb"(?im)^expect:[ \t]*100-continue[ \t]*\r\n")
_CHUNK_SIZE = re.compile(rb"^[0-9A-Fa-f]+")

ERROR_CODES = {
    400: ("bad_request", "the request is malformed"),
    403: ("forbidden", "the request is not allowed"),
    408: ("request_timeout", "the request was not received completely in time"),
    414: ("uri_too_long", "the request line is longer than the server accepts"),
    417: ("expectation_failed", "the Expect header is not supported"),
    431: ("headers_too_large", "the request headers are larger than the server accepts"),
    500: ("internal_error", "the server failed to handle the request"),
    501: ("not_implemented", "the transfer coding is not supported"),
}


def error_response(status: int, reason: str) -> bytes:
    """A complete HTTP/1.1 error response in the service's JSON shape (connection closed)."""
    code, message = ERROR_CODES.get(status, ("error", reason.lower()))
    body = orjson.dumps({"error": {"code": code, "message": message}})
    head = (
        f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n"
        "Content-Type: application/json\r\nX-Content-Type-Options: nosniff\r\n"
        "Cache-Control: no-store\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("latin-1") + body


def write_json_error(sock: Any, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn's `util.write_error`, answering in JSON without the (echoed) detail."""
    util.write_nonblock(sock, error_response(status_int, reason))


def _chunked_complete(body: bytes | bytearray) -> bool:
    """Whether a chunked body holds its last chunk and trailers (malformed: let the parser say)."""
    pos = 0
    while True:
        line_end = body.find(b"\r\n", pos)
        if line_end < 0:
            return False
        size = _CHUNK_SIZE.match(body[pos:line_end])
        if size is None:
            return True  # malformed: the parser answers 400
        length = int(size.group(0), 16)
        if length == 0:
            rest = body[line_end + 2 :]
            return rest.startswith(b"\r\n") or HEADER_END in rest
        pos = line_end + 2 + length + 2
        if pos > len(body):
            return False


def request_state(buf: bytes | bytearray, max_body: int) -> str:
    """`whole` (hand it to a thread), `partial` (read more) for the bytes of one request."""
    end = buf.find(HEADER_END)
    if end < 0:
        return "whole" if len(buf) > HEADER_CAP else "partial"
    headers = buf[:end].lower()
    body = buf[end + 4 :]
    if re.search(rb"\r\ntransfer-encoding:[^\r\n]*chunked", headers):
        return "whole" if len(body) > max_body or _chunked_complete(body) else "partial"
    length = re.search(rb"\r\ncontent-length:[ \t]*(\d+)", headers)
    if length is None:
        return "whole"
    wanted = int(length.group(1))
    return "whole" if wanted > max_body or len(body) >= wanted else "partial"


class BufferedThreadWorker(ThreadWorker):
    """`gthread` whose event loop reads each request whole before a thread takes it."""

    read_timeout: float = 10.0
    max_body: int = 1_000_000

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.gathering: dict[Any, float] = {}  # connection -> deadline

    def init_process(self) -> None:
        """Answer parser errors in JSON (this process only), then run the worker."""
        util.write_error = write_json_error
        super().init_process()

    def enqueue_req(self, conn: Any) -> None:
        """Hand a complete request to a thread; read an incomplete one in the event loop."""
        if getattr(conn, "whole", False) or self.cfg.is_ssl or self.cfg.http2_cleartext != "off":
            conn.whole = False
            super().enqueue_req(conn)
            return
        if getattr(conn, "pending_bytes", None) is None:
            conn.pending_bytes = bytearray()
            conn.continued = False
            if conn.parser is not None:  # read-ahead of a kept-alive connection
                conn.pending_bytes += conn.parser.unreader.take_buffered()
            self.gathering[conn] = time.monotonic() + self.read_timeout
        self.gather(conn)

    def gather(self, conn: Any) -> None:
        """Read what the client sent so far; dispatch, wait for more, or close."""
        conn.sock.setblocking(False)
        closed = False
        while True:
            try:
                data = conn.sock.recv(RECV_BYTES)
            except (BlockingIOError, InterruptedError):
                break
            except OSError:
                closed = True
                break
            if not data:
                closed = True
                break
            conn.pending_bytes += data
        if closed and not conn.pending_bytes:
            self.drop(conn)
            return
        if closed or request_state(conn.pending_bytes, self.max_body) == "whole":
            self.dispatch(conn)
            return
        self.continue_if_expected(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self.on_more_data, conn))

    def continue_if_expected(self, conn: Any) -> None:
        """Say "100 Continue" to a client that waits for it before sending the body."""
        buf = bytes(conn.pending_bytes)
        end = buf.find(HEADER_END)
        if conn.continued or end < 0 or not _EXPECT_CONTINUE.search(buf[: end + 2]):
            return
        conn.continued = True
        try:
            conn.sock.send(b"HTTP/1.1 100 Continue\r\n\r\n")
        except OSError:
            return
        # the app must not send a second one once the body is in
        head = _EXPECT_CONTINUE.sub(b"", buf[: end + 2])
        conn.pending_bytes = bytearray(head + buf[end + 2 :])

    def on_more_data(self, conn: Any, client: Any) -> None:
        """The poller saw more bytes of an incomplete request."""
        self.poller.unregister(client)
        self.gather(conn)

    def dispatch(self, conn: Any) -> None:
        """Give the buffered request to the parser and a thread."""
        self.gathering.pop(conn, None)
        data = bytes(conn.pending_bytes)
        conn.pending_bytes = None
        conn.sock.setblocking(True)
        conn.init()
        conn.parser.unreader.unread(data)
        conn.data_ready = True
        conn.whole = True
        self.enqueue_req(conn)

    def drop(self, conn: Any, answer: bytes | None = None) -> None:
        """Close a connection that never completed its request (answering first if given)."""
        self.gathering.pop(conn, None)
        conn.pending_bytes = None
        if answer is not None:
            with contextlib.suppress(OSError):
                conn.sock.send(answer)
        self.nr_conns -= 1
        conn.close()

    def murder_pending(self) -> None:
        """Also cut off clients that did not send a whole request within the read timeout."""
        super().murder_pending()
        now = time.monotonic()
        for conn, deadline in list(self.gathering.items()):
            if deadline > now:
                continue
            with contextlib.suppress(OSError, KeyError, ValueError):
                self.poller.unregister(conn.sock)
            self.log.info(
                "request from %s incomplete after %.0fs: 408", conn.client, self.read_timeout
            )
            self.drop(conn, error_response(408, "Request Timeout"))


def configure(read_timeout: float, max_body: int) -> str:
    """Set the worker's limits from the service settings; returns its import path."""
    BufferedThreadWorker.read_timeout = read_timeout
    BufferedThreadWorker.max_body = max_body
    return f"{__name__}.BufferedThreadWorker"
