"""The HTML fragment `GET /v1/articles/{id}/related.html`: markup, escaping, URLs, languages,
caching, and the card JSON it shares its cards with.

A corpus of its own: Moon stories in English (one with markup in its title, one whose
link is `javascript:`, one whose image is a `data:` URL), German and French ones.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from indexer.embedder import Embedder
from service.page import teaser, web_url
from tests.conftest import SMALL_CORPUS, build_into

XSS = '<img src=x onerror=alert(1)> Moon rover "ready" & <b>tested</b>'
HOSTILE = [
    {"id": "xss-1", "title": XSS, "url": "https://example.test/rover?a=1&b=2",
     "image_url": "https://img.example.test/rover.jpg",
     "body": "The lunar rover for the next Moon landing finished its desert trials "
             "and is ready to drive astronauts across the south pole of the Moon."},
    {"id": "js-1", "title": "Moon base plans unveiled", "url": "javascript:alert(1)",
     "body": "Engineers unveiled plans for a small base on the Moon where astronauts "
             "could stay for weeks between lunar landing missions."},
    {"id": "data-1", "title": "Lunar dust threatens spacesuits", "url": "https://example.test/dust",
     "image_url": "data:image/svg+xml,<svg onload=alert(1)>",
     "body": "Sharp lunar dust clings to spacesuits and wears seals down, so the Moon "
             "astronauts need new suits before the landing."},
]  # fmt: skip
for _record in HOSTILE:
    _record.update(language="en", section="science", published_at="2026-06-01T08:00:00Z")
GERMAN = [
    {"id": f"de-{i}", "language": "de", "section": "wissen", "title": title,
     "url": f"https://example.test/de/{i}", "published_at": f"2026-03-0{i}T08:00:00Z", "body": body}
    for i, (title, body) in enumerate([
        ("Mondlandung verschoben", "Die nächste bemannte Mondlandung verschiebt sich um ein "
         "Jahr, weil die Landefähre und die Raumanzüge nicht fertig sind."),
        ("Astronauten trainieren für den Mond", "Die Crew übt in der Wüste Spaziergänge auf dem "
         "Mond und das Fahren eines Rovers über Geröll."),
        ("Roboter landet am Südpol des Mondes", "Eine private Sonde ist nahe dem Südpol des "
         "Mondes gelandet, wo Forscher Wassereis vermuten."),
    ], start=1)
]  # fmt: skip
FRENCH = [
    {"id": f"fr-{i}", "language": "fr", "section": "sciences", "title": title,
     "url": f"https://example.test/fr/{i}", "published_at": "2026-02-14T08:00:00Z", "body": body}
    for i, (title, body) in enumerate([
        ("Le retour sur la Lune reporté", "Le prochain alunissage habité est repoussé d'un an "
         "car l'atterrisseur et les combinaisons ne sont pas prêts."),
        ("Des astronautes s'entraînent pour la Lune", "L'équipage répète des sorties lunaires "
         "dans le désert et la conduite d'un rover sur les rochers."),
    ], start=1)
]  # fmt: skip


@pytest.fixture(scope="module")
def page_data(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Path:
    """A snapshot of the small corpus plus the hostile, German and French records."""
    root = tmp_path_factory.mktemp("page")
    source = root / "articles.jsonl"
    extra = [json.dumps(r) for r in HOSTILE + GERMAN + FRENCH]
    source.write_text(SMALL_CORPUS.read_text() + "\n".join(extra) + "\n")
    build_into(source, root / "data", embedder)
    return root / "data"


@pytest.fixture
def page_client(make_app: Any, page_data: Path) -> Any:
    """A test client on that snapshot."""
    return make_app(data_dir=page_data).test_client()


class Markup(HTMLParser):
    """Elements (tag, attributes) in order, and the text inside each `h3`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.titles: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag == "h3":
            self._in_title = True
            self.titles.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h3":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.titles[-1] += data

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == name]


def parse(html: str) -> Markup:
    markup = Markup()
    markup.feed(html)
    return markup


def test_fragment_is_a_section_of_linked_cards(page_client: Any) -> None:
    query = "limit=4&exclude=js-1"  # a card whose link is javascript: is left out (below)
    response = page_client.get(f"/v1/articles/space-1/related.html?{query}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    markup = parse(response.get_data(as_text=True))
    section = markup.tags("section")[0]
    assert markup.elements[0][0] == "section" and section["class"] == "morelike"
    heading = markup.tags("h2")[0]
    assert section["aria-labelledby"] == heading["id"]
    assert section["lang"] == "en" and response.headers["Content-Language"] == "en"
    assert markup.tags("ul")[0]["role"] == "list"
    cards = markup.tags("li")
    links = markup.tags("a")
    assert len(cards) == len(links) == 4
    assert [c["data-position"] for c in cards] == ["1", "2", "3", "4"]
    assert all(c["data-reason"] in ("similar", "related", "same_section_recent", "recent")
               for c in cards)  # fmt: skip
    assert section["data-morelike-article"] == "space-1"
    answer = page_client.get(f"/v1/articles/space-1/related?{query}").get_json()
    assert section["data-morelike-list"] == answer["list_id"]
    assert [c["data-item"] for c in cards] == [i["id"] for i in answer["items"]]
    assert [a["href"] for a in links] == [i["url"] for i in answer["items"]]
    assert len(markup.tags("time")) == 4 and all(t["datetime"] for t in markup.tags("time"))
    assert "You might also like" in response.get_data(as_text=True)


def test_every_field_is_escaped_and_only_web_links_are_kept(page_client: Any) -> None:
    response = page_client.get("/v1/articles/space-1/related.html?limit=12")
    html = response.get_data(as_text=True)
    markup = parse(html)
    ids = [c["data-item"] for c in markup.tags("li")]
    assert "xss-1" in ids and "data-1" in ids
    assert "js-1" not in ids  # its link is javascript:, so the card is left out
    assert "javascript:" not in html and "data:image" not in html
    assert XSS in markup.titles  # the title reads as text...
    assert "<img src=x" not in html and "<b>" not in html  # ...because it is escaped
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    hrefs = [a["href"] for a in markup.tags("a")]
    assert "https://example.test/rover?a=1&b=2" in hrefs  # &amp; in the markup, & once parsed
    images = markup.tags("img")
    assert [i["src"] for i in images] == ["https://img.example.test/rover.jpg"]
    for image in images:
        assert image["loading"] == "lazy" and image["alt"] == ""
        assert image["width"] == "320" and image["height"] == "180"
    # the card JSON applies the same rules
    amp = page_client.get("/v1/articles/space-1/related.amp.json?limit=12").get_json()
    by_id = {i["id"]: i for i in amp["items"]}
    assert "js-1" not in by_id and by_id["data-1"]["image_url"] is None
    assert by_id["xss-1"]["title"] == XSS


@pytest.mark.parametrize(
    ("article", "heading", "date"),
    [
        ("de-1", "Das könnte Sie auch interessieren", "02.03.2026"),
        ("fr-1", "Vous aimerez aussi", "14 févr. 2026"),
    ],
)
def test_heading_and_dates_follow_the_articles_language(
    page_client: Any, article: str, heading: str, date: str
) -> None:
    response = page_client.get(f"/v1/articles/{article}/related.html")
    html = response.get_data(as_text=True)
    assert f">{heading}</h2>" in html
    assert date in html
    assert response.headers["Content-Language"] == article[:2]


def test_heading_and_date_format_are_configurable(make_app: Any, page_data: Path) -> None:
    client = make_app(
        data_dir=page_data, page_headings={"de": "Mehr zum Thema"}, page_date_format="long"
    ).test_client()
    german = client.get("/v1/articles/de-1/related.html").get_data(as_text=True)
    assert ">Mehr zum Thema</h2>" in german and "2. März 2026" in german
    english = client.get("/v1/articles/space-1/related.html").get_data(as_text=True)
    assert ">You might also like</h2>" in english  # the other languages keep theirs


def test_same_parameters_and_errors_as_the_json(page_client: Any) -> None:
    # a source with no hostile neighbour: a card with an unsafe link is left out
    page = page_client.get("/v1/articles/football-1/related.html?limit=2")
    two = parse(page.get_data(as_text=True))
    assert len(two.tags("li")) == 2
    first = two.tags("li")[0]["data-item"]
    without = page_client.get(f"/v1/articles/football-1/related.html?limit=2&exclude={first}")
    assert first not in [c["data-item"] for c in parse(without.get_data(as_text=True)).tags("li")]
    missing = page_client.get("/v1/articles/nope/related.html")
    assert missing.status_code == 404 and missing.get_json()["error"]["code"] == "article_not_found"
    bad = page_client.get("/v1/articles/space-1/related.html?limit=0")
    assert bad.status_code == 400 and bad.get_json()["error"]["code"] == "bad_parameter"
    unknown = page_client.get("/v1/articles/space-1/related.html?colour=red")
    assert unknown.status_code == 400


def test_an_empty_list_is_an_empty_fragment(page_client: Any) -> None:
    response = page_client.get("/v1/articles/space-1/related.html?section=no-such-section")
    assert response.status_code == 200 and response.get_data() == b""


def test_etag_and_cache_control_as_for_json(page_client: Any) -> None:
    url = "/v1/articles/space-1/related.html?limit=4"
    first = page_client.get(url)
    tag = first.headers["ETag"]
    json_answer = page_client.get("/v1/articles/space-1/related?limit=4")
    assert first.headers["Cache-Control"] == json_answer.headers["Cache-Control"]
    assert tag.startswith('"') and tag != json_answer.headers["ETag"]
    again = page_client.get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.get_data() == b""
    assert again.headers["ETag"] == tag
    other = page_client.get("/v1/articles/space-1/related.html?limit=3")
    assert other.headers["ETag"] != tag
    wildcard = page_client.get(url, headers={"If-None-Match": "*"})
    assert wildcard.status_code == 304


def test_teaser_is_cut_on_a_word() -> None:
    text = "The lunar rover finished its trials, and is ready to drive."
    assert teaser(text, 100) == text
    assert teaser(text, 30) == "The lunar rover finished its…"
    assert teaser("  spaced \n out  ", 40) == "spaced out"


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("https://example.test/a", True),
        ("http://example.test/a", True),
        ("HTTPS://EXAMPLE.TEST/", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,<script>", False),
        ("//example.test/a", False),
        ("/relative/path", False),
        ("https://", False),
        ("", False),
        (None, False),
    ],
)
def test_web_url_keeps_only_absolute_http_links(value: object, kept: bool) -> None:
    assert (web_url(value) is not None) is kept
