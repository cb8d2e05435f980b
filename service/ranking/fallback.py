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


def newest_first(view: SnapshotView, mask: np.ndarray, since: float | None) -> Iterator[int]:
    """Allowed rows, newest first; stops at rows older than `since` when given."""
    order = view.by_recency
    for start in range(0, len(order), SCAN_CHUNK):
        part = order[start : start + SCAN_CHUNK]
        if since is not None:
            recent = view.published[part] >= since
            if not recent.any():
                return
            part = part[recent]
        for row in part[mask[part]]:
            yield int(row)


class _Shown:
    """The stories already in the list and the source's: keys, vectors and leads."""

    def __init__(self, snapshot: Snapshot, source: Source, items: list[Item]) -> None:
        self.snapshot = snapshot
        self.view = view_of(snapshot)
        rows = np.asarray([i.row for i in items], dtype=np.int64)
        self.rows = set(rows.tolist())
        self.keys = set(self.view.title_key[rows].tolist()) | set(self.view.url_key[rows].tolist())
        self.keys.discard(0)
        self.vectors = [np.asarray(source.vector, dtype=np.float32)]
        self.vectors += list(np.asarray(snapshot.vectors[rows], dtype=np.float32))
        self.leads: list[np.ndarray | None] = [source_lead(snapshot, source)]
        self.leads += [None] * len(rows)  # looked up only when a candidate comes close
        self.lead_rows: list[int | None] = [None, *rows.tolist()]

    def _lead(self, i: int) -> np.ndarray | None:
        row = self.lead_rows[i]
        if self.leads[i] is None and row is not None:
            self.leads[i] = self.view.leads_of(self.snapshot, np.asarray([row]))[0]
        return self.leads[i]

    def repeats(self, row: int, keys: set[int], config: RankingSettings) -> bool:
        """True when `row` is a story already shown (or the source's)."""
        if keys & self.keys:
            return True
        vector = np.asarray(self.snapshot.vectors[row], dtype=np.float32)
        dense = np.stack(self.vectors) @ vector
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
        self.vectors.append(np.asarray(self.snapshot.vectors[row], dtype=np.float32))
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
    view = view_of(snapshot)
    shown = _Shown(snapshot, source, items)
    chain: list[tuple[str, np.ndarray, float | None]] = []
    code = snapshot.code_of("section", source.section) if source.section else -1
    if code >= 0:
        window = now - config.fallback_section_days * DAY
        chain.append((SAME_SECTION_RECENT, mask & (view.section == code), window))
    chain.append((RECENT, mask, None))
    out: list[Item] = []
    for reason, allowed, since in chain:
        for row in newest_first(view, allowed, since):
            if len(items) + len(out) >= limit:
                return out
            if row in shown.rows:
                continue
            keys = {int(view.title_key[row]), int(view.url_key[row])} - {0}
            if shown.repeats(row, keys, config):
                continue
            c = gather(snapshot, source, np.asarray([row]))
            score = float(hybrid(c.dense, c.sparse, config)[0])
            out.append(Item(row, score, reason, {"similarity": score}))
            shown.add(row, keys)
    return out
