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

Held-out evaluation: an article may carry `split` (the sample corpus labels
each topic `dev` or `test`). The whole corpus is indexed, as on a site, and the
figures are given for all queries and for each split's queries apart, so that
defaults chosen on `dev` can be judged on `test`. The corpus's neighbour
profile (from the manifest's calibration) is printed beside them.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np

from indexer.snapshot import STATUS_CODES, Snapshot
from service.ranking import SIMILAR, RankingSettings, related, resolve, source_from_row

logger = logging.getLogger(__name__)

DAY = 86_400.0
SYSTEMS = ("morelike", "tfidf_mlt", "dense")
ALL = "all"
MANY = 4  # queries with at least this many relevant stories: where filler is a failure

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
    split: list[str | None] = field(default_factory=list)


@dataclass
class QueryResult:
    """One system's list for one query, measured."""

    id: str
    language: str
    relevant: int  # relevant stories available
    ndcg: float
    hits: int
    duplicate: bool
    full: bool
    filler: int  # slots whose reason is not `similar`
    not_live: bool
    other_language: bool
    ages: list[float]


@dataclass
class Scores:
    """The figures of one system over a set of queries."""

    queries: int = 0
    ndcg: float = 0.0
    precision: float = 0.0
    duplicate_lists: float = 0.0
    full_lists: float = 0.0
    fallback_lists: float = 0.0
    filler_slots: float = 0.0
    filler_slots_many: float = 0.0  # for queries with >= MANY relevant stories
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
    extras = [m.get("extra") or {} for m in metas]
    return Labels(
        ids=[m["id"] for m in metas],
        topic=[e.get("topic") for e in extras],
        story=[str(e.get("story") or m["id"]) for e, m in zip(extras, metas, strict=True)],
        live=np.asarray(live, dtype=bool),
        language=np.asarray(cols["language"]),
        published=np.asarray(cols["published"], dtype=np.float64),
        split=[e.get("split") for e in extras],
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


def ours(settings: RankingSettings) -> Ranker:
    """The service's ranking with `settings` and no request overrides, as a system."""

    def rank(snapshot: Snapshot, row: int, k: int, now: float) -> list[tuple[int, str]]:
        ranking = resolve(settings, limit=k)
        items = related(snapshot, source_from_row(snapshot, row), ranking, now)
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


def run_system(
    snapshot: Snapshot, labels: Labels, queries: list[int], rank: Ranker, k: int, now: float
) -> list[QueryResult]:
    """One system's list for every query, measured."""
    out = []
    for q in queries:
        ranked = rank(snapshot, q, k, now)
        rows = [r for r, _ in ranked]
        gain = gains(labels, q, rows)
        relevant = len(relevant_stories(labels, q))
        out.append(
            QueryResult(
                id=labels.ids[q],
                language=snapshot.languages[labels.language[q]],
                relevant=relevant,
                ndcg=ndcg(gain, relevant, k),
                hits=sum(gain),
                duplicate=has_duplicate(labels, q, rows),
                full=len(rows) == k,
                filler=sum(reason != SIMILAR for _, reason in ranked),
                not_live=any(not labels.live[r] for r in rows),
                other_language=any(labels.language[r] != labels.language[q] for r in rows),
                ages=[(now - labels.published[r]) / DAY for r in rows if labels.published[r] > 0],
            )
        )
    return out


def _share(values: Sequence[float]) -> float:
    return round(float(np.mean(values)), 4) if len(values) else 0.0


def aggregate(results: Sequence[QueryResult], k: int) -> Scores:
    """The figures over a set of queries."""
    many = [r for r in results if r.relevant >= MANY]
    by_language: dict[str, list[float]] = {}
    for r in results:
        by_language.setdefault(r.language, []).append(r.ndcg)
    ages = [a for r in results for a in r.ages]
    return Scores(
        queries=len(results),
        ndcg=_share([r.ndcg for r in results]),
        precision=_share([r.hits / k for r in results]),
        duplicate_lists=_share([r.duplicate for r in results]),
        full_lists=_share([r.full for r in results]),
        fallback_lists=_share([r.filler > 0 for r in results]),
        filler_slots=_share([r.filler / k for r in results]),
        filler_slots_many=_share([r.filler / k for r in many]),
        not_live_lists=_share([r.not_live for r in results]),
        other_language_lists=_share([r.other_language for r in results]),
        mean_age_days=round(float(np.mean(ages)), 1) if ages else None,
        max_age_days=round(float(np.max(ages)), 1) if ages else None,
        ndcg_by_language={lang: _share(v) for lang, v in sorted(by_language.items())},
        per_query={r.id: round(r.ndcg, 4) for r in results},
    )


def same_topic_median(snapshot: Snapshot, labels: Labels) -> float | None:
    """Median embedding cosine of two articles of one topic (different stories)."""
    by_topic: dict[str, list[int]] = {}
    for row, topic in enumerate(labels.topic):
        if topic is not None:
            by_topic.setdefault(topic, []).append(row)
    values: list[np.ndarray] = []
    for rows in by_topic.values():
        vectors = np.asarray(snapshot.vectors[rows])
        upper = np.triu_indices(len(rows), 1)
        stories = np.asarray([labels.story[r] for r in rows])
        distinct = stories[upper[0]] != stories[upper[1]]
        values.append((vectors @ vectors.T)[upper][distinct])
    joined = np.concatenate(values) if values else np.zeros(0)
    return round(float(np.median(joined)), 4) if len(joined) else None


def profile(snapshot: Snapshot, labels: Labels) -> dict[str, Any]:
    """The corpus's neighbour profile and random pairs (the build's calibration)."""
    calibration = snapshot.manifest.get("calibration") or {}
    random = (calibration.get("random_pairs") or {}).get("all") or {}
    dense = random.get("dense") or {}
    return {
        "neighbours_dense": calibration.get("neighbours_dense") or [],
        "random_dense_mean": dense.get("mean"),
        "random_dense_std": dense.get("std"),
        "same_topic_dense_median": same_topic_median(snapshot, labels),
    }


def evaluate(
    snapshot: Snapshot,
    *,
    k: int = 4,
    now: float | None = None,
    config: RankingSettings | None = None,
) -> dict[str, Any]:
    """Score `morelike` and both baselines on one labeled snapshot; a JSON-ready dict.

    `splits` holds the figures for all queries (`all`) and for each split's.
    """
    now = default_now(snapshot) if now is None else now
    config = config or RankingSettings()
    labels = load_labels(snapshot, now)
    queries = [q for q in range(snapshot.count) if labels.live[q] and relevant_stories(labels, q)]
    systems: dict[str, Ranker] = {
        "morelike": ours(config),
        "tfidf_mlt": tfidf_mlt,
        "dense": dense_cosine,
    }
    runs = {
        name: run_system(snapshot, labels, queries, rank, k, now) for name, rank in systems.items()
    }
    names = [ALL] + sorted({str(labels.split[q]) for q in queries if labels.split[q]})
    splits: dict[str, Any] = {}
    for name in names:
        chosen = [i for i, q in enumerate(queries) if name == ALL or labels.split[q] == name]
        splits[name] = {
            "queries": len(chosen),
            "systems": {
                system: asdict(aggregate([results[i] for i in chosen], k))
                for system, results in runs.items()
            },
        }
    return {
        "k": k,
        "now": datetime.fromtimestamp(now, UTC).isoformat(),
        "articles": snapshot.count,
        "queries": len(queries),
        "profile": profile(snapshot, labels),
        "settings": config.model_dump(mode="json"),
        "splits": splits,
    }


COLUMNS = (
    ("system", "{:<10}", None),
    ("nDCG@{k}", "{:>7.3f}", "ndcg"),
    ("P@{k}", "{:>6.3f}", "precision"),
    ("dup lists", "{:>9.1%}", "duplicate_lists"),
    ("full", "{:>6.1%}", "full_lists"),
    ("filler", "{:>6.1%}", "filler_slots"),
    ("filler 4+", "{:>9.1%}", "filler_slots_many"),
    ("not live", "{:>8.1%}", "not_live_lists"),
    ("other lang", "{:>10.1%}", "other_language_lists"),
    ("mean age d", "{:>10}", "mean_age_days"),
    ("max age d", "{:>9}", "max_age_days"),
)


def table(result: dict[str, Any], split: str = ALL) -> str:
    """One split's figures as a Markdown table (for a terminal and a README)."""
    k = result["k"]
    heads = [title.format(k=k) for title, _, _ in COLUMNS]
    lines = ["| " + " | ".join(heads) + " |", "|" + "|".join("---" for _ in heads) + "|"]
    for name, scores in result["splits"][split]["systems"].items():
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


def describe_profile(found: dict[str, Any]) -> str:
    """One line: median cosine of the 1st..4th neighbour, and of random pairs."""
    neighbours = " / ".join(f"{v:.2f}" for v in found["neighbours_dense"]) or "-"
    mean, std = found["random_dense_mean"], found["random_dense_std"]
    random = f"{mean:.2f} +- {std:.2f}" if mean is not None and std is not None else "-"
    topic = found.get("same_topic_dense_median")
    same = f"; same-topic pairs (median): {topic:.2f}" if topic is not None else ""
    return f"neighbour cosine (median, 1st..4th): {neighbours}; random pairs: {random}{same}"


def parse_now(value: str | None) -> float | None:
    """An ISO 8601 date or time as epoch seconds (UTC when no zone is given)."""
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()
