"""`morelike eval`: score the service's own ranking against two baselines on labeled data.

Labels are extra fields of the articles: `topic` (articles that should be
related) and `story` (copies of one story that must never appear together).
For every query article, each system produces a list of `k`:

- `morelike`: `service.ranking.related` itself, with the given settings;
- `tfidf_mlt`: TF-IDF cosine over the snapshot's term matrix, the way a search
  engine's more-like-this query ranks, excluding only the article itself;
- `dense`: plain embedding cosine, excluding only the article itself.

An item is relevant when it shares the query's topic, is live (published, not
expired, not embargoed), is not a copy of the query's own story and is not a
story already shown higher in the list. Queries are the live articles, of any
language, that have at least one relevant article. Ages are relative to a
fixed `now`: by default the newest publication time among live articles.
"""

from __future__ import annotations

import json
import logging
import math
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
import numpy as np

from indexer.build import BuildError, BuildOptions, build
from indexer.embedder import Embedder
from indexer.snapshot import STATUS_CODES, Snapshot, load_current
from service.rankconfig import RankingSettings
from service.ranking import SIMILAR, RankParams, related, source_from_row

logger = logging.getLogger(__name__)

DAY = 86_400.0
SYSTEMS = ("morelike", "tfidf_mlt", "dense")

# A system: (snapshot, query row, k, now) -> [(row, reason)], best first.
Ranker = Callable[[Snapshot, int, int, float], list[tuple[int, str]]]


@dataclass(frozen=True)
class Labels:
    """Per-row labels and liveness of a snapshot's articles."""

    ids: list[str]
    topic: list[str | None]
    story: list[str]
    live: np.ndarray  # bool: published, not expired, not embargoed at `now`
    language: np.ndarray
    published: np.ndarray


@dataclass
class Scores:
    """The figures of one system over all queries."""

    ndcg: float = 0.0
    precision: float = 0.0
    duplicate_lists: float = 0.0
    full_lists: float = 0.0
    fallback_lists: float = 0.0
    not_live_lists: float = 0.0
    other_language_lists: float = 0.0
    mean_age_days: float | None = None
    max_age_days: float | None = None
    ndcg_by_language: dict[str, float] = field(default_factory=dict)
    per_query: dict[str, float] = field(default_factory=dict, repr=False)


def default_now(snapshot: Snapshot) -> float:
    """The newest publication time among published articles."""
    cols = snapshot.columns
    published = cols["published"][cols["status"] == STATUS_CODES["published"]]
    return float(published.max()) if len(published) else 0.0


def load_labels(snapshot: Snapshot, now: float) -> Labels:
    """Topic and story of every row (story defaults to the article id)."""
    metas = snapshot.articles_at(list(range(snapshot.count)))
    cols = snapshot.columns
    live = (cols["status"] == STATUS_CODES["published"]) & (cols["published"] <= now)
    live &= (cols["expires"] == 0) | (cols["expires"] > now)
    return Labels(
        ids=[m["id"] for m in metas],
        topic=[(m.get("extra") or {}).get("topic") for m in metas],
        story=[str((m.get("extra") or {}).get("story") or m["id"]) for m in metas],
        live=np.asarray(live, dtype=bool),
        language=np.asarray(cols["language"]),
        published=np.asarray(cols["published"], dtype=np.float64),
    )


def relevant_stories(labels: Labels, query: int) -> set[str]:
    """Stories that would count as relevant for `query`."""
    topic = labels.topic[query]
    if topic is None:
        return set()
    own = labels.story[query]
    return {
        labels.story[r]
        for r in range(len(labels.ids))
        if r != query and labels.live[r] and labels.topic[r] == topic and labels.story[r] != own
    }


def gains(labels: Labels, query: int, rows: Sequence[int]) -> list[int]:
    """1 for each relevant item not repeating a story shown above it, else 0."""
    topic, own = labels.topic[query], labels.story[query]
    seen: set[str] = set()
    out = []
    for r in rows:
        story = labels.story[r]
        ok = topic is not None and labels.live[r] and labels.topic[r] == topic
        ok = ok and story != own and story not in seen
        out.append(int(ok))
        seen.add(story)
    return out


def ndcg(gain: Sequence[int], ideal_count: int, k: int) -> float:
    """Binary nDCG@k with `ideal_count` relevant stories available."""
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gain[:k]))
    idcg = sum(1 / math.log2(i + 2) for i in range(min(k, ideal_count)))
    return dcg / idcg if idcg else 0.0


def has_duplicate(labels: Labels, query: int, rows: Sequence[int]) -> bool:
    """True when a story appears twice, or the query's own story appears, in the list."""
    stories = [labels.story[r] for r in rows]
    return len(set(stories)) < len(stories) or labels.story[query] in stories


def ours(config: RankingSettings) -> Ranker:
    """The service's ranking with `config`, as a system."""

    def rank(snapshot: Snapshot, row: int, k: int, now: float) -> list[tuple[int, str]]:
        items = related(snapshot, source_from_row(snapshot, row), RankParams(limit=k), now, config)
        return [(i.row, i.reason) for i in items]

    return rank


def _top_excluding(scores: np.ndarray, row: int, k: int) -> list[tuple[int, str]]:
    scores = np.asarray(scores, dtype=np.float64).copy()
    scores[row] = -np.inf
    order = np.argsort(-scores, kind="stable")[:k]
    return [(int(r), SIMILAR) for r in order]


def tfidf_mlt(snapshot: Snapshot, row: int, k: int, now: float) -> list[tuple[int, str]]:
    """Baseline: TF-IDF cosine over the term matrix, excluding only the article."""
    matrix = snapshot.term_matrix
    scores = np.asarray((matrix @ matrix[row].T).todense()).ravel()
    return _top_excluding(scores, row, k)


def dense_cosine(snapshot: Snapshot, row: int, k: int, now: float) -> list[tuple[int, str]]:
    """Baseline: embedding cosine, excluding only the article."""
    vectors = np.asarray(snapshot.vectors)
    return _top_excluding(vectors @ vectors[row], row, k)


def score_system(
    snapshot: Snapshot, labels: Labels, queries: list[int], rank: Ranker, k: int, now: float
) -> Scores:
    """Run one system over the queries and aggregate the figures."""
    out = Scores()
    ages: list[float] = []
    by_language: dict[str, list[float]] = {}
    for q in queries:
        ranked = rank(snapshot, q, k, now)
        rows = [r for r, _ in ranked]
        value = ndcg(gains(labels, q, rows), len(relevant_stories(labels, q)), k)
        out.per_query[labels.ids[q]] = round(value, 4)
        out.ndcg += value
        by_language.setdefault(snapshot.languages[labels.language[q]], []).append(value)
        out.precision += sum(gains(labels, q, rows)) / k
        out.duplicate_lists += has_duplicate(labels, q, rows)
        out.full_lists += len(rows) == k
        out.fallback_lists += any(reason != SIMILAR for _, reason in ranked)
        out.not_live_lists += any(not labels.live[r] for r in rows)
        out.other_language_lists += any(labels.language[r] != labels.language[q] for r in rows)
        ages += [(now - labels.published[r]) / DAY for r in rows if labels.published[r] > 0]
    n = max(len(queries), 1)
    for name in (
        "ndcg",
        "precision",
        "duplicate_lists",
        "full_lists",
        "fallback_lists",
        "not_live_lists",
        "other_language_lists",
    ):
        setattr(out, name, round(getattr(out, name) / n, 4))
    out.ndcg_by_language = {lang: round(float(np.mean(v)), 4) for lang, v in by_language.items()}
    if ages:
        out.mean_age_days = round(float(np.mean(ages)), 1)
        out.max_age_days = round(float(np.max(ages)), 1)
    return out


def evaluate(
    snapshot: Snapshot,
    *,
    k: int = 4,
    now: float | None = None,
    config: RankingSettings | None = None,
) -> dict[str, Any]:
    """Score `morelike` and both baselines on one labeled snapshot; a JSON-ready dict."""
    now = default_now(snapshot) if now is None else now
    config = config or RankingSettings()
    labels = load_labels(snapshot, now)
    queries = [q for q in range(snapshot.count) if labels.live[q] and relevant_stories(labels, q)]
    systems: dict[str, Ranker] = {
        "morelike": ours(config),
        "tfidf_mlt": tfidf_mlt,
        "dense": dense_cosine,
    }
    results = {
        name: score_system(snapshot, labels, queries, rank, k, now)
        for name, rank in systems.items()
    }
    return {
        "k": k,
        "now": datetime.fromtimestamp(now, UTC).isoformat(),
        "articles": snapshot.count,
        "queries": len(queries),
        "settings": config.model_dump(),
        "systems": {name: asdict(scores) for name, scores in results.items()},
    }


COLUMNS = (
    ("system", "{:<10}", None),
    ("nDCG@{k}", "{:>7.3f}", "ndcg"),
    ("P@{k}", "{:>6.3f}", "precision"),
    ("dup lists", "{:>9.1%}", "duplicate_lists"),
    ("full", "{:>6.1%}", "full_lists"),
    ("fallback", "{:>8.1%}", "fallback_lists"),
    ("not live", "{:>8.1%}", "not_live_lists"),
    ("other lang", "{:>10.1%}", "other_language_lists"),
    ("mean age d", "{:>10}", "mean_age_days"),
    ("max age d", "{:>9}", "max_age_days"),
)


def table(result: dict[str, Any]) -> str:
    """The result as a Markdown table (prints well in a terminal and pastes into a README)."""
    k = result["k"]
    heads = [title.format(k=k) for title, _, _ in COLUMNS]
    lines = ["| " + " | ".join(heads) + " |", "|" + "|".join("---" for _ in heads) + "|"]
    for name, scores in result["systems"].items():
        cells = []
        for title, fmt, key in COLUMNS:
            if key is None:
                cells.append(fmt.format(name))
                continue
            value = scores[key]
            if value is None:
                cells.append("-".rjust(len(title)))
            elif key.endswith("_days"):
                cells.append(fmt.format(f"{value:.0f}"))
            else:
                cells.append(fmt.format(value))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def parse_now(value: str | None) -> float | None:
    """An ISO 8601 date or time as epoch seconds (UTC when no zone is given)."""
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


@click.command("eval")
@click.option(
    "--source",
    required=True,
    type=click.Path(exists=True, dir_okay=True, path_type=Path),
    help="Labeled articles (JSONL with `topic` and `story` fields).",
)
@click.option("--k", "k", default=4, show_default=True, type=click.IntRange(1, 50))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write JSON here.")
@click.option("--now", "now_text", default=None, help="Fixed now (ISO 8601; default: newest).")
@click.option("--model", envvar="MORELIKE_MODEL", default=None, help="Local model directory.")
def eval_cmd(
    source: Path, k: int, out: Path | None, now_text: str | None, model: str | None
) -> None:
    """Score the ranking and two baselines on labeled articles (a throw-away snapshot).

    Ranking settings come from MORELIKE_RANK_* variables, like the service's.
    """
    try:
        now = parse_now(now_text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--now") from exc
    with tempfile.TemporaryDirectory(prefix="morelike-eval-") as tmp:
        try:
            build(
                BuildOptions(source=source, data_dir=Path(tmp), progress=sys.stderr.isatty()),
                Embedder(model),
            )
        except BuildError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        snapshot = load_current(Path(tmp))
        try:
            result = evaluate(snapshot, k=k, now=now)
        finally:
            snapshot.close()
    result["source"] = str(source)
    click.echo(
        f"{result['queries']} queries over {result['articles']} articles, now {result['now']}"
    )
    click.echo(table(result))
    if out is not None:
        out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")
        click.echo(f"wrote {out}")
