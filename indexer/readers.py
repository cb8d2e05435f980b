"""Source readers: turn a JSONL file, a CSV file or a folder of pages into raw records.

Each reader yields `SourceRow`s: a raw dict plus where it came from (file and
line/row), or a `SourceProblem` when the row cannot be read at all (bad JSON,
invalid UTF-8, unreadable file). The reader is chosen from what the path is;
adding a file kind means adding one function to `READERS`. URLs (feeds,
sitemaps, WordPress, SQL databases) are dispatched by `indexer.sources`, which
comes here for local paths.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frontmatter

logger = logging.getLogger(__name__)

PAGE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


class SourceError(Exception):
    """The source as a whole cannot be read (missing, unknown kind)."""


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One raw record and its location, e.g. `articles.jsonl:12`."""

    location: str
    record: dict[str, Any]


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """A row, file, page or document that could not be read; reported, counted and skipped.

    `kind` is the short reason the build summary counts by (`unreachable`,
    `http 500`, `malformed document`, ...).
    """

    location: str
    reason: str
    kind: str = "unreadable"


Item = SourceRow | SourceProblem
Reader = Callable[[Path], Iterator[Item]]


def read_jsonl(path: Path) -> Iterator[Item]:
    """One JSON object per line; blank lines are ignored."""
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            loc = f"{path}:{lineno}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield SourceProblem(loc, f"invalid UTF-8 at byte {exc.start}")
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield SourceProblem(loc, f"invalid JSON: {exc.msg} (column {exc.colno})")
                continue
            if not isinstance(record, dict):
                yield SourceProblem(loc, f"expected a JSON object, got {type(record).__name__}")
                continue
            yield SourceRow(loc, record)


def read_csv(path: Path) -> Iterator[Item]:
    """A CSV file with a header row; `tags` may be comma/semicolon separated."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Report the row of the bad byte, then read what decodes.
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        yield SourceProblem(f"{path}:{line}", f"invalid UTF-8 at byte {exc.start}")
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
    reader = csv.DictReader(text.splitlines())
    for record in reader:
        loc = f"{path}:{reader.line_num}"
        if None in record:
            yield SourceProblem(loc, "more fields than the header has")
            continue
        yield SourceRow(loc, {k: v for k, v in record.items() if k})


def _page_record(path: Path, root: Path) -> dict[str, Any]:
    text = path.read_bytes().decode("utf-8")
    rel = path.relative_to(root).with_suffix("").as_posix()
    if path.suffix in (".md", ".markdown", ".txt"):
        post = frontmatter.loads(text)
        record: dict[str, Any] = dict(post.metadata)
        record.setdefault("body", post.content)
    else:
        record = {"body": text}
    record.setdefault("id", rel)
    record["id"] = str(record["id"])
    return record


def read_folder(path: Path) -> Iterator[Item]:
    """Every .txt / .md (front matter allowed) / .html file below `path`, sorted."""
    for file in sorted(p for p in path.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES):
        try:
            yield SourceRow(str(file), _page_record(file, path))
        except UnicodeDecodeError as exc:
            yield SourceProblem(str(file), f"invalid UTF-8 at byte {exc.start}")
        except OSError as exc:
            yield SourceProblem(str(file), f"unreadable: {exc.strerror or exc}")
        except Exception as exc:  # bad front matter: YAML errors of many kinds
            yield SourceProblem(str(file), f"bad front matter: {exc}")


READERS: dict[str, Reader] = {
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
}


def open_source(path: Path) -> Iterator[Item]:
    """Pick the reader from what `path` is and return its items.

    Raises `SourceError` when the path is missing or of an unknown kind.
    """
    if not path.exists():
        raise SourceError(f"source not found: {path}")
    if path.is_dir():
        return read_folder(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kinds = ", ".join(sorted(READERS))
        raise SourceError(
            f"unknown source kind {path.suffix!r} for {path} (use {kinds} or a folder)"
        )
    try:
        path.open("rb").close()
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return reader(path)
