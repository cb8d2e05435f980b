"""From article HTML or text to the main text that drives the match.

Three layers, so boilerplate never drives similarity:
1. HTML to main text with trafilatura (made for article extraction).
2. Configurable rules: cut markers end the text ("YOU MIGHT ALSO LIKE" and what
   follows), line patterns drop one line (image credits, disclaimers, fact-box
   rows), and a bare "Related" line drops itself and the headline after it.
3. Lines that recur across a large share of the corpus (site-wide footers) are
   dropped; `recurring_lines` finds them in one pass before embedding.

Every step is linear in its input, so no page can stall a build. Text cleaned on
the request path (`POST /v1/related`) is also bounded by `Limits`: its size, its
element count and nesting depth (counted by lxml's parser before anything builds
a tree), a time budget for trafilatura with a plain tag strip as the fallback,
and the number of words passed on to the embedder.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import string
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html import unescape

import trafilatura
from lxml import etree

logger = logging.getLogger(__name__)

_HTML_HINT = re.compile(
    r"<\s*+/?\s*+(p|div|article|section|main|header|footer|nav|aside|h[1-6]|br|hr|ul|ol|li|"
    r"span|a|em|strong|b|i|img|figure|figcaption|blockquote|table|tr|td|body|html|head|"
    r"script|style|noscript)\b[^<>]*>",
    re.I,
)
_BLOCK_TAGS = "h[1-6]|p|div|span|strong|b|section|aside|header"
_BLOCK_START = re.compile(rf"<(?:{_BLOCK_TAGS})\b", re.I)
# An unclosed <script> runs to the end, as in a browser, instead of being looked
# for again from every later one; a tag's inside stops at the next "<". Both keep
# the strip linear in the page's size.
_SCRIPTS = re.compile(r"<(script|style|noscript|template)\b.*?(?:</\1\s*>|\Z)", re.I | re.S)
_TAG = re.compile(r"<[^<>]+>")
# libxml2 stops reading (and drops the rest) past this depth unless told otherwise.
LIBXML2_MAX_DEPTH = 256
EXTRACT_THREADS = 2  # extractions per process at once; more wait, then fall back
_SCAN_CHUNK = 65_536
_PUNCT_TO_SPACE = str.maketrans({c: " " for c in string.punctuation + "“”‘’–—…«»·•|"})
_WS = re.compile(r"[ \t\u00a0]+")

DEFAULT_CUT_MARKERS = (
    "you might also like",
    "you may also like",
    "more from",
    "recommended for you",
)
DEFAULT_DROP_PATTERNS = (
    r"^(image|photo|picture|video)s?\s+(via|by|credit|courtesy)\b.*",
    r"^(image|photo)\s*credit\s*:.*",
    r"^disclaimer\s*:.*",
    r"^this (story|article) (is|was) (auto-aggregated|automatically generated).*",
    r"^(release date|release|runtime|running time|director|directors|writer|writers|"
    r"creator|creators|showrunner|cast|starring|rating|rated|genre|studio|network|"
    r"distributor|streaming on|where to watch|seasons|episodes)\s*:.*",
    r"^(related|read more|see also)\s*:.+",
    r"^(share|tweet|print|email)( this)?( article| story)?$",
)
# A bare "Related" line: the next line is another article's headline.
_RELATED_ALONE = re.compile(r"^related\s*:?$", re.I)


@dataclass(frozen=True)
class CleanRules:
    """Boilerplate rules; the defaults cover the reference page's blocks."""

    cut_markers: tuple[str, ...] = DEFAULT_CUT_MARKERS
    drop_patterns: tuple[str, ...] = DEFAULT_DROP_PATTERNS
    recurring_share: float = 0.05
    recurring_min_docs: int = 5
    _compiled: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        compiled = tuple(re.compile(p, re.I) for p in self.drop_patterns)
        object.__setattr__(self, "_compiled", compiled)

    def drops(self, line: str) -> bool:
        """True when one line is boilerplate by pattern."""
        return any(p.match(line) for p in self._compiled)

    def cuts(self, line: str) -> bool:
        """True when the text ends here (a recommendations block starts)."""
        low = line.lower().rstrip(" :.!")
        # A heading, not a sentence that happens to start with the words.
        return any(
            low == m or (low.startswith(m) and len(low) <= len(m) + 25) for m in self.cut_markers
        )


class DocumentRefused(ValueError):
    """A document over one of the `Limits`; the message says which, and the limit."""


class DocumentTooLarge(DocumentRefused):
    """More characters than `Limits.max_chars`."""


class MarkupTooComplex(DocumentRefused):
    """More elements, or deeper nesting, than the `Limits` allow."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on cleaning one document, so that no page holds a worker for long.

    The build cleans without them; `POST /v1/related` passes the service's
    settings. `max_depth` stays below libxml2's own cap, past which the parser
    silently drops the rest of the page instead of failing.
    """

    max_chars: int = 500_000
    max_elements: int = 10_000
    max_depth: int = 100
    max_words: int = 2_000
    extract_seconds: float = 1.0

    def __post_init__(self) -> None:
        if not 1 <= self.max_depth < LIBXML2_MAX_DEPTH:
            raise ValueError(f"max_depth must be 1..{LIBXML2_MAX_DEPTH - 1}, not {self.max_depth}")


class _ShapeCounter:
    """lxml parser target that counts elements and depth and stops the parse at a limit."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.depth = 0
        self.elements = 0

    def start(self, tag: str, attrib: object) -> None:
        self.depth += 1
        self.elements += 1
        if self.depth > self.limits.max_depth:
            limit = self.limits.max_depth
            raise MarkupTooComplex(f"nests elements more than {limit} deep; the limit is {limit}")
        if self.elements > self.limits.max_elements:
            limit = self.limits.max_elements
            raise MarkupTooComplex(f"has more than {limit:,} elements; the limit is {limit:,}")

    def end(self, tag: str) -> None:
        self.depth -= 1

    def close(self) -> None:
        return None


def check_markup(html: str, limits: Limits) -> None:
    """Refuse markup with more elements or deeper nesting than `limits` allow.

    lxml's HTML parser (libxml2, in C) feeds a counting target, so no tree is
    built and the parse stops at the first element over a limit: 150,000 nested
    tags are refused after reading a hundred. The parser, not a regex, counts,
    so HTML's implied end tags (`<p>`, `<li>`) nest as a browser would nest them.
    """
    parser = etree.HTMLParser(target=_ShapeCounter(limits), no_network=True)
    try:
        for start in range(0, len(html), _SCAN_CHUNK):
            parser.feed(html[start : start + _SCAN_CHUNK])
        parser.close()
    except etree.LxmlError as exc:  # unparsable is not too complex: extraction copes
        logger.debug("markup scan stopped: %s", exc)


def looks_like_html(text: str) -> bool:
    """Cheap test for markup, so plain text skips the HTML extractor."""
    return bool(_HTML_HINT.search(text))


@functools.cache
def _marker_pattern(marker: str) -> re.Pattern[str]:
    words = r"\s++".join(re.escape(w) for w in marker.split())
    return re.compile(rf"{words}\s*+:?\s*+<", re.I)


def _block_run_start(html: str, end: int) -> int | None:
    """Start of the earliest block tag in the run of tags and spaces that ends at `end`.

    Walks back one tag at a time, so each character is read once per marker
    (a regex anchored on the tag instead retried the whole run from every tag).
    """
    found = None
    pos = end
    while True:
        while pos > 0 and html[pos - 1].isspace():
            pos -= 1
        if pos < 3 or html[pos - 1] != ">":
            return found
        # As in `<[^>]+>`, the tag ending here may start at any "<" after the last ">".
        first = html.find("<", html.rfind(">", 0, pos - 1) + 1, pos - 2)
        lt = first
        while lt >= 0:
            if _BLOCK_START.match(html, lt):
                found = lt
                break
            lt = html.find("<", lt + 1, pos - 2)
        if first < 0:
            return found
        pos = first


def cut_html(html: str, rules: CleanRules) -> str:
    """Cut the page at the element whose whole text is a cut marker.

    Done on the markup because extractors may drop a lone heading before a list
    of cards, and then the cards would survive as if they were body text. The
    cut is at the first block tag of the run of tags right before the marker.
    """
    for marker in rules.cut_markers:
        for found in _marker_pattern(marker).finditer(html):
            start = _block_run_start(html, found.start())
            if start is not None:
                html = html[:start]
                break
    return html


def strip_tags(html: str) -> str:
    """The text of markup without a parser: tags become line breaks, entities characters.

    The fallback when trafilatura finds nothing (fragments too small for its
    heuristics) or runs out of time; linear in the size of the page.
    """
    return unescape(_TAG.sub("\n", _SCRIPTS.sub("\n", html)))


def _extract(html: str) -> str | None:
    return trafilatura.extract(
        html,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        favor_recall=True,
        deduplicate=False,
    )


@functools.cache
def _extract_pool(pid: int) -> ThreadPoolExecutor:
    # Keyed by process id: a forked gunicorn worker has none of its parent's threads.
    return ThreadPoolExecutor(EXTRACT_THREADS, thread_name_prefix="morelike-extract")


def _extract_within(html: str, seconds: float) -> str | None:
    """trafilatura with a time budget; None (so: the tag strip) when it is over or fails.

    Python cannot stop a thread, so an extraction over budget runs on to its end
    in the background; `Limits.max_elements` keeps that end near, and the pool
    keeps at most `EXTRACT_THREADS` of them per process.
    """
    future = _extract_pool(os.getpid()).submit(_extract, html)
    try:
        return future.result(timeout=seconds)
    except TimeoutError:
        future.cancel()
        logger.warning("main-text extraction took over %.2f s; stripped the tags instead", seconds)
    except Exception:
        logger.warning("main-text extraction failed; stripped the tags instead", exc_info=True)
    return None


def html_to_text(html: str, limits: Limits | None = None) -> str:
    """Main text of an HTML page, one block per line (trafilatura).

    With `limits`, trafilatura gets `limits.extract_seconds`; a page it does not
    finish in time, like a fragment too small for its heuristics, is tag-stripped.
    """
    text = _extract(html) if limits is None else _extract_within(html, limits.extract_seconds)
    return text or strip_tags(html)


def _lines(text: str) -> list[str]:
    out = []
    for raw in text.splitlines():
        line = _WS.sub(" ", raw).strip()
        line = re.sub(r"^[-*\u2022]\s+", "", line)  # list bullets
        line = re.sub(r"^#{1,6}\s+", "", line)  # markdown headings
        if line:
            out.append(line)
    return out


def line_key(line: str) -> str:
    """Key under which a line counts as 'the same' across articles: its words."""
    return " ".join(line.lower().translate(_PUNCT_TO_SPACE).split())


def main_text(body: str, rules: CleanRules, limits: Limits | None = None) -> str:
    """The body's main text: HTML checked against `limits`, cut at a marker, extracted."""
    if not looks_like_html(body):
        return body
    if limits is not None:
        check_markup(body, limits)
    return html_to_text(cut_html(body, rules), limits)


def rule_lines(
    body: str, rules: CleanRules, title: str = "", limits: Limits | None = None
) -> list[str]:
    """Body to main-text lines with the rule-based boilerplate removed."""
    text = main_text(body, rules, limits)
    kept: list[str] = []
    skip_next = False
    title_key = line_key(title) if title else None
    for line in _lines(text):
        if skip_next:
            skip_next = False
            continue
        if rules.cuts(line):
            break
        if _RELATED_ALONE.match(line):
            skip_next = True
            continue
        if rules.drops(line) or (
            title_key and len(line) < len(title) + 16 and line_key(line) == title_key
        ):
            continue
        kept.append(line)
    return kept


def recurring_lines(docs: Iterable[list[str]], rules: CleanRules) -> set[str]:
    """Keys of lines found in at least `recurring_share` of the documents.

    Short corpora use `recurring_min_docs` as the floor so that two articles
    quoting one sentence are not treated as boilerplate.
    """
    counts: Counter[str] = Counter()
    n = 0
    for lines in docs:
        n += 1
        counts.update({line_key(line) for line in lines})
    threshold = max(rules.recurring_min_docs, rules.recurring_share * n)
    return {key for key, c in counts.items() if c >= threshold}


def strip_recurring(lines: list[str], recurring: set[str]) -> str:
    """Join the lines that are not corpus-wide boilerplate."""
    return "\n".join(line for line in lines if line_key(line) not in recurring)


def first_words(lines: list[str], limit: int) -> list[str]:
    """The lines that hold the first `limit` words, the last one cut.

    The lead says what an article is about, and the embedder reads a few
    passages of it at most: the rest only costs time on the request path.
    """
    kept: list[str] = []
    count = 0
    for line in lines:
        words = line.split()
        if count + len(words) > limit:
            if limit > count:
                kept.append(" ".join(words[: limit - count]))
            break
        kept.append(line)
        count += len(words)
    return kept


def clean_text(
    body: str, rules: CleanRules | None = None, title: str = "", limits: Limits | None = None
) -> str:
    """Clean one text with the rules alone (for text not in the corpus).

    With `limits` (the request path) a body too large or too deeply nested is
    refused with `DocumentRefused`, extraction has a time budget, and only the
    first `limits.max_words` words are kept.
    """
    rules = rules or CleanRules()
    if limits is None:
        return "\n".join(rule_lines(body, rules, title))
    if len(body) > limits.max_chars:
        raise DocumentTooLarge(f"has {len(body):,} characters; the limit is {limits.max_chars:,}")
    return "\n".join(first_words(rule_lines(body, rules, title, limits), limits.max_words))
