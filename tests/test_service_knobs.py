"""Per-request ranking overrides reach the pipeline and change the answer."""

from __future__ import annotations

from typing import Any


def _ids(client: Any, query: str) -> list[str]:
    response = client.get(f"/v1/articles/space-2/related?{query}")
    assert response.status_code == 200, response.get_json()
    return [item["id"] for item in response.get_json()["items"]]


def test_date_range_filters_items(client: Any) -> None:
    items = client.get(
        "/v1/articles/space-2/related?limit=10&fallback=false&min_score=0"
        "&published_after=2026-05-01T00:00:00Z&published_before=2026-09-01"
    ).get_json()["items"]
    assert items, "the fixture has articles in that range"
    assert all("2026-05-01" <= item["published_at"][:10] < "2026-09-01" for item in items)


def test_fallback_can_be_turned_off(client: Any) -> None:
    on = client.get("/v1/articles/space-2/related?limit=10&min_score=0.99").get_json()["items"]
    off = client.get(
        "/v1/articles/space-2/related?limit=10&min_score=0.99&fallback=false"
    ).get_json()["items"]
    assert on and all(item["reason"] != "similar" for item in on)
    assert off == []


def test_bad_knob_values_are_422(client: Any) -> None:
    for query in ("diversity=2", "freshness=maybe", "published_after=yesterday"):
        response = client.get(f"/v1/articles/space-2/related?{query}")
        assert response.status_code in (400, 422), query
        assert "error" in response.get_json()


def test_post_accepts_the_same_knobs(client: Any) -> None:
    response = client.post(
        "/v1/related",
        json={
            "title": "Moon mission",
            "text": "Astronauts fly around the Moon.",
            "fallback": False,
            "diversity": 1.0,
            "freshness": False,
            "sponsored": False,
        },
    )
    assert response.status_code == 200, response.get_json()
    assert all(item["reason"] == "similar" for item in response.get_json()["items"])


def test_post_accepts_iso_dates(client: Any) -> None:
    response = client.post(
        "/v1/related",
        json={
            "title": "Moon mission",
            "text": "Astronauts fly around the Moon.",
            "published_after": "2026-05-01T00:00:00Z",
            "fallback": False,
        },
    )
    assert response.status_code == 200, response.get_json()
    assert all(i["published_at"][:10] >= "2026-05-01" for i in response.get_json()["items"])
