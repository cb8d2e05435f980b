"""Bad input: the right status and `{"error": {"code", "message"}}`, never a 500 or a traceback."""

from __future__ import annotations

import random
import shutil
import string
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest


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
