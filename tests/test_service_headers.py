"""Security headers: nosniff on every answer, no framing, a CSP that keeps the docs working.

Error bodies repeat what a client sent; `X-Content-Type-Options: nosniff` keeps
a browser from reading them as HTML, and the API's CSP makes any answer inert
if opened. The docs page (Swagger UI from flask-openapi3-swagger) gets a policy
that allows its own files and, by hash, its own inline code, and nothing else.
"""

from __future__ import annotations

import base64
import hashlib
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest

API_CSP = "default-src 'none'; frame-ancestors 'none'"
DOCS_PAGES = ["/docs/swagger", "/docs/", "/docs/oauth2-redirect.html"]


def answers(client: Any) -> dict[str, Any]:
    """One answer of every kind the service gives, by a short name."""
    tag = client.get("/v1/articles/space-1/related").headers["ETag"]
    return {
        "related": client.get("/v1/articles/space-1/related"),
        "not modified": client.get("/v1/articles/space-1/related", headers={"If-None-Match": tag}),
        "article": client.get("/v1/articles/space-2"),
        "snapshot": client.get("/v1/snapshot"),
        "post": client.post("/v1/related", json={"title": "Rockets", "text": "A rocket launch."}),
        "404": client.get("/v1/articles/<b>nope</b>"),
        "400": client.get("/v1/articles/space-1/related?limit=0"),
        "405": client.post("/healthz"),
        "415": client.post("/v1/related", data="x", content_type="text/plain"),
        "422": client.post("/v1/related", json={}),
        "healthz": client.get("/healthz"),
        "readyz": client.get("/readyz"),
        "metrics": client.get("/metrics"),
        "openapi": client.get("/openapi.json"),
        "docs": client.get("/docs/swagger"),
        "docs script": client.get("/docs/swagger/js/swagger-ui-bundle.js"),
    }


def test_every_answer_is_nosniff_and_unframable(client: Any) -> None:
    for name, response in answers(client).items():
        assert response.headers.get("X-Content-Type-Options") == "nosniff", name
        assert response.headers.get("X-Frame-Options") == "DENY", name
        assert "frame-ancestors 'none'" in response.headers.get("Content-Security-Policy", ""), name


def test_api_answers_carry_an_inert_csp(client: Any) -> None:
    for name, response in answers(client).items():
        if response.mimetype != "text/html":
            assert response.headers["Content-Security-Policy"] == API_CSP, name


class InlineCode(HTMLParser):
    """The inline scripts, styles and event handlers of a page, and the files it loads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.handlers: list[str] = []
        self.files: list[str] = []
        self._open: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        self.handlers += [v or "" for k, v in attrs if k.startswith("on")]
        if tag == "script" and named.get("src"):
            self.files.append(str(named["src"]))
        elif tag == "link" and named.get("rel") == "stylesheet":
            self.files.append(str(named["href"]))
        elif tag in ("script", "style"):
            self._open = (tag, [])

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and self._open[0] == tag:
            (self.scripts if tag == "script" else self.styles).append("".join(self._open[1]))
            self._open = None


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    out = {}
    for part in policy.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


@pytest.mark.parametrize("page", DOCS_PAGES)
def test_docs_csp_allows_exactly_the_pages_own_inline_code(client: Any, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200 and response.mimetype == "text/html"
    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["default-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    everything = " ".join(v for values in policy.values() for v in values)
    assert "'unsafe-inline'" not in everything and "'unsafe-eval'" not in everything
    code = InlineCode()
    code.feed(response.get_data(as_text=True))
    assert code.scripts or code.styles  # the pages do carry inline code: the hashes matter
    for script in code.scripts:
        assert sha256(script) in policy["script-src"], script[:80]
    for handler in code.handlers:
        assert sha256(handler) in policy["script-src"] and "'unsafe-hashes'" in policy["script-src"]
    for style in code.styles:
        assert sha256(style) in policy["style-src"], style[:80]
    hashes = [v for v in policy["script-src"] + policy["style-src"] if v.startswith("'sha256-")]
    assert len(hashes) == len(set(map(sha256, code.scripts + code.handlers + code.styles)))


def test_docs_files_load_under_nosniff(client: Any) -> None:
    """Each script and style the docs page loads is same-origin and has the right type."""
    page = client.get("/docs/swagger")
    code = InlineCode()
    code.feed(page.get_data(as_text=True))
    assert len(code.files) >= 3
    expected = {".js": "text/javascript", ".css": "text/css"}
    for ref in code.files:
        url = urljoin("http://localhost/docs/swagger", ref)
        assert url.startswith("http://localhost/docs/"), ref  # 'self'
        response = client.get(url.removeprefix("http://localhost"))
        assert response.status_code == 200, ref
        assert response.mimetype == expected[Path(ref).suffix], ref


def fetch(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_headers_over_a_real_gunicorn(live_server: Any, small_snapshot_dir: Path) -> None:
    """What a browser gets from `morelike serve`: the headers survive gunicorn."""
    server = live_server(small_snapshot_dir, workers=1, threads=2)
    status, headers, body = fetch(server.base + "/v1/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert status == 404 and headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == API_CSP
    assert b"<" not in body and b"\\u003cscript\\u003e" in body
    status, headers, _ = fetch(server.base + "/docs/swagger")
    assert status == 200 and headers["X-Frame-Options"] == "DENY"
    assert "script-src 'self' 'sha256-" in headers["Content-Security-Policy"]
    status, headers, _ = fetch(server.base + "/healthz", method="POST")
    assert status == 405 and "GET" in headers["Allow"]
