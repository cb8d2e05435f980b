"""Check a hand-written sample-corpus file (samples/written/*.yaml) before it is assembled.

Usage: python3 tools/check_written.py samples/written/FILE.yaml [...]

Reports schema problems, word counts per article and per topic, and any run of
8 words shared by two different articles (real articles on one topic, written
by different reporters, do not share sentences). Exit status 1 on a problem.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

KINDS = {
    "report",
    "follow-up",
    "analysis",
    "interview",
    "explainer",
    "opinion",
    "review",
    "feature",
    "q-and-a",
    "brief",
    "listicle",
    "profile",
    "long-read",
    "guide",
    "recap",
    "obituary",
    "preview",
    "data",
    "letter",
}
ARTICLE_KEYS = {
    "key",
    "day",
    "kind",
    "title",
    "author",
    "tags",
    "body",
    "language",
    "wire_title",
    "updates",
    "section",
}
REQUIRED = {"key", "day", "kind", "title", "author", "tags", "body"}
SHINGLE = 8
_WORD = re.compile(r"[\w'’-]+")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def shingles(text: str) -> set[str]:
    w = words(text)
    return {" ".join(w[i : i + SHINGLE]) for i in range(max(0, len(w) - SHINGLE + 1))}


def check(path: Path) -> list[str]:
    problems: list[str] = []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("topics"), list):
        return [f"{path}: top level must be a mapping with a `topics` list"]
    texts: list[tuple[str, str]] = []
    for t in data["topics"]:
        name = t.get("topic", "?")
        for key in ("topic", "section", "language", "articles"):
            if key not in t:
                problems.append(f"{path}: topic {name}: missing `{key}`")
        total = 0
        for a in t.get("articles") or []:
            where = f"{name}/{a.get('key', '?')}"
            missing = REQUIRED - set(a)
            extra = set(a) - ARTICLE_KEYS
            if missing:
                problems.append(f"{path}: {where}: missing {sorted(missing)}")
            if extra:
                problems.append(f"{path}: {where}: unknown keys {sorted(extra)}")
            if a.get("kind") not in KINDS:
                problems.append(f"{path}: {where}: kind {a.get('kind')!r} not in {sorted(KINDS)}")
            if not isinstance(a.get("day"), int) or a.get("day", -1) < 0:
                problems.append(f"{path}: {where}: `day` must be an integer >= 0")
            body = str(a.get("body") or "")
            n = len(words(body))
            total += n
            print(f"  {where:<40} {a.get('kind', '?'):<10} {n:>5} words  {a.get('title', '')[:60]}")
            texts.append((where, body))
            for u in a.get("updates") or []:
                texts.append((where + "+update", str(u)))
        print(f"{name}: {len(t.get('articles') or [])} articles, {total} words")
    for i, a in enumerate(data.get("standalone") or []):
        where = f"standalone/{a.get('key', i)}"
        missing = (REQUIRED | {"section", "language"}) - set(a)
        if missing:
            problems.append(f"{path}: {where}: missing {sorted(missing)}")
        body = str(a.get("body") or "")
        print(f"  {where:<40} {a.get('kind', '?'):<10} {len(words(body)):>5} words")
        texts.append((where, body))
    owners: dict[str, set[str]] = defaultdict(set)
    for where, body in texts:
        for s in shingles(body):
            owners[s].add(where.split("+")[0])
    shared = {s: o for s, o in owners.items() if len(o) > 1}
    for s, o in sorted(shared.items())[:40]:
        problems.append(f"{path}: shared 8-word run {s!r} in {sorted(o)}")
    return problems


def main() -> int:
    problems: list[str] = []
    for arg in sys.argv[1:]:
        problems += check(Path(arg))
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
