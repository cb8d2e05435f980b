"""The endpoints against the small fixture snapshot: shapes, filters, HTTP caching, CORS, docs."""

from __future__ import annotations

from typing import Any

import pytest

from indexer.embedder import Embedder
from service.errors import Unavailable
from service.state import EmbedderPool

ITEM_FIELDS = {
    "id", "url", "title", "snippet", "published_at", "section", "image_url", "score", "reason"
}  # fmt: skip


def related(client: Any, article: str = "space-1", **params: Any) -> Any:
    """GET the related list of `article`."""
    return client.get(f"/v1/articles/{article}/related", query_string=params)


def test_related_shape(client: Any) -> None:
    response = related(client)
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"article", "snapshot", "list_id", "items"}
    assert body["article"]["id"] == "space-1"
    assert body["article"]["title"]
    assert body["snapshot"] == response.headers["X-Snapshot"]
    assert 1 <= len(body["items"]) <= 4
    for item in body["items"]:
        assert set(item) == ITEM_FIELDS
        assert isinstance(item["score"], float)
        assert item["reason"] in {"similar", "related", "same_section_recent", "recent"}


@pytest.mark.parametrize("article", ["space-1", "football-2", "phones-3", "baking-4"])
def test_source_never_in_its_list(client: Any, article: str) -> None:
    ids = [i["id"] for i in related(client, article, limit=50).get_json()["items"]]
    assert article not in ids
    assert len(ids) == len(set(ids))


def test_limit(client: Any) -> None:
    assert len(related(client, limit=1).get_json()["items"]) == 1
    assert len(related(client).get_json()["items"]) <= 4
    assert len(related(client, limit=50).get_json()["items"]) <= 50


def test_exclude_filter(client: Any) -> None:
    first = [i["id"] for i in related(client, limit=3).get_json()["items"]]
    again = related(client, limit=3, exclude=",".join(first[:2]) + ", ,").get_json()["items"]
    assert not {i["id"] for i in again} & set(first[:2])


def test_section_and_language_filters(client: Any) -> None:
    items = related(client, section="Sport", language="any", limit=10).get_json()["items"]
    assert items and all(i["section"] == "sport" for i in items)
    german = related(client, "space-de", limit=10).get_json()["items"]
    assert "space-de" not in {i["id"] for i in german}


def test_min_score_and_max_age_are_accepted(client: Any) -> None:
    assert related(client, min_score=0.5, max_age_days=3650).status_code == 200


def test_drafts_and_expired_are_never_listed(client: Any) -> None:
    for article in ("space-1", "football-1", "phones-1"):
        ids = {i["id"] for i in related(client, article, limit=50).get_json()["items"]}
        assert not ids & {"football-draft", "phones-expired"}


def test_article_endpoint(client: Any) -> None:
    response = client.get("/v1/articles/phones-3")
    assert response.status_code == 200
    body = response.get_json()
    assert body["article"]["id"] == "phones-3"
    assert body["article"]["url"].startswith("https://")
    assert "body" not in body["article"]
    assert body["snapshot"] == response.headers["X-Snapshot"]


def test_snapshot_endpoint_is_the_manifest(client: Any) -> None:
    body = client.get("/v1/snapshot").get_json()
    assert body["counts"]["articles"] == 20
    assert body["version"] and body["model"]["dimension"] == 384


def test_healthz_and_readyz(client: Any) -> None:
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    body = ready.get_json()
    assert body["ready"] is True
    assert body["snapshot"]["articles"] == 20
    assert body["redis"] == "disabled"


def test_etag_and_304(client: Any) -> None:
    first = related(client, limit=2)
    tag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "public, max-age=300"
    again = client.get("/v1/articles/space-1/related?limit=2", headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == tag
    weak = client.get("/v1/articles/space-1/related?limit=2", headers={"If-None-Match": "W/" + tag})
    assert weak.status_code == 304
    other = related(client, limit=3)
    assert other.headers["ETag"] != tag
    stale = client.get("/v1/articles/space-1/related?limit=3", headers={"If-None-Match": tag})
    assert stale.status_code == 200


def test_a_repeated_get_is_the_same_answer_served_before_validation(client: Any) -> None:
    url = "/v1/articles/space-1/related?limit=3&section=science"
    first = client.get(url)
    again = client.get(url)  # the same URL on the same snapshot: `api.hot_related`
    assert again.status_code == 200 and again.data == first.data
    assert again.headers["X-Cache"] == "local"
    for name in ("ETag", "Cache-Control", "X-Snapshot", "Content-Type", "X-Content-Type-Options"):
        assert again.headers[name] == first.headers[name], name
    tag = first.headers["ETag"]
    assert client.get(url, headers={"If-None-Match": tag}).status_code == 304
    # a refused request is never remembered: refused again, with its reason
    for url in ("/v1/articles/space-1/related?limit=0", "/v1/articles/no-such-article/related"):
        refusals = [client.get(url) for _ in range(2)]
        assert refusals[0].status_code in (400, 404, 422)
        assert [r.status_code for r in refusals] == [refusals[0].status_code] * 2
        assert all(r.get_json()["error"]["code"] for r in refusals)


def test_etag_ignores_parameter_spelling(client: Any) -> None:
    a = client.get("/v1/articles/space-1/related?exclude=b,a&section=Science")
    b = client.get("/v1/articles/space-1/related?section=science&exclude=a,b,a")
    assert a.headers["ETag"] == b.headers["ETag"]
    assert a.data == b.data


def test_article_and_snapshot_304(client: Any) -> None:
    for url in ("/v1/articles/space-2", "/v1/snapshot"):
        tag = client.get(url).headers["ETag"]
        assert client.get(url, headers={"If-None-Match": tag}).status_code == 304


def test_http_max_age_setting(make_app: Any) -> None:
    client = make_app(http_max_age=17).test_client()
    assert related(client).headers["Cache-Control"] == "public, max-age=17"


def test_cors_allow_list(make_app: Any) -> None:
    client = make_app(cors_origins="https://www.example.com, https://m.example.com").test_client()
    allowed = client.get(
        "/v1/articles/space-1/related", headers={"Origin": "https://m.example.com"}
    )
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://m.example.com"
    assert "ETag" in allowed.headers["Access-Control-Expose-Headers"]
    denied = client.get("/v1/articles/space-1/related", headers={"Origin": "https://evil.test"})
    assert "Access-Control-Allow-Origin" not in denied.headers
    preflight = client.options(
        "/v1/related",
        headers={
            "Origin": "https://www.example.com",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://www.example.com"


def test_no_cors_headers_by_default(client: Any) -> None:
    response = client.get("/v1/articles/space-1/related", headers={"Origin": "https://x.test"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_post_related_text(client: Any) -> None:
    body = {
        "title": "Moon mission news",
        "text": "Astronauts and a lunar lander: NASA plans the next crewed Moon landing.",
        "limit": 3,
    }
    response = client.post("/v1/related", json=body)
    assert response.status_code == 200, response.get_json()
    out = response.get_json()
    assert out["article"]["id"] is None and out["article"]["title"] == "Moon mission news"
    assert 1 <= len(out["items"]) <= 3
    assert all(set(i) == ITEM_FIELDS for i in out["items"])
    assert any(i["id"].startswith("space") for i in out["items"])
    assert response.headers["Cache-Control"] == "no-store"
    again = client.post("/v1/related", json=body)
    assert again.headers["X-Cache"] == "local" and again.data == response.data


def test_post_related_html_is_cleaned(client: Any) -> None:
    html = (
        "<html><body><nav>Home | Sport</nav><article><h1>Lunar lander</h1>"
        "<p>The robotic lander touched down near the Moon's south pole to look for ice.</p>"
        "</article></body></html>"
    )
    response = client.post("/v1/related", json={"title": "Lander", "html": html, "limit": 2})
    assert response.status_code == 200
    assert response.get_json()["items"]


def test_post_url_of_an_indexed_copy_is_not_listed(client: Any) -> None:
    source = client.get("/v1/articles/space-1").get_json()["article"]
    response = client.post(
        "/v1/related",
        json={"title": source["title"], "text": source["snippet"], "url": source["url"]},
    )
    assert response.status_code == 200
    assert "space-1" not in {i["id"] for i in response.get_json()["items"]}


def test_openapi_document_and_docs_page(client: Any) -> None:
    spec = client.get("/openapi.json").get_json()
    paths = spec["paths"]
    for path in (
        "/v1/articles/{article_id}/related",
        "/v1/related",
        "/v1/articles/{article_id}",
        "/v1/snapshot",
        "/healthz",
        "/readyz",
    ):
        assert path in paths, sorted(paths)
    get_related = paths["/v1/articles/{article_id}/related"]["get"]
    names = {p["name"] for p in get_related["parameters"]}
    assert {"limit", "section", "language", "exclude", "max_age_days", "min_score"} <= names
    assert "ErrorResponse" in spec["components"]["schemas"]
    docs = client.get("/docs/swagger")
    assert docs.status_code == 200 and b"swagger" in docs.data.lower()


def test_metrics_text(client: Any) -> None:
    related(client)
    text = client.get("/metrics").get_data(as_text=True)
    assert "morelike_http_requests_total" in text
    assert "morelike_cache_lookups_total" in text


class Manifested:
    """A stand-in snapshot for the embedder pool, which reads only the manifest."""

    version = "v1"

    def __init__(self, model: dict[str, Any]) -> None:
        self.manifest = {"model": model}


def test_post_embeds_with_the_snapshots_recipe() -> None:
    pool = EmbedderPool(None)
    default = pool.for_snapshot(Manifested({**Embedder().recipe, "dimension": 384}))
    assert (default.backend, default.max_chunks) == ("onnx-int8", 4)
    other = Embedder(backend="onnx", max_chunks=2)
    got = pool.for_snapshot(Manifested({**other.recipe, "dimension": 384}))
    assert got.model_id == other.model_id and got._model is not None
    assert pool.for_snapshot(Manifested({**other.recipe, "dimension": 384})) is got  # loaded once
    with pytest.raises(Unavailable, match="768-d"):
        pool.for_snapshot(Manifested({**other.recipe, "dimension": 768}))
    with pytest.raises(Unavailable, match="backend"):
        pool.for_snapshot(Manifested({**other.recipe, "backend": "tpu"}))
