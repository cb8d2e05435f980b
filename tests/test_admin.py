"""The admin API in-process: auth, validation, each change's effect, the journal, controls, builds.

The app runs on a private copy of the small snapshot (`data_dir_copy`) with the
real model; the journal is a real SQLite file in that data dir.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from indexer.snapshot.journal import Journal
from tests.conftest import SMALL_CORPUS, build_into

TOKEN = "an-admin-token-for-tests-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
MOON = {
    "title": "Artemis crew splashes down after flight around the Moon",
    "body": "The Orion capsule carrying four astronauts splashed down in the Pacific after a "
    "ten-day flight around the Moon, NASA said, ending the first crewed lunar mission in decades.",
    "section": "science",
    "language": "en",
    "published_at": "2026-09-29T10:00:00Z",
    "url": "https://example.test/moon-splashdown",
}


@pytest.fixture
def admin(make_app: Any, data_dir_copy: Path) -> Any:
    """A client of an app with the admin API on, over a private data dir."""
    return make_app(data_dir=data_dir_copy, admin_token=TOKEN).test_client()


def ids(response: Any) -> list[str]:
    assert response.status_code == 200, response.get_json()
    return [item["id"] for item in response.get_json()["items"]]


def test_changes_need_the_token(make_app: Any, data_dir_copy: Path, caplog: Any) -> None:
    client = make_app(data_dir=data_dir_copy, admin_token=TOKEN).test_client()
    caplog.set_level(logging.DEBUG)
    missing = client.put("/v1/articles/x", json=MOON)
    assert missing.status_code == 401 and missing.headers["WWW-Authenticate"].startswith("Bearer")
    assert missing.get_json()["error"]["code"] == "unauthorized"
    for header in ({"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        answer = client.delete("/v1/articles/space-1", headers=header)
        assert answer.status_code in (401, 403)
    assert (
        client.get("/v1/controls", headers={"Authorization": "Bearer " + TOKEN[:-1]}).status_code
        == 403
    )
    assert client.get("/v1/articles/space-1").status_code == 200  # reading needs nothing
    off = make_app(data_dir=data_dir_copy).test_client()
    refused = off.put("/v1/articles/x", json=MOON, headers=AUTH)
    assert (
        refused.status_code == 403
        and "MORELIKE_ADMIN_TOKEN" in refused.get_json()["error"]["message"]
    )
    assert TOKEN not in caplog.text and TOKEN not in refused.get_data(as_text=True)
    assert not Journal(data_dir_copy).last_seq()  # nothing was written


def test_a_new_article_gets_a_list_and_joins_others(admin: Any) -> None:
    put = admin.put("/v1/articles/moon-new", json=MOON, headers=AUTH)
    assert put.status_code == 200 and put.get_json()["seq"] == 1
    own = ids(admin.get("/v1/articles/moon-new/related"))
    assert len(own) == 4 and own[0].startswith("space")
    assert "moon-new" in ids(admin.get("/v1/articles/space-1/related?limit=6"))
    assert admin.get("/v1/articles/moon-new").get_json()["article"]["title"] == MOON["title"]


def test_an_edit_is_embedded_and_ranked_by_its_new_text(admin: Any) -> None:
    before = ids(admin.get("/v1/articles/baking-1/related"))
    assert before[0].startswith("baking")
    edited = {**MOON, "url": "https://example.test/baking-1"}
    assert admin.put("/v1/articles/baking-1", json=edited, headers=AUTH).status_code == 200
    after = admin.get("/v1/articles/baking-1/related")
    assert after.headers["X-Cache"] == "computed"  # the cached list was out of date
    assert ids(after)[0].startswith("space")
    assert admin.get("/v1/articles/baking-1").get_json()["article"]["title"] == MOON["title"]


def test_a_delete_leaves_every_list_and_only_those_are_recomputed(admin: Any) -> None:
    with_it = ids(admin.get("/v1/articles/space-1/related?limit=6"))
    assert "space-3" in with_it
    other = admin.get("/v1/articles/football-1/related")
    assert "space-3" not in ids(other)
    etag = admin.get("/v1/articles/space-1/related?limit=6").headers["ETag"]
    assert admin.delete("/v1/articles/space-3", headers=AUTH).status_code == 200
    again = admin.get("/v1/articles/space-1/related?limit=6")
    assert again.headers["X-Cache"] == "computed" and "space-3" not in ids(again)
    assert again.headers["ETag"] != etag
    assert admin.get("/v1/articles/football-1/related").headers["X-Cache"] == "local"  # untouched
    assert admin.get("/v1/articles/space-3").status_code == 404
    assert admin.get("/v1/articles/space-3/related").status_code == 404
    assert admin.delete("/v1/articles/space-3", headers=AUTH).status_code == 404


@pytest.mark.parametrize(
    "change",
    [{"status": "unpublished"}, {"status": "draft"}, {"expires_at": "2020-01-01T00:00:00Z"}],
)
def test_unpublished_or_expired_is_off_every_list(admin: Any, change: dict[str, Any]) -> None:
    assert "space-3" in ids(admin.get("/v1/articles/space-1/related?limit=6"))
    current = admin.get("/v1/articles/space-3").get_json()["article"]
    body = {k: current[k] for k in ("title", "url", "section", "language")} | change
    body["body"] = current["snippet"]
    assert admin.put("/v1/articles/space-3", json=body, headers=AUTH).status_code == 200
    assert "space-3" not in ids(admin.get("/v1/articles/space-1/related?limit=6"))


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"body": "no title"}, "title"),
        ({"title": "x", "published_at": "yesterday"}, "published_at"),
        ({"title": "x", "status": "maybe"}, "status"),
        ({"title": "x", "body": "a", "html": "<p>b</p>"}, "body"),
        ({"title": "x", "sponsored": "yes"}, "sponsored"),
    ],
)
def test_an_invalid_article_is_422_and_nothing_is_written(
    admin: Any, data_dir_copy: Path, body: dict[str, Any], field: str
) -> None:
    answer = admin.put("/v1/articles/bad", json=body, headers=AUTH)
    assert answer.status_code == 422, answer.get_json()
    assert field in answer.get_data(as_text=True)
    assert Journal(data_dir_copy).last_seq() == 0


def test_a_journal_that_cannot_be_written_acknowledges_nothing(
    make_app: Any, data_dir_copy: Path
) -> None:
    (data_dir_copy / "journal.sqlite").mkdir()  # not a database: every write fails
    client = make_app(data_dir=data_dir_copy, admin_token=TOKEN).test_client()
    answer = client.put("/v1/articles/moon-new", json=MOON, headers=AUTH)
    assert answer.status_code == 503 and answer.get_json()["error"]["code"] == "unavailable"
    assert str(data_dir_copy) not in answer.get_data(as_text=True)
    assert client.get("/v1/articles/moon-new").status_code == 404
    assert client.get("/v1/articles/space-1/related").status_code == 200  # still serving


def test_a_batch_reports_each_item(admin: Any) -> None:
    answer = admin.post(
        "/v1/batch",
        json={
            "items": [
                {"op": "upsert", "id": "moon-new", "article": MOON},
                {"op": "delete", "id": "no-such-article"},
                {"op": "upsert", "id": "bad", "article": {"title": "x", "status": "maybe"}},
                {"op": "delete", "id": "space-4"},
            ]
        },
        headers=AUTH,
    )
    body = answer.get_json()
    assert answer.status_code == 200 and body["written"] == 2
    assert [r["status"] for r in body["results"]] == [200, 404, 422, 200]
    assert body["results"][0]["seq"] < body["results"][3]["seq"]
    assert admin.get("/v1/articles/moon-new").status_code == 200
    assert admin.get("/v1/articles/space-4").status_code == 404


def test_editor_controls(admin: Any) -> None:
    ranked = ids(admin.get("/v1/articles/space-1/related"))
    controls = {"pinned": ["baking-2", "no-such", "space-1"], "blocked": [ranked[0]]}
    assert (
        admin.put("/v1/articles/space-1/controls", json=controls, headers=AUTH).status_code == 200
    )
    shown = admin.get("/v1/articles/space-1/related").get_json()["items"]
    assert [(i["id"], i["reason"]) for i in shown[:1]] == [("baking-2", "pinned")]
    assert ranked[0] not in [i["id"] for i in shown] and len(shown) == 4
    got = admin.get("/v1/articles/space-1/controls", headers=AUTH).get_json()
    assert got == {"pinned": controls["pinned"], "blocked": controls["blocked"], "disabled": False}
    admin.put("/v1/articles/space-1/controls", json={"disabled": True}, headers=AUTH)
    off = admin.get("/v1/articles/space-1/related").get_json()
    assert off["items"] == [] and off["disabled"]
    site = {"excluded_sections": ["science"], "excluded_ids": ["phones-2"], "excluded_tags": []}
    assert admin.put("/v1/controls", json=site, headers=AUTH).status_code == 200
    listed = ids(admin.get("/v1/articles/phones-1/related?limit=10&language=any"))
    assert "phones-2" not in listed and not any(i.startswith("space") for i in listed)
    assert admin.get("/v1/controls", headers=AUTH).get_json() == site


def test_a_build_supersedes_older_changes_and_keeps_newer_ones(
    make_app: Any, data_dir_copy: Path, embedder: Any
) -> None:
    client = make_app(data_dir=data_dir_copy, admin_token=TOKEN).test_client()
    edited = {**MOON, "url": "https://example.test/baking-1"}
    assert client.put("/v1/articles/baking-1", json=edited, headers=AUTH).status_code == 200
    build_into(SMALL_CORPUS, data_dir_copy, embedder)  # reads the source after that edit
    assert client.put("/v1/articles/moon-new", json=MOON, headers=AUTH).status_code == 200
    fresh = make_app(data_dir=data_dir_copy, admin_token=TOKEN).test_client()
    title = fresh.get("/v1/articles/baking-1").get_json()["article"]["title"]
    assert title != MOON["title"]  # the source, as the build read it, wins over the older edit
    assert fresh.get("/v1/articles/moon-new").status_code == 200  # newer than the build: kept
    build_into(SMALL_CORPUS, data_dir_copy, embedder)
    kept = [c.article_id for c in Journal(data_dir_copy).changes()]
    assert "baking-1" not in kept and "moon-new" in kept  # folded: superseded twice


def test_a_live_copy_names_its_canonical_and_the_canonical_stands_for_the_story(
    admin: Any,
) -> None:
    """Canonical flags cross the base and the delta: a newer copy does not replace it."""
    original = json.loads(SMALL_CORPUS.read_text().splitlines()[2])
    assert original["id"] == "space-3"  # no copy in the base: not canonical until named
    copy = {k: original[k] for k in ("title", "body", "section", "language")} | {
        "url": "https://wire.example/artemis-flyby",
        "canonical_url": original["url"],
        "published_at": "2026-09-30T10:00:00Z",  # newer than the original
    }
    assert admin.put("/v1/articles/space-3-wire", json=copy, headers=AUTH).status_code == 200
    shown = ids(admin.get("/v1/articles/space-2/related?limit=6"))
    assert "space-3" in shown and "space-3-wire" not in shown
    assert "space-3" not in ids(admin.get("/v1/articles/space-3-wire/related?limit=6"))
