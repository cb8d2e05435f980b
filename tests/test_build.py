"""`morelike build` end to end with the real bundled model on the small fixture corpus."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from indexer.embedder import Embedder
from indexer.snapshot import (
    Snapshot,
    SnapshotError,
    current_version,
    list_versions,
    load_current,
    snapshots_dir,
)
from service.cli import cli
from tests.conftest import SMALL_CORPUS, build_into

MORELIKE = str(Path(sys.executable).parent / "morelike")
FIXTURE_ROWS = [json.loads(line) for line in SMALL_CORPUS.read_text().splitlines()]


def _write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    return path


def test_build_writes_a_complete_snapshot(small_snapshot_dir: Path) -> None:
    snap = load_current(small_snapshot_dir)
    manifest = snap.manifest
    assert snap.count == len(FIXTURE_ROWS) == manifest["counts"]["articles"]
    assert manifest["model"]["dimension"] == 384
    assert manifest["faiss"]["key"] == "Flat" and manifest["faiss"]["exact"] is True
    assert set(manifest["files"]) >= {"index.faiss", "vectors.npy", "articles.sqlite"}
    assert {"read", "clean", "embed", "index", "terms"} <= set(manifest["stages"])
    assert manifest["libraries"]["faiss"]
    norms = np.linalg.norm(np.asarray(snap.vectors), axis=1)
    assert np.allclose(norms, 1.0, atol=1e-5)
    article = snap.article("space-1")
    assert article is not None and article["title"] == "Artemis crew completes lunar flyby"
    assert article["extra"]["topic"] == "space" and "body" not in article


def test_build_measures_the_corpus_similarity_distribution(small_snapshot_dir: Path) -> None:
    """The calibration the service's floors come from: random pairs and neighbours."""
    snap = load_current(small_snapshot_dir)
    calibration = snap.manifest["calibration"]
    assert "calibration.npy" in snap.manifest["files"]
    random = calibration["random_pairs"]["all"]
    n = snap.count
    assert random["pairs"] == n * (n - 1) // 2  # a small corpus: every pair
    assert "en" in calibration["random_pairs"]  # English has enough articles of its own
    assert "de" not in calibration["random_pairs"]  # one German article: the all-pairs sample
    neighbours = calibration["neighbours_dense"]
    assert len(neighbours) == 4 and neighbours == sorted(neighbours, reverse=True)
    assert neighbours[0] > random["dense"]["q90"] > random["dense"]["q50"]
    pairs = snap.calibration_pairs
    assert len(pairs) == random["pairs"] + calibration["random_pairs"]["en"]["pairs"]
    assert np.all((pairs["sparse"] >= 0) & (pairs["sparse"] <= 1.0001))


def test_nearest_neighbours_follow_topics(small_snapshot_dir: Path) -> None:
    snap = load_current(small_snapshot_dir)
    for article_id in ("space-2", "football-3", "phones-1", "baking-2"):
        row = snap.row_of(article_id)
        assert row is not None
        rows, _ = snap.search(snap.vectors[row], 4)
        topics = [snap.articles_at([int(r)])[0]["extra"]["topic"] for r in rows[1:4]]
        assert topics.count(article_id.split("-")[0]) >= 2, (article_id, topics)


def test_rebuild_embeds_only_changed_articles(
    data_dir_copy: Path, tmp_path: Path, embedder: Embedder
) -> None:
    rows = [dict(r) for r in FIXTURE_ROWS]
    rows[3]["body"] = rows[3]["body"] + " An added sentence about the lunar rover."
    report = build_into(_write_jsonl(tmp_path / "a.jsonl", rows), data_dir_copy, embedder)
    assert (report.embedded, report.reused) == (1, len(rows) - 1)
    assert len(list_versions(data_dir_copy)) == 2
    assert current_version(data_dir_copy) == report.version


def test_bad_records_are_reported_with_location_and_skipped(
    tmp_path: Path, embedder: Embedder
) -> None:
    src = tmp_path / "bad.jsonl"
    good = [json.dumps(r) for r in FIXTURE_ROWS[:6]]
    bad = [
        json.dumps({"title": "no id here"}),
        json.dumps({"id": "empty", "title": "", "body": ""}),
        json.dumps({"id": "date", "title": "x", "published_at": "the day after"}),
        json.dumps({**FIXTURE_ROWS[0], "title": "same id again"}),
    ]
    src.write_bytes(("\n".join(good + bad) + "\n").encode() + b'{"id": "u", "title": "\xff"}\n')
    report = build_into(src, tmp_path / "data", embedder)
    assert report.indexed == 6
    assert dict(report.skipped) == {
        "missing id": 1,
        "no text": 1,
        "bad date": 1,
        "duplicate id": 1,
        "unreadable": 1,
    }
    locations = [loc for loc, _ in report.problems]
    assert locations == [f"{src}:{n}" for n in range(7, 12)]
    assert "first at" in report.problems[3][1]


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_strict_mode_fails_and_keeps_the_previous_snapshot(
    data_dir_copy: Path, tmp_path: Path
) -> None:
    before = current_version(data_dir_copy)
    src = _write_jsonl(tmp_path / "a.jsonl", [*FIXTURE_ROWS, {"title": "no id"}])
    code, out = _cli("build", "--source", str(src), "--data-dir", str(data_dir_copy), "--strict")
    assert code == 2
    assert "strict mode: 1 bad records" in out and f"{src}:{len(FIXTURE_ROWS) + 1}" in out
    assert current_version(data_dir_copy) == before


@pytest.mark.parametrize("case", ["empty", "missing", "unwritable", "unknown"])
def test_unusable_input_is_a_one_line_error_with_status_2(
    case: str, data_dir_copy: Path, tmp_path: Path
) -> None:
    before = current_version(data_dir_copy)
    data_dir = data_dir_copy
    src = tmp_path / "a.jsonl"
    if case == "empty":
        src.write_text("\n")
        expected = "empty corpus"
    elif case == "missing":
        src = tmp_path / "nothing.jsonl"
        expected = "source not found"
    elif case == "unknown":
        src = tmp_path / "a.parquet"
        src.write_text("x")
        expected = "unknown source kind"
    else:
        _write_jsonl(src, FIXTURE_ROWS)
        blocker = tmp_path / "a-file"
        blocker.write_text("not a directory")
        data_dir = blocker / "data"
        expected = "not writable"
    code, out = _cli("build", "--source", str(src), "--data-dir", str(data_dir))
    assert code == 2
    assert out.startswith("error: ") and expected in out and out.count("\n") == 1
    assert current_version(data_dir_copy) == before


def test_build_killed_half_way_leaves_current_on_the_old_snapshot(
    data_dir_copy: Path, tmp_path: Path
) -> None:
    before = current_version(data_dir_copy)
    rows = [
        {**r, "id": f"{r['id']}-{n}", "body": f"{r['body']} Part {n}."}
        for n in range(100)
        for r in FIXTURE_ROWS
    ]
    src = _write_jsonl(tmp_path / "big.jsonl", rows)
    proc = subprocess.Popen(
        [MORELIKE, "build", "--source", str(src), "--data-dir", str(data_dir_copy)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    # Kill it while it is embedding: the model is loaded, 2,000 articles to go.
    for line in proc.stderr:
        if "loading embedding model" in line:
            break
    time.sleep(2)
    assert proc.poll() is None, "the build finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert current_version(data_dir_copy) == before
    assert load_current(data_dir_copy).count == len(FIXTURE_ROWS)
    assert list_versions(data_dir_copy) == [before]


def test_half_written_or_corrupt_snapshots_are_refused(data_dir_copy: Path) -> None:
    version = current_version(data_dir_copy)
    assert version
    path = snapshots_dir(data_dir_copy) / version
    broken = snapshots_dir(data_dir_copy) / "broken"
    shutil.copytree(path, broken)
    (broken / "manifest.json").unlink()
    with pytest.raises(SnapshotError, match="no manifest.json"):
        Snapshot(broken)
    manifest = json.loads((path / "manifest.json").read_text())
    (broken / "manifest.json").write_text(json.dumps({**manifest, "format_version": 99}))
    with pytest.raises(SnapshotError, match="format version 99"):
        Snapshot(broken)
    with (path / "vectors.npy").open("r+b") as fh:
        fh.seek(-4, os.SEEK_END)
        fh.write(b"\x00\x00\x80\x7f")
    code, out = _cli("verify", "--data-dir", str(data_dir_copy))
    assert code == 2 and "vectors.npy: checksum mismatch" in out
    with (path / "index.faiss").open("ab") as fh:
        fh.write(b"junk")
    with pytest.raises(SnapshotError, match="index.faiss has"):
        Snapshot(path)


def test_info_verify_and_rollback(data_dir_copy: Path, tmp_path: Path, embedder: Embedder) -> None:
    first = current_version(data_dir_copy)
    second = build_into(SMALL_CORPUS, data_dir_copy, embedder).version
    code, out = _cli("info", "--data-dir", str(data_dir_copy))
    assert code == 0 and json.loads(out)["version"] == second
    assert _cli("verify", "--data-dir", str(data_dir_copy)) == (0, f"{second}: ok\n")
    code, out = _cli("rollback", "--data-dir", str(data_dir_copy))
    assert code == 0 and current_version(data_dir_copy) == first
    code, out = _cli("rollback", "--data-dir", str(data_dir_copy))
    assert code == 2 and "no older snapshot" in out
    code, out = _cli("rollback", "--data-dir", str(data_dir_copy), "--to", second)
    assert code == 0 and current_version(data_dir_copy) == second


def test_old_snapshots_are_pruned_to_keep(data_dir_copy: Path, embedder: Embedder) -> None:
    for _ in range(3):
        build_into(SMALL_CORPUS, data_dir_copy, embedder, keep=2)
    versions = list_versions(data_dir_copy)
    assert len(versions) == 2 and current_version(data_dir_copy) == versions[-1]
