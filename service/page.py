"""The block on the page: the HTML fragment, the card JSON (AMP, widget.js), the script, the demo.

Every way onto a page starts from the JSON related answer (`service.api.related_get`,
so caching, ETags, live changes and errors are the JSON route's) and turns it into
display-ready cards once, here (`block_of`): only http(s) links, a teaser cut on
a word, the date localised with Babel and the heading in the article's language.
The fragment and the demo pages are rendered by Jinja2 with autoescaping, so every
field is HTML-escaped by the template engine, never by hand.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import quote, urlsplit

import orjson
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from flask import Response, request
from flask_openapi3 import APIBlueprint, OpenAPI
from jinja2 import Environment, PackageLoader

from service import api
from service.cache import LocalCache
from service.errors import ArticleNotFound
from service.schemas import AmpQuery, ArticlePath, RelatedQuery
from service.settings import Settings
from service.state import state

logger = logging.getLogger(__name__)

HEADINGS = {
    "en": "You might also like",
    "de": "Das könnte Sie auch interessieren",
    "fr": "Vous aimerez aussi",
}
IMAGE_SIZE = (320, 180)  # width/height attributes: the 16:9 box the card reserves
AMP_CACHES = ("cdn.ampproject.org", "www.bing-amp.com")
# The demo page is an article page of a site: images from anywhere, code from here only.
DEMO_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https: http:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
PUBLIC_ASSETS = {"widget_js", "morelike_css"}
DEMO_PAGES = {"demo_index", "demo_article"}

templates = Environment(
    loader=PackageLoader("service", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
page = APIBlueprint("page", __name__, url_prefix="/v1", doc_ui=False)
rendered: LocalCache[tuple[bytes, str]] = LocalCache(4_096)  # by page ETag: (body, language)


@dataclass(frozen=True)
class Card:
    """One card as shown: every field ready to print (escaping is the template's)."""

    position: int
    id: str
    url: str
    title: str
    teaser: str
    date: str
    datetime: str
    image_url: str | None
    section: str
    reason: str


@dataclass(frozen=True)
class Block:
    """The heading and the cards of one related list, in the article's language."""

    heading: str
    lang: str
    article: str
    list_id: str
    items: list[Card]


def web_url(value: object) -> str | None:
    """`value` if it is an absolute http(s) URL, else None: no `javascript:`, `data:` or paths."""
    if not isinstance(value, str) or not value.strip():
        return None
    parts = urlsplit(value.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return value.strip()


def teaser(text: str, limit: int) -> str:
    """`text` cut to `limit` characters on a word, with an ellipsis when cut.

    The browser clamps it to two lines; the cut keeps the markup small and the
    two lines full in narrow and wide columns alike.
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0].rstrip(",;:.-") + "…"


@lru_cache(maxsize=64)
def locale_of(language: str) -> Locale:
    """The Babel locale for an article's language code, English when unknown."""
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale("en")


def local_date(value: object, language: str, date_format: str) -> tuple[str, str]:
    """(shown, ISO) date of an ISO timestamp, in the language's own format; empty when none."""
    if not isinstance(value, str) or not value:
        return "", ""
    try:
        when = datetime.fromisoformat(value).date()
    except ValueError:
        return "", ""
    return format_date(when, format=date_format, locale=locale_of(language)), when.isoformat()


def heading_for(language: str, headings: dict[str, str]) -> str:
    """The heading in the article's language (its primary subtag next), else English."""
    code = language.lower()
    return headings.get(code) or headings.get(code.split("-")[0]) or headings["en"]


def block_of(answer: dict[str, Any], settings: Settings) -> Block:
    """Display-ready cards from a JSON related answer (items without an http(s) link left out)."""
    article = answer.get("article") or {}
    language = str(article.get("language") or "en")
    cards: list[Card] = []
    for item in answer.get("items", []):
        url = web_url(item.get("url"))
        if url is None:
            logger.debug("card %r left out: its url is not http(s)", item.get("id"))
            continue
        shown, iso = local_date(item.get("published_at"), language, settings.page_date_format)
        cards.append(
            Card(
                position=len(cards) + 1,
                id=str(item.get("id") or ""),
                url=url,
                title=str(item.get("title") or ""),
                teaser=teaser(str(item.get("snippet") or ""), settings.page_teaser_chars),
                date=shown,
                datetime=iso,
                image_url=web_url(item.get("image_url")),
                section=str(item.get("section") or ""),
                reason=str(item.get("reason") or ""),
            )
        )
    return Block(
        heading=heading_for(language, {**HEADINGS, **settings.page_headings}),
        lang=language,
        article=str(article.get("id") or ""),
        list_id=str(answer.get("list_id") or ""),
        items=cards,
    )


def render_fragment(block: Block) -> str:
    """The block as HTML (empty when it has no cards, so an include shows nothing)."""
    if not block.items:
        return ""
    return templates.get_template("block.html").render(block=block, image_size=IMAGE_SIZE)


def _related(article_id: str, query: RelatedQuery) -> Response:
    """The JSON route's answer to the same request: its caching, ETag, live changes, errors.

    (flask-openapi3's decorators return the view function itself, so it is called as one.)
    """
    return api.related_get(ArticlePath(article_id=article_id), query)


def _block(answer: Response) -> Block:
    return block_of(orjson.loads(answer.get_data()), state().settings)


@lru_cache(maxsize=1)
def _template_digest() -> str:
    """A new template is a new body for the same list: part of every fragment's ETag."""
    source = templates.loader.get_source(templates, "block.html")[0]  # type: ignore[union-attr]
    return hashlib.blake2b(source.encode(), digest_size=8).hexdigest()


def _page_etag(answer: Response, kind: str) -> str:
    """The JSON answer's ETag, the kind of body and everything that shapes it."""
    settings = state().settings
    shown = (settings.page_headings, settings.page_date_format, settings.page_teaser_chars)
    parts = [answer.headers.get("ETag"), kind, shown, _template_digest()]
    raw = orjson.dumps(parts, option=orjson.OPT_SORT_KEYS)
    return '"' + hashlib.blake2b(raw, digest_size=10).hexdigest() + '"'


def _page(answer: Response, kind: str, mimetype: str, render: Callable[[Block], bytes]) -> Response:
    """A 200 (or 304) with the JSON route's caching headers and this body's own ETag.

    Bodies are rendered once per ETag and kept in this process (`rendered`), so a
    fragment costs what its JSON costs. A 304 from the JSON route only comes with
    `If-None-Match: *` (its ETag is never this route's), and it holds here too.
    """
    tag = _page_etag(answer, kind)
    if answer.status_code == 304 or request.if_none_match.contains_weak(tag.strip('"')):
        response = Response(status=304)
    else:
        hit = rendered.get(tag)
        if hit is None:
            block = _block(answer)
            hit = (render(block), block.lang)
            rendered.set(tag, hit, state().settings.cache_ttl)
        response = Response(hit[0], mimetype=mimetype)
        response.headers["Content-Language"] = hit[1]
    for name in ("Cache-Control", "X-Snapshot", "X-Cache"):
        if name in answer.headers:
            response.headers[name] = answer.headers[name]
    response.headers["ETag"] = tag
    return response


@page.get("/articles/<article:article_id>/related.html")
def related_html(path: ArticlePath, query: RelatedQuery) -> Response:
    """The block as an HTML fragment, for server-side includes and templates."""
    answer = _related(path.article_id, query)
    return _page(answer, "html", "text/html", lambda b: render_fragment(b).encode())


@page.get("/articles/<article:article_id>/related.amp.json")
def related_amp(path: ArticlePath, query: AmpQuery) -> Response:
    """The block's cards as JSON for `amp-list` (and widget.js), with AMP's CORS headers."""
    answer = _related(
        path.article_id, RelatedQuery(**query.model_dump(exclude={"amp_source_origin"}))
    )
    response = _page(answer, "amp", "application/json", lambda b: orjson.dumps(asdict(b)))
    amp_cors(response, state().settings.cors_origins, query.amp_source_origin)
    return response


@lru_cache(maxsize=8)
def amp_origins(origins: tuple[str, ...]) -> frozenset[str]:
    """The allowed origins and their AMP cache origins (`www.example.com` becomes
    `https://www-example-com.cdn.ampproject.org`, as the AMP caches name them)."""
    allowed = set(origins)
    for origin in origins:
        host = urlsplit(origin).hostname
        if host:
            sub = host.replace("-", "--").replace(".", "-")
            allowed.update(f"https://{sub}.{cache}" for cache in AMP_CACHES)
    return frozenset(allowed)


def amp_cors(response: Response, origins: list[str], source_origin: str | None) -> None:
    """CORS as AMP wants it: the request's origin echoed when it is the site's or its AMP
    cache's, and the source origin confirmed for runtimes that still send it."""
    response.vary.add("Origin")
    origin = request.headers.get("Origin")
    if origin and ("*" in origins or origin in amp_origins(tuple(origins))):
        response.headers["Access-Control-Allow-Origin"] = origin
    if source_origin and ("*" in origins or source_origin in origins):
        response.headers["AMP-Access-Control-Allow-Source-Origin"] = source_origin
        response.headers["Access-Control-Expose-Headers"] = "AMP-Access-Control-Allow-Source-Origin"


@dataclass(frozen=True)
class Asset:
    """A file served as is (and gzipped), with its own ETag."""

    body: bytes
    gzipped: bytes
    mimetype: str
    etag: str


def _asset(body: bytes, mimetype: str) -> Asset:
    tag = '"' + hashlib.blake2b(body, digest_size=10).hexdigest() + '"'
    return Asset(body, gzip.compress(body, 9, mtime=0), mimetype, tag)


def static_text(name: str) -> str:
    """A file of `service/static`, read from the installed package."""
    return resources.files("service").joinpath("static", name).read_text(encoding="utf-8")


def minify_css(css: str) -> str:
    """CSS without comments and runs of blank space (it goes inside the script)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{};:,>])\s*", r"\1", css).replace(";}", "}").strip()


@lru_cache(maxsize=1)
def assets() -> dict[str, Asset]:
    """widget.js (with the stylesheet inside, so a page loads one file) and morelike.css."""
    css = static_text("morelike.css")
    style = orjson.dumps(minify_css(css)).decode()
    script = static_text("widget.js").replace('"__MORELIKE_CSS__"', style)
    return {
        "widget_js": _asset(script.encode(), "text/javascript"),
        "morelike_css": _asset(css.encode(), "text/css"),
        "demo_css": _asset(static_text("demo.css").encode(), "text/css"),
    }


def serve_asset(name: str) -> Response:
    """An asset with ETag, a public max-age and gzip when the client takes it."""
    asset = assets()[name]
    if request.if_none_match.contains_weak(asset.etag.strip('"')):
        response = Response(status=304)
    elif request.accept_encodings["gzip"]:
        response = Response(asset.gzipped, mimetype=asset.mimetype)
        response.headers["Content-Encoding"] = "gzip"
    else:
        response = Response(asset.body, mimetype=asset.mimetype)
    response.vary.add("Accept-Encoding")
    response.headers["ETag"] = asset.etag
    response.headers["Cache-Control"] = f"public, max-age={state().settings.http_max_age}"
    return response


def demo_index() -> Response:
    """The demo's front page: the first articles of the snapshot, each a link to its page."""
    snapshot = state().live.get()
    metas = snapshot.articles_at(list(range(min(snapshot.count, 400))))
    shown = [m for m in metas if m.get("status", "published") == "published"][:40]
    links = [(f"/demo/{quote(str(m['id']), safe='')}", m) for m in shown]
    page_html = templates.get_template("demo_index.html").render(links=links)
    return Response(page_html, mimetype="text/html")


def demo_article(article_id: str) -> Response:
    """A sample article page with the block under it, as a site would show it.

    `?block=html` includes the fragment server-side; by default widget.js renders it.
    """
    snapshot = state().live.get()
    meta = snapshot.article(article_id)
    if meta is None:
        raise ArticleNotFound(f"no article {article_id!r} in snapshot {snapshot.version}")
    language = str(meta.get("language") or "en")
    fragment = None
    if request.args.get("block") == "html":
        fragment = render_fragment(_block(_related(article_id, RelatedQuery.model_validate({}))))
    shown, _ = local_date(meta.get("published_at"), language, "long")
    page_html = templates.get_template("demo_article.html").render(
        article=meta, lang=language, date=shown, fragment=fragment
    )
    return Response(page_html, mimetype="text/html")


def embedding_headers(response: Response) -> None:
    """Headers for where the block's files go: widget.js and the stylesheet load from other
    sites' pages (`Cross-Origin-Resource-Policy: cross-origin`, public CORS for `crossorigin`
    and SRI), and the demo pages are article pages with their own policy (images from anywhere).
    Called after `security_headers`, which sets the API's defaults."""
    endpoint = request.endpoint
    if endpoint in PUBLIC_ASSETS:
        response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
        response.headers["Access-Control-Allow-Origin"] = "*"
    elif endpoint in DEMO_PAGES and response.status_code == 200:
        response.headers["Content-Security-Policy"] = DEMO_CSP


def register(app: OpenAPI, settings: Settings) -> None:
    """The fragment and card JSON under /v1, the script and stylesheet, and the demo if set."""
    app.register_api(page)
    app.add_url_rule("/widget.js", "widget_js", lambda: serve_asset("widget_js"))
    app.add_url_rule("/morelike.css", "morelike_css", lambda: serve_asset("morelike_css"))
    if settings.demo:
        app.add_url_rule("/demo", "demo_index", demo_index)
        app.add_url_rule("/demo/", "demo_index", demo_index)
        app.add_url_rule("/demo/demo.css", "demo_css", lambda: serve_asset("demo_css"))
        app.add_url_rule("/demo/<path:article_id>", "demo_article", demo_article)
