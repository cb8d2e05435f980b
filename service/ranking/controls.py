"""Step 0: an editor's controls over one article's list.

- `disabled`: the page carries no block: an empty list.
- `blocked`: articles never shown with this one (added to the request's `exclude`).
- `pinned`: shown first, in the editor's order, when published (live now: not a
  draft, not expired, not embargoed) and not the article itself; the ranked
  list fills the slots after them, never repeating one.

Site-wide exclusions (ids, sections, tags) are applied by the live snapshot to
its rows, so they hold everywhere, fallbacks included.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from service.ranking.base import PINNED, Corpus, Item, Source
from service.ranking.pipeline import related
from service.ranking.settings import Ranking
from service.ranking.view import view_of


@dataclass(frozen=True)
class Controls:
    """What an editor set for one article's list (the default: nothing)."""

    pinned: tuple[str, ...] = ()
    blocked: tuple[str, ...] = ()
    disabled: bool = False


def pinned_items(snapshot: Corpus, source: Source, ids: tuple[str, ...], now: float) -> list[Item]:
    """The pinned articles that are live now, in the editor's order."""
    view = view_of(snapshot)
    out: list[Item] = []
    for article_id in ids:
        row = snapshot.row_of(article_id)
        if row is None or row == source.row or any(i.row == row for i in out):
            continue
        live = view.published_ok[row] and view.published[row] <= now
        live = live and view.expires_at[row] > now
        if live:
            out.append(Item(int(row), 1.0, PINNED, {}))
    return out


def related_with_controls(
    snapshot: Corpus, source: Source, ranking: Ranking, now: float, controls: Controls
) -> list[Item]:
    """The list with the editor's controls applied around the ranking."""
    if controls.disabled or ranking.limit <= 0:
        return []
    pinned = pinned_items(snapshot, source, controls.pinned, now)[: ranking.limit]
    # the pinned ones are shown already (or not live, which the ranking never shows)
    exclude = set(ranking.exclude) | set(controls.blocked) | set(controls.pinned)
    rest = replace(ranking, exclude=tuple(sorted(exclude)), limit=ranking.limit - len(pinned))
    return pinned + (related(snapshot, source, rest, now) if rest.limit > 0 else [])


def controls_of(value: dict[str, Any] | None) -> Controls:
    """Controls from their stored JSON."""
    value = value or {}
    return Controls(
        pinned=tuple(str(v) for v in value.get("pinned") or ()),
        blocked=tuple(str(v) for v in value.get("blocked") or ()),
        disabled=bool(value.get("disabled")),
    )
