"""Step 4: what counts as similar, and as related at all, for this snapshot.

The floors are quantiles of the hybrid score between random pairs of articles
of the corpus (the build samples them per language, `indexer.calibrate`), with
the weights in force: "similar" is a relevance few random pairs reach
(`similar_quantile`), "related" one that a random pair reaches less often than
not (`related_quantile`). So one set of defaults serves a corpus of short wire
items whose neighbours sit at cosine 0.3 and one of near-identical press
releases at 0.9, and another model, without a cosine chosen on one fixture.
An absolute `min_score` (setting or request) replaces the `similar` floor.

A corpus too small to measure (fewer than `MIN_PAIRS` pairs) has no floors:
every candidate counts as similar.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indexer.calibrate import ALL
from service.ranking.base import Corpus, Source
from service.ranking.settings import Ranking
from service.ranking.view import view_of

MIN_PAIRS = 45  # ten articles


@dataclass(frozen=True)
class Floors:
    """Relevance floors: `similar` for the clearly similar, `related` for the fill."""

    similar: float
    related: float


def group_of(snapshot: Corpus, source: Source, ranking: Ranking) -> int:
    """The calibration group: the language the list is drawn from, else all languages."""
    language = ranking.language or source.language
    if not language or language == "any":
        return ALL
    return snapshot.code_of("language", language)


def calibrated(snapshot: Corpus, group: int, ranking: Ranking) -> Floors:
    """The floors from the snapshot's random pairs (cached per group and settings)."""
    settings = ranking.settings
    key = (group, settings.fingerprint)
    view = view_of(snapshot)
    known = view.floors.get(key)
    if known is not None:
        return known
    pairs = snapshot.calibration_pairs
    part = pairs[pairs["group"] == group]
    if len(part) < MIN_PAIRS and group != ALL:
        part = pairs[pairs["group"] == ALL]
    if len(part) < MIN_PAIRS:
        floors = Floors(0.0, 0.0)
    else:
        total = settings.dense_weight + settings.sparse_weight
        hybrid = (
            settings.dense_weight * part["dense"].astype(np.float64)
            + settings.sparse_weight * part["sparse"].astype(np.float64)
        ) / total
        similar, related = np.quantile(
            hybrid, [settings.similar_quantile, settings.related_quantile]
        )
        floors = Floors(float(similar), float(related))
    view.floors[key] = floors
    return floors


def floors_for(snapshot: Corpus, source: Source, ranking: Ranking) -> Floors:
    """The floors one request applies: calibrated, or the absolute `min_score` given."""
    floors = calibrated(snapshot, group_of(snapshot, source, ranking), ranking)
    if ranking.min_score is None:
        return floors
    return Floors(ranking.min_score, min(floors.related, ranking.min_score))
