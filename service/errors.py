"""Errors a client can act on, and the one JSON shape they all take.

Every error response is `{"error": {"code": ..., "message": ...}}` with a status
that means what it says. Unexpected exceptions are logged with their traceback
and answered without one. What a client sent and an error message repeats (an
unknown id, a parameter's name) is JSON-escaped so that no error body contains
markup, and server-side messages (5xx) never show an absolute path.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from pathlib import Path, PurePosixPath
from typing import Any

import orjson
from flask import Flask, Response
from werkzeug.exceptions import HTTPException

from indexer.snapshot import SnapshotError

logger = logging.getLogger(__name__)


class ApiError(Exception):
    """Base of the errors the API answers with; subclasses fix status, code and headers."""

    status = 400
    code = "bad_request"
    headers: dict[str, str] = {}

    def __init__(self, message: str, *, details: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class BadRequest(ApiError):
    """A query parameter or request that is malformed."""


class MalformedJson(ApiError):
    """The body is not JSON at all."""

    code = "malformed_json"


class UnsupportedMediaType(ApiError):
    """A body that is not sent as application/json."""

    status = 415
    code = "unsupported_media_type"


class ArticleNotFound(ApiError):
    """The article id is not in the current snapshot."""

    status = 404
    code = "article_not_found"


class PayloadTooLarge(ApiError):
    """The body is larger than `MORELIKE_MAX_BODY_BYTES`."""

    status = 413
    code = "payload_too_large"


class InvalidBody(ApiError):
    """A JSON body with missing or mistyped fields."""

    status = 422
    code = "invalid_body"


class MarkupTooComplex(ApiError):
    """HTML nested too deep or with too many elements to clean on the request path."""

    status = 422
    code = "markup_too_complex"


class EmptyText(ApiError):
    """Text (or HTML) that has nothing left after cleaning."""

    status = 422
    code = "empty_text"


class NoSnapshot(ApiError):
    """No snapshot is loaded yet: the API answers 503 until one appears."""

    status = 503
    code = "no_snapshot"


class Unavailable(ApiError):
    """A backend the request needs (snapshot files, the model) failed; retry later."""

    status = 503
    code = "unavailable"


class Unauthorized(ApiError):
    """A change without credentials: send the admin token."""

    status = 401
    code = "unauthorized"
    headers = {"WWW-Authenticate": 'Bearer realm="morelike admin"'}


class Forbidden(ApiError):
    """Credentials that are wrong, or changes that are not enabled."""

    status = 403
    code = "forbidden"


# `<`, `>` and `&` only occur inside JSON strings, where their \u escapes mean the same.
_MARKUP_ESCAPES = ((b"&", b"\\u0026"), (b"<", b"\\u003c"), (b">", b"\\u003e"))
_ABSOLUTE_PATH = re.compile(r"(?<![\w.~/:-])/[^\s'\"`:;,()]+")


def error_body(status: int, code: str, message: str, details: Any = None) -> Response:
    """The JSON error response, with markup characters escaped.

    Messages may repeat what the client sent (`<script>` as an article id);
    escaped, a body cannot be rendered as markup even by a client that ignores
    its type.
    """
    error: dict[str, Any] = {"code": code, "message": message}
    if details:
        error["details"] = details
    body = orjson.dumps({"error": error})
    for raw, escaped in _MARKUP_ESCAPES:
        body = body.replace(raw, escaped)
    return Response(body, status=status, mimetype="application/json")


def redact_paths(text: str, data_dir: Path | None = None) -> str:
    """`text` without absolute paths: the data dir is named as such, other paths by basename.

    Server-side messages ("no snapshot yet in /srv/...", a loader's OSError) are
    logged in full; what a client sees must not map the server's disk.
    """
    if data_dir is not None:
        for root in {str(data_dir), str(Path(data_dir).resolve())}:
            text = re.sub(rf"(?<![\w./~-]){re.escape(root)}(?![\w./-])", "the data dir", text)

    def basename(match: re.Match[str]) -> str:
        return PurePosixPath(match.group(0)).name or "/"

    return _ABSOLUTE_PATH.sub(basename, text)


def _http_code(exc: HTTPException) -> str:
    return (exc.name or "error").lower().replace(" ", "_").replace("-", "_")


def _http_headers(exc: HTTPException) -> dict[str, str]:
    """Headers an HTTP error must carry besides its body (`Allow` on a 405)."""
    return {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}


def register_error_handlers(app: Flask, data_dir: Path | None = None) -> None:
    """Translate every exception into the JSON error shape.

    `data_dir` is redacted from the messages of 5xx answers (see `redact_paths`).
    """

    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError) -> Response:
        message = exc.message
        if exc.status >= 500:
            logger.warning("%s: %s", exc.code, message)
            message = redact_paths(message, data_dir)
        response = error_body(exc.status, exc.code, message, exc.details)
        response.headers.update(exc.headers)
        return response

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Response:
        # Responses built by flask-openapi3's validation callback arrive here wrapped.
        if exc.response is not None:
            return exc.response  # type: ignore[return-value]
        status = exc.code or 500
        if status == 413:
            return error_body(413, "payload_too_large", "request body is too large")
        response = error_body(status, _http_code(exc), exc.description or exc.name)
        response.headers.update(_http_headers(exc))
        return response

    @app.errorhandler(SnapshotError)
    @app.errorhandler(sqlite3.Error)
    def _snapshot_error(exc: Exception) -> Response:
        logger.error("snapshot read failed: %s", exc)
        return error_body(503, "unavailable", "the snapshot cannot be read right now; retry")

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response:
        logger.exception("unhandled error")
        return error_body(500, "internal_error", "internal error; it has been logged")
