"""From a source article to the related list: the ranking pipeline.

`related(snapshot, source, ranking, now)` is the one entry point the HTTP layer
and `morelike eval` call. A `Source` is either an indexed article
(`source_from_row`) or text that is not indexed yet (`source_from_text`); a
`Ranking` is the request's fully specified settings (`settings.resolve`).

The steps, one module each:
1. `candidates`  filters (language, status, dates...) as a mask applied inside
                 FAISS, then the candidate pool
2. `duplicates`  drop the source's story, keep one article per story
3. `scoring`     hybrid dense + TF-IDF relevance, freshness decay per section
4. `floors`      what is similar and what is related, calibrated per snapshot
5. `diversity`   MMR among the similar items
6. `fallback`    fill: related by relevance, then by recency
"""

from service.ranking.base import (
    REASONS,
    RECENT,
    RELATED,
    SAME_SECTION_RECENT,
    SIMILAR,
    Item,
    Source,
    source_from_row,
    source_from_text,
)
from service.ranking.candidates import allowed_mask
from service.ranking.pipeline import related
from service.ranking.settings import Ranking, RankingOptions, RankingSettings, resolve

__all__ = [
    "REASONS",
    "RECENT",
    "RELATED",
    "SAME_SECTION_RECENT",
    "SIMILAR",
    "Item",
    "Ranking",
    "RankingOptions",
    "RankingSettings",
    "Source",
    "allowed_mask",
    "related",
    "resolve",
    "source_from_row",
    "source_from_text",
]
