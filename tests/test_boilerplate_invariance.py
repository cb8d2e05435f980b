"""Adding the reference page's boilerplate to every article leaves related lists unchanged."""

from __future__ import annotations

import json
import random
from pathlib import Path

from indexer.embedder import Embedder
from indexer.snapshot import load_current
from tests.conftest import FIXTURES, SMALL_CORPUS, build_into

BOILERPLATE = json.loads((FIXTURES / "boilerplate.json").read_text())["boilerplate"]
FOOTER = "<p>Subscribe to the Morning Briefing for the best stories every day.</p>"


def _with_boilerplate(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    rng = random.Random(7)
    out = []
    for row in rows:
        others = [r for r in rows if r["id"].split("-")[0] != row["id"].split("-")[0]]
        other = rng.choice(others)
        block = BOILERPLATE.format(other=other["title"], teaser=other["body"][:80])
        body = f"<article><h1>{row['title']}</h1><p>{row['body']}</p>{FOOTER}{block}</article>"
        out.append({**row, "body": body})
    return out


def _related_lists(data_dir: Path, k: int = 3) -> dict[str, list[str]]:
    snap = load_current(data_dir)
    lists = {}
    for row in range(snap.count):
        rows, _ = snap.search(snap.vectors[row], k + 1)
        ids = [a["id"] for a in snap.articles_at([int(r) for r in rows if r != row])]
        lists[snap.articles_at([row])[0]["id"]] = ids[:k]
    return lists


def test_related_lists_ignore_boilerplate(
    small_snapshot_dir: Path, tmp_path: Path, embedder: Embedder
) -> None:
    rows = [json.loads(line) for line in SMALL_CORPUS.read_text().splitlines()]
    noisy = tmp_path / "noisy.jsonl"
    noisy.write_text("".join(json.dumps(r) + "\n" for r in _with_boilerplate(rows)))
    build_into(noisy, tmp_path / "data", embedder)
    clean_lists = _related_lists(small_snapshot_dir)
    noisy_lists = _related_lists(tmp_path / "data")
    assert noisy_lists == clean_lists
    # And the boilerplate really was there to be ignored.
    assert "YOU MIGHT ALSO LIKE" in noisy.read_text()
    snap = load_current(tmp_path / "data")
    snippet = snap.article("space-1")["snippet"]  # type: ignore[index]
    assert "Image via" not in snippet and "Subscribe" not in snippet
