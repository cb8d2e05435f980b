"""widget.js in a real browser: Debian's Chromium, headless, driven by Playwright for Python.

A test page on one origin (`http://localhost:PORT`, a real HTTP server serving files
the tests write, card images included) loads the script from `morelike serve`
(gunicorn) on another (`http://127.0.0.1:PORT`). Nothing is downloaded: Playwright
drives the system browser (`make system-deps` installs it). Screenshots go to
`tests/artifacts/` (git-ignored).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import threading
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import redis
from playwright.sync_api import sync_playwright

from indexer.embedder import Embedder
from tests.conftest import SMALL_CORPUS, build_into
from tests.fixtures_service import VENV_BIN, LiveServer, free_port

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"
XSS_TITLE = "<img src=x onerror=alert(1)> Moon rover passes its last test"
# As a root user on a machine with no network but the package registries.
BROWSER_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
NETWORK_ERROR = "Failed to load resource"


class Quiet(SimpleHTTPRequestHandler):
    """Static files without a log line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


class Hanging(Quiet):
    """Serves `/widget.js` from its folder and never answers the API: a slow service."""

    def do_GET(self) -> None:
        if self.path.startswith("/v1/"):
            time.sleep(6)
            return
        super().do_GET()


@dataclass
class Site:
    """A folder served over HTTP on localhost: the site's pages and images."""

    root: Path
    handler: type[SimpleHTTPRequestHandler] = Quiet
    port: int = field(default_factory=free_port)

    def __post_init__(self) -> None:
        self.server = ThreadingHTTPServer(
            ("127.0.0.1", self.port), partial(self.handler, directory=str(self.root))
        )
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.origin = f"http://localhost:{self.port}"

    def page(self, name: str, body: str) -> str:
        """Write a page with `body` and return its URL."""
        html = f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{name}</title>'
        html += '<meta name="viewport" content="width=device-width"></head>'
        html += '<body style="margin:0 auto;max-width:1000px;font-family:sans-serif">'
        html += f"{body}</body></html>"
        (self.root / f"{name}.html").write_text(html)
        return f"{self.origin}/{name}.html"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def card_image(text: str, hue: int) -> str:
    """A 16:9 SVG, so the cards show real images from the site's origin."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180">'
        f'<rect width="320" height="180" fill="hsl({hue},45%,55%)"/>'
        f'<text x="20" y="160" font-size="22" fill="white" font-family="sans-serif">{text}</text>'
        "</svg>"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The site: pages the tests write, and an image per article."""
    root = tmp_path_factory.mktemp("site")
    served = Site(root)
    yield served
    served.stop()


@pytest.fixture(scope="module")
def widget_data(site: Site, tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Path:
    """The small corpus with images on the site, plus a Moon story with markup in its title."""
    root = tmp_path_factory.mktemp("widget")
    records = [json.loads(line) for line in SMALL_CORPUS.read_text().splitlines() if line]
    records.append(
        {"id": "xss-1", "title": XSS_TITLE, "url": "https://example.test/space/rover",
         "body": "The lunar rover for the next Moon landing finished its desert trials and "
                 "will carry astronauts across the south pole of the Moon.",
         "published_at": "2026-05-20T08:00:00Z", "section": "science", "language": "en"}
    )  # fmt: skip
    (site.root / "img").mkdir(exist_ok=True)
    for i, record in enumerate(records):
        (site.root / "img" / f"{record['id']}.svg").write_text(card_image(record["id"], i * 37))
        record["image_url"] = f"{site.origin}/img/{record['id']}.svg"
    source = root / "articles.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    build_into(source, root / "data", embedder)
    return root / "data"


@dataclass
class Service:
    """`morelike serve` for the module, with its own Redis key prefix."""

    server: LiveServer
    redis_url: str
    prefix: str

    @property
    def base(self) -> str:
        return self.server.base

    def metrics(self) -> str:
        with urllib.request.urlopen(self.base + "/metrics", timeout=10) as response:
            return str(response.read().decode())

    def events(self, **labels: str) -> float:
        """The sum of `morelike_events_total` samples with these labels."""
        total = 0.0
        for line in self.metrics().splitlines():
            if line.startswith("morelike_events_total{") and all(
                f'{k}="{v}"' in line for k, v in labels.items()
            ):
                total += float(line.rsplit(" ", 1)[1])
        return total


def start_service(data_dir: Path, site: Site, log: Path, **env: Any) -> LiveServer:
    """A live server that lets the site's origin call it."""
    server = LiveServer(data_dir, log, cors_origins=site.origin, workers=1, threads=4, **env)
    try:
        server.wait_ready("/readyz")
    except Exception:
        server.stop()
        raise
    return server


@pytest.fixture(scope="module")
def service(
    widget_data: Path, site: Site, redis_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    """The service on another origin, counting events in Redis, with the demo pages on."""
    prefix = f"morelike-browser-{uuid.uuid4().hex[:8]}:"
    log = tmp_path_factory.mktemp("service") / "server.log"
    server = start_service(
        widget_data, site, log, redis_url=redis_url, key_prefix=prefix, demo="true"
    )
    yield Service(server, redis_url, prefix)
    server.stop()
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(match=prefix + "*"):
        client.delete(key)
    client.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, launched by Playwright (nothing downloaded)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: run `make system-deps`")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield launched
        launched.close()


@dataclass
class Tab:
    """A page in a fresh browser context, with what its console and scripts reported."""

    page: Any
    console: list[tuple[str, str, str]] = field(default_factory=list)  # type, text, url
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def script_errors(self) -> list[str]:
        """Everything but the browser's own line for a request that failed (not a script's)."""
        return self.errors + [
            text for kind, text, _ in self.console if kind in ("error", "warning")
            and not text.startswith(NETWORK_ERROR)
        ]  # fmt: skip

    def block(self, article: str) -> Any:
        return self.page.locator(f'[data-morelike-article="{article}"]').first


@pytest.fixture
def open_tab(browser: Any) -> Iterator[Callable[..., Tab]]:
    """Open pages in fresh contexts (no cache, no cookies); all closed at the end."""
    contexts: list[Any] = []

    def open_(url: str | None = None, width: int = 1000) -> Tab:
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        tab = Tab(context.new_page())
        tab.page.set_default_timeout(15_000)
        tab.page.on(
            "console", lambda m: tab.console.append((m.type, m.text, m.location.get("url", "")))
        )
        tab.page.on("pageerror", lambda e: tab.errors.append(str(e)))
        tab.page.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
        # the cards link to the articles' own site: answer for it here
        tab.page.route("https://example.test/**", lambda r: r.fulfill(
            body="<!doctype html><title>article</title><p>the article</p>", content_type="text/html"
        ))  # fmt: skip
        if url:
            tab.page.goto(url)
        return tab

    yield open_
    for context in contexts:
        context.close()


def snippet(service: str, article: str, **options: str) -> str:
    attrs = "".join(f' data-morelike-{k}="{v}"' for k, v in options.items())
    return (
        f'<div data-morelike-article="{article}"{attrs}></div>'
        f'<script async src="{service}/widget.js"></script>'
    )


def wait_until(check: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return check()


def test_block_shows_four_cards_from_another_origin(
    site: Site, service: Service, open_tab: Callable[..., Tab]
) -> None:
    body = "<h1>Artemis crew completes lunar flyby</h1><p>The article.</p>"
    url = site.page("four", body + snippet(service.base, "space-1"))
    tab = open_tab(url)
    block = tab.block("space-1")
    tab.page.wait_for_selector('[data-morelike-state="shown"]')
    cards = block.locator(".morelike__card")
    assert cards.count() == 4
    assert block.locator(".morelike__heading").inner_text().lower() == "you might also like"
    for i in range(4):
        card = cards.nth(i)
        assert card.locator(".morelike__title").inner_text().strip()
        assert card.locator(".morelike__teaser").inner_text().strip()
        assert re.match(r"\w{3} \d{1,2}, \d{4}$", card.locator("time").inner_text())
        assert card.locator("a").get_attribute("href").startswith("https://example.test/")
        assert card.get_attribute("data-position") == str(i + 1)
    images = block.locator("img.morelike__image")
    assert images.count() == 4
    for i in range(4):
        assert images.nth(i).get_attribute("loading") == "lazy"
    tab.page.wait_for_function(
        "() => [...document.querySelector('[data-morelike-article]').shadowRoot"
        ".querySelectorAll('img')].every(i => i.complete && i.naturalWidth > 0)"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    tab.page.screenshot(path=str(ARTIFACTS / "widget-page.png"), full_page=True)
    block.screenshot(path=str(ARTIFACTS / "widget-block.png"))
    assert (ARTIFACTS / "widget-block.png").stat().st_size > 5_000
    assert tab.script_errors() == [] and tab.console == []


def test_markup_in_a_title_renders_as_text(
    site: Site, service: Service, open_tab: Callable[..., Tab]
) -> None:
    url = site.page("xss", snippet(service.base, "space-1", limit="8"))
    tab = open_tab(url)
    tab.page.wait_for_selector('[data-morelike-state="shown"]')
    titles = tab.block("space-1").locator(".morelike__title").all_inner_texts()
    assert XSS_TITLE in titles
    assert tab.block("space-1").locator('img[src="x"]').count() == 0
    tab.page.wait_for_timeout(300)
    assert tab.dialogs == [] and tab.script_errors() == []


def test_impression_when_seen_and_click_reach_metrics_and_report(
    site: Site, service: Service, open_tab: Callable[..., Tab]
) -> None:
    below_the_fold = '<div style="height:2400px">The long article.</div>'
    url = site.page("events", below_the_fold + snippet(service.base, "space-2"))
    seen_before = service.events(type="impression", position="1")
    clicks_before = service.events(type="click", position="2")
    tab = open_tab(url)
    tab.page.wait_for_selector('[data-morelike-state="shown"]')
    tab.page.wait_for_timeout(700)
    assert service.events(type="impression", position="1") == seen_before  # not seen yet
    tab.block("space-2").scroll_into_view_if_needed()
    assert wait_until(lambda: service.events(type="impression", position="1") > seen_before)
    reason = tab.block("space-2").locator(".morelike__card").nth(1).get_attribute("data-reason")
    with tab.page.expect_navigation():
        tab.block("space-2").locator(".morelike__card a").nth(1).click()
    assert tab.page.url.startswith("https://example.test/")
    assert wait_until(
        lambda: service.events(type="click", position="2", reason=reason) > clicks_before
    )
    assert tab.script_errors() == []
    report = subprocess.run(
        [str(VENV_BIN / "morelike"), "report", "--since", "1h",
         "--redis-url", service.redis_url, "--key-prefix", service.prefix],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert report.returncode == 0, report.stderr
    rows = {line.split()[0]: line.split() for line in report.stdout.splitlines() if line.strip()}
    assert int(rows["2"][1]) >= 1 and int(rows["2"][2]) >= 1  # impressions, clicks at position 2
    assert int(rows[reason][2]) >= 1 and "science" in rows
    print(report.stdout)


def test_several_blocks_on_one_page(
    site: Site, service: Service, open_tab: Callable[..., Tab]
) -> None:
    """Two blocks, each pasted with its own copy of the script tag."""
    body = snippet(service.base, "space-1", limit="3") + "<p>Between the blocks.</p>"
    body += snippet(service.base, "football-1", limit="2", section="sport")
    tab = open_tab(site.page("several", body))
    tab.page.wait_for_function(
        "() => [...document.querySelectorAll('[data-morelike-article]')]"
        ".every(d => d.dataset.morelikeState === 'shown')"
    )
    assert tab.block("space-1").locator(".morelike__card").count() == 3
    sport = tab.block("football-1").locator(".morelike__card")
    assert sport.count() == 2
    assert tab.page.locator("section.morelike").count() == 2  # each block rendered once
    assert tab.script_errors() == []


def test_slow_service_reserves_the_space_then_leaves_the_page_alone(
    site: Site, service: Service, open_tab: Callable[..., Tab], tmp_path: Path
) -> None:
    """While the list loads, the block's skeleton holds the block's own height; when the
    service does not answer within the timeout, the block goes and nothing is thrown."""
    after = '<p id="after">After the block.</p>'
    shown = open_tab(site.page("sized", snippet(service.base, "space-1") + after))
    shown.page.wait_for_selector('[data-morelike-state="shown"]')
    final = shown.page.locator("#after").bounding_box()["y"]

    with urllib.request.urlopen(service.base + "/widget.js", timeout=10) as response:
        (tmp_path / "widget.js").write_bytes(response.read())
    slow = Site(tmp_path, Hanging)
    try:
        script = f'<script async src="{slow.origin}/widget.js" data-morelike-timeout="2000">'
        body = '<div data-morelike-article="space-1"></div>' + script + "</script>" + after
        tab = open_tab(site.page("slow", body))
        tab.page.wait_for_selector('[data-morelike-state="loading"]')
        loading = tab.page.locator("#after").bounding_box()["y"]
        assert abs(loading - final) <= 2, (loading, final)  # nothing below moves
        tab.page.wait_for_selector('[data-morelike-state="failed"]', state="attached")
        assert tab.page.locator("#after").bounding_box()["y"] < loading
        assert tab.page.locator("section.morelike").count() == 0
        assert tab.page.inner_text("#after") == "After the block."
        assert tab.script_errors() == []
    finally:
        slow.stop()


def test_service_stopped_leaves_no_block_and_no_error(
    site: Site, widget_data: Path, open_tab: Callable[..., Tab], tmp_path: Path
) -> None:
    server = start_service(widget_data, site, tmp_path / "server.log")
    base = server.base
    with urllib.request.urlopen(base + "/widget.js", timeout=10) as response:
        script = response.read()
    url = site.page("stopped", "<h1>Headline</h1>" + snippet(base, "space-1") + "<p>End.</p>")
    up = open_tab(url)
    up.page.wait_for_selector('[data-morelike-state="shown"]')
    server.stop()

    # the script itself cannot load
    down = open_tab(url)
    down.page.wait_for_load_state("load")
    assert down.page.inner_text("h1") == "Headline" and down.page.inner_text("p") == "End."
    assert down.page.locator("[data-morelike-state]").count() == 0
    assert down.script_errors() == [], down.script_errors()

    # the script came from a cache, the service is gone
    cached = open_tab()
    cached.page.route(f"{base}/widget.js", lambda r: r.fulfill(
        body=script, content_type="text/javascript"
    ))  # fmt: skip
    cached.page.goto(url)
    cached.page.wait_for_selector('[data-morelike-state="failed"]', state="attached")
    assert cached.page.locator("section.morelike").count() == 0
    box = cached.block("space-1").bounding_box()
    assert box is None or box["height"] == 0
    assert cached.script_errors() == [], cached.script_errors()
    failed = [t for kind, t, where in cached.console if kind == "error"]
    assert all(t.startswith(NETWORK_ERROR) for t in failed)  # only the browser's own line


def test_demo_page_works_under_its_own_csp(service: Service, open_tab: Callable[..., Tab]) -> None:
    tab = open_tab(service.base + "/demo/space-1")
    tab.page.wait_for_selector('[data-morelike-state="shown"]')
    assert tab.page.inner_text("h1") == "Artemis crew completes lunar flyby"
    assert tab.block("space-1").locator(".morelike__card").count() == 4
    tab.page.wait_for_timeout(300)
    refused = [t for _, t, _ in tab.console if "Content Security Policy" in t or "Refused" in t]
    assert refused == [] and tab.script_errors() == []
    ARTIFACTS.mkdir(exist_ok=True)
    tab.page.screenshot(path=str(ARTIFACTS / "demo-page.png"), full_page=True)
    first = tab.block("space-1").locator(".morelike__card").first
    target = first.get_attribute("data-item")
    with tab.page.expect_navigation():
        first.locator("a").click()
    assert tab.page.url == f"{service.base}/demo/{target}"  # data-morelike-link

    fragment = open_tab(service.base + "/demo/space-1?block=html")
    fragment.page.wait_for_selector("section.morelike[data-morelike-tracked]")
    assert fragment.page.locator("section.morelike .morelike__card").count() == 4
    assert fragment.script_errors() == []
