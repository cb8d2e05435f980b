"""Step 7b: fill a short list from the fallback chain, each item saying why it is there.

The chain: the newest articles of the source's section within a window
(`same_section_recent`), then the newest articles site-wide (`recent`). Both
respect every filter of the request (the same mask as the similar items) and
never repeat a story already in the list or the source's own story.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from indexer.snapshot import Snapshot
from service.rankconfig import RankingSettings
from service.ranking.base import DAY, RECENT, SAME_SECTION_RECENT, Item, Source
from service.ranking.candidates import gather
from service.ranking.duplicates import LEAD_GATE, source_lead
from service.ranking.lead import lead_similarity
from service.ranking.scoring import hybrid
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

    def __init__(self, snapshot: Snapshot, source: Source, items: list[Item]) -> None:
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
                self.leads[i] = self.view.leads_of(self.snapshot, np.asarray([row]))[0]
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
            other = self.view.leads_of(self.snapshot, np.asarray([row]))
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


def fill(
    snapshot: Snapshot,
    source: Source,
    mask: np.ndarray,
    items: list[Item],
    limit: int,
    now: float,
    config: RankingSettings,
) -> list[Item]:
    """Items to append to `items` so the list reaches `limit` (fewer when none are left)."""
    if len(items) >= limit:
        return []
    view = view_of(snapshot)
    shown = _Shown(snapshot, source, items)
    chain: list[tuple[str, int | None, float | None]] = []
    code = snapshot.code_of("section", source.section) if source.section else -1
    if code >= 0:
        chain.append((SAME_SECTION_RECENT, code, now - config.fallback_section_days * DAY))
    chain.append((RECENT, None, None))
    out: list[Item] = []
    for reason, section, since in chain:
        for rows in newest_first(view, mask, since, section):
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
