"""Sitemap fetch and extraction: bounded concurrency against one page at a time, and re-syncs.

Run: `.venv/bin/python benchmarks/sitemap_fetch.py [--pages 1000] [--latency 0.05]`.

A local web server (the tests' `Site`: real sockets, ETag / Last-Modified, 304s)
serves `--pages` article pages (the sample corpus's text in a CMS page layout)
listed by a sitemap index of two sitemaps. Every response waits `--latency`
seconds first, as a CMS rendering a page does (0.05 s is a fast one). Measured:

1. a full read with `--fetch-concurrency 1`, then with the default (8), each
   into a fresh state: pages/s and the ratio (target >= 4);
2. a second full read against the state the first left (as a rebuild does),
   and `changes(cursor)` of the unchanged sitemap (as `morelike sync` does):
   page bodies the server sent (target 0) and 304 answers.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.sources import SourceOptions, SourceRow, open_source  # noqa: E402
from tests.fixtures_sources import SM, Site, page_html, urlset  # noqa: E402


def write_site(site: Site, pages: int) -> str:
    """`pages` article pages and a sitemap index of two sitemaps; returns the source spec."""
    corpus = [json.loads(line) for line in (ROOT / "samples" / "articles.jsonl").open()]
    corpus = [a for a in corpus if "<" not in a["body"]]
    urls = []
    for n in range(pages):
        article = dict(corpus[n % len(corpus)], id=f"page-{n:05d}")
        article["title"] = f"{article['title']} ({n})"
        urls.append(site.write(f"news/{n:05d}.html", page_html(article, article["language"])))
    half = len(urls) // 2
    site.write("sitemap-1.xml", urlset([(u, None) for u in urls[:half]]))
    site.write("sitemap-2.xml", urlset([(u, None) for u in urls[half:]]))
    index = "".join(f"<sitemap><loc>{site.url(f'sitemap-{i}.xml')}</loc></sitemap>" for i in (1, 2))
    site.write("sitemap.xml", f'<?xml version="1.0"?><sitemapindex {SM}>{index}</sitemapindex>')
    return "sitemap+" + site.url("sitemap.xml")


def page_hits(site: Site, since: int) -> tuple[int, int]:
    """(bodies sent, 304 answers) for pages since hit number `since`."""
    hits = [h for h in site.hits[since:] if h.path.startswith("/news/")]
    return sum(h.status == 200 for h in hits), sum(h.status == 304 for h in hits)


def full_read(spec: str, options: SourceOptions) -> tuple[float, int]:
    """Seconds for a full read, and the number of articles it yielded."""
    source = open_source(spec, options)
    started = time.perf_counter()
    count = sum(isinstance(item, SourceRow) for item in source.records())
    seconds = time.perf_counter() - started
    source.close()
    return seconds, count


def main() -> None:
    """Serve the site, measure, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--concurrency", type=int, default=SourceOptions().concurrency)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Site(Path(tmp) / "site", latency=args.latency)
        site.root.mkdir()
        spec = write_site(site, args.pages)
        print(f"{args.pages} pages, {args.latency * 1000:.0f} ms per response, local server")
        serial_s, n1 = full_read(spec, SourceOptions(concurrency=1, state_dir=Path(tmp) / "s1"))
        print(f"one at a time:   {serial_s:7.1f} s  {n1 / serial_s:6.1f} pages/s  ({n1} articles)")
        state = Path(tmp) / "state"
        options = SourceOptions(concurrency=args.concurrency, state_dir=state)
        conc_s, n8 = full_read(spec, options)
        print(
            f"{args.concurrency} at once:       {conc_s:7.1f} s  {n8 / conc_s:6.1f} pages/s"
            f"  ({n8} articles)  max in flight {site.max_in_flight}"
        )
        print(f"speed-up: {serial_s / conc_s:.1f}x (target >= 4)")
        mark = len(site.hits)
        again_s, n_again = full_read(spec, options)
        bodies, not_modified = page_hits(site, mark)
        print(
            f"rebuild, unchanged site: {again_s:5.1f} s, {n_again} articles, page bodies sent "
            f"{bodies}, 304 answers {not_modified} (target: 0 bodies)"
        )
        source = open_source(spec, options)
        cursor = source.changes(None).cursor
        mark = len(site.hits)
        started = time.perf_counter()
        changes = source.changes(cursor)
        sync_s = time.perf_counter() - started
        bodies, not_modified = page_hits(site, mark)
        print(
            f"sync, unchanged site:    {sync_s:5.1f} s, {len(changes.items)} changes, page bodies "
            f"sent {bodies}, 304 answers {not_modified} (target: 0 bodies)"
        )
        source.close()
        site.stop()


if __name__ == "__main__":
    main()
