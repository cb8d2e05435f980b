"""The files a site's page loads (widget.js, morelike.css), the card JSON for `amp-list`
with AMP's CORS rules, the list id every related answer carries, and the demo pages."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest

from service.page import amp_origins

SITE = "https://www.example-news.com"
AMP_CACHE = "https://www-example--news-com.cdn.ampproject.org"


@pytest.fixture
def site_client(make_app: Any) -> Any:
    """A client of an app that allows one site's origin."""
    return make_app(cors_origins=SITE).test_client()


def test_widget_is_at_most_6_kb_gzipped_with_its_stylesheet_inside(client: Any) -> None:
    plain = client.get("/widget.js")
    assert plain.status_code == 200 and plain.mimetype == "text/javascript"
    script = plain.get_data(as_text=True)
    assert "__MORELIKE_CSS__" not in script and ".morelike__list{display:grid" in script
    assert "--morelike-columns" in script and "--morelike-font" in script  # styled by properties
    size = len(gzip.compress(plain.get_data(), 9))
    print(f"widget.js: {len(plain.get_data())} bytes, {size} gzipped")
    assert size <= 6 * 1024
    zipped = client.get("/widget.js", headers={"Accept-Encoding": "gzip, br"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.get_data()) == plain.get_data()
    assert len(zipped.get_data()) <= 6 * 1024
    assert "Accept-Encoding" in zipped.headers["Vary"]


def test_widget_loads_from_other_sites(client: Any) -> None:
    """A cross-origin <script src> (with `crossorigin` and SRI too, and under COEP)."""
    response = client.get("/widget.js")
    assert response.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["X-Content-Type-Options"] == "nosniff"  # right type, so it runs
    assert response.headers["Cache-Control"].startswith("public, max-age=")
    again = client.get("/widget.js", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    css = client.get("/morelike.css")
    assert css.status_code == 200 and css.mimetype == "text/css"
    assert css.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert b".morelike__card" in css.get_data()


def test_every_related_answer_carries_its_list_id(client: Any) -> None:
    first = client.get("/v1/articles/space-1/related?limit=4").get_json()
    cached = client.get("/v1/articles/space-1/related?limit=4").get_json()
    shorter = client.get("/v1/articles/space-1/related?limit=3").get_json()
    other = client.get("/v1/articles/space-2/related?limit=4").get_json()
    posted = client.post("/v1/related", json={"title": "Moon", "text": "A lunar landing."})
    ids = [first["list_id"], shorter["list_id"], other["list_id"], posted.get_json()["list_id"]]
    assert all(len(i) == 16 and int(i, 16) >= 0 for i in ids)
    assert cached["list_id"] == first["list_id"]  # one id per list, shared by its page views
    assert len(set(ids)) == 4  # another list, another id
    amp = client.get("/v1/articles/space-1/related.amp.json?limit=4").get_json()
    assert amp["list_id"] == first["list_id"]


def test_amp_json_is_what_amp_list_renders(site_client: Any) -> None:
    body = site_client.get("/v1/articles/space-1/related.amp.json?limit=4").get_json()
    assert set(body) == {"heading", "lang", "article", "list_id", "items"}
    assert body["heading"] == "You might also like" and body["article"] == "space-1"
    assert [i["position"] for i in body["items"]] == [1, 2, 3, 4]
    for item in body["items"]:
        assert set(item) == {
            "position", "id", "url", "title", "teaser", "date", "datetime",
            "image_url", "section", "reason",
        }  # fmt: skip
        assert item["url"].startswith("https://") and item["date"]


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [(SITE, True), (AMP_CACHE, True), ("https://evil.example", False)],
)
def test_amp_cors_allows_the_site_and_its_amp_cache(
    site_client: Any, origin: str, allowed: bool
) -> None:
    response = site_client.get("/v1/articles/space-1/related.amp.json", headers={"Origin": origin})
    assert response.status_code == 200
    assert "Origin" in response.headers["Vary"]
    if allowed:
        assert response.headers["Access-Control-Allow-Origin"] == origin
    else:
        assert "Access-Control-Allow-Origin" not in response.headers


def test_amp_same_origin_requests_are_answered(site_client: Any) -> None:
    """AMP's runtime sends no Origin on its own origin, but `AMP-Same-Origin: true`."""
    headers = {"AMP-Same-Origin": "true"}
    response = site_client.get("/v1/articles/space-1/related.amp.json", headers=headers)
    assert response.status_code == 200 and response.get_json()["items"]


def test_amp_source_origin_is_confirmed_for_the_site_only(site_client: Any) -> None:
    url = "/v1/articles/space-1/related.amp.json?__amp_source_origin="
    ok = site_client.get(url + SITE, headers={"Origin": AMP_CACHE})
    assert ok.status_code == 200
    assert ok.headers["AMP-Access-Control-Allow-Source-Origin"] == SITE
    assert ok.headers["Access-Control-Expose-Headers"] == "AMP-Access-Control-Allow-Source-Origin"
    other = site_client.get(url + "https://evil.example", headers={"Origin": AMP_CACHE})
    assert "AMP-Access-Control-Allow-Source-Origin" not in other.headers


def test_amp_cache_origins_follow_the_caches_naming() -> None:
    origins = amp_origins(("https://news.example.com", "https://my-site.org"))
    assert "https://news-example-com.cdn.ampproject.org" in origins
    assert "https://my--site-org.cdn.ampproject.org" in origins
    assert "https://news-example-com.www.bing-amp.com" in origins
    assert "https://example.com" not in origins


def test_demo_pages_are_off_unless_asked_for(client: Any) -> None:
    assert client.get("/demo").status_code == 404
    assert client.get("/demo/space-1").status_code == 404


def test_demo_article_page_has_the_block_under_it(make_app: Any) -> None:
    client = make_app(demo=True).test_client()
    index = client.get("/demo")
    assert index.status_code == 200 and b'href="/demo/space-1"' in index.get_data()
    page = client.get("/demo/space-1")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "<h1>Artemis crew completes lunar flyby</h1>" in html
    assert '<div data-morelike-article="space-1"' in html
    assert '<script async src="/widget.js"></script>' in html
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "'unsafe-inline'" not in policy
    assert "img-src 'self' data: https: http:" in policy  # a site's images come from anywhere
    assert client.get("/demo/demo.css").mimetype == "text/css"
    served = client.get("/demo/space-1?block=html").get_data(as_text=True)
    assert '<section class="morelike"' in served and 'href="/morelike.css"' in served
    assert client.get("/demo/nope").status_code == 404


def test_events_route_takes_json_sent_as_text_plain(client: Any) -> None:
    """The app's JSON check (415 for other types) leaves the beacon route alone."""
    event = {"type": "click", "article": "space-1", "item": "space-2", "position": 1,
             "reason": "similar", "list_id": "0123456789abcdef"}  # fmt: skip
    response = client.post("/v1/events", data=json.dumps(event), content_type="text/plain")
    assert response.status_code == 204
    assert client.post("/v1/related", data="{}", content_type="text/plain").status_code == 415
