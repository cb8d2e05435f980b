"""Source readers: JSONL, CSV and folders, with every unreadable row located."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.readers import SourceError, SourceProblem, SourceRow, open_source


def _items(path: Path) -> list[SourceRow | SourceProblem]:
    return list(open_source(path))


def test_jsonl_reports_bad_json_and_bad_utf8_with_line(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_bytes(b'{"id": "1", "title": "ok"}\n\n{broken\n{"id": "3", "title": "\xff"}\n[1]\n')
    items = _items(src)
    assert isinstance(items[0], SourceRow) and items[0].record["id"] == "1"
    problems = [i for i in items if isinstance(i, SourceProblem)]
    assert [p.location for p in problems] == [f"{src}:3", f"{src}:4", f"{src}:5"]
    assert "invalid JSON" in problems[0].reason
    assert "invalid UTF-8" in problems[1].reason
    assert "expected a JSON object" in problems[2].reason


def test_csv_rows_carry_their_row_number(tmp_path: Path) -> None:
    src = tmp_path / "a.csv"
    src.write_text('id,title,tags\n1,First,"a,b"\n2,Second,c,EXTRA\n3,Third,\n')
    items = _items(src)
    assert [type(i).__name__ for i in items] == ["SourceRow", "SourceProblem", "SourceRow"]
    assert items[0].record == {"id": "1", "title": "First", "tags": "a,b"}  # type: ignore[union-attr]
    assert items[1].location == f"{src}:3"


def test_folder_reads_txt_markdown_front_matter_and_html(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "one.md").write_text("---\ntitle: One\nsection: news\n---\nBody one.\n")
    (tmp_path / "two.html").write_text("<html><body><p>Two</p></body></html>")
    (tmp_path / "three.txt").write_text("Plain three")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe bad")
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    items = _items(tmp_path)
    rows = {i.record["id"]: i.record for i in items if isinstance(i, SourceRow)}
    assert rows["news/one"]["title"] == "One" and rows["news/one"]["body"].strip() == "Body one."
    assert "<p>Two</p>" in rows["two"]["body"]
    assert rows["three"]["body"] == "Plain three"
    [problem] = [i for i in items if isinstance(i, SourceProblem)]
    assert problem.location.endswith("bad.txt") and "UTF-8" in problem.reason


def test_missing_and_unknown_sources_are_errors(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not found"):
        open_source(tmp_path / "nope.jsonl")
    (tmp_path / "x.xml").write_text("<x/>")
    with pytest.raises(SourceError, match="unknown source kind"):
        open_source(tmp_path / "x.xml")
