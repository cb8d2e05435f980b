"""Building the Flask app: settings, shared clients, routes, hooks, error handlers, CORS."""

from __future__ import annotations

import base64
import hashlib
import html
import logging
import re
import time
from importlib import metadata
from typing import Any

from flask import Response, g, request
from flask_openapi3 import Info, OpenAPI
from pydantic import ValidationError

from indexer.embedder import Embedder
from indexer.snapshot.journal import Journal
from service import events, metrics, page, schemas
from service.admin import register_admin
from service.api import ArticleIdConverter, hot_related, register_ops, v1
from service.cache import LocalCache, RedisStore, ResponseCache
from service.errors import (
    InvalidBody,
    MalformedJson,
    PayloadTooLarge,
    UnsupportedMediaType,
    error_body,
    register_error_handlers,
)
from service.live import LiveView
from service.schemas import ErrorResponse
from service.settings import Settings, load_settings
from service.snapshots import SnapshotHolder
from service.state import EXTENSION, EmbedderPool, State

logger = logging.getLogger(__name__)

JSON_TYPES = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


def _version() -> str:
    try:
        return metadata.version("morelike")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def _field(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc) or "body"


def validation_error(exc: ValidationError) -> Response:
    """flask-openapi3's hook: pydantic errors in the one error shape.

    Bad query or path parameters are 400; a JSON body with missing or mistyped
    fields is 422.
    """
    details = []
    for err in exc.errors(include_url=False, include_input=False):
        field = _field(err["loc"])
        if err["type"] == "extra_forbidden":
            message = f"unknown parameter {field!r}"
        else:
            message = err["msg"].removeprefix("Value error, ")
        details.append({"field": field, "message": message})
    summary = "; ".join(
        d["message"] if d["field"] == "body" else f"{d['field']}: {d['message']}" for d in details
    )
    if request.method in ("POST", "PUT", "PATCH"):
        return error_body(422, "invalid_body", summary, details)
    return error_body(400, "bad_parameter", summary, details)


def _check_json_body() -> None:
    """Refuse a POST body that is too large, not JSON, or not parseable, before validation.

    A request that matches no route, or a route without POST, is left to the
    router's 404 or 405: its body is never looked at.
    """
    if request.method != "POST" or request.routing_exception is not None:
        return
    limit = request.max_content_length
    if limit is not None and request.content_length is not None and request.content_length > limit:
        raise PayloadTooLarge(f"the body has {request.content_length} bytes; the limit is {limit}")
    if not request.is_json:
        raise UnsupportedMediaType("send the body as JSON with Content-Type: application/json")
    # A chunked body (no Content-Length) is read up to the limit and cut there silently.
    if request.content_length is None and limit and len(request.get_data(cache=True)) >= limit:
        raise PayloadTooLarge(f"the body is larger than {limit} bytes")
    try:
        data = request.get_json(cache=True)
    except Exception as exc:
        if getattr(exc, "code", None) == 413:
            raise PayloadTooLarge(f"the body is larger than {limit} bytes") from exc
        raise MalformedJson("the body is not valid JSON") from exc
    if not isinstance(data, dict):
        kind = JSON_TYPES.get(type(data), type(data).__name__)
        raise InvalidBody(f"the body must be a JSON object, not {kind}")


# JSON and text answers are never a document: nothing in them may load or run.
API_CSP = "default-src 'none'; frame-ancestors 'none'"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>(.*?)</script>", re.S | re.I)
INLINE_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S | re.I)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=\s*\"([^\"]*)\"", re.I)


def _hashes(pattern: re.Pattern[str], page: str, *, unescape: bool = False) -> list[str]:
    found = []
    for match in pattern.finditer(page):
        text = html.unescape(match.group(1)) if unescape else match.group(1)
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        found.append(f"'sha256-{digest}'")
    return sorted(set(found))


def page_csp(page: str) -> str:
    """A Content-Security-Policy for one HTML page (the docs): its own inline code and no other.

    The docs pages (Swagger UI from flask-openapi3-swagger) load their scripts,
    styles and images from this origin and carry a few inline blocks; each of
    those is allowed by its hash, computed from the page as served, so an
    upgrade of the package cannot silently break the page and nothing injected
    into it can run.
    """
    scripts = _hashes(INLINE_SCRIPT, page)
    handlers = _hashes(INLINE_HANDLER, page, unescape=True)
    styles = _hashes(INLINE_STYLE, page)
    script_src = ["'self'", *scripts]
    if handlers:
        script_src += ["'unsafe-hashes'", *handlers]
    return "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join(script_src),
            "style-src " + " ".join(["'self'", *styles]),
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def security_headers(response: Response) -> None:
    """Headers every answer carries: no MIME sniffing, no framing, a CSP.

    Error bodies repeat what a client sent; `nosniff` keeps a browser from
    reading JSON as HTML, and the API's CSP makes any answer inert if opened.
    HTML pages (only the docs) get a policy made from their own inline code.
    """
    headers = response.headers
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    if (
        response.status_code == 200
        and response.mimetype == "text/html"
        and not response.is_streamed
    ):
        headers["Content-Security-Policy"] = page_csp(response.get_data(as_text=True))
    else:
        headers["Content-Security-Policy"] = API_CSP


def tidy_openapi(doc: dict[str, Any]) -> None:
    """Make flask-openapi3's document valid and true, in place (it is cached and served as is).

    It writes `securitySchemes: null` when there are none (invalid: schemathesis
    and other tools refuse the whole document), and documents a 422 holding an
    array on every operation, while only a JSON body is answered with 422, in
    the one error shape the operation already declares.
    """
    components = doc.get("components", {})
    if components.get("securitySchemes") is None:
        components.pop("securitySchemes", None)
    for item in doc.get("paths", {}).values():
        for operation in item.values():
            if "requestBody" not in operation:
                operation.get("responses", {}).pop("422", None)


def _build_state(settings: Settings, embedder: Embedder | None) -> State:
    holder = SnapshotHolder(settings.data_dir, settings.reload_interval)
    holder.check()  # load now; the watcher starts on first use in each worker
    store = None
    if settings.redis_url:
        store = RedisStore(
            settings.redis_url,
            timeout=settings.redis_timeout,
            backoff_max=settings.redis_backoff_max,
        )
    cache = ResponseCache(
        LocalCache(settings.cache_size), store, settings.cache_ttl, settings.key_prefix
    )
    state = State(
        settings,
        holder,
        cache,
        EmbedderPool(settings.model, preset=embedder),
        LiveView(holder, settings.data_dir, settings.journal_interval),
        Journal(settings.data_dir),
    )
    state.live.warm = state.warm_snapshot
    return state


RELATED_GET = "v1.related_get"  # the endpoint `hot_related` answers before validation


def prepare_first_requests(app: OpenAPI) -> None:
    """Build now what a process's first requests would build lazily.

    flask-openapi3 asks each request model for its JSON schema (memoised by
    `schemas.Model`) and werkzeug compiles the URL map on its first match:
    together a few ms, 3-4x a warm `related`. Done here, in the gunicorn master
    that preloads the app, every worker starts with them.
    """
    pending = [schemas.Model]
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        if model is not schemas.Model:
            model.model_json_schema()
    adapter = app.url_map.bind("localhost")
    for path in ("/healthz", "/v1/articles/a/related", "/v1/articles/a"):
        adapter.match(path)  # compiles the rules' converters' patterns


def build_app(settings: Settings | None = None, *, embedder: Embedder | None = None) -> OpenAPI:
    """The Flask app; `embedder` lets tests share an already loaded model."""
    settings = settings or load_settings()
    app = OpenAPI(
        __name__,
        info=Info(
            title="Morelike",
            version=_version(),
            description='Related articles ("You might also like") for article sites.',
        ),
        doc_prefix="/docs",
        validation_error_status=422,
        validation_error_model=ErrorResponse,
        validation_error_callback=validation_error,
        security_schemes={"bearer": {"type": "http", "scheme": "bearer"}},
    )
    app.url_map.converters["article"] = ArticleIdConverter
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.extensions[EXTENSION] = _build_state(settings, embedder)
    register_error_handlers(app, settings.data_dir)
    register_admin(v1)
    app.register_api(v1)
    register_ops(app)
    page.register(app, settings)  # the block on the page: fragment, card JSON, widget.js, demo
    events.register(app, settings)

    @app.get("/openapi.json", doc_ui=False)
    def openapi_json() -> Response:
        return app.response_class(app.json.dumps(app.api_doc), mimetype="application/json")

    @app.before_request
    def _before() -> Response | None:
        g.started = time.perf_counter()
        if request.endpoint == RELATED_GET and request.method == "GET":
            return hot_related()  # a repeated request still fresh in this process, or None
        if request.endpoint != events.ENDPOINT:  # beacons send JSON as text/plain
            _check_json_body()
        return None

    @app.after_request
    def _after(response: Response) -> Response:
        endpoint = request.endpoint or "unmatched"
        metrics.REQUESTS.labels(endpoint, request.method, str(response.status_code)).inc()
        started = g.get("started")
        if started is not None:
            metrics.LATENCY.labels(endpoint).observe(time.perf_counter() - started)
        if response.status_code >= 400:
            response.headers["Cache-Control"] = "no-store"
        security_headers(response)
        page.embedding_headers(response)
        return response

    if settings.cors_origins:
        from flask_cors import CORS

        CORS(
            app,
            resources={r"/v1/*": {"origins": settings.cors_origins}},
            methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Content-Type", "If-None-Match"],
            expose_headers=["ETag", "X-Snapshot", "X-Cache"],
            max_age=86_400,
        )
    tidy_openapi(app.api_doc)  # last: the document is generated once, from the routes so far
    prepare_first_requests(app)
    return app
