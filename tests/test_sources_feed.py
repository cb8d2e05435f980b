"""RSS and Atom feeds from a real local web server: fields, paging, faults, increments, a build."""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from indexer.build import BuildOptions, build
from indexer.embedder import Embedder
from indexer.snapshot import current_version, read_manifest, snapshots_dir
from indexer.sources import SourceOptions, SourceProblem, SourceRow, open_source
from tests.fixtures_service import free_port
from tests.fixtures_sources import Fault, Site, rss, rss_item, sample_articles

FAST = SourceOptions(timeout=0.5, retries=1, backoff=0.01)
DAY0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def atom(entries: list[tuple[str, str]], next_href: str | None, complete: bool = False) -> str:
    """An Atom page; `entries` are (id, title); `next_href` links the next page (RFC 5005)."""
    body = "".join(
        f"<entry><id>urn:ex:{eid}</id><title>{title}</title><link href='https://ex.test/{eid}'/>"
        f"<updated>2025-01-0{i + 1}T10:00:00Z</updated>"
        f"<content type='html'>&lt;p&gt;{title} body text.&lt;/p&gt;</content></entry>"
        for i, (eid, title) in enumerate(entries)
    )
    link = f"<link rel='next' href='{next_href}'/>" if next_href else ""
    history = "<fh:complete/>" if complete else ""
    return (
        "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom' "
        "xmlns:fh='http://purl.org/syndication/history/1.0' xml:lang='de'>"
        f"<title>Paged</title><id>urn:paged</id><updated>2025-01-09T00:00:00Z</updated>"
        f"{history}{link}{body}</feed>"
    )


def read_all(url: str, options: SourceOptions = FAST) -> list[SourceRow | SourceProblem]:
    source = open_source(url, options)
    try:
        return list(source.records())
    finally:
        source.close()


def test_rss_items_carry_every_field_and_guid_else_link(site: Site) -> None:
    articles = sample_articles(3)
    items = [rss_item(a, DAY0 + timedelta(hours=i)) for i, a in enumerate(articles[:2])]
    items.append(rss_item(articles[2], DAY0, guid=False))
    url = site.write("feed.xml", rss(items))
    rows = read_all(url)
    assert all(isinstance(r, SourceRow) for r in rows)
    records = [r.record for r in rows if isinstance(r, SourceRow)]
    first = records[0]
    assert first["id"] == articles[0]["id"]
    assert first["url"] == rows[0].location == articles[0]["url"]
    assert first["title"] == articles[0]["title"]
    assert "<p>" in first["body"]  # content:encoded, not the description
    assert articles[0]["body"][-40:] in html.unescape(first["body"])
    assert first["published_at"] == DAY0
    assert first["tags"] == articles[0]["tags"][:3] and first["section"] == first["tags"][0]
    assert first["author"] == articles[0]["author"]
    assert first["image_url"] == f"https://img.example.test/{articles[0]['id']}.jpg"
    assert first["language"] == "en"
    assert records[2]["id"] == articles[2]["url"]  # no guid: the link


def test_paged_atom_feed_is_followed_once_per_page(site: Site) -> None:
    site.write("p1.xml", atom([("a", "Eins"), ("b", "Zwei")], "/p2.xml"))
    site.write("p2.xml", atom([("c", "Drei")], "/p3.xml"))
    site.write("p3.xml", atom([("d", "Vier")], "/p1.xml"))  # a loop back to the start
    rows = read_all(site.url("p1.xml"))
    ids = [r.record["id"] for r in rows if isinstance(r, SourceRow)]
    assert ids == ["urn:ex:a", "urn:ex:b", "urn:ex:c", "urn:ex:d"]
    assert [len(site.hits_for(p)) for p in ("p1.xml", "p2.xml", "p3.xml")] == [1, 1, 1]
    assert rows[0].record["language"] == "de"  # type: ignore[union-attr]
    source = open_source(site.url("p1.xml"), FAST)
    assert source.ids() is None  # a paged feed may not hold every item


def test_complete_feed_lists_its_ids(site: Site) -> None:
    url = site.write("all.xml", atom([("a", "Eins"), ("b", "Zwei")], None, complete=True))
    source = open_source(url, FAST)
    assert source.ids() == {"urn:ex:a", "urn:ex:b"}


def test_bad_feeds_are_reported_with_their_url_and_reason(site: Site) -> None:
    broken = site.write("broken.xml", '<?xml version="1.0"?><rss><channel><item><title>x')
    site.faults["/error.xml"] = Fault(status=500)
    site.faults["/slow.xml"] = Fault(delay=3)
    html = site.write("page.html", "<html><body><p>Not a feed</p></body></html>")
    cases = {
        broken: "malformed document",
        site.url("error.xml"): "http 500",
        site.url("slow.xml"): "timeout",
        html: "malformed document",
        f"http://127.0.0.1:{free_port()}/feed.xml": "unreachable",
    }
    for url, kind in cases.items():
        problems = [r for r in read_all(url) if isinstance(r, SourceProblem)]
        assert [(p.location, p.kind) for p in problems] == [(url, kind)], url
    assert len(site.hits_for("error.xml")) == 1 + FAST.retries  # retried, then reported


def test_changes_since_a_cursor_use_conditional_requests(site: Site) -> None:
    articles = sample_articles(4)
    items = [rss_item(a, DAY0 + timedelta(days=i)) for i, a in enumerate(articles[:3])]
    url = site.write("feed.xml", rss(items))
    source = open_source(url, FAST)
    first = source.changes(None)
    assert len(first.items) == 3 and first.deleted == []
    assert json.loads(first.cursor)["since"] == (DAY0 + timedelta(days=2)).isoformat()

    again = source.changes(first.cursor)
    assert again.items == [] and site.hits_for("feed.xml")[-1].status == 304

    items.insert(0, rss_item(articles[3], DAY0 + timedelta(days=5)))
    site.write("feed.xml", rss(items))
    added = source.changes(again.cursor)
    assert [r.record["id"] for r in added.items if isinstance(r, SourceRow)] == [articles[3]["id"]]
    source.close()


def test_build_from_a_feed_counts_items_without_id_or_text(
    site: Site, tmp_path: Path, embedder: Embedder
) -> None:
    articles = sample_articles(6)
    items = [rss_item(a, DAY0 + timedelta(hours=i)) for i, a in enumerate(articles)]
    items.append("<item><title>Only a title and nothing to link</title></item>")
    items.append("<item><guid>empty-1</guid></item>")
    url = site.write("feed.xml", rss(items))
    data = tmp_path / "data"
    report = build(BuildOptions(source=url, data_dir=data, sources=FAST), embedder)
    assert report.indexed == 6 and report.read == 8
    assert dict(report.skipped) == {"missing id": 1, "no text": 1}
    assert any(loc.endswith("item 7") for loc, _ in report.problems)
    manifest = read_manifest(snapshots_dir(data) / str(current_version(data)))
    assert manifest["source"] == url and manifest["counts"]["articles"] == 6
