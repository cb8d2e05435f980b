"""`morelike eval`: the metrics, the command, and the win on the sample corpus."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import service.cli as command_line
from indexer.embedder import Embedder
from indexer.snapshot import Snapshot, load_current
from service.cli import cli
from service.evaluate import Labels, evaluate, gains, has_duplicate, ndcg, table
from tests.conftest import SMALL_CORPUS


def _labels() -> Labels:
    # rows: 0 query (topic t, story s0); 1 and 2 copies of story s1; 3 the query's copy;
    # 4 other topic; 5 same topic but a draft
    return Labels(
        ids=[f"r{i}" for i in range(6)],
        topic=["t", "t", "t", "t", "u", "t"],
        story=["s0", "s1", "s1", "s0", "s4", "s5"],
        live=np.array([True, True, True, True, True, False]),
        language=np.zeros(6, dtype=np.int32),
        published=np.zeros(6),
    )


def test_gains_count_each_relevant_story_once() -> None:
    labels = _labels()
    assert gains(labels, 0, [1, 2, 3, 4, 5]) == [1, 0, 0, 0, 0]
    assert has_duplicate(labels, 0, [1, 2]) and has_duplicate(labels, 0, [3])
    assert not has_duplicate(labels, 0, [1, 4, 5])


def test_ndcg_is_one_for_the_ideal_list_and_rewards_rank() -> None:
    assert ndcg([1, 1, 0, 0], ideal_count=2, k=4) == pytest.approx(1.0)
    assert ndcg([0, 1, 1, 0], ideal_count=2, k=4) < ndcg([1, 0, 1, 0], ideal_count=2, k=4) < 1
    assert ndcg([0, 0, 0, 0], ideal_count=0, k=4) == 0.0


@pytest.fixture
def small(small_snapshot_dir: Path) -> Snapshot:
    return load_current(small_snapshot_dir)


def test_evaluate_scores_ours_and_both_baselines(small: Snapshot) -> None:
    result = evaluate(small, k=3)
    assert set(result["splits"]) == {"all"}  # the small corpus has no split labels
    systems = result["splits"]["all"]["systems"]
    assert set(systems) == {"morelike", "tfidf_mlt", "dense"}
    assert result["k"] == 3 and 0 < result["queries"] < small.count
    ours = systems["morelike"]
    assert ours["not_live_lists"] == 0 and ours["other_language_lists"] == 0
    # full but for the one German article, which has no other German article to show
    assert ours["duplicate_lists"] == 0 and ours["full_lists"] > 0.9
    assert systems["dense"]["not_live_lists"] > 0  # the baselines show drafts
    assert systems["dense"]["filler_slots"] == 0  # a baseline never fills
    lines = table(result).splitlines()
    assert lines[0].startswith("| system | nDCG@3") and len(lines) == 5
    neighbours = result["profile"]["neighbours_dense"]
    assert len(neighbours) == 4 and neighbours == sorted(neighbours, reverse=True)


def test_eval_command_builds_a_throwaway_snapshot(
    tmp_path: Path, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(command_line, "Embedder", lambda model=None: embedder)
    out = tmp_path / "result.json"
    result = CliRunner().invoke(
        cli, ["eval", "--source", str(SMALL_CORPUS), "--k", "3", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "| morelike" in result.output and "| tfidf_mlt" in result.output
    assert "neighbour cosine (median, 1st..4th): " in result.output
    data = json.loads(out.read_text())
    assert data["source"] == str(SMALL_CORPUS) and data["settings"]["mmr_lambda"] > 0
    missing = CliRunner().invoke(cli, ["eval", "--source", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code != 0


def test_defaults_beat_both_baselines_on_the_held_out_half(sample_snapshot: Snapshot) -> None:
    """The README's figures: on the test half, which no default was chosen on."""
    result = evaluate(sample_snapshot, k=4)
    assert {"all", "dev", "test"} <= set(result["splits"])
    held_out = result["splits"]["test"]
    ours, mlt, dense = (held_out["systems"][s] for s in ("morelike", "tfidf_mlt", "dense"))
    assert held_out["queries"] >= 100
    assert ours["duplicate_lists"] == 0 and ours["not_live_lists"] == 0
    assert ours["ndcg"] > mlt["ndcg"] and ours["ndcg"] > dense["ndcg"]
    assert ours["filler_slots_many"] <= 0.05  # articles with 4+ same-topic articles
    assert ours["other_language_lists"] == 0
    assert mlt["duplicate_lists"] > 0 and dense["duplicate_lists"] > 0
    everything = result["splits"]["all"]["systems"]["morelike"]
    assert everything["full_lists"] == 1.0
