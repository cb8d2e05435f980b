"""Bad input: the right status and `{"error": {"code", "message"}}`, never a 500 or a traceback."""

from __future__ import annotations

import json
import random
import shutil
import string
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from service.api import public_source
from service.errors import redact_paths


def assert_error(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """The response is a JSON error of `status` (and `code`), without a traceback."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"error"}
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    assert "Traceback" not in response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"
    return dict(body["error"])


def test_unknown_article_is_404(client: Any) -> None:
    error = assert_error(client.get("/v1/articles/no-such-id/related"), 404, "article_not_found")
    assert "no-such-id" in error["message"]
    assert_error(client.get("/v1/articles/no-such-id"), 404, "article_not_found")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("limit=0", "limit"),
        ("limit=51", "limit"),
        ("limit=abc", "limit"),
        ("limit=1.5", "limit"),
        ("max_age_days=-3", "max_age_days"),
        ("max_age_days=nan", "max_age_days"),
        ("max_age_days=soon", "max_age_days"),
        ("min_score=inf", "min_score"),
        ("min_score=high", "min_score"),
        ("colour=red", "colour"),
        ("section=" + "x" * 300, "section"),
    ],
)
def test_bad_query_parameters_are_400(client: Any, query: str, field: str) -> None:
    error = assert_error(client.get(f"/v1/articles/space-1/related?{query}"), 400, "bad_parameter")
    assert field in error["message"]
    assert error["details"][0]["field"] == field


def test_overlong_id_is_400(client: Any) -> None:
    assert_error(client.get("/v1/articles/" + "x" * 600 + "/related"), 400, "bad_parameter")


def post(client: Any, data: Any, content_type: str = "application/json") -> Any:
    """POST raw bytes or a str to /v1/related."""
    return client.post("/v1/related", data=data, content_type=content_type)


def test_malformed_json_is_400(client: Any) -> None:
    assert_error(post(client, '{"title": "x", "text": '), 400, "malformed_json")
    assert_error(post(client, b"\xff\xfe\x00"), 400, "malformed_json")


def test_not_json_is_415(client: Any) -> None:
    assert_error(post(client, "title=x", "application/x-www-form-urlencoded"), 415)


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ('{"title": "x"}', "text"),
        ('{"title": "x", "text": "a", "html": "<p>a</p>"}', "not both"),
        ('{"text": "a", "limit": "4"}', "limit"),
        ('{"text": "a", "limit": 99}', "limit"),
        ('{"text": "a", "limit": true}', "limit"),
        ('{"text": 42}', "text"),
        ('{"text": "a", "exclude": "x,y"}', "exclude"),
        ('{"text": "a", "max_age_days": -1}', "max_age_days"),
        ('{"text": "a", "surprise": 1}', "surprise"),
        ("[1, 2]", "object"),
        ('"just a string"', "object"),
        ("null", "object"),
    ],
)
def test_invalid_body_is_422(client: Any, body: str, needle: str) -> None:
    error = assert_error(post(client, body), 422, "invalid_body")
    assert needle in error["message"]


@pytest.mark.parametrize(
    "body",
    [
        '{"title": "x", "text": "   \\n\\t "}',
        '{"title": "x", "html": "<html><body><p>Image via Netflix</p></body></html>"}',
        '{"title": "x", "text": "This story is auto-aggregated by a computer program."}',
    ],
)
def test_text_empty_after_cleaning_is_422(client: Any, body: str) -> None:
    assert_error(post(client, body), 422, "empty_text")


def test_body_over_the_limit_is_413(make_app: Any) -> None:
    client = make_app(max_body_bytes=2048).test_client()
    big = '{"title": "x", "text": "' + "word " * 1000 + '"}'
    assert_error(post(client, big), 413, "payload_too_large")


def test_unknown_route_and_method(client: Any) -> None:
    assert_error(client.get("/v2/nothing"), 404, "not_found")
    assert_error(client.delete("/v1/articles/space-1/related"), 405, "method_not_allowed")
    assert_error(client.get("/v1/related"), 405)


def test_no_snapshot_is_503_until_one_appears(make_app: Any, tmp_path: Path,
                                              small_snapshot_dir: Path) -> None:  # fmt: skip
    data_dir = tmp_path / "empty"
    data_dir.mkdir()
    app = make_app(data_dir=data_dir)
    client = app.test_client()
    error = assert_error(client.get("/v1/articles/space-1/related"), 503, "no_snapshot")
    assert "morelike build" in error["message"]
    assert_error(client.post("/v1/related", json={"text": "a"}), 503, "no_snapshot")
    assert_error(client.get("/v1/snapshot"), 503, "no_snapshot")
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.get_json()["ready"] is False
    assert client.get("/healthz").status_code == 200

    shutil.copytree(small_snapshot_dir / "snapshots", data_dir / "snapshots")
    shutil.copy(small_snapshot_dir / "CURRENT", data_dir / "CURRENT")
    app.extensions["morelike"].holder.check()  # what the watcher does every interval
    assert client.get("/v1/articles/space-1/related").status_code == 200
    assert client.get("/readyz").status_code == 200


def test_no_input_gives_a_500(client: Any) -> None:
    """Random paths, parameters and bodies: every answer is below 500 and JSON."""
    rng = random.Random(1234)
    alphabet = string.printable + "éü☃\u0000%"
    names = ["limit", "section", "language", "exclude", "max_age_days", "min_score", "x"]
    values = ["", "0", "-1", "1e309", "4", "50", "any", "null", "[]", "%00", "💥", "1" * 400]
    for _ in range(150):
        article = quote("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))), "/")
        query = {rng.choice(names): rng.choice(values) for _ in range(rng.randint(0, 4))}
        for url in (f"/v1/articles/{article}/related", f"/v1/articles/{article}"):
            response = client.get(url, query_string=query)
            assert response.status_code < 500, (url, query, response.data)
            error = None if response.status_code == 200 else response.get_json()
            assert error is None or error["error"]["code"], (url, response.data)
    bodies = ['{"text": "x", "limit": 1e999}', '{"text": "' + "\\ud800" + '"}', "{" * 500, "",
              '{"text": "\\u0000"}', '{"title": null, "text": "a"}', '{"text": ["a"]}']  # fmt: skip
    for body in bodies:
        response = post(client, body)
        assert response.status_code < 500, (body, response.data)
        assert response.status_code == 200 or response.get_json()["error"]["code"]


@pytest.mark.parametrize(
    ("method", "url", "allowed"),
    [
        ("POST", "/healthz", {"GET", "HEAD", "OPTIONS"}),
        ("TRACE", "/readyz", {"GET", "HEAD", "OPTIONS"}),
        # article ids may hold slashes but never end in a route's suffix: only the list's GET
        ("DELETE", "/v1/articles/space-1/related", {"GET", "HEAD", "OPTIONS"}),
        ("PUT", "/v1/snapshot", {"GET", "HEAD", "OPTIONS"}),
        ("GET", "/v1/related", {"POST", "OPTIONS"}),
    ],
)
def test_method_not_allowed_says_what_is(client: Any, method: str, url: str, allowed: set) -> None:
    response = client.open(url, method=method)
    assert_error(response, 405, "method_not_allowed")
    assert {m.strip() for m in response.headers["Allow"].split(",")} == allowed


@pytest.mark.parametrize("url", ["/healthz", "/metrics", "/v1/snapshot", "/v1/articles/space-1"])
def test_post_to_a_get_route_is_405_before_any_body_check(client: Any, url: str) -> None:
    """The body of a request the route cannot take is never looked at (no 415, 413 or 400)."""
    for kwargs in ({}, {"data": "x", "content_type": "text/plain"}, {"data": "{", "json": None}):
        response = client.post(url, **{k: v for k, v in kwargs.items() if v is not None})
        assert_error(response, 405, "method_not_allowed")
        assert "GET" in response.headers["Allow"]


def test_post_to_an_unknown_route_is_404(client: Any) -> None:
    assert_error(client.post("/v2/related", data="x", content_type="text/plain"), 404)


def test_post_schema_requires_text_or_html_as_the_server_does(client: Any) -> None:
    """The document says what the validator demands: one of `text` and `html`, not blank."""
    schema = client.get("/openapi.json").get_json()["components"]["schemas"]["RelatedBody"]
    branches = [(b["required"], b["properties"]) for b in schema["oneOf"]]
    assert branches == [(["text"], {"text": {"type": "string"}}),
                        (["html"], {"html": {"type": "string"}})]  # fmt: skip
    assert schema["properties"]["text"]["pattern"] == schema["properties"]["html"]["pattern"]
    accepted = [{"text": "Rockets"}, {"html": "<p>Rockets</p>"}, {"text": None, "html": "<p>R</p>"}]
    for body in accepted:
        assert post(client, json.dumps(body)).status_code == 200, body
    for body in ({}, {"title": "x"}, {"text": None}, {"text": "a", "html": "<p>b</p>"}):
        assert_error(post(client, json.dumps(body)), 422, "invalid_body")


MARKUP_INPUTS = [
    "/v1/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "/v1/articles/%3Cimg%20src=x%20onerror=alert(1)%3E/related",
    "/v1/articles/space-1/related?%3Cscript%3E=1",
    "/v1/articles/space-1/related?section=" + "%3Cb%3E" * 100,
]


@pytest.mark.parametrize("url", MARKUP_INPUTS)
def test_error_bodies_never_carry_markup(client: Any, url: str) -> None:
    """Input repeated in a message is JSON-escaped: the text is kept, markup is not."""
    response = client.get(url)
    assert 400 <= response.status_code < 500
    raw = response.get_data()
    assert b"<" not in raw and b">" not in raw
    assert response.get_json()["error"]["message"]  # still valid JSON, with its message
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_markup_in_an_id_is_escaped_not_lost(client: Any) -> None:
    response = client.get("/v1/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert b"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in response.get_data()
    assert "<script>alert(1)</script>" in response.get_json()["error"]["message"]


def test_snapshot_endpoint_shows_only_the_sources_name(
    client: Any, small_snapshot_dir: Path
) -> None:
    (manifest,) = (small_snapshot_dir / "snapshots").glob("*/manifest.json")
    source = json.loads(manifest.read_text())["source"]
    assert Path(source).is_absolute()  # what the build recorded, and the old answer showed
    response = client.get("/v1/snapshot")
    assert response.get_json()["source"] == Path(source).name
    assert str(Path(source).parent) not in response.get_data(as_text=True)


def test_no_snapshot_answers_do_not_show_the_data_dir(make_app: Any, tmp_path: Path) -> None:
    data_dir = tmp_path / "private-data-dir"
    data_dir.mkdir()
    client = make_app(data_dir=data_dir).test_client()
    responses = [
        client.get("/v1/articles/space-1/related"),
        client.get("/v1/snapshot"),
        client.post("/v1/related", json={"text": "a"}),
        client.get("/readyz"),
    ]
    for response in responses:
        assert response.status_code == 503
        text = response.get_data(as_text=True)
        assert "private-data-dir" not in text and str(tmp_path) not in text
        assert "morelike build" in response.get_json()["error"]["message"]


def test_a_snapshot_that_fails_to_load_does_not_show_its_path(
    make_app: Any, data_dir_copy: Path
) -> None:
    for manifest in (data_dir_copy / "snapshots").glob("*/manifest.json"):
        manifest.write_text("{ not json")
    client = make_app(data_dir=data_dir_copy).test_client()
    for response in (client.get("/v1/articles/space-1"), client.get("/readyz")):
        assert response.status_code == 503
        text = response.get_data(as_text=True)
        assert str(data_dir_copy) not in text and str(data_dir_copy.parent) not in text
        assert response.get_json()["error"]["message"]


def test_redact_paths() -> None:
    root = Path("/srv/morelike/data")
    cases = {
        "no snapshot yet in /srv/morelike/data (run `morelike build`)":
            "no snapshot yet in the data dir (run `morelike build`)",
        "snapshot v1 failed to load: /srv/morelike/data/snapshots/v1/manifest.json: bad":
            "snapshot v1 failed to load: manifest.json: bad",
        "[Errno 2] No such file: '/opt/models/minilm/config.json'":
            "[Errno 2] No such file: 'config.json'",
        "see https://example.org/a/b and ids a/b": "see https://example.org/a/b and ids a/b",
    }  # fmt: skip
    for raw, public in cases.items():
        assert redact_paths(raw, root) == public


def test_public_source_drops_paths_and_credentials() -> None:
    cases = {
        "/srv/exports/articles.jsonl": "articles.jsonl",
        "samples/written/": "written",
        "postgresql://reader:s3cret@db.internal:5432/news?sslmode=require": (
            "postgresql://db.internal:5432/news"
        ),
        "https://user:token@example.org/feed.xml#top": "https://example.org/feed.xml",
        "": "",
        None: None,
    }
    for raw, public in cases.items():
        assert public_source(raw) == public
