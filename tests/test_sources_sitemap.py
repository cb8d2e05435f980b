"""Sitemaps from a real local web server: indexes, Google News, politeness, faults, increments."""

from __future__ import annotations

import gzip
import os
import time
from pathlib import Path
from typing import Any

import pytest

from indexer.build import BuildOptions, build
from indexer.embedder import Embedder
from indexer.sources import SourceError, SourceOptions, SourceProblem, SourceRow, open_source
from tests.fixtures_sources import SM, Fault, Site, page_html, sample_articles, urlset

NEWS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def fast(**overrides: Any) -> SourceOptions:
    """Options for tests: short timeouts, one retry, no real back-off."""
    return SourceOptions(**{"timeout": 0.5, "retries": 1, "backoff": 0.01, **overrides})


def write_pages(site: Site, articles: list[dict[str, Any]]) -> list[str]:
    """One page per article under /news/; returns their URLs."""
    return [site.write(f"news/{a['id']}.html", page_html(a)) for a in articles]


@pytest.fixture
def news_site(site: Site) -> dict[str, Any]:
    """A site with a sitemap index: pages, a gzipped Google News sitemap, broken parts."""
    articles = sample_articles(5)
    pages = write_pages(site, articles[:4])
    german = sample_articles(1, language="de")[0]
    news_page = site.write("news/eilmeldung.html", page_html(german, lang="de"))
    site.write("empty.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    site.write("private/draft.html", page_html(articles[4]))
    site.write("robots.txt", "User-agent: *\nDisallow: /private/\n")
    site.faults["/error.html"] = Fault(status=500)
    site.faults["/slow.html"] = Fault(delay=3)
    bad = ["error.html", "slow.html", "empty.html", "private/draft.html"]
    site.write(
        "sitemap-pages.xml",
        urlset(
            [(u, "2025-02-01T10:00:00+00:00") for u in pages] + [(site.url(p), None) for p in bad]
        ),
    )
    news = (
        f'<?xml version="1.0"?><urlset {SM} {NEWS}><url><loc>{news_page}</loc><news:news>'
        "<news:publication><news:name>Beispiel</news:name><news:language>de</news:language>"
        "</news:publication><news:publication_date>2025-02-03T08:00:00+01:00"
        "</news:publication_date><news:title>Eilmeldung aus Rabenstedt</news:title>"
        "<news:keywords>Wohnen, Mieten</news:keywords></news:news></url></urlset>"
    )
    site.write("sitemap-news.xml.gz", gzip.compress(news.encode()))
    site.write("sitemap-broken.xml", f"<?xml version='1.0'?><urlset {SM}><url><loc>x</url>")
    children = ["sitemap-pages.xml", "sitemap-news.xml.gz", "sitemap-broken.xml", "gone.xml"]
    index = "".join(f"<sitemap><loc>{site.url(c)}</loc></sitemap>" for c in children)
    site.write("sitemap.xml", f'<?xml version="1.0"?><sitemapindex {SM}>{index}</sitemapindex>')
    return {"articles": articles, "pages": pages, "news_page": news_page, "german": german}


def test_index_news_sitemap_and_every_fault_located(site: Site, news_site: dict[str, Any]) -> None:
    source = open_source("sitemap+" + site.url("sitemap.xml"), fast())
    items = list(source.records())
    source.close()
    rows = {i.location: i.record for i in items if isinstance(i, SourceRow)}
    assert set(rows) == {*news_site["pages"], news_site["news_page"]}
    article = news_site["articles"][0]
    first = rows[news_site["pages"][0]]
    assert first["id"] == first["url"] == news_site["pages"][0]
    assert first["title"] == article["title"]
    assert article["body"].split("\n\n")[-1][:60] in first["body"]
    assert "Harbour Street" not in first["body"] and "Sport" not in first["body"]
    assert first["published_at"] == article["published_at"][:10]
    assert first["image_url"] == f"https://img.example.test/{article['id']}.jpg"
    assert first["language"] == "en" and first["updated_at"] == "2025-02-01T10:00:00+00:00"
    news = rows[news_site["news_page"]]
    assert news["title"] == "Eilmeldung aus Rabenstedt" and news["language"] == "de"
    assert news["published_at"] == "2025-02-03T08:00:00+01:00"
    assert {"Wohnen", "Mieten"} <= set(news["tags"])
    problems = {(p.location, p.kind) for p in items if isinstance(p, SourceProblem)}
    assert problems == {
        (site.url("sitemap-broken.xml"), "malformed document"),
        (site.url("gone.xml"), "http 404"),
        (site.url("error.html"), "http 500"),
        (site.url("slow.html"), "timeout"),
        (site.url("empty.html"), "no text extracted"),
        (site.url("private/draft.html"), "robots.txt"),
    }
    assert not site.hits_for("private/draft.html")  # never asked for


def test_fetch_is_bounded_and_sends_the_user_agent(site: Site) -> None:
    pages = write_pages(site, sample_articles(16))
    site.write("sitemap.xml", urlset([(u, None) for u in pages]))
    site.latency = 0.05
    options = fast(concurrency=3, user_agent="ExampleBot/2.0 (+https://example.test/bot)")
    source = open_source("sitemap+" + site.url("sitemap.xml"), options)
    assert sum(isinstance(i, SourceRow) for i in source.records()) == 16
    assert 2 <= site.max_in_flight <= 3
    assert {h.headers["User-Agent"] for h in site.hits} == {options.user_agent}


def test_crawl_delay_makes_the_fetch_serial(site: Site) -> None:
    pages = write_pages(site, sample_articles(4))
    site.write("sitemap.xml", urlset([(u, None) for u in pages]))
    site.write("robots.txt", "User-agent: *\nCrawl-delay: 0.2\n")
    source = open_source("sitemap+" + site.url("sitemap.xml"), fast(concurrency=8))
    started = time.monotonic()
    assert sum(isinstance(i, SourceRow) for i in source.records()) == 4
    assert site.max_in_flight == 1 and time.monotonic() - started >= 0.6


def test_refetch_is_conditional_and_reuses_the_extracted_page(site: Site, tmp_path: Path) -> None:
    pages = write_pages(site, sample_articles(5))
    site.write("sitemap.xml", urlset([(u, None) for u in pages]))
    spec = "sitemap+" + site.url("sitemap.xml")
    state = fast(state_dir=tmp_path / "state")
    first = list(open_source(spec, state).records())
    page_hits = [h for h in site.hits if h.path.startswith("/news/")]
    assert [h.status for h in page_hits] == [200] * 5
    second_source = open_source(spec, state)
    second = list(second_source.records())
    second_source.close()
    page_hits = [h for h in site.hits if h.path.startswith("/news/")][5:]
    assert [h.status for h in page_hits] == [304] * 5  # no page body sent again
    assert all("If-None-Match" in h.headers for h in page_hits)
    assert [i.record for i in second] == [i.record for i in first]  # type: ignore[union-attr]
    syncing = open_source(spec, state)
    cursor = syncing.changes(None).cursor
    assert syncing.changes(cursor).items == []  # undated pages: unchanged bodies, no changes
    assert site.hits[-1].status == 304


def test_changes_follow_lastmod_and_ids_list_every_page(site: Site) -> None:
    articles = sample_articles(4)
    pages = write_pages(site, articles)
    entries = [(u, "2025-01-10T00:00:00Z") for u in pages]
    site.write("sitemap.xml", urlset(entries))
    source = open_source("sitemap+" + site.url("sitemap.xml"), fast())
    everything = source.changes(None)
    assert len(everything.items) == 4 and everything.deleted == []
    before = len(site.hits)
    assert source.changes(everything.cursor).items == []
    assert [h.path for h in site.hits[before:]] == ["/sitemap.xml"]  # no page fetched
    edited = dict(articles[1], title="A new headline for the second story")
    site.write(f"news/{articles[1]['id']}.html", page_html(edited))
    os.utime(site.root / "news" / f"{articles[1]['id']}.html", (1, 1))  # a new Last-Modified
    entries[1] = (pages[1], "2025-01-11T00:00:00Z")
    site.write("sitemap.xml", urlset(entries))
    changed = source.changes(everything.cursor)
    assert [i.record["title"] for i in changed.items if isinstance(i, SourceRow)] == [
        edited["title"]
    ]
    entries[2] = (pages[2], "2025-01-12T00:00:00Z")
    site.write("sitemap.xml", urlset(entries))
    site.faults[f"/news/{articles[2]['id']}.html"] = Fault(status=500)
    [failed] = source.changes(changed.cursor).items
    assert isinstance(failed, SourceProblem) and failed.location == pages[2]
    assert source.ids() == set(pages)
    site.faults["/sitemap.xml"] = Fault(status=503)
    with pytest.raises(SourceError, match="cannot list every page"):
        source.ids()  # a partial listing would read as deletions


def test_site_root_finds_the_sitemap_in_robots_txt(site: Site) -> None:
    pages = write_pages(site, sample_articles(2))
    site.write("maps/all.xml", urlset([(u, None) for u in pages]))
    site.write("robots.txt", f"User-agent: *\nAllow: /\nSitemap: {site.url('maps/all.xml')}\n")
    source = open_source("sitemap+" + site.base + "/", fast())
    assert {i.location for i in source.records()} == set(pages)


def test_build_from_a_sitemap(
    site: Site, news_site: dict[str, Any], tmp_path: Path, embedder: Embedder
) -> None:
    options = BuildOptions(
        source="sitemap+" + site.url("sitemap.xml"), data_dir=tmp_path / "data", sources=fast()
    )
    report = build(options, embedder)
    assert report.indexed == 5
    assert dict(report.skipped) == {
        "malformed document": 1,
        "http 404": 1,
        "http 500": 1,
        "timeout": 1,
        "no text extracted": 1,
        "robots.txt": 1,
    }
    assert (tmp_path / "data" / "cache" / "sources.sqlite").exists()
