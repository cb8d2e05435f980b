"""The admin API: publish, edit, unpublish and delete articles, and editors' controls.

Every route needs `Authorization: Bearer <MORELIKE_ADMIN_TOKEN>`: none is a 401,
a wrong one a 403 (compared in constant time), and with no token configured
every route is a 403 that says how to turn it on. The token is a `SecretStr`:
it never reaches a log, an error or a metric.

A change is validated like a record of a build (422 with the field at fault,
nothing written), cleaned and embedded here, and written to the journal
(`indexer.snapshot.journal`, synced) before it is acknowledged; a journal that cannot be
written is a 503 and nothing is acknowledged. This worker merges it at once;
every other worker of every replica on the data dir within `JOURNAL_INTERVAL`.
"""

from __future__ import annotations

import functools
import hmac
import logging
from collections.abc import Callable
from typing import Any

import orjson
from flask import Response, request
from flask_openapi3 import APIBlueprint, Tag
from flask_openapi3.types import ResponseDict
from pydantic import ValidationError

from indexer.articles import RecordError, parse_record
from indexer.clean import DocumentRefused, DocumentTooLarge, clean_text
from indexer.snapshot.journal import DELETE, SITE, UPSERT, JournalError, NewChange
from service.api import BODY_ERRORS
from service.errors import (
    ArticleNotFound,
    Forbidden,
    InvalidBody,
    MarkupTooComplex,
    PayloadTooLarge,
    Unauthorized,
    Unavailable,
)
from service.schemas import (
    ArticleIn,
    ArticlePath,
    BatchIn,
    BatchOut,
    ChangeOut,
    ControlsIn,
    ErrorResponse,
    SiteControlsIn,
)
from service.settings import post_limits
from service.state import State, state

logger = logging.getLogger(__name__)

admin_tag = Tag(name="admin", description="Live changes and editor controls (bearer token)")
ADMIN_ERRORS: ResponseDict = {
    **BODY_ERRORS,
    401: ErrorResponse,
    403: ErrorResponse,
    404: ErrorResponse,
    503: ErrorResponse,
}
ARTICLE = "/articles/<article:article_id>"
CONTROLS = ARTICLE + "/controls"
SECURITY: list[dict[str, list[str]]] = [{"bearer": []}]


def require_token() -> None:
    """401 without credentials, 403 with wrong ones or when changes are not enabled."""
    configured = state().settings.admin_token
    if configured is None:
        raise Forbidden(
            "the admin API is off: set MORELIKE_ADMIN_TOKEN to a long random secret to enable it"
        )
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    if not header or scheme.lower() != "bearer" or not given.strip():
        raise Unauthorized("send the admin token as `Authorization: Bearer <token>`")
    if not hmac.compare_digest(given.strip().encode(), configured.get_secret_value().encode()):
        raise Forbidden("the admin token is not valid")


def _json(body: Any, status: int = 200) -> Response:
    response = Response(orjson.dumps(body), status=status, mimetype="application/json")
    response.headers["Cache-Control"] = "no-store"
    return response


def prepare(st: State, article_id: str, data: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The validated record and its cleaned text; `InvalidBody`/413/422 when it cannot be."""
    raw = {k: v for k, v in data.items() if k != "html"}
    if data.get("html") is not None:
        if data.get("body") is not None:
            raise InvalidBody("give `body` or `html`, not both")
        raw["body"] = data["html"]
    raw["id"] = article_id
    try:
        article = parse_record(raw)
    except RecordError as exc:
        details = [{"field": exc.field, "message": str(exc)}]
        raise InvalidBody(str(exc), details=details) from exc
    settings = st.settings
    limits = post_limits(settings)
    try:
        text = clean_text(article.body, title=article.title, limits=limits)
    except DocumentTooLarge as exc:
        raise PayloadTooLarge(f"`body` {exc}") from exc
    except DocumentRefused as exc:
        raise MarkupTooComplex(f"`body` {exc}") from exc
    if not text.strip() and not article.title:
        raise InvalidBody("`body` is empty after cleaning and there is no title")
    record = article.to_json()
    return record, text


def _validated(article: dict[str, Any] | None) -> dict[str, Any]:
    """A batch item's article checked like a PUT body (422 with the fields at fault)."""
    try:
        checked = ArticleIn.model_validate(article or {})
    except ValidationError as exc:
        details = [
            {"field": ".".join(str(p) for p in e["loc"]) or "article", "message": e["msg"]}
            for e in exc.errors(include_url=False, include_input=False)
        ]
        summary = "; ".join(f"{d['field']}: {d['message']}" for d in details)
        raise InvalidBody(summary, details=details) from exc
    return checked.model_dump(mode="json", exclude_none=True)


def _embed(st: State, items: list[tuple[dict[str, Any], str]]) -> list[Any]:
    embedder = st.embedders.for_snapshot(st.live.get())
    return list(embedder.encode_articles([(r["title"], t or r["title"]) for r, t in items]))


def _write(st: State, changes: list[NewChange]) -> list[int]:
    try:
        seqs = st.journal.append(changes)
    except JournalError as exc:
        logger.error("change not acknowledged: %s", exc)
        raise Unavailable("the journal cannot be written: the change was not saved") from exc
    st.live.refresh()  # this worker serves it at once; the others within JOURNAL_INTERVAL
    return seqs


def article_put(path: ArticlePath, body: ArticleIn) -> Response:
    """Create or replace one article; a status other than published, or an expiry in the
    past, takes it off every list."""
    st = state()
    record, text = prepare(st, path.article_id, body.model_dump(mode="json", exclude_none=True))
    vector = _embed(st, [(record, text)])[0]
    (seq,) = _write(st, [NewChange(path.article_id, UPSERT, record, text, vector)])
    return _json({"id": path.article_id, "op": UPSERT, "seq": seq})


def article_delete(path: ArticlePath) -> Response:
    """Delete one article: gone from every list, its own list and `GET` answer 404."""
    st = state()
    if st.live.get().row_of(path.article_id) is None:
        raise ArticleNotFound(f"no article {path.article_id!r} to delete")
    (seq,) = _write(st, [NewChange(path.article_id, DELETE)])
    return _json({"id": path.article_id, "op": DELETE, "seq": seq})


def articles_batch(body: BatchIn) -> Response:
    """Many upserts and deletes at once, with a result per item; the valid ones are written
    together (one synced transaction), the invalid ones reported and skipped."""
    st = state()
    if len(body.items) > st.settings.max_batch:
        raise PayloadTooLarge(f"{len(body.items)} items; the limit is {st.settings.max_batch}")
    results: list[dict[str, Any]] = []
    upserts: list[tuple[int, dict[str, Any], str]] = []
    deletes: list[int] = []
    live = st.live.get()
    for i, item in enumerate(body.items):
        results.append({"id": item.id, "op": item.op})
        try:
            if item.op == UPSERT:
                record, text = prepare(st, item.id, _validated(item.article))
                upserts.append((i, record, text))
            elif live.row_of(item.id) is None:
                raise ArticleNotFound(f"no article {item.id!r} to delete")
            else:
                deletes.append(i)
        except (InvalidBody, MarkupTooComplex, PayloadTooLarge, ArticleNotFound) as exc:
            results[i].update(status=exc.status, error={"code": exc.code, "message": exc.message})
    vectors = _embed(st, [(r, t) for _, r, t in upserts]) if upserts else []
    changes = [
        NewChange(r["id"], UPSERT, r, t, v) for (_, r, t), v in zip(upserts, vectors, strict=True)
    ]
    changes += [NewChange(body.items[i].id, DELETE) for i in deletes]
    seqs = _write(st, changes) if changes else []
    for index, seq in zip([i for i, _, _ in upserts] + deletes, seqs, strict=True):
        results[index].update(status=200, seq=seq)
    return _json({"results": results, "written": len(seqs)})


def controls_get(path: ArticlePath) -> Response:
    """The editor's controls in force for one article's list."""
    return _json(
        _controls(state()).get(path.article_id) or ControlsIn.model_validate({}).model_dump()
    )


def controls_put(path: ArticlePath, body: ControlsIn) -> Response:
    """Pin articles first (in order), block articles, or turn the block off for one article."""
    st = state()
    value = body.model_dump()
    _set_controls(st, path.article_id, value if any(value.values()) else {})
    return _json(value)


def site_controls_get() -> Response:
    """The site-wide exclusions in force."""
    return _json(_controls(state()).get(SITE) or SiteControlsIn.model_validate({}).model_dump())


def site_controls_put(body: SiteControlsIn) -> Response:
    """Ids, sections and tags never shown in any list."""
    st = state()
    value = body.model_dump()
    _set_controls(st, SITE, value if any(value.values()) else {})
    return _json(value)


def _controls(st: State) -> dict[str, dict[str, Any]]:
    try:
        return st.journal.controls()
    except JournalError as exc:
        raise Unavailable("the journal cannot be read") from exc


def _set_controls(st: State, key: str, value: dict[str, Any]) -> None:
    try:
        st.journal.set_controls(key, value)
    except JournalError as exc:
        logger.error("controls not saved: %s", exc)
        raise Unavailable("the journal cannot be written: the controls were not saved") from exc
    st.live.refresh()


def register_admin(api: APIBlueprint) -> None:
    """Add the admin routes to the `/v1` blueprint (one blueprint, so the OpenAPI document
    holds GET, PUT and DELETE of one path together), each behind `require_token`.

    Idempotent: apps built later (tests build many) find the routes in place.
    """
    if getattr(api, "admin_routes", False):
        return
    api.admin_routes = True  # type: ignore[attr-defined]
    routes: list[tuple[str, str, Callable[..., Response], ResponseDict]] = [
        ("put", "/articles/<article:article_id>", article_put, {200: ChangeOut, **ADMIN_ERRORS}),
        (
            "delete",
            "/articles/<article:article_id>",
            article_delete,
            {200: ChangeOut, **ADMIN_ERRORS},
        ),
        ("post", "/batch", articles_batch, {200: BatchOut, **ADMIN_ERRORS}),
        (
            "get",
            "/articles/<article:article_id>/controls",
            controls_get,
            {200: ControlsIn, **ADMIN_ERRORS},
        ),
        (
            "put",
            "/articles/<article:article_id>/controls",
            controls_put,
            {200: ControlsIn, **ADMIN_ERRORS},
        ),
        ("get", "/controls", site_controls_get, {200: SiteControlsIn, **ADMIN_ERRORS}),
        ("put", "/controls", site_controls_put, {200: SiteControlsIn, **ADMIN_ERRORS}),
    ]
    for method, path, view, responses in routes:
        route = getattr(api, method)
        route(path, tags=[admin_tag], responses=responses, security=SECURITY)(_guarded(view))


def _guarded(view: Callable[..., Response]) -> Callable[..., Response]:
    @functools.wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Response:
        require_token()
        return view(*args, **kwargs)

    return guarded
