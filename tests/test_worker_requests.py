"""When a buffered request is whole (`service.worker.request_state`): table-tested, no server."""

from __future__ import annotations

import json

import pytest

from service.worker import HEADER_CAP, error_response, request_state

GET = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
POST = b"POST /v1/related HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n"
CHUNKED = b"POST /v1/related HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"


@pytest.mark.parametrize(
    ("data", "state"),
    [
        (GET, "whole"),
        (GET[:-2], "partial"),  # the blank line is missing
        (b"GET /" + b"x" * (HEADER_CAP + 1), "whole"),  # too long: the parser refuses it
        (POST, "partial"),
        (POST + b"0123456789", "whole"),
        (POST + b"01234", "partial"),
        (POST.replace(b"10", b"99999999"), "whole"),  # over the body limit: the app says 413
        (POST.replace(b"Content-Length", b"content-length"), "partial"),
        (CHUNKED + b"5\r\nhello\r\n", "partial"),
        (CHUNKED + b"5\r\nhello\r\n0\r\n\r\n", "whole"),
        (CHUNKED + b"5\r\nhello\r\n0\r\nX-Trailer: 1\r\n\r\n", "whole"),
        (CHUNKED + b"zz\r\n", "whole"),  # malformed: the parser answers 400
    ],
)
def test_request_state(data: bytes, state: str) -> None:
    assert request_state(data, max_body=1_000) == state


def test_error_responses_are_json_and_echo_nothing() -> None:
    raw = error_response(414, "URI Too Long")
    head, _, body = raw.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 414 URI Too Long\r\n")
    assert b"Content-Type: application/json" in head and b"nosniff" in head
    assert json.loads(body) == {
        "error": {
            "code": "uri_too_long",
            "message": "the request line is longer than the server accepts",
        }
    }
    assert f"Content-Length: {len(body)}".encode() in head
