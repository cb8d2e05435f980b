"""From a source article to the related list: the ranking pipeline.

`related(snapshot, source, params, now)` is the one entry point the HTTP layer
and `morelike eval` call. A `Source` is either an indexed article
(`source_from_row`) or text that is not indexed yet (`source_from_text`).

The steps, one module each:
1. `candidates`  filters as a mask applied inside FAISS, then the candidate pool
2. `duplicates`  drop the source's story, keep one article per story
3. `scoring`     hybrid dense + TF-IDF relevance; 4. freshness decay per section
5. language      the source's language unless asked (part of the mask)
6. `diversity`   MMR
7. `fallback`    `min_score`, then fill from same-section-recent and recent
"""

from service.ranking.base import (
    REASONS,
    RECENT,
    SAME_SECTION_RECENT,
    SIMILAR,
    Item,
    RankParams,
    Source,
    source_from_row,
    source_from_text,
)
from service.ranking.candidates import allowed_mask
from service.ranking.pipeline import default_settings, related

__all__ = [
    "REASONS",
    "RECENT",
    "SAME_SECTION_RECENT",
    "SIMILAR",
    "Item",
    "RankParams",
    "Source",
    "allowed_mask",
    "default_settings",
    "related",
    "source_from_row",
    "source_from_text",
]
