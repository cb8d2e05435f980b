"""Errors a client can act on, and the one JSON shape they all take.

Every error response is `{"error": {"code": ..., "message": ...}}` with a status
that means what it says. Unexpected exceptions are logged with their traceback
and answered without one.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

import orjson
from flask import Flask, Response
from werkzeug.exceptions import HTTPException

from indexer.snapshot import SnapshotError

logger = logging.getLogger(__name__)


class ApiError(Exception):
    """Base of the errors the API answers with; subclasses fix status and code."""

    status = 400
    code = "bad_request"

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


def error_body(status: int, code: str, message: str, details: Any = None) -> Response:
    """The JSON error response."""
    error: dict[str, Any] = {"code": code, "message": message}
    if details:
        error["details"] = details
    return Response(orjson.dumps({"error": error}), status=status, mimetype="application/json")


def _http_code(exc: HTTPException) -> str:
    return (exc.name or "error").lower().replace(" ", "_").replace("-", "_")


def register_error_handlers(app: Flask) -> None:
    """Translate every exception into the JSON error shape."""

    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError) -> Response:
        if exc.status >= 500:
            logger.warning("%s: %s", exc.code, exc.message)
        return error_body(exc.status, exc.code, exc.message, exc.details)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Response:
        # Responses built by flask-openapi3's validation callback arrive here wrapped.
        if exc.response is not None:
            return exc.response  # type: ignore[return-value]
        status = exc.code or 500
        if status == 413:
            return error_body(413, "payload_too_large", "request body is too large")
        return error_body(status, _http_code(exc), exc.description or exc.name)

    @app.errorhandler(SnapshotError)
    @app.errorhandler(sqlite3.Error)
    def _snapshot_error(exc: Exception) -> Response:
        logger.error("snapshot read failed: %s", exc)
        return error_body(503, "unavailable", "the snapshot cannot be read right now; retry")

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response:
        logger.exception("unhandled error")
        return error_body(500, "internal_error", "internal error; it has been logged")
