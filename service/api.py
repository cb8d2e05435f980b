"""The HTTP endpoints: related lists, articles, the snapshot, health, readiness, metrics.

Request validation and the OpenAPI document come from flask-openapi3 and the
models in `service.schemas`; the answers from `service.answers`.
"""

from __future__ import annotations

import logging
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

import orjson
from flask import Response, request
from flask_openapi3 import APIBlueprint, OpenAPI, Tag
from flask_openapi3.types import ResponseDict
from werkzeug.routing import PathConverter

from indexer.clean import DocumentRefused, DocumentTooLarge, clean_text
from service import answers, metrics
from service.errors import (
    ArticleNotFound,
    EmptyText,
    MarkupTooComplex,
    NoSnapshot,
    PayloadTooLarge,
    redact_paths,
)
from service.ranking import resolve
from service.schemas import (
    ArticlePath,
    ArticleResponse,
    ErrorResponse,
    HealthResponse,
    ReadyResponse,
    RelatedBody,
    RelatedQuery,
    RelatedResponse,
    SnapshotResponse,
)
from service.settings import post_limits
from service.state import State, state

logger = logging.getLogger(__name__)

JSON = "application/json"
related_tag = Tag(name="related", description="Related-article lists")
articles_tag = Tag(name="articles", description="Indexed articles and the snapshot")
ops_tag = Tag(name="operations", description="Health, readiness and metrics")

# 414: gunicorn refuses a request line over its limit before the app sees it.
ERRORS: ResponseDict = {
    400: ErrorResponse,
    404: ErrorResponse,
    414: ErrorResponse,
    503: ErrorResponse,
}
BODY_ERRORS: ResponseDict = {
    400: ErrorResponse,
    413: ErrorResponse,
    415: ErrorResponse,
    422: ErrorResponse,
    503: ErrorResponse,
}
TEXT_PLAIN: dict[str, Any] = {"content": {"text/plain": {"schema": {"type": "string"}}}}

v1 = APIBlueprint("v1", __name__, url_prefix="/v1")


class ArticleIdConverter(PathConverter):
    """An article id in a URL: may hold slashes (ids are often URLs), never ends in one of
    the routes' own suffixes, so `/articles/ID/related` is never article `ID/related`."""

    regex = r"[^/](?:(?!/(?:related|related\.html|related\.amp\.json|controls)$).)*?"
    part_isolating = False


def _json(body: bytes, *, status: int = 200) -> Response:
    return Response(body, status=status, mimetype=JSON)


def _cacheable(response: Response, tag: str, st: State, snapshot: str) -> Response:
    response.headers["ETag"] = tag
    response.headers["Cache-Control"] = f"public, max-age={st.settings.http_max_age}"
    response.headers["X-Snapshot"] = snapshot
    return response


def _not_modified(tag: str) -> bool:
    if "HTTP_IF_NONE_MATCH" not in request.environ:
        return False
    return request.if_none_match.contains_weak(tag.strip('"'))


@v1.get(
    "/articles/<article:article_id>/related",
    tags=[related_tag],
    responses={200: RelatedResponse, 304: None, **ERRORS},
)
def related_get(path: ArticlePath, query: RelatedQuery) -> Response:
    """Related articles for an indexed article.

    The answer is cached (key: snapshot version, id, the resolved ranking); a
    cached list that shows an article changed since is recomputed. The ETag is
    the body's: send it back in If-None-Match to get 304 while the list is the same.
    """
    st = state()
    snapshot = st.live.get()
    row = snapshot.row_of(path.article_id)
    if row is None:
        raise ArticleNotFound(f"no article {path.article_id!r} in snapshot {snapshot.version}")
    ranking = resolve(st.settings.ranking, **query.model_dump())
    key = st.cache.key(snapshot.version, "id", answers.digest(path.article_id), ranking.digest())
    value, source = st.cache.get_or_compute(
        key, lambda: answers.related_for_row(snapshot, row, ranking), answers.fresh_in(snapshot)
    )
    st.cache.remember(_request_alias(snapshot.version), key)
    return _related_response(st, snapshot.version, answers.unpack(value)[2], source)


def _request_alias(version: str) -> str:
    environ = request.environ
    return f"{version} {environ.get('PATH_INFO', '')}?{environ.get('QUERY_STRING', '')}"


def _related_response(st: State, version: str, body: bytes, source: str) -> Response:
    tag = answers.body_etag(body)
    if _not_modified(tag):
        return _cacheable(Response(status=304), tag, st, version)
    response = _cacheable(_json(body), tag, st, version)
    response.headers["X-Cache"] = source
    return response


def hot_related() -> Response | None:
    """A repeated `GET .../related` answered from this process's cache, before validation.

    The same URL on the same snapshot (and the process's settings) was
    validated and resolved to a cache key before; while that entry is still
    fresh (no article it shows changed since), it is the answer. Anything
    else (first request, stale entry, no snapshot) goes the normal way.
    """
    st = state()
    try:
        snapshot = st.live.get()
    except NoSnapshot:
        return None
    value = st.cache.hot(_request_alias(snapshot.version), answers.fresh_in(snapshot))
    if value is None:
        return None
    return _related_response(st, snapshot.version, answers.unpack(value)[2], "local")


@v1.post("/related", tags=[related_tag], responses={200: RelatedResponse, **BODY_ERRORS})
def related_post(body: RelatedBody) -> Response:
    """Related articles for a text that is not indexed yet (a draft, a page just published).

    The text is cleaned like indexed bodies (HTML and boilerplate removed) and
    embedded on the fly (the model loads when a worker starts). Every
    step is bounded by the `MORELIKE_POST_*` settings, so that one hostile body
    is refused (413, 422) or answered within about a second, never holding a
    worker until gunicorn kills it.
    """
    st = state()
    snapshot = st.live.get()
    settings = st.settings
    field = "html" if body.html is not None else "text"
    raw = body.html if body.html is not None else body.text or ""
    limits = post_limits(settings)
    try:
        text = clean_text(raw, title=body.title, limits=limits)
    except DocumentTooLarge as exc:
        raise PayloadTooLarge(f"`{field}` {exc}") from exc
    except DocumentRefused as exc:
        raise MarkupTooComplex(
            f"`{field}` {exc}", details=[{"field": field, "message": str(exc)}]
        ) from exc
    if not text.strip():
        raise EmptyText(f"`{field}` is empty after cleaning (markup and boilerplate removed)")
    ranking = resolve(
        st.settings.ranking, **body.model_dump(exclude={"title", "text", "html", "url"})
    )
    content = answers.digest(body.title, text, body.url)
    key = st.cache.key(snapshot.version, "text", content, ranking.digest())

    def compute() -> bytes:
        embedder = st.embedders.for_snapshot(snapshot)
        return answers.related_for_text(
            snapshot,
            embedder,
            title=body.title,
            text=text,
            url=body.url,
            ranking=ranking,
            max_passages=settings.post_max_passages,
        )

    value, source = st.cache.get_or_compute(key, compute, answers.fresh_in(snapshot))
    response = _json(answers.unpack(value)[2])
    response.headers["X-Snapshot"] = snapshot.version
    response.headers["X-Cache"] = source
    response.headers["Cache-Control"] = "no-store"
    return response


@v1.get(
    "/articles/<article:article_id>",
    tags=[articles_tag],
    responses={200: ArticleResponse, 304: None, **ERRORS},
)
def article_get(path: ArticlePath) -> Response:
    """One indexed article's metadata, as the current snapshot has it."""
    st = state()
    snapshot = st.live.get()
    meta = snapshot.article(path.article_id)
    if meta is None:
        raise ArticleNotFound(f"no article {path.article_id!r} in snapshot {snapshot.version}")
    body = orjson.dumps({"article": meta, "snapshot": snapshot.version})
    tag = answers.body_etag(body)  # an edit changes it
    if _not_modified(tag):
        return _cacheable(Response(status=304), tag, st, snapshot.version)
    return _cacheable(_json(body), tag, st, snapshot.version)


def public_source(source: str | None) -> str | None:
    """What a client may see of a build's source: a file's name, a URL's host and path.

    The manifest records the source as given to the build (an absolute path, a
    URL that may carry credentials); the service shows no more than its name.
    """
    if not source:
        return source
    parts = urlsplit(source)
    if parts.scheme and parts.hostname:
        port = f":{parts.port}" if parts.port else ""
        return f"{parts.scheme}://{parts.hostname}{port}{parts.path}"
    return PurePath(source).name


@v1.get(
    "/snapshot",
    tags=[articles_tag],
    responses={200: SnapshotResponse, 304: None, 503: ErrorResponse},
)
def snapshot_get() -> Response:
    """The manifest of the snapshot being served (version, model, counts, index, build)."""
    st = state()
    snapshot = st.live.get()
    tag = answers.etag(snapshot.version, "manifest")
    if _not_modified(tag):
        return _cacheable(Response(status=304), tag, st, snapshot.version)
    manifest = {**snapshot.manifest, "source": public_source(snapshot.manifest.get("source"))}
    return _cacheable(_json(orjson.dumps(manifest)), tag, st, snapshot.version)


def register_ops(app: OpenAPI) -> None:
    """Health, readiness and metrics, outside /v1."""

    @app.get("/healthz", tags=[ops_tag], responses={200: HealthResponse})
    def healthz() -> Response:
        """The process is alive (it says nothing about the snapshot)."""
        return _json(b'{"status":"ok"}')

    @app.get("/readyz", tags=[ops_tag], responses={200: ReadyResponse, 503: ReadyResponse})
    def readyz() -> Response:
        """Ready when a snapshot is loaded; Redis state is reported but not required."""
        st = state()
        store = st.cache.store
        redis_state = "disabled" if store is None else ("up" if store.ping() else "down")
        out: dict[str, object] = {
            "ready": False,
            "snapshot": None,
            "redis": redis_state,
            "model": st.embedders.status,
        }
        try:
            snapshot = st.live.get()
        except NoSnapshot as exc:
            out["error"] = {
                "code": exc.code,
                "message": redact_paths(exc.message, st.settings.data_dir),
            }
            return _json(orjson.dumps(out), status=503)
        loaded = st.holder.loaded
        problem = st.holder.problem
        if problem:  # still serving, but the data dir needs a look
            out["problem"] = redact_paths(problem, st.settings.data_dir)
        out["ready"] = True
        out["snapshot"] = {
            "version": snapshot.version,
            "articles": snapshot.count,
            "journal_seq": snapshot.seq,
            "loaded_at": loaded.loaded_at if loaded else None,
        }
        return _json(orjson.dumps(out))

    @app.get("/metrics", tags=[ops_tag], responses={200: TEXT_PLAIN})
    def metrics_get() -> Response:
        """Prometheus metrics of all workers."""
        body, content_type = metrics.render()
        return Response(body, mimetype=None, content_type=content_type)
