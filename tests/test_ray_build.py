"""`morelike build --ray` against a real Ray cluster started on this machine.

A head (no CPUs) and two worker nodes of one CPU each, every node a `ray start`
in a process group of its own (`tests/raycluster.py`); the build runs as the
real CLI in a subprocess. A build through the cluster, which cleans and embeds
there, gives the same cleaned texts, articles, vectors and related lists as a
local build; the embedding cache is honoured; a worker node killed mid-build
does not stop the build; an unreachable head is a one-line error with status 2
that leaves `CURRENT` alone. The cluster is stopped when the module's tests are
done.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from indexer.articles import parse_record
from indexer.build import CACHE_FILE
from indexer.clean import CleanRules, rule_lines
from indexer.distributed import clean_on_ray
from indexer.embedder import Embedder
from indexer.snapshot import Snapshot, current_version, load_current, read_manifest
from indexer.sync import SYNC_FILE
from tests.conftest import SAMPLE_CORPUS, build_into
from tests.raycluster import LocalRayCluster, free_port

MORELIKE = str(Path(sys.executable).parent / "morelike")
BUILD_TIMEOUT = 300
K = 5
BATCH = 8  # articles per Ray task: several tasks per node on a small corpus
KILL_CORPUS = 160


def _slice(path: Path, rows: list[str]) -> Path:
    path.write_text("".join(rows))
    return path


@pytest.fixture(scope="module")
def sample_rows() -> list[str]:
    return SAMPLE_CORPUS.read_text().splitlines(keepends=True)


def _is_html(row: str) -> bool:
    return "<p" in json.loads(row)["body"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, sample_rows: list[str]) -> Path:
    """48 articles from every section of the sample corpus, 16 of them HTML pages."""
    html = [row for row in sample_rows if _is_html(row)][:16]
    assert len(html) == 16
    chosen = set(html) | set([row for row in sample_rows[::5] if row not in html][:32])
    rows = [row for row in sample_rows if row in chosen]  # in corpus order
    return _slice(tmp_path_factory.mktemp("ray-corpus") / "articles.jsonl", rows)


@pytest.fixture(scope="module")
def local_dir(tmp_path_factory: pytest.TempPathFactory, corpus: Path, embedder: Embedder) -> Path:
    """The corpus built locally, in this process: what the cluster's builds must equal."""
    data_dir = tmp_path_factory.mktemp("ray-local")
    build_into(corpus, data_dir, embedder, doc_batch=BATCH)
    return data_dir


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalRayCluster]:
    ray_cluster = LocalRayCluster(workers=2, cpus_per_worker=1)
    try:
        yield ray_cluster.start()
    finally:
        ray_cluster.stop()


def _build(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [MORELIKE, "build", "--no-progress", "--doc-batch", str(BATCH), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=BUILD_TIMEOUT)
    return proc.returncode, out, err


def _related(snap: Snapshot) -> dict[str, list[tuple[str, float]]]:
    """Each article's K nearest others (id, score), from the snapshot's FAISS index."""
    ids = [a["id"] for a in snap.articles_at(list(range(snap.count)))]
    lists = {}
    for row, article_id in enumerate(ids):
        rows, scores = snap.search(np.asarray(snap.vectors[row]), K + 1)
        lists[article_id] = [
            (ids[r], float(s)) for s, r in zip(scores, rows, strict=True) if r != row and r >= 0
        ][:K]
    return lists


def _same_lists(a: list[tuple[str, float]], b: list[tuple[str, float]]) -> bool:
    """The same ids in the same order, but for neighbours tied within float noise."""
    if [i for i, _ in a] == [i for i, _ in b]:
        return True
    return np.allclose([s for _, s in a], [s for _, s in b], atol=1e-4)


def test_build_through_ray_equals_a_local_build(
    cluster: LocalRayCluster, local_dir: Path, corpus: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    code, out, err = _finish(
        _build(
            *("--ray", cluster.address, "--ray-nodes", "2"),
            *("--source", str(corpus), "--data-dir", str(data_dir)),
        )
    )
    assert code == 0, err[-3000:]
    assert "embedded 48, reused from cache 0" in out
    node_lines = [line for line in out.splitlines() if line.startswith("  node ")]
    assert len(node_lines) == 2, out  # both worker nodes embedded, the head (no CPUs) none

    local, remote = load_current(local_dir), load_current(data_dir)
    try:
        local_ids = [a["id"] for a in local.articles_at(list(range(local.count)))]
        remote_ids = [a["id"] for a in remote.articles_at(list(range(remote.count)))]
        assert remote_ids == local_ids
        # The same batches as the local build (an int8 runtime's scales are per batch):
        # equal but for float noise.
        np.testing.assert_allclose(np.asarray(remote.vectors), np.asarray(local.vectors), atol=1e-4)
        local_lists, remote_lists = _related(local), _related(remote)
        assert local_lists.keys() == remote_lists.keys()
        for article_id, expected in local_lists.items():
            assert _same_lists(remote_lists[article_id], expected), article_id
    finally:
        local.close()
        remote.close()

    # The same cleaned text: per article, its lines before the corpus-wide step
    # (the sync state's hashes); per corpus, the texts embedded (the cache's keys).
    assert _line_hashes(data_dir) == _line_hashes(local_dir)
    assert _cached_hashes(data_dir) == _cached_hashes(local_dir)

    manifest = read_manifest(data_dir / "snapshots" / str(current_version(data_dir)))
    figures = manifest["cluster"]
    assert figures["engine"] == "ray" and figures["address"] == cluster.address
    assert sum(n["articles"] for n in figures["nodes"]) == 48
    assert sum(n["cleaned"] for n in figures["nodes"]) == 48
    for node in figures["nodes"]:  # both stages ran on both worker nodes
        assert node["cpus"] == 1
        assert node["articles_per_second"] > 0 and node["cleaned_per_second"] > 0, node
    assert manifest["counts"]["embedded"] == 48


def _line_hashes(data_dir: Path) -> dict[str, str]:
    """Article id -> hash of its fields and cleaned lines, as the build left them for sync."""
    with sqlite3.connect(data_dir / SYNC_FILE) as db:
        return dict(db.execute("SELECT id, hash FROM seen"))


def _cached_hashes(data_dir: Path) -> set[str]:
    """The content hashes (title and cleaned text) the embedding cache holds."""
    with sqlite3.connect(data_dir / CACHE_FILE) as db:
        return {row[0] for row in db.execute("SELECT content_hash FROM embeddings")}


def test_cleaning_on_ray_gives_the_local_lines(cluster: LocalRayCluster, corpus: Path) -> None:
    articles = [parse_record(json.loads(line)) for line in corpus.read_text().splitlines()]
    docs = [(a.body, a.title) for a in articles]
    rules = CleanRules()
    lines, figures = clean_on_ray(docs, cluster.address, rules, batch=5)
    assert lines == [rule_lines(body, rules, title) for body, title in docs]
    assert sum(1 for a in articles if "<p" in a.body) == 16  # trafilatura ran remotely
    cleaned = {n.node: n.cleaned for n in figures.nodes.values()}
    assert sum(cleaned.values()) == 48 and len(cleaned) == 2, cleaned
    assert all(n.clean_batches >= 1 and n.cpus == 1 for n in figures.nodes.values())


def test_ray_build_embeds_only_new_and_changed_articles(
    cluster: LocalRayCluster, local_dir: Path, corpus: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(local_dir, data_dir)
    rows = [json.loads(line) for line in corpus.read_text().splitlines()]
    for row in rows[:3]:
        row["body"] += " Ein neuer Absatz zum Schluss, nachträglich ergänzt."
    changed = tmp_path / "changed.jsonl"
    changed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    code, out, err = _finish(
        _build("--ray", cluster.address, "--source", str(changed), "--data-dir", str(data_dir))
    )
    assert code == 0, err[-3000:]
    assert "embedded 3, reused from cache 45" in out
    assert sum(int(line.split()[2]) for line in out.splitlines() if line.startswith("  node ")) == 3


def test_unreachable_head_is_a_one_line_error_and_current_stays(
    local_dir: Path, corpus: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(local_dir, data_dir)
    before = current_version(data_dir)
    address = f"127.0.0.1:{free_port()}"
    started = time.monotonic()
    code, out, err = _finish(
        _build("--ray", address, "--source", str(corpus), "--data-dir", str(data_dir))
    )
    assert code == 2
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert address in err and "unreachable" in err
    assert time.monotonic() - started < 60
    assert current_version(data_dir) == before
    assert out == ""


def test_two_batches_go_to_both_nodes_in_both_stages(
    cluster: LocalRayCluster, sample_rows: list[str], tmp_path: Path
) -> None:
    # As the compose example's job: started beside its workers, waiting for both,
    # with fewer batches than the cluster has room for. Each node gets one batch
    # in each stage, not one node both (and the other a spare copy, or nothing).
    corpus = _slice(tmp_path / "articles.jsonl", sample_rows[: 2 * BATCH])
    data_dir = tmp_path / "data"
    code, out, err = _finish(
        _build(
            *("--ray", cluster.address, "--ray-nodes", "2"),
            *("--source", str(corpus), "--data-dir", str(data_dir)),
        )
    )
    assert code == 0, err[-3000:]
    manifest = read_manifest(data_dir / "snapshots" / str(current_version(data_dir)))
    nodes = manifest["cluster"]["nodes"]
    assert sorted((n["cleaned"], n["articles"]) for n in nodes) == [(BATCH, BATCH)] * 2, nodes


def test_too_few_nodes_is_a_one_line_error_and_current_stays(
    cluster: LocalRayCluster, local_dir: Path, corpus: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(local_dir, data_dir)
    before = current_version(data_dir)
    code, out, err = _finish(
        _build(
            *("--ray", cluster.address, "--ray-nodes", "3", "--ray-wait", "2"),
            *("--source", str(corpus), "--data-dir", str(data_dir)),
        )
    )
    assert code == 2, err[-3000:]
    # The wait is logged as it goes; the failure is one line, the last.
    assert "ray: 2 of 3 nodes with CPUs joined, waiting" in err
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert errors == ["error: only 2 of 3 Ray nodes with CPUs joined within 2 s"], err
    assert err.splitlines()[-1] == errors[0]
    assert current_version(data_dir) == before
    assert out == ""


def _cached(data_dir: Path) -> int:
    try:
        with sqlite3.connect(data_dir / CACHE_FILE, timeout=1) as db:
            return int(db.execute("SELECT count(*) FROM embeddings").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_worker_node_killed_mid_build_still_completes(
    cluster: LocalRayCluster, sample_rows: list[str], tmp_path: Path
) -> None:
    # Enough batches that the other node is still busy when the loss is detected
    # (a few seconds): its batches are then retried, not only raced by a spare copy.
    corpus = _slice(tmp_path / "articles.jsonl", sample_rows[1::2][:KILL_CORPUS])
    data_dir = tmp_path / "data"
    proc = _build("--ray", cluster.address, "--source", str(corpus), "--data-dir", str(data_dir))
    try:
        deadline = time.monotonic() + BUILD_TIMEOUT
        while _cached(data_dir) == 0:  # the first batch is back: both nodes are embedding
            assert proc.poll() is None, proc.communicate()[1][-3000:]
            assert time.monotonic() < deadline, "no batch came back"
            time.sleep(0.2)
        assert _cached(data_dir) < KILL_CORPUS, "the build finished before a node was killed"
        cluster.kill_worker(0)
        code, out, err = _finish(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
        cluster.add_worker()  # two worker nodes again for whatever runs next
    assert code == 0, err[-3000:]
    assert f"embedded {KILL_CORPUS}, reused from cache 0" in out
    assert "(lost)" in out, out  # the killed node's batches were embedded elsewhere
    retried = re.search(r"(\d+) batches retried", out)
    assert retried and int(retried.group(1)) >= 1, out
    snap = load_current(data_dir)
    try:
        assert snap.count == KILL_CORPUS
    finally:
        snap.close()
    expected = [json.loads(line)["id"] for line in corpus.read_text().splitlines()]
    assert sorted(expected) == sorted(a["id"] for a in _articles(data_dir))


def _articles(data_dir: Path) -> list[dict[str, object]]:
    snap = load_current(data_dir)
    try:
        return snap.articles_at(list(range(snap.count)))
    finally:
        snap.close()
