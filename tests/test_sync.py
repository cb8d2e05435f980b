"""`morelike sync`: a source's additions, edits and deletions reach the running service.

A JSONL source is built, the service runs on it (2 workers), the file changes,
and one sync writes only the real changes to the journal, which every worker
serves within seconds. The file source reports no deletions itself: the
reconciliation of ids finds them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from indexer.embedder import Embedder
from indexer.snapshot.journal import Journal
from indexer.sources import SourceOptions
from indexer.sync import sync_once
from service.cli import cli
from tests.conftest import SMALL_CORPUS, build_into
from tests.test_live_updates import call, everywhere

NEW = {
    "id": "space-5",
    "title": "Lunar rover drives across the Moon's south pole",
    "body": "A robotic rover crossed a crater rim near the lunar south pole, mission control said.",
    "section": "science",
    "language": "en",
    "published_at": "2026-09-28T09:00:00Z",
    "url": "https://example.test/space-5",
}


def rewrite(path: Path, change: Any) -> None:
    records = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    path.write_text("".join(json.dumps(r) + "\n" for r in change(records)))


@pytest.fixture
def source_and_data(tmp_path: Path, embedder: Embedder) -> tuple[Path, Path]:
    source = tmp_path / "articles.jsonl"
    shutil.copy(SMALL_CORPUS, source)
    data_dir = tmp_path / "data"
    build_into(source, data_dir, embedder)
    return source, data_dir


def test_an_unchanged_source_writes_nothing(
    source_and_data: tuple[Path, Path], embedder: Embedder
) -> None:
    source, data_dir = source_and_data
    report = sync_once(str(source), data_dir, SourceOptions(), embedder, reconcile_every=0)
    assert (report.upserted, report.deleted) == (0, 0) and report.unchanged >= 15
    assert Journal(data_dir).last_seq() == 0


def test_additions_edits_and_deletions_reach_every_worker(
    source_and_data: tuple[Path, Path], embedder: Embedder, live_server: Any
) -> None:
    source, data_dir = source_and_data
    server = live_server(data_dir, workers=2, threads=2, ready="/readyz")

    def change(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        kept = [r for r in records if r["id"] != "baking-4"]
        for r in kept:
            if r["id"] == "phones-2":
                r["title"] = "Phone maker recalls its folding handset"
        return [*kept, NEW]

    rewrite(source, change)
    report = sync_once(str(source), data_dir, SourceOptions(), embedder, reconcile_every=0)
    assert (report.upserted, report.deleted, report.reconciled) == (2, 1, True)
    base = server.base
    everywhere(base, lambda: call(base, "/v1/articles/space-5/related")[0] == 200)
    everywhere(base, lambda: call(base, "/v1/articles/baking-4")[0] == 404)
    title = "Phone maker recalls its folding handset"
    everywhere(base, lambda: call(base, "/v1/articles/phones-2")[1]["article"]["title"] == title)
    again = sync_once(str(source), data_dir, SourceOptions(), embedder, reconcile_every=0)
    assert (again.upserted, again.deleted) == (0, 0)  # nothing new since the last sync


def test_the_command(
    source_and_data: tuple[Path, Path], embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, data_dir = source_and_data
    # the loaded test model instead of a second copy of the snapshot's recipe
    monkeypatch.setattr(Embedder, "from_manifest", staticmethod(lambda info, model=None: embedder))
    rewrite(source, lambda records: [*records, NEW])
    args = ["sync", "--source", str(source), "--data-dir", str(data_dir)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "1 new or edited, 0 deleted" in result.output
    missing = CliRunner().invoke(
        cli, ["sync", "--source", str(source), "--data-dir", str(source.parent / "none")]
    )
    assert missing.exit_code == 2 and "morelike build" in missing.output
    bad = CliRunner().invoke(cli, [*args, "--every", "soon"])
    assert bad.exit_code == 2 and "duration" in bad.output
