"""Deterministic generator of the sample corpus: ``python -m indexer.samplecorpus OUT.jsonl``.

The corpus serves the demo, the tests and the ranking evaluation. Each article is built
from the hand-written data in `indexer.sampledata`: a topic's lede for the piece, a
sample of the topic's facts and of its section's stock sentences, so articles of one
topic share a subject without repeating the same words. On top of the originals it adds
what a real site's export contains: syndicated copies (half with a canonical URL, half
without), live-blog revisions, drafts, unpublished and expired items, sponsored posts,
German articles, and film/TV pages in HTML carrying aggregator boilerplate (image
credits, a fact box, a disclaimer, a "Related" line and a stale "YOU MIGHT ALSO LIKE"
block) that the indexer must strip.

Two label fields serve evaluation: `topic` (articles worth recommending for each other)
and `story` (copies of one story, never to be shown together). Everything comes from
`random.Random` seeded with a fixed value and the article's place in the data, so the
output is byte-for-byte stable.
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import random
import re
import sys
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from indexer.articles import KNOWN_FIELDS
from indexer.sampledata import (
    AGGREGATOR,
    ANON,
    AUTHORS,
    AUTHORS_DE,
    GENERIC,
    GENERIC_DE,
    KIND_TAGS,
    LIVE_UPDATES,
    LONG_TAG,
    PUBLISHERS,
    SYNDICATIONS,
    SYNONYMS,
    TOPICS,
    WIRE_ADDITIONS,
    LiveUpdate,
    Piece,
    Syndication,
    Topic,
)

logger = logging.getLogger(__name__)

DEFAULT_SEED = 20251201
SITE = "https://example-news.test"
EARLIEST = datetime(2024, 12, 1, tzinfo=UTC)
LATEST = datetime(2026, 11, 20, 23, 59, tzinfo=UTC)
HTML_PAGES = 25  # film/TV pages rendered as aggregated HTML
ANON_SHARE = 0.6  # chance that a stock sentence's placeholder takes its plain stand-in
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


@dataclass
class Draft:
    """An article before its body is rendered: record fields plus its paragraphs."""

    record: dict[str, Any]
    topic: Topic
    index: int
    piece: Piece
    paragraphs: list[list[str]]
    published: datetime
    fmt: str = "text"  # "text", "markdown" or "html"


def iso(moment: datetime) -> str:
    """ISO 8601 in UTC with a trailing Z, to the second."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def slugify(text: str, limit: int = 80) -> str:
    """ASCII, lower-case, hyphenated URL slug (accents folded, cut on a word boundary)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug if len(slug) <= limit else slug[:limit].rsplit("-", 1)[0]


def sentences(text: str) -> list[str]:
    """Split prose into sentences (good enough for the hand-written data)."""
    return [s for s in _SENTENCE_END.split(" ".join(text.split())) if s]


def capitalise(sentence: str) -> str:
    """Upper-case the first letter: role placeholders are lower-case mid-sentence."""
    return sentence[:1].upper() + sentence[1:]


def word_count(parts: list[str]) -> int:
    """Words in a list of sentences."""
    return sum(len(s.split()) for s in parts)


def stock_sentences(topic: Topic, piece: Piece, rng: random.Random) -> list[str]:
    """The section-style sentences a piece may use, filled with the topic's names.

    Each placeholder takes a plain stand-in ("the film", "the company") with
    probability `ANON_SHARE`, so not every sentence names the topic.
    """
    if piece.lang == "de":
        return [capitalise(s.format_map(topic.ents)) for s in GENERIC_DE[topic.style]]
    if piece.long:
        pool = tuple(s for kind_pool in GENERIC[topic.style].values() for s in kind_pool)
    elif piece.kind in GENERIC[topic.style]:
        pool = GENERIC[topic.style][piece.kind]
    else:
        raise ValueError(f"{topic.slug}: kind {piece.kind!r} has no {topic.style!r} pool")
    stand_ins = ANON.get(topic.style, {})
    out = []
    for template in pool:
        values = {
            key: stand_ins[key] if key in stand_ins and rng.random() < ANON_SHARE else value
            for key, value in topic.ents.items()
        }
        out.append(capitalise(template.format_map(values)))
    return out


def is_plain(piece: Piece) -> bool:
    """A published, unflagged, ordinary English piece."""
    return (
        piece.lang == "en"
        and piece.status == "published"
        and not (piece.expires or piece.sponsored or piece.long)
    )


def recap(topic: Topic, piece: Piece) -> list[str]:
    """For a long read: the other English pieces' ledes in date order, the story so far."""
    others = sorted(
        (p for p in topic.pieces if p is not piece and is_plain(p)), key=lambda p: p.day
    )
    return [s for p in others for s in sentences(p.lede)]


def compose(topic: Topic, piece: Piece, rng: random.Random) -> list[str]:
    """The body's sentences: the lede, then topic facts interleaved with stock sentences.

    Ordinary pieces use a handful of facts so articles of one topic overlap only in
    part. Long reads use every fact and recap the topic's other pieces in date order,
    so the topic runs through the whole text.
    """
    facts = list(topic.facts_de if piece.lang == "de" else topic.facts)
    stock = stock_sentences(topic, piece, rng)
    rng.shuffle(facts)
    rng.shuffle(stock)
    story = recap(topic, piece) if piece.long else []
    story.reverse()  # popped from the end, so the earliest comes first
    if piece.long:
        target, max_facts = rng.randint(1100, 1400), len(facts)
    elif piece.lang == "de":
        target, max_facts = rng.randint(130, 240), rng.randint(4, 6)
    else:
        target, max_facts = rng.randint(170, 470), rng.randint(2, 5)
    out = sentences(piece.lede)
    used_facts, turn = 0, 0
    while word_count(out) < target and (facts or stock or story):
        step = turn % 4
        if step == 1 and story:
            out.append(story.pop())
        elif (step != 3 and used_facts < max_facts or not stock) and facts:
            out.append(facts.pop())
            used_facts += 1
        elif stock:
            out.append(stock.pop())
        elif story:
            out.append(story.pop())
        turn += 1
    return out


def paragraphs(parts: list[str], lede_len: int, rng: random.Random, long: bool) -> list[list[str]]:
    """Group sentences into paragraphs: the lede first, then runs of 2-4 (long: 3-5)."""
    paras = [parts[:lede_len]]
    rest = parts[lede_len:]
    low, high = (3, 5) if long else (2, 4)
    while rest:
        size = rng.randint(low, high)
        paras.append(rest[:size])
        rest = rest[size:]
    return paras


def published_moment(topic: Topic, piece: Piece, rng: random.Random) -> datetime:
    """Topic start plus the piece's day offset, at a plausible hour of the day."""
    start = datetime.combine(date.fromisoformat(topic.start), datetime.min.time(), UTC)
    moment = start + timedelta(days=piece.day, hours=rng.randint(6, 21), minutes=rng.randint(0, 59))
    if not EARLIEST <= moment <= LATEST:
        raise ValueError(
            f"{topic.slug}: {piece.title!r} dated {moment} is outside the corpus range"
        )
    return moment


def piece_tags(topic: Topic, piece: Piece, rng: random.Random) -> list[str]:
    """A few of the topic's tags (not always the same ones) plus the piece's angle."""
    count = rng.randint(2, len(topic.tags))
    chosen = sorted(rng.sample(range(len(topic.tags)), count))
    tags = [topic.tags[i] for i in chosen]
    if piece.kind in KIND_TAGS:
        tags.append(KIND_TAGS[piece.kind])
    if piece.long:
        tags.append(LONG_TAG)
    return tags


def article_url(section: str, published: datetime, title: str, prefix: str = "") -> str:
    """A stable URL on the example site: /[prefix/]section/yyyy/mm/slug."""
    head = f"{SITE}/{prefix}" if prefix else SITE
    return f"{head}/{section}/{published:%Y/%m}/{slugify(title)}"


def original_drafts(seed: int) -> list[Draft]:
    """One draft per piece of every topic, with ids numbered per section."""
    live_keys = {(u.topic, u.index) for u in LIVE_UPDATES}
    counters: dict[str, int] = {}
    drafts = []
    for topic in TOPICS:
        for index, piece in enumerate(topic.pieces):
            rng = random.Random(f"{seed}:{topic.slug}:{index}")
            counters[topic.section] = counters.get(topic.section, 0) + 1
            article_id = f"{topic.section}-{counters[topic.section]:04d}"
            published = published_moment(topic, piece, rng)
            parts = compose(topic, piece, rng)
            paras = paragraphs(parts, len(sentences(piece.lede)), rng, piece.long)
            record: dict[str, Any] = {
                "id": article_id,
                "url": article_url(
                    topic.section, published, piece.title, "de" * (piece.lang == "de")
                ),
                "title": piece.title,
                "body": "",
                "published_at": iso(published),
            }
            updated = published + timedelta(hours=rng.randint(1, 72))
            if (topic.slug, index) not in live_keys and rng.random() < 0.25 and updated <= LATEST:
                record["updated_at"] = iso(updated)
            authors = AUTHORS_DE if piece.lang == "de" else AUTHORS[topic.section]
            record.update(
                section=topic.section,
                tags=piece_tags(topic, piece, rng),
                language=piece.lang,
                author=rng.choice(authors),
                image_url=f"{SITE}/images/{article_id}.jpg",
                status=piece.status,
            )
            if piece.expires:
                record["expires_at"] = f"{piece.expires}T23:59:00Z"
            record.update(
                sponsored=piece.sponsored, topic=topic.slug, story=f"{topic.slug}-{index + 1}"
            )
            drafts.append(Draft(record, topic, index, piece, paras, published))
    return drafts


def choose_formats(drafts: list[Draft], seed: int) -> None:
    """Mark aggregated HTML pages (film/TV reviews first) and Markdown long reads."""
    rng = random.Random(f"{seed}:formats")
    screen = [
        d
        for d in drafts
        if d.topic.section in ("film", "tv") and d.piece.lang == "en" and not d.piece.long
    ]
    reviews = [d for d in screen if d.piece.kind == "review"]
    others = [d for d in screen if d.piece.kind != "review"]
    for draft in reviews + rng.sample(others, max(0, HTML_PAGES - len(reviews))):
        draft.fmt = "html"
    for draft in drafts:
        if draft.piece.long and draft.topic.headings:
            draft.fmt = "markdown"


def short_date(moment: datetime) -> str:
    """'Mar 7, 2025' as on the reference page."""
    return f"{moment:%b} {moment.day}, {moment.year}"


def stale_picks(draft: Draft, pool: list[Draft], rng: random.Random) -> list[Draft]:
    """A 'Related' headline and the 3-4 cards of a stale block, all from other topics.

    The cards come from ONE other topic, as when a page keeps the previous page's
    block: left in the text, they pull the match firmly towards the wrong topic.
    Cards are older than the page whenever that topic has enough older pieces.
    """
    count = rng.choice((3, 4))
    older = [d for d in pool if d.published < draft.published and d.topic is not draft.topic]
    by_topic: dict[str, list[Draft]] = {}
    for candidate in older if len(older) >= 2 * count else pool:
        if candidate.topic is not draft.topic:
            by_topic.setdefault(candidate.topic.slug, []).append(candidate)
    enough = sorted(slug for slug, found in by_topic.items() if len(found) >= count)
    card_topic = rng.choice(enough or sorted(by_topic))
    related_topic = rng.choice(sorted(set(by_topic) - {card_topic}))
    cards = by_topic[card_topic]
    return [rng.choice(by_topic[related_topic]), *rng.sample(cards, min(count, len(cards)))]


def teaser(draft: Draft) -> str:
    """The snippet a related card shows: the lede, cut to about two lines."""
    words = " ".join(draft.piece.lede.split()).split(" ")
    return " ".join(words) if len(words) <= 32 else " ".join(words[:30]) + "\u2026"


def render_text(draft: Draft) -> str:
    """Plain text: paragraphs separated by blank lines."""
    return "\n\n".join(" ".join(p) for p in draft.paragraphs)


def render_markdown(draft: Draft) -> str:
    """Markdown: bold lede, then the topic's subheadings spread over the paragraphs."""
    lede, rest = draft.paragraphs[0], draft.paragraphs[1:]
    headings = draft.topic.headings
    blocks = [f"**{' '.join(lede)}**"]
    per = -(-len(rest) // len(headings))
    for i, heading in enumerate(headings):
        chunk = rest[i * per : (i + 1) * per]
        if chunk:
            blocks.append(f"## {heading}")
            blocks.extend(" ".join(p) for p in chunk)
    return "\n\n".join(blocks)


def fact_box(draft: Draft) -> str:
    """The release-date/runtime fact box of an aggregated film or TV page."""
    ents = draft.topic.ents
    if draft.topic.section == "film":
        maker, runtime = ("Director", ents["director"]), f"{ents['runtime']} minutes"
    else:
        maker, runtime = ("Creator", ents["creator"]), f"{ents['runtime']} minutes per episode"
    rows = [
        ("Release Date", ents["release"]),
        ("Runtime", runtime),
        maker,
        ("Writers", ents["writers"]),
    ]
    cells = "".join(f"<li>{label}: {html.escape(value, quote=False)}</li>" for label, value in rows)
    return f'<ul class="facts">{cells}</ul>'


def related_line(other: Draft, rng: random.Random) -> str:
    """The 'Related:' link to an unrelated headline, in one of the layouts seen in the wild."""
    url = html.escape(other.record["url"])
    title = html.escape(other.piece.title, quote=False)
    return rng.choice(
        (
            f'<p>Related: <a href="{url}">{title}</a></p>',
            f'<p><strong>Related:</strong> <a href="{url}">{title}</a></p>',
            f'<p>Related:</p>\n<p><a href="{url}">{title}</a></p>',
        )
    )


def more_block(cards: list[Draft], rng: random.Random) -> str:
    """The stale 'YOU MIGHT ALSO LIKE' block: title, date and teaser of each card."""
    layout = rng.randrange(3)
    heading = ("<h2>YOU MIGHT ALSO LIKE</h2>", "<h3>YOU MIGHT ALSO LIKE</h3>")[layout % 2]
    lines = [heading if layout < 2 else "<p><strong>YOU MIGHT ALSO LIKE</strong></p>"]
    for card in cards:
        url = html.escape(card.record["url"])
        title = html.escape(card.piece.title, quote=False)
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


def render_html(draft: Draft, pool: list[Draft], rng: random.Random) -> str:
    """An aggregated film/TV page: the review wrapped in the boilerplate to be stripped."""
    picks = stale_picks(draft, pool, rng)
    credit = f"Image via {draft.topic.ents.get('studio') or draft.topic.ents['platform']}"
    image = rng.choice(
        (
            f"<p><em>{credit}</em></p>",
            f'<figure><img src="{draft.record["image_url"]}" alt="">'
            f"<figcaption>{credit}</figcaption></figure>",
        )
    )
    paras = [f"<p>{html.escape(' '.join(p), quote=False)}</p>" for p in draft.paragraphs]
    middle = max(2, len(paras) // 2)
    disclaimer = (
        "<p>Disclaimer: This story is auto-aggregated by a computer program and has not been "
        f"created or edited by {AGGREGATOR}. Publisher: {rng.choice(PUBLISHERS)}</p>"
    )
    parts = [
        "<article>",
        f"<h1>{html.escape(draft.piece.title, quote=False)}</h1>",
        image,
        *paras[:2],
        related_line(picks[0], rng),
        *paras[2:middle],
        fact_box(draft),
        *paras[middle:],
        disclaimer,
        more_block(picks[1:], rng),
        "</article>",
    ]
    return "\n".join(parts)


def render_bodies(drafts: list[Draft], seed: int) -> None:
    """Fill every draft's `body` in its chosen format."""
    pool = sorted((d for d in drafts if is_plain(d.piece)), key=lambda d: d.record["id"])
    for draft in drafts:
        rng = random.Random(f"{seed}:body:{draft.record['id']}")
        if draft.fmt == "html":
            draft.record["body"] = render_html(draft, pool, rng)
        elif draft.fmt == "markdown":
            draft.record["body"] = render_markdown(draft)
        else:
            draft.record["body"] = render_text(draft)


def lightly_edited(paras: list[list[str]], outlet: str, rng: random.Random) -> list[list[str]]:
    """A wire desk's copy: one sentence dropped, a few words swapped, a credit line added."""
    paras = [list(p) for p in paras]
    droppable = [i for i, p in enumerate(paras) if i > 0 and len(p) > 1]
    if droppable:
        target = paras[rng.choice(droppable)]
        del target[rng.randrange(len(target))]
    text = "\n\n".join("\u2029".join(p) for p in paras)
    swaps = [pair for pair in SYNONYMS if re.search(rf"\b{pair[0]}\b", text)]
    for old, new in rng.sample(swaps, min(3, len(swaps))):
        text = re.sub(rf"\b{old}\b", new, text, count=1)
    paras = [p.split("\u2029") for p in text.split("\n\n")]
    paras[-1].append(rng.choice(WIRE_ADDITIONS).format(outlet=outlet))
    return paras


def syndicated_copy(number: int, spec: Syndication, original: Draft, seed: int) -> dict[str, Any]:
    """A republished copy of `original`: same story and topic, new id, URL and headline."""
    rng = random.Random(f"{seed}:wire:{number}")
    if original.fmt != "text":
        raise ValueError(f"syndicated source {original.record['id']} must be plain text")
    article_id = f"wire-{number:04d}"
    published = original.published + timedelta(hours=rng.randint(1, 9), minutes=rng.randint(0, 59))
    body = "\n\n".join(" ".join(p) for p in lightly_edited(original.paragraphs, spec.outlet, rng))
    record = dict(original.record)
    record.pop("updated_at", None)
    record.update(
        id=article_id,
        url=article_url(original.topic.section, published, spec.title, "wire"),
        title=spec.title,
        body=body,
        published_at=iso(published),
        author=spec.outlet,
        image_url=f"{SITE}/images/{article_id}.jpg",
    )
    if spec.canonical:
        record["canonical_url"] = original.record["url"]
    return record


def live_revision(number: int, spec: LiveUpdate, original: Draft) -> dict[str, Any]:
    """A later revision of a live blog: newest updates first under the lede, same story."""
    article_id = f"live-{number:04d}"
    paras = [" ".join(p) for p in original.paragraphs]
    body = "\n\n".join([paras[0], *reversed(spec.updates), *paras[1:]])
    record = dict(original.record)
    record.update(
        id=article_id,
        url=f"{original.record['url']}-latest",
        title=spec.title,
        body=body,
        updated_at=iso(original.published + timedelta(hours=spec.hours)),
        image_url=f"{SITE}/images/{article_id}.jpg",
    )
    return order_fields(record)


FIELD_ORDER = (*KNOWN_FIELDS, "topic", "story")


def order_fields(record: dict[str, Any]) -> dict[str, Any]:
    """Fields in one fixed order (absent optional fields stay absent)."""
    return {key: record[key] for key in FIELD_ORDER if key in record}


def build_corpus(seed: int = DEFAULT_SEED) -> list[dict[str, Any]]:
    """Every record of the sample corpus, sorted by id."""
    drafts = original_drafts(seed)
    choose_formats(drafts, seed)
    render_bodies(drafts, seed)
    by_key = {(d.topic.slug, d.index): d for d in drafts}
    records = [order_fields(d.record) for d in drafts]
    for number, spec in enumerate(SYNDICATIONS, start=1):
        records.append(
            order_fields(syndicated_copy(number, spec, by_key[spec.topic, spec.index], seed))
        )
    for number, update in enumerate(LIVE_UPDATES, start=1):
        records.append(live_revision(number, update, by_key[update.topic, update.index]))
    records.sort(key=lambda r: r["id"])
    return records


def write_corpus(path: Path, seed: int = DEFAULT_SEED) -> int:
    """Write the corpus as JSON Lines (UTF-8, one record a line); return the record count."""
    records = build_corpus(seed)
    lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8", newline="\n")
    return len(records)


def main(argv: list[str] | None = None) -> int:
    """Command line: write the corpus to the given path."""
    parser = argparse.ArgumentParser(description="Write the Morelike sample corpus.")
    parser.add_argument("out", type=Path, help="output .jsonl path")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    count = write_corpus(args.out, args.seed)
    logger.info("wrote %d articles to %s", count, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
