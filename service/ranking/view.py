"""Per-snapshot arrays the pipeline reads on every request, built once per snapshot.

The snapshot's columns are a structured memmap; comparing a strided field of
100,000 rows on every request costs more than the whole rest of the pipeline,
so each field is copied once into a contiguous array, with the rows ordered
newest first for the fallbacks and per-section freshness tables per settings.
"""

from __future__ import annotations

import math
import threading
import weakref
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from indexer.snapshot import STATUS_CODES
from service.ranking.base import DAY, Corpus
from service.ranking.settings import RankingSettings

PUBLISHED = STATUS_CODES["published"]
LIVE_STEP = 60  # seconds: embargo and expiry are applied per minute
LIVE_CACHE = 32  # masks kept per cache (languages x sponsored; reference days)


@dataclass(frozen=True)
class SectionTable:
    """Freshness settings spread over section codes: index with a row's section."""

    half_life_s: np.ndarray  # float64 seconds per section code
    max_age_s: np.ndarray  # float64 seconds per section code, inf = no limit
    # per row: the last day (epoch days) its section's maximum age lets it show;
    # None when no section has a maximum age
    shown_until_day: np.ndarray | None = None


@dataclass
class SnapshotView:
    """Contiguous copies of the columns the pipeline filters and scores on."""

    published: np.ndarray
    expires: np.ndarray
    status: np.ndarray
    sponsored: np.ndarray
    section: np.ndarray
    language: np.ndarray
    title_key: np.ndarray
    url_key: np.ndarray
    by_recency: np.ndarray  # rows, newest first, undated last
    sections: list[str]
    published_ok: np.ndarray  # status published
    editorial_ok: np.ndarray  # status published and not sponsored
    expires_at: np.ndarray  # float64 expiry, inf when none
    url_order: np.ndarray  # rows sorted by url_key, to find twins without a scan
    url_sorted: np.ndarray  # url_key[url_order]
    title_order: np.ndarray  # rows sorted by title_key
    title_sorted: np.ndarray  # title_key[title_order]
    canonical: np.ndarray  # another row names this one's URL as its canonical URL
    leads: Any  # (n, PERMUTATIONS) uint32 lead signatures, as the snapshot stores them
    _tables: dict[tuple[object, ...], SectionTable] = field(default_factory=dict)
    _languages: dict[int, np.ndarray] = field(default_factory=dict)
    _live: dict[tuple[int | None, bool, int], np.ndarray] = field(default_factory=dict)
    _young: dict[tuple[int, int], np.ndarray] = field(default_factory=dict)
    _by_config: dict[int, tuple[RankingSettings, SectionTable]] = field(default_factory=dict)
    # calibrated floors per (calibration group, settings fingerprint): `floors.calibrated`
    floors: dict[tuple[int, str], Any] = field(default_factory=dict)

    def live(
        self,
        language: int | None,
        sponsored: bool,
        now: float,
        table: SectionTable,
        reference: float,
    ) -> np.ndarray:
        """Rows that may show now: a new mask, the request's to change.

        Published, not sponsored unless allowed, in the language with this code
        (any when None), published by the start of the minute of `now`, not
        expiring before its end, and within their section's maximum age of the
        `reference` day. Both parts are cached (per minute, per reference day),
        so a request usually pays one copy and one AND instead of eight passes
        over every row. Both roundings err on the side of not showing.
        """
        minute = math.floor(now / LIVE_STEP)
        key = (language, sponsored, minute)
        mask = self._live.get(key)
        if mask is None:
            start, end = minute * LIVE_STEP, (minute + 1) * LIVE_STEP
            mask = (self.published_ok if sponsored else self.editorial_ok).copy()
            if language is not None:
                mask &= self.language_is(language)
            mask &= self.published <= start
            mask &= self.expires_at > end
            _remember(self._live, key, mask)
        if table.shown_until_day is None:
            return mask.copy()
        day = math.floor(reference / DAY) + 1
        young = self._young.get((id(table), day))
        if young is None:
            young = table.shown_until_day >= day
            _remember(self._young, (id(table), day), young)
        return mask & young

    def leads_of(self, rows: np.ndarray) -> np.ndarray:
        """Lead signatures of `rows` (written by the build, or by the live delta)."""
        return np.asarray(self.leads[np.asarray(rows, dtype=np.int64)], dtype=np.uint32)

    def language_is(self, code: int) -> np.ndarray:
        """Rows in the language with this code (cached per code)."""
        rows = self._languages.get(code)
        if rows is None:
            rows = self.language == code
            self._languages[code] = rows
        return rows

    def twins(self, kind: str, key: int) -> np.ndarray:
        """Rows whose url_key (`kind` "url") or title_key ("title") equals `key`."""
        if kind == "url":
            order, sorted_keys = self.url_order, self.url_sorted
        else:
            order, sorted_keys = self.title_order, self.title_sorted
        lo = int(np.searchsorted(sorted_keys, np.uint64(key), side="left"))
        hi = int(np.searchsorted(sorted_keys, np.uint64(key), side="right"))
        return order[lo:hi]

    def table(self, config: RankingSettings) -> SectionTable:
        """Half-life and maximum age per section code for `config` (cached).

        Settings are read once and not changed afterwards, so the table is found
        by the settings object first and by their mappings' contents after.
        """
        known = self._by_config.get(id(config))
        if known is not None and known[0] is config:
            return known[1]
        key = (
            tuple(sorted(config.half_life_days.items())),
            tuple(sorted(config.max_age_days.items())),
        )
        table = self._tables.get(key)
        if table is None:
            half = [config.half_life_for(s) * DAY for s in self.sections]
            ages = [config.max_age_for(s) for s in self.sections]
            max_age_s = np.asarray(
                [math.inf if a is None else a * DAY for a in ages], dtype=np.float64
            )
            # undated rows have no known age: only an explicit date filter drops them
            until = np.where(
                self.published == 0, math.inf, self.published + max_age_s[self.section]
            )
            until_day = np.floor(np.minimum(until / DAY, np.iinfo(np.int32).max))
            table = SectionTable(
                half_life_s=np.asarray(half, dtype=np.float64),
                max_age_s=max_age_s,
                shown_until_day=until_day.astype(np.int32) if np.isfinite(until).any() else None,
            )
            self._tables[key] = table
        self._by_config[id(config)] = (config, table)
        return table


def _remember(cache: dict[Any, np.ndarray], key: Any, mask: np.ndarray) -> None:
    """Keep `mask` under `key`; a full cache (mostly past minutes) starts over."""
    if len(cache) >= LIVE_CACHE:
        cache.clear()
    cache[key] = mask


_VIEWS: weakref.WeakKeyDictionary[Corpus, SnapshotView] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def build_view(snapshot: Corpus) -> SnapshotView:
    """Copy the columns out of the memmap and order rows by recency."""
    cols = snapshot.columns
    published = np.ascontiguousarray(cols["published"], dtype=np.int64)
    status = np.ascontiguousarray(cols["status"], dtype=np.int8)
    sponsored = np.ascontiguousarray(cols["sponsored"], dtype=bool)
    expires = np.ascontiguousarray(cols["expires"], dtype=np.int64)
    url_key = np.ascontiguousarray(cols["url_key"], dtype=np.uint64)
    title_key = np.ascontiguousarray(cols["title_key"], dtype=np.uint64)
    url_order = np.argsort(url_key, kind="stable")
    title_order = np.argsort(title_key, kind="stable")
    return SnapshotView(
        published=published,
        expires=expires,
        status=status,
        sponsored=sponsored,
        section=np.ascontiguousarray(cols["section"], dtype=np.int32),
        language=np.ascontiguousarray(cols["language"], dtype=np.int32),
        title_key=title_key,
        url_key=url_key,
        # undated rows (0) sort last: -0 is the largest key
        by_recency=np.argsort(-published, kind="stable"),
        sections=list(snapshot.sections),
        published_ok=status == PUBLISHED,
        editorial_ok=(status == PUBLISHED) & ~sponsored,
        expires_at=np.where(expires == 0, math.inf, expires.astype(np.float64)),
        url_order=url_order,
        url_sorted=url_key[url_order],
        title_order=title_order,
        title_sorted=title_key[title_order],
        canonical=np.ascontiguousarray(cols["canonical"], dtype=bool),
        leads=snapshot.leads,
    )


def view_of(snapshot: Corpus) -> SnapshotView:
    """The view of `snapshot`, built on first use and dropped with the snapshot.

    A corpus whose rows are another's exactly (a live snapshot with nothing
    merged names its base as `rows_of`) shares that one's view.
    """
    snapshot = getattr(snapshot, "rows_of", snapshot)
    view = _VIEWS.get(snapshot)
    if view is None:
        with _LOCK:
            view = _VIEWS.get(snapshot)
            if view is None:
                view = build_view(snapshot)
                _VIEWS[snapshot] = view
    return view
