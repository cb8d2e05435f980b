"""From article HTML or text to the main text that drives the match.

Three layers, so boilerplate never drives similarity:
1. HTML to main text with trafilatura (made for article extraction).
2. Configurable rules: cut markers end the text ("YOU MIGHT ALSO LIKE" and what
   follows), line patterns drop one line (image credits, disclaimers, fact-box
   rows), and a bare "Related" line drops itself and the headline after it.
3. Lines that recur across a large share of the corpus (site-wide footers) are
   dropped; `recurring_lines` finds them in one pass before embedding.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import unescape

import trafilatura

_HTML_HINT = re.compile(
    r"<\s*/?\s*(p|div|article|section|main|header|footer|nav|aside|h[1-6]|br|hr|ul|ol|li|"
    r"span|a|em|strong|b|i|img|figure|figcaption|blockquote|table|tr|td|body|html|head|"
    r"script|style|noscript)\b[^>]*>",
    re.I,
)
_BLOCK_TAGS = "h[1-6]|p|div|span|strong|b|section|aside|header"
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


def looks_like_html(text: str) -> bool:
    """Cheap test for markup, so plain text skips the HTML extractor."""
    return bool(_HTML_HINT.search(text))


def cut_html(html: str, rules: CleanRules) -> str:
    """Cut the page at the element whose whole text is a cut marker.

    Done on the markup because extractors may drop a lone heading before a list
    of cards, and then the cards would survive as if they were body text.
    """
    for marker in rules.cut_markers:
        words = r"\s+".join(re.escape(w) for w in marker.split())
        pattern = rf"<({_BLOCK_TAGS})\b[^>]*>(\s*<[^>]+>)*\s*{words}\s*:?\s*<"
        found = re.search(pattern, html, re.I)
        if found:
            html = html[: found.start()]
    return html


def html_to_text(html: str) -> str:
    """Main text of an HTML page, one block per line (trafilatura)."""
    text = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        favor_recall=True,
        deduplicate=False,
    )
    if not text:
        # Fragments too small for trafilatura's heuristics: strip tags ourselves.
        text = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", "\n", html)
        text = unescape(re.sub(r"<[^>]+>", "\n", text))
    return text


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


def rule_lines(body: str, rules: CleanRules, title: str = "") -> list[str]:
    """Body to main-text lines with the rule-based boilerplate removed."""
    text = html_to_text(cut_html(body, rules)) if looks_like_html(body) else body
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


def clean_text(body: str, rules: CleanRules | None = None, title: str = "") -> str:
    """Clean one text with the rules alone (for text not in the corpus)."""
    return "\n".join(rule_lines(body, rules or CleanRules(), title))
