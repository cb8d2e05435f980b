"""Assemble the sample corpus: ``python -m tools.samplecorpus [--out samples/articles.jsonl]``.

The articles themselves are data: `samples/written/*.yaml`, written the way a
newsroom writes, one reporter per piece, so that articles on one topic share a
subject and never a sentence (`tools/check_written.py` checks that). This tool
only turns them into what a real site's export looks like, deterministically:

- ids, URLs, dates over two years (each topic at its own time, its pieces on
  the days the writers gave them), image URLs, updated times;
- syndicated copies (`wire_title`: a lightly edited copy under a partner's
  headline, half of them naming the original as canonical) and live-blog
  revisions (`updates`), labelled with the original's `story`;
- drafts, unpublished and expired articles and sponsored posts;
- film and TV pages in HTML wrapped in the reference page's aggregator
  boilerplate (image credit, a "Related" line, a fact box, a disclaimer and a
  stale "YOU MIGHT ALSO LIKE" block from another topic) and long reads in
  Markdown;
- labels for evaluation: `topic`, `story`, and `split` (dev or test: the topics
  of each section alternate, in name order, so both halves span every section).

Everything comes from `random.Random` seeded per article, so the output is
byte-for-byte stable and a change to one article changes only its records.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from indexer.articles import KNOWN_FIELDS

ROOT = Path(__file__).resolve().parent.parent
WRITTEN = ROOT / "samples" / "written"
OUT = ROOT / "samples" / "articles.jsonl"
SEED = 20261201
SITE = "https://example-news.test"
PARTNERS = ("Northern Wire", "Coastline Press", "Metro Syndicate", "Daily Ledger")
EARLIEST = datetime(2024, 12, 1, 6, tzinfo=UTC)
LATEST = datetime(2026, 11, 20, 22, tzinfo=UTC)
AGGREGATOR = "FilmDaily"
AGGREGATED_SECTIONS = ("film", "tv")
AGGREGATED_SHARE = 0.55  # of film and TV pieces, rendered as aggregated HTML pages
MARKDOWN_MIN_WORDS = 500  # long reads over this may come as Markdown
DRAFTS, UNPUBLISHED, EXPIRED, SPONSORED = 6, 3, 5, 4
FIELD_ORDER = (*KNOWN_FIELDS, "topic", "story", "split")  # labels after the corpus fields
SYNONYMS = (
    ("said", "stated"),
    ("more than", "over"),
    ("about", "around"),
    ("began", "started"),
    ("announced", "confirmed"),
    ("warned", "cautioned"),
    ("people", "residents"),
    ("expected", "likely"),
)
WIRE_CREDITS = (
    "Additional reporting by {outlet}.",
    "This article first appeared on a partner site and is republished by {outlet}.",
    "{outlet} contributed to this report.",
)
CREDITS = {
    "film": ("Tallgrass Pictures", "Netflix", "A24", "Studiocanal"),
    "tv": ("Netflix", "BBC", "HBO", "Apple TV+"),
}
MAKERS = ("Ana Kovač", "Marcus Hale", "Priya Venkatesan", "Jonas Ebert", "Léa Marchand")


@dataclass
class Piece:
    """One written article and what the assembler decides about it."""

    topic: str | None
    section: str
    language: str
    data: dict[str, Any]
    published: datetime = EARLIEST
    record: dict[str, Any] = field(default_factory=dict)
    fmt: str = "text"  # text, markdown or html

    @property
    def key(self) -> str:
        return f"{self.topic or 'standalone-' + self.section}/{self.data['key']}"

    @property
    def paragraphs(self) -> list[str]:
        return [" ".join(p.split()) for p in str(self.data["body"]).split("\n\n") if p.strip()]


def rng_for(*parts: object) -> random.Random:
    """A generator seeded by the corpus seed and a name: independent per article."""
    return random.Random(":".join(str(p) for p in (SEED, *parts)))


def iso(moment: datetime) -> str:
    """ISO 8601 in UTC with a trailing Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def slugify(text: str, limit: int = 80) -> str:
    """ASCII, lower-case, hyphenated slug cut on a word boundary."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug if len(slug) <= limit else slug[:limit].rsplit("-", 1)[0]


def load_written(directory: Path = WRITTEN) -> list[Piece]:
    """Every written article, topic pieces and standalone ones, in file and list order."""
    pieces: list[Piece] = []
    for path in sorted(directory.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for topic in data.get("topics") or []:
            for article in topic["articles"]:
                language = article.get("language", topic["language"])
                pieces.append(Piece(topic["topic"], topic["section"], language, article))
        for article in data.get("standalone") or []:
            pieces.append(Piece(None, article["section"], article["language"], article))
    return pieces


def assign_dates(pieces: list[Piece]) -> None:
    """A start per topic within the two years; each piece on its day, at a working hour."""
    by_topic: dict[str, list[Piece]] = {}
    for piece in pieces:
        by_topic.setdefault(piece.key if piece.topic is None else piece.topic, []).append(piece)
    span = (LATEST - EARLIEST).total_seconds() / 86_400
    for name, group in sorted(by_topic.items()):
        rng = rng_for("start", name)
        longest = max(int(p.data.get("day") or 0) for p in group)
        start = EARLIEST + timedelta(days=rng.uniform(0, max(1.0, span - longest - 1)))
        for piece in group:
            r = rng_for("time", piece.key)
            moment = start + timedelta(days=int(piece.data.get("day") or 0))
            moment = moment.replace(hour=r.randint(6, 21), minute=r.randint(0, 59), second=0)
            piece.published = min(moment, LATEST)


def assign_splits(pieces: list[Piece]) -> dict[str, str]:
    """dev/test per topic: alternating within each section, topics in name order."""
    sections: dict[str, list[str]] = {}
    for piece in pieces:
        if piece.topic and piece.topic not in sections.get(piece.section, []):
            sections.setdefault(piece.section, []).append(piece.topic)
    splits = {}
    for s, section in enumerate(sorted(sections)):
        for i, topic in enumerate(sorted(sections[section])):
            # alternate, starting differently per section so neither half gets all the firsts
            splits[topic] = ("dev", "test")[(i + s) % 2]
    return splits


def base_records(pieces: list[Piece], splits: dict[str, str]) -> None:
    """Ids (per section, oldest first), URLs and the plain fields of every original."""
    counters: dict[str, int] = {}
    for piece in sorted(pieces, key=lambda p: (p.section, p.published, p.key)):
        counters[piece.section] = counters.get(piece.section, 0) + 1
        article_id = f"{piece.section}-{counters[piece.section]:04d}"
        data = piece.data
        record: dict[str, Any] = {
            "id": article_id,
            "url": f"{SITE}/{piece.section}/{piece.published:%Y/%m}/{slugify(data['title'])}",
            "title": data["title"],
            "published_at": iso(piece.published),
            "section": piece.section,
            "tags": list(data.get("tags") or []),
            "language": piece.language,
            "author": data["author"],
            "image_url": f"{SITE}/images/{article_id}.jpg",
            "status": "published",
            "sponsored": False,
        }
        rng = rng_for("updated", piece.key)
        if rng.random() < 0.3:
            record["updated_at"] = iso(piece.published + timedelta(hours=rng.randint(1, 48)))
        if piece.topic:
            record.update(topic=piece.topic, story=article_id, split=splits[piece.topic])
        piece.record = record


def choose_flags(pieces: list[Piece]) -> None:
    """Drafts, unpublished, expired and sponsored articles, as a site's export holds them.

    Drafts and unpublished pieces come from topics large enough to keep four
    live pieces; sponsored posts are standalone pieces (advertorials belong to
    no news topic); expired ones are anywhere.
    """
    rng = rng_for("flags")
    sizes: dict[str, int] = {}
    for p in pieces:
        if p.topic:
            sizes[p.topic] = sizes.get(p.topic, 0) + 1
    big = [p for p in pieces if p.topic and sizes[p.topic] >= 6 and "updates" not in p.data]
    hidden = rng.sample(big, DRAFTS + UNPUBLISHED)
    seen: set[str] = set()
    for i, piece in enumerate(hidden):
        if piece.topic in seen:  # at most one hidden piece per topic
            continue
        seen.add(str(piece.topic))
        piece.record["status"] = "draft" if i < DRAFTS else "unpublished"
    live = [p for p in pieces if p.record["status"] == "published" and "wire_title" not in p.data]
    for piece in rng.sample(live, EXPIRED):
        ends = piece.published + timedelta(days=rng.randint(20, 200))
        piece.record["expires_at"] = iso(min(ends, LATEST - timedelta(days=1)))
    standalone = [p for p in pieces if p.topic is None and p.language == "en"]
    for piece in rng.sample(standalone, SPONSORED):
        piece.record["sponsored"] = True
        piece.record["tags"] = [*piece.record["tags"], "sponsored"]


def choose_formats(pieces: list[Piece]) -> None:
    """Aggregated HTML for part of film and TV; Markdown for some long reads."""
    for piece in pieces:
        rng = rng_for("format", piece.key)
        words = len(str(piece.data["body"]).split())
        if piece.section in AGGREGATED_SECTIONS and piece.topic and rng.random() < AGGREGATED_SHARE:
            piece.fmt = "html"
        elif words >= MARKDOWN_MIN_WORDS and rng.random() < 0.5 and "wire_title" not in piece.data:
            piece.fmt = "markdown"


def teaser(piece: Piece) -> str:
    """About two lines of the lede, as a card shows it."""
    words = piece.paragraphs[0].split()
    return " ".join(words) if len(words) <= 32 else " ".join(words[:30]) + "\u2026"


def short_date(moment: datetime) -> str:
    """'Mar 7, 2025' as on the reference page."""
    return f"{moment:%b} {moment.day}, {moment.year}"


def stale_cards(piece: Piece, pool: list[Piece], rng: random.Random) -> tuple[Piece, list[Piece]]:
    """A 'Related' headline and 3-4 cards of ONE other topic, as a previous page left them."""
    others: dict[str, list[Piece]] = {}
    for other in pool:
        if other.topic and other.topic != piece.topic and other.published < piece.published:
            others.setdefault(other.topic, []).append(other)
    names = sorted(t for t, found in others.items() if len(found) >= 3)
    if len(names) < 2:  # the first pages of the archive: any other topic will do
        others = {}
        for other in pool:
            if other.topic and other.topic != piece.topic:
                others.setdefault(other.topic, []).append(other)
        names = sorted(t for t, found in others.items() if len(found) >= 3)
    card_topic, related_topic = rng.sample(names, 2)
    cards = others[card_topic]
    return rng.choice(others[related_topic]), rng.sample(cards, min(rng.choice((3, 4)), len(cards)))


def fact_box(piece: Piece, rng: random.Random) -> str:
    """The release-date/runtime fact box of an aggregated film or TV page."""
    release = piece.published + timedelta(days=rng.randint(-30, 30))
    if piece.section == "film":
        rows = [
            ("Release Date", short_date(release)),
            ("Runtime", f"{rng.randint(84, 165)} minutes"),
            ("Director", rng.choice(MAKERS)),
        ]
    else:
        rows = [
            ("Release Date", short_date(release)),
            ("Runtime", f"{rng.randint(22, 62)} minutes per episode"),
            ("Creator", rng.choice(MAKERS)),
        ]
    rows.append(("Writers", " and ".join(rng.sample(MAKERS, 2))))
    cells = "".join(f"<li>{label}: {html.escape(value, quote=False)}</li>" for label, value in rows)
    return f'<ul class="facts">{cells}</ul>'


def related_line(other: Piece, rng: random.Random) -> str:
    """The 'Related:' link to another headline, in one of the layouts seen in the wild."""
    url = html.escape(other.record["url"])
    title = html.escape(other.record["title"], quote=False)
    return rng.choice(
        (
            f'<p>Related: <a href="{url}">{title}</a></p>',
            f'<p><strong>Related:</strong> <a href="{url}">{title}</a></p>',
            f'<p>Related:</p>\n<p><a href="{url}">{title}</a></p>',
        )
    )


def more_block(cards: list[Piece], rng: random.Random) -> str:
    """The stale 'YOU MIGHT ALSO LIKE' block: title, date and teaser of each card."""
    layout = rng.randrange(3)
    heading = ("<h2>YOU MIGHT ALSO LIKE</h2>", "<h3>YOU MIGHT ALSO LIKE</h3>")[layout % 2]
    lines = [heading if layout < 2 else "<p><strong>YOU MIGHT ALSO LIKE</strong></p>"]
    for card in cards:
        url = html.escape(card.record["url"])
        title = html.escape(card.record["title"], quote=False)
        when, snippet = short_date(card.published), html.escape(teaser(card), quote=False)
        if layout == 0:
            lines.append(
                f'<div class="card"><a href="{url}"><h4>{title}</h4></a><p>{snippet}</p>'
                f'<time datetime="{iso(card.published)}">{when}</time></div>'
            )
        else:
            lines.extend(
                (f'<p><a href="{url}">{title}</a></p>', f"<p>{when}</p>", f"<p>{snippet}</p>")
            )
    return "\n".join(lines)


def render_html(piece: Piece, pool: list[Piece]) -> str:
    """An aggregated film/TV page: the piece wrapped in the boilerplate to be stripped."""
    rng = rng_for("html", piece.key)
    related, cards = stale_cards(piece, pool, rng)
    credit = f"Image via {rng.choice(CREDITS[piece.section])}"
    image = rng.choice(
        (
            f"<p><em>{credit}</em></p>",
            f'<figure><img src="{piece.record["image_url"]}" alt="">'
            f"<figcaption>{credit}</figcaption></figure>",
        )
    )
    paras = [f"<p>{html.escape(p, quote=False)}</p>" for p in piece.paragraphs]
    middle = max(2, len(paras) // 2)
    disclaimer = (
        "<p>Disclaimer: This story is auto-aggregated by a computer program and has not been "
        f"created or edited by {AGGREGATOR}. Publisher: {rng.choice(PARTNERS)}</p>"
    )
    parts = [
        "<article>",
        f"<h1>{html.escape(piece.record['title'], quote=False)}</h1>",
        image,
        *paras[:2],
        related_line(related, rng),
        *paras[2:middle],
        fact_box(piece, rng),
        *paras[middle:],
        disclaimer,
        more_block(cards, rng),
        "</article>",
    ]
    return "\n".join(parts)


def render_body(piece: Piece, pool: list[Piece]) -> str:
    """The body in the piece's format."""
    if piece.fmt == "html":
        return render_html(piece, pool)
    paras = piece.paragraphs
    if piece.fmt == "markdown":
        return "\n\n".join([f"**{paras[0]}**", *paras[1:]])
    return "\n\n".join(paras)


def lightly_edited(paras: list[str], outlet: str, rng: random.Random) -> list[str]:
    """A partner desk's copy: one sentence dropped, a few words swapped, a credit added."""
    sentences = [re.split(r"(?<=[.!?])\s+(?=[A-Z\"'‘“])", p) for p in paras]
    droppable = [i for i, s in enumerate(sentences) if i > 0 and len(s) > 1]
    if droppable:
        target = sentences[rng.choice(droppable)]
        del target[rng.randrange(1, len(target))]
    lede = " ".join(sentences[0])  # copies keep the lede word for word
    text = "\n\n".join(" ".join(s) for s in sentences[1:])
    swaps = [pair for pair in SYNONYMS if re.search(rf"\b{pair[0]}\b", text)]
    for old, new in rng.sample(swaps, min(3, len(swaps))):
        text = re.sub(rf"\b{old}\b", new, text, count=1)
    return [lede, *text.split("\n\n"), rng.choice(WIRE_CREDITS).format(outlet=outlet)]


def syndicated_copy(number: int, piece: Piece) -> dict[str, Any]:
    """A republished copy: same story and topic, new id, URL and headline."""
    rng = rng_for("wire", piece.key)
    outlet = PARTNERS[number % len(PARTNERS)]
    article_id = f"wire-{number:04d}"
    published = piece.published + timedelta(hours=rng.randint(1, 9), minutes=rng.randint(0, 59))
    title = piece.data["wire_title"]
    record = {k: v for k, v in piece.record.items() if k not in ("updated_at", "expires_at")}
    record.update(
        id=article_id,
        url=f"{SITE}/wire/{published:%Y/%m}/{slugify(title)}",
        title=title,
        body="\n\n".join(lightly_edited(piece.paragraphs, outlet, rng)),
        published_at=iso(published),
        author=outlet,
        image_url=f"{SITE}/images/{article_id}.jpg",
        status="published",
    )
    if number % 2:
        record["canonical_url"] = piece.record["url"]
    return record


def live_revision(number: int, piece: Piece) -> dict[str, Any]:
    """A later revision of a live report: the updates, newest first, under the lede."""
    updates = [" ".join(str(u).split()) for u in piece.data["updates"]]
    paras = piece.paragraphs
    article_id = f"live-{number:04d}"
    title = piece.data["title"]
    title = f"Live: {title}" if number % 2 else f"{title} – latest updates"
    record = {k: v for k, v in piece.record.items() if k != "expires_at"}
    record.update(
        id=article_id,
        url=f"{piece.record['url']}-latest",
        title=title,
        body="\n\n".join([paras[0], *reversed(updates), *paras[1:]]),
        updated_at=iso(piece.published + timedelta(hours=2 + 2 * len(updates))),
        image_url=f"{SITE}/images/{article_id}.jpg",
        status="published",
    )
    return record


def ordered(record: dict[str, Any]) -> dict[str, Any]:
    """Fields in one fixed order (absent optional fields stay absent)."""
    unknown = set(record) - set(FIELD_ORDER)
    if unknown:
        raise ValueError(f"{record['id']}: unknown fields {sorted(unknown)}")
    return {key: record[key] for key in FIELD_ORDER if key in record}


def build_corpus(directory: Path = WRITTEN) -> list[dict[str, Any]]:
    """Every record of the sample corpus, sorted by id."""
    pieces = load_written(directory)
    assign_dates(pieces)
    base_records(pieces, assign_splits(pieces))
    choose_flags(pieces)
    choose_formats(pieces)
    plain = sorted((p for p in pieces if p.fmt == "text" and p.topic), key=lambda p: p.record["id"])
    records = []
    for piece in pieces:
        piece.record["body"] = render_body(piece, plain)
        records.append(piece.record)
    in_order = sorted(pieces, key=lambda p: p.record["id"])
    wired = [p for p in in_order if "wire_title" in p.data]
    records += [syndicated_copy(n, p) for n, p in enumerate(wired, start=1)]
    live = [p for p in in_order if p.data.get("updates")]
    records += [live_revision(n, p) for n, p in enumerate(live, start=1)]
    return sorted((ordered(r) for r in records), key=lambda r: r["id"])


def write_corpus(path: Path = OUT, directory: Path = WRITTEN) -> int:
    """Write the corpus as JSON Lines (UTF-8, one record a line); return the record count."""
    records = build_corpus(directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
        encoding="utf-8",
        newline="\n",
    )
    return len(records)


def main(argv: list[str] | None = None) -> int:
    """Command line: write the corpus."""
    parser = argparse.ArgumentParser(description="Assemble the Morelike sample corpus.")
    parser.add_argument("--out", type=Path, default=OUT, help="output .jsonl path")
    parser.add_argument("--written", type=Path, default=WRITTEN, help="the written YAML files")
    args = parser.parse_args(argv)
    count = write_corpus(args.out, args.written)
    sys.stderr.write(f"wrote {count} articles to {args.out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
