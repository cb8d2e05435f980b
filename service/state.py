"""What one app holds: settings, the snapshot holder, the cache and the embedding model.

Built once by `create_app` and kept in `app.extensions["morelike"]`. The model
is loaded only when an endpoint needs to embed (`POST /v1/related`), once per
process, under a lock so concurrent first requests do not load it twice.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from flask import current_app

from indexer.embedder import DEFAULT_MODEL, Embedder, ModelNotFound
from indexer.snapshot import Snapshot
from service import metrics
from service.cache import LocalCache, ResponseCache
from service.errors import Unavailable
from service.settings import Settings
from service.snapshots import SnapshotHolder

logger = logging.getLogger(__name__)

EXTENSION = "morelike"


class EmbedderPool:
    """Embedders by model name, created and loaded on first use."""

    def __init__(self, model: str | None, preset: Embedder | None = None) -> None:
        self.model = model
        self._embedders: dict[str, Embedder] = {}
        self._lock = threading.Lock()
        if preset is not None:
            self._embedders[preset.model_name] = preset

    @property
    def loaded(self) -> bool:
        """Whether this process has a model in memory."""
        return bool(self._embedders) and any(e._model is not None for e in self._embedders.values())

    def for_snapshot(self, snapshot: Snapshot) -> Embedder:
        """The loaded embedder for the snapshot's model (or the configured one)."""
        info = snapshot.manifest.get("model", {})
        name = self.model or info.get("name") or DEFAULT_MODEL
        embedder = self._embedders.get(name)
        if embedder is None or embedder._model is None:
            with self._lock:
                embedder = self._embedders.get(name)
                if embedder is None:
                    try:
                        embedder = Embedder(name)
                    except ModelNotFound as exc:
                        raise Unavailable(str(exc)) from exc
                    self._embedders[name] = embedder
                if embedder._model is None:
                    logger.info("loading the embedding model %s for POST /v1/related", name)
                    _ = embedder.model  # load inside the lock: once per process
                    metrics.MODEL_LOADED.set(1)
        dim = info.get("dimension")
        if dim and embedder.dimension != int(dim):
            raise Unavailable(
                f"model {embedder.model_name} gives {embedder.dimension}-d vectors, "
                f"snapshot {snapshot.version} has {dim}-d ones"
            )
        return embedder


@dataclass
class State:
    """The shared clients of one app."""

    settings: Settings
    holder: SnapshotHolder
    cache: ResponseCache
    embedders: EmbedderPool
    hot: LocalCache[tuple[str, bytes]]


def state() -> State:
    """The current app's state."""
    found: State = current_app.extensions[EXTENSION]
    return found
