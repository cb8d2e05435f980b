"""Step 7: fill a short list, each item saying why it is there.

When fewer than `limit` articles are clearly similar, the next slots go to the
most related of the rest (`related`): articles that beat most random pairs
(the calibrated `related` floor), the source's section's recent articles first
and then site-wide, each ordered by relevance with recency as a prior. So a
weakly related article is never placed below an unrelated one. Only what is
left after that, articles indistinguishable from random pairs, is chosen by
recency: the newest of the source's section within a window
(`same_section_recent`), then the newest site-wide (`recent`).

Every fill respects every filter of the request (the same mask as the similar
items) and never repeats a story already in the list or the source's own story.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from indexer.snapshot.lead import lead_similarity
from service.ranking.base import DAY, RECENT, RELATED, SAME_SECTION_RECENT, Corpus, Item, Source
from service.ranking.candidates import gather
from service.ranking.duplicates import LEAD_GATE, source_lead
from service.ranking.floors import Floors
from service.ranking.scoring import Pool, decay_of, hybrid, relevance
from service.ranking.settings import Ranking, RankingSettings
from service.ranking.view import SnapshotView, view_of

SCAN_CHUNK = 2048
FILL_BATCH = 16


def newest_first(
    view: SnapshotView, mask: np.ndarray, since: float | None, section: int | None
) -> Iterator[np.ndarray]:
    """Allowed rows (of `section` when given), newest first, in small batches.

    Scans the rows in recency order a chunk at a time, so a site-wide fallback
    touches a few thousand rows, not the whole corpus; stops at rows older than
    `since` when given.
    """
    order = view.by_recency
    for start in range(0, len(order), SCAN_CHUNK):
        part = order[start : start + SCAN_CHUNK]
        ok = mask[part]
        if since is not None:
            recent = view.published[part] >= since
            if not recent.any():
                return
            ok &= recent
        if section is not None:
            ok &= view.section[part] == section
        rows = part[ok]
        for i in range(0, len(rows), FILL_BATCH):
            yield rows[i : i + FILL_BATCH]


class _Shown:
    """The stories already in the list and the source's: keys, vectors and leads."""

    def __init__(self, snapshot: Corpus, source: Source, items: list[Item]) -> None:
        self.snapshot = snapshot
        self.view = view_of(snapshot)
        rows = np.asarray([i.row for i in items], dtype=np.int64)
        self.rows = set(rows.tolist())
        self.keys = set(self.view.title_key[rows].tolist()) | set(self.view.url_key[rows].tolist())
        self.keys.discard(0)
        self.vectors = np.vstack(
            [np.asarray(source.vector, dtype=np.float32)[None, :], snapshot.vectors[rows]]
        ).astype(np.float32)
        self.source = source
        # leads are looked up only when a candidate comes close to a shown story
        self.leads: list[np.ndarray | None] = [None] * (1 + len(rows))
        self.lead_rows: list[int | None] = [None, *rows.tolist()]

    def _lead(self, i: int) -> np.ndarray | None:
        if self.leads[i] is None:
            row = self.lead_rows[i]
            if row is None:
                self.leads[i] = source_lead(self.snapshot, self.source)
            else:
                self.leads[i] = self.view.leads_of(np.asarray([row]))[0]
        return self.leads[i]

    def repeats(self, row: int, keys: set[int], config: RankingSettings) -> bool:
        """True when `row` is a story already shown (or the source's)."""
        if keys & self.keys:
            return True
        vector = np.asarray(self.snapshot.vectors[row], dtype=np.float32)
        dense = self.vectors @ vector
        if float(dense.max()) >= config.duplicate_similarity:
            return True
        for i in np.flatnonzero(dense >= LEAD_GATE):
            lead = self._lead(int(i))
            if lead is None:
                continue
            other = self.view.leads_of(np.asarray([row]))
            if lead_similarity(lead, other)[0, 0] >= config.duplicate_lead:
                return True
        return False

    def add(self, row: int, keys: set[int]) -> None:
        """Record one more shown story."""
        self.rows.add(row)
        self.keys |= keys
        vector = np.asarray(self.snapshot.vectors[row], dtype=np.float32)
        self.vectors = np.vstack([self.vectors, vector[None, :]])
        self.leads.append(None)
        self.lead_rows.append(row)


def _scope(snapshot: Corpus, source: Source, ranking: Ranking, now: float) -> tuple[int, float]:
    """The source's section code (-1 when it has none) and the start of the recent window."""
    code = snapshot.code_of("section", source.section) if source.section else -1
    return code, now - ranking.settings.fallback_section_days * DAY


def _scoped_extra(
    snapshot: Corpus,
    source: Source,
    ranking: Ranking,
    now: float,
    mask: np.ndarray,
    pool: Pool,
    need: int,
) -> Pool | None:
    """The section's recent articles nearest the source that the pool did not reach."""
    code, since = _scope(snapshot, source, ranking, now)
    if code < 0:
        return None
    view = view_of(snapshot)
    scope = mask & (view.section == code) & (view.published >= since)
    scope[pool.c.rows] = False
    if not scope.any():
        return None
    rows, _ = snapshot.search(source.vector, max(16, 4 * need), allowed=scope)
    if not len(rows):
        return None
    c = gather(snapshot, source, rows)
    settings = ranking.settings
    score = relevance(snapshot, c, hybrid(c.dense, c.sparse, settings), settings, pool.anchors)
    return Pool(c, score, decay_of(snapshot, rows, ranking, now), pool.anchors)


def fill_related(
    snapshot: Corpus,
    source: Source,
    ranking: Ranking,
    now: float,
    mask: np.ndarray,
    pool: Pool,
    floors: Floors,
    items: list[Item],
) -> list[Item]:
    """Weakly related articles for the free slots: in-section recent first, by relevance."""
    need = ranking.limit - len(items)
    if need <= 0:
        return []
    view = view_of(snapshot)
    code, since = _scope(snapshot, source, ranking, now)
    taken = {i.row for i in items}
    tiers: list[list[tuple[float, Pool, int]]] = [[], []]
    in_scope = 0
    for i in np.flatnonzero(pool.relevance >= floors.related).tolist():
        row = int(pool.c.rows[i])
        if row in taken:
            continue
        scoped = code >= 0 and view.section[row] == code and view.published[row] >= since
        in_scope += bool(scoped)
        tiers[0 if scoped else 1].append((float(pool.scores[i]), pool, i))
    if in_scope < need:
        extra = _scoped_extra(snapshot, source, ranking, now, mask, pool, need)
        if extra is not None:
            for i in np.flatnonzero(extra.relevance >= floors.related).tolist():
                tiers[0].append((float(extra.scores[i]), extra, i))
    shown = _Shown(snapshot, source, items)
    out: list[Item] = []
    for tier in tiers:
        for _, part, i in sorted(tier, key=lambda t: -t[0]):
            row = int(part.c.rows[i])
            keys = {int(view.title_key[row]), int(view.url_key[row])} - {0}
            if row in shown.rows or shown.repeats(row, keys, ranking.settings):
                continue
            out.append(part.item(i, RELATED))
            shown.add(row, keys)
            if len(out) >= need:
                return out
    return out


def fill_recent(
    snapshot: Corpus,
    source: Source,
    mask: np.ndarray,
    items: list[Item],
    ranking: Ranking,
    now: float,
) -> list[Item]:
    """The newest articles for the slots still free: the section's recent ones, then site-wide."""
    limit = ranking.limit
    config = ranking.settings
    if len(items) >= limit:
        return []
    view = view_of(snapshot)
    shown = _Shown(snapshot, source, items)
    chain: list[tuple[str, int | None, float | None]] = []
    code, since = _scope(snapshot, source, ranking, now)
    if code >= 0:
        chain.append((SAME_SECTION_RECENT, code, since))
    chain.append((RECENT, None, None))
    out: list[Item] = []
    for reason, section, start in chain:
        for rows in newest_first(view, mask, start, section):
            c = gather(snapshot, source, rows)
            scores = hybrid(c.dense, c.sparse, config)
            for row, score in zip(rows.tolist(), scores.tolist(), strict=True):
                keys = {int(view.title_key[row]), int(view.url_key[row])} - {0}
                if row in shown.rows or shown.repeats(row, keys, config):
                    continue
                out.append(Item(row, score, reason, {"similarity": score}))
                shown.add(row, keys)
                if len(items) + len(out) >= limit:
                    return out
    return out
