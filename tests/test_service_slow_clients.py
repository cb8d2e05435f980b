"""Slow and half-open clients against the real server (`morelike serve`, 2 workers x 4 threads).

A client that sends part of a request and stops must not hold a worker thread:
the worker reads each request whole in its event loop before a thread takes
it (`service.worker`). With 64 such clients connected, `/healthz` and a
related list still answer promptly; a stalled request is cut off after the
read timeout with a 408 in the JSON error shape; parser errors (a URL over
the limit) also answer in the JSON shape.
"""

from __future__ import annotations

import json
import socket
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SLOW_CLIENTS = 64
PROMPT = 3.0  # seconds: generous on a shared 2-core machine; the defect was 30 s and more


@contextmanager
def half_open(port: int, count: int, payload: bytes) -> Iterator[list[socket.socket]]:
    """`count` connections that each sent `payload` (an unfinished request) and stopped."""
    sockets = []
    try:
        for _ in range(count):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(payload)
            sockets.append(s)
        yield sockets
    finally:
        for s in sockets:
            s.close()


def timed_get(url: str) -> tuple[float, int, bytes]:
    """Seconds, status and body of one GET."""
    start = time.monotonic()
    with urllib.request.urlopen(url, timeout=30) as resp:
        body = resp.read()
        return time.monotonic() - start, resp.status, body


def test_half_open_clients_do_not_stall_the_service(
    live_server: Any, small_snapshot_dir: Path
) -> None:
    server = live_server(small_snapshot_dir, workers=2, threads=4, ready="/readyz")
    port = server.port
    headers_only = b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
    partial_body = (
        b"POST /v1/related HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 400\r\n\r\n" + b'{"title": "half a body'
    )
    with (
        half_open(port, SLOW_CLIENTS // 2, headers_only),
        half_open(port, SLOW_CLIENTS // 2, partial_body),
    ):
        time.sleep(0.5)  # let the workers take them all
        for path in ("/healthz", "/v1/articles/space-1/related?limit=3", "/healthz"):
            seconds, status, body = timed_get(server.base + path)
            assert status == 200 and body
            assert seconds < PROMPT, (path, seconds)


def test_a_stalled_request_gets_a_json_408(live_server: Any, small_snapshot_dir: Path) -> None:
    server = live_server(small_snapshot_dir, workers=1, threads=2, request_read_timeout=1)
    with half_open(server.port, 1, b"GET /healthz HTTP/1.1\r\nHost: x\r\n") as (s,):
        s.settimeout(10)
        answer = b""
        while chunk := s.recv(4096):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b"application/json" in head
    assert json.loads(body)["error"]["code"] == "request_timeout"


def test_parser_errors_answer_in_the_json_shape(live_server: Any, small_snapshot_dir: Path) -> None:
    server = live_server(small_snapshot_dir, workers=1, threads=2)
    long_url = "/v1/articles/space-1/related?exclude=" + "x" * 9000
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall(f"GET {long_url} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        answer = b""
        while chunk := s.recv(4096):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b" ")[1] in (b"414", b"400"), head
    assert b"application/json" in head
    error = json.loads(body)["error"]
    assert error["code"] and "x" * 100 not in error["message"]  # the input is not echoed


def test_a_client_waiting_for_100_continue_gets_it_once(
    live_server: Any, small_snapshot_dir: Path
) -> None:
    server = live_server(small_snapshot_dir, workers=1, threads=2)
    body = json.dumps({"title": "Moon", "text": "Astronauts flew around the Moon."}).encode()
    head = (
        "POST /v1/related HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"Expect: 100-continue\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
        s.sendall(head)
        assert s.recv(64).startswith(b"HTTP/1.1 100 Continue\r\n\r\n")
        s.sendall(body)
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
    assert b"100 Continue" not in answer
